package org.clustergrid.app.limits;

import java.time.Duration;
import org.clustergrid.ingest.ImportLimits;
import org.clustergrid.scoring.ProfileLimits;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * {@code clustergrid.limits.*}: what one request may make the server read, compute or hold. Every refusal names the
 * limit and its setting; see docs/limits.md. Null settings take the defaults below.
 *
 * @param profileBody largest body of {@code POST /api/scores/profile}
 * @param geometryBody largest body of {@code POST /api/scores/geometry}
 * @param body largest body of any other request that is not an upload
 * @param uploadBody largest body of an import upload ({@code POST /api/admin/imports}), checked before it is stored
 * @param geometryVertices most vertices of a geometry to score
 * @param geometryCrossings most crossings of an invalid polygon's edges for it to be repaired, not refused
 * @param workThreads threads computing expensive requests (custom scoring, geometry scoring) at once
 * @param workQueue requests that may wait for one of those threads; more are answered 503 with Retry-After
 * @param workTime time budget of one such computation; it is cancelled when exceeded or when the client goes away
 * @param retryAfter the Retry-After sent with a 503 when the pool is full
 */
public record Limits(
        DataSize profileBody, DataSize geometryBody, DataSize body, DataSize uploadBody, Integer geometryVertices,
        Integer geometryCrossings, Integer workThreads, Integer workQueue, Duration workTime, Duration retryAfter, Profile profile,
        @Name("import") Import importing) {

    public static final String PREFIX = "clustergrid.limits.";

    public Limits {
        profileBody = profileBody == null ? DataSize.ofKilobytes(256) : profileBody;
        geometryBody = geometryBody == null ? DataSize.ofMegabytes(4) : geometryBody;
        body = body == null ? DataSize.ofMegabytes(1) : body;
        uploadBody = uploadBody == null ? DataSize.ofGigabytes(2) : uploadBody;
        geometryVertices = geometryVertices == null ? 10_000 : geometryVertices;
        geometryCrossings = geometryCrossings == null ? 100 : geometryCrossings;
        workThreads = workThreads == null || workThreads < 1
                ? Math.max(1, Runtime.getRuntime().availableProcessors()) : workThreads;
        workQueue = workQueue == null || workQueue < 0 ? 64 : workQueue;
        workTime = workTime == null ? Duration.ofSeconds(60) : workTime;
        retryAfter = retryAfter == null ? Duration.ofSeconds(10) : retryAfter;
        profile = profile == null ? new Profile(null, null, null, null) : profile;
        importing = importing == null ? new Import(null, null, null, null) : importing;
    }

    /** Limits on an uploaded scoring profile ({@code clustergrid.limits.profile.*}). */
    public record Profile(Integer draws, Integer curvePoints, Double distanceMetres, Double travelSeconds) {
        public Profile {
            ProfileLimits d = ProfileLimits.DEFAULT;
            draws = draws == null ? d.draws() : draws;
            curvePoints = curvePoints == null ? d.curvePoints() : curvePoints;
            distanceMetres = distanceMetres == null ? d.distanceMetres() : distanceMetres;
            travelSeconds = travelSeconds == null ? d.travelSeconds() : travelSeconds;
        }

        public ProfileLimits toProfileLimits() {
            return new ProfileLimits(draws, curvePoints, distanceMetres, travelSeconds);
        }
    }

    /** Limits on imported files ({@code clustergrid.limits.import.*}). */
    public record Import(DataSize expandedBytes, Integer expansionRatio, Integer lineCharacters, Integer attributes) {
        public Import {
            ImportLimits d = ImportLimits.DEFAULT;
            expandedBytes = expandedBytes == null ? DataSize.ofBytes(d.expandedBytes()) : expandedBytes;
            expansionRatio = expansionRatio == null ? d.expansionRatio() : expansionRatio;
            lineCharacters = lineCharacters == null ? d.lineCharacters() : lineCharacters;
            attributes = attributes == null ? d.attributes() : attributes;
        }

        public ImportLimits toImportLimits() {
            return new ImportLimits(expandedBytes.toBytes(), expansionRatio, lineCharacters, attributes);
        }
    }
}
