package io.basalt.datasets.h2o;

import io.basalt.datasets.BatchWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The six id columns of the group-by data set: how their values are drawn, which are missing, and how
 * they are written. id1 and id2 are strings {@code id001..idK} ({@code sprintf("id%03d")}), id3 is
 * {@code id0000000001..} ({@code sprintf("id%010d")}) over N/K values, id4 and id5 integers 1..K, id6
 * integers 1..N/K. Values travel as int codes where 0 means missing (so that missing sorts first, as
 * data.table's setkey puts NA first).
 */
final class IdColumns {
    static final int COLUMNS = 6;
    private static final byte[] PREFIX = {'i', 'd'};

    private final int[] domains;
    private final MissingIds[] missing;
    private final byte[][] smallText;
    /** smallText ranks in string order (id1000 sorts before id999), and the inverse. */
    private final int[] rankOfValue;
    private final int[] valueOfRank;
    private final byte[] largeText = new byte[12];

    IdColumns(GroupByParameters parameters, SplittableRandom random) {
        int groups = parameters.groups();
        int large = parameters.largeDomain();
        this.domains = new int[] {groups, groups, large, groups, groups, large};
        this.missing = new MissingIds[COLUMNS];
        for (int column = 0; column < COLUMNS; column++) {
            missing[column] = MissingIds.choose(domains[column], parameters.naPercent(), random);
        }
        this.smallText = new byte[groups + 1][];
        String[] sorted = new String[groups];
        for (int value = 1; value <= groups; value++) {
            String text = smallName(value);
            smallText[value] = text.getBytes(StandardCharsets.US_ASCII);
            sorted[value - 1] = text;
        }
        Arrays.sort(sorted);
        this.rankOfValue = new int[groups + 1];
        this.valueOfRank = new int[groups + 1];
        for (int rank = 1; rank <= groups; rank++) {
            int value = Integer.parseInt(sorted[rank - 1].substring(2));
            rankOfValue[value] = rank;
            valueOfRank[rank] = value;
        }
        largeText[0] = PREFIX[0];
        largeText[1] = PREFIX[1];
    }

    /** {@code sprintf("id%03d", value)}. */
    static String smallName(int value) {
        String digits = Integer.toString(value);
        return digits.length() >= 3 ? "id" + digits : "id" + "000".substring(digits.length()) + digits;
    }

    /** The number of distinct values column {@code column} (0 for id1) draws from. */
    int domain(int column) {
        return domains[column];
    }

    /** A uniform draw for column {@code column}, as a code (0 when the drawn value is missing). */
    int draw(int column, SplittableRandom random) {
        return missing[column].code(1 + random.nextInt(domains[column]));
    }

    int missingValues(int column) {
        return missing[column].missingCount();
    }

    /** Position of id1/id2 value {@code value} in string order, 1-based; 0 for missing. */
    int rank(int code) {
        return rankOfValue[code];
    }

    /** The id1/id2 value at string-order position {@code rank}; 0 for rank 0. */
    int valueAtRank(int rank) {
        return valueOfRank[rank];
    }

    /** Writes id1..id6 (codes, 0 = missing) into columns 0..5 of row {@code row}. */
    void write(BatchWriter out, int row, int id1, int id2, int id3, int id4, int id5, int id6) {
        writeSmall(out, 0, row, id1);
        writeSmall(out, 1, row, id2);
        if (id3 == 0) {
            out.setNull(2, row);
        } else {
            int value = id3;
            for (int position = 11; position >= 2; position--) {
                largeText[position] = (byte) ('0' + value % 10);
                value /= 10;
            }
            out.setUtf8(2, row, largeText, 0, largeText.length);
        }
        writeInt(out, 3, row, id4);
        writeInt(out, 4, row, id5);
        writeInt(out, 5, row, id6);
    }

    private void writeSmall(BatchWriter out, int column, int row, int code) {
        if (code == 0) {
            out.setNull(column, row);
        } else {
            byte[] text = smallText[code];
            out.setUtf8(column, row, text, 0, text.length);
        }
    }

    private static void writeInt(BatchWriter out, int column, int row, int code) {
        if (code == 0) {
            out.setNull(column, row);
        } else {
            out.setInt(column, row, code);
        }
    }
}
