package io.basalt.format.parquet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A local file as parquet-mr's {@link InputFile}, read through a {@link FileChannel} straight into the buffers
 * parquet-mr hands over. parquet-mr's own {@code LocalInputFile} reads a column chunk into a fresh byte array and
 * then copies that into the chunk's buffer: one allocation and one copy of every byte read more than needed.
 * Opening fails as the file system says ({@code NoSuchFileException}, {@code AccessDeniedException}), which
 * {@link ParquetFile} turns into PostgreSQL's errors.
 */
final class ParquetInputFile implements InputFile {
    /** The most one read call asks of the channel (which copies through a temporary direct buffer that size). */
    private static final int MAX_READ = 1 << 20;

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
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        return new DelegatingSeekableInputStream(new ChannelStream(channel)) {
            @Override
            public long getPos() throws IOException {
                return channel.position();
            }

            @Override
            public void seek(long position) throws IOException {
                channel.position(position);
            }
        };
    }

    @Override
    public String toString() {
        return path.toString();
    }

    /** The channel as an input stream whose array reads go straight into the caller's array. */
    private static final class ChannelStream extends InputStream {
        private final FileChannel channel;
        private final byte[] one = new byte[1];

        ChannelStream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            int read = read(one, 0, 1);
            return read <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            return channel.read(ByteBuffer.wrap(into, offset, Math.min(length, MAX_READ)));
        }

        @Override
        public long skip(long count) throws IOException {
            if (count <= 0) {
                return 0;
            }
            long position = channel.position();
            long skipped = Math.min(count, Math.max(0, channel.size() - position));
            channel.position(position + skipped);
            return skipped;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
