package org.creditmesh.core.verifier;

import java.util.Optional;

/** The three ways a credential or presentation is secured, and how each is recognised. */
public enum SecuringFormat {
    /** VC-JOSE-COSE: a compact JWS, {@code typ} {@code vc+jwt} or {@code vp+jwt}. */
    JOSE("jwt"),
    /** SD-JWT / SD-JWT VC: issuer-signed JWT, disclosures, optional KB-JWT, separated by {@code ~}. */
    SD_JWT("sd-jwt"),
    /** W3C Data Integrity: a JSON-LD document with an embedded {@code proof}. */
    DATA_INTEGRITY("di");

    private final String id;

    SecuringFormat(String id) {
        this.id = id;
    }

    /** Stable name, as the CLI's {@code --format} spells it. */
    public String id() {
        return id;
    }

    /**
     * Recognises the format from the text alone: JSON with a {@code proof} is Data Integrity, JSON with
     * {@code payload} and {@code disclosures} is the JSON serialization of SD-JWT, compact text with a
     * {@code ~} is SD-JWT, compact text with two dots is a JWS.
     */
    public static Optional<SecuringFormat> detect(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String text = input.strip();
        if (text.startsWith("{")) {
            if (text.contains("\"disclosures\"") && text.contains("\"payload\"")) {
                return Optional.of(SD_JWT);
            }
            return Optional.of(DATA_INTEGRITY);
        }
        if (text.indexOf('~') > 0) {
            return Optional.of(SD_JWT);
        }
        if (text.chars().filter(c -> c == '.').count() == 2) {
            return Optional.of(JOSE);
        }
        return Optional.empty();
    }
}
