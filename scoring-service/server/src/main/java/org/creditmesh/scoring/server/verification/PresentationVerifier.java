package org.creditmesh.scoring.server.verification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditmesh.anchor.trust.RegistryTrust;
import org.creditmesh.core.did.CachingDidResolver;
import org.creditmesh.core.did.CompositeDidResolver;
import org.creditmesh.core.did.DidJwk;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.did.DidResolver;
import org.creditmesh.core.did.DidWeb;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyException;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.status.token.HttpStatusListTokenFetcher;
import org.creditmesh.core.status.token.StatusListTokenFetcher;
import org.creditmesh.core.trust.StaticTrustList;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.Check;
import org.creditmesh.core.verifier.CheckResult;
import org.creditmesh.core.verifier.CredentialVerifier;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.core.verifier.VerificationReport;
import org.creditmesh.schemas.CredentialType;
import org.creditmesh.scoring.server.problem.ScoringProblem;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the borrower's presentations with the core {@link CredentialVerifier}: issuer signature, disclosures,
 * validity period, Token Status List status, an accredited issuer (the configured trust list), and holder binding
 * (a KB-JWT over the lender's nonce and audience, issued within the core's freshness window). Only SD-JWT VCs are
 * taken: scoring relies on selective disclosure. Each of the checks that matter here must have passed; a check the
 * verifier skipped (no trust policy, no key binding) is a failure too.
 */
@ApplicationScoped
public class PresentationVerifier {

    /** Checks that must have passed, not merely not failed. */
    private static final List<Check> REQUIRED = List.of(Check.SIGNATURE, Check.ISSUER_TRUST, Check.HOLDER_BINDING);

    /** The credential types a trusted bureau is accredited for: the bureau-issued ones (not scores or accreditations). */
    private static final Set<String> BUREAU_VCTS = Arrays.stream(CredentialType.values())
            .filter(t -> t != CredentialType.CREDIT_SCORE && t != CredentialType.BUREAU_ACCREDITATION)
            .map(t -> CredentialIssuer.VCT_PREFIX + t.typeName()).collect(Collectors.toUnmodifiableSet());

    /** Issuers (DIDs) whose bureau credentials are accepted, when no on-chain registry is configured. */
    @ConfigProperty(name = "creditmesh.scoring.trust.issuers")
    Optional<List<String>> trustedIssuers;

    /** The on-chain IssuerRegistry that decides bureau trust instead of the list (with its node's URL and chain id). */
    @ConfigProperty(name = "creditmesh.scoring.trust.registry")
    Optional<String> trustRegistry;

    @ConfigProperty(name = "creditmesh.scoring.trust.rpc-url")
    Optional<java.net.URI> trustRpc;

    @ConfigProperty(name = "creditmesh.scoring.trust.chain-id")
    Optional<Long> trustChainId;

    /** Status List Tokens over plain HTTP on loopback (local runs and tests); HTTPS only otherwise. */
    @ConfigProperty(name = "creditmesh.scoring.status.allow-http-on-loopback", defaultValue = "false")
    boolean allowHttpOnLoopback;

    private org.creditmesh.core.trust.TrustPolicy trustList;
    private RegistryTrust registryTrust;
    private DidResolver didResolver;
    private StatusListTokenFetcher statusFetcher;

    @PostConstruct
    void init() {
        if (trustRegistry.isPresent() && !trustRegistry.get().isBlank()) {
            if (trustRpc.isEmpty() || trustChainId.isEmpty()) {
                throw new IllegalStateException("creditmesh.scoring.trust.registry needs creditmesh.scoring.trust.rpc-url and"
                        + " creditmesh.scoring.trust.chain-id");
            }
            registryTrust = new RegistryTrust(trustRpc.get(), trustChainId.get(), trustRegistry.get());
            trustList = registryTrust;
        } else {
            trustList = new StaticTrustList(trustedIssuers.orElse(List.of()).stream().map(String::strip).filter(s -> !s.isEmpty())
                    .map(did -> new StaticTrustList.Accreditation(did, BUREAU_VCTS, Instant.EPOCH, null)).toList());
        }
        didResolver = new CachingDidResolver(new CompositeDidResolver(List.of(new DidKey(), new DidJwk(), new DidWeb())),
                Duration.ofMinutes(10), 1000);
        statusFetcher = HttpStatusListTokenFetcher.builder().allowHttpOnLoopback(allowHttpOnLoopback).build();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        if (registryTrust != null) {
            registryTrust.close();
        }
    }

    /**
     * Verifies every presentation against the lender's challenge.
     *
     * @throws ProblemException {@link ScoringProblem#UNVERIFIED_PRESENTATION} naming the presentation's index and the
     *         failed checks' codes (never a claim value)
     */
    public List<VerifiedPresentation> verify(List<String> presentations, Challenge challenge) {
        CredentialVerifier verifier = CredentialVerifier.builder().didResolver(didResolver).trustPolicy(trustList)
                .tokenStatusFetcher(statusFetcher).challenge(challenge).build();
        List<VerifiedPresentation> verified = new ArrayList<>();
        for (int i = 0; i < presentations.size(); i++) {
            int index = i;
            VerificationReport report = verifier.verify(presentations.get(i));
            List<String> failures = failures(report);
            if (!failures.isEmpty()) {
                throw unverified(i, failures);
            }
            ObjectNode claims = report.claims().orElseThrow(() -> unverified(index, List.of("no_claims")));
            verified.add(new VerifiedPresentation(claims, holderKey(claims, index), subject(claims)));
        }
        return verified;
    }

    private static List<String> failures(VerificationReport report) {
        List<String> failures = new ArrayList<>(report.failures().stream().map(f -> f.code()).distinct().toList());
        if (!failures.isEmpty()) {
            return failures;
        }
        if (report.format().orElse(null) != SecuringFormat.SD_JWT) {
            return List.of("not_sd_jwt_vc");
        }
        for (Check check : REQUIRED) {
            Optional<CheckResult> result = report.check(check);
            if (result.isEmpty() || result.get().outcome() != CheckResult.Outcome.PASSED) {
                failures.add(check.id() + "_not_passed");
            }
        }
        return failures;
    }

    private static VerificationKey holderKey(ObjectNode claims, int index) {
        JsonNode jwk = claims.path("cnf").path("jwk");
        try {
            return VerificationKey.parseJwk(Json.write(jwk));
        } catch (KeyException | RuntimeException e) {
            throw unverified(index, List.of("holder_binding"));
        }
    }

    private static Optional<String> subject(ObjectNode claims) {
        JsonNode sub = claims.get("sub");
        return sub != null && sub.isTextual() ? Optional.of(sub.asText()) : Optional.empty();
    }

    private static ProblemException unverified(int index, List<String> codes) {
        ObjectNode ext = Json.mapper().createObjectNode();
        ext.put("presentation", index);
        ArrayNode failures = ext.putArray("failures");
        codes.forEach(failures::add);
        return new ProblemException(ScoringProblem.UNVERIFIED_PRESENTATION,
                "presentation " + index + " did not verify: " + String.join(", ", codes), ext, null);
    }
}
