package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * The two-variable statistics {@code corr}, {@code covar_pop/samp} and {@code regr_*}(Y, X) over double
 * precision, with PostgreSQL's results to the last digit: only rows where both Y and X are non-null count;
 * a group keeps N, Sx, Sy, Sxx, Syy and Sxy updated by the Youngs-Cramer recurrence in PostgreSQL's order
 * of operations, and partial states combine with the matching pairwise formula. {@code regr_count} is
 * bigint, every other result double precision, NULL where PostgreSQL answers NULL (too few rows, zero
 * variance).
 */
public record RegressionAggregate(RegressionKind kind) implements AggregateFunction {
    public RegressionAggregate {
        requireNonNull(kind, "kind is null");
    }

    @Override
    public String name() {
        return kind.functionName();
    }

    @Override
    public LogicalType argumentType() {
        return LogicalType.DOUBLE;
    }

    @Override
    public LogicalType resultType() {
        return kind == RegressionKind.REGR_COUNT ? LogicalType.BIGINT : LogicalType.DOUBLE;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private final class State implements GroupedAggregateState {
        private double[] n = new double[16];
        private double[] sx = new double[16];
        private double[] sy = new double[16];
        private double[] sxx = new double[16];
        private double[] syy = new double[16];
        private double[] sxy = new double[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > n.length) {
                int size = Math.max(groupCount, n.length * 2);
                n = Arrays.copyOf(n, size);
                sx = Arrays.copyOf(sx, size);
                sy = Arrays.copyOf(sy, size);
                sxx = Arrays.copyOf(sxx, size);
                syy = Arrays.copyOf(syy, size);
                sxy = Arrays.copyOf(sxy, size);
            }
        }

        /** One Youngs-Cramer step for the pair (y, x), as PostgreSQL's {@code float8_regr_accum}. */
        private void add(int g, double y, double x) {
            double previousN = n[g];
            double previousSx = sx[g];
            double previousSy = sy[g];
            double count = previousN + 1.0;
            double sumX = previousSx + x;
            double sumY = previousSy + y;
            double sumXX = sxx[g];
            double sumYY = syy[g];
            double sumXY = sxy[g];
            if (previousN > 0.0) {
                double dx = x * count - sumX;
                double dy = y * count - sumY;
                double scale = 1.0 / (count * previousN);
                sumXX += dx * dx * scale;
                sumYY += dy * dy * scale;
                sumXY += dx * dy * scale;
                if (Double.isInfinite(sumX) || Double.isInfinite(sumXX) || Double.isInfinite(sumY)
                        || Double.isInfinite(sumYY) || Double.isInfinite(sumXY)) {
                    boolean xFinite = !Double.isInfinite(previousSx) && !Double.isInfinite(x);
                    boolean yFinite = !Double.isInfinite(previousSy) && !Double.isInfinite(y);
                    if (((Double.isInfinite(sumX) || Double.isInfinite(sumXX)) && xFinite)
                            || ((Double.isInfinite(sumY) || Double.isInfinite(sumYY)) && yFinite)
                            || (Double.isInfinite(sumXY) && xFinite && yFinite)) {
                        throw FloatVarianceAggregate.overflow();
                    }
                    if (Double.isInfinite(sumXX)) {
                        sumXX = Double.NaN;
                    }
                    if (Double.isInfinite(sumYY)) {
                        sumYY = Double.NaN;
                    }
                    if (Double.isInfinite(sumXY)) {
                        sumXY = Double.NaN;
                    }
                }
            } else {
                if (Double.isNaN(x) || Double.isInfinite(x)) {
                    sumXX = Double.NaN;
                    sumXY = Double.NaN;
                }
                if (Double.isNaN(y) || Double.isInfinite(y)) {
                    sumYY = Double.NaN;
                    sumXY = Double.NaN;
                }
            }
            n[g] = count;
            sx[g] = sumX;
            sy[g] = sumY;
            sxx[g] = sumXX;
            syy[g] = sumYY;
            sxy[g] = sumXY;
        }

        @Override
        public void updateArguments(FieldVector[] arguments, int[] groupIds, int rows) {
            Float8Vector ys = (Float8Vector) arguments[0];
            Float8Vector xs = (Float8Vector) arguments[1];
            if (ys.getNullCount() == 0 && xs.getNullCount() == 0) {
                for (int i = 0; i < rows; i++) {
                    add(groupIds[i], ys.get(i), xs.get(i));
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    if (!ys.isNull(i) && !xs.isNull(i)) {
                        add(groupIds[i], ys.get(i), xs.get(i));
                    }
                }
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            throw BasaltException.internal(name() + " needs two arguments");
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            throw BasaltException.internal(name() + " needs two arguments");
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                double n2 = theirs.n[g];
                if (n2 == 0.0) {
                    continue;
                }
                int target = mapping[g];
                double n1 = n[target];
                if (n1 == 0.0) {
                    n[target] = n2;
                    sx[target] = theirs.sx[g];
                    sy[target] = theirs.sy[g];
                    sxx[target] = theirs.sxx[g];
                    syy[target] = theirs.syy[g];
                    sxy[target] = theirs.sxy[g];
                    continue;
                }
                double count = n1 + n2;
                double sumX = checkedSum(sx[target], theirs.sx[g]);
                double dx = sx[target] / n1 - theirs.sx[g] / n2;
                double sumXX = sxx[target] + theirs.sxx[g] + n1 * n2 * dx * dx / count;
                checkOverflow(sumXX, sxx[target], theirs.sxx[g]);
                double sumY = checkedSum(sy[target], theirs.sy[g]);
                double dy = sy[target] / n1 - theirs.sy[g] / n2;
                double sumYY = syy[target] + theirs.syy[g] + n1 * n2 * dy * dy / count;
                checkOverflow(sumYY, syy[target], theirs.syy[g]);
                double sumXY = sxy[target] + theirs.sxy[g] + n1 * n2 * dx * dy / count;
                checkOverflow(sumXY, sxy[target], theirs.sxy[g]);
                n[target] = count;
                sx[target] = sumX;
                sy[target] = sumY;
                sxx[target] = sumXX;
                syy[target] = sumYY;
                sxy[target] = sumXY;
            }
        }

        private static double checkedSum(double a, double b) {
            double sum = a + b;
            checkOverflow(sum, a, b);
            return sum;
        }

        private static void checkOverflow(double result, double a, double b) {
            if (Double.isInfinite(result) && !Double.isInfinite(a) && !Double.isInfinite(b)) {
                throw FloatVarianceAggregate.overflow();
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            if (kind == RegressionKind.REGR_COUNT) {
                BigIntVector counts = (BigIntVector) out;
                for (int g = 0; g < groupCount; g++) {
                    counts.setSafe(g, (long) n[g]);
                }
                return;
            }
            Float8Vector vector = (Float8Vector) out;
            for (int g = 0; g < groupCount; g++) {
                double result = result(g);
                if (Double.isNaN(result) && isNullResult(g)) {
                    vector.setNull(g);
                } else {
                    vector.setSafe(g, result);
                }
            }
        }

        /** Whether group {@code g}'s statistic is NULL in PostgreSQL (too few rows, or a zero variance). */
        private boolean isNullResult(int g) {
            double count = n[g];
            return switch (kind) {
                case COVAR_SAMP -> count < 2.0;
                case CORR -> count < 1.0 || sxx[g] == 0.0 || syy[g] == 0.0;
                case REGR_SLOPE, REGR_INTERCEPT, REGR_R2 -> count < 1.0 || sxx[g] == 0.0;
                default -> count < 1.0;
            };
        }

        /** Group {@code g}'s statistic; NaN where {@link #isNullResult} holds (checked by the caller). */
        private double result(int g) {
            if (isNullResult(g)) {
                return Double.NaN;
            }
            double count = n[g];
            return switch (kind) {
                case CORR -> sxy[g] / Math.sqrt(sxx[g] * syy[g]);
                case COVAR_POP -> sxy[g] / count;
                case COVAR_SAMP -> sxy[g] / (count - 1.0);
                case REGR_SLOPE -> sxy[g] / sxx[g];
                case REGR_INTERCEPT -> (sy[g] - sx[g] * sxy[g] / sxx[g]) / count;
                case REGR_R2 -> syy[g] == 0.0 ? 1.0 : sxy[g] * sxy[g] / (sxx[g] * syy[g]);
                case REGR_AVGX -> sx[g] / count;
                case REGR_AVGY -> sy[g] / count;
                case REGR_SXX -> sxx[g];
                case REGR_SYY -> syy[g];
                case REGR_SXY -> sxy[g];
                case REGR_COUNT -> count;
            };
        }
    }
}
