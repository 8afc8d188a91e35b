package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code addresses}: every user's home address (the default one, which orders ship to) and, for about a
 * quarter of the users, a work address in the same city.
 */
final class AddressesTable extends ShopTable {
    AddressesTable(ShopScale scale) {
        super(scale, "addresses", List.of(
                column("id", LogicalType.BIGINT),
                column("user_id", LogicalType.BIGINT),
                varchar("label", 50),
                varchar("street", 255),
                varchar("city", 100),
                varchar("postal_code", 20),
                varchar("country", 100),
                column("is_default", LogicalType.BOOLEAN)));
    }

    @Override
    public RowProducer newRowProducer() {
        long seed = scale.seed();
        return new ExpandingRows(scale.users()) {
            private long nextId = 1;
            private UserFacts user;
            private String workStreet;

            @Override
            int load(long id) {
                user = UserFacts.of(seed, id);
                SplittableRandom random = EntityRandom.of(seed, EntityRandom.ADDRESS, id);
                boolean hasWork = random.nextInt(4) == 0;
                workStreet = (1 + random.nextInt(400)) + " " + UserFacts.pick(ShopVocabulary.STREETS, random);
                return hasWork ? 2 : 1;
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                out.setLong(0, row, nextId++);
                out.setLong(1, row, user.id());
                out.setString(2, row, index == 0 ? "Home" : "Work");
                out.setString(3, row, index == 0 ? user.street() : workStreet);
                out.setString(4, row, user.city());
                out.setString(5, row, user.postalCode());
                out.setString(6, row, user.country());
                out.setBoolean(7, row, index == 0);
            }
        };
    }
}
