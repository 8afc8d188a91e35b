package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;

/** {@code users}: 100,000 per unit of scale; about 0.1% admins, 3% inactive, sign-ups growing over time. */
final class UsersTable extends ShopTable {
    UsersTable(ShopScale scale) {
        super(scale, "users", List.of(
                column("id", LogicalType.BIGINT),
                varchar("email", 255),
                varchar("username", 50),
                varchar("name", 100),
                varchar("password_hash", 255),
                varchar("role", 20),
                column("is_active", LogicalType.BOOLEAN),
                column("created_at", LogicalType.DATE)));
    }

    @Override
    public long expectedRowCount() {
        return scale.users();
    }

    @Override
    public RowProducer newRowProducer() {
        long seed = scale.seed();
        return new ExpandingRows(scale.users()) {
            private UserFacts user;

            @Override
            int load(long id) {
                user = UserFacts.of(seed, id);
                return 1;
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                out.setLong(0, row, user.id());
                out.setString(1, row, user.email());
                out.setString(2, row, user.username());
                out.setString(3, row, user.firstName() + " " + user.lastName());
                out.setString(4, row, user.passwordHash());
                out.setString(5, row, user.role());
                out.setBoolean(6, row, user.active());
                out.setDate(7, row, user.createdDay());
            }
        };
    }
}
