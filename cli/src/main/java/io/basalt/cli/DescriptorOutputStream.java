package io.basalt.cli;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Writes to an inherited file descriptor of the process (such as 3) with the C library's
 * {@code write}. Java can open a descriptor only through its path ({@code /dev/fd/3}), which for a
 * regular file creates a second, independent file position; writing through the descriptor itself
 * shares the position with standard output when both were redirected to the same file
 * ({@code > log 2>&1}), so neither overwrites the other.
 */
final class DescriptorOutputStream extends OutputStream {
    private final int descriptor;
    private final MethodHandle write;

    private DescriptorOutputStream(int descriptor, MethodHandle write) {
        this.descriptor = descriptor;
        this.write = write;
    }

    /** A stream onto {@code descriptor}; fails when native access is not available. */
    static DescriptorOutputStream open(int descriptor) {
        Linker linker = Linker.nativeLinker();
        MemorySegment function = linker.defaultLookup().find("write")
                .orElseThrow(() -> new UnsupportedOperationException("no write function in the C library"));
        MethodHandle write = linker.downcallHandle(function, FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
        return new DescriptorOutputStream(descriptor, write);
    }

    @Override
    public void write(int value) throws IOException {
        write(new byte[] {(byte) value}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(length);
            MemorySegment.copy(bytes, offset, buffer, JAVA_BYTE, 0, length);
            long done = 0;
            while (done < length) {
                long written = (long) write.invokeExact(descriptor, buffer.asSlice(done), (long) length - done);
                if (written <= 0) {
                    throw new IOException("cannot write to file descriptor " + descriptor);
                }
                done += written;
            }
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }
}
