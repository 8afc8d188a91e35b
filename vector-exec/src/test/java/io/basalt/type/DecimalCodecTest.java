package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/**
 * The compact writes and reads of the NUMERIC byte form: every unscaled length from one to eight bytes, both signs, read from
 * the middle of a buffer (one 8-byte word read) and from its last bytes (the byte loop), against BigDecimal's own
 * encoding.
 */
class DecimalCodecTest {
    private static List<Long> values() {
        List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 127L, 128L, -128L, -129L, 255L, 256L, 32767L, -32768L,
                Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 1_234_567_890_123L));
        for (int bits = 8; bits < 64; bits += 4) {
            values.add(1L << bits);
            values.add((1L << bits) - 1);
            values.add(-(1L << bits));
            values.add(-(1L << bits) - 1);
        }
        return values;
    }

    @Test
    void readsCompactValuesInsideAndAtTheEndOfABuffer() {
        try (BufferAllocator allocator = new RootAllocator()) {
            for (long unscaled : values()) {
                for (int scale : new int[] {0, 2, 17, -3}) {
                    byte[] encoded = DecimalCodec.encode(BigDecimal.valueOf(unscaled, scale));
                    byte[] direct = new byte[10];
                    int length = DecimalCodec.encode(unscaled, scale, direct);
                    assertThat(length).isEqualTo(encoded.length);
                    assertThat(java.util.Arrays.copyOf(direct, length)).as("%d at scale %d encoded", unscaled, scale)
                            .isEqualTo(encoded);
                    for (int padding : new int[] {0, 1, 7, 8, 16}) {
                        // the value at the start of a buffer with `padding` bytes after it (0: it ends the buffer)
                        try (ArrowBuf buffer = allocator.buffer(encoded.length + padding)) {
                            buffer.setBytes(0, encoded);
                            for (int k = 0; k < padding; k++) {
                                buffer.setByte(encoded.length + k, 0xA5);
                            }
                            assertThat(DecimalCodec.isCompact(buffer, 0, encoded.length)).isTrue();
                            assertThat(DecimalCodec.scale(buffer, 0)).isEqualTo(scale);
                            assertThat(DecimalCodec.unscaled(buffer, 0, encoded.length))
                                    .as("%d at scale %d with %d bytes after it", unscaled, scale, padding)
                                    .isEqualTo(unscaled);
                        }
                    }
                }
            }
        }
    }
}
