package org.clustergrid.ingest.osm;

import java.io.IOException;

/** A PBF file that cannot be read on: truncated, a corrupt blob, or a feature this reader does not support. */
class PbfFormatException extends IOException {
    PbfFormatException(String message) {
        super(message);
    }

    PbfFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
