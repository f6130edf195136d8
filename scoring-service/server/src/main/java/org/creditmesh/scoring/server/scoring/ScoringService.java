package org.creditmesh.scoring.server.scoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.scoring.claims.ScoringInputException;
import org.creditmesh.scoring.credential.CreditScoreIssuer;
import org.creditmesh.scoring.credential.ScoreScale;
import org.creditmesh.scoring.scorecard.ReasonCode;
import org.creditmesh.scoring.scorecard.ScoreResult;
import org.creditmesh.scoring.scorecard.ScorecardError;
import org.creditmesh.scoring.scorecard.ScorecardException;
import org.creditmesh.scoring.server.keys.ScoringKeys;
import org.creditmesh.scoring.server.problem.ScoringProblem;
import org.creditmesh.scoring.server.registry.LoadedModel;
import org.creditmesh.scoring.server.registry.ModelRegistry;
import org.creditmesh.scoring.server.verification.PresentationVerifier;
import org.creditmesh.scoring.server.verification.VerifiedPresentation;
import org.creditmesh.service.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scores a borrower for a lender: the lender's active model, the presentations verified against the lender's
 * challenge, the disclosed claims mapped to the model's attributes, the score with its reasons; kept as
 * {@link ScoreStore} keeps it (a hash, no claims); optionally a {@code CreditScoreCredential} bound to the
 * borrower's key. Claim values live only in this request's memory: errors name claims, never values.
 */
@ApplicationScoped
@Startup
public class ScoringService {

    @Inject
    ModelRegistry registry;

    @Inject
    PresentationVerifier verifier;

    @Inject
    ScoreStore store;

    @Inject
    ScoringKeys keys;

    @Inject
    MeterRegistry meters;

    /** The {@code score_at_least_<T>} claims of issued score credentials (thresholds the schema defines). */
    @ConfigProperty(name = "creditmesh.scoring.credential.thresholds", defaultValue = "600,650,700")
    List<Integer> thresholds;

    /** A threshold the credential's schema has no claim for is a configuration error: refused at start, not per request. */
    @PostConstruct
    void checkThresholds() {
        for (int t : thresholds) {
            if (!ScoreScale.SCHEMA_THRESHOLDS.contains(t)) {
                throw new IllegalStateException("creditmesh.scoring.credential.thresholds: " + t
                        + " has no claim in the CreditScoreCredential schema (it defines " + ScoreScale.SCHEMA_THRESHOLDS + ")");
            }
        }
    }

    public ObjectNode score(ScoreRequest request, String lender) {
        LoadedModel model = registry.active(lender);
        try {
            ObjectNode response = score(model, request, lender);
            meters.counter("creditmesh.scoring.scores", "outcome", "scored").increment();
            return response;
        } catch (ProblemException e) {
            meters.counter("creditmesh.scoring.scores", "outcome", e.type().code()).increment();
            throw e;
        }
    }

    private ObjectNode score(LoadedModel model, ScoreRequest request, String lender) {
        // Single use, checked first: a replayed presentation costs no verification.
        store.useNonce(lender, request.challenge().nonce());
        List<VerifiedPresentation> verified = verifier.verify(request.presentations(), request.challenge());
        VerifiedPresentation first = verified.getFirst();
        for (VerifiedPresentation p : verified) {
            if (!p.holderKey().equals(first.holderKey()) || !p.subject().equals(first.subject())) {
                throw new ProblemException(ScoringProblem.MIXED_HOLDERS,
                        "every presented credential must be bound to the same holder key and name the same subject");
            }
        }
        Map<String, String> features;
        try {
            features = model.features().features(verified.stream().map(VerifiedPresentation::claims).toList(), request.application());
        } catch (ScoringInputException e) {
            ObjectNode ext = Json.mapper().createObjectNode();
            ext.put("code", e.code().code());
            e.claim().ifPresent(claim -> ext.put("claim", claim));
            throw new ProblemException(ScoringProblem.of(e.error()), e.getMessage(), ext, null);
        }
        ScoreResult result;
        try {
            result = model.scorecard().score(features);
        } catch (ScorecardException e) {
            // The mapping produced what the model cannot take: a claim the table maps outside the model's bins.
            throw new ProblemException(e.code() == ScorecardError.MISSING_ATTRIBUTE ? ScoringProblem.MISSING_CLAIM
                    : ScoringProblem.CLAIM_OUT_OF_RANGE, e.getMessage());
        }
        Instant now = Instant.now();
        ObjectNode response = Json.mapper().createObjectNode();
        response.put("score", result.points());
        response.put("band", result.band());
        response.put("approved", result.approved());
        response.put("probabilityOfBad", result.probabilityOfBad());
        ArrayNode reasons = response.putArray("reasonCodes");
        for (ReasonCode r : result.reasons()) {
            ObjectNode reason = reasons.addObject();
            reason.put("code", r.code());
            reason.put("attribute", r.attribute());
            reason.put("text", r.text());
            reason.put("pointsLost", Math.round(r.pointsLost()));
        }
        ObjectNode m = response.putObject("model");
        m.put("id", model.ref().id());
        m.put("version", model.ref().version());
        m.put("fingerprint", "sha256:" + model.scorecard().fingerprint());
        response.put("presentationSha256", request.presentationSha256());
        response.put("scoredAt", now.toString());
        if (request.issueScoreCredential()) {
            response.put("scoreCredential", issue(model, result, first, request.application()));
            response.put("creditScore", ScoreScale.onScale(result.score()));
        }
        store.record(new ScoreStore.StoredScore(request.presentationSha256(), model.ref(), result.score(), result.band(), lender, now));
        return response;
    }

    private String issue(LoadedModel model, ScoreResult result, VerifiedPresentation holder, ObjectNode application) {
        VerificationKey key = holder.holderKey();
        String subject = holder.subject().orElseGet(() -> DidKey.create(key).toString());
        try {
            CreditScoreIssuer issuer = new CreditScoreIssuer(keys.issuer(), CreditScoreIssuer.Settings
                    .of(model.ref().id(), model.ref().version()).withThresholds(thresholds), Clock.systemUTC());
            return issuer.issue(subject, key, result, application == null || application.isEmpty() ? null : application);
        } catch (CreditMeshException e) {
            throw new ProblemException(ScoringProblem.SCORE_CREDENTIAL_REFUSED, e.getMessage());
        }
    }

    /** The presentation request of {@code model}: its DCQL query and the application members the lender sends. */
    public ObjectNode request(LoadedModel model) {
        ObjectNode out = Json.mapper().createObjectNode();
        ObjectNode m = out.putObject("model");
        m.put("id", model.ref().id());
        m.put("version", model.ref().version());
        m.put("fingerprint", "sha256:" + model.scorecard().fingerprint());
        out.set("dcql_query", model.dcql());
        ArrayNode application = out.putArray("application");
        model.requirements().application().forEach(c -> application.add(c.claim().claim()));
        return out;
    }
}
