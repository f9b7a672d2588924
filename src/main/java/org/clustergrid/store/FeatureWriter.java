package org.clustergrid.store;

import org.clustergrid.model.LayerFeature;

/** Receives the features of an import inside its transaction. */
public interface FeatureWriter {
    /**
     * Adds a feature. A feature whose id repeats one already written to the same layer is not written and is
     * reported as a record error naming {@code file}, {@code location} and the id (a warning when the import skips
     * invalid records, whose accepted count it then takes back).
     *
     * @param file the source file name, for problem reports
     * @param location where in the file the feature came from (line, feature, record, element)
     */
    void write(LayerFeature feature, String file, String location);
}
