package org.clustergrid.register.roundtrip;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.locationtech.jts.io.WKTWriter;

/**
 * A table as CSV (RFC 4180, UTF-8, a header row): its columns, then the footprint as WKT in {@code wkt}, which the
 * CSV reader finds by that name (empty for a record without one; a table without geometry has no such column). WKT
 * gives each ordinate in full (shortest exact) precision.
 */
final class CsvTableWriter {
    static final String GEOMETRY = "wkt";

    private CsvTableWriter() {}

    static void write(RegisterTable table, List<Row> rows, Path file) throws IOException {
        List<String> header = new ArrayList<>(table.columns().stream().map(Column::name).toList());
        if (table.spatial()) {
            header.add(GEOMETRY);
        }
        WKTWriter wkt = new WKTWriter(2);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter out = new CSVPrinter(w, CSVFormat.RFC4180.builder()
                        .setHeader(header.toArray(String[]::new)).build())) {
            for (Row r : rows) {
                for (Column c : table.columns()) {
                    out.print(TableFile.text(r.values().get(c.name())));
                }
                if (table.spatial()) {
                    out.print(r.geometry() == null ? null : wkt.write(r.geometry()));
                }
                out.println();
            }
        }
    }
}
