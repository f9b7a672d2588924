package org.clustergrid.ogc.features;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The encodings a resource can be asked for: by {@code f}, which wins, else by the {@code Accept} header. JSON is the
 * default, so clients that send no preference ({@code *}{@code /*}) get what OGC clients expect.
 */
enum Format {
    JSON("json"),
    HTML("html"),
    CSV("csv");

    static final Set<Format> METADATA = EnumSet.of(JSON, HTML);
    static final Set<Format> ITEMS = EnumSet.of(JSON, HTML, CSV);

    private final String param;

    Format(String param) {
        this.param = param;
    }

    String param() {
        return param;
    }

    static Format of(HttpServletRequest request, Set<Format> offered) {
        String f = request.getParameter("f");
        if (f != null) {
            String v = f.toLowerCase(Locale.ROOT);
            // geojson is what many clients try first for features
            Format byParam = v.equals("geojson") && offered.contains(JSON) ? JSON
                    : offered.stream().filter(o -> o.param.equals(v)).findFirst().orElse(null);
            if (byParam == null) {
                throw OgcException.badRequest("f must be one of " + offered.stream().map(Format::param).toList()
                        + "; got '" + f + "'");
            }
            return byParam;
        }
        return byAccept(request.getHeader("Accept"), offered);
    }

    private static Format byAccept(String accept, Set<Format> offered) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        // stable sort: among equal qualities the client's order decides
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType t : types) {
            if (t.getQualityValue() == 0) {
                continue;
            }
            Format match = match(t);
            if (match != null && offered.contains(match)) {
                return match;
            }
        }
        return JSON;
    }

    private static Format match(MediaType t) {
        if (t.isWildcardType() || (t.getType().equals("application") && t.isWildcardSubtype())) {
            return JSON;
        }
        String s = t.getType() + "/" + t.getSubtype();
        if (s.equals("text/html") || s.equals("application/xhtml+xml")) {
            return HTML;
        }
        if (s.equals("text/csv")) {
            return CSV;
        }
        boolean json = Arrays.asList("application/json", "application/geo+json").contains(s)
                || "json".equals(t.getSubtypeSuffix());
        return json ? JSON : null;
    }
}
