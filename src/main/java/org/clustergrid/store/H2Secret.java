package org.clustergrid.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The embedded store's password, made at random on first use and kept in {@code clustergrid.password} in the data
 * directory, readable by its owner only, as is the directory (it also holds the database file and H2's lock file
 * with the address and key of the store's TCP server). Every process of that user (the server, the import command)
 * reads it; other local users can neither read the files nor log in over TCP.
 */
final class H2Secret {
    static final String FILE = "clustergrid.password";

    private H2Secret() {}

    /**
     * Creates {@code dataDir} if needed and leaves it to its owner alone; a directory of another user is left as it
     * is (the password still keeps others out of the database).
     */
    static void ownerOnlyDirectory(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        if (posix()) {
            try {
                Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            } catch (IOException e) {
                // not ours to change
            }
        }
    }

    /** The password, created (owner-only) when the data directory has none yet. */
    static String password(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            create(file);
        }
        // a process creating it at this moment writes it within microseconds of creating the file
        for (int attempt = 0; attempt < 50; attempt++) {
            String password = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!password.isEmpty()) {
                return password;
            }
            sleep();
        }
        throw new IOException(file + " is empty; delete it to have a new password made");
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        try {
            if (posix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first: use its password
        }
        Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the store password", e);
        }
    }
}
