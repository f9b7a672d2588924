package org.clustergrid.register;

import java.util.Locale;

/** What made a version. */
public enum Action {
    CREATE, REPLACE, UPDATE, RETIRE, RESTORE,
    /** The state an import left, recorded when it is first seen (before an edit, or by the importer). */
    IMPORT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Action of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
