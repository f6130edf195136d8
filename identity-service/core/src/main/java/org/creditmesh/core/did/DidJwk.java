package org.creditmesh.core.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.VerificationKey;

/**
 * The did:jwk method (DIF / quartzjer "did:jwk" specification): the DID is {@code did:jwk:} and the
 * base64url (no padding) of a public JWK's JSON; the document has one {@code JsonWebKey2020} method
 * {@code did:jwk:...#0} (spec section "To create the DID Document").
 *
 * <p>A JWK with private members is refused ({@link DidError#PRIVATE_KEY_MATERIAL}), as the spec's
 * Security section requires. A JWK with {@code "use":"sig"} gets no keyAgreement; {@code "use":"enc"}
 * only keyAgreement.
 */
public final class DidJwk implements DidMethodResolver {

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

    @Override
    public String method() {
        return DidSpecs.METHOD_JWK;
    }

    @Override
    public boolean deterministic() {
        return true;
    }

    /**
     * The did:jwk of {@code key}: its public JWK with members in lexicographic order (the form of the
     * spec's P-256 example, and the RFC 7638 member order), so one key gives one DID here.
     */
    public static Did create(VerificationKey key) {
        Map<String, Object> sorted = new TreeMap<>(key.toJwk().toJSONObject());
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Json.write(sorted).getBytes(StandardCharsets.UTF_8));
        return new Did(DidSpecs.METHOD_JWK, encoded);
    }

    /** The JWK JSON a did:jwk carries (spec section "Read", steps 1-4), with private members refused. */
    public static ObjectNode jwk(Did did) throws DidException {
        if (!did.method().equals(DidSpecs.METHOD_JWK)) {
            throw new DidException(DidError.METHOD_NOT_SUPPORTED, "not a did:jwk");
        }
        String value = did.methodSpecificId();
        if (!BASE64URL.matcher(value).matches()) {
            throw new DidException(DidError.INVALID_DID, "a did:jwk value is base64url without padding");
        }
        byte[] json;
        try {
            json = Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new DidException(DidError.INVALID_DID, "the did:jwk value is not valid base64url", e);
        }
        try {
            return Json.parseObject(json);
        } catch (MalformedJsonException e) {
            throw new DidException(DidError.INVALID_DID, "the did:jwk value is not a JSON object: " + e.getMessage(), e);
        }
    }

    /** The public key a did:jwk carries. */
    public static VerificationKey publicKey(String did) throws DidException {
        Did parsed = Did.parse(did);
        try {
            return VerificationMethod.publicJwk(jwk(parsed));
        } catch (KeyException e) {
            throw VerificationMethod.fromKeyException(e);
        }
    }

    @Override
    public DidDocument resolve(String did) throws DidException {
        Did parsed = requireMethod(did);
        ObjectNode jwk = jwk(parsed);
        VerificationKey key;
        try {
            key = VerificationMethod.publicJwk(jwk);
        } catch (KeyException e) {
            throw VerificationMethod.fromKeyException(e);
        }
        JsonNode use = jwk.get("use");
        if (use != null && !(use.isTextual() && (use.asText().equals("sig") || use.asText().equals("enc")))) {
            throw new DidException(DidError.INVALID_DID, "the JWK's use is neither 'sig' nor 'enc'");
        }
        String methodId = parsed + "#" + DidSpecs.DID_JWK_FRAGMENT;
        DidDocument.Builder b = DidDocument.builder(parsed)
                .context(DidSpecs.CONTEXT_DID_V1, DidSpecs.CONTEXT_JWS_2020_V1)
                .verificationMethod(new VerificationMethod(methodId, KeyFormat.JSON_WEB_KEY_2020, parsed.toString(), key));
        boolean sig = use == null || use.asText().equals("sig");
        boolean enc = use == null || use.asText().equals("enc");
        if (sig) {
            b.reference(VerificationRelationship.ASSERTION_METHOD, methodId)
                    .reference(VerificationRelationship.AUTHENTICATION, methodId)
                    .reference(VerificationRelationship.CAPABILITY_INVOCATION, methodId)
                    .reference(VerificationRelationship.CAPABILITY_DELEGATION, methodId);
        }
        if (enc) {
            b.reference(VerificationRelationship.KEY_AGREEMENT, methodId);
        }
        return b.build();
    }

    @Override
    public String toString() {
        return "DidJwk";
    }
}
