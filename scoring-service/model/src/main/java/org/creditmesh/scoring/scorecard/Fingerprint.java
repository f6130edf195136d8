package org.creditmesh.scoring.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        ObjectNode card = Canonical.mapper().valueToTree(scorecard);
        card.remove("fingerprint");
        return of(dataSha256, config.toJson(), trainerProvenance, card);
    }

    /**
     * The fingerprint over JSON as stored: a saved model is checked against the configuration and
     * scorecard it was saved with, so later additions to those records do not invalidate it.
     *
     * @param scorecardWithoutFingerprint the scorecard's JSON object without its {@code fingerprint} member
     */
    public static String of(String dataSha256, JsonNode config, String trainerProvenance, JsonNode scorecardWithoutFingerprint) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("data_sha256", dataSha256);
        content.put("config", plain(config));
        content.put("trainer", trainerProvenance);
        content.put("scorecard", plain(scorecardWithoutFingerprint));
        return Canonical.sha256(Canonical.json(content));
    }

    /**
     * Maps, lists and scalars, so that the canonical writer sorts every object's members; every
     * non-integral number as a double, whether the tree was parsed with big decimals or not.
     */
    private static Object plain(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> m = new java.util.TreeMap<>();
            node.properties().forEach(e -> m.put(e.getKey(), plain(e.getValue())));
            return m;
        }
        if (node.isArray()) {
            java.util.List<Object> l = new java.util.ArrayList<>();
            node.forEach(item -> l.add(plain(item)));
            return l;
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
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
