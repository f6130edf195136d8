package org.creditmesh.core.dataintegrity;

import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.CONTEXT;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.PROOF;
import static org.creditmesh.core.dataintegrity.DataIntegritySpecs.PROOF_VALUE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
     * A copy of {@code document} with a proof added. If it already has a proof, the new one joins it
     * in a proof set (Data Integrity 1.0 section 2.1.2); each proof of a set signs the document without
     * any proof.
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
        ObjectNode unsecured = input.deepCopy();
        JsonNode existing = unsecured.remove(PROOF);
        Cryptosuite suite = options.suite();
        ObjectNode proof = options.toJson();
        String transformed = suite.transform(unsecured, TermPolicy.REJECT_UNDEFINED);
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
