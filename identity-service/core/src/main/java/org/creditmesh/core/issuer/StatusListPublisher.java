package org.creditmesh.core.issuer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.ContextRegistry;
import org.creditmesh.core.status.BitstringStatusList;
import org.creditmesh.core.status.BitstringStatusListCredential;
import org.creditmesh.core.status.BitstringStatusListEntry;
import org.creditmesh.core.status.StatusSpecs;
import org.creditmesh.core.verifier.SecuringFormat;

/**
 * An issuer's Bitstring Status Lists (W3C Bitstring Status List v1.0): creates a signed, empty list of
 * 131,072 entries, sets or clears an entry and signs the list again, and makes the
 * {@code credentialStatus} entry a credential carries. Lists are signed as Data Integrity
 * {@code eddsa-rdfc-2022} credentials, the form the W3C test suites fetch.
 */
public final class StatusListPublisher {

    private final CredentialIssuer issuer;
    private final Clock clock;

    public StatusListPublisher(CredentialIssuer issuer, Clock clock) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A new list published at {@code url} for {@code purpose} ({@code revocation} or {@code suspension}). */
    public String create(String url, String purpose) throws CreditMeshException {
        ObjectNode unsigned = BitstringStatusListCredential.builder()
                .id(url)
                .issuer(issuer.issuer())
                .statusPurpose(purpose)
                .list(BitstringStatusList.create())
                .validFrom(clock.instant().truncatedTo(ChronoUnit.SECONDS))
                .build().credential().json();
        return sign(unsigned);
    }

    /** The list with entry {@code index} set (revoked / suspended) or cleared, signed again. */
    public String update(String signedList, long index, boolean set) throws CreditMeshException {
        ObjectNode json = Json.parseObject(signedList);
        json.remove("proof");
        BitstringStatusListCredential list = BitstringStatusListCredential.from(json, new DataModelValidator(ContextRegistry::isKnown));
        if (!list.credential().issuer().equals(issuer.issuer())) {
            throw new IssuerException(IssuerError.ISSUER_MISMATCH, "the status list belongs to another issuer");
        }
        BitstringStatusList updated = list.list(StatusSpecs.DEFAULT_MAX_UNCOMPRESSED_BYTES).with(index, set);
        ((ObjectNode) json.get(CredentialSpecs.CREDENTIAL_SUBJECT)).put(StatusSpecs.ENCODED_LIST, updated.encode());
        return sign(json);
    }

    /** Whether entry {@code index} of a (signed) list is set. */
    public static boolean isSet(String signedList, long index) throws CreditMeshException {
        ObjectNode json = Json.parseObject(signedList);
        json.remove("proof");
        return BitstringStatusListCredential.from(json, new DataModelValidator(ContextRegistry::isKnown))
                .list(StatusSpecs.DEFAULT_MAX_UNCOMPRESSED_BYTES).get(index);
    }

    /** The {@code credentialStatus} entry for index {@code index} of the list at {@code url}. */
    public static ObjectNode entry(String url, String purpose, long index) {
        return BitstringStatusListEntry.of(url + "#" + index, purpose, index, url).toJson();
    }

    private String sign(ObjectNode unsigned) throws CreditMeshException {
        return issuer.issue(unsigned, SecuringFormat.DATA_INTEGRITY, CredentialIssuer.Options.defaults().withClock(clock));
    }
}
