package io.basalt.format.parquet;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.format.parquet.ParquetColumnDecoder.Kind;
import io.basalt.format.parquet.page.ByteStreamSplitValues;
import io.basalt.format.parquet.page.ColumnDictionary;
import io.basalt.format.parquet.page.DeltaBinaryPackedValues;
import io.basalt.format.parquet.page.DeltaByteArrayValues;
import io.basalt.format.parquet.page.DeltaLengthByteArrayValues;
import io.basalt.format.parquet.page.DictionaryValues;
import io.basalt.format.parquet.page.FallbackValues;
import io.basalt.format.parquet.page.PageValues;
import io.basalt.format.parquet.page.PlainValues;
import io.basalt.format.parquet.page.RleBooleanValues;
import io.basalt.format.parquet.page.RleBitPackedDecoder;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.bytes.DeferredPageBytes;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.filter2.columnindex.RowRanges;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Decodes a flat column chunk page at a time, straight into Arrow vectors: parquet-mr reads and decompresses the
 * pages (v1 and v2, through {@link ParquetCodecs}), and this class decodes their definition levels (RLE /
 * bit-packed) and values (PLAIN, dictionary, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY,
 * BYTE_STREAM_SPLIT, RLE booleans; any other encoding through parquet-mr's {@link FallbackValues}) many values per
 * call into primitive arrays, then scatters the non-null ones to their rows. A page whose values are PLAIN
 * fixed-width and hold no null in the rows asked for is copied into the vector's buffer in one block.
 *
 * <p>Serves the types {@link #kindOf} accepts; list columns and the rarer conversions stay with
 * {@link ParquetColumnDecoder}.
 */
final class ParquetPageDecoder implements ColumnChunkDecoder {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Bytes {@link #gathered} keeps past the values it holds, for {@link #gather}'s word stores. */
    private static final int GATHER_SLACK = 2 * Long.BYTES;

    private final String name;
    private final LogicalType type;
    private final ColumnDescriptor column;
    private final PrimitiveTypeName physical;
    private final PageReader pages;
    private final Kind kind;
    private final int maxDefinition;
    private final int fixedLength;
    /** The Arrow field of every vector this decoder fills (made once: building it per batch showed in profiles). */
    private final Field field;
    private final int carvedWidth;
    private ColumnDictionary dictionary;
    private boolean dictionaryRead;
    /** Bytes of text written into the current vector so far. */
    private int stringEnd;
    /** Bytes of text per row in the previous batch (0 before the first), to size the next one's buffer. */
    private double bytesPerRow;

    // the rows to read (inclusive bounds; null: all), the range of the next one, the row of the page's next level
    private long[] rangeFrom;
    private long[] rangeTo;
    private int rangeIndex;
    private long row;

    /**
     * The arrays pages are decompressed and their levels decoded into, which a scan worker hands from one row
     * group's decoder of a column to the next ({@link #useBuffers}): a page of 120,000 values would otherwise
     * allocate half a megabyte of levels and a megabyte of bytes in every row group, most of the scan's garbage.
     */
    static final class PageBuffers {
        private byte[] page = new byte[0];
        private int[] levels = new int[0];
    }

    private PageBuffers buffers = new PageBuffers();

    // the current page: its definition levels (none kept when the page is dense), the next one to use, the rows
    // left, its non-null values
    private int[] definitions = new int[0];
    /** The end of the current page's bytes in the array {@link #pageBytes} returned. */
    private int pageEnd;
    private int definitionAt;
    private int pageLeft;
    /** Whether every row of the current page is non-null (its levels need not be looked at row by row). */
    private boolean pageDense;
    private PageValues values;

    // per-call scratch, grown to the largest run decoded
    private int[] positions = new int[0];
    private int[] ints = new int[0];
    private long[] longs = new long[0];
    private float[] floats = new float[0];
    private double[] doubles = new double[0];
    private boolean[] booleans = new boolean[0];
    private int[] starts = new int[0];
    private int[] lengths = new int[0];
    private byte[] gathered = new byte[0];
    private int[] ends = new int[0];

    ParquetPageDecoder(String name, LogicalType type, ColumnDescriptor column, PageReader pages, Kind kind) {
        this(name, type, column, pages, kind, null);
    }

    /**
     * A decoder of only the rows in {@code ranges} (null: every row), whose pages come from parquet-mr's filtered
     * row-group read: each page says its first row, and the rows of a page outside the ranges are skipped.
     */
    ParquetPageDecoder(String name, LogicalType type, ColumnDescriptor column, PageReader pages, Kind kind,
                       RowRanges ranges) {
        if (ranges != null) {
            List<RowRanges.Range> list = ranges.getRanges();
            rangeFrom = new long[list.size()];
            rangeTo = new long[list.size()];
            for (int i = 0; i < list.size(); i++) {
                rangeFrom[i] = list.get(i).from;
                rangeTo[i] = list.get(i).to;
            }
        }
        this.name = name;
        this.type = type;
        this.column = column;
        this.physical = column.getPrimitiveType().getPrimitiveTypeName();
        this.pages = pages;
        this.kind = kind;
        this.maxDefinition = column.getMaxDefinitionLevel();
        this.fixedLength = physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY ? column.getPrimitiveType().getTypeLength() : -1;
        this.field = type.arrowField(name);
        this.carvedWidth = switch (kind) {
            case INT16 -> Short.BYTES;
            case INT32, DATE -> Integer.BYTES;
            case INT64, DECIMAL_INT32, DECIMAL_INT64, FLOAT, DOUBLE -> Long.BYTES;
            default -> 0;
        };
    }

    /**
     * The page-at-a-time conversion for a column of Basalt type {@code type} stored as {@code chunk}, or null when
     * the column needs the value-at-a-time decoder (lists, other conversions, nested levels).
     */
    static Kind kindOf(LogicalType type, ColumnDescriptor column) {
        if (type.isArray() || column.getMaxRepetitionLevel() > 0 || column.getMaxDefinitionLevel() > 1) {
            return null;
        }
        PrimitiveType primitive = column.getPrimitiveType();
        Kind kind = ParquetColumnDecoder.kindOf(type, primitive);
        if (kind != Kind.GENERIC) {
            return kind;
        }
        PrimitiveTypeName physical = primitive.getPrimitiveTypeName();
        LogicalTypeAnnotation annotation = primitive.getLogicalTypeAnnotation();
        if (type.id() == TypeId.BYTEA && (physical == PrimitiveTypeName.BINARY
                || physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                && !(annotation instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation)) {
            return Kind.BYTEA;
        }
        if (type.id() == TypeId.UUID && physical == PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY
                && primitive.getTypeLength() == 16) {
            return Kind.UUID;
        }
        return null;
    }

    @Override
    public FieldVector next(int rows, BufferAllocator allocator) {
        return fill(allocate(rows, allocator), rows);
    }

    /**
     * Bytes per value of this column's Arrow vector when it is a fixed-width vector whose buffers the caller may
     * carve out of a shared allocation ({@link #next(int, FieldVector)}), otherwise 0 (text, bytea, booleans).
     */
    int carvedWidth() {
        return carvedWidth;
    }

    /**
     * Bytes of text the caller may carve for the next {@code rows} rows of a text or bytea column, with its
     * validity and offsets: the previous batch's bytes per row with a little to spare (the buffer grows when they
     * do not fit); 0 for the other kinds and before the first batch.
     */
    long carvedTextBytes(int rows) {
        if ((kind != Kind.STRING && kind != Kind.BYTEA) || bytesPerRow == 0) {
            return 0;
        }
        return (long) Math.ceil(bytesPerRow * 1.1 * rows) + 8;
    }

    /**
     * Decodes the next {@code rows} rows into {@code vector}, a vector of {@link #field()} holding zeroed buffers
     * for at least {@code rows} values ({@link #carvedWidth()} bytes each, or {@link #carvedTextBytes} of text);
     * on failure the vector is closed.
     */
    FieldVector next(int rows, FieldVector vector) {
        return fill(vector, rows);
    }

    /** Decodes pages into {@code shared}'s arrays (those of the previous row group's decoder of the column). */
    void useBuffers(PageBuffers shared) {
        buffers = shared;
    }

    /** The Arrow field of the vectors this decoder fills. */
    Field field() {
        return field;
    }

    private FieldVector fill(FieldVector vector, int rows) {
        stringEnd = 0;
        try {
            int filled = 0;
            while (filled < rows) {
                if (pageLeft == 0) {
                    nextPage();
                }
                int count = Math.min(rows - filled, pageLeft);
                if (rangeFrom != null) {
                    while (rangeTo[rangeIndex] < row) {
                        rangeIndex++;
                    }
                    if (row < rangeFrom[rangeIndex]) {
                        skip((int) Math.min(rangeFrom[rangeIndex] - row, pageLeft));
                        continue;
                    }
                    count = (int) Math.min(count, rangeTo[rangeIndex] - row + 1);
                }
                decode(vector, filled, count);
                filled += count;
                pageLeft -= count;
                definitionAt += count;
                row += count;
            }
            if (kind == Kind.STRING || kind == Kind.BYTEA) {
                ((BaseVariableWidthVector) vector).setLastSet(rows - 1);
                bytesPerRow = (double) stringEnd / rows;
            }
            vector.setValueCount(rows);
            return vector;
        } catch (RuntimeException | Error failure) {
            vector.close();
            throw failure;
        }
    }

    /**
     * A vector for {@code rows} rows; a text or bytea vector's data buffer is sized by the bytes per row of the
     * previous batch (with a little to spare), so that it is rarely grown (each growth copies what it holds).
     */
    private FieldVector allocate(int rows, BufferAllocator allocator) {
        FieldVector vector = field.createVector(allocator);
        try {
            if (bytesPerRow == 0 || (kind != Kind.STRING && kind != Kind.BYTEA)) {
                vector.setInitialCapacity(Math.max(rows, 1));
            } else {
                ((BaseVariableWidthVector) vector).setInitialCapacity(Math.max(rows, 1), Math.max(bytesPerRow * 1.1, 1));
            }
            vector.allocateNew();
            return vector;
        } catch (RuntimeException | Error failure) {
            vector.close();
            throw failure;
        }
    }

    // ---- pages ----

    private void nextPage() {
        if (!dictionaryRead) {
            dictionaryRead = true;
            DictionaryPage page = pages.readDictionaryPage();
            if (page != null) {
                dictionary = ColumnDictionary.decode(bytes(page.getBytes()), page.getDictionarySize(), physical,
                        fixedLength);
            }
        }
        DataPage page = pages.readPage();
        if (page == null) {
            throw new IllegalStateException("column " + name + " ends before its row group's row count");
        }
        int count = page.getValueCount();
        // a flat column's page holds at most its chunk's values (the footer's count): a corrupt count must not
        // size the level array
        if (count < 0 || count > pages.getTotalValueCount()) {
            throw new IllegalStateException("a data page of " + count + " values in a column chunk of "
                    + pages.getTotalValueCount());
        }
        int present = count;
        switch (page) {
            case DataPageV1 v1 -> {
                byte[] data = pageBytes(v1.getBytes());
                int end = pageEnd;
                int offset = 0;
                if (maxDefinition > 0 && v1.getDlEncoding() == Encoding.RLE) {
                    if (end < 4) {
                        throw new IllegalStateException("a data page too short for its definition levels");
                    }
                    int length = (int) INT.get(data, 0);
                    if (length < 0 || 4L + length > end) {
                        throw new IllegalStateException("definition levels run past the end of their page");
                    }
                    present = levels(data, 4, 4 + length, count);
                    offset = 4 + length;
                } else if (maxDefinition > 0) {
                    present = bitPackedLevels(v1.getDlEncoding(), data, count);
                    offset = (count * (32 - Integer.numberOfLeadingZeros(maxDefinition)) + 7) / 8;
                }
                values = values(v1.getValueEncoding(), data, offset, end, present);
            }
            case DataPageV2 v2 -> {
                if (maxDefinition > 0) {
                    byte[] levels = bytes(v2.getDefinitionLevels());
                    present = levels(levels, 0, levels.length, count);
                }
                byte[] data = pageBytes(v2.getData());
                values = values(v2.getDataEncoding(), data, 0, pageEnd, present);
            }
            default -> throw new IllegalStateException("unknown data page " + page.getClass().getSimpleName());
        }
        pageLeft = count;
        pageDense = present == count;
        definitionAt = 0;
        if (page.getFirstRowIndex().isPresent()) {
            row = page.getFirstRowIndex().get();
        }
    }

    /** Passes over the next {@code count} rows of the current page: their values are decoded and dropped. */
    private void skip(int count) {
        int present = count;
        if (maxDefinition > 0 && !pageDense) {
            present = 0;
            for (int i = definitionAt; i < definitionAt + count; i++) {
                present += definitions[i] == maxDefinition ? 1 : 0;
            }
        }
        int width = switch (physical) {
            case INT32, FLOAT -> Integer.BYTES;
            case INT64, DOUBLE -> Long.BYTES;
            case FIXED_LEN_BYTE_ARRAY -> fixedLength;
            default -> 0;
        };
        // PLAIN fixed-width values are passed over without being read
        if (present > 0 && (width <= 0 || values.plainBlock(present, width) == null)) {
            switch (physical) {
                case INT32 -> readInts(present);
                case INT64 -> {
                    if (longs.length < present) {
                        longs = new long[present];
                    }
                    values.readLongs(longs, present);
                }
                case FLOAT -> {
                    if (floats.length < present) {
                        floats = new float[present];
                    }
                    values.readFloats(floats, present);
                }
                case DOUBLE -> {
                    if (doubles.length < present) {
                        doubles = new double[present];
                    }
                    values.readDoubles(doubles, present);
                }
                case BOOLEAN -> {
                    if (booleans.length < present) {
                        booleans = new boolean[present];
                    }
                    values.readBooleans(booleans, present);
                }
                case BINARY, FIXED_LEN_BYTE_ARRAY -> readBinaries(present);
                case INT96 -> throw new IllegalStateException("INT96 is not read page at a time");
            }
        }
        pageLeft -= count;
        definitionAt += count;
        row += count;
    }

    /**
     * Decodes the page's {@code count} definition levels and returns how many rows are non-null; a page whose
     * levels are one run of non-null rows (the common case) keeps none.
     */
    private int levels(byte[] data, int offset, int end, int count) {
        int width = 32 - Integer.numberOfLeadingZeros(maxDefinition);
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(data, offset, end, width);
        if (decoder.skipRunOf(maxDefinition, count)) {
            return count;
        }
        return decoder.readCounting(levelArray(count), 0, count, maxDefinition);
    }

    /** The array of the current page's levels, holding at least {@code count}. */
    private int[] levelArray(int count) {
        if (buffers.levels.length < count) {
            buffers.levels = new int[count];
        }
        definitions = buffers.levels;
        return definitions;
    }

    /**
     * A data page's bytes: a page parquet-mr left compressed ({@link DeferredPageBytes}) is decompressed into
     * {@link #buffers}' array, reused from page to page; its bytes end at {@link #pageEnd}.
     */
    private byte[] pageBytes(org.apache.parquet.bytes.BytesInput input) {
        if (input instanceof DeferredPageBytes deferred) {
            try {
                buffers.page = deferred.inflateInto(buffers.page);
            } catch (java.io.IOException failure) {
                throw new java.io.UncheckedIOException(failure);
            }
            pageEnd = (int) deferred.size();
            return buffers.page;
        }
        byte[] data = bytes(input);
        pageEnd = data.length;
        return data;
    }

    /** Levels in the deprecated BIT_PACKED encoding (old writers), through parquet-mr's decoder. */
    private int bitPackedLevels(Encoding encoding, byte[] data, int count) {
        ValuesReader reader = encoding.getValuesReader(column, ValuesType.DEFINITION_LEVEL);
        try {
            reader.initFromPage(count, ByteBufferInputStream.wrap(java.nio.ByteBuffer.wrap(data)));
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
        int present = 0;
        levelArray(count);
        for (int i = 0; i < count; i++) {
            definitions[i] = reader.readInteger();
            present += definitions[i] == maxDefinition ? 1 : 0;
        }
        return present;
    }

    private PageValues values(Encoding encoding, byte[] data, int offset, int end, int present) {
        return switch (encoding) {
            case PLAIN -> new PlainValues(data, offset, end, fixedLength);
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> new DictionaryValues(dictionary, data, offset, end);
            case DELTA_BINARY_PACKED -> new DeltaBinaryPackedValues(data, offset, end);
            case DELTA_LENGTH_BYTE_ARRAY -> new DeltaLengthByteArrayValues(data, offset, end);
            case DELTA_BYTE_ARRAY -> new DeltaByteArrayValues(data, offset, end);
            case BYTE_STREAM_SPLIT -> new ByteStreamSplitValues(data, offset, end, present, fixedLength);
            case RLE -> physical == PrimitiveTypeName.BOOLEAN ? new RleBooleanValues(data, offset, end)
                    : new FallbackValues(encoding, column, present, data, offset, end);
            default -> new FallbackValues(encoding, column, present, data, offset, end);
        };
    }

    private static byte[] bytes(org.apache.parquet.bytes.BytesInput input) {
        try {
            // a page decompressed into an array of its own is used as it is, not copied
            java.nio.ByteBuffer buffer = input.toByteBuffer();
            if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                    && buffer.remaining() == buffer.array().length) {
                return buffer.array();
            }
            return input.toByteArray();
        } catch (java.io.IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
    }

    // ---- values ----

    /**
     * Decodes rows {@code [at, at + count)} of the vector from the current page: the non-null values in one call,
     * then one typed loop that stores them at their rows ({@link #positions}).
     */
    private void decode(FieldVector vector, int at, int count) {
        int present = count;
        if (maxDefinition > 0 && !pageDense) {
            present = 0;
            int[] levels = definitions;
            int level = maxDefinition;
            int base = definitionAt;
            growPositions(count);
            int[] rows = positions;
            for (int i = 0; i < count; i++) {
                if (levels[base + i] == level) {
                    rows[present++] = at + i;
                }
            }
        }
        if (kind == Kind.STRING || kind == Kind.BYTEA) {
            writeStrings((BaseVariableWidthVector) vector, at, count, present);
            return;
        }
        if (present == 0) {
            return;
        }
        boolean dense = present == count;
        if (dense) {
            if (copyBlock(vector, at, count) || writeDense(vector, at, count)) {
                return;
            }
            growPositions(count);
            for (int i = 0; i < count; i++) {
                positions[i] = at + i;
            }
        }
        int[] rows = positions;
        switch (kind) {
            case INT32 -> {
                IntVector out = (IntVector) vector;
                int[] in = readInts(present);
                for (int i = 0; i < present; i++) {
                    out.set(rows[i], in[i]);
                }
            }
            case INT16 -> {
                SmallIntVector out = (SmallIntVector) vector;
                int[] in = readInts(present);
                for (int i = 0; i < present; i++) {
                    out.set(rows[i], in[i]);
                }
            }
            case DATE -> {
                DateDayVector out = (DateDayVector) vector;
                int[] in = readInts(present);
                for (int i = 0; i < present; i++) {
                    out.set(rows[i], in[i]);
                }
            }
            case DECIMAL_INT32 -> {
                BigIntVector out = (BigIntVector) vector;
                int[] in = readInts(present);
                for (int i = 0; i < present; i++) {
                    out.set(rows[i], in[i]);
                }
            }
            case INT64, DECIMAL_INT64 -> {
                BigIntVector out = (BigIntVector) vector;
                if (longs.length < present) {
                    longs = new long[present];
                }
                long[] in = longs;
                values.readLongs(in, present);
                for (int i = 0; i < present; i++) {
                    out.set(rows[i], in[i]);
                }
            }
            case FLOAT -> {
                Float8Vector out = (Float8Vector) vector;
                if (floats.length < present) {
                    floats = new float[present];
                }
                float[] in = floats;
                values.readFloats(in, present);
                for (int i = 0; i < present; i++) {
                    out.set(rows[i], in[i]);
                }
            }
            case DOUBLE -> {
                Float8Vector out = (Float8Vector) vector;
                if (doubles.length < present) {
                    doubles = new double[present];
                }
                double[] in = doubles;
                values.readDoubles(in, present);
                for (int i = 0; i < present; i++) {
                    out.set(rows[i], in[i]);
                }
            }
            case BOOLEAN -> {
                BitVector out = (BitVector) vector;
                if (booleans.length < present) {
                    booleans = new boolean[present];
                }
                boolean[] in = booleans;
                values.readBooleans(in, present);
                for (int i = 0; i < present; i++) {
                    out.set(rows[i], in[i] ? 1 : 0);
                }
            }
            case UUID -> {
                FixedSizeBinaryVector out = (FixedSizeBinaryVector) vector;
                byte[] source = readBinaries(present);
                ArrowBuf data = out.getDataBuffer();
                ArrowBuf validity = out.getValidityBuffer();
                for (int i = 0; i < present; i++) {
                    data.setBytes(16L * rows[i], source, starts[i], 16);
                    BitVectorHelper.setBit(validity, rows[i]);
                }
            }
            case STRING, BYTEA, GENERIC -> throw new IllegalStateException("no typed loop for " + type.displayName());
        }
    }

    /**
     * Stores rows {@code [at, at + count)} of a text or bytea column, {@code present} of them non-null: the run's
     * bytes go into the data buffer grown once, and every row's end offset is written, nulls' included (so the
     * vector has no holes for Arrow to fill).
     */
    private void writeStrings(BaseVariableWidthVector out, int at, int count, int present) {
        if (present == count && count > 0 && values instanceof DictionaryValues dictionaryValues
                && dictionaryValues.shortEntryLength() >= 0) {
            writeShortDictionaryStrings(out, at, count, dictionaryValues);
            return;
        }
        byte[] source = present == 0 ? null : readBinaries(present);
        int total = 0;
        for (int i = 0; i < present; i++) {
            total += lengths[i];
        }
        // the run's bytes are gathered on the heap and copied into the vector at once: one Arrow copy per run
        // instead of one per value, which costs most for short strings
        if (gathered.length < total + GATHER_SLACK) {
            gathered = new byte[Math.max(total + GATHER_SLACK, gathered.length * 2)];
        }
        gather(source, present);
        while (out.getDataBuffer().capacity() < (long) stringEnd + total) {
            out.reallocDataBuffer();
        }
        ArrowBuf data = out.getDataBuffer();
        ArrowBuf validity = out.getValidityBuffer();
        if (total > 0) {
            data.setBytes(stringEnd, gathered, 0, total);
        }
        if (ends.length < count + 1) {
            ends = new int[count + 1];
        }
        int[] rowEnds = ends;
        int end = stringEnd;
        if (present == count) {
            for (int i = 0; i < count; i++) {
                end += lengths[i];
                rowEnds[i] = end;
            }
            setValid(validity, at, count);
        } else {
            int[] levels = definitions;
            int base = definitionAt;
            int level = maxDefinition;
            int next = 0;
            for (int i = 0; i < count; i++) {
                if (levels[base + i] == level) {
                    end += lengths[next++];
                    BitVectorHelper.setBit(validity, at + i);
                }
                rowEnds[i] = end;
            }
        }
        // the row ends go into the offsets buffer in one copy; offset 0 is written with the first run
        MemorySegment offsets = ArrowSegments.of(out.getOffsetBuffer());
        if (at == 0) {
            offsets.setAtIndex(ArrowSegments.INT, 0, 0);
        }
        MemorySegment.copy(rowEnds, 0, offsets, ArrowSegments.INT, (long) (at + 1) * Integer.BYTES, count);
        stringEnd = end;
    }

    /**
     * Stores rows {@code [at, at + count)}, none of them null, from a dictionary whose entries are all at most 32
     * bytes (flags, modes, codes, instructions): the entries' bytes and the row ends are written in one pass
     * ({@link DictionaryValues#gatherShortBinaries}), then copied into the vector's buffers as {@link #writeStrings}
     * does.
     */
    private void writeShortDictionaryStrings(BaseVariableWidthVector out, int at, int count, DictionaryValues dictionaryValues) {
        int bound = count * dictionaryValues.shortEntryLength() + DictionaryValues.gatherSlack();
        if (gathered.length < bound) {
            gathered = new byte[Math.max(bound, gathered.length * 2)];
        }
        if (ends.length < count + 1) {
            ends = new int[count + 1];
        }
        int total = dictionaryValues.gatherShortBinaries(gathered, ends, count, stringEnd);
        while (out.getDataBuffer().capacity() < (long) stringEnd + total) {
            out.reallocDataBuffer();
        }
        if (total > 0) {
            out.getDataBuffer().setBytes(stringEnd, gathered, 0, total);
        }
        setValid(out.getValidityBuffer(), at, count);
        MemorySegment offsets = ArrowSegments.of(out.getOffsetBuffer());
        if (at == 0) {
            offsets.setAtIndex(ArrowSegments.INT, 0, 0);
        }
        MemorySegment.copy(ends, 0, offsets, ArrowSegments.INT, (long) (at + 1) * Integer.BYTES, count);
        stringEnd += total;
    }

    /**
     * Copies the {@link #present} byte ranges {@code starts}/{@code lengths} of {@code source} one after another
     * into {@link #gathered} (which has {@link #GATHER_SLACK} bytes to spare past their total). A value of at most
     * 16 bytes whose source has 16 bytes to read is moved as two 8-byte words, whatever its length: the words'
     * surplus bytes land past the value and the next value overwrites them. Short strings (flags, modes,
     * dictionary entries) are most values, and a call of {@code System.arraycopy} per value cost more than the copy.
     */
    private void gather(byte[] source, int present) {
        int[] from = starts;
        int[] length = lengths;
        byte[] into = gathered;
        int wordLimit = source == null ? -1 : source.length - 2 * Long.BYTES;
        int position = 0;
        for (int i = 0; i < present; i++) {
            int start = from[i];
            int bytes = length[i];
            if (bytes <= 2 * Long.BYTES && start <= wordLimit) {
                LONG.set(into, position, (long) LONG.get(source, start));
                LONG.set(into, position + Long.BYTES, (long) LONG.get(source, start + Long.BYTES));
            } else {
                System.arraycopy(source, start, into, position, bytes);
            }
            position += bytes;
        }
    }

    /**
     * Stores {@code count} values without nulls of a 4- or 8-byte integer column at rows {@code [at, at + count)}
     * straight into the vector's buffers (dictionary pages gather into the buffer itself, other encodings go through
     * an array); false for the other kinds.
     */
    private boolean writeDense(FieldVector vector, int at, int count) {
        switch (kind) {
            case INT32, DATE -> {
                MemorySegment data = ArrowSegments.values(vector);
                if (values instanceof DictionaryValues dictionaryValues) {
                    dictionaryValues.readInts(data, (long) at * Integer.BYTES, count);
                } else {
                    int[] in = readInts(count);
                    MemorySegment.copy(in, 0, data, ArrowSegments.INT, (long) at * Integer.BYTES, count);
                }
            }
            case DECIMAL_INT32 -> {
                int[] in = readInts(count);
                if (longs.length < count) {
                    longs = new long[count];
                }
                long[] widened = longs;
                for (int i = 0; i < count; i++) {
                    widened[i] = in[i];
                }
                MemorySegment.copy(widened, 0, ArrowSegments.values(vector), ArrowSegments.LONG, (long) at * Long.BYTES,
                        count);
            }
            case INT64, DECIMAL_INT64 -> {
                if (values instanceof DictionaryValues dictionaryValues) {
                    dictionaryValues.readLongs(ArrowSegments.values(vector), (long) at * Long.BYTES, count);
                } else {
                    if (longs.length < count) {
                        longs = new long[count];
                    }
                    long[] in = longs;
                    values.readLongs(in, count);
                    MemorySegment.copy(in, 0, ArrowSegments.values(vector), ArrowSegments.LONG, (long) at * Long.BYTES,
                            count);
                }
            }
            default -> {
                return false;
            }
        }
        setValid(((BaseFixedWidthVector) vector).getValidityBuffer(), at, count);
        return true;
    }

    /** Copies {@code count} PLAIN values without nulls into a vector of the same width; false when not possible. */
    private boolean copyBlock(FieldVector vector, int at, int count) {
        int width = switch (kind) {
            case INT32, DATE -> 4;
            case INT64, DECIMAL_INT64, DOUBLE -> 8;
            default -> 0;
        };
        if (width == 0) {
            return false;
        }
        byte[] block = values.plainBlock(count, width);
        if (block == null) {
            return false;
        }
        BaseFixedWidthVector out = (BaseFixedWidthVector) vector;
        out.getDataBuffer().setBytes((long) at * width, block, values.plainOffset(), (long) count * width);
        setValid(out.getValidityBuffer(), at, count);
        return true;
    }

    /** Marks rows {@code [from, from + count)} non-null: whole bytes at once, the bits at either end one by one. */
    private static void setValid(ArrowBuf validity, int from, int count) {
        int end = from + count;
        int row = from;
        while (row < end && (row & 7) != 0) {
            BitVectorHelper.setBit(validity, row++);
        }
        int wholeBytes = (end - row) >>> 3;
        if (wholeBytes > 0) {
            validity.setOne(row >>> 3, wholeBytes);
            row += wholeBytes << 3;
        }
        while (row < end) {
            BitVectorHelper.setBit(validity, row++);
        }
    }

    private int[] readInts(int count) {
        if (ints.length < count) {
            ints = new int[count];
        }
        values.readInts(ints, count);
        return ints;
    }

    private byte[] readBinaries(int count) {
        if (starts.length < count) {
            starts = new int[count];
            lengths = new int[count];
        }
        return values.readBinaries(starts, lengths, count);
    }

    private void growPositions(int count) {
        if (positions.length < count) {
            positions = new int[count];
        }
    }
}
