package org.creditmesh.core.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Credential Offer (OpenID4VCI 1.0 section 4.1.1) with its pre-authorized code grant. Unknown members are ignored,
 * as the spec requires.
 *
 * @param txCode present when the authorization server expects a transaction code (even an empty object means so)
 */
public record CredentialOffer(String credentialIssuer, List<String> configurationIds, String preAuthorizedCode,
                              Optional<TxCode> txCode, Optional<String> authorizationServer) {

    public static final String GRANT_PRE_AUTHORIZED_CODE = "urn:ietf:params:oauth:grant-type:pre-authorized_code";

    /** What the offer says about the transaction code the End-User must enter. */
    public record TxCode(String inputMode, Optional<Integer> length, Optional<String> description) {
        public TxCode {
            Objects.requireNonNull(inputMode, "inputMode");
            Objects.requireNonNull(length, "length");
            Objects.requireNonNull(description, "description");
        }
    }

    public CredentialOffer {
        Objects.requireNonNull(credentialIssuer, "credentialIssuer");
        configurationIds = List.copyOf(configurationIds);
        Objects.requireNonNull(preAuthorizedCode, "preAuthorizedCode");
        Objects.requireNonNull(txCode, "txCode");
        Objects.requireNonNull(authorizationServer, "authorizationServer");
    }

    /** Reads the Credential Offer object; it must offer the pre-authorized code grant. */
    public static CredentialOffer parse(JsonNode offer) throws WalletException {
        if (offer == null || !offer.isObject()) {
            throw invalid("the credential offer is not a JSON object");
        }
        String issuer = text(offer, "credential_issuer");
        JsonNode ids = offer.get("credential_configuration_ids");
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw invalid("credential_configuration_ids must be a non-empty array");
        }
        List<String> configurationIds = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual() || configurationIds.contains(id.asText())) {
                throw invalid("credential_configuration_ids must hold unique strings");
            }
            configurationIds.add(id.asText());
        }
        JsonNode grant = offer.path("grants").get(GRANT_PRE_AUTHORIZED_CODE);
        if (grant == null || !grant.isObject()) {
            throw invalid("the offer has no pre-authorized code grant; this wallet supports only that flow");
        }
        String code = text(grant, "pre-authorized_code");
        Optional<TxCode> txCode = Optional.empty();
        JsonNode tx = grant.get("tx_code");
        if (tx != null) {
            if (!tx.isObject()) {
                throw invalid("tx_code must be an object");
            }
            JsonNode length = tx.get("length");
            JsonNode description = tx.get("description");
            txCode = Optional.of(new TxCode(tx.path("input_mode").asText("numeric"),
                    length != null && length.isInt() ? Optional.of(length.asInt()) : Optional.empty(),
                    description != null && description.isTextual() ? Optional.of(description.asText()) : Optional.empty()));
        }
        JsonNode server = grant.get("authorization_server");
        return new CredentialOffer(issuer, configurationIds, code, txCode,
                server != null && server.isTextual() ? Optional.of(server.asText()) : Optional.empty());
    }

    private static String text(JsonNode node, String name) throws WalletException {
        JsonNode value = node.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw invalid("'" + name + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static WalletException invalid(String message) {
        return new WalletException(WalletError.INVALID_OFFER, message);
    }
}
