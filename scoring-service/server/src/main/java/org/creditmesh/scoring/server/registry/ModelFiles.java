package org.creditmesh.scoring.server.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.creditmesh.scoring.scorecard.ModelStore;
import org.creditmesh.scoring.scorecard.ScorecardError;
import org.creditmesh.scoring.scorecard.ScorecardException;

/**
 * The files of a {@link ModelStore} directory, as uploaded and as kept in the registry's table. The library reads
 * models from a directory only, so {@link #load()} writes them to a private temporary one and reads them back with
 * {@link ModelStore#load(Path)}, which re-checks the fingerprint each time.
 *
 * @param scorecard  {@code scorecard.json}
 * @param provenance {@code provenance.json}
 * @param tribuo     {@code logistic.tribuo}, or {@code null} for a model trained without Tribuo (federated)
 */
public record ModelFiles(byte[] scorecard, byte[] provenance, byte[] tribuo) {

    public ModelFiles {
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The model, its fingerprint verified. */
    public ModelStore.Loaded load() throws ScorecardException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("creditmesh-model-");
            Files.write(dir.resolve(ModelStore.SCORECARD), scorecard);
            Files.write(dir.resolve(ModelStore.PROVENANCE), provenance);
            if (tribuo != null) {
                Files.write(dir.resolve(ModelStore.TRIBUO_MODEL), tribuo);
            }
            return ModelStore.load(dir);
        } catch (IOException e) {
            throw new ScorecardException(ScorecardError.UNREADABLE_MODEL, "the model files could not be staged for reading", e);
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder holds a model, which is not secret; nothing to do.
        }
    }
}
