package org.creditmesh.identity.server.issuance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.status.BitstringStatusListEntry;
import org.creditmesh.core.status.StatusException;
import org.creditmesh.core.status.StatusSpecs;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.service.problem.ProblemException;

/**
 * The {@code credentialStatus} of a credential to issue: entries the caller brought are kept (VCDM 2.0 section 4.10
 * lets a credential carry several, of any type), and this service's own Bitstring entries are added beside them.
 */
final class StatusEntries {

    private static final String CREDENTIAL_STATUS = "credentialStatus";

    private StatusEntries() {
    }

    /**
     * Refuses a credential in which any object typed {@code BitstringStatusListEntry}, wherever it sits, breaks
     * Bitstring Status List v1.0 section 2.1 (section 3: a malformed value is a MALFORMED_VALUE_ERROR): signing it
     * would publish an entry no verifier can use.
     */
    static void requireWellFormedBitstringEntries(JsonNode node) {
        if (node.isObject()) {
            if (DataModelValidator.types(node).contains(StatusSpecs.TYPE_ENTRY)) {
                try {
                    BitstringStatusListEntry.parse(node);
                } catch (StatusException e) {
                    throw new ProblemException(IdentityProblem.INVALID_CREDENTIAL, e.getMessage());
                }
            }
            node.forEach(StatusEntries::requireWellFormedBitstringEntries);
        } else if (node.isArray()) {
            node.forEach(StatusEntries::requireWellFormedBitstringEntries);
        }
    }

    /** Adds {@code entries} to the credential's {@code credentialStatus}, after any the caller gave. */
    static void append(ObjectNode credential, List<ObjectNode> entries) {
        JsonNode existing = credential.remove(CREDENTIAL_STATUS);
        ArrayNode status = credential.putArray(CREDENTIAL_STATUS);
        if (existing != null && existing.isArray()) {
            status.addAll((ArrayNode) existing);
        } else if (existing != null) {
            status.add(existing);
        }
        entries.forEach(status::add);
    }
}
