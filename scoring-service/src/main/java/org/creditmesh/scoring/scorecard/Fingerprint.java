package org.creditmesh.scoring.scorecard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Model;

/**
 * The model fingerprint: SHA-256 (hex) of the canonical JSON of the data set's SHA-256, the
 * configuration, Tribuo's trainer provenance (trainer class, hyper-parameters, seed) and the fitted
 * scorecard without its fingerprint. The Tribuo model provenance also records the training time and
 * the machine, so only its trainer part goes in: the same data and configuration give the same
 * fingerprint anywhere.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String dataSha256, ScorecardConfig config, String trainerProvenance, Scorecard scorecard) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("data_sha256", dataSha256);
        content.put("config", config);
        content.put("trainer", trainerProvenance);
        content.put("scorecard", scorecard.withFingerprint(""));
        return Canonical.sha256(Canonical.json(content));
    }

    /** The trainer part of Tribuo's provenance, as Tribuo prints it. */
    public static String trainerProvenance(Model<?> model) {
        return model.getProvenance().getTrainerProvenance().toString();
    }
}
