package io.basalt.testing.slt;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** What a {@code query} record expects after its {@code ----} line: values, or a count and an MD5 of them. */
public sealed interface ExpectedResult permits ExpectedResult.Values, ExpectedResult.Hash {

    /**
     * Expected lines as written: a row per line with TAB-separated values, or one value per line.
     * Both read the same once flattened row-major, which is how they are compared.
     */
    record Values(List<String> lines) implements ExpectedResult {
        public Values {
            lines = List.copyOf(lines);
        }

        /** Every value, row-major, in file order. */
        public List<String> flattened() {
            List<String> values = new ArrayList<>();
            for (String line : lines) {
                for (String value : line.split("\t", -1)) {
                    values.add(value);
                }
            }
            return values;
        }
    }

    /** {@code <count> values hashing to <md5>}: the MD5 of every value followed by a newline, after sorting. */
    record Hash(int valueCount, String md5) implements ExpectedResult {
        public Hash {
            requireNonNull(md5, "md5 is null");
        }
    }
}
