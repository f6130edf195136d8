package org.creditmesh.core.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the wallet needs of the Credential Issuer Metadata (OpenID4VCI 1.0 section 12.2.4). {@code configurations}
 * is {@code credential_configurations_supported} as sent.
 */
public record IssuerMetadata(String credentialIssuer, String credentialEndpoint, Optional<String> nonceEndpoint,
                             List<String> authorizationServers, ObjectNode configurations) {

    public IssuerMetadata {
        Objects.requireNonNull(credentialIssuer, "credentialIssuer");
        Objects.requireNonNull(credentialEndpoint, "credentialEndpoint");
        Objects.requireNonNull(nonceEndpoint, "nonceEndpoint");
        authorizationServers = List.copyOf(authorizationServers);
        configurations = configurations.deepCopy();
    }

    @Override
    public ObjectNode configurations() {
        return configurations.deepCopy();
    }

    /**
     * Reads the metadata fetched for {@code expectedIssuer}; section 12.2.2: {@code credential_issuer} must equal it
     * exactly, or the document must not be used. Endpoints must be https.
     */
    public static IssuerMetadata parse(JsonNode metadata, String expectedIssuer) throws WalletException {
        if (metadata == null || !metadata.isObject()) {
            throw invalid("the credential issuer metadata is not a JSON object");
        }
        String issuer = metadata.path("credential_issuer").asText("");
        if (!issuer.equals(expectedIssuer)) {
            throw invalid("the metadata names credential_issuer '" + issuer + "', not " + expectedIssuer);
        }
        String credentialEndpoint = https(metadata, "credential_endpoint").orElseThrow(
                () -> invalid("credential_endpoint is required"));
        Optional<String> nonceEndpoint = https(metadata, "nonce_endpoint");
        List<String> servers = new ArrayList<>();
        JsonNode as = metadata.get("authorization_servers");
        if (as != null) {
            if (!as.isArray() || as.isEmpty()) {
                throw invalid("authorization_servers must be a non-empty array");
            }
            for (JsonNode s : as) {
                servers.add(s.asText());
            }
        }
        JsonNode configurations = metadata.get("credential_configurations_supported");
        if (configurations == null || !configurations.isObject()) {
            throw invalid("credential_configurations_supported must be an object");
        }
        return new IssuerMetadata(issuer, credentialEndpoint, nonceEndpoint, servers, (ObjectNode) configurations);
    }

    /** The configuration object of {@code id}, if the issuer supports it. */
    public Optional<ObjectNode> configuration(String id) {
        JsonNode c = configurations.get(id);
        return c != null && c.isObject() ? Optional.of(((ObjectNode) c).deepCopy()) : Optional.empty();
    }

    static Optional<String> https(JsonNode metadata, String name) throws WalletException {
        JsonNode value = metadata.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual() || !value.asText().startsWith("https://")) {
            throw invalid(name + " must be an https URL");
        }
        return Optional.of(value.asText());
    }

    private static WalletException invalid(String message) {
        return new WalletException(WalletError.INVALID_METADATA, message);
    }
}
