package org.clustergrid.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clustergrid.scoring.ProfileReader;
import org.clustergrid.scoring.ScoringProfile;

/** The scoring profile the server uses by default, read from {@code gis-data/profiles/default.yaml}. */
public final class DefaultProfile {
    public static final Path FILE = Path.of("gis-data/profiles/default.yaml");

    private DefaultProfile() {}

    public static ScoringProfile read() throws IOException {
        try (InputStream in = Files.newInputStream(FILE)) {
            return ProfileReader.read("default.yaml", in);
        }
    }
}
