package org.creditmesh.core.dataintegrity;

import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.CHALLENGE;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.CREATED;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.CRYPTOSUITE;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.DOMAIN;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.EXPIRES;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.PROOF_PURPOSE;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.TYPE;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.VERIFICATION_METHOD;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The proof options of Data Integrity 1.0 section 4.1 (Add Proof): what the proof states besides its
 * value. Serialized in the member order of the EdDSA test vectors (type, cryptosuite, created,
 * verificationMethod, proofPurpose, then the optional members); order does not change the signature.
 *
 * @param suite which proof to make
 * @param created when the proof was made; written as an XML Schema dateTimeStamp in UTC, may be null
 * @param verificationMethod the URL of the key that verifies the proof (e.g. a DID URL)
 * @param proofPurpose the verification relationship, e.g. {@code assertionMethod}
 * @param challenge optional nonce from the verifier (presentations)
 * @param domain optional verifier domain (presentations)
 * @param expires optional instant after which the proof is no longer valid
 */
public record ProofOptions(Cryptosuite suite, Instant created, String verificationMethod, String proofPurpose,
                           String challenge, String domain, Instant expires) {

    public ProofOptions {
        Objects.requireNonNull(suite, "suite");
        if (verificationMethod == null || verificationMethod.isBlank()) {
            throw new IllegalArgumentException("a proof needs a verificationMethod");
        }
        if (proofPurpose == null || proofPurpose.isBlank()) {
            throw new IllegalArgumentException("a proof needs a proofPurpose");
        }
    }

    /** An {@code eddsa-rdfc-2022} proof for {@code assertionMethod} (issuing credentials), created now. */
    public static ProofOptions assertion(String verificationMethod, Instant created) {
        return new ProofOptions(Cryptosuite.EDDSA_RDFC_2022, created, verificationMethod,
                DataIntegritySpecs.ASSERTION_METHOD, null, null, null);
    }

    /** An {@code eddsa-rdfc-2022} proof for {@code authentication} (presentations) bound to a challenge and domain. */
    public static ProofOptions authentication(String verificationMethod, Instant created, String challenge, String domain) {
        return new ProofOptions(Cryptosuite.EDDSA_RDFC_2022, created, verificationMethod,
                DataIntegritySpecs.AUTHENTICATION, challenge, domain, null);
    }

    public ProofOptions withSuite(Cryptosuite newSuite) {
        return new ProofOptions(newSuite, created, verificationMethod, proofPurpose, challenge, domain, expires);
    }

    public ProofOptions withProofPurpose(String purpose) {
        return new ProofOptions(suite, created, verificationMethod, purpose, challenge, domain, expires);
    }

    public ProofOptions withExpires(Instant instant) {
        return new ProofOptions(suite, created, verificationMethod, proofPurpose, challenge, domain, instant);
    }

    /** The proof object without {@code proofValue} and without {@code @context}. */
    public ObjectNode toJson() {
        ObjectNode proof = JsonNodeFactory.instance.objectNode();
        proof.put(TYPE, suite.proofType());
        if (suite.cryptosuite() != null) {
            proof.put(CRYPTOSUITE, suite.cryptosuite());
        }
        if (created != null) {
            proof.put(CREATED, dateTime(created));
        }
        proof.put(VERIFICATION_METHOD, verificationMethod);
        proof.put(PROOF_PURPOSE, proofPurpose);
        if (expires != null) {
            proof.put(EXPIRES, dateTime(expires));
        }
        if (domain != null) {
            proof.put(DOMAIN, domain);
        }
        if (challenge != null) {
            proof.put(CHALLENGE, challenge);
        }
        return proof;
    }

    /** XML Schema dateTimeStamp in UTC, whole seconds unless the instant has a fraction. */
    static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
