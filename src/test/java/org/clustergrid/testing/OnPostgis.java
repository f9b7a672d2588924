package org.clustergrid.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For the PostGIS twin of a server test, whose server {@link PostgisTestDatabase#serveFrom} points at a fresh schema:
 * skips (or fails in CI) before the server starts when PostGIS is not there, rather than failing its start, and drops
 * the schema once the class is done.
 */
public final class OnPostgis implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        PostgisTestDatabase.requireAvailable();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PostgisTestDatabase.dropServed();
    }
}
