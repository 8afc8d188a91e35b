package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import java.util.List;

/** {@code tags}: a fixed list of forty product tags, whatever the scale. */
final class TagsTable extends ShopTable {
    TagsTable(ShopScale scale) {
        super(scale, "tags", List.of(column("id", LogicalType.INTEGER), varchar("name", 50)));
    }

    @Override
    public long expectedRowCount() {
        return ShopVocabulary.TAGS.length;
    }

    @Override
    public RowProducer newRowProducer() {
        return new ExpandingRows(ShopVocabulary.TAGS.length) {
            private int id;

            @Override
            int load(long tagId) {
                id = (int) tagId;
                return 1;
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                out.setInt(0, row, id);
                out.setString(1, row, ShopVocabulary.TAGS[id - 1]);
            }
        };
    }
}
