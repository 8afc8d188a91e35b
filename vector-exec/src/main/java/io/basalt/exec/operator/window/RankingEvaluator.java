package io.basalt.exec.operator.window;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.window.WindowFunction;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;

/**
 * The functions of a row's position in its partition, which ignore the frame: row_number, rank,
 * dense_rank (bigint), percent_rank, cume_dist (double precision) and ntile (integer).
 */
final class RankingEvaluator implements WindowEvaluator {
    private final WindowFunction.Kind kind;
    /** The bucket-count column of ntile, else -1. */
    private final int bucketColumn;

    RankingEvaluator(WindowFunction.Kind kind, int bucketColumn) {
        this.kind = kind;
        this.bucketColumn = bucketColumn;
    }

    @Override
    public void evaluate(WindowRows rows, Frames frames, FieldVector out) {
        for (int p = 0; p < rows.partitionCount; p++) {
            int ps = rows.partitionStarts[p];
            int pe = rows.partitionEnd(p);
            switch (kind) {
                case ROW_NUMBER -> {
                    BigIntVector v = (BigIntVector) out;
                    for (int i = ps; i < pe; i++) {
                        v.set(i, i - ps + 1);
                    }
                }
                case RANK -> {
                    BigIntVector v = (BigIntVector) out;
                    for (int i = ps; i < pe; i++) {
                        v.set(i, rows.peerStart[i] - ps + 1);
                    }
                }
                case DENSE_RANK -> {
                    BigIntVector v = (BigIntVector) out;
                    long rank = 0;
                    for (int i = ps; i < pe; i++) {
                        if (rows.peerStart[i] == i) {
                            rank++;
                        }
                        v.set(i, rank);
                    }
                }
                case PERCENT_RANK -> {
                    Float8Vector v = (Float8Vector) out;
                    int size = pe - ps;
                    for (int i = ps; i < pe; i++) {
                        v.set(i, size <= 1 ? 0.0 : (double) (rows.peerStart[i] - ps) / (size - 1));
                    }
                }
                case CUME_DIST -> {
                    Float8Vector v = (Float8Vector) out;
                    int size = pe - ps;
                    for (int i = ps; i < pe; i++) {
                        v.set(i, (double) (rows.peerEnd[i] - ps) / size);
                    }
                }
                case NTILE -> ntile((IntVector) rows.columns[bucketColumn], ps, pe, (IntVector) out);
                default -> throw BasaltException.internal(kind + " is not a ranking function");
            }
        }
    }

    /**
     * PostgreSQL's ntile: the bucket count is read at the first row where it is not null (earlier rows get
     * NULL); the partition's rows then fill the buckets in order, the first {@code size % buckets} buckets
     * holding one row more than the others.
     */
    private static void ntile(IntVector buckets, int ps, int pe, IntVector out) {
        int i = ps;
        while (i < pe && buckets.isNull(i)) {
            out.setNull(i);
            i++;
        }
        if (i == pe) {
            return;
        }
        int bucketCount = buckets.get(i);
        if (bucketCount <= 0) {
            throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_NTILE_FUNCTION,
                    "argument of ntile must be greater than zero");
        }
        long total = pe - ps;
        long boundary = total / bucketCount;
        long remainder = 0;
        if (boundary <= 0) {
            boundary = 1;
        } else {
            remainder = total % bucketCount;
            if (remainder != 0) {
                boundary++;
            }
        }
        int bucket = 1;
        long rowsInBucket = 0;
        for (; i < pe; i++) {
            rowsInBucket++;
            if (boundary < rowsInBucket) {
                if (remainder != 0 && bucket == remainder) {
                    remainder = 0;
                    boundary--;
                }
                bucket++;
                rowsInBucket = 1;
            }
            out.set(i, bucket);
        }
    }
}
