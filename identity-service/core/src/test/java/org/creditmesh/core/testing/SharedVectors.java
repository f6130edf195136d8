package org.creditmesh.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The specifications' test vectors, read in place from {@code ../shared/vectors/} (never copied into
 * the project). Where the folder is absent (a clone without {@code ../shared}), the calling test is
 * skipped with a message that says so, never passed silently.
 */
public final class SharedVectors {

    private SharedVectors() {
    }

    /** The root of {@code ../shared}, as Surefire passes it, or the default relative to the module. */
    public static Path sharedDir() {
        String configured = System.getProperty("creditmesh.shared.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../../../shared");
        return dir.toAbsolutePath().normalize();
    }

    /** A file or folder under {@code ../shared/vectors/}; skips the test when it is not there. */
    public static Path vector(String relative) {
        Path path = sharedDir().resolve("vectors").resolve(relative);
        assumeTrue(Files.exists(path), "skipped: spec test vector ../shared/vectors/" + relative
                + " is not present (clone without ../shared); CI always has it");
        return path;
    }

    /** The text of a vector file, trimmed of a trailing newline. */
    public static String vectorText(String relative) {
        try {
            return Files.readString(vector(relative), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
