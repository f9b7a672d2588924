package org.clustergrid.ogc.features;

import java.util.List;
import java.util.Locale;
import org.clustergrid.filter.Condition;
import org.clustergrid.filter.Cql2Json;
import org.clustergrid.filter.Cql2Text;
import org.clustergrid.filter.ToLonLat;

/**
 * OGC API – Features Part 3's {@code filter}, {@code filter-lang} and {@code filter-crs}, read into a condition whose
 * geometries are longitude/latitude, as features are stored. A filter that is not CQL2 is refused by the parsers
 * with the place and what was expected (400).
 */
final class FilterParameters {
    static final String TEXT = "cql2-text";
    static final String JSON = "cql2-json";
    static final List<String> LANGUAGES = List.of(TEXT, JSON);

    private FilterParameters() {}

    /** The condition of {@code filter}, or null without one; {@code lang} and {@code crs} are checked either way. */
    static Condition parse(String filter, String lang, String crs) {
        String language = lang == null ? TEXT : lang.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw OgcException.badRequest("filter-lang must be one of " + LANGUAGES + "; got '" + lang + "'");
        }
        Crs filterCrs = Crs.parse("filter-crs", crs);
        if (filter == null) {
            return null;
        }
        Condition c = language.equals(JSON) ? Cql2Json.parse(filter) : Cql2Text.parse(filter);
        return filterCrs == Crs.CRS84 ? c : ToLonLat.convert(c, filterCrs);
    }
}
