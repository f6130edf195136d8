package org.creditmesh.core.issuer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.credential.DateTimeStamps;
import org.creditmesh.core.dataintegrity.DataIntegritySigner;
import org.creditmesh.core.dataintegrity.ProofOptions;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jose.JwtVcJsonIssuer;
import org.creditmesh.core.jose.VcJwtIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.ContextRegistry;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.vc.SdJwtVcCredential;
import org.creditmesh.core.sdjwt.vc.SdJwtVcIssuer;
import org.creditmesh.core.status.token.StatusReference;
import org.creditmesh.core.verifier.SecuringFormat;

/**
 * Signs an unsigned VCDM 2.0 credential in any of the three securing formats with one issuer key. The
 * issuer is the key's DID ({@code did:key} unless told otherwise); a credential that names another issuer
 * is refused rather than silently re-attributed. A missing {@code validFrom} becomes the signing time.
 *
 * <p>For SD-JWT VC the credential is mapped the way SD-JWT VC expects (draft-ietf-oauth-sd-jwt-vc
 * section 3.2): {@code vct} from the credential type, {@code iss}, {@code iat} from {@code validFrom},
 * {@code exp} from {@code validUntil}, {@code sub} from the subject's {@code id}, and the subject's other
 * members as claims; {@link Options#disclosable()} names which of them the holder may withhold.
 */
public final class CredentialIssuer {

    /** Prefix of the {@code vct} values of CreditMesh's credential types. */
    public static final String VCT_PREFIX = "https://creditmesh.org/vct/";

    /**
     * What varies per issuance. {@code tokenStatus} is the Token Status List entry (draft-ietf-oauth-status-list
     * section 6.2) an SD-JWT VC gets as its {@code status} claim; the other formats refuse it. {@code vcdm11Jwt}
     * secures a {@link SecuringFormat#JOSE} credential as a VCDM 1.1 JWT with a {@code vc} claim (OpenID4VCI's
     * {@code jwt_vc_json}) instead of a VC-JOSE-COSE {@code vc+jwt}.
     */
    public record Options(List<ClaimPath> disclosable, Optional<VerificationKey> holderKey, Clock clock,
                          Optional<StatusReference> tokenStatus, boolean vcdm11Jwt) {
        public Options {
            disclosable = List.copyOf(disclosable);
            Objects.requireNonNull(holderKey, "holderKey");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(tokenStatus, "tokenStatus");
        }

        public Options(List<ClaimPath> disclosable, Optional<VerificationKey> holderKey, Clock clock,
                       Optional<StatusReference> tokenStatus) {
            this(disclosable, holderKey, clock, tokenStatus, false);
        }

        public Options(List<ClaimPath> disclosable, Optional<VerificationKey> holderKey, Clock clock) {
            this(disclosable, holderKey, clock, Optional.empty());
        }

        /** The SD-JWT VC's {@code status.status_list} reference: the list's {@code uri} and this credential's {@code idx}. */
        public Options withTokenStatus(StatusReference reference) {
            return new Options(disclosable, holderKey, clock, Optional.of(reference), vcdm11Jwt);
        }

        public static Options defaults() {
            return new Options(List.of(), Optional.empty(), Clock.systemUTC());
        }

        public Options withDisclosable(List<ClaimPath> paths) {
            return new Options(paths, holderKey, clock, tokenStatus, vcdm11Jwt);
        }

        public Options withHolderKey(VerificationKey key) {
            return new Options(disclosable, Optional.of(key), clock, tokenStatus, vcdm11Jwt);
        }

        public Options withClock(Clock newClock) {
            return new Options(disclosable, holderKey, newClock, tokenStatus, vcdm11Jwt);
        }

        /** A JWT credential in the VCDM 1.1 JWT encoding ({@code jwt_vc_json}) rather than as {@code vc+jwt}. */
        public Options withVcdm11Jwt() {
            return new Options(disclosable, holderKey, clock, tokenStatus, true);
        }
    }

    private final SigningKey key;
    private final String issuer;
    private final String verificationMethod;
    private final DataModelValidator validator = new DataModelValidator(ContextRegistry::isKnown);

    /** An issuer identified by the did:key of {@code key}. */
    public CredentialIssuer(SigningKey key) {
        this(key, DidKey.create(key.publicKey()).toString(),
                DidKey.create(key.publicKey()) + "#" + key.publicKey().toMultikey());
    }

    /** An issuer with its own identifier (e.g. did:web) and the verification method id of {@code key}. */
    public CredentialIssuer(SigningKey key, String issuer, String verificationMethod) {
        this.key = Objects.requireNonNull(key, "key");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.verificationMethod = Objects.requireNonNull(verificationMethod, "verificationMethod");
    }

    public String issuer() {
        return issuer;
    }

    public String verificationMethod() {
        return verificationMethod;
    }

    /** Signs {@code unsigned} in {@code format}; returns the compact JWS, the SD-JWT, or the signed JSON. */
    public String issue(ObjectNode unsigned, SecuringFormat format, Options options) throws CreditMeshException {
        Instant now = options.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Credential credential = prepare(unsigned, now);
        if (format != SecuringFormat.SD_JWT && !options.disclosable().isEmpty()) {
            throw new IssuerException(IssuerError.UNSUPPORTED_FOR_FORMAT,
                    "selective disclosure needs the sd-jwt format; " + format.id() + " discloses everything");
        }
        if (format != SecuringFormat.JOSE && options.vcdm11Jwt()) {
            throw new IssuerException(IssuerError.UNSUPPORTED_FOR_FORMAT, "the VCDM 1.1 JWT encoding is a jwt format");
        }
        if (format != SecuringFormat.SD_JWT && options.tokenStatus().isPresent()) {
            throw new IssuerException(IssuerError.UNSUPPORTED_FOR_FORMAT,
                    "a Token Status List reference is for SD-JWT VCs; " + format.id() + " credentials use credentialStatus");
        }
        return switch (format) {
            case JOSE -> options.vcdm11Jwt()
                    ? new JwtVcJsonIssuer(key, verificationMethod, options.clock()).issue(credential)
                    : new VcJwtIssuer(key, verificationMethod).withIssuedAt(options.clock()).issue(credential);
            case DATA_INTEGRITY -> Json.write(new DataIntegritySigner(key)
                    .sign(credential.json(), ProofOptions.assertion(verificationMethod, now)));
            case SD_JWT -> issueSdJwt(credential, options, now);
        };
    }

    private Credential prepare(ObjectNode unsigned, Instant now) throws CreditMeshException {
        ObjectNode json = unsigned.deepCopy();
        json.remove("proof");
        JsonNode named = json.get(CredentialSpecs.ISSUER);
        if (named == null) {
            json.put(CredentialSpecs.ISSUER, issuer);
        } else {
            String namedId = named.isObject() ? named.path(CredentialSpecs.ID).asText("") : named.asText("");
            if (!namedId.equals(issuer)) {
                throw new IssuerException(IssuerError.ISSUER_MISMATCH,
                        "the credential names issuer " + namedId + " but the signing key is " + issuer
                                + "; remove 'issuer' to have it set, or sign with that issuer's key");
            }
        }
        if (!json.has(CredentialSpecs.VALID_FROM) && !json.has("issuanceDate")) {
            json.put(CredentialSpecs.VALID_FROM, DateTimeStamps.format(now));
        }
        return Credential.from(json, validator);
    }

    private String issueSdJwt(Credential credential, Options options, Instant now) throws CreditMeshException {
        List<ObjectNode> subjects = credential.credentialSubjects();
        if (subjects.size() != 1) {
            throw new IssuerException(IssuerError.UNSUPPORTED_FOR_FORMAT, "an SD-JWT VC has exactly one subject");
        }
        ObjectNode claims = subjects.get(0).deepCopy();
        JsonNode subjectId = claims.remove(CredentialSpecs.ID);
        if (subjectId != null) {
            claims.set("sub", subjectId);
        }
        SdJwtVcCredential.Builder builder = SdJwtVcCredential.builder(vct(credential))
                .issuedAt(credential.validFrom().orElse(now))
                .claims(claims)
                .disclosable(options.disclosable());
        credential.validUntil().ifPresent(builder::expiresAt);
        options.holderKey().ifPresent(builder::holderKey);
        options.tokenStatus().ifPresent(reference -> builder.status(reference.toStatusClaim()));
        return SdJwtVcIssuer.builder(key, issuer).kid(verificationMethod).clock(options.clock()).build()
                .issue(builder.build()).serialize();
    }

    /** The {@code vct} of a credential: its most specific type, under {@link #VCT_PREFIX}. */
    static String vct(Credential credential) {
        List<String> types = credential.types().stream().filter(t -> !t.equals("VerifiableCredential")).toList();
        return VCT_PREFIX + (types.isEmpty() ? "VerifiableCredential" : types.get(types.size() - 1));
    }
}
