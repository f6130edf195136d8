package org.creditmesh.core.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSObject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.credential.Presentation;
import org.creditmesh.core.dataintegrity.DataIntegrityVerifier;
import org.creditmesh.core.dataintegrity.VerificationOptions;
import org.creditmesh.core.dataintegrity.VerifiedProof;
import org.creditmesh.core.did.CompositeDidResolver;
import org.creditmesh.core.did.DidException;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.did.DidResolver;
import org.creditmesh.core.did.DidUrl;
import org.creditmesh.core.did.VerificationRelationship;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jose.JwtVcJsonVerifier;
import org.creditmesh.core.jose.ProtectedHeaders;
import org.creditmesh.core.jose.VcJwtSpecs;
import org.creditmesh.core.jose.VcJwtVerifier;
import org.creditmesh.core.jose.VerifiedCredential;
import org.creditmesh.core.jose.VerifiedPresentation;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;
import org.creditmesh.core.jsonld.ContextRegistry;
import org.creditmesh.core.sdjwt.KeyBindingChallenge;
import org.creditmesh.core.sdjwt.vc.SdJwtVcVerifier;
import org.creditmesh.core.sdjwt.vc.VerifiedSdJwtVc;
import org.creditmesh.core.status.BitstringStatusChecker;
import org.creditmesh.core.status.StatusCheckResult;
import org.creditmesh.core.status.StatusListFetcher;
import org.creditmesh.core.status.VerifiedStatusLists;
import org.creditmesh.core.status.token.StatusListKeyResolver;
import org.creditmesh.core.status.token.StatusListTokenFetcher;
import org.creditmesh.core.status.token.TokenStatus;
import org.creditmesh.core.status.token.TokenStatusChecker;
import org.creditmesh.core.status.token.TokenStatusError;
import org.creditmesh.core.status.token.TokenStatusException;
import org.creditmesh.core.trust.TrustDecision;
import org.creditmesh.core.trust.TrustPolicy;

/**
 * The one entry point that verifies a credential or a presentation in any of the three securing formats
 * and reports every check it performed, each with a stable failure code. Checks after a failed
 * cryptographic check are not run (their inputs cannot be trusted, and a status URL in a forged
 * credential must not be fetched); they are reported as skipped with the reason.
 *
 * <p>Instances are immutable and thread-safe; build one per configuration with {@link #builder()}.
 */
public final class CredentialVerifier {

    private static final String NOT_EVALUATED = "not evaluated: an earlier check failed";

    private final DidResolver didResolver;
    private final DidKeys keys;
    private final DataModelValidator validator;
    private final TrustPolicy trustPolicy;
    private final Optional<StatusListFetcher> statusFetcher;
    private final Optional<VerifiedStatusLists> verifiedLists;
    private final Optional<StatusListTokenFetcher> tokenStatusFetcher;
    private final Clock clock;
    private final Optional<Challenge> challenge;
    private final boolean holderMustBeSubject;
    /** Verifies status list credentials; made once, since each one has its own key cache. */
    private final CredentialVerifier statusListVerifier;

    private CredentialVerifier(Builder b) {
        this.didResolver = b.didResolver;
        this.keys = new DidKeys(b.didResolver);
        this.validator = new DataModelValidator(ContextRegistry::isKnown);
        this.trustPolicy = b.trustPolicy;
        this.statusFetcher = Optional.ofNullable(b.statusFetcher);
        this.verifiedLists = Optional.ofNullable(b.verifiedLists);
        this.tokenStatusFetcher = Optional.ofNullable(b.tokenStatusFetcher);
        this.clock = b.clock;
        this.challenge = Optional.ofNullable(b.challenge);
        this.holderMustBeSubject = b.holderMustBeSubject;
        // The status list credential must itself verify (Bitstring Status List v1.0 section 3.2). It is
        // verified without a status check of its own (which also ends the recursion here), and without the
        // trust policy: accreditations name the credential types an issuer may issue, not its status lists.
        this.statusListVerifier = statusFetcher.isEmpty() ? null
                : toBuilder().statusFetcher(null).tokenStatusFetcher(null).challenge(null)
                        .trustPolicy(TrustPolicy.notConfigured()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A DID resolver for did:key and did:jwk only: pure functions of the DID, no network. */
    public static DidResolver offlineDidResolver() {
        return new CompositeDidResolver(List.of(new DidKey(), new DidJwk()));
    }

    /** Verifies a credential or presentation given as text (compact JWS, SD-JWT, or JSON). */
    public VerificationReport verify(String input) {
        Optional<SecuringFormat> format = SecuringFormat.detect(input);
        if (format.isEmpty()) {
            return new ReportBuilder(Optional.empty())
                    .add(CheckResult.failed(Check.FORMAT, VerificationFailure.UNSUPPORTED_FORMAT,
                            "neither a JWS, an SD-JWT nor a JSON document"))
                    .build();
        }
        return switch (format.get()) {
            case JOSE -> verifyJose(input.strip());
            case SD_JWT -> verifySdJwt(input.strip());
            case DATA_INTEGRITY -> verifyDataIntegrity(input);
        };
    }

    // ---------------------------------------------------------------- VC-JOSE-COSE

    private VerificationReport verifyJose(String jwt) {
        ReportBuilder report = new ReportBuilder(Optional.of(SecuringFormat.JOSE));
        String typ = plainHeaderTyp(jwt);
        if (typ == null) {
            try {
                var type = JWSObject.parse(jwt).getHeader().getType();
                typ = type == null ? "" : type.toString();
            } catch (ParseException e) {
                return report.add(CheckResult.failed(Check.FORMAT, VerificationFailure.MALFORMED, "not a compact JWS")).build();
            }
        }
        VcJwtVerifier verifier = new VcJwtVerifier(keys.forJose(), validator, clock);
        if (VcJwtSpecs.TYP_VP.equalsIgnoreCase(typ) || ("application/" + VcJwtSpecs.TYP_VP).equalsIgnoreCase(typ)) {
            report.presentation(true);
            if (challenge.isEmpty()) {
                return report.add(CheckResult.failed(Check.HOLDER_BINDING, VerificationFailure.HOLDER_BINDING,
                        "a presentation is verified against a challenge (nonce and audience); none was given")).build();
            }
            try {
                VerifiedPresentation vp = verifier.verifyPresentation(jwt, challenge.get().nonce(), challenge.get().audience());
                report.issuer(vp.holder());
                report.add(CheckResult.passed(Check.FORMAT, "vp+jwt"));
                report.add(CheckResult.passed(Check.SIGNATURE, "signed by the holder's key " + vp.kid()));
                report.add(CheckResult.passed(Check.DATA_MODEL, "VCDM " + vp.presentation().version().number()));
                report.add(CheckResult.passed(Check.HOLDER_BINDING, "nonce and audience match; holder signed"));
                for (VerifiedCredential vc : vp.credentials()) {
                    report.nested(credentialChecks(SecuringFormat.JOSE, vc.credential(),
                            CheckResult.passed(Check.SIGNATURE, "signed by the issuer's key " + vc.kid())));
                }
            } catch (CreditMeshException e) {
                report.add(FailureClassifier.failed(e));
            }
            return report.build();
        }
        if (VcJwtSpecs.TYP_JWT.equalsIgnoreCase(typ)) {
            // typ JWT is the VCDM 1.1 JWT encoding (OpenID4VCI's jwt_vc_json), never a vc+jwt.
            try {
                VerifiedCredential vc = new JwtVcJsonVerifier(keys.forJose(), validator, clock).verify(jwt);
                return credentialChecks(SecuringFormat.JOSE, vc.credential(),
                        CheckResult.passed(Check.SIGNATURE, "VCDM 1.1 JWT signed by the issuer's key " + vc.kid()));
            } catch (CreditMeshException e) {
                return report.add(FailureClassifier.failed(e)).skipRemaining().build();
            }
        }
        try {
            VerifiedCredential vc = verifier.verify(jwt);
            return credentialChecks(SecuringFormat.JOSE, vc.credential(),
                    CheckResult.passed(Check.SIGNATURE, "signed by the issuer's key " + vc.kid()));
        } catch (CreditMeshException e) {
            return report.add(FailureClassifier.failed(e)).skipRemaining().build();
        }
    }

    private static final Set<String> PLAIN_HEADER_MEMBERS = Set.of("alg", "typ", "kid", "cty");
    private static final Set<String> PLAIN_HEADER_ALGS = Set.of("EdDSA", "Ed25519", "ES256", "ES256K");

    /**
     * The {@code typ} of a compact JWS whose header is plain: three parts, a strict base64url header that is a
     * strict JSON object of string members among {@code alg}, {@code typ}, {@code kid}, {@code cty}, with an
     * {@code alg} we verify. For such a header Nimbus' {@code JWSObject.parse} succeeds and reads the same
     * {@code typ}, so this only skips its work (about 5 % of a unified vc+jwt verification); it returns null
     * for every other input, which then goes through Nimbus as before. {@link VcJwtVerifier} checks the header
     * in full either way.
     */
    static String plainHeaderTyp(String jwt) {
        int dot = jwt.indexOf('.');
        int second = dot < 0 ? -1 : jwt.indexOf('.', dot + 1);
        if (dot <= 0 || second < 0 || jwt.indexOf('.', second + 1) >= 0) {
            return null;
        }
        ObjectNode header;
        try {
            header = ProtectedHeaders.parse(jwt.substring(0, dot));
        } catch (MalformedJsonException | IllegalArgumentException e) {
            return null;
        }
        for (Map.Entry<String, JsonNode> member : header.properties()) {
            if (!PLAIN_HEADER_MEMBERS.contains(member.getKey()) || !member.getValue().isTextual()) {
                return null;
            }
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !PLAIN_HEADER_ALGS.contains(alg.textValue())) {
            return null;
        }
        JsonNode typ = header.get("typ");
        return typ == null ? "" : typ.textValue();
    }

    // ---------------------------------------------------------------- SD-JWT VC

    private VerificationReport verifySdJwt(String sdJwt) {
        ReportBuilder report = new ReportBuilder(Optional.of(SecuringFormat.SD_JWT));
        VerifiedSdJwtVc vc;
        try {
            vc = SdJwtVcVerifier.of(keys.forSdJwt(), clock)
                    .verify(sdJwt, challenge.map(c -> KeyBindingChallenge.of(c.audience(), c.nonce())));
        } catch (CreditMeshException e) {
            return report.add(FailureClassifier.failed(e)).skipRemaining().build();
        }
        ObjectNode claims = vc.claims();
        vc.issuer().ifPresent(report::issuer);
        report.types(List.of(vc.vct()));
        report.add(CheckResult.passed(Check.FORMAT, "dc+sd-jwt"));
        report.add(CheckResult.passed(Check.SIGNATURE, "issuer-signed JWT verified"));
        report.add(CheckResult.passed(Check.DISCLOSURES, vc.sdJwt().disclosedPaths().size() + " disclosure(s), each referenced once"));
        report.add(CheckResult.passed(Check.VALIDITY_PERIOD, "iat/nbf/exp within the verifier's clock"));
        if (vc.sdJwt().keyBindingClaims().isPresent()) {
            report.add(CheckResult.passed(Check.HOLDER_BINDING, "KB-JWT signed by the cnf key over this presentation, nonce and audience match"));
        } else if (claims.has("cnf")) {
            report.add(CheckResult.skipped(Check.HOLDER_BINDING, "holder-bound credential presented without a challenge; binding not checked"));
        } else {
            report.add(CheckResult.skipped(Check.HOLDER_BINDING, "the credential is not bound to a holder key"));
        }
        if (vc.status().isPresent()) {
            report.add(tokenStatus(vc));
        } else {
            report.add(CheckResult.skipped(Check.STATUS, "no status claim"));
        }
        report.add(CheckResult.skipped(Check.SCHEMA, "SD-JWT VC claims are checked by type metadata, not JSON Schema"));
        Instant issuedAt = claims.has("iat") ? Instant.ofEpochSecond(claims.get("iat").asLong()) : null;
        report.add(trust(vc.issuer().orElse(""), Set.of(vc.vct()), issuedAt));
        report.claims(claims);
        return report.build();
    }

    /**
     * The Token Status List check of an SD-JWT VC whose signature verified (draft-ietf-oauth-status-list-20
     * section 8.3). The Status List Token must be signed by the credential's issuer: its {@code kid} is a DID URL
     * of the credential's {@code iss} DID, authorized for assertions (section 11.3, same issuer, same key
     * resolution), and an {@code iss} claim in it, if any, is that DID too.
     */
    private CheckResult tokenStatus(VerifiedSdJwtVc vc) {
        if (tokenStatusFetcher.isEmpty()) {
            return CheckResult.failed(Check.STATUS, VerificationFailure.STATUS_UNAVAILABLE,
                    "the SD-JWT VC names a Token Status List but no status list token source is configured");
        }
        String issuer = vc.issuer().orElse("");
        StatusListKeyResolver sameIssuer = (kid, tokenIss) -> {
            if (tokenIss.isPresent() && !tokenIss.get().equals(issuer)) {
                throw new TokenStatusException(TokenStatusError.UNKNOWN_STATUS_LIST_KEY, "the Status List Token names another issuer");
            }
            if (!issuer.startsWith("did:") || kid.isEmpty() || !controllerOf(kid.get()).equals(issuer)) {
                throw new TokenStatusException(TokenStatusError.UNKNOWN_STATUS_LIST_KEY,
                        "the Status List Token's kid is not a DID URL of the credential's issuer");
            }
            return keys.resolve(kid.get(), VerificationRelationship.ASSERTION_METHOD);
        };
        try {
            TokenStatus status = new TokenStatusChecker(tokenStatusFetcher.get(), sameIssuer, clock).check(vc.status().get());
            String entry = "Token Status List entry " + status.reference().idx() + ": status 0x"
                    + String.format("%02x", status.value()) + " " + status.type();
            return switch (status.type()) {
                case VALID -> CheckResult.passed(Check.STATUS, entry);
                case INVALID -> CheckResult.failed(Check.STATUS, VerificationFailure.REVOKED, entry);
                case SUSPENDED -> CheckResult.failed(Check.STATUS, VerificationFailure.SUSPENDED, entry);
                case APPLICATION_SPECIFIC -> CheckResult.passed(Check.STATUS, entry + ", neither revocation nor suspension");
                // Section 7.1: a value reserved for future registration has no meaning we could act on.
                case UNREGISTERED -> CheckResult.failed(Check.STATUS, VerificationFailure.STATUS_UNAVAILABLE, entry + ", not a registered status type");
            };
        } catch (TokenStatusException e) {
            return CheckResult.failed(Check.STATUS, VerificationFailure.STATUS_UNAVAILABLE, e.code().code() + ": " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- Data Integrity

    private VerificationReport verifyDataIntegrity(String json) {
        ReportBuilder report = new ReportBuilder(Optional.of(SecuringFormat.DATA_INTEGRITY));
        ObjectNode document;
        try {
            document = Json.parseObject(json);
        } catch (MalformedJsonException e) {
            return report.add(FailureClassifier.failed(e)).skipRemaining().build();
        }
        if (DataModelValidator.types(document).contains("VerifiablePresentation")) {
            return verifyDataIntegrityPresentation(document, report.presentation(true));
        }
        return verifyDataIntegrityCredential(document);
    }

    private VerificationReport verifyDataIntegrityCredential(ObjectNode document) {
        ReportBuilder report = new ReportBuilder(Optional.of(SecuringFormat.DATA_INTEGRITY));
        Credential credential;
        try {
            ObjectNode unsecured = document.deepCopy();
            unsecured.remove("proof");
            credential = Credential.fromOwned(unsecured, validator);
        } catch (CreditMeshException e) {
            return report.add(FailureClassifier.failed(e)).skipRemaining().build();
        }
        List<VerifiedProof> proofs;
        try {
            proofs = new DataIntegrityVerifier(keys.forDataIntegrity())
                    .verify(document, VerificationOptions.assertion(clock.instant()));
        } catch (CreditMeshException e) {
            return report.issuer(credential.issuer()).types(credential.types())
                    .add(CheckResult.passed(Check.FORMAT, "Data Integrity"))
                    .add(FailureClassifier.failed(e)).skipRemaining().build();
        }
        // The issuer signed it: one proof of the set or chain is by a key the issuer controls (each proof verified
        // against its own controller above). Others may be by co-signers or witnesses (Data Integrity 1.0 section
        // 2.1.2), but never stand in for the issuer, whose identity the trust and status checks rely on.
        if (proofs.stream().noneMatch(p -> controllerOf(p.verificationMethod()).equals(credential.issuer()))) {
            return report.issuer(credential.issuer()).types(credential.types())
                    .add(CheckResult.passed(Check.FORMAT, "Data Integrity"))
                    .add(CheckResult.failed(Check.SIGNATURE, VerificationFailure.KEY_NOT_RESOLVED,
                            "no proof's verification method is the issuer's"))
                    .skipRemaining().build();
        }
        Instant proofCreated = proofs.stream().map(VerifiedProof::created).filter(Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        return credentialChecks(SecuringFormat.DATA_INTEGRITY, credential, CheckResult.passed(Check.SIGNATURE,
                proofs.size() + " proof(s): " + proofs.stream().map(p -> p.suite().cryptosuite()).toList()), proofCreated);
    }

    private VerificationReport verifyDataIntegrityPresentation(ObjectNode document, ReportBuilder report) {
        Presentation presentation;
        try {
            presentation = Presentation.from(document, validator);
        } catch (CreditMeshException e) {
            return report.add(FailureClassifier.failed(e)).build();
        }
        presentation.holder().ifPresent(report::issuer);
        if (challenge.isEmpty()) {
            return report.add(CheckResult.failed(Check.HOLDER_BINDING, VerificationFailure.HOLDER_BINDING,
                    "a presentation is verified against a challenge (nonce and domain); none was given")).build();
        }
        Optional<String> declaredHolder = presentation.holder();
        if (declaredHolder.isEmpty() && holderMustBeSubject) {
            return report.add(CheckResult.failed(Check.HOLDER_BINDING, VerificationFailure.HOLDER_BINDING,
                    "the presentation names no holder, so the holder cannot be shown to be the subject")).build();
        }
        try {
            List<VerifiedProof> proofs = new DataIntegrityVerifier(keys.forDataIntegrity()).verify(document,
                    VerificationOptions.authentication(clock.instant(), challenge.get().nonce(), challenge.get().audience()));
            // holder is optional (VCDM 2.0 section 4.13); when named, it is who signed.
            for (VerifiedProof proof : proofs) {
                if (declaredHolder.isPresent() && !controllerOf(proof.verificationMethod()).equals(declaredHolder.get())) {
                    return report.add(CheckResult.failed(Check.HOLDER_BINDING, VerificationFailure.HOLDER_BINDING,
                            "the presentation is not signed by its holder")).build();
                }
            }
        } catch (CreditMeshException e) {
            return report.add(FailureClassifier.failed(e)).build();
        }
        report.add(CheckResult.passed(Check.FORMAT, "Data Integrity presentation"));
        report.add(CheckResult.passed(Check.SIGNATURE, declaredHolder.isPresent() ? "signed by the holder" : "signed by the presenter"));
        // As for vp+jwt: the holder presents credentials about itself, not someone else's (unless this verifier
        // was built to accept what VCDM 2.0 allows: a holder presenting credentials about other subjects).
        String holder = declaredHolder.orElse("");
        List<ObjectNode> embedded = presentation.verifiableCredentials();
        List<Integer> foreign = new ArrayList<>();
        for (int i = 0; i < embedded.size(); i++) {
            List<String> subjects = new ArrayList<>();
            DataModelValidator.asList(embedded.get(i).get("credentialSubject"))
                    .forEach(subject -> subjects.add(subject.path("id").asText("")));
            if (!subjects.contains(holder)) {
                foreign.add(i);
            }
        }
        if (foreign.isEmpty()) {
            report.add(CheckResult.passed(Check.HOLDER_BINDING, "challenge and domain match; holder signed and is the subject"));
        } else if (holderMustBeSubject) {
            report.add(CheckResult.failed(Check.HOLDER_BINDING, VerificationFailure.HOLDER_BINDING,
                    "the holder is not a subject of credential(s) " + foreign));
        } else {
            report.add(CheckResult.passed(Check.HOLDER_BINDING, "challenge and domain match"
                    + (declaredHolder.isPresent() ? "; holder signed" : "; no holder named")
                    + "; credential(s) " + foreign + " are about other subjects (not required to be the holder here)"));
        }
        for (ObjectNode credential : embedded) {
            report.nested(verifyDataIntegrityCredential(credential));
        }
        return report.build();
    }

    // ---------------------------------------------------------------- checks shared by the JSON formats

    /** The checks on a credential whose signature already verified. */
    private VerificationReport credentialChecks(SecuringFormat format, Credential credential, CheckResult signature) {
        JsonNode iat = credential.json().get("iat");
        return credentialChecks(format, credential, signature,
                iat != null && iat.canConvertToLong() ? Instant.ofEpochSecond(iat.asLong()) : null);
    }

    /**
     * @param issuedAtFallback when the credential has no {@code validFrom} ({@code issuanceDate}): the instant the
     *                         trust policy checks the accreditation at (a vc+jwt's {@code iat}, a Data Integrity
     *                         proof's {@code created}), or null
     */
    private VerificationReport credentialChecks(SecuringFormat format, Credential credential, CheckResult signature,
                                                Instant issuedAtFallback) {
        ReportBuilder report = new ReportBuilder(Optional.of(format)).issuer(credential.issuer()).types(credential.types());
        report.add(CheckResult.passed(Check.FORMAT, format.id()));
        report.add(signature);
        report.add(CheckResult.passed(Check.DATA_MODEL, "VCDM " + credential.version().number()));
        try {
            DataModelValidator.checkValidityPeriod(credential, clock.instant());
            report.add(CheckResult.passed(Check.VALIDITY_PERIOD, "valid at " + clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        } catch (CreditMeshException e) {
            report.add(FailureClassifier.failed(e));
        }
        report.add(status(credential));
        // One copy of the claims for both: the schema check only reads it, and the report copies what it keeps.
        ObjectNode claims = credential.json();
        report.add(SchemaCheck.check(credential, claims));
        report.add(trust(credential.issuer(), Set.copyOf(credential.types()), credential.validFrom().orElse(issuedAtFallback)));
        report.claims(claims);
        return report.build();
    }

    private CheckResult status(Credential credential) {
        if (credential.credentialStatus().isEmpty()) {
            return CheckResult.skipped(Check.STATUS, "no credentialStatus");
        }
        if (statusFetcher.isEmpty()) {
            return CheckResult.failed(Check.STATUS, VerificationFailure.STATUS_UNAVAILABLE,
                    "the credential has a status entry but no status list source is configured");
        }
        // The list must verify and be the same issuer's as the credential it speaks for.
        BitstringStatusChecker checker = new BitstringStatusChecker(statusFetcher.get(), (url, fetched) -> {
            VerifiedStatusLists.Verified list = verifiedLists.flatMap(c -> c.get(fetched)).orElse(null);
            if (list == null) {
                VerificationReport listReport = statusListVerifier.verify(fetched);
                if (!listReport.verified()) {
                    throw new StatusListRejected("the status list credential did not verify: " + listReport.failures());
                }
                list = new VerifiedStatusLists.Verified(listReport.issuer().orElse(""), listReport.claims().orElseThrow());
                VerifiedStatusLists.Verified verified = list;
                verifiedLists.ifPresent(c -> c.put(fetched, verified));
            }
            if (!list.issuer().equals(credential.issuer())) {
                throw new StatusListRejected("the status list credential has another issuer");
            }
            return list.claims();
        }, validator, clock);
        try {
            List<StatusCheckResult> results = checker.check(credential);
            return switch (BitstringStatusChecker.summarize(results)) {
                case REVOKED -> CheckResult.failed(Check.STATUS, VerificationFailure.REVOKED, "revoked");
                case SUSPENDED -> CheckResult.failed(Check.STATUS, VerificationFailure.SUSPENDED, "suspended");
                case FLAGGED -> CheckResult.passed(Check.STATUS, "a status other than revocation or suspension is set");
                case OK -> CheckResult.passed(Check.STATUS, results.size() + " status entr" + (results.size() == 1 ? "y" : "ies") + " clear");
            };
        } catch (CreditMeshException e) {
            return CheckResult.failed(Check.STATUS, VerificationFailure.STATUS_UNAVAILABLE, e.code().code() + ": " + e.getMessage());
        }
    }

    private CheckResult trust(String issuer, Set<String> types, Instant issuedAt) {
        TrustDecision decision = trustPolicy.evaluate(issuer, types, issuedAt);
        return switch (decision) {
            case TrustDecision.Trusted t -> CheckResult.passed(Check.ISSUER_TRUST, t.detail());
            case TrustDecision.Untrusted u -> CheckResult.failed(Check.ISSUER_TRUST, VerificationFailure.UNTRUSTED_ISSUER, u.detail());
            case TrustDecision.NotEvaluated n -> CheckResult.skipped(Check.ISSUER_TRUST, n.detail());
        };
    }

    private static String controllerOf(String verificationMethod) {
        try {
            return DidUrl.parse(verificationMethod).did().toString();
        } catch (DidException e) {
            return verificationMethod.contains("#") ? verificationMethod.substring(0, verificationMethod.indexOf('#')) : verificationMethod;
        }
    }

    private Builder toBuilder() {
        Builder b = new Builder();
        b.didResolver = didResolver;
        b.trustPolicy = trustPolicy;
        b.statusFetcher = statusFetcher.orElse(null);
        b.verifiedLists = verifiedLists.orElse(null);
        b.tokenStatusFetcher = tokenStatusFetcher.orElse(null);
        b.clock = clock;
        b.challenge = challenge.orElse(null);
        b.holderMustBeSubject = holderMustBeSubject;
        return b;
    }

    /** Configures a {@link CredentialVerifier}. */
    public static final class Builder {
        private DidResolver didResolver = offlineDidResolver();
        private TrustPolicy trustPolicy = TrustPolicy.notConfigured();
        private StatusListFetcher statusFetcher;
        private VerifiedStatusLists verifiedLists;
        private StatusListTokenFetcher tokenStatusFetcher;
        private Clock clock = Clock.systemUTC();
        private Challenge challenge;
        private boolean holderMustBeSubject = true;

        private Builder() {
        }

        /**
         * Whether a Data Integrity presentation must name a holder who is a subject of every credential it
         * presents (default true: a borrower presents their own credentials). VCDM 2.0 requires neither, so a
         * general-purpose verifier (the W3C conformance suites' "open" mode) sets false; the presentation's proof
         * still has to verify against the challenge and domain, and be the named holder's when one is named.
         */
        public Builder holderMustBeSubject(boolean required) {
            this.holderMustBeSubject = required;
            return this;
        }

        /** How issuer and holder DIDs are resolved (default: did:key and did:jwk, offline). */
        public Builder didResolver(DidResolver resolver) {
            this.didResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** Which issuers are accredited (default: none configured, reported as skipped). */
        public Builder trustPolicy(TrustPolicy policy) {
            this.trustPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Where status list credentials come from; without one a credential with a status entry fails. */
        public Builder statusFetcher(StatusListFetcher fetcher) {
            this.statusFetcher = fetcher;
            return this;
        }

        /**
         * Remembers status list credentials that verified (by their exact bytes, briefly), shared across verifiers:
         * without it every status check verifies the list's proof again.
         */
        public Builder verifiedStatusLists(VerifiedStatusLists lists) {
            this.verifiedLists = lists;
            return this;
        }

        /**
         * Where Status List Tokens (draft-ietf-oauth-status-list) come from, by the {@code uri} an SD-JWT VC's
         * {@code status.status_list} names; without one an SD-JWT VC with a {@code status} claim fails STATUS.
         */
        public Builder tokenStatusFetcher(StatusListTokenFetcher fetcher) {
            this.tokenStatusFetcher = fetcher;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The nonce and audience a presentation must be bound to. */
        public Builder challenge(Challenge challenge) {
            this.challenge = challenge;
            return this;
        }

        public CredentialVerifier build() {
            return new CredentialVerifier(this);
        }
    }

    /** Collects checks in order; see {@link VerificationReport}. */
    private static final class ReportBuilder {
        private final Optional<SecuringFormat> format;
        private boolean presentation;
        private String issuer;
        private List<String> types = List.of();
        private final List<CheckResult> checks = new ArrayList<>();
        private final List<VerificationReport> nested = new ArrayList<>();
        private ObjectNode claims;

        ReportBuilder(Optional<SecuringFormat> format) {
            this.format = format;
        }

        ReportBuilder presentation(boolean value) {
            presentation = value;
            return this;
        }

        ReportBuilder issuer(String value) {
            issuer = value;
            return this;
        }

        ReportBuilder types(List<String> value) {
            types = value;
            return this;
        }

        ReportBuilder add(CheckResult check) {
            checks.add(check);
            return this;
        }

        ReportBuilder nested(VerificationReport report) {
            nested.add(report);
            return this;
        }

        ReportBuilder claims(JsonNode value) {
            claims = value instanceof ObjectNode o ? o : null;
            return this;
        }

        /** Marks every check not yet performed as skipped, because an earlier one failed. */
        ReportBuilder skipRemaining() {
            for (Check check : Check.values()) {
                if (checks.stream().noneMatch(c -> c.check() == check)) {
                    checks.add(CheckResult.skipped(check, NOT_EVALUATED));
                }
            }
            return this;
        }

        VerificationReport build() {
            return new VerificationReport(format, presentation, Optional.ofNullable(issuer), types, checks, nested,
                    checks.stream().anyMatch(CheckResult::isFailed) ? Optional.empty() : Optional.ofNullable(claims));
        }
    }

    /** The status list credential itself was refused. */
    private static final class StatusListRejected extends CreditMeshException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        StatusListRejected(String message) {
            super(VerificationFailure.STATUS_UNAVAILABLE, message);
        }
    }
}
