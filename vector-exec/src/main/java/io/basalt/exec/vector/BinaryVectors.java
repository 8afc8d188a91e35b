package io.basalt.exec.vector;

import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * Tells apart the logical types that share an Arrow binary vector class: a FixedSizeBinary(16) vector holds
 * an INTERVAL or a UUID, a VarBinary vector an arbitrary-precision NUMERIC, a BYTEA or a JSONB. The field's
 * {@value LogicalType#METADATA_KEY} tag decides; an untagged vector keeps the older meaning (INTERVAL,
 * NUMERIC). The check is one metadata lookup, cheap beside the per-value work of the callers that make it.
 */
public final class BinaryVectors {
    private static final String UUID_TAG = TypeId.UUID.name() + ":";
    private static final String BYTEA_TAG = TypeId.BYTEA.name() + ":";
    private static final String JSONB_TAG = TypeId.JSONB.name() + ":";

    private BinaryVectors() {
    }

    /** Whether a FixedSizeBinary vector holds uuids (else intervals). */
    public static boolean holdsUuid(FieldVector vector) {
        return tagStartsWith(vector, UUID_TAG);
    }

    /** Whether a VarBinary vector holds bytea values (else arbitrary-precision numerics). */
    public static boolean holdsBytea(FieldVector vector) {
        return tagStartsWith(vector, BYTEA_TAG) || holdsPackedBytes(vector);
    }

    /**
     * Whether a VarBinary vector holds values of a geometric or range type: byte strings, as bytea's are, which
     * the types' functions read ({@code io.basalt.type.geometric}, {@code io.basalt.type.range}).
     */
    private static boolean holdsPackedBytes(FieldVector vector) {
        Map<String, String> metadata = vector.getField().getMetadata();
        String tag = metadata == null ? null : metadata.get(LogicalType.METADATA_KEY);
        if (tag == null || tag.endsWith("[]")) {
            return false;
        }
        int colon = tag.indexOf(':');
        if (colon < 0) {
            return false;
        }
        return switch (tag.substring(0, colon)) {
            case "POINT", "LSEG", "PATH", "BOX", "POLYGON", "LINE", "CIRCLE", "RANGE" -> true;
            default -> false;
        };
    }

    /** Whether a VarBinary vector holds jsonb values. */
    public static boolean holdsJsonb(FieldVector vector) {
        return tagStartsWith(vector, JSONB_TAG);
    }

    private static boolean tagStartsWith(FieldVector vector, String prefix) {
        Map<String, String> metadata = vector.getField().getMetadata();
        String tag = metadata == null ? null : metadata.get(LogicalType.METADATA_KEY);
        return tag != null && tag.startsWith(prefix);
    }
}
