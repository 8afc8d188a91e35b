package io.basalt.datasets.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.GeneratedRows;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RecordingSession;
import io.basalt.type.TypeId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The e-commerce generator at scale 0.01: counts, amounts that add up, references between tables,
 * skew, declared string lengths, determinism, and the loader's statements.
 */
class ShopTablesTest {
    private static final ShopScale SCALE = ShopScale.of(0.01);
    private static final Map<String, List<Object[]>> TABLES = new HashMap<>();

    @BeforeAll
    static void generate() {
        for (GeneratedTable table : ShopTables.all(SCALE)) {
            TABLES.put(table.name(), GeneratedRows.collect(table));
        }
    }

    private static List<Object[]> rows(String table) {
        return TABLES.get(table);
    }

    @Test
    void countsFollowTheScale() {
        assertThat(rows("users")).hasSize(1000);
        assertThat(rows("products")).hasSize(100);
        assertThat(rows("orders")).hasSize(5000);
        assertThat(rows("tags")).hasSize(40);
        assertThat(rows("categories")).hasSize(ShopVocabulary.CATEGORIES.size());
        assertThat(rows("addresses").size()).isBetween(1150, 1350);
        assertThat(rows("order_items").size()).isBetween(7000, 12000);
        assertThat(rows("reviews").size()).isBetween(400, 1200);
        for (GeneratedTable table : ShopTables.all(SCALE)) {
            if (table.expectedRowCount() >= 0) {
                assertThat((long) rows(table.name()).size()).as(table.name()).isEqualTo(table.expectedRowCount());
            }
        }
    }

    @Test
    void orderAmountsAddUpFromTheirLines() {
        Map<Long, Long> lineSums = new HashMap<>();
        for (Object[] item : rows("order_items")) {
            long quantity = (Integer) item[6];
            assertThat((Long) item[8]).isEqualTo((Long) item[7] * quantity);
            lineSums.merge((Long) item[1], (Long) item[8], Long::sum);
        }
        for (Object[] order : rows("orders")) {
            long subtotal = (Long) order[4];
            assertThat(lineSums.get((Long) order[0])).as("order %s", order[0]).isEqualTo(subtotal);
            assertThat((Long) order[8]).isEqualTo(subtotal - (Long) order[5] + (Long) order[6] + (Long) order[7]);
            assertThat((Long) order[1]).isBetween(1L, 1000L);
            assertThat((String) order[9]).startsWith("{\"name\": ").endsWith("}");
        }
    }

    @Test
    void itemsReferToVariantsOfTheirProductAtTheVariantsPrice() {
        Map<Long, Object[]> variants = new HashMap<>();
        Map<Long, Set<String>> variantNames = new HashMap<>();
        for (Object[] variant : rows("product_variants")) {
            variants.put((Long) variant[0], variant);
            assertThat(variantNames.computeIfAbsent((Long) variant[1], p -> new HashSet<>()).add((String) variant[3]))
                    .as("variant names are unique per product").isTrue();
        }
        assertThat(variantNames).hasSize(100);
        for (Object[] item : rows("order_items")) {
            Object[] variant = variants.get((Long) item[3]);
            assertThat(variant).isNotNull();
            assertThat(variant[1]).isEqualTo(item[2]);
            assertThat(variant[3]).isEqualTo(item[5]);
            assertThat(variant[4]).isEqualTo(item[7]);
        }
    }

    @Test
    void popularityAndOrderSizesAreSkewed() {
        Map<Long, Integer> perProduct = new HashMap<>();
        Map<Long, Integer> linesPerOrder = new HashMap<>();
        for (Object[] item : rows("order_items")) {
            perProduct.merge((Long) item[2], 1, Integer::sum);
            linesPerOrder.merge((Long) item[1], 1, Integer::sum);
        }
        int total = rows("order_items").size();
        int topFive = perProduct.values().stream().sorted((a, b) -> b - a).limit(5).mapToInt(i -> i).sum();
        assertThat((double) topFive / total).as("share of the 5 best sellers of 100").isGreaterThan(0.2);
        long singleLine = linesPerOrder.values().stream().filter(n -> n == 1).count();
        assertThat((double) singleLine / linesPerOrder.size()).isBetween(0.45, 0.8);
        assertThat(linesPerOrder.values().stream().mapToInt(i -> i).max().orElseThrow()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void keysAndReferencesHold() {
        Set<Integer> categoryIds = new HashSet<>();
        for (Object[] category : rows("categories")) {
            categoryIds.add((Integer) category[0]);
            if (category[3] != null) {
                assertThat(categoryIds).contains((Integer) category[3]);
                assertThat((String) category[5]).endsWith("." + category[0]);
            }
        }
        for (Object[] product : rows("products")) {
            assertThat(categoryIds).contains((Integer) product[5]);
            assertThat((String) product[10]).startsWith("{").endsWith("}");
        }
        Set<String> reviewed = new HashSet<>();
        for (Object[] review : rows("reviews")) {
            assertThat(reviewed.add(review[1] + "/" + review[2])).as("one review per product and user").isTrue();
            assertThat((Integer) review[3]).isBetween(1, 5);
        }
        Map<Long, String> lastStatus = new HashMap<>();
        for (Object[] change : rows("order_status_history")) {
            String previous = lastStatus.put((Long) change[1], (String) change[3]);
            assertThat(change[2]).isEqualTo(previous);
        }
        for (Object[] order : rows("orders")) {
            assertThat(lastStatus.get((Long) order[0])).isEqualTo(order[3]);
        }
    }

    @Test
    void stringsFitTheirDeclaredLengths() {
        for (GeneratedTable table : ShopTables.all(SCALE)) {
            List<ResultColumn> columns = table.columns();
            for (Object[] row : rows(table.name())) {
                for (int c = 0; c < columns.size(); c++) {
                    if (columns.get(c).type().id() == TypeId.VARCHAR && row[c] != null) {
                        assertThat(((String) row[c]).length()).as(table.name() + "." + columns.get(c).name())
                                .isLessThanOrEqualTo(columns.get(c).type().precision());
                    }
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameRowsAndAnotherSeedOthers() {
        List<Object[]> again = GeneratedRows.collect(new OrdersTable(SCALE));
        assertThat(again).usingRecursiveFieldByFieldElementComparator().isEqualTo(rows("orders"));
        List<Object[]> other = GeneratedRows.collect(new OrdersTable(new ShopScale(0.01, 1)));
        assertThat(other.get(0)).isNotEqualTo(rows("orders").get(0));
    }

    @Test
    void theLoaderCreatesEveryTable() {
        RecordingSession session = new RecordingSession();
        ShopLoader.load(session, ShopScale.of(0.001), 500);
        assertThat(session.statements).hasSize(ShopTables.NAMES.size());
        assertThat(session.statements.get(4)).isEqualTo("CREATE TABLE products (id BIGINT, sku VARCHAR(100), "
                + "name VARCHAR(255), slug VARCHAR(255), description TEXT, category_id INTEGER, "
                + "base_price NUMERIC(10,2), stock INTEGER, status VARCHAR(20), is_active BOOLEAN, "
                + "attributes TEXT, created_at DATE)");
        assertThat(session.appendedRows.keySet()).containsExactlyElementsOf(ShopTables.NAMES);
        assertThat(session.appendedRows.get("users")).isEqualTo(100L);
    }

    @Test
    void productAttributesAreTheProductsJsonAsJsonb() {
        List<Object[]> products = rows("products");
        List<Object[]> attributes = GeneratedRows.collect(new ProductAttributesTable(SCALE));
        assertThat(attributes).hasSize(products.size());
        for (int row = 0; row < products.size(); row++) {
            assertThat(attributes.get(row)[0]).isEqualTo(products.get(row)[0]);
            assertThat(attributes.get(row)[1]).isEqualTo(products.get(row)[5]);
            assertThat((byte[]) attributes.get(row)[2])
                    .isEqualTo(io.basalt.type.json.Jsonb.parse((String) products.get(row)[10]).bytes());
        }
        assertThat(new ProductAttributesTable(SCALE).attributes(1)).isEqualTo(products.get(0)[10]);
    }
}
