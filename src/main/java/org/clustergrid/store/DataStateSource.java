package org.clustergrid.store;

/** Where readers learn the current {@link DataState} without asking the database on every request. */
@FunctionalInterface
public interface DataStateSource {
    DataState current();
}
