package org.clustergrid.network;

/**
 * Where a point joins the road network: the nearest point ("foot") on a road segment, located on the routing edge
 * that segment belongs to.
 *
 * <p>When that road belongs to a fragment (a small connected component, see {@link Components}), the point may also
 * join the main network: {@link #network()} is then the nearest foot on a non-fragment component (null when none lies
 * within reach). Searches enter the graph through both ({@link #entries()}), so the point reaches whatever its own
 * fragment reaches and whatever the main network reaches, each with its own off-road leg.
 *
 * <p>A point with no road within reach is <em>off the network</em> ({@link #offNetwork}): it keeps its position, so
 * that the direct off-road leg to a nearby place can still be taken, but it has no edge.
 */
public final class Snap {
    private final double lon;
    private final double lat;
    private final int edge;
    private final double fraction;
    private final double offRoadMetres;
    private final double offRoadSeconds;
    private final double footLon;
    private final double footLat;
    private final double componentMetres;
    private final boolean onFragment;
    private final Snap network;
    private final Snap[] entries;

    Snap(double lon, double lat, int edge, double fraction, double offRoadMetres, double offRoadSeconds,
            double footLon, double footLat, double componentMetres, boolean onFragment, Snap network) {
        this.lon = lon;
        this.lat = lat;
        this.edge = edge;
        this.fraction = fraction;
        this.offRoadMetres = offRoadMetres;
        this.offRoadSeconds = offRoadSeconds;
        this.footLon = footLon;
        this.footLat = footLat;
        this.componentMetres = componentMetres;
        this.onFragment = onFragment;
        this.network = network;
        this.entries = edge < 0 ? NONE : network == null ? new Snap[] {this} : new Snap[] {this, network};
    }

    /** A point with no road within reach: no edge, no foot, only its position. */
    public static Snap offNetwork(double lon, double lat) {
        return new Snap(lon, lat, -1, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, Double.NaN,
                0, false, null);
    }

    /** Longitude of the point that was snapped. */
    public double lon() {
        return lon;
    }

    /** Latitude of the point that was snapped. */
    public double lat() {
        return lat;
    }

    /** Whether a road lies within reach; false for {@link #offNetwork} points. */
    public boolean onNetwork() {
        return edge >= 0;
    }

    /** The edge id in its {@link RoadGraph}; -1 off the network. */
    public int edge() {
        return edge;
    }

    /**
     * Position of the foot along the edge as a share of the edge's travel time (an edge may chain roads of different
     * speeds): 0 at its source node, 1 at its target node.
     */
    public double fraction() {
        return fraction;
    }

    /** Geodesic metres from the point to the foot; +∞ off the network. */
    public double offRoadMetres() {
        return offRoadMetres;
    }

    /** Those metres at the profile's off-road speed. */
    public double offRoadSeconds() {
        return offRoadSeconds;
    }

    public double footLon() {
        return footLon;
    }

    public double footLat() {
        return footLat;
    }

    /** Total road length of the connected component of the nearest road (0 off the network). */
    public double componentMetres() {
        return componentMetres;
    }

    /** Whether the nearest road belongs to a fragment: the quality flag "nearest road is a fragment". */
    public boolean onFragment() {
        return onFragment;
    }

    /**
     * The nearest foot on a non-fragment component when the nearest road is on a fragment, null otherwise (and when
     * no such road lies within reach).
     */
    public Snap network() {
        return network;
    }

    /**
     * The feet through which the point enters the graph: this one and {@link #network()}, none off the network. The
     * array is shared (searches read it for every target they meet): read it, never write to it.
     */
    public Snap[] entries() {
        return entries;
    }

    private static final Snap[] NONE = new Snap[0];

    @Override
    public String toString() {
        return edge < 0 ? "Snap[off network at " + lon + " " + lat + "]"
                : "Snap[edge " + edge + " at " + fraction + ", " + Math.round(offRoadMetres) + " m off road"
                        + (onFragment ? ", on a fragment" + (network == null ? "" : "; network " + network) : "") + "]";
    }
}
