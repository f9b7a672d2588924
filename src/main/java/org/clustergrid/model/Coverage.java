package org.clustergrid.model;

import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * The area a dataset has data for, and for which layers: inside it, a layer's nearest feature is a measurement;
 * outside it, the dataset says nothing (a road 2,000 km away in another extract is not the nearest road).
 *
 * @param area polygons in lon/lat (EPSG:4326)
 * @param layers the layers the dataset speaks for there, including those it found nothing of (an OSM extract with
 *     no power line still tells that none is mapped)
 * @param method how the area was found: {@link Method}
 * @param description what a report shows, e.g. the bounds of a PBF header or the cell rule used
 */
public record Coverage(Geometry area, Set<Layer> layers, Method method, String description) {
    /** Where a coverage came from, most trusted first. */
    public enum Method {
        /** Given by the user at import ({@code --coverage}). */
        DECLARED,
        /** The bounds an OpenStreetMap extract declares in its PBF header. */
        FILE_BOUNDS,
        /** Derived from the dataset's own features ({@code coverage.CoverageCells}). */
        DERIVED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Coverage {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(method, "method");
        layers = Set.copyOf(layers);
    }
}
