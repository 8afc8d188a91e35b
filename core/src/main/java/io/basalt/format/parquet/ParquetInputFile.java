package io.basalt.format.parquet;

import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local file as parquet-mr's {@link InputFile}: each stream maps the whole file read-only and copies from the
 * mapping straight into the arrays and buffers parquet-mr hands over. Reading through a {@link FileChannel} into
 * a heap buffer copies every byte twice (the JDK reads into a temporary direct buffer, then copies that into the
 * array), which was a tenth of a numeric scan's samples; a copy out of the page cache's mapping is the only one.
 * Opening fails as the file system says ({@code NoSuchFileException}, {@code AccessDeniedException}), which
 * {@link ParquetFile} turns into PostgreSQL's errors. A file cut short by another process while it is mapped and
 * read fails the read with an {@link InternalError}, which the scan reports as a damaged file. (Handing parquet-mr
 * views of the mapping through its vectored read, with no copy at all, needs a decompressor that reads outside the
 * heap and writes into an array: aircompressor's Java Snappy took 70% of a numeric scan's samples, slower than the
 * copy it saved and xerial's native Snappy together.)
 */
final class ParquetInputFile implements InputFile {
    private final Path path;

    ParquetInputFile(Path path) {
        this.path = path;
    }

    @Override
    public long getLength() throws IOException {
        return Files.size(path);
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        // a shared arena: parquet-mr may hand the stream from the thread that opened it to another
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return new MappedStream(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena), arena);
        } catch (IOException | RuntimeException failure) {
            arena.close();
            throw failure;
        }
    }

    @Override
    public String toString() {
        return path.toString();
    }

    /** A mapped file read as a seekable stream; closing it unmaps the file. */
    private static final class MappedStream extends SeekableInputStream {
        private final MemorySegment file;
        private final Arena arena;
        private final long size;
        private long position;

        MappedStream(MemorySegment file, Arena arena) {
            this.file = file;
            this.arena = arena;
            this.size = file.byteSize();
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void seek(long newPosition) throws IOException {
            if (newPosition < 0) {
                throw new IOException("seek to a negative position " + newPosition);
            }
            position = newPosition;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            return file.get(ValueLayout.JAVA_BYTE, position++) & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int count = (int) Math.min(length, size - Math.min(position, size));
            if (count == 0) {
                return -1;
            }
            MemorySegment.copy(file, ValueLayout.JAVA_BYTE, position, into, offset, count);
            position += count;
            return count;
        }

        @Override
        public void readFully(byte[] into) throws IOException {
            readFully(into, 0, into.length);
        }

        @Override
        public void readFully(byte[] into, int offset, int length) throws IOException {
            requireAvailable(length);
            MemorySegment.copy(file, ValueLayout.JAVA_BYTE, position, into, offset, length);
            position += length;
        }

        @Override
        public int read(ByteBuffer into) {
            int count = (int) Math.min(into.remaining(), size - Math.min(position, size));
            if (count == 0) {
                return into.hasRemaining() ? -1 : 0;
            }
            copyInto(into, count);
            return count;
        }

        @Override
        public void readFully(ByteBuffer into) throws IOException {
            requireAvailable(into.remaining());
            copyInto(into, into.remaining());
        }

        @Override
        public long skip(long count) {
            if (count <= 0) {
                return 0;
            }
            long skipped = Math.min(count, Math.max(0, size - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, Math.max(0, size - position));
        }

        @Override
        public void close() {
            if (arena.scope().isAlive()) {
                arena.close();
            }
        }

        private void requireAvailable(long length) throws EOFException {
            if (length > size - Math.min(position, size)) {
                throw new EOFException("reached the end of the file: " + length + " bytes asked for at offset "
                        + position + " of " + size);
            }
        }

        private void copyInto(ByteBuffer into, int count) {
            MemorySegment.copy(file, position, MemorySegment.ofBuffer(into), 0, count);
            into.position(into.position() + count);
            position += count;
        }
    }
}
