package org.creditmesh.scoring.scorecard;

import java.util.LinkedHashMap;
import java.util.Map;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
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

    /**
     * The trainer part of Tribuo's provenance with every object's fields sorted by name: Tribuo prints
     * fields in hash order, which differs between a trained and a deserialized model.
     */
    public static String trainerProvenance(Model<?> model) {
        return canonical(model.getProvenance().getTrainerProvenance());
    }

    private static String canonical(Provenance p) {
        if (p instanceof ObjectProvenance o) {
            java.util.TreeMap<String, String> fields = new java.util.TreeMap<>();
            for (var pair : o) {
                fields.put(pair.getA(), canonical(pair.getB()));
            }
            StringBuilder s = new StringBuilder(o.getClassName()).append('(');
            fields.forEach((k, v) -> s.append(k).append('=').append(v).append(','));
            return s.append(')').toString();
        }
        if (p instanceof ListProvenance<?> l) {
            StringBuilder s = new StringBuilder("[");
            for (Provenance item : l) {
                s.append(canonical(item)).append(',');
            }
            return s.append(']').toString();
        }
        if (p instanceof MapProvenance<?> m) {
            java.util.TreeMap<String, String> fields = new java.util.TreeMap<>();
            for (var pair : m) {
                fields.put(pair.getA(), canonical(pair.getB()));
            }
            return fields.toString();
        }
        return String.valueOf(p);
    }
}
