package org.clustergrid.register.interventions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clustergrid.register.interventions.Vocabulary.Category;
import org.clustergrid.register.interventions.Vocabulary.Status;

/**
 * What an editor sets on a row of the grid, checked ({@link InterventionInput}): the category and title are required,
 * a budget has a currency, the end is not before the start.
 */
public record Fields(Category category, String title, Status status, String agency, BigDecimal budget,
        String currency, LocalDate startDate, LocalDate endDate, String notes) {

    /** The editable properties, in the order they are served. */
    public static final java.util.List<String> NAMES = java.util.List.of("category", "title", "status", "agency",
            "budget", "currency", "start_date", "end_date", "notes");

    /** As served and versioned: ids and ISO dates as text, the budget a number, absent values null. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", category.id());
        m.put("title", title);
        m.put("status", status.id());
        m.put("agency", agency);
        m.put("budget", budget);
        m.put("currency", currency);
        m.put("start_date", startDate == null ? null : startDate.toString());
        m.put("end_date", endDate == null ? null : endDate.toString());
        m.put("notes", notes);
        return m;
    }
}
