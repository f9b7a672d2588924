package org.clustergrid.ogc.features;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.clustergrid.model.Layer;
import org.clustergrid.model.LayerProperties;
import org.clustergrid.model.LayerSchema;
import org.clustergrid.store.StoredFeature;
import org.locationtech.jts.io.WKTWriter;

/**
 * Items as CSV: the feature id, the dataset, the canonical fields under their own names and the geometry as WKT in a
 * {@code wkt} column (in the requested CRS, CRS84 unless asked otherwise), so the file imports back into ClusterGrid (and opens in GDAL/QGIS) as it is.
 */
final class CsvItems {
    private CsvItems() {}

    static List<String> header(Layer layer) {
        List<String> h = new ArrayList<>();
        h.add("feature_id");
        h.add("dataset");
        h.add(LayerSchema.idField(layer));
        LayerSchema.fields(layer).forEach(f -> h.add(f.name()));
        h.add("wkt");
        return h;
    }

    static void write(OutputStream out, ItemsPage p) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header(p.layer()).toArray(String[]::new)).build();
        List<String> fields = header(p.layer()).subList(2, header(p.layer()).size() - 1);
        WKTWriter wkt = new WKTWriter();
        try (CSVPrinter csv = new CSVPrinter(w, format)) {
            for (StoredFeature f : p.page().features()) {
                List<Object> row = new ArrayList<>();
                row.add(f.layerId());
                row.add(f.datasetId());
                Map<String, Object> props = LayerProperties.of(f.feature());
                fields.forEach(name -> row.add(props.get(name)));
                row.add(wkt.write(p.crs().transform(f.feature().geometry())));
                csv.printRecord(row);
            }
        }
    }
}
