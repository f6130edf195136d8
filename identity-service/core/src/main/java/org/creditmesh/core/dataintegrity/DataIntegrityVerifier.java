package org.creditmesh.core.dataintegrity;

import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.CHALLENGE;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.CONTEXT;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.CREATED;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.DOMAIN;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.EXPIRES;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.PREVIOUS_PROOF;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.PROOF;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.PROOF_PURPOSE;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.PROOF_VALUE;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.VERIFICATION_METHOD;

import com.apicatalog.multibase.Multibase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Verifies the Data Integrity proofs of a secured JSON-LD document: Data Integrity 1.0 section 4.2
 * (Verify Proof) with EdDSA Cryptosuites v1.0 section 3.2.2 ({@code eddsa-rdfc-2022}) and Appendix A
 * ({@code Ed25519Signature2020}). Cheap structural checks come first; canonicalization, the expensive
 * step, only runs for a proof that could verify.
 */
public final class DataIntegrityVerifier {

    private final VerificationMethodResolver resolver;

    public DataIntegrityVerifier(VerificationMethodResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
    }

    /**
     * Verifies every proof of {@code securedDocument} (one proof, or each proof of a proof set).
     *
     * @return the verified proofs, in document order
     * @throws DataIntegrityException with the code of the first check that failed
     */
    public List<VerifiedProof> verify(JsonNode securedDocument, VerificationOptions options) throws DataIntegrityException {
        Objects.requireNonNull(options, "options");
        if (!(securedDocument instanceof ObjectNode secured)) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_DOCUMENT, "a secured document is a JSON object");
        }
        JsonNode proofs = secured.get(PROOF);
        if (proofs == null || proofs.isNull() || (proofs.isArray() && proofs.isEmpty())) {
            throw new DataIntegrityException(DataIntegrityError.PROOF_MISSING, "the document has no proof");
        }
        ObjectNode unsecured = secured.deepCopy();
        unsecured.remove(PROOF);
        List<JsonNode> allProofs = new ArrayList<>();
        if (proofs.isArray()) {
            proofs.forEach(allProofs::add);
        } else {
            allProofs.add(proofs);
        }
        List<VerifiedProof> verified = new ArrayList<>();
        for (JsonNode proof : allProofs) {
            verified.add(verifyOne(inputDocument(unsecured, proof, allProofs), proof, options));
        }
        return List.copyOf(verified);
    }

    /**
     * The document a proof signed: the unsecured document, and for a proof of a chain the proofs its
     * {@code previousProof} names as the document's {@code proof} (Data Integrity 1.0 section 4.2, Add Proof
     * Set/Chain, and section 4.3's verification of proof chains). Every named proof must be in the proof set;
     * since every proof of the set is verified, a chained proof verifies only when the proofs before it do.
     */
    static ObjectNode inputDocument(ObjectNode unsecured, JsonNode proof, List<JsonNode> allProofs)
            throws DataIntegrityException {
        JsonNode previous = proof.get(PREVIOUS_PROOF);
        if (previous == null) {
            return unsecured;
        }
        List<String> ids = new ArrayList<>();
        if (previous.isTextual()) {
            ids.add(previous.textValue());
        } else if (previous.isArray() && !previous.isEmpty()) {
            for (JsonNode id : previous) {
                if (!id.isTextual()) {
                    throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF, "previousProof is a string or a list of strings");
                }
                ids.add(id.textValue());
            }
        } else {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF, "previousProof is a string or a list of strings");
        }
        ArrayNode matching = unsecured.arrayNode();
        for (String id : ids) {
            JsonNode match = allProofs.stream()
                    .filter(p -> p != proof && p.path(DataIntegritySpecs.ID).isTextual() && p.get(DataIntegritySpecs.ID).textValue().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new DataIntegrityException(DataIntegrityError.INVALID_PROOF,
                            "previousProof names " + id + ", which is not a proof of this document"));
            matching.add(match);
        }
        ObjectNode input = unsecured.deepCopy();
        input.set(PROOF, matching.size() == 1 ? matching.get(0) : matching);
        return input;
    }

    private VerifiedProof verifyOne(ObjectNode unsecuredDocument, JsonNode proofNode, VerificationOptions options)
            throws DataIntegrityException {
        if (!(proofNode instanceof ObjectNode proof)) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF, "a proof is a JSON object");
        }
        Cryptosuite suite = Cryptosuite.of(proof);
        String verificationMethod = requiredString(proof, VERIFICATION_METHOD);
        String proofPurpose = requiredString(proof, PROOF_PURPOSE);
        byte[] proofBytes = proofBytes(proof);
        if (suite == Cryptosuite.ED25519_SIGNATURE_2020 && !proof.has(CREATED)) {
            // Appendix A.1.2: "The created property of the proof MUST be" present for this suite
            // (optional for DataIntegrityProof).
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF, "an Ed25519Signature2020 proof needs 'created'");
        }
        Instant created = proof.has(CREATED) ? dateTime(proof, CREATED) : null;

        // Data Integrity 1.0 section 4.2: purpose, expiry, domain and challenge are checked by the verifier.
        if (!options.expectedProofPurpose().equals(proofPurpose)) {
            throw new DataIntegrityException(DataIntegrityError.PROOF_PURPOSE_MISMATCH,
                    "the proof is for '" + Cryptosuite.shorten(proofPurpose) + "', expected '" + options.expectedProofPurpose() + "'");
        }
        if (proof.has(EXPIRES) && !options.now().isBefore(dateTime(proof, EXPIRES))) {
            throw new DataIntegrityException(DataIntegrityError.PROOF_EXPIRED, "the proof has expired");
        }
        if (options.domain() != null && !domainMatches(proof.get(DOMAIN), options.domain())) {
            throw new DataIntegrityException(DataIntegrityError.DOMAIN_MISMATCH, "the proof is not for this verifier's domain");
        }
        if (options.challenge() != null && !(proof.path(CHALLENGE).isTextual()
                && proof.get(CHALLENGE).textValue().equals(options.challenge()))) {
            throw new DataIntegrityException(DataIntegrityError.CHALLENGE_MISMATCH, "the proof does not carry the expected challenge");
        }

        ObjectNode document = unsecuredDocument;
        JsonNode documentContext = document.get(CONTEXT);
        if (documentContext == null) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_DOCUMENT,
                    "the secured document has no @context, which an RDFC cryptosuite needs");
        }
        if (suite == Cryptosuite.EDDSA_RDFC_2022 && proof.has(CONTEXT)) {
            // EdDSA Cryptosuites v1.0, section 3.2.2: the document's @context must start with the proof's,
            // in order; the document is then processed under the proof's @context.
            JsonNode proofContext = proof.get(CONTEXT);
            if (!startsWith(documentContext, proofContext)) {
                throw new DataIntegrityException(DataIntegrityError.CONTEXT_MISMATCH,
                        "the document's @context does not start with the proof's @context");
            }
            document = document.deepCopy();
            document.set(CONTEXT, proofContext);
            documentContext = proofContext;
        }
        if (suite == Cryptosuite.ED25519_SIGNATURE_2020 && !contains(documentContext, DataIntegritySpecs.ED25519_2020_CONTEXT)) {
            // The suite's terms (proofValue, Ed25519Signature2020) are defined only by its context.
            throw new DataIntegrityException(DataIntegrityError.CONTEXT_MISMATCH,
                    "an Ed25519Signature2020 document must use " + DataIntegritySpecs.ED25519_2020_CONTEXT);
        }

        VerificationKey key = resolve(verificationMethod, proofPurpose);

        ObjectNode proofOptions = proof.deepCopy();
        proofOptions.remove(PROOF_VALUE);
        String transformed = suite.transform(document, options.termPolicy());
        String config = suite.proofConfiguration(proofOptions, documentContext, options.termPolicy());
        if (!suite.verifyProof(suite.hashData(transformed, config), proofBytes, key)) {
            throw new DataIntegrityException(DataIntegrityError.SIGNATURE_INVALID, "the proof's signature does not verify");
        }
        return new VerifiedProof(suite, verificationMethod, proofPurpose, created, key);
    }

    private VerificationKey resolve(String verificationMethod, String proofPurpose) throws DataIntegrityException {
        VerificationKey key;
        try {
            key = resolver.resolve(verificationMethod, proofPurpose);
        } catch (DataIntegrityException e) {
            throw e;
        } catch (CreditMeshException e) {
            throw new DataIntegrityException(DataIntegrityError.VERIFICATION_METHOD_UNRESOLVED,
                    "the verification method could not be resolved: " + e.code().code(), e);
        }
        if (key == null) {
            throw new DataIntegrityException(DataIntegrityError.VERIFICATION_METHOD_UNRESOLVED,
                    "no key for the verification method");
        }
        return key;
    }

    private static String requiredString(JsonNode proof, String member) throws DataIntegrityException {
        JsonNode value = proof.get(member);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF, "the proof has no string '" + member + "'");
        }
        return value.textValue();
    }

    /** The 64 signature bytes of {@code proofValue}: base58btc multibase ('z'), Data Integrity 1.0 section 2.4. */
    private static byte[] proofBytes(JsonNode proof) throws DataIntegrityException {
        String value = requiredString(proof, PROOF_VALUE);
        if (value.charAt(0) != Multibase.BASE_58_BTC.prefix()) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF,
                    "proofValue must be base58btc multibase (starting with 'z')");
        }
        byte[] bytes;
        try {
            bytes = Multibase.BASE_58_BTC.decode(value);
        } catch (IllegalArgumentException e) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF, "proofValue is not valid base58btc", e);
        }
        if (bytes.length != 64) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF,
                    "an Ed25519 proofValue holds 64 bytes, not " + bytes.length);
        }
        return bytes;
    }

    /** An XML Schema dateTimeStamp (time zone required), as {@code created} and {@code expires} must be. */
    private static Instant dateTime(JsonNode proof, String member) throws DataIntegrityException {
        JsonNode value = proof.get(member);
        if (value == null || !value.isTextual()) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF, "the proof's '" + member + "' is not a string");
        }
        try {
            return OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_PROOF,
                    "the proof's '" + member + "' is not an XML Schema dateTimeStamp", e);
        }
    }

    private static boolean domainMatches(JsonNode domain, String expected) {
        if (domain == null) {
            return false;
        }
        if (domain.isTextual()) {
            return domain.textValue().equals(expected);
        }
        if (domain.isArray()) {
            for (JsonNode entry : domain) {
                if (entry.isTextual() && entry.textValue().equals(expected)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(JsonNode documentContext, JsonNode proofContext) {
        List<JsonNode> document = asList(documentContext);
        List<JsonNode> prefix = asList(proofContext);
        if (prefix.isEmpty() || prefix.size() > document.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!prefix.get(i).equals(document.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode context, String url) {
        for (JsonNode entry : asList(context)) {
            if (entry.isTextual() && entry.textValue().equals(url)) {
                return true;
            }
        }
        return false;
    }

    private static List<JsonNode> asList(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            list.add(node);
        }
        return list;
    }
}
