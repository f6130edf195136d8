package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;

/**
 * Issues SD-JWTs (RFC 9901 section 4 and 5): turns a {@link DisclosureSpec} into a payload of digests plus
 * disclosures, adds {@code _sd_alg}, decoys and {@code cnf}, and signs. Several signers give one payload with
 * several signatures, serializable only in the general JSON serialization (RFC 9901 section 8).
 */
public final class SdJwtIssuer {

    /** A signing key and the {@code kid} to put in its protected header. */
    public record Signer(SigningKey key, Optional<String> kid) {
        public Signer {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kid, "kid");
        }
    }

    private final List<Signer> signers;
    private final String typ;
    private final Map<String, JsonNode> extraHeaders;
    private final HashAlgorithm hashAlgorithm;
    private final SaltProvider saltProvider;
    private final DecoyGen decoyGen;
    private final SecureRandom random = new SecureRandom();

    private SdJwtIssuer(Builder b) {
        this.signers = List.copyOf(b.signers);
        this.typ = b.typ;
        this.extraHeaders = new LinkedHashMap<>(b.extraHeaders);
        this.hashAlgorithm = b.hashAlgorithm;
        this.saltProvider = b.saltProvider;
        this.decoyGen = b.decoyGen;
    }

    public static Builder builder(SigningKey key) {
        return new Builder().signer(key, Optional.empty());
    }

    public static Builder builder(SigningKey key, String kid) {
        return new Builder().signer(key, Optional.of(kid));
    }

    /** Issues the claims with the members and elements at the given paths selectively disclosable. */
    public SdJwt issue(ObjectNode claims, Collection<ClaimPath> disclosable, Optional<VerificationKey> holderKey) throws SdJwtException {
        return issue(DisclosureSpec.of(claims, disclosable), holderKey);
    }

    /**
     * Issues the claim set. With a holder key the payload gets {@code cnf: {jwk}} (RFC 7800 section 3.2) so a
     * presentation can be key bound.
     */
    public SdJwt issue(DisclosureSpec.Obj claims, Optional<VerificationKey> holderKey) throws SdJwtException {
        if (claims.members().containsKey(SdJwtSpecs.SD_ALG)) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE_SPEC, "the claims may not set " + SdJwtSpecs.SD_ALG);
        }
        if (holderKey.isPresent() && claims.members().containsKey(SdJwtSpecs.CNF)) {
            throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE_SPEC, "the claims already contain cnf and a holder key is given");
        }
        List<Disclosure> disclosures = new ArrayList<>();
        ObjectNode payload = encodeObject(claims, disclosures);
        payload.put(SdJwtSpecs.SD_ALG, hashAlgorithm.ianaName());
        holderKey.ifPresent(k -> payload.putObject(SdJwtSpecs.CNF).set(SdJwtSpecs.CNF_JWK, Json.toNode(k.toJwk().toJSONObject())));
        List<SdJwt.Signature> signatures = new ArrayList<>();
        String payloadText = null;
        for (Signer signer : signers) {
            ObjectNode header = Json.mapper().createObjectNode();
            header.put(SdJwtSpecs.HEADER_ALG, signer.key().type().jwsAlgorithm().getName());
            header.put(SdJwtSpecs.HEADER_TYP, typ);
            signer.kid().ifPresent(kid -> header.put(SdJwtSpecs.HEADER_KID, kid));
            extraHeaders.forEach((name, value) -> header.set(name, value.deepCopy()));
            Jws jws = Jws.sign(header, payload, signer.key());
            payloadText = jws.payloadText();
            signatures.add(new SdJwt.Signature(jws.protectedHeader(), jws.signature()));
        }
        return new SdJwt(payloadText, signatures, disclosures, Optional.empty());
    }

    private ObjectNode encodeObject(DisclosureSpec.Obj obj, List<Disclosure> disclosures) throws SdJwtException {
        ObjectNode out = Json.mapper().createObjectNode();
        List<DisclosureDigest> digests = new ArrayList<>();
        for (Map.Entry<String, DisclosureSpec> member : obj.members().entrySet()) {
            String name = member.getKey();
            if (name.equals(SdJwtSpecs.SD) || name.equals(SdJwtSpecs.ARRAY_ELEMENT_DIGEST)) {
                throw new SdJwtException(SdJwtError.INVALID_DISCLOSURE_SPEC, "a claim may not be named " + name);
            }
            JsonNode value = encode(member.getValue(), disclosures);
            if (member.getValue().disclosable()) {
                Disclosure d = Disclosure.objectProperty(saltProvider.newSalt(), name, value);
                disclosures.add(d);
                digests.add(d.digest(hashAlgorithm));
            } else {
                out.set(name, value);
            }
        }
        if (!digests.isEmpty()) {
            digests.addAll(decoyGen.generate(decoyGen.nextCount(), hashAlgorithm));
            // Sorted so the order reveals nothing about the original claim order (RFC 9901 section 4.2.4.1).
            digests.sort(null);
            ArrayNode sd = out.putArray(SdJwtSpecs.SD);
            digests.forEach(d -> sd.add(d.value()));
        }
        return out;
    }

    private ArrayNode encodeArray(DisclosureSpec.Arr arr, List<Disclosure> disclosures) throws SdJwtException {
        ArrayNode out = Json.mapper().createArrayNode();
        boolean anyDisclosable = false;
        for (DisclosureSpec element : arr.elements()) {
            JsonNode value = encode(element, disclosures);
            if (element.disclosable()) {
                Disclosure d = Disclosure.arrayElement(saltProvider.newSalt(), value);
                disclosures.add(d);
                out.addObject().put(SdJwtSpecs.ARRAY_ELEMENT_DIGEST, d.digest(hashAlgorithm).value());
                anyDisclosable = true;
            } else {
                out.add(value);
            }
        }
        if (anyDisclosable) {
            // Decoys go at random positions so their place does not single them out (RFC 9901 section 4.2.5).
            for (DisclosureDigest decoy : decoyGen.generate(decoyGen.nextCount(), hashAlgorithm)) {
                ObjectNode placeholder = Json.mapper().createObjectNode().put(SdJwtSpecs.ARRAY_ELEMENT_DIGEST, decoy.value());
                out.insert(random.nextInt(out.size() + 1), placeholder);
            }
        }
        return out;
    }

    private JsonNode encode(DisclosureSpec spec, List<Disclosure> disclosures) throws SdJwtException {
        return switch (spec) {
            case DisclosureSpec.Value v -> v.value();
            case DisclosureSpec.Obj o -> encodeObject(o, disclosures);
            case DisclosureSpec.Arr a -> encodeArray(a, disclosures);
        };
    }

    /** Issuer configuration. */
    public static final class Builder {
        private final List<Signer> signers = new ArrayList<>();
        private String typ = SdJwtSpecs.TYP_EXAMPLE_SD_JWT;
        private final Map<String, JsonNode> extraHeaders = new LinkedHashMap<>();
        private HashAlgorithm hashAlgorithm = HashAlgorithm.SHA_256;
        private SaltProvider saltProvider = SaltProvider.secureRandom();
        private DecoyGen decoyGen = DecoyGen.none();

        private Builder() {
        }

        private Builder signer(SigningKey key, Optional<String> kid) {
            signers.add(new Signer(key, kid));
            return this;
        }

        /** Another signature over the same payload (general JSON serialization only). */
        public Builder additionalSigner(SigningKey key, String kid) {
            return signer(key, Optional.of(kid));
        }

        /** Header {@code typ}: {@code example+sd-jwt} by default; profiles set theirs ({@code dc+sd-jwt}). */
        public Builder typ(String typ) {
            this.typ = Objects.requireNonNull(typ, "typ");
            return this;
        }

        /** An extra protected header parameter; {@code alg}, {@code typ} and {@code crit} are the issuer's. */
        public Builder header(String name, JsonNode value) {
            if (List.of(SdJwtSpecs.HEADER_ALG, SdJwtSpecs.HEADER_TYP, SdJwtSpecs.HEADER_CRIT).contains(name)) {
                throw new IllegalArgumentException(name + " is set by the issuer itself");
            }
            extraHeaders.put(name, value.deepCopy());
            return this;
        }

        public Builder hashAlgorithm(HashAlgorithm alg) {
            this.hashAlgorithm = Objects.requireNonNull(alg, "alg");
            return this;
        }

        public Builder saltProvider(SaltProvider provider) {
            this.saltProvider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** Decoy digests per object and array that has disclosable content; none by default. */
        public Builder decoys(DecoyGen gen) {
            this.decoyGen = Objects.requireNonNull(gen, "gen");
            return this;
        }

        public SdJwtIssuer build() {
            return new SdJwtIssuer(this);
        }
    }
}
