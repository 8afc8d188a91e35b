package io.basalt.exec.memory;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.AllocationManager;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.memory.netty.NettyAllocationManager;

/**
 * The Arrow allocation manager of every Basalt root allocator ({@link MemoryRoots}). Buffers of at least
 * {@link #RECYCLED_MINIMUM} bytes (a decoded column chunk of a row group, a join's or aggregate's tables) are native
 * memory that is not given back when Arrow releases it but kept in a free list per size, up to
 * {@link #RETAINED_PROPERTY} bytes in all, and handed to the next buffer of that size zeroed; smaller ones come from
 * Arrow's netty pool as before. Netty's pool unmaps a chunk of its memory as soon as the chunk empties, so every
 * database opened again, and every buffer cache filling after a scan let go, faulted in each page of its decoded
 * chunks afresh: in TPC-H q01's first run after opening SF1 (JFR, data cold, JIT warm) 30% of the samples were
 * first touches of memory netty had just mapped ({@code Bits.setMemory} under {@code PoolArena.newChunk}). A kept
 * block has its pages mapped already. What the free lists hold is outside every allocator's accounting (it belongs
 * to no query or database) and is never returned while the process runs; {@link #retainedBytes} reports it.
 *
 * <p>Lifecycle, as Arrow's contract says: {@link Factory#create} takes a block (from a free list or malloc), Arrow
 * calls {@link #release0} once when the last reference to the buffer is gone, which returns the block to its list or
 * frees it when the lists are full. Thread-safe.
 */
public final class RecyclingAllocationManager extends AllocationManager {
    /** The smallest buffer taken from kept blocks: below it, netty's pool reuses its chunks' memory well enough. */
    public static final long RECYCLED_MINIMUM = 256 * 1024;
    /** The JVM system property capping the bytes kept in the free lists (read once); 0 keeps nothing. */
    public static final String RETAINED_PROPERTY = "basalt.retained_native_memory";
    private static final long RETAINED_LIMIT = Long.getLong(RETAINED_PROPERTY, 1L << 30);

    private static final AllocationManager.Factory DEFAULT = NettyAllocationManager.FACTORY;
    private static final ConcurrentHashMap<Long, ConcurrentLinkedDeque<Long>> FREE = new ConcurrentHashMap<>();
    private static final AtomicLong RETAINED = new AtomicLong();

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle MALLOC = LINKER.downcallHandle(
            LINKER.defaultLookup().find("malloc").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG));
    private static final MethodHandle FREE_MEMORY = LINKER.downcallHandle(
            LINKER.defaultLookup().find("free").orElseThrow(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS));

    /** The factory {@link MemoryRoots} gives its roots. */
    public static final AllocationManager.Factory FACTORY = new AllocationManager.Factory() {
        @Override
        public AllocationManager create(BufferAllocator accountingAllocator, long size) {
            if (size < RECYCLED_MINIMUM) {
                return DEFAULT.create(accountingAllocator, size);
            }
            return new RecyclingAllocationManager(accountingAllocator, size);
        }

        @Override
        public ArrowBuf empty() {
            return DEFAULT.empty();
        }
    };

    private final long address;
    private final long size;

    private RecyclingAllocationManager(BufferAllocator accountingAllocator, long size) {
        super(accountingAllocator);
        this.size = size;
        this.address = take(size);
    }

    @Override
    public long getSize() {
        return size;
    }

    @Override
    protected long memoryAddress() {
        return address;
    }

    @Override
    protected void release0() {
        give(address, size);
    }

    /** Bytes kept in the free lists now. */
    public static long retainedBytes() {
        return RETAINED.get();
    }

    /** A zeroed block of {@code size} bytes: a kept one of that size, else newly allocated. */
    private static long take(long size) {
        ConcurrentLinkedDeque<Long> blocks = FREE.get(size);
        Long kept = blocks == null ? null : blocks.pollFirst();
        long block;
        if (kept != null) {
            RETAINED.addAndGet(-size);
            block = kept;
        } else {
            block = malloc(size);
        }
        // zeroed as netty's newly mapped chunks were; a kept block's pages are mapped, so this is a plain write
        MemorySegment.ofAddress(block).reinterpret(size).fill((byte) 0);
        return block;
    }

    /** Keeps {@code block} for the next buffer of its size, or frees it when the lists hold their limit. */
    private static void give(long block, long size) {
        long retained = RETAINED.get();
        while (retained + size <= RETAINED_LIMIT) {
            if (RETAINED.compareAndSet(retained, retained + size)) {
                FREE.computeIfAbsent(size, ignored -> new ConcurrentLinkedDeque<>()).addFirst(block);
                return;
            }
            retained = RETAINED.get();
        }
        free(block);
    }

    private static long malloc(long size) {
        long block;
        try {
            block = ((MemorySegment) MALLOC.invokeExact(size)).address();
        } catch (Throwable e) {
            throw new IllegalStateException("malloc failed", e);
        }
        if (block == 0) {
            throw new OutOfMemoryException("cannot allocate " + size + " bytes of native memory");
        }
        return block;
    }

    private static void free(long block) {
        try {
            FREE_MEMORY.invokeExact(MemorySegment.ofAddress(block));
        } catch (Throwable e) {
            throw new IllegalStateException("free failed", e);
        }
    }
}
