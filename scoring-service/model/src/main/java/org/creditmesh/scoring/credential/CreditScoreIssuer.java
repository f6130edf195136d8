package org.creditmesh.scoring.credential;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.VerificationKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.schemas.CredentialType;
import org.creditmesh.schemas.SchemaResources;
import org.creditmesh.scoring.scorecard.ReasonCode;
import org.creditmesh.scoring.scorecard.ScoreResult;

/**
 * Issues a borrower's {@code CreditScoreCredential} as an SD-JWT VC bound to the borrower's key: score, band,
 * reason codes, model, and one {@code score_at_least_<T>} claim per configured threshold. Score, band, reason
 * codes, every threshold claim and the assessed application are selectively disclosable, each on its own, so
 * the borrower can show a lender "score ≥ 650" and nothing more; the model and the scoring time are always
 * visible (a lender must know which model vouches for the claim).
 */
public final class CreditScoreIssuer {

    /** The VCDM 2.0 base context and the CreditMesh vocabulary's context, in the order the schema requires. */
    public static final String CONTEXT_V2 = "https://www.w3.org/ns/credentials/v2";
    public static final String CONTEXT_CREDIT = "https://creditmesh.org/contexts/credit/v1";
    public static final String TYPE = "CreditScoreCredential";

    private static final Pattern DID = Pattern.compile("^did:[a-z0-9]+:(([A-Za-z0-9._-]|%[0-9A-Fa-f]{2})*:)*([A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$");
    private static final Pattern MODEL_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Pattern MODEL_VERSION = Pattern.compile("^[0-9]+\\.[0-9]+\\.[0-9]+([-+][0-9A-Za-z.-]+)?$");
    private static final Pattern FINGERPRINT_HEX = Pattern.compile("^[0-9a-f]{64}$");
    private static final Pattern REASON = Pattern.compile("^[A-Z][A-Z0-9_]{1,39}$");
    /** The credential's JSON Schema from the schemas jar; the credential is checked against it before signing. */
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
            SchemaResources.openJsonSchema(CredentialType.CREDIT_SCORE),
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
    /** The schema's {@code maxItems} for reason codes. */
    private static final int MAX_REASONS = 5;

    /**
     * What every credential of this issuer shares.
     *
     * @param modelId      the model's id ({@code ^[a-z0-9][a-z0-9._-]{0,63}$})
     * @param modelVersion the model's version (semantic version)
     * @param thresholds   the thresholds with a {@code score_at_least_<T>} claim; each must be one the schema defines
     * @param validity     how long the credential is valid from issuance
     */
    public record Settings(String modelId, String modelVersion, List<Integer> thresholds, Duration validity) {
        public Settings {
            Objects.requireNonNull(modelId, "modelId");
            Objects.requireNonNull(modelVersion, "modelVersion");
            thresholds = List.copyOf(new TreeSet<>(thresholds));
            Objects.requireNonNull(validity, "validity");
        }

        /** Thresholds 600, 650, 700; valid for 90 days. */
        public static Settings of(String modelId, String modelVersion) {
            return new Settings(modelId, modelVersion, ScoreScale.DEFAULT_THRESHOLDS, Duration.ofDays(90));
        }

        public Settings withThresholds(List<Integer> newThresholds) {
            return new Settings(modelId, modelVersion, newThresholds, validity);
        }
    }

    private final CredentialIssuer issuer;
    private final Settings settings;
    private final Clock clock;

    /**
     * @throws ScoreCredentialException {@code unsupported_threshold} for a threshold the schema has no claim for,
     *         {@code invalid_credential_input} for a model id or version the schema refuses
     */
    public CreditScoreIssuer(CredentialIssuer issuer, Settings settings, Clock clock) throws ScoreCredentialException {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int t : settings.thresholds()) {
            if (!ScoreScale.SCHEMA_THRESHOLDS.contains(t)) {
                throw new ScoreCredentialException(ScoreCredentialError.UNSUPPORTED_THRESHOLD, "threshold " + t
                        + " has no claim in the CreditScoreCredential schema (it defines " + ScoreScale.SCHEMA_THRESHOLDS + ")");
            }
        }
        if (!MODEL_ID.matcher(settings.modelId()).matches() || !MODEL_VERSION.matcher(settings.modelVersion()).matches()) {
            throw new ScoreCredentialException(ScoreCredentialError.INVALID_CREDENTIAL_INPUT,
                    "model id must match " + MODEL_ID + " and model version must be a semantic version");
        }
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The unsigned credential (VCDM 2.0 JSON) for {@code subjectDid}, as it will be signed, checked against
     * {@code credit-score-credential.json}.
     *
     * @param application the assessed loan application ({@code assessedApplication}), or {@code null}
     */
    public ObjectNode credential(String subjectDid, ScoreResult result, ObjectNode application) throws ScoreCredentialException {
        if (subjectDid == null || !DID.matcher(subjectDid).matches()) {
            throw new ScoreCredentialException(ScoreCredentialError.INVALID_CREDENTIAL_INPUT, "the subject must be a DID");
        }
        if (result.modelFingerprint() == null || !FINGERPRINT_HEX.matcher(result.modelFingerprint()).matches()) {
            throw new ScoreCredentialException(ScoreCredentialError.INVALID_CREDENTIAL_INPUT,
                    "the model fingerprint must be a SHA-256 in lower-case hex");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        int score = ScoreScale.onScale(result.score());

        ObjectNode vc = Json.mapper().createObjectNode();
        vc.putArray("@context").add(CONTEXT_V2).add(CONTEXT_CREDIT);
        vc.putArray("type").add("VerifiableCredential").add(TYPE);
        vc.put("issuer", issuer.issuer());
        vc.put("validFrom", now.toString());
        vc.put("validUntil", now.plus(settings.validity()).toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", subjectDid);
        subject.put("score", score);
        subject.put("scoreBand", ScoreScale.band(score));
        ArrayNode reasons = subject.putArray("reasonCodes");
        for (ReasonCode r : result.reasons().stream().limit(MAX_REASONS).toList()) {
            if (!REASON.matcher(r.code()).matches()) {
                throw new ScoreCredentialException(ScoreCredentialError.INVALID_CREDENTIAL_INPUT,
                        "reason code '" + r.code() + "' does not match the schema's pattern");
            }
            reasons.add(r.code());
        }
        subject.put("scoredAt", now.toString());
        ObjectNode model = subject.putObject("scoringModel");
        model.put("modelId", settings.modelId());
        model.put("modelVersion", settings.modelVersion());
        model.put("modelFingerprint", "sha256:" + result.modelFingerprint());
        for (int t : settings.thresholds()) {
            subject.put(ScoreScale.thresholdClaim(t), score >= t);
        }
        if (application != null) {
            subject.set("assessedApplication", application.deepCopy());
        }
        Set<ValidationMessage> errors = SCHEMA.validate(vc);
        if (!errors.isEmpty()) {
            // Locations and keywords only: messages can quote the application's values.
            throw new ScoreCredentialException(ScoreCredentialError.INVALID_CREDENTIAL_INPUT, "the CreditScoreCredential would break its schema at "
                    + errors.stream().limit(5).map(m -> m.getInstanceLocation() + " (" + m.getType() + ")").collect(Collectors.joining(", ")));
        }
        return vc;
    }

    /** The claims that are selectively disclosable, as paths in the SD-JWT VC payload. */
    public List<ClaimPath> disclosable(boolean withApplication) {
        List<ClaimPath> paths = new ArrayList<>(List.of(ClaimPath.of("score"), ClaimPath.of("scoreBand"), ClaimPath.of("reasonCodes")));
        settings.thresholds().forEach(t -> paths.add(ClaimPath.of(ScoreScale.thresholdClaim(t))));
        if (withApplication) {
            paths.add(ClaimPath.of("assessedApplication"));
        }
        return List.copyOf(paths);
    }

    /**
     * Issues the credential as an SD-JWT VC ({@code dc+sd-jwt}) bound to {@code holderKey}.
     *
     * @param application the assessed loan application, or {@code null}
     */
    public String issue(String subjectDid, VerificationKey holderKey, ScoreResult result, ObjectNode application)
            throws CreditMeshException {
        ObjectNode unsigned = credential(subjectDid, result, application);
        CredentialIssuer.Options options = CredentialIssuer.Options.defaults()
                .withClock(clock)
                .withHolderKey(Objects.requireNonNull(holderKey, "holderKey"))
                .withDisclosable(disclosable(application != null));
        return issuer.issue(unsigned, SecuringFormat.SD_JWT, options);
    }
}
