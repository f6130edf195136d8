package org.creditmesh.core.jose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Optional;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.credential.DataModelException;
import org.creditmesh.core.credential.DateTimeStamps;
import org.creditmesh.core.credential.VcdmVersion;
import org.creditmesh.core.json.Json;

/**
 * The mapping between a credential and the claims of its VCDM 1.1 JWT (VCDM 1.1 section 6.3.1, the format
 * OpenID4VCI 1.0 Appendix A.1.1 calls {@code jwt_vc_json}), in both directions. The credential stays whole in
 * {@code vc} and its issuer, id, subject and dates are mirrored in the registered claims, as OpenID4VCI's own
 * example does: a reader of either form gets the same credential, and decoding refuses claims that disagree with
 * what {@code vc} says.
 */
final class Vcdm11Jwt {

    private Vcdm11Jwt() {
    }

    /**
     * The VCDM 1.1 form of a VCDM 2.0 credential: the 1.1 base context in place of the 2.0 one, {@code issuanceDate}
     * and {@code expirationDate} for {@code validFrom} and {@code validUntil}; a 1.1 credential is returned as is.
     */
    static ObjectNode toVcdm11(Credential credential) {
        ObjectNode json = credential.json();
        if (credential.version() == VcdmVersion.V1_1) {
            return json;
        }
        ObjectNode out = Json.mapper().createObjectNode();
        for (var member : json.properties()) {
            switch (member.getKey()) {
                case CredentialSpecs.CONTEXT -> {
                    ArrayNode contexts = out.putArray(CredentialSpecs.CONTEXT);
                    for (JsonNode c : member.getValue()) {
                        contexts.add(CredentialSpecs.CONTEXT_V2.equals(c.textValue()) ? Json.mapper().getNodeFactory()
                                .textNode(CredentialSpecs.CONTEXT_V1) : c);
                    }
                }
                case CredentialSpecs.VALID_FROM -> out.set(CredentialSpecs.ISSUANCE_DATE, member.getValue());
                case CredentialSpecs.VALID_UNTIL -> out.set(CredentialSpecs.EXPIRATION_DATE, member.getValue());
                default -> out.set(member.getKey(), member.getValue());
            }
        }
        return out;
    }

    /** The JWT claims of a VCDM 1.1 credential: {@code vc} and the registered claims that mirror it. */
    static ObjectNode claims(ObjectNode vc, String issuer, Instant issuedAt) throws DataModelException {
        ObjectNode claims = Json.mapper().createObjectNode();
        claims.put(VcJwtSpecs.CLAIM_ISS, issuer);
        text(vc, CredentialSpecs.ID).ifPresent(id -> claims.put(VcJwtSpecs.CLAIM_JTI, id));
        singleSubjectId(vc).ifPresent(sub -> claims.put(VcJwtSpecs.CLAIM_SUB, sub));
        Optional<String> from = text(vc, CredentialSpecs.ISSUANCE_DATE);
        if (from.isPresent()) {
            claims.put(VcJwtSpecs.CLAIM_NBF, DateTimeStamps.parseLenient(from.get(), CredentialSpecs.ISSUANCE_DATE).getEpochSecond());
        }
        Optional<String> until = text(vc, CredentialSpecs.EXPIRATION_DATE);
        if (until.isPresent()) {
            claims.put(VcJwtSpecs.CLAIM_EXP, DateTimeStamps.parseLenient(until.get(), CredentialSpecs.EXPIRATION_DATE).getEpochSecond());
        }
        claims.put(VcJwtSpecs.CLAIM_IAT, issuedAt.getEpochSecond());
        claims.set(VcJwtSpecs.CLAIM_VC, vc);
        return claims;
    }

    /**
     * The credential a VCDM 1.1 JWT carries (section 6.3.1's decoding): {@code vc}, completed from {@code iss},
     * {@code jti}, {@code sub}, {@code nbf} and {@code exp} where it lacks the member, and refused where a claim
     * contradicts it.
     */
    static ObjectNode decode(ObjectNode payload) throws VcJwtException {
        JsonNode vcClaim = payload.get(VcJwtSpecs.CLAIM_VC);
        if (!(vcClaim instanceof ObjectNode vc)) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "a VCDM 1.1 JWT carries its credential in the vc claim (an object)");
        }
        if (payload.has("vp")) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "a credential JWT has no vp claim");
        }
        mirror(payload, VcJwtSpecs.CLAIM_ISS, vc, CredentialSpecs.ISSUER);
        mirror(payload, VcJwtSpecs.CLAIM_JTI, vc, CredentialSpecs.ID);
        JsonNode sub = payload.get(VcJwtSpecs.CLAIM_SUB);
        if (sub != null) {
            if (!sub.isTextual() || !(vc.get(CredentialSpecs.CREDENTIAL_SUBJECT) instanceof ObjectNode subject)) {
                throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "sub names the id of the one credentialSubject object");
            }
            mirror(payload, VcJwtSpecs.CLAIM_SUB, subject, CredentialSpecs.ID);
        }
        date(payload, VcJwtSpecs.CLAIM_NBF, vc, CredentialSpecs.ISSUANCE_DATE);
        date(payload, VcJwtSpecs.CLAIM_EXP, vc, CredentialSpecs.EXPIRATION_DATE);
        return vc;
    }

    private static void mirror(ObjectNode payload, String claim, ObjectNode target, String member) throws VcJwtException {
        JsonNode value = payload.get(claim);
        if (value == null) {
            return;
        }
        if (!value.isTextual()) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, claim + " is a string");
        }
        JsonNode present = target.get(member);
        if (present == null) {
            target.put(member, value.textValue());
            return;
        }
        String id = present.isObject() ? present.path(CredentialSpecs.ID).textValue() : present.textValue();
        if (!value.textValue().equals(id)) {
            throw new VcJwtException(claim.equals(VcJwtSpecs.CLAIM_ISS) ? VcJwtError.ISSUER_MISMATCH : VcJwtError.PAYLOAD_INVALID,
                    claim + " contradicts the credential's " + member + " (VCDM 1.1 section 6.3.1)");
        }
    }

    private static void date(ObjectNode payload, String claim, ObjectNode vc, String member) throws VcJwtException {
        JsonNode value = payload.get(claim);
        if (value == null) {
            return;
        }
        if (!value.isNumber() || !value.canConvertToLong()) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, claim + " is a NumericDate (RFC 7519 section 2)");
        }
        Instant instant;
        try {
            instant = Instant.ofEpochSecond(value.longValue());
        } catch (java.time.DateTimeException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, claim + " is out of range", e);
        }
        JsonNode present = vc.get(member);
        if (present == null) {
            vc.put(member, DateTimeStamps.format(instant));
            return;
        }
        try {
            // NumericDate has whole seconds; the credential's date may carry fractions of one.
            if (!present.isTextual() || DateTimeStamps.parseLenient(present.textValue(), member).getEpochSecond()
                    != instant.getEpochSecond()) {
                throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, claim + " contradicts the credential's " + member);
            }
        } catch (DataModelException e) {
            throw new VcJwtException(VcJwtError.PAYLOAD_INVALID, "the credential's " + member + " is not a date-time", e);
        }
    }

    private static Optional<String> text(ObjectNode json, String member) {
        JsonNode value = json.get(member);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }

    private static Optional<String> singleSubjectId(ObjectNode vc) {
        JsonNode subject = vc.get(CredentialSpecs.CREDENTIAL_SUBJECT);
        return subject instanceof ObjectNode o ? text(o, CredentialSpecs.ID) : Optional.empty();
    }
}
