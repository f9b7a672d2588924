package org.clustergrid.store;

import java.util.List;
import java.util.Optional;

/** A table a query may filter: a built-in layer's or a context layer's, with the columns behind its properties. */
interface FilterTarget {
    /** Its table name, also used in messages. */
    String tableName();

    /** The column and type behind a property a query may filter on; empty for anything else. */
    Optional<LayerTable.FilterColumn> filterColumn(String property);

    /** The properties a filter may name besides the geometry, for messages. */
    List<String> queryableNames();
}
