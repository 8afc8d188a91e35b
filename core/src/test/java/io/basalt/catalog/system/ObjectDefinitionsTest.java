package io.basalt.catalog.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.catalog.Catalog;
import org.junit.jupiter.api.Test;

/** The pretty form of CHECK conditions, and object identifiers that do not depend on the catalog's instance. */
class ObjectDefinitionsTest {
    @Test
    void prettyFormDropsOnlyParenthesesAroundTheWholeCondition() {
        assertThat(ObjectDefinitions.withoutOuterParentheses("(a > 0)")).isEqualTo("a > 0");
        assertThat(ObjectDefinitions.withoutOuterParentheses("((a > 0) AND (b < 1))")).isEqualTo("(a > 0) AND (b < 1)");
        assertThat(ObjectDefinitions.withoutOuterParentheses("(a > 0) AND (b < 1)")).isEqualTo("(a > 0) AND (b < 1)");
        assertThat(ObjectDefinitions.withoutOuterParentheses("(a = ')(')")).isEqualTo("a = ')('");
        assertThat(ObjectDefinitions.withoutOuterParentheses("a IS NOT NULL")).isEqualTo("a IS NOT NULL");
        assertThat(ObjectDefinitions.withoutOuterParentheses("()")).isEmpty();
    }

    @Test
    void systemObjectsHavePostgresOidsAndUserSchemasStableOnes() {
        Catalog first = new Catalog();
        Catalog second = new Catalog();
        first.addSchema("sales");
        second.addSchema("sales");
        CatalogObjects one = CatalogObjects.of(first);
        CatalogObjects other = CatalogObjects.of(second);
        assertThat(one.namespace("pg_catalog").oid()).isEqualTo(11);
        assertThat(one.namespace("public").oid()).isEqualTo(2200);
        assertThat(one.relation("pg_catalog", "pg_class").oid()).isEqualTo(1259);
        assertThat(one.namespace("sales").oid()).isEqualTo(other.namespace("sales").oid())
                .isGreaterThanOrEqualTo(CatalogObjects.FIRST_USER_OID);
        assertThat(one.lookup(java.util.List.of("pg_class"))).isSameAs(one.relation("pg_catalog", "pg_class"));
        assertThat(one.regclassText(one.relation("pg_catalog", "pg_class"))).isEqualTo("pg_class");
    }
}
