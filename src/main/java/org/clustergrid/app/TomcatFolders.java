package org.clustergrid.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tomcat's document root in the data folder ({@code server.tomcat.basedir} holds its other work files), so a start
 * leaves no {@code tomcat-docbase.*} folder behind in the system's temp folder; static files come from the classpath.
 */
@Component
class TomcatFolders implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
    private final Path dataDir;

    TomcatFolders(ClusterGridProperties properties) {
        this.dataDir = properties.dataDir();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        Path docBase = dataDir.resolve("tomcat").resolve("docbase").toAbsolutePath();
        try {
            Files.createDirectories(docBase);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Tomcat's folder " + docBase, e);
        }
        File dir = docBase.toFile();
        factory.setDocumentRoot(dir);
    }
}
