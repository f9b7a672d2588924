package org.clustergrid.store;

import java.util.List;

/** One page of features and how many matched in all. */
public record FeaturePage(List<StoredFeature> features, long numberMatched) {}
