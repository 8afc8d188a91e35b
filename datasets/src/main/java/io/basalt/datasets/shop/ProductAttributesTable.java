package io.basalt.datasets.shop;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.BatchWriter;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import io.basalt.type.LogicalType;
import io.basalt.type.json.Jsonb;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code products}' JSON side alone, for the JSONB benchmarks: {@code id}, {@code category_id} and {@code attributes}
 * as JSONB, row for row the values {@link ProductsTable} generates for the same scale and seed (the same draws, the
 * description drawn and dropped so that the attributes come out of the same random stream). A product's values depend
 * on the seed and its id alone, so the table of N products is the first N products of any scale with that seed; this
 * lets it reach the 10 million products of issue #10 (scale 1,000), which the whole data set's scale does not allow.
 */
public final class ProductAttributesTable implements GeneratedTable {
    public static final String NAME = "products";
    private static final List<ResultColumn> COLUMNS = List.of(
            new ResultColumn("id", LogicalType.BIGINT),
            new ResultColumn("category_id", LogicalType.INTEGER),
            new ResultColumn("attributes", LogicalType.JSONB));

    private final long products;
    private final long seed;

    /** Products {@code 1..products} of the data set generated with {@code seed}. */
    public ProductAttributesTable(long products, long seed) {
        if (products < 0) {
            throw new IllegalArgumentException("products must not be negative: " + products);
        }
        this.products = products;
        this.seed = seed;
    }

    /** The products of {@code scale}. */
    public ProductAttributesTable(ShopScale scale) {
        this(scale.products(), scale.seed());
    }

    /** The first {@code rows} products of the data set's default seed. */
    public static ProductAttributesTable ofRows(long rows) {
        return new ProductAttributesTable(rows, ShopScale.DEFAULT_SEED);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<ResultColumn> columns() {
        return COLUMNS;
    }

    @Override
    public long expectedRowCount() {
        return products;
    }

    @Override
    public RowProducer newRowProducer() {
        return new ExpandingRows(products) {
            private ProductFacts product;
            private String attributes;

            @Override
            int load(long id) {
                product = ProductFacts.of(seed, id);
                attributes = attributesText(seed, product);
                return 1;
            }

            @Override
            void write(BatchWriter out, int row, int index) {
                out.setLong(0, row, product.id());
                out.setInt(1, row, product.category().id());
                out.setBinary(2, row, Jsonb.parse(attributes).bytes());
            }
        };
    }

    /** Product {@code id}'s attributes as JSON text, exactly as {@code products.attributes} holds them. */
    public String attributes(long id) {
        return attributesText(seed, ProductFacts.of(seed, id));
    }

    private static String attributesText(long seed, ProductFacts product) {
        SplittableRandom text = EntityRandom.of(seed, EntityRandom.PRODUCT_TEXT, product.id());
        ProductsTable.description(product, text);
        return ProductsTable.attributes(product, text);
    }
}
