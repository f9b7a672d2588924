package org.clustergrid.testing;

import java.io.IOException;
import java.net.URI;
import org.clustergrid.store.StoreSettings;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The server's store on a fresh PostGIS schema reached through a {@link FaultProxy}, for tests that cut the database
 * while the server runs. Close it after the class: the proxy stops and the schema is dropped.
 */
public final class ProxiedPostgis implements AutoCloseable {
    private final FaultProxy proxy;
    private final StoreSettings schema;

    private ProxiedPostgis(FaultProxy proxy, StoreSettings schema) {
        this.proxy = proxy;
        this.schema = schema;
    }

    /** Sets clustergrid.store and clustergrid.postgis.* to a fresh schema behind a new proxy. */
    public static ProxiedPostgis register(DynamicPropertyRegistry r) throws IOException {
        URI db = URI.create(PostgisTestDatabase.URL.substring("jdbc:".length()));
        FaultProxy proxy = new FaultProxy(db.getHost(), db.getPort() < 0 ? 5432 : db.getPort());
        StoreSettings schema = PostgisTestDatabase.freshSchema();
        String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + db.getPath()
                + (db.getQuery() == null ? "" : "?" + db.getQuery());
        r.add("clustergrid.store", () -> "postgis");
        r.add("clustergrid.postgis.url", () -> url);
        r.add("clustergrid.postgis.user", () -> PostgisTestDatabase.USER);
        r.add("clustergrid.postgis.password", () -> PostgisTestDatabase.PASSWORD);
        r.add("clustergrid.postgis.schema", schema::postgisSchema);
        return new ProxiedPostgis(proxy, schema);
    }

    public FaultProxy proxy() {
        return proxy;
    }

    @Override
    public void close() throws IOException {
        proxy.close();
        PostgisTestDatabase.dropSchema(schema);
    }
}
