package io.basalt.format.parquet;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.ByteBufferAllocator;

/**
 * The heap buffers parquet-mr reads column chunks into, recycled: a scan worker closes a row group's page store when
 * it moves on, which hands the buffers back here, and the next row group's read takes the smallest kept array that
 * holds it instead of a new one. Without it every row group allocated its chunks anew (arrays of up to 8 MB, which
 * G1 places as humongous objects), a seventh of a numeric scan's garbage. At most {@link #KEPT_BYTES} stay kept
 * after a scan; the buffers handed out are slices as large as asked for. Thread-safe: one pool serves every scan.
 */
final class ChunkBufferPool implements ByteBufferAllocator {
    /**
     * The most bytes of arrays kept for reuse: enough for two threads' row groups of a wide projection, and at most
     * a 32nd of the heap.
     */
    private static final long KEPT_BYTES = Math.min(96L << 20, Runtime.getRuntime().maxMemory() / 32);

    private final List<byte[]> free = new ArrayList<>();
    private long keptBytes;

    @Override
    public ByteBuffer allocate(int size) {
        byte[] array = take(size);
        return ByteBuffer.wrap(array != null ? array : new byte[size], 0, size).slice();
    }

    private synchronized byte[] take(int size) {
        int best = -1;
        for (int i = 0; i < free.size(); i++) {
            int length = free.get(i).length;
            if (length >= size && (best < 0 || length < free.get(best).length)) {
                best = i;
            }
        }
        if (best < 0) {
            return null;
        }
        byte[] array = free.remove(best);
        keptBytes -= array.length;
        return array;
    }

    @Override
    public synchronized void release(ByteBuffer buffer) {
        if (!buffer.hasArray() || keptBytes + buffer.array().length > KEPT_BYTES) {
            return;
        }
        byte[] array = buffer.array();
        for (byte[] kept : free) {
            if (kept == array) {
                return;  // released twice: keep it once
            }
        }
        free.add(array);
        keptBytes += array.length;
    }

    @Override
    public boolean isDirect() {
        return false;
    }
}
