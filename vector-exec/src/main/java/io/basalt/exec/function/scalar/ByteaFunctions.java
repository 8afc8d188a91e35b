package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves calls to the bytea functions. A name that PostgreSQL defines for both text and bytea
 * ({@code length}, {@code substring}, {@code position}, {@code btrim}, ...) takes the bytea variant when a
 * string argument is bytea and the others are bytea or untyped literals; an untyped literal alone goes to the
 * text variant, as PostgreSQL prefers text. Names that exist only for bytea ({@code sha256}, {@code get_byte},
 * {@code encode}, ...) also take untyped literals as bytea.
 */
final class ByteaFunctions {
    /** What each argument position of a signature is. */
    private enum Slot {
        BYTES, TEXT, INTEGER, BIGINT
    }

    private ByteaFunctions() {
    }

    /** The bytea function for {@code name(types)}, or null when it is not one. */
    static ScalarFunctions.Resolved resolve(String name, List<LogicalType> types) {
        int n = types.size();
        return switch (name) {
            case "length", "octet_length" -> overloaded(ByteaFunction.Kind.LENGTH, types, LogicalType.INTEGER, Slot.BYTES);
            case "bit_length" -> overloaded(ByteaFunction.Kind.BIT_LENGTH, types, LogicalType.INTEGER, Slot.BYTES);
            case "bit_count" -> overloaded(ByteaFunction.Kind.BIT_COUNT, types, LogicalType.BIGINT, Slot.BYTES);
            case "substring", "substr" -> n == 3
                    ? overloaded(ByteaFunction.Kind.SUBSTRING, types, LogicalType.BYTEA, Slot.BYTES, Slot.INTEGER, Slot.INTEGER)
                    : overloaded(ByteaFunction.Kind.SUBSTRING, types, LogicalType.BYTEA, Slot.BYTES, Slot.INTEGER);
            case "position" -> overloaded(ByteaFunction.Kind.POSITION, types, LogicalType.INTEGER, Slot.BYTES, Slot.BYTES);
            case "btrim", "trim" -> overloaded(ByteaFunction.Kind.BTRIM, types, LogicalType.BYTEA, Slot.BYTES, Slot.BYTES);
            case "ltrim" -> overloaded(ByteaFunction.Kind.LTRIM, types, LogicalType.BYTEA, Slot.BYTES, Slot.BYTES);
            case "rtrim" -> overloaded(ByteaFunction.Kind.RTRIM, types, LogicalType.BYTEA, Slot.BYTES, Slot.BYTES);
            case "overlay" -> n == 4
                    ? overloaded(ByteaFunction.Kind.OVERLAY, types, LogicalType.BYTEA, Slot.BYTES, Slot.BYTES, Slot.INTEGER, Slot.INTEGER)
                    : overloaded(ByteaFunction.Kind.OVERLAY, types, LogicalType.BYTEA, Slot.BYTES, Slot.BYTES, Slot.INTEGER);
            case "md5" -> md5(types);
            case "sha224" -> only(ByteaFunction.Kind.SHA224, types, LogicalType.BYTEA, Slot.BYTES);
            case "sha256" -> only(ByteaFunction.Kind.SHA256, types, LogicalType.BYTEA, Slot.BYTES);
            case "sha384" -> only(ByteaFunction.Kind.SHA384, types, LogicalType.BYTEA, Slot.BYTES);
            case "sha512" -> only(ByteaFunction.Kind.SHA512, types, LogicalType.BYTEA, Slot.BYTES);
            case "get_byte" -> only(ByteaFunction.Kind.GET_BYTE, types, LogicalType.INTEGER, Slot.BYTES, Slot.INTEGER);
            case "set_byte" -> only(ByteaFunction.Kind.SET_BYTE, types, LogicalType.BYTEA, Slot.BYTES, Slot.INTEGER, Slot.INTEGER);
            case "get_bit" -> only(ByteaFunction.Kind.GET_BIT, types, LogicalType.INTEGER, Slot.BYTES, Slot.BIGINT);
            case "set_bit" -> only(ByteaFunction.Kind.SET_BIT, types, LogicalType.BYTEA, Slot.BYTES, Slot.BIGINT, Slot.INTEGER);
            case "encode" -> only(ByteaFunction.Kind.ENCODE, types, LogicalType.TEXT, Slot.BYTES, Slot.TEXT);
            case "decode" -> only(ByteaFunction.Kind.DECODE, types, LogicalType.BYTEA, Slot.TEXT, Slot.TEXT);
            case "reverse" -> overloaded(ByteaFunction.Kind.REVERSE, types, LogicalType.BYTEA, Slot.BYTES);
            case "crc32" -> only(ByteaFunction.Kind.CRC32, types, LogicalType.BIGINT, Slot.BYTES);
            case "crc32c" -> only(ByteaFunction.Kind.CRC32C, types, LogicalType.BIGINT, Slot.BYTES);
            default -> null;
        };
    }

    /** The {@code ||} operator over two bytea values. */
    static ScalarFunction concatOperator() {
        return new ByteaFunction(ByteaFunction.Kind.CONCAT_OPERATOR);
    }

    /** A name PostgreSQL also defines over text: matches only when some bytea slot holds a bytea argument. */
    private static ScalarFunctions.Resolved overloaded(ByteaFunction.Kind kind, List<LogicalType> types,
                                                       LogicalType result, Slot... slots) {
        boolean anyBytea = false;
        for (int i = 0; i < types.size() && i < slots.length; i++) {
            anyBytea |= slots[i] == Slot.BYTES && types.get(i).id() == TypeId.BYTEA;
        }
        return anyBytea ? only(kind, types, result, slots) : null;
    }

    /** Matches when every argument fits its slot (untyped literals fit any). */
    private static ScalarFunctions.Resolved only(ByteaFunction.Kind kind, List<LogicalType> types, LogicalType result,
                                                 Slot... slots) {
        if (types.size() != slots.length || !kind.accepts(types.size())) {
            return null;
        }
        List<LogicalType> argumentTypes = new ArrayList<>();
        for (int i = 0; i < slots.length; i++) {
            LogicalType type = types.get(i);
            boolean unknown = type.id() == TypeId.UNKNOWN;
            LogicalType target = switch (slots[i]) {
                case BYTES -> unknown || type.id() == TypeId.BYTEA ? LogicalType.BYTEA : null;
                case TEXT -> type.isString() ? LogicalType.TEXT : null;
                case INTEGER -> unknown || type.id() == TypeId.SMALLINT || type.id() == TypeId.INTEGER
                        ? LogicalType.INTEGER : null;
                case BIGINT -> unknown || type.isIntegral() ? LogicalType.BIGINT : null;
            };
            if (target == null) {
                return null;
            }
            argumentTypes.add(target);
        }
        return new ScalarFunctions.Resolved(new ByteaFunction(kind), argumentTypes, result);
    }

    /** {@code md5(bytea)}, or {@code md5(text)} (the UTF-8 bytes of the text) for text and untyped literals. */
    private static ScalarFunctions.Resolved md5(List<LogicalType> types) {
        if (types.size() != 1) {
            return null;
        }
        if (types.getFirst().id() == TypeId.BYTEA) {
            return only(ByteaFunction.Kind.MD5, types, LogicalType.TEXT, Slot.BYTES);
        }
        if (types.getFirst().isString()) {
            return new ScalarFunctions.Resolved(new ByteaFunction(ByteaFunction.Kind.MD5), List.of(LogicalType.TEXT),
                    LogicalType.TEXT);
        }
        return null;
    }
}
