package io.basalt.format.parquet.encode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Turns a filled {@link ColumnChunkBuffer} into an {@link EncodedColumnChunk}: chooses the values' encoding,
 * cuts pages at row boundaries, encodes and compresses each page and computes its statistics.
 *
 * <p>Encoding: dictionary (a PLAIN dictionary page, data pages of RLE / bit-packed indices) when the chunk has at
 * most one distinct value per {@link #VALUES_PER_ENTRY} values and the dictionary fits in
 * {@link #MAX_DICTIONARY_BYTES}, as DuckDB decides (its files use dictionaries for the same lineitem columns);
 * PLAIN otherwise. Booleans are always PLAIN. Levels are RLE / bit-packed with a 4-byte length, as in every v1
 * page. Pages hold about {@link #PAGE_TARGET_BYTES} of values, and a page of a list column never splits a row.
 *
 * <p>Statistics follow the column's Parquet sort order (signed integers, unsigned bytes for strings, signed
 * big-endian for decimals, parquet-mr's own rules for floating point), counted per page; parquet-mr sums them
 * for the chunk and builds the page index from them. An encoder belongs to one thread.
 */
public final class ColumnChunkEncoder {
    /** The least number of values per dictionary entry for a dictionary to pay. */
    static final int VALUES_PER_ENTRY = 10;
    /** The largest dictionary page, before compression. */
    static final int MAX_DICTIONARY_BYTES = 1 << 20;
    /** About how many bytes of values (before compression) a data page holds. */
    static final int PAGE_TARGET_BYTES = 512 * 1024;

    private final PageCompression compression;
    private final PageOutput out = new PageOutput(PAGE_TARGET_BYTES + 64 * 1024);
    private int[] levelScratch = new int[1024];
    /** The dictionary the last {@link #dictionaryIds} call built (one of the two), and its size. */
    private LongDictionary longDictionary;
    private BinaryDictionary binaryDictionary;
    private int dictionaryEntries;
    /** Which dictionary entries a page uses, while its statistics are computed. */
    private boolean[] seen = new boolean[0];

    public ColumnChunkEncoder(PageCompression compression) {
        this.compression = compression;
    }

    /** Encodes {@code buffer}, the values of {@code column} in one row group. */
    public EncodedColumnChunk encode(ColumnChunkBuffer buffer, ColumnDescriptor column) {
        PrimitiveType type = column.getPrimitiveType();
        int[] ids = dictionaryIds(buffer);
        EncodedColumnChunk.DictionaryPageBytes dictionaryPage = null;
        int idWidth = 0;
        if (ids != null) {
            int entries = dictionaryEntries;
            idWidth = RleBitPackedEncoder.bitWidth(Math.max(0, entries - 1));
            dictionaryPage = dictionaryPage(buffer, entries);
        }
        List<EncodedColumnChunk.DataPageBytes> pages = new ArrayList<>();
        byte[] definitions = buffer.definitions();
        byte[] repetitions = buffer.repetitions();
        int maxDefinition = buffer.maxDefinition();
        int levelCount = buffer.levelCount();
        int levelStart = 0;
        int valueStart = 0;
        while (levelStart < levelCount) {
            int levelEnd = levelStart;
            int valueEnd = valueStart;
            long bytes = 0;
            // a page ends once it holds the target bytes, at the start of a row
            while (levelEnd < levelCount) {
                if (levelEnd > levelStart && bytes >= PAGE_TARGET_BYTES
                        && (repetitions == null || repetitions[levelEnd] == 0)) {
                    break;
                }
                if (definitions == null || definitions[levelEnd] == maxDefinition) {
                    bytes += ids != null ? 2 : valueBytes(buffer, valueEnd);
                    valueEnd++;
                }
                levelEnd++;
            }
            pages.add(dataPage(buffer, type, ids, idWidth, levelStart, levelEnd, valueStart, valueEnd));
            levelStart = levelEnd;
            valueStart = valueEnd;
        }
        return new EncodedColumnChunk(column, compression.codec(), levelCount, dictionaryPage, pages);
    }

    // ---- dictionary ---------------------------------------------------------------------------------

    /** Each value's dictionary entry, or null when the chunk is written PLAIN. */
    private int[] dictionaryIds(ColumnChunkBuffer buffer) {
        longDictionary = null;
        binaryDictionary = null;
        int values = buffer.valueCount();
        int maxEntries = values / VALUES_PER_ENTRY;
        if (maxEntries < 1 || buffer.physical() == PrimitiveTypeName.BOOLEAN) {
            return null;
        }
        int[] ids = new int[values];
        switch (buffer.physical()) {
            case INT32, FLOAT -> {
                LongDictionary dictionary = new LongDictionary(Math.min(maxEntries, MAX_DICTIONARY_BYTES / 4));
                int[] ints = buffer.ints();
                for (int v = 0; v < values; v++) {
                    int id = dictionary.add(ints[v]);
                    if (id < 0) {
                        return null;
                    }
                    ids[v] = id;
                }
                longDictionary = dictionary;
                dictionaryEntries = dictionary.size();
            }
            case INT64, DOUBLE -> {
                LongDictionary dictionary = new LongDictionary(Math.min(maxEntries, MAX_DICTIONARY_BYTES / 8));
                long[] longs = buffer.longs();
                for (int v = 0; v < values; v++) {
                    int id = dictionary.add(longs[v]);
                    if (id < 0) {
                        return null;
                    }
                    ids[v] = id;
                }
                longDictionary = dictionary;
                dictionaryEntries = dictionary.size();
            }
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                BinaryDictionary dictionary = new BinaryDictionary(buffer.arena(), buffer.offsets(), maxEntries,
                        MAX_DICTIONARY_BYTES);
                for (int v = 0; v < values; v++) {
                    int id = dictionary.add(v);
                    if (id < 0) {
                        return null;
                    }
                    ids[v] = id;
                }
                binaryDictionary = dictionary;
                dictionaryEntries = dictionary.size();
            }
            case BOOLEAN, INT96 -> {
                return null;
            }
        }
        return ids;
    }

    /** The dictionary's entries, PLAIN-encoded and compressed. */
    private EncodedColumnChunk.DictionaryPageBytes dictionaryPage(ColumnChunkBuffer buffer, int entries) {
        out.reset();
        switch (buffer.physical()) {
            case INT32, FLOAT -> {
                for (int e = 0; e < entries; e++) {
                    out.writeIntLittleEndian((int) longDictionary.entry(e));
                }
            }
            case INT64, DOUBLE -> {
                for (int e = 0; e < entries; e++) {
                    out.writeLongLittleEndian(longDictionary.entry(e));
                }
            }
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                byte[] arena = buffer.arena();
                int[] offsets = buffer.offsets();
                boolean prefixed = buffer.physical() == PrimitiveTypeName.BINARY;
                for (int e = 0; e < entries; e++) {
                    int value = binaryDictionary.entryValue(e);
                    int length = offsets[value + 1] - offsets[value];
                    if (prefixed) {
                        out.writeIntLittleEndian(length);
                    }
                    out.writeBytes(arena, offsets[value], length);
                }
            }
            case BOOLEAN, INT96 -> throw new IllegalStateException("no dictionary of " + buffer.physical());
        }
        int size = out.size();
        return new EncodedColumnChunk.DictionaryPageBytes(compression.compress(out.array(), size), size, entries);
    }

    // ---- data pages ---------------------------------------------------------------------------------

    private static int valueBytes(ColumnChunkBuffer buffer, int value) {
        return switch (buffer.physical()) {
            case BOOLEAN -> 1;
            case INT32, FLOAT -> 4;
            case INT64, DOUBLE -> 8;
            case BINARY -> 4 + buffer.offsets()[value + 1] - buffer.offsets()[value];
            case FIXED_LEN_BYTE_ARRAY -> buffer.offsets()[value + 1] - buffer.offsets()[value];
            case INT96 -> 12;
        };
    }

    private EncodedColumnChunk.DataPageBytes dataPage(ColumnChunkBuffer buffer, PrimitiveType type, int[] ids,
                                                      int idWidth, int levelStart, int levelEnd, int valueStart,
                                                      int valueEnd) {
        out.reset();
        byte[] repetitions = buffer.repetitions();
        int rows = levelEnd - levelStart;
        if (buffer.maxRepetition() > 0) {
            rows = 0;
            for (int l = levelStart; l < levelEnd; l++) {
                rows += repetitions[l] == 0 ? 1 : 0;
            }
            writeLevels(repetitions, levelStart, levelEnd, buffer.maxRepetition());
        }
        if (buffer.definitions() == null) {
            int at = out.size();
            out.writeIntLittleEndian(0);
            RleBitPackedEncoder.writeRun(buffer.maxDefinition(), levelEnd - levelStart,
                    (RleBitPackedEncoder.bitWidth(buffer.maxDefinition()) + 7) / 8, out);
            out.setIntLittleEndian(at, out.size() - at - 4);
        } else {
            writeLevels(buffer.definitions(), levelStart, levelEnd, buffer.maxDefinition());
        }
        Encoding encoding;
        if (ids != null) {
            out.writeByte(idWidth);
            RleBitPackedEncoder.encode(ids, valueStart, valueEnd, idWidth, out);
            encoding = Encoding.PLAIN_DICTIONARY;
        } else {
            writePlain(buffer, valueStart, valueEnd);
            encoding = Encoding.PLAIN;
        }
        int nulls = (levelEnd - levelStart) - (valueEnd - valueStart);
        Statistics<?> statistics;
        if (ids != null && binaryDictionary != null) {
            if (seen.length < dictionaryEntries) {
                seen = new boolean[dictionaryEntries];
            }
            statistics = PageStatistics.ofDictionaryBytes(buffer, type, ids, valueStart, valueEnd, nulls,
                    binaryDictionary.entryValues(), seen);
        } else {
            statistics = PageStatistics.of(buffer, type, valueStart, valueEnd, nulls);
        }
        int size = out.size();
        return new EncodedColumnChunk.DataPageBytes(compression.compress(out.array(), size), size,
                levelEnd - levelStart, rows, statistics, encoding);
    }

    /** Levels {@code [from, to)} with their 4-byte length, as v1 pages carry them. */
    private void writeLevels(byte[] levels, int from, int to, int max) {
        int count = to - from;
        if (levelScratch.length < count) {
            levelScratch = new int[Math.max(count, levelScratch.length * 2)];
        }
        for (int i = 0; i < count; i++) {
            levelScratch[i] = levels[from + i];
        }
        int at = out.size();
        out.writeIntLittleEndian(0);
        RleBitPackedEncoder.encode(levelScratch, 0, count, RleBitPackedEncoder.bitWidth(max), out);
        out.setIntLittleEndian(at, out.size() - at - 4);
    }

    private void writePlain(ColumnChunkBuffer buffer, int from, int to) {
        switch (buffer.physical()) {
            case BOOLEAN -> {
                int[] ints = buffer.ints();
                int count = to - from;
                out.ensure((count + 7) / 8);
                byte[] bytes = out.array();
                int position = out.size();
                Arrays.fill(bytes, position, position + (count + 7) / 8, (byte) 0);
                for (int i = 0; i < count; i++) {
                    if (ints[from + i] != 0) {
                        bytes[position + (i >>> 3)] |= (byte) (1 << (i & 7));
                    }
                }
                out.skip((count + 7) / 8);
            }
            case INT32, FLOAT -> out.writeInts(buffer.ints(), from, to - from);
            case INT64, DOUBLE -> out.writeLongs(buffer.longs(), from, to - from);
            case BINARY -> {
                byte[] arena = buffer.arena();
                int[] offsets = buffer.offsets();
                out.ensure(4 * (to - from) + offsets[to] - offsets[from]);
                for (int v = from; v < to; v++) {
                    int length = offsets[v + 1] - offsets[v];
                    out.writeIntLittleEndian(length);
                    out.writeBytes(arena, offsets[v], length);
                }
            }
            case FIXED_LEN_BYTE_ARRAY -> {
                int[] offsets = buffer.offsets();
                out.writeBytes(buffer.arena(), offsets[from], offsets[to] - offsets[from]);
            }
            case INT96 -> throw new IllegalStateException("INT96 is never written");
        }
    }
}
