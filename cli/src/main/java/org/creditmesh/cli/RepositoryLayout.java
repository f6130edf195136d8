package org.creditmesh.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the CreditMesh checkout is, for commands that run the services it builds: the system property
 * {@code creditmesh.repo} (set by {@code ./creditmesh}), else two levels above the CLI jar ({@code cli/target/}).
 */
final class RepositoryLayout {

    private RepositoryLayout() {
    }

    static Path root() throws IOException {
        String configured = System.getProperty("creditmesh.repo");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path jar = Path.of(RepositoryLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path candidate = jar.getParent().getParent().getParent();
            if (Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return candidate;
            }
        } catch (URISyntaxException | NullPointerException e) {
            // fall through to the message below
        }
        throw new IOException("cannot find the CreditMesh checkout: run through ./creditmesh or set -Dcreditmesh.repo");
    }
}
