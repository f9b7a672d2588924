package org.clustergrid.report;

/**
 * A regional report as asked for in words (API parameters, command-line options), before {@link RegionScopes} finds
 * it in the store. At most one of {@code layer}, {@code bbox}, {@code area} and {@code country} chooses the region;
 * none means every cluster.
 *
 * @param layer a polygon layer of the user's: with {@code feature}, one of its areas; without, all of them
 * @param feature the area's number in the layer, or its name
 * @param by a polygon layer to break the region down by; null for none (or, with {@code layer} alone, that layer)
 * @param bbox {@code minLon,minLat,maxLon,maxLat}
 * @param area a polygon as WKT or GeoJSON, longitude/latitude
 * @param country an ISO 3166-1 alpha-2 code
 * @param top how many priorities to list
 */
public record RegionQuery(String layer, String feature, String by, String bbox, String area, String country,
        int top) {}
