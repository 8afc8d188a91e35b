package io.basalt.datasets.shop;

import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.RowProducer;
import io.basalt.datasets.shop.ShopVocabulary.Category;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * {@code categories}: a fixed three-level tree (families, subcategories, leaves) with parent ids,
 * depths and materialized paths such as {@code 1.8.25}, whatever the scale.
 */
final class CategoriesTable extends ShopTable {
    CategoriesTable(ShopScale scale) {
        super(scale, "categories", List.of(
                column("id", LogicalType.INTEGER),
                varchar("name", 100),
                varchar("slug", 100),
                column("parent_id", LogicalType.INTEGER),
                column("depth", LogicalType.INTEGER),
                column("path", LogicalType.TEXT)));
    }

    @Override
    public long expectedRowCount() {
        return ShopVocabulary.CATEGORIES.size();
    }

    @Override
    public RowProducer newRowProducer() {
        return new ExpandingRows(ShopVocabulary.CATEGORIES.size()) {
            private Category category;

            @Override
            int load(long id) {
                category = ShopVocabulary.CATEGORIES.get((int) id - 1);
                return 1;
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                out.setInt(0, row, category.id());
                out.setString(1, row, category.name());
                out.setString(2, row, category.slug());
                if (category.parentId() == 0) {
                    out.setNull(3, row);
                } else {
                    out.setInt(3, row, category.parentId());
                }
                out.setInt(4, row, category.depth());
                out.setString(5, row, category.path());
            }
        };
    }
}
