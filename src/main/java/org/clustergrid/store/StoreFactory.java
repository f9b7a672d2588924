package org.clustergrid.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;

/** Opens a store from its settings, creating or migrating its schema first. */
public final class StoreFactory {
    /** How long a request waits for a PostGIS connection before the store counts as down. */
    static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private StoreFactory() {}

    public static SpatialStore open(StoreSettings settings) {
        return settings.kind().equals("postgis") ? openPostgis(settings) : openH2gis(settings.dataDir());
    }

    private static SpatialStore openH2gis(Path dataDir) {
        String password;
        try {
            H2Secret.ownerOnlyDirectory(dataDir);
            password = H2Secret.password(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot prepare the data directory " + dataDir.toAbsolutePath(), e);
        }
        H2FileDataSource h2 = H2FileDataSource.hold(dataDir, password);
        HikariConfig config = new HikariConfig();
        config.setDataSource(h2);
        config.setMaximumPoolSize(8);
        config.setPoolName("clustergrid-h2gis");
        try {
            return open(config, Dialect.H2GIS, null, h2.url(), h2::release);
        } catch (RuntimeException e) {
            h2.release();
            throw e;
        }
    }

    private static SpatialStore openPostgis(StoreSettings s) {
        if (s.postgisUrl() == null || s.postgisUrl().isBlank()) {
            throw new IllegalArgumentException(
                    "clustergrid.store=postgis needs clustergrid.postgis.url (e.g. jdbc:postgresql://localhost:5432/clustergrid)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(s.postgisUrl());
        config.setUsername(s.postgisUser());
        config.setPassword(s.postgisPassword());
        config.addDataSourceProperty("currentSchema", s.postgisSchema() + ",public");
        // a plan for the box at hand: a prepared statement's generic plan cannot see how much of a layer a box or tile
        // covers (ST_AsMVT tiles: 12% fewer per second with it, pgbench on Pokhara roads)
        config.addDataSourceProperty("options", "-c plan_cache_mode=force_custom_plan");
        config.setMaximumPoolSize(8);
        config.setPoolName("clustergrid-postgis");
        // fail fast while the database is down: a request waits at most this long for a connection, then gets 503
        // (Hikari's default is 30 s); the driver gives up on an unanswered connect as soon
        config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS / 1000));
        return open(config, Dialect.POSTGIS, s.postgisSchema(), s.postgisUrl(), () -> {});
    }

    /** Opens the pool and migrates the schema; {@code afterClose} runs when the store is closed. */
    private static SpatialStore open(HikariConfig config, Dialect dialect, String schema, String url,
            Runnable afterClose) {
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("cannot connect to the " + dialect.kind() + " store at " + url, e);
        }
        // one connection for the migrations and their record, so each migration and its history row commit together
        try (java.sql.Connection c = ds.getConnection()) {
            var flyway = Flyway.configure()
                    .dataSource(new OneConnection(c))
                    .locations("classpath:db/" + dialect.kind())
                    .failOnMissingLocations(true);
            if (schema != null) {
                flyway.schemas(schema).createSchemas(true);
            }
            flyway.load().migrate();
        } catch (RuntimeException | java.sql.SQLException e) {
            ds.close();
            throw new StoreException("cannot prepare the " + dialect.kind() + " schema", e);
        }
        return new JdbcSpatialStore(new FailFastDataSource(ds, dialect.kind()), dialect, () -> {
            ds.close();
            afterClose.run();
        });
    }
}
