package io.basalt.exec.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Creates every Arrow root allocator Basalt uses and remembers the ones still open, so that a test
 * harness can demand that a test closed everything it opened. Arrow itself throws when an allocator
 * is closed with memory still out; this registry catches the allocators nobody closed.
 */
public final class MemoryRoots {
    private static final Set<Tracked> OPEN = ConcurrentHashMap.newKeySet();

    private MemoryRoots() {
    }

    /** A new root allocator with a limit; it unregisters itself when closed. */
    public static BufferAllocator newRoot(String name, long limit) {
        Tracked root = new Tracked(name, limit);
        OPEN.add(root);
        return root;
    }

    /** Descriptions of the root allocators that are still open (name and bytes held). */
    public static List<String> openRoots() {
        List<String> out = new ArrayList<>();
        for (Tracked root : OPEN) {
            out.add(root.name + " holding " + root.getAllocatedMemory() + " bytes");
        }
        return out;
    }

    private static final class Tracked extends RootAllocator {
        private final String name;

        Tracked(String name, long limit) {
            super(RootAllocator.configBuilder().maxAllocation(limit)
                    .allocationManagerFactory(RecyclingAllocationManager.FACTORY).build());
            this.name = name;
        }

        @Override
        public void close() {
            try {
                super.close();
            } finally {
                OPEN.remove(this);
            }
        }
    }
}
