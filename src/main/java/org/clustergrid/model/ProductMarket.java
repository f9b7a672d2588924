package org.clustergrid.model;

import java.util.Objects;

/**
 * One of a cluster's main products and the market it mainly sells to.
 *
 * @param share percent of the cluster's output (sales) it makes up, 0–100; null when not known
 */
public record ProductMarket(String product, MarketScope market, Double share) {
    public ProductMarket {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(market, "market");
    }
}
