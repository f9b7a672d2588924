package org.clustergrid.app;

import java.nio.file.Path;
import org.clustergrid.app.limits.Limits;
import org.clustergrid.store.StoreSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code clustergrid.*} (application.properties, environment variables such as
 * {@code CLUSTERGRID_STORE}, or {@code --clustergrid.store=...} arguments). See the README's configuration table.
 */
@ConfigurationProperties("clustergrid")
public record ClusterGridProperties(
        String store, Path dataDir, Postgis postgis, Demo demo, Admin admin, Api api, Scoring scoring,
        Tiles tiles, Wms wms, Limits limits) {

    public ClusterGridProperties {
        store = store == null ? "h2gis" : store;
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        postgis = postgis == null ? new Postgis(null, null, null, null) : postgis;
        demo = demo == null ? new Demo(null) : demo;
        admin = admin == null ? new Admin(null) : admin;
        api = api == null ? new Api(0, 0) : api;
        scoring = scoring == null ? new Scoring(null, null) : scoring;
        tiles = tiles == null ? new Tiles(null) : tiles;
        wms = wms == null ? new Wms(null, null, null, null) : wms;
        limits = limits == null ? new Limits(null, null, null, null, null, null, null, null, null, null, null, null) : limits;
    }

    /** @param profile a scoring profile YAML file; blank for the bundled default profile */
    /**
     * @param profile the scoring profile (YAML file); empty for the default one
     * @param costs the cost profile pricing scenarios' interventions (YAML file); empty for the default one
     */
    public record Scoring(String profile, String costs) {}

    /** PostGIS connection, used when {@code store=postgis}. */
    public record Postgis(String url, String user, String password, String schema) {}

    /**
     * @param enabled load the demo region into an empty store on start; default: only for the embedded store
     */
    public record Demo(Boolean enabled) {}

    /**
     * @param token an admin API key kept in the configuration (X-Admin-Token or Authorization: Bearer); blank for none,
     *     and none is ever made up (see org.clustergrid.security)
     */
    public record Admin(String token) {}

    /** @param defaultLimit features per page when a request gives no limit; maxLimit the most it may ask for */
    public record Api(int defaultLimit, int maxLimit) {
        public Api {
            defaultLimit = defaultLimit <= 0 ? 100 : defaultLimit;
            maxLimit = maxLimit <= 0 ? 10_000 : maxLimit;
        }
    }

    /** @param cacheMegabytes memory for built vector tiles of the current data version; 0 turns the cache off */
    public record Tiles(Integer cacheMegabytes) {
        public Tiles {
            cacheMegabytes = cacheMegabytes == null || cacheMegabytes < 0 ? 64 : cacheMegabytes;
        }
    }

    /**
     * @param memoryMegabytes heap for layers maps draw from memory (the layers that fit); the rest from the store
     * @param cacheMegabytes memory for GetMap answers of the current data version; 0 keeps none
     * @param rasterMegabytes memory for the decoded cells of raster layers, shared by them all
     */
    public record Wms(Integer memoryMegabytes, Integer cacheMegabytes, Integer rasterMegabytes, Contact contact) {
        public Wms {
            memoryMegabytes = memoryMegabytes == null || memoryMegabytes < 0 ? 256 : memoryMegabytes;
            cacheMegabytes = cacheMegabytes == null || cacheMegabytes < 0 ? 64 : cacheMegabytes;
            rasterMegabytes = rasterMegabytes == null || rasterMegabytes < 0 ? 128 : rasterMegabytes;
            contact = contact == null ? new Contact(null, null, null, null, null) : contact;
        }
    }

    /**
     * Who runs the service, for the WMS capabilities' ContactInformation ({@code clustergrid.wms.contact.*}); only
     * what is set is published, the organisation defaulting to ClusterGrid.
     */
    public record Contact(String person, String organization, String position, String phone, String email) {
        public Contact {
            organization = organization == null || organization.isBlank() ? "ClusterGrid" : organization.strip();
        }
    }

    public StoreSettings storeSettings() {
        return new StoreSettings(store, dataDir, postgis.url(), postgis.user(), postgis.password(), postgis.schema());
    }

    public boolean demoEnabled() {
        return demo.enabled() != null ? demo.enabled() : storeSettings().kind().equals("h2gis");
    }
}
