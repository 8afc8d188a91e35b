package io.basalt.binder;

import static java.util.Objects.requireNonNull;

import io.basalt.catalog.Catalog;
import io.basalt.spi.TableFunctionRegistry;

/** What binding a statement may consult: the catalog, the table functions, the parameter values. */
public record BindContext(Catalog catalog, TableFunctionRegistry tableFunctions, Parameters parameters) {
    public BindContext {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(tableFunctions, "tableFunctions is null");
        requireNonNull(parameters, "parameters is null");
    }
}
