package io.basalt.engine.setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's planner and executor tuning parameters (the {@code enable_*} switches, cost constants,
 * parallelism and JIT thresholds, collapse limits), under PostgreSQL's names, types, ranges and defaults.
 * Scripts and tools written for PostgreSQL set them; Basalt accepts, checks and shows them, and its planner does
 * not act on them but for enable_hashagg (off, duplicate rows are removed by sorting): its plans come from its
 * own rules (see {@code io.basalt.optimizer}). A few names exist only since PostgreSQL 16 ({@code debug_parallel_query}, {@code enable_presorted_aggregate}); accepting them costs
 * nothing and keeps such scripts running.
 */
final class PlannerParameters {
    private static final String NOT_ACTED_ON = " (accepted for PostgreSQL compatibility; Basalt's planner does not use it)";
    private static final double DOUBLE_MAX = Double.MAX_VALUE;
    /** PostgreSQL's largest block count: INT_MAX / 3 blocks of 8 kB. */
    private static final int MAX_BLOCKS = Integer.MAX_VALUE / 3;

    private PlannerParameters() {
    }

    static List<Parameter> all() {
        List<Parameter> parameters = new ArrayList<>();
        for (String plan : List.of("async_append", "bitmapscan", "gathermerge", "hashagg", "hashjoin", "incremental_sort",
                "indexonlyscan", "indexscan", "material", "memoize", "mergejoin", "nestloop", "parallel_append",
                "parallel_hash", "partition_pruning", "presorted_aggregate", "seqscan", "sort", "tidscan")) {
            String description = "Enables the planner's use of " + plan.replace('_', ' ') + " plans";
            parameters.add(plan.equals("hashagg")
                    // off, Basalt removes duplicate rows by sorting (see io.basalt.optimizer.rule.SortedDistinct)
                    ? Parameter.session("enable_hashagg", description + ".", new BooleanType(), "on")
                    : flag("enable_" + plan, description, "on"));
        }
        parameters.add(flag("enable_partitionwise_aggregate", "Enables partitionwise aggregation and grouping", "off"));
        parameters.add(flag("enable_partitionwise_join", "Enables partitionwise join", "off"));
        parameters.add(flag("geqo", "Enables genetic query optimization", "on"));
        parameters.add(flag("jit", "Allows JIT compilation", "on"));
        parameters.add(flag("parallel_leader_participation", "Lets the leader process run parallel plans", "on"));

        parameters.add(real("seq_page_cost", "Cost of a sequentially fetched disk page", 0, DOUBLE_MAX, "1"));
        parameters.add(real("random_page_cost", "Cost of a nonsequentially fetched disk page", 0, DOUBLE_MAX, "4"));
        parameters.add(real("cpu_tuple_cost", "Cost of processing each tuple (row)", 0, DOUBLE_MAX, "0.01"));
        parameters.add(real("cpu_index_tuple_cost", "Cost of processing each index entry", 0, DOUBLE_MAX, "0.005"));
        parameters.add(real("cpu_operator_cost", "Cost of processing each operator or function call", 0, DOUBLE_MAX,
                "0.0025"));
        parameters.add(real("parallel_setup_cost", "Cost of starting up worker processes for parallel query", 0,
                DOUBLE_MAX, "1000"));
        parameters.add(real("parallel_tuple_cost", "Cost of passing each tuple from a parallel worker to the leader", 0,
                DOUBLE_MAX, "0.1"));
        parameters.add(real("jit_above_cost", "Query cost above which JIT compilation is done", -1, DOUBLE_MAX, "100000"));
        parameters.add(real("jit_inline_above_cost", "Query cost above which JIT inlining is done", -1, DOUBLE_MAX,
                "500000"));
        parameters.add(real("jit_optimize_above_cost", "Query cost above which JIT optimization is done", -1, DOUBLE_MAX,
                "500000"));
        parameters.add(real("cursor_tuple_fraction", "Fraction of a cursor's rows expected to be fetched", 0, 1, "0.1"));
        parameters.add(real("hash_mem_multiplier", "Multiple of work_mem that hash tables may use", 1, 1000, "2"));

        parameters.add(integer("max_parallel_workers_per_gather", "Most parallel workers per executor node", 0, 1024,
                IntegerUnit.NONE, "2"));
        parameters.add(integer("max_parallel_maintenance_workers", "Most parallel workers per maintenance operation", 0,
                1024, IntegerUnit.NONE, "2"));
        parameters.add(integer("min_parallel_table_scan_size", "Least table data for a parallel scan", 0, MAX_BLOCKS,
                IntegerUnit.BLOCKS, "8MB"));
        parameters.add(integer("min_parallel_index_scan_size", "Least index data for a parallel scan", 0, MAX_BLOCKS,
                IntegerUnit.BLOCKS, "512kB"));
        parameters.add(integer("effective_cache_size", "The planner's assumption about the total size of the data caches",
                1, Integer.MAX_VALUE, IntegerUnit.BLOCKS, "4GB"));
        parameters.add(integer("maintenance_work_mem", "Memory for maintenance operations", 1024, Integer.MAX_VALUE,
                IntegerUnit.KILOBYTES, "64MB"));
        parameters.add(integer("default_statistics_target", "Statistics target of table columns without their own", 1,
                10000, IntegerUnit.NONE, "100"));
        parameters.add(integer("from_collapse_limit", "FROM-list size beyond which subqueries are not collapsed", 1,
                Integer.MAX_VALUE, IntegerUnit.NONE, "8"));
        parameters.add(integer("join_collapse_limit", "FROM-list size beyond which JOIN constructs are not flattened", 1,
                Integer.MAX_VALUE, IntegerUnit.NONE, "8"));
        parameters.add(integer("geqo_threshold", "FROM items beyond which genetic query optimization is used", 2,
                Integer.MAX_VALUE, IntegerUnit.NONE, "12"));

        Map<String, String> booleanWords = Map.of("true", "on", "yes", "on", "1", "on", "false", "off", "no", "off",
                "0", "off");
        parameters.add(choice("constraint_exclusion", "Lets the planner use constraints to optimize queries",
                new EnumType(List.of("partition", "on", "off"), booleanWords), "partition"));
        parameters.add(choice("plan_cache_mode", "The planner's choice between custom and generic plans",
                new EnumType("auto", "force_generic_plan", "force_custom_plan"), "auto"));
        for (String name : List.of("force_parallel_mode", "debug_parallel_query")) {
            parameters.add(choice(name, "Forces the use of parallel query facilities",
                    new EnumType(List.of("off", "on", "regress"), booleanWords), "off"));
        }
        return parameters;
    }

    private static Parameter flag(String name, String description, String defaultValue) {
        return Parameter.session(name, description + NOT_ACTED_ON + ".", new BooleanType(), defaultValue);
    }

    private static Parameter real(String name, String description, double min, double max, String defaultValue) {
        return Parameter.session(name, description + NOT_ACTED_ON + ".", new RealType(min, max), defaultValue);
    }

    private static Parameter integer(String name, String description, int min, int max, IntegerUnit unit,
                                     String defaultValue) {
        return Parameter.session(name, description + NOT_ACTED_ON + ".", new IntegerType(min, max, unit), defaultValue);
    }

    private static Parameter choice(String name, String description, EnumType type, String defaultValue) {
        return Parameter.session(name, description + NOT_ACTED_ON + ".", type, defaultValue);
    }
}
