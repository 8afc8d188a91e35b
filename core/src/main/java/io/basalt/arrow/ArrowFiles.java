package io.basalt.arrow;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;

/** Opens an Arrow IPC file in either format: the file format (starts with {@code ARROW1}) or the stream format. */
final class ArrowFiles {
    private static final byte[] FILE_MAGIC = "ARROW1".getBytes(StandardCharsets.US_ASCII);

    private ArrowFiles() {
    }

    static ArrowReader open(Path file, BufferAllocator allocator) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            ByteBuffer head = ByteBuffer.allocate(FILE_MAGIC.length);
            channel.read(head, 0);
            if (java.util.Arrays.equals(head.array(), FILE_MAGIC)) {
                return new ArrowFileReader(channel, allocator);
            }
            return new ArrowStreamReader(channel, allocator);
        } catch (NoSuchFileException failure) {
            throw BasaltException.of(SqlState.UNDEFINED_FILE, "could not open file \"" + file
                    + "\" for reading: No such file or directory");
        } catch (IOException failure) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not read file \"" + file + "\": "
                    + failure.getMessage());
        }
    }
}
