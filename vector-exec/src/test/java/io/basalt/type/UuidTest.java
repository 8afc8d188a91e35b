package io.basalt.type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Accepted and rejected spellings are PostgreSQL 15's ({@code SELECT '...'::uuid}). */
class UuidTest {
    private static final String CANONICAL = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

    @Test
    void acceptsEverySpellingPostgresAccepts() {
        for (String text : List.of("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
                "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
                "a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11",
                "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}",
                "a0eEbC99-9c0b4ef8-Bb6d6bb9bd380A11")) {
            assertThat(Uuid.parse(text).toString()).as(text).isEqualTo(CANONICAL);
        }
    }

    @Test
    void rejectsWhatPostgresRejectsWithItsMessage() {
        for (String text : List.of("", "11", "11111111-1111-1111-1111-111111111111F",
                "{11111111-1111-1111-1111-11111111111}", "111-11111-1111-1111-1111-111111111111",
                "{22222222-2222-2222-2222-222222222222 ", "11111111-1111-1111-G111-111111111111",
                "11+11111-1111-1111-1111-111111111111", " a0eebc999c0b4ef8bb6d6bb9bd380a11",
                "a0eebc999c0b4ef8bb6d6bb9bd380a1-", "a0eebc999c0b4ef8bb6d6bb9bd380a11-",
                "{a0eebc999c0b4ef8bb6d6bb9bd380a11", "a0eebc999c0b4ef8bb6d6bb9bd380a11}",
                "a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc999c0b4ef8bb6d6bb9bd380a1١")) {
            assertThatThrownBy(() -> Uuid.parse(text)).as(text)
                    .isInstanceOfSatisfying(BasaltException.class,
                            failure -> assertThat(failure.sqlState()).isEqualTo(SqlState.INVALID_TEXT_REPRESENTATION))
                    .hasMessageContaining("invalid input syntax for type uuid: \"" + text + "\"");
        }
    }

    @Test
    void bytesRoundTripInTextOrder() {
        Uuid uuid = Uuid.parse("00112233-4455-6677-8899-aabbccddeeff");
        byte[] bytes = uuid.toBytes();
        for (int k = 0; k < 16; k++) {
            assertThat(bytes[k] & 0xff).isEqualTo(k * 0x11);
        }
        assertThat(Uuid.fromBytes(bytes)).isEqualTo(uuid);
    }

    @Test
    void ordersAsUnsignedBytesLikePostgres() {
        List<String> sorted = List.of("00000000-0000-0000-0000-000000000000", "11111111-1111-1111-1111-111111111111",
                "7fffffff-ffff-ffff-ffff-ffffffffffff", "80000000-0000-0000-0000-000000000000",
                "80000000-0000-0000-7fff-ffffffffffff", "80000000-0000-0000-8000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff");
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = 0; j < sorted.size(); j++) {
                assertThat(Integer.signum(Uuid.parse(sorted.get(i)).compareTo(Uuid.parse(sorted.get(j)))))
                        .as("%s vs %s", sorted.get(i), sorted.get(j)).isEqualTo(Integer.compare(i, j));
            }
        }
    }

    @Test
    void randomUuidsAreVersion4WithTheRfcVariant() {
        SplittableRandom random = new SplittableRandom(7);
        List<Uuid> made = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Uuid uuid = Uuid.random(random);
            String text = uuid.toString();
            assertThat(text.charAt(14)).isEqualTo('4');
            assertThat(text.charAt(19)).isIn('8', '9', 'a', 'b');
            assertThat(Uuid.parse(text)).isEqualTo(uuid);
            made.add(uuid);
        }
        assertThat(made).doesNotHaveDuplicates();
    }
}
