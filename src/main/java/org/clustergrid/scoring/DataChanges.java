package org.clustergrid.scoring;

import java.util.List;

/**
 * How some data differ from the data a scoring engine was built on, when they differ only by additions and in-place
 * replacements (a what-if scenario): the roads replaced at these positions (same geometry, another class or
 * surface), and features added at the end of each layer. The clusters are the same.
 *
 * @param upgradedRoads positions in the roads' list of the roads replaced
 */
public record DataChanges(List<Integer> upgradedRoads, int addedRoads, int addedPower, int addedFinance,
        int addedMarkets) {

    public DataChanges {
        upgradedRoads = List.copyOf(upgradedRoads);
    }

    public boolean roadsChanged() {
        return !upgradedRoads.isEmpty() || addedRoads > 0;
    }
}
