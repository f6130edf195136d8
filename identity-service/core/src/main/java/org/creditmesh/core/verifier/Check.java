package org.creditmesh.core.verifier;

/** The checks a verification performs, in the order it performs them. */
public enum Check {
    /** The input parses as one of the three securing formats, within size limits. */
    FORMAT("format"),
    /** VCDM rules: contexts, types, issuer, subject, dates, status and schema entries. */
    DATA_MODEL("data_model"),
    /** The issuer's (and for presentations the holder's) signature or proof. */
    SIGNATURE("signature"),
    /** Data Integrity: the proof's purpose is the one expected (assertionMethod for credentials). */
    PROOF_PURPOSE("proof_purpose"),
    /** SD-JWT: every disclosure is referenced exactly once, without collisions. */
    DISCLOSURES("disclosures"),
    /** validFrom / validUntil (or nbf / exp) against the verifier's clock. */
    VALIDITY_PERIOD("validity_period"),
    /** Bitstring Status List: neither revoked nor suspended. */
    STATUS("status"),
    /** The credential subject matches its declared JSON Schema. */
    SCHEMA("schema"),
    /** The trust policy accepts the issuer for this credential type at validFrom. */
    ISSUER_TRUST("issuer_trust"),
    /** The presenter holds the key the credential is bound to; nonce and audience match. */
    HOLDER_BINDING("holder_binding");

    private final String id;

    Check(String id) {
        this.id = id;
    }

    /** Stable name used in JSON output. */
    public String id() {
        return id;
    }
}
