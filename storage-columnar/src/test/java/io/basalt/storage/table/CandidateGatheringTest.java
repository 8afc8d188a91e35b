package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.json.Jsonb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Candidate rows gathered from several chunks into pieces of their own hold exactly the values (NULLs included) and
 * row ids of the rows noted, for every kind of column: strings and jsonb (one data buffer per piece), fixed-width
 * values, booleans and values copied one by one; a piece ends at its capacity and at {@code flush}.
 */
class CandidateGatheringTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT, LogicalType.JSONB,
            LogicalType.BOOLEAN, LogicalType.NUMERIC, LogicalType.INTEGER, LogicalType.DOUBLE);
    private static final int CHUNK_ROWS = 64;

    private final BufferAllocator root = new RootAllocator();
    private final List<FieldVector> chunkVectors = new ArrayList<>();
    private final List<FieldVector> owned = new ArrayList<>();

    @AfterEach
    void everythingIsFreed() {
        chunkVectors.forEach(FieldVector::close);
        owned.forEach(FieldVector::close);
        assertThat(root.getAllocatedMemory()).isZero();
        root.close();
    }

    @Test
    void gatheredPiecesHoldTheNotedRowsOfEveryColumnType() {
        Random random = new Random(10);
        List<FieldVector[]> chunks = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            chunks.add(chunk(c, random));
        }
        int[] columns = {2, ScanSource.ROW_ID, 0, 1, 3, 4, 5, 6};
        List<TableSnapshot.Piece> pieces = new ArrayList<>();
        CandidateGathering gathering = new CandidateGathering(columns, 50, root, owned, pieces);
        List<long[]> noted = new ArrayList<>(); // chunk, row
        for (int c = 0; c < chunks.size(); c++) {
            for (int row = 0; row < CHUNK_ROWS; row++) {
                if (random.nextInt(3) == 0) {
                    gathering.add(chunks.get(c), row, (long) c * CHUNK_ROWS + row + 1000);
                    noted.add(new long[] {c, row});
                }
            }
            if (c == 2) {
                gathering.flush();
            }
        }
        gathering.flush();
        gathering.flush();

        int k = 0;
        for (TableSnapshot.Piece piece : pieces) {
            assertThat(piece.rows()).isBetween(1, 50);
            assertThat(piece.columns()).hasSize(columns.length);
            assertThat(piece.columns().get(1)).isNull();
            for (int row = 0; row < piece.rows(); row++, k++) {
                long[] source = noted.get(k);
                FieldVector[] chunk = chunks.get((int) source[0]);
                assertThat(piece.rowId(row)).isEqualTo(source[0] * CHUNK_ROWS + source[1] + 1000);
                for (int c = 0; c < columns.length; c++) {
                    if (columns[c] != ScanSource.ROW_ID) {
                        assertThat(ValueAccess.get(piece.columns().get(c), row))
                                .isEqualTo(ValueAccess.get(chunk[columns[c]], (int) source[1]));
                    }
                }
            }
        }
        assertThat(k).isEqualTo(noted.size());
        assertThat(pieces.size()).isGreaterThan(2); // flushed at capacity and after chunk 2
    }

    private FieldVector[] chunk(int number, Random random) {
        FieldVector[] vectors = new FieldVector[TYPES.size()];
        for (int c = 0; c < vectors.length; c++) {
            vectors[c] = ValueAccess.allocate(TYPES.get(c), "c" + c, root, CHUNK_ROWS);
            chunkVectors.add(vectors[c]);
        }
        boolean nulls = number % 2 == 1; // chunks with and without NULLs
        for (int row = 0; row < CHUNK_ROWS; row++) {
            long value = number * 1000L + row;
            boolean isNull = nulls && random.nextInt(4) == 0;
            ValueAccess.set(vectors[0], row, isNull ? null : value);
            ValueAccess.set(vectors[1], row, isNull ? null : "text " + "x".repeat(random.nextInt(40)) + value);
            ValueAccess.set(vectors[2], row, isNull ? null
                    : Jsonb.parse("{\"id\": " + value + ", \"tags\": [\"" + "y".repeat(random.nextInt(30)) + "\"]}"));
            ValueAccess.set(vectors[3], row, isNull ? null : value % 3 == 0);
            ValueAccess.set(vectors[4], row, isNull ? null : BigDecimal.valueOf(value, 2));
            ValueAccess.set(vectors[5], row, isNull ? null : value * 7);
            ValueAccess.set(vectors[6], row, isNull ? null : value / 4.0);
        }
        for (FieldVector vector : vectors) {
            vector.setValueCount(CHUNK_ROWS);
        }
        return vectors;
    }
}
