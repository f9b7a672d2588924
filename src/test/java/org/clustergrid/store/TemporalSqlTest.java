package org.clustergrid.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.clustergrid.filter.Cql2Text;
import org.clustergrid.model.LayerSchema.Type;
import org.junit.jupiter.api.Test;

/** The SQL of date filters: literals bound as dates and date-times, open ends decided without losing SQL's unknown. */
class TemporalSqlTest {
    /** A table with a date {@code opened} (column a1), a date-time {@code seen} (a2) and a text {@code name} (a3). */
    static final FilterTarget TABLE = new FilterTarget() {
        @Override
        public String tableName() {
            return "sites";
        }

        @Override
        public Optional<LayerTable.FilterColumn> filterColumn(String p) {
            return switch (p) {
                case "opened" -> Optional.of(new LayerTable.FilterColumn(p, "a1", Type.DATE));
                case "seen" -> Optional.of(new LayerTable.FilterColumn(p, "a2", Type.TIMESTAMP));
                case "name" -> Optional.of(new LayerTable.FilterColumn(p, "a3", Type.TEXT));
                default -> Optional.empty();
            };
        }

        @Override
        public List<String> queryableNames() {
            return List.of("opened", "seen", "name");
        }
    };

    static Sql sql(String cql2) {
        return FilterSql.of(Cql2Text.parse(cql2), TABLE, Dialect.POSTGIS);
    }

    static final LocalDate JAN1 = LocalDate.of(2020, 1, 1);

    @Test
    void comparisonsBindDatesAndUtcDateTimes() {
        assertThat(sql("opened >= DATE('2020-01-01')")).isEqualTo(new Sql("a1 >= ?", List.of(JAN1)));
        assertThat(sql("seen < TIMESTAMP('2020-01-01T10:00:00Z')")).isEqualTo(new Sql("a2 < ?",
                List.of(OffsetDateTime.of(2020, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC))));
    }

    @Test
    void temporalFunctionsAreConditionsOnTheEnds() {
        assertThat(sql("T_AFTER(opened, DATE('2020-01-01'))")).isEqualTo(new Sql("(a1 > ?)", List.of(JAN1)));
        assertThat(sql("T_INTERSECTS(opened, INTERVAL('2020-01-01', '2020-12-31'))")).isEqualTo(new Sql(
                "(a1 <= ? AND a1 >= ?)", List.of(LocalDate.of(2020, 12, 31), JAN1)));
        assertThat(sql("T_DISJOINT(opened, INTERVAL('2020-01-01', '2020-12-31'))").text())
                .isEqualTo("NOT (a1 <= ? AND a1 >= ?)");
        // an open end: the comparison with it holds for every date, yet stays unknown where the date is missing
        assertThat(sql("T_DURING(opened, INTERVAL('2020-01-01', '..'))")).isEqualTo(new Sql("(a1 > ? AND a1 = a1)",
                List.of(JAN1)));
        assertThat(sql("T_AFTER(opened, INTERVAL('..', '..'))")).isEqualTo(new Sql("(a1 <> a1)", List.of()));
        assertThat(sql("T_EQUALS(INTERVAL('..', '2020-01-01'), INTERVAL('..', '2020-01-01'))")).isEqualTo(new Sql(
                "(1 = 1 AND ? = ?)", List.of(JAN1, JAN1)));
        // a.start < b.start, a.end > b.start, a.end < b.end = '..': the last holds wherever the date is known
        assertThat(sql("T_OVERLAPS(INTERVAL(opened, opened), INTERVAL('2020-01-01', '..'))").text())
                .isEqualTo("(a1 < ? AND a1 > ? AND a1 = a1)");
    }

    @Test
    void aDateIsNeverComparedWithADateTimeOrAText() {
        assertThatThrownBy(() -> sql("opened = TIMESTAMP('2020-01-01T00:00:00Z')")).hasMessage("filter: property"
                + " 'opened' is a date and cannot be compared with the timestamp 2020-01-01T00:00:00Z, which is a"
                + " timestamp; a date compares with DATE('2020-12-31'), a date-time with"
                + " TIMESTAMP('2020-12-31T10:00:00Z')");
        assertThatThrownBy(() -> sql("T_INTERSECTS(seen, INTERVAL('2020-01-01', '..'))")).hasMessageContaining(
                "property 'seen' is a timestamp and cannot be compared with the date 2020-01-01");
        assertThatThrownBy(() -> sql("name > DATE('2020-01-01')")).hasMessageContaining("property 'name' is a text"
                + " and cannot be compared with the date 2020-01-01");
        assertThatThrownBy(() -> sql("opened BETWEEN DATE('2020-01-01') AND DATE('2021-01-01')"))
                .hasMessageContaining("BETWEEN compares numbers; property 'opened' is a date");
        assertThatThrownBy(() -> sql("opened = INTERVAL('2020-01-01', '..')")).hasMessageContaining("an INTERVAL is"
                + " only taken by the temporal functions");
        assertThatThrownBy(() -> sql("T_AFTER(opened, '..')")).hasMessageContaining("T_AFTER takes instants and"
                + " intervals of dates or timestamps; the text '..' is a text");
    }
}
