package org.creditmesh.identity.server.oid4vci;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.creditmesh.core.json.Json;

/**
 * The Credential Issuer Metadata (OpenID4VCI 1.0 section 12.2.4) and the metadata of the authorization server whose
 * token endpoint the pre-authorized code flow uses (RFC 8414, with section 12.3's
 * {@code pre-authorized_grant_anonymous_access_supported}).
 */
final class IssuerMetadata {

    private IssuerMetadata() {
    }

    static ObjectNode issuer(Oid4vciSettings settings) {
        String issuer = settings.issuer();
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("credential_issuer", issuer);
        out.putArray("authorization_servers").add(settings.authorizationServer());
        out.put("credential_endpoint", issuer + Oid4vciSpecs.CREDENTIAL);
        out.put("nonce_endpoint", issuer + Oid4vciSpecs.NONCE);
        out.putArray("display").addObject().put("name", "CreditMesh").put("locale", "en");
        ObjectNode configurations = out.putObject("credential_configurations_supported");
        for (CredentialConfiguration configuration : CredentialConfigurations.all()) {
            configurations.set(configuration.id(), configuration(configuration));
        }
        return out;
    }

    private static ObjectNode configuration(CredentialConfiguration configuration) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("format", configuration.format());
        boolean sdJwt = configuration.format().equals(Oid4vciSpecs.FORMAT_SD_JWT);
        if (sdJwt) {
            out.put("vct", configuration.vct());
        } else {
            out.putObject("credential_definition").putArray("type").add("VerifiableCredential").add(configuration.type());
        }
        // The service's issuer key is Ed25519 (IssuerKeys); the core signs it as EdDSA.
        out.putArray("credential_signing_alg_values_supported").add("EdDSA");
        ArrayNode binding = out.putArray("cryptographic_binding_methods_supported");
        binding.add("jwk").add("did:jwk").add("did:key");
        ArrayNode algs = out.putObject("proof_types_supported").putObject("jwt").putArray("proof_signing_alg_values_supported");
        KeyProofVerifier.ALGORITHMS.forEach(algs::add);
        ObjectNode metadata = out.putObject("credential_metadata");
        metadata.putArray("display").addObject().put("name", configuration.displayName()).put("locale", "en");
        ArrayNode claims = metadata.putArray("claims");
        for (String claim : configuration.claims()) {
            ObjectNode description = claims.addObject();
            ArrayNode path = description.putArray("path");
            if (!sdJwt) {
                path.add("credentialSubject");
            }
            path.add(claim);
            if (configuration.mandatory().contains(claim)) {
                description.put("mandatory", true);
            }
            description.putArray("display").addObject().put("name", displayName(claim)).put("locale", "en");
        }
        return out;
    }

    static ObjectNode authorizationServer(Oid4vciSettings settings) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("issuer", settings.authorizationServer());
        out.put("token_endpoint", settings.issuer() + Oid4vciSpecs.TOKEN);
        out.putArray("grant_types_supported").add(Oid4vciSpecs.GRANT_PRE_AUTHORIZED_CODE);
        out.putArray("token_endpoint_auth_methods_supported").add("none");
        out.put("pre-authorized_grant_anonymous_access_supported", true);
        return out;
    }

    /** "countryOfResidence" -> "Country of residence". */
    static String displayName(String claim) {
        StringBuilder out = new StringBuilder();
        for (char ch : claim.toCharArray()) {
            if (Character.isUpperCase(ch) && !out.isEmpty()) {
                out.append(' ').append(Character.toLowerCase(ch));
            } else {
                out.append(out.isEmpty() ? Character.toUpperCase(ch) : ch);
            }
        }
        return out.toString();
    }

}
