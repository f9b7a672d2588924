package org.clustergrid.ogc.wms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WmsParamsTest {
    @Test
    void requestsThatMeanTheSameHaveOneCanonicalForm() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("SERVICE", "WMS");
        a.put("request", "GetMap");
        a.put("Layers", "roads,clusters");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("layers", "roads,clusters");
        b.put("REQUEST", "GetMap");
        b.put("service", "WMS");
        assertThat(WmsParams.of(a).canonical()).isEqualTo(WmsParams.of(b).canonical())
                .isEqualTo("LAYERS=roads,clusters\nREQUEST=GetMap\nSERVICE=WMS\n");
        // values keep their case: layer and style names are case-sensitive
        b.put("layers", "Roads,clusters");
        assertThat(WmsParams.of(a).canonical()).isNotEqualTo(WmsParams.of(b).canonical());
    }
}
