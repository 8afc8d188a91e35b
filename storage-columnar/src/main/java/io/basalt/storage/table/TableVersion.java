package io.basalt.storage.table;

/**
 * One committed state of an {@link InMemoryTableStore}, as a snapshot reads it: the generation, how many row
 * positions of it were filled ({@code positions}; full chunks never change again, the last chunk is read up to
 * {@code positions % chunkRows} rows), the deletion mask of every chunk then (null: none deleted; masks are copied
 * on write, so these never change), and the live row count. {@code commit} is the commit sequence number that
 * made it; a snapshot taken at sequence number S reads the newest version whose number is at most S.
 */
record TableVersion(long commit, InMemoryTableStore.Generation generation, long positions, long[][] masks,
                    long rowCount) {
}
