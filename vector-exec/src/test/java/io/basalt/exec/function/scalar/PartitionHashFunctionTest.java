package io.basalt.exec.function.scalar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The type hashes against PostgreSQL 15's own ({@code hashint4extended} etc. with the partition seed). */
class PartitionHashFunctionTest {
    private static final long SEED = PartitionHashFunction.SEED;

    @Test
    void integersHashAsPostgresDoes() {
        assertThat(PartitionHashFunction.hashInt4(5, SEED)).isEqualTo(-2840406021921404358L);
        assertThat(PartitionHashFunction.hashInt4(-7, SEED)).isEqualTo(-7298374200968567817L);
        assertThat(PartitionHashFunction.hashInt4(5, 0)).isEqualTo(-9138765687874534020L);
        assertThat(PartitionHashFunction.hashInt4(3, SEED)).isEqualTo(-6526785837914879018L);
        assertThat(PartitionHashFunction.hashInt8(5, SEED)).isEqualTo(-2840406021921404358L);
        assertThat(PartitionHashFunction.hashInt8(-123456789012L, SEED)).isEqualTo(-764151986433661186L);
    }

    @Test
    void textHashesAsPostgresDoes() {
        assertThat(PartitionHashFunction.hashBytes(bytes(""), SEED)).isEqualTo(-5700645584453517373L);
        assertThat(PartitionHashFunction.hashBytes(bytes("abc"), SEED)).isEqualTo(3628778498291917250L);
        assertThat(PartitionHashFunction.hashBytes(bytes("hello world, partitions!"), SEED))
                .isEqualTo(-3666144358096887241L);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
