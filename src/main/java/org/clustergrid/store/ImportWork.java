package org.clustergrid.store;

/** The reading part of an import: reads its sources and hands each accepted feature to the writer. */
@FunctionalInterface
public interface ImportWork {
    void run(FeatureWriter writer) throws Exception;
}
