package org.clustergrid.ogc.features;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.clustergrid.filter.Condition;
import org.clustergrid.filter.Operand;
import org.clustergrid.filter.TemporalRelation;
import org.clustergrid.layers.Attribute;
import org.clustergrid.layers.AttributeType;
import org.clustergrid.layers.ContextLayer;
import org.clustergrid.store.FeatureQuery;

/**
 * The {@code datetime} parameter (OGC API – Features Part 1) on a context layer with exactly one date or date-time
 * attribute: the features whose value lies in the instant or interval given, ends included, as
 * {@code T_INTERSECTS(attribute, …)}. A date attribute is compared by calendar day (a date-time given is taken as its
 * day in UTC); a date-time attribute against a date given takes the whole day in UTC. A layer without such an
 * attribute is not narrowed, as the built-in layers are not; with two or more the parameter is ambiguous and refused.
 */
final class ContextDatetime {
    private ContextDatetime() {}

    /** The query narrowed by {@code datetime}; as it was when there is none or the layer has no time. */
    static FeatureQuery narrow(FeatureQuery q, ContextLayer layer, String datetime) {
        if (datetime == null) {
            return q;
        }
        List<Attribute> times = layer.attributes().stream()
                .filter(a -> a.type() == AttributeType.DATE || a.type() == AttributeType.DATETIME).toList();
        if (times.isEmpty()) {
            return q;
        }
        if (times.size() > 1) {
            throw OgcException.badRequest("datetime is ambiguous on " + layer.name() + ", which has " + times.size()
                    + " date attributes (" + String.join(", ", times.stream().map(Attribute::name).toList())
                    + "); filter one of them instead, e.g. filter=T_INTERSECTS(" + times.get(0).name()
                    + ", INTERVAL('2020-01-01', '..'))");
        }
        Attribute a = times.get(0);
        boolean date = a.type() == AttributeType.DATE;
        String[] parts = datetime.split("/", -1);
        Operand when = parts.length == 1 ? instant(parts[0], date, datetime)
                : new Operand.Interval(bound(parts[0], date, true, datetime), bound(parts[1], date, false, datetime));
        Condition c = new Condition.Temporal(TemporalRelation.T_INTERSECTS, new Operand.Property(a.name()), when);
        Condition filter = q.filter() == null ? c : new Condition.And(List.of(q.filter(), c));
        return new FeatureQuery(q.bbox(), q.orBbox(), q.equals(), filter, q.offset(), q.limit());
    }

    private static Operand instant(String s, boolean date, String whole) {
        if (date) {
            return new Operand.Date(day(s, whole));
        }
        if (isDate(s)) { // the whole day
            return new Operand.Interval(bound(s, false, true, whole), bound(s, false, false, whole));
        }
        return new Operand.Timestamp(time(s, whole).toInstant());
    }

    private static Operand bound(String s, boolean date, boolean start, String whole) {
        if (s.isEmpty() || s.equals("..")) {
            return new Operand.Unbounded();
        }
        if (date) {
            return new Operand.Date(day(s, whole));
        }
        if (isDate(s)) {
            LocalDate d = LocalDate.parse(s);
            // the day's last microsecond: both stores keep microseconds, and PostgreSQL would round a later time up
            LocalTime last = LocalTime.MAX.truncatedTo(ChronoUnit.MICROS);
            return new Operand.Timestamp((start ? d.atStartOfDay() : d.atTime(last)).toInstant(ZoneOffset.UTC));
        }
        return new Operand.Timestamp(time(s, whole).toInstant());
    }

    private static boolean isDate(String s) {
        return s.length() == 10;
    }

    /** The calendar day of a date, or of a date-time in UTC. */
    private static LocalDate day(String s, String whole) {
        return isDate(s) ? parseDate(s, whole) : time(s, whole).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
    }

    private static LocalDate parseDate(String s, String whole) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(whole);
        }
    }

    private static OffsetDateTime time(String s, String whole) {
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw invalid(whole);
        }
    }

    private static OgcException invalid(String whole) {
        return OgcException.badRequest("datetime must be an RFC 3339 date-time or date, or an interval such as"
                + " 2024-01-01T00:00:00Z/.. ; got '" + whole + "'");
    }
}
