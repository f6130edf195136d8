package org.creditmesh.cli;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The user's CreditMesh folder: the system property {@code creditmesh.home} (tests), else
 * {@code $CREDITMESH_HOME}, else {@code ~/.creditmesh}. It holds the default keystore and its password
 * file, both readable by the owner only.
 */
final class UserHome {

    private UserHome() {
    }

    static Path dir() throws IOException {
        String configured = System.getProperty("creditmesh.home", System.getenv("CREDITMESH_HOME"));
        Path dir = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".creditmesh");
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        }
        return dir;
    }
}
