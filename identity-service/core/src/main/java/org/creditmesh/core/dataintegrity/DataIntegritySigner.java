package org.creditmesh.core.dataintegrity;

import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.CONTEXT;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.PROOF;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.PROOF_VALUE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.creditmesh.core.jsonld.RdfCanonicalizer.TermPolicy;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;

/**
 * Adds a Data Integrity proof to a JSON-LD document: Data Integrity 1.0 section 4.1 (Add Proof) with
 * the Create Proof algorithm of EdDSA Cryptosuites v1.0 section 3.2.1. Always in safe mode: a document
 * with a term no context defines is refused ({@code undefined_term}) rather than signed without it.
 */
public final class DataIntegritySigner {

    private final SigningKey key;

    public DataIntegritySigner(SigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
        if (key.type() != KeyType.ED25519) {
            throw new IllegalArgumentException("the EdDSA cryptosuites sign with Ed25519 keys");
        }
    }

    /**
     * Adds the context that defines the proof's terms when the document lacks it, as the reference
     * implementation does ({@code ensureSuiteContext}): a VCDM 1.1 credential does not define
     * {@code DataIntegrityProof} or {@code cryptosuite}, and without them the proof configuration would
     * lose its terms (safe mode refuses; plain JSON-LD would drop them and sign less than it shows).
     * VCDM 2.0's context already defines {@code DataIntegrityProof} and its terms.
     */
    static void ensureSuiteContext(ObjectNode document, Cryptosuite suite) {
        JsonNode context = document.get(CONTEXT);
        List<String> satisfied = suite == Cryptosuite.EDDSA_RDFC_2022
                ? List.of(DataIntegritySpecs.CREDENTIALS_V2_CONTEXT, DataIntegritySpecs.DATA_INTEGRITY_V2_CONTEXT,
                        DataIntegritySpecs.DATA_INTEGRITY_V1_CONTEXT)
                : List.of(DataIntegritySpecs.ED25519_2020_CONTEXT);
        for (JsonNode entry : context.isArray() ? context : List.of(context)) {
            if (entry.isTextual() && satisfied.contains(entry.textValue())) {
                return;
            }
        }
        ArrayNode extended = document.arrayNode();
        if (context.isArray()) {
            extended.addAll((ArrayNode) context);
        } else {
            extended.add(context);
        }
        extended.add(suite == Cryptosuite.EDDSA_RDFC_2022
                ? DataIntegritySpecs.DATA_INTEGRITY_V2_CONTEXT : DataIntegritySpecs.ED25519_2020_CONTEXT);
        document.set(CONTEXT, extended);
    }

    /**
     * A copy of {@code document} with a proof added. If it already has a proof, the new one joins it
     * in a proof set (Data Integrity 1.0 section 2.1.2); each proof of a set signs the document without
     * any proof. If the document's {@code @context} does not define the proof's terms, the suite's
     * context is appended to it (see {@link #ensureSuiteContext}).
     */
    public ObjectNode sign(JsonNode document, ProofOptions options) throws DataIntegrityException {
        Objects.requireNonNull(options, "options");
        if (!(document instanceof ObjectNode input)) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_DOCUMENT, "only a JSON object can be secured");
        }
        if (!input.hasNonNull(CONTEXT)) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_DOCUMENT,
                    "a document secured with an RDFC cryptosuite needs an @context");
        }
        return addProof(input, options, null, List.of());
    }

    /**
     * A copy of {@code document} with a proof added to its proof set or chain (Data Integrity 1.0 section 4.2,
     * Add Proof Set/Chain): the new proof has the id {@code proofId} (may be null) and, when
     * {@code previousProofIds} is not empty, names those earlier proofs in {@code previousProof} and signs the
     * document together with them, so that it verifies only with them.
     */
    public ObjectNode chain(JsonNode document, ProofOptions options, String proofId, List<String> previousProofIds)
            throws DataIntegrityException {
        Objects.requireNonNull(options, "options");
        if (!(document instanceof ObjectNode input)) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_DOCUMENT, "only a JSON object can be secured");
        }
        if (!input.hasNonNull(CONTEXT)) {
            throw new DataIntegrityException(DataIntegrityError.INVALID_DOCUMENT,
                    "a document secured with an RDFC cryptosuite needs an @context");
        }
        return addProof(input, options, proofId, List.copyOf(previousProofIds));
    }

    private ObjectNode addProof(ObjectNode input, ProofOptions options, String proofId, List<String> previousProofIds)
            throws DataIntegrityException {
        ObjectNode unsecured = input.deepCopy();
        JsonNode existing = unsecured.remove(PROOF);
        Cryptosuite suite = options.suite();
        ensureSuiteContext(unsecured, suite);
        ObjectNode proof = options.toJson();
        if (proofId != null) {
            proof.put(DataIntegritySpecs.ID, proofId);
        }
        ObjectNode signedData = unsecured;
        if (!previousProofIds.isEmpty()) {
            proof.set(DataIntegritySpecs.PREVIOUS_PROOF, previousProofIds.size() == 1
                    ? unsecured.textNode(previousProofIds.get(0))
                    : unsecured.arrayNode().addAll(previousProofIds.stream().map(unsecured::textNode).toList()));
            List<JsonNode> allProofs = new ArrayList<>();
            if (existing != null && existing.isArray()) {
                existing.forEach(allProofs::add);
            } else if (existing != null && !existing.isNull()) {
                allProofs.add(existing);
            }
            signedData = DataIntegrityVerifier.inputDocument(unsecured, proof, allProofs);
        }
        String transformed = suite.transform(signedData, TermPolicy.REJECT_UNDEFINED);
        String config = suite.proofConfiguration(proof, unsecured.get(CONTEXT), TermPolicy.REJECT_UNDEFINED);
        proof.put(PROOF_VALUE, suite.serializeProof(suite.hashData(transformed, config), key));

        ObjectNode secured = unsecured;
        if (existing == null || existing.isNull()) {
            secured.set(PROOF, proof);
        } else {
            ArrayNode set = secured.arrayNode();
            if (existing.isArray()) {
                set.addAll((ArrayNode) existing);
            } else {
                set.add(existing);
            }
            set.add(proof);
            secured.set(PROOF, set);
        }
        return secured;
    }
}
