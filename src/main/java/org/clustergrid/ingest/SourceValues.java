package org.clustergrid.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the ISO 8601 dates and times that GeoPackage and FlatGeobuf files store as text. */
public final class SourceValues {
    private SourceValues() {}

    /** {@code 2022-03-12}; a date-time is cut to its date, as GDAL writes some dates with a time of midnight. */
    public static LocalDate date(String s) {
        String t = s.strip();
        try {
            return LocalDate.parse(t.length() > 10 && t.charAt(10) == 'T' ? t.substring(0, 10) : t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD): '" + shorten(s) + "'");
        }
    }

    /**
     * {@code 2022-03-12T10:15:00Z}, with an offset or fractions of seconds; without a zone the time is taken as UTC
     * (what the GeoPackage standard prescribes), a date alone as its midnight UTC.
     */
    public static Instant dateTime(String s) {
        String t = s.strip().replace(' ', 'T');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            char last = t.charAt(t.length() - 1);
            boolean zoned = last == 'Z' || last == 'z' || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10;
            return zoned ? OffsetDateTime.parse(t.replace('z', 'Z')).toInstant()
                    : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not an ISO 8601 date-time: '" + shorten(s) + "'");
        }
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
