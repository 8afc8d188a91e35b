package io.basalt.catalog.system;

import static io.basalt.catalog.system.SystemRelation.BOOL;
import static io.basalt.catalog.system.SystemRelation.INT4;
import static io.basalt.catalog.system.SystemRelation.INT8;
import static io.basalt.catalog.system.SystemRelation.TEXT;

import java.util.List;

/**
 * The server-statistics views only members of pg_read_all_stats may read: pg_backend_memory_contexts and
 * pg_shmem_allocations (PostgreSQL 15), pg_aios and pg_shmem_allocations_numa (PostgreSQL 18). An embedded engine has
 * no shared memory segments, memory contexts or asynchronous I/O of a server's, so they have no rows; they exist so
 * that queries and privilege inquiries naming them behave as on a server.
 */
public final class StatisticsRelations {
    /** The names of these views, which {@code pg_read_all_stats} (not PUBLIC) may read. */
    public static final List<String> NAMES = List.of("pg_backend_memory_contexts", "pg_shmem_allocations", "pg_aios",
            "pg_shmem_allocations_numa");

    private StatisticsRelations() {
    }

    static List<SystemRelation> all() {
        return List.of(
                SystemRelation.of("pg_catalog", "pg_backend_memory_contexts", 12006, new SystemRelation.Columns()
                        .add("name", TEXT).add("ident", TEXT).add("parent", TEXT).add("level", INT4)
                        .add("total_bytes", INT8).add("total_nblocks", INT8).add("free_bytes", INT8)
                        .add("free_chunks", INT8).add("used_bytes", INT8), objects -> List.of()),
                SystemRelation.of("pg_catalog", "pg_shmem_allocations", 12007, new SystemRelation.Columns()
                        .add("name", TEXT).add("off", INT8).add("size", INT8).add("allocated_size", INT8),
                        objects -> List.of()),
                SystemRelation.of("pg_catalog", "pg_aios", 12008, new SystemRelation.Columns().add("pid", INT4)
                        .add("io_id", INT4).add("io_generation", INT8).add("state", TEXT).add("operation", TEXT)
                        .add("off", INT8).add("length", INT8).add("target", TEXT).add("handle_data_len", SystemRelation.INT2)
                        .add("raw_result", INT4).add("result", TEXT).add("target_desc", TEXT).add("f_sync", BOOL)
                        .add("f_localmem", BOOL).add("f_buffered", BOOL), objects -> List.of()),
                SystemRelation.of("pg_catalog", "pg_shmem_allocations_numa", 12009, new SystemRelation.Columns()
                        .add("name", TEXT).add("numa_node", INT4).add("size", INT8), objects -> List.of()));
    }
}
