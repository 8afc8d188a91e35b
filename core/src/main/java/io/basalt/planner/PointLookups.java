package io.basalt.planner;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.storage.table.PointLookupKey;
import io.basalt.storage.table.TableStore;
import java.util.ArrayList;
import java.util.List;

/**
 * How EXPLAIN shows a filter directly over a table scan whose conjuncts fix every column of a unique key with
 * {@code column = constant}: the physical planner hands those conjuncts to the scan as {@link ScanPredicates}, and
 * the table store then reads only the rows its key index names (a point lookup) instead of every row, so the scan
 * is PostgreSQL's "Index Scan using t_pkey on t" with the key's equalities as its "Index Cond" (in key column
 * order) and the other conjuncts as its "Filter". The store decides ({@link TableStore#pointLookup}); this class
 * only sorts the conjuncts for printing. The full filter still runs above the lookup.
 */
public final class PointLookups {
    /** The index a scan reads through, the conjuncts it looks up by, and the conjuncts left to the filter. */
    public record Lookup(String indexName, List<BoundExpression> conditions, List<BoundExpression> others) {
        public Lookup {
            conditions = List.copyOf(conditions);
            others = List.copyOf(others);
        }
    }

    private PointLookups() {
    }

    /**
     * The point lookup a scan of {@code source} reading {@code scanColumns} under a filter of {@code conjuncts} (over
     * the scan's output) makes, or null when it reads every row.
     */
    public static Lookup of(ScanSource source, List<BoundExpression> conjuncts, int[] scanColumns) {
        if (!(source instanceof TableStore store)) {
            return null;
        }
        PointLookupKey key = store.pointLookup(ScanPredicates.of(conjuncts, scanColumns));
        if (key == null) {
            return null;
        }
        List<BoundExpression> remaining = new ArrayList<>(conjuncts);
        List<BoundExpression> conditions = new ArrayList<>();
        for (int column : key.columns()) {
            for (int i = 0; i < remaining.size(); i++) {
                List<ScanPredicate> predicates = ScanPredicates.of(List.of(remaining.get(i)), scanColumns);
                if (predicates.size() == 1 && predicates.getFirst() instanceof ScanPredicate.Compare compare
                        && compare.operator() == CompareOp.EQ && compare.column() == column) {
                    conditions.add(remaining.remove(i));
                    break;
                }
            }
        }
        if (conditions.size() != key.columns().length) {
            return null; // a key equality hidden inside a larger conjunct: print the plain scan
        }
        return new Lookup(key.indexName(), conditions, remaining);
    }

    /**
     * The GIN index a scan of {@code source} reading {@code scanColumns} under a filter of {@code conjuncts} reads its
     * candidate rows through (PostgreSQL's Bitmap Index Scan under a Bitmap Heap Scan), with the conjunct it looks up
     * by (the Index Cond and Recheck Cond) and the others (the Filter); null when it reads rows otherwise.
     */
    public static Lookup bitmapOf(ScanSource source, List<BoundExpression> conjuncts, int[] scanColumns) {
        if (!(source instanceof TableStore store)) {
            return null;
        }
        String indexName = store.invertedLookup(ScanPredicates.of(conjuncts, scanColumns));
        if (indexName == null) {
            return ExpressionIndexPredicates.lookup(source, conjuncts, scanColumns);
        }
        // the store looks up by the first conjunct some index serves, however cheap a scan of every row would be
        for (int i = 0; i < conjuncts.size(); i++) {
            List<ScanPredicate> predicates = ScanPredicates.of(List.of(conjuncts.get(i)), scanColumns);
            if (predicates.size() == 1 && predicates.getFirst() instanceof ScanPredicate.JsonbMatch match
                    && store.invertedLookup(List.of(new ScanPredicate.JsonbMatch(match.column(), match.kind(),
                    match.operand(), true))) != null) {
                List<BoundExpression> others = new ArrayList<>(conjuncts);
                BoundExpression condition = others.remove(i);
                return new Lookup(indexName, List.of(condition), others);
            }
        }
        return null;
    }
}
