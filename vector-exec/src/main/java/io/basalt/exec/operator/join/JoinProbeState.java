package io.basalt.exec.operator.join;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The probe side of a join, for every join type and either kind of candidate enumeration (hash or nested
 * loop). For each probe batch it walks the candidate pairs a chunk of at most the vector size at a time,
 * keeps those the residual condition accepts, outputs them (probe columns, then build columns) and records
 * which probe and build rows found a partner. When the pairs are used up it outputs the probe rows the join
 * type asks for (unmatched ones with NULL build columns for LEFT/FULL; matched or unmatched ones alone for
 * SEMI/ANTI). After the last probe batch, {@link #drain()} outputs the build rows nobody matched (RIGHT, FULL,
 * RIGHT_ANTI) or those somebody matched (RIGHT_SEMI).
 *
 * <p>Several probe states of one join may run at once on the workers of a parallel pipeline: for a join that marks
 * build rows they then share one set of flags ({@link SharedBuildMatches}), and only the last to drain outputs the
 * build rows.
 *
 * <p>Output comes in pieces of at most the vector size: {@link #execute} returns the first (possibly empty),
 * {@link #continueOutput()} the following ones. Pieces are valid until the next call on this state.
 *
 * <p>Late materialization: the state takes selective batches (a filter's survivors as positions over its input's
 * vectors, see {@link Batch}), so that a filter below a selective join (TPC-H Q3 keeps 1% of the 3.2 million
 * lineitem rows its date filter passes) no longer copies every surviving row's columns: only the key columns are
 * copied for the hash lookup, and the other columns are gathered for the matching pairs alone. Candidate pairs
 * name logical rows of the batch (its selection's indices); they are turned into positions in the vectors at once,
 * and everything after (residual, matched flags, gathers) works on positions. A SEMI or ANTI join whose consumer
 * takes selective batches hands on its input's vectors with the positions it keeps instead of copying them.
 *
 * <p>An INNER or RIGHT join collects small pieces of pairs (under a quarter of the vector size) into whole batches
 * ({@link CoalescedOutput}) instead of handing each on: a selective join would otherwise pass a batch of a few rows
 * per probe batch. The pending rows go out when the next piece would not fit and, after the last probe batch, from
 * {@link #drain()}; the order of the output rows is unchanged. Other join types output their unmatched or
 * selected probe rows per probe batch right after its pairs, so they hand pieces on as they come.
 */
final class JoinProbeState implements ExpandingOperatorState {
    private enum Phase { PAIRS, PROBE_ROWS, DONE }

    private final JoinType joinType;
    private final List<PhysicalExpression> probeKeys;
    private final PhysicalExpression residual;
    /** The residual tested on the pairs in place when it has that shape, else null. */
    private final PairResidual pairResidual;
    private final CandidatePairs candidates;
    private final BuildRows build;
    private final List<LogicalType> probeTypes;
    private final List<LogicalType> buildTypes;
    private final int vectorSize;
    private final EvaluationContext keys;
    private final EvaluationContext scratch;
    private final EvaluationContext output;
    /** Holds the columns of {@link #empty}, the answer for a probe batch without output. */
    private final EvaluationContext emptyColumns;
    private final Batch empty;
    /** Collects small pieces of pairs (INNER and RIGHT joins without an expression residual), else null. */
    private final CoalescedOutput coalesced;
    private final int[] probeSelection;
    private final int[] buildSelection;
    private final int[] kept;
    private final boolean[] buildMatched;
    /** The flags shared with the other probes of a parallel pipeline, or null when this probe is the only one. */
    private final SharedBuildMatches sharedMatches;
    /** Whether this probe has reported the end of its input to {@link #sharedMatches}. */
    private boolean endReported;
    /** Indexed by position in the input's vectors (not by logical row, when the input is selective). */
    private boolean[] probeMatched = new boolean[0];
    /** The current input's selection (positions of its logical rows in its vectors), or null when it is dense. */
    private int[] inputSelection;
    /** Whether the consumer takes selective batches ({@link #acceptSelections}). */
    private boolean emitsSelections;
    /** The positions a selective SEMI/ANTI piece hands on; owned here, valid until the next call. */
    private int[] outputPositions = new int[0];
    private Batch input;
    /**
     * Per column of {@link #input}: 0 before its NULLs are counted, 1 when it holds none, 2 when it holds some.
     * Counted once per probe batch (it scans the validity bitmap), not once per gathered piece of pairs.
     */
    private byte[] probeNulls;
    private Phase phase = Phase.DONE;
    private int probeCursor;
    private int buildCursor;

    /**
     * @param probeKeys key expressions over the probe batch, handed to {@code candidates} (empty when none)
     * @param residual  condition over a pair's probe columns then build columns, or null for none
     * @param build     the finished build side; read only
     * @param sharedMatches the matched flags of a join that marks build rows, shared with the other probes of a
     *                  parallel pipeline; null when this probe is the only one
     */
    JoinProbeState(ExecutionContext context, JoinType joinType, List<PhysicalExpression> probeKeys,
                   PhysicalExpression residual, CandidatePairs candidates, BuildRows build,
                   List<LogicalType> probeTypes, List<LogicalType> buildTypes, SharedBuildMatches sharedMatches) {
        this.joinType = joinType;
        this.probeKeys = probeKeys;
        this.residual = residual;
        this.pairResidual = residual == null ? null : PairResidual.of(residual, probeTypes.size());
        this.candidates = candidates;
        this.build = build;
        this.probeTypes = probeTypes;
        this.buildTypes = buildTypes;
        this.vectorSize = context.vectorSize();
        this.keys = new EvaluationContext(context.allocator());
        this.scratch = new EvaluationContext(context.allocator());
        this.output = new EvaluationContext(context.allocator());
        this.probeSelection = new int[vectorSize];
        this.buildSelection = new int[vectorSize];
        this.kept = new int[vectorSize];
        this.sharedMatches = joinType.marksBuildRows() ? sharedMatches : null;
        this.buildMatched = !joinType.marksBuildRows() ? null
                : this.sharedMatches != null ? this.sharedMatches.flags() : new boolean[build.rowCount()];
        this.emptyColumns = new EvaluationContext(context.allocator());
        this.empty = emptyBatch(emptyColumns);
        boolean coalesce = COALESCE && (joinType == JoinType.INNER || joinType == JoinType.RIGHT)
                && (residual == null || pairResidual != null);
        List<LogicalType> outputTypes = new ArrayList<>(probeTypes);
        outputTypes.addAll(buildTypes);
        this.coalesced = coalesce ? new CoalescedOutput(outputTypes, output, vectorSize) : null;
    }

    /** Whether small pieces of pairs are collected into whole batches ({@code -Dbasalt.coalesce_join_output=off}: not). */
    private static final boolean COALESCE = !"off".equals(System.getProperty("basalt.coalesce_join_output"));

    // ---- probe ------------------------------------------------------------------------------------

    @Override
    public Batch execute(Batch batch) {
        keys.releaseBatch();
        scratch.releaseBatch();
        output.releaseBatch();
        if (batch.isSelective() && !keysAreColumns()) {
            batch = VectorGather.dense(batch, keys);
        }
        input = batch;
        if (probeNulls == null || probeNulls.length < batch.columnCount()) {
            probeNulls = new byte[batch.columnCount()];
        } else {
            java.util.Arrays.fill(probeNulls, (byte) 0);
        }
        inputSelection = batch.selection();
        int rows = batch.rowCount();
        FieldVector[] keyColumns = new FieldVector[probeKeys.size()];
        boolean started = false;
        if (inputSelection != null && START_AT) {
            // the keys are columns here (else the batch was made dense above): read at the selected positions
            for (int k = 0; k < keyColumns.length; k++) {
                keyColumns[k] = batch.column(((ColumnExpression) probeKeys.get(k)).index());
            }
            started = candidates.startAt(keyColumns, inputSelection, rows);
        }
        if (!started) {
            for (int k = 0; k < keyColumns.length; k++) {
                keyColumns[k] = inputSelection == null ? probeKeys.get(k).evaluate(batch, keys)
                        : denseKey((ColumnExpression) probeKeys.get(k), batch);
            }
            candidates.start(keyColumns, rows);
        }
        int positions = batch.physicalRowCount();
        if (probeMatched.length < positions) {
            probeMatched = new boolean[Math.max(positions, probeMatched.length * 2)];
        } else {
            java.util.Arrays.fill(probeMatched, 0, positions, false);
        }
        phase = Phase.PAIRS;
        Batch piece = nextPiece();
        return piece == null ? empty : piece;
    }

    /**
     * Takes selective input (see the class comment); hands selective output on only from a SEMI or ANTI join, whose
     * output rows are input rows, and only when the consumer takes it.
     */
    @Override
    public boolean acceptSelections(boolean consumerTakesSelections) {
        emitsSelections = consumerTakesSelections && !joinType.emitsPairs() && !joinType.emitsBuildColumns();
        return true;
    }

    private boolean keysAreColumns() {
        for (PhysicalExpression key : probeKeys) {
            if (!(key instanceof ColumnExpression)) {
                return false;
            }
        }
        return true;
    }

    /** The selected rows of key column {@code key} of the selective {@code batch}, copied into a dense vector. */
    private FieldVector denseKey(ColumnExpression key, Batch batch) {
        FieldVector target = keys.newVector(key.type(), batch.rowCount());
        VectorGather.gather(batch.column(key.index()), batch.selection(), batch.rowCount(), target,
                probeHasNoNulls(key.index()));
        return target;
    }

    /**
     * Whether probe column {@code c} of the current input holds no NULL in the input's rows (found at most once per
     * input). For a sparse selection (a selective join's few rows of a batch) the validity bits of the selected
     * positions alone are read: counting the NULLs of whole vectors per batch was 13% of a TPC-H Q7 profile, whose
     * lineitem batches keep few of their 2,048 rows after the date filter and the supplier key filter.
     */
    private boolean probeHasNoNulls(int c) {
        byte known = probeNulls[c];
        if (known == 0) {
            FieldVector column = input.column(c);
            boolean sparse = START_AT && inputSelection != null
                    && (long) input.rowCount() * SPARSE_SELECTION < input.physicalRowCount()
                    && column instanceof BaseFixedWidthVector
                    && column.getValidityBuffer().capacity() >= (column.getValueCount() + 7) / 8;
            boolean none = sparse ? allValidAt(column, inputSelection, input.rowCount())
                    : ArrowSegments.nullCount(column) == 0;
            known = none ? (byte) 1 : (byte) 2;
            probeNulls[c] = known;
        }
        return known == 1;
    }

    /** A selection is sparse, for {@link #probeHasNoNulls}, when its vectors have this many times its rows. */
    private static final int SPARSE_SELECTION = 16;

    /**
     * Whether selective probe batches are read at their positions: keys ({@link CandidatePairs#startAt}) and, for
     * sparse ones, NULLs ({@code -Dbasalt.join_probe_at_positions=off}: keys gathered, NULLs counted per vector).
     */
    private static final boolean START_AT = !"off".equals(System.getProperty("basalt.join_probe_at_positions"));

    /** Whether rows {@code positions[0..rows)} of {@code column} (its validity buffer covering them) are all valid. */
    private static boolean allValidAt(FieldVector column, int[] positions, int rows) {
        MemorySegment validity = ArrowSegments.of(column.getValidityBuffer());
        int invalid = 0;
        for (int k = 0; k < rows; k++) {
            int position = positions[k];
            invalid |= ~(validity.get(ValueLayout.JAVA_BYTE, position >>> 3) >>> (position & 7)) & 1;
        }
        return invalid == 0;
    }

    @Override
    public Batch continueOutput() {
        if (phase == Phase.DONE) {
            return null;
        }
        scratch.releaseBatch();
        output.releaseBatch();
        return nextPiece();
    }

    /** The next non-empty piece of output for the current probe batch, or null when it is used up. */
    private Batch nextPiece() {
        while (true) {
            switch (phase) {
                case PAIRS -> {
                    Batch pairs = nextPairs();
                    if (pairs != null) {
                        return pairs;
                    }
                }
                case PROBE_ROWS -> {
                    Batch rows = nextProbeRows();
                    if (rows != null) {
                        return rows;
                    }
                    phase = Phase.DONE;
                }
                case DONE -> {
                    input = null;
                    return null;
                }
            }
        }
    }

    /** One chunk of matching pairs, or null when this chunk produced no output (the phase may move on). */
    private Batch nextPairs() {
        scratch.releaseBatch();
        int count = candidates.next(probeSelection, buildSelection, vectorSize);
        if (count == 0) {
            boolean probeRowsFollow = joinType.keepsUnmatchedProbeRows() || joinType == JoinType.SEMI;
            phase = probeRowsFollow ? Phase.PROBE_ROWS : Phase.DONE;
            probeCursor = 0;
            return null;
        }
        if (inputSelection != null) {
            // logical rows of the selective batch -> positions in its vectors
            int[] positions = inputSelection;
            for (int k = 0; k < count; k++) {
                probeSelection[k] = positions[probeSelection[k]];
            }
        }
        Batch pairs = null;
        if (pairResidual != null) {
            count = pairResidual.keep(input, build, probeSelection, buildSelection, count);
        } else if (residual != null) {
            pairs = gatherPairs(count, scratch);
            count = keepAccepted((BitVector) residual.evaluate(pairs, scratch), count);
        }
        for (int k = 0; k < count; k++) {
            probeMatched[probeSelection[k]] = true;
        }
        if (buildMatched != null) {
            for (int k = 0; k < count; k++) {
                buildMatched[buildSelection[k]] = true;
            }
        }
        if (count == 0 || !joinType.emitsPairs()) {
            return null;
        }
        if (coalesced != null && (coalesced.rows() > 0 || count < vectorSize / 4)) {
            return coalesce(count);
        }
        return pairs == null ? gatherPairs(count, output) : VectorGather.gather(pairs, kept, count, output);
    }

    /**
     * Adds pairs {@code [0, count)} of the selections to the collected rows; returns the rows collected before them
     * when these do not fit (they start the next batch), else null.
     */
    private Batch coalesce(int count) {
        Batch full = coalesced.fits(count) ? null : coalesced.take();
        List<FieldVector> targets = coalesced.pending();
        int at = coalesced.rows();
        for (int c = 0; c < probeTypes.size(); c++) {
            VectorGather.gatherInto(input.column(c), probeSelection, count, targets.get(c), at, probeHasNoNulls(c));
        }
        for (int c = 0; c < buildTypes.size(); c++) {
            build.gatherInto(c, buildSelection, count, targets.get(probeTypes.size() + c), at);
        }
        coalesced.appended(count);
        return full;
    }

    /**
     * Keeps the pairs for which the condition is true (not false, not NULL): compacts the selections in
     * place, records the kept chunk positions in {@link #kept}, and returns how many remain.
     */
    private int keepAccepted(BitVector accepted, int count) {
        int kept = 0;
        for (int k = 0; k < count; k++) {
            if (!accepted.isNull(k) && accepted.get(k) == 1) {
                this.kept[kept] = k;
                probeSelection[kept] = probeSelection[k];
                buildSelection[kept] = buildSelection[k];
                kept++;
            }
        }
        return kept;
    }

    /** Up to a vector of the probe rows this join type outputs alone, or null when none are left. */
    private Batch nextProbeRows() {
        boolean wanted = joinType == JoinType.SEMI;
        int rows = input.rowCount();
        if (emitsSelections) {
            return selectedProbeRows(wanted, rows);
        }
        int[] positions = inputSelection;
        int count = 0;
        while (probeCursor < rows && count < vectorSize) {
            int position = positions == null ? probeCursor : positions[probeCursor];
            if (probeMatched[position] == wanted) {
                probeSelection[count++] = position;
            }
            probeCursor++;
        }
        if (count == 0) {
            return null;
        }
        List<FieldVector> columns = new ArrayList<>(probeTypes.size() + buildTypes.size());
        gatherProbe(count, output, columns);
        if (joinType.emitsBuildColumns()) {
            addNulls(buildTypes, count, columns);
        }
        return new Batch(columns, count);
    }

    /**
     * All the probe rows whose matched flag is {@code wanted}, as a selection over the input's vectors (no copy), or
     * null when there are none.
     */
    private Batch selectedProbeRows(boolean wanted, int rows) {
        if (outputPositions.length < rows) {
            outputPositions = new int[Math.max(rows, outputPositions.length * 2)];
        }
        int[] positions = inputSelection;
        int[] kept = outputPositions;
        int count = 0;
        for (int row = probeCursor; row < rows; row++) {
            int position = positions == null ? row : positions[row];
            kept[count] = position;
            count += probeMatched[position] == wanted ? 1 : 0;
        }
        probeCursor = rows;
        if (count == 0) {
            return null;
        }
        if (count == input.physicalRowCount() && positions == null) {
            return input;
        }
        return new Batch(input.columns(), count, kept);
    }

    // ---- end of probe input -----------------------------------------------------------------------

    @Override
    public Batch drain() {
        scratch.releaseBatch();
        output.releaseBatch();
        Batch collected = coalesced == null ? null : coalesced.take();
        if (collected != null) {
            return collected;
        }
        if (buildMatched == null) {
            return null;
        }
        if (sharedMatches != null && !endReported) {
            endReported = true;
            if (!sharedMatches.probeEnded()) {
                buildCursor = build.rowCount();
            }
        }
        boolean wanted = joinType == JoinType.RIGHT_SEMI;
        int rows = build.rowCount();
        int count = 0;
        while (buildCursor < rows && count < vectorSize) {
            if (buildMatched[buildCursor] == wanted) {
                buildSelection[count++] = buildCursor;
            }
            buildCursor++;
        }
        if (count == 0) {
            return null;
        }
        List<FieldVector> columns = new ArrayList<>(probeTypes.size() + buildTypes.size());
        if (joinType.emitsProbeColumns()) {
            addNulls(probeTypes, count, columns);
        }
        gatherBuild(count, output, columns);
        return new Batch(columns, count);
    }

    // ---- output assembly --------------------------------------------------------------------------

    /** Pairs {@code [0, count)} of the selections as a batch: probe columns, then build columns. */
    private Batch gatherPairs(int count, EvaluationContext into) {
        List<FieldVector> columns = new ArrayList<>(probeTypes.size() + buildTypes.size());
        gatherProbe(count, into, columns);
        gatherBuild(count, into, columns);
        return new Batch(columns, count);
    }

    /** Appends the probe columns at rows {@code probeSelection[0..count)}. */
    private void gatherProbe(int count, EvaluationContext into, List<FieldVector> columns) {
        for (int c = 0; c < probeTypes.size(); c++) {
            FieldVector target = into.newVector(probeTypes.get(c), count);
            VectorGather.gather(input.column(c), probeSelection, count, target, probeHasNoNulls(c));
            columns.add(target);
        }
    }

    /** Appends the build columns at rows {@code buildSelection[0..count)}. */
    private void gatherBuild(int count, EvaluationContext into, List<FieldVector> columns) {
        for (int c = 0; c < buildTypes.size(); c++) {
            FieldVector target = into.newVector(buildTypes.get(c), count);
            build.gather(c, buildSelection, count, target);
            columns.add(target);
        }
    }

    /** Appends one all-NULL column of {@code count} rows per type. */
    private void addNulls(List<LogicalType> types, int count, List<FieldVector> columns) {
        for (LogicalType type : types) {
            FieldVector nulls = output.newVector(type, count);
            nulls.setValueCount(count);
            columns.add(nulls);
        }
    }

    private Batch emptyBatch(EvaluationContext into) {
        List<FieldVector> columns = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        if (joinType.emitsProbeColumns()) {
            types.addAll(probeTypes);
        }
        if (joinType.emitsBuildColumns()) {
            types.addAll(buildTypes);
        }
        for (LogicalType type : types) {
            FieldVector column = into.newVector(type, 0);
            column.setValueCount(0);
            columns.add(column);
        }
        return new Batch(columns, 0);
    }

    @Override
    public void close() {
        keys.close();
        scratch.close();
        output.close();
        emptyColumns.close();
        if (coalesced != null) {
            coalesced.close();
        }
    }
}
