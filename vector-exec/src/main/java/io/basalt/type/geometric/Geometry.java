package io.basalt.type.geometric;

import io.basalt.type.ByteString;
import io.basalt.type.TypeId;

/**
 * The stored form of the geometric types: their coordinates as little-endian doubles, packed. A point is
 * {@code x, y}; an lseg its two end points; a box its upper-right then lower-left corner (the order PostgreSQL keeps
 * and prints); a line its coefficients {@code A, B, C} of {@code Ax + By + C = 0}; a circle its centre and radius; a
 * polygon its points; a path one byte (1: closed, 0: open) and then its points. The values are byte strings to the
 * rest of the engine (stored, logged and hashed as bytea is); this class reads and writes the coordinates.
 */
public final class Geometry {
    private Geometry() {
    }

    /** The coordinates of a stored value of type {@code id} (a path's without its closed flag). */
    public static double[] coordinates(ByteString stored, TypeId id) {
        byte[] bytes = stored.toByteArray();
        int offset = id == TypeId.PATH ? 1 : 0;
        double[] values = new double[(bytes.length - offset) / 8];
        for (int i = 0; i < values.length; i++) {
            long bits = 0;
            for (int b = 7; b >= 0; b--) {
                bits = bits << 8 | (bytes[offset + i * 8 + b] & 0xff);
            }
            values[i] = Double.longBitsToDouble(bits);
        }
        return values;
    }

    /** Whether a stored path is closed. */
    public static boolean isClosed(ByteString storedPath) {
        return storedPath.byteAt(0) == 1;
    }

    /** The stored value of a point, lseg, box, line, circle or polygon with these coordinates. */
    public static ByteString of(double... coordinates) {
        return ByteString.wrap(pack(coordinates, 0));
    }

    /** The stored value of a path. */
    public static ByteString path(boolean closed, double[] coordinates) {
        byte[] bytes = pack(coordinates, 1);
        bytes[0] = (byte) (closed ? 1 : 0);
        return ByteString.wrap(bytes);
    }

    private static byte[] pack(double[] coordinates, int offset) {
        byte[] bytes = new byte[offset + coordinates.length * 8];
        for (int i = 0; i < coordinates.length; i++) {
            long bits = Double.doubleToRawLongBits(coordinates[i]);
            for (int b = 0; b < 8; b++) {
                bytes[offset + i * 8 + b] = (byte) (bits >>> (8 * b));
            }
        }
        return bytes;
    }
}
