package org.creditmesh.scoring.server.registry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.scoring.claims.ClaimFeatureMapping;
import org.creditmesh.scoring.claims.ClaimRequirements;
import org.creditmesh.scoring.claims.ClaimsToFeatures;
import org.creditmesh.scoring.claims.Dcql;
import org.creditmesh.scoring.claims.ScoringInputException;
import org.creditmesh.scoring.credential.CreditScoreIssuer;
import org.creditmesh.scoring.credential.ScoreCredentialException;
import org.creditmesh.scoring.scorecard.ModelStore;
import org.creditmesh.scoring.scorecard.ScorecardError;
import org.creditmesh.scoring.scorecard.ScorecardException;
import org.creditmesh.scoring.server.anchoring.ModelAnchoring;
import org.creditmesh.scoring.server.keys.ScoringKeys;
import org.creditmesh.scoring.server.problem.ScoringProblem;
import org.creditmesh.service.problem.ProblemException;

/**
 * The model registry (tables {@code scoring_model}, {@code active_model}, {@code model_activation}): model versions
 * as uploaded, with fingerprint, data hash and trainer provenance; the active version per lender and the default;
 * every activation recorded. A model is refused unless it loads with a matching fingerprint and every attribute it
 * uses is fed by a claim of its data set's mapping table (so it can score from credentials). Loaded models are
 * cached by version: a registered version never changes. With anchoring on, a registration queues its fingerprint
 * ({@link ModelAnchoring}) in its own transaction.
 */
@ApplicationScoped
public class ModelRegistry {

    /** The activation scope of the model lenders without their own activation use. */
    public static final String DEFAULT_SCOPE = "default";
    private static final String LENDER_SCOPE = "lender:";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ScoringKeys keys;

    @Inject
    ModelAnchoring anchoring;

    private ClaimFeatureMapping mapping;
    private final Map<ModelRef, LoadedModel> cache = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        try {
            mapping = ClaimFeatureMapping.load();
        } catch (ScoringInputException e) {
            throw new IllegalStateException("the claim-to-feature mapping table could not be read: " + e.getMessage(), e);
        }
    }

    /** A model version to register. */
    public record Registration(ModelRef ref, String dataset, ModelFiles files) {
    }

    /**
     * Registers a model version after loading it (fingerprint verified) and deriving its claims.
     *
     * @throws ProblemException {@code model-exists}, {@code model-fingerprint-mismatch}, {@code invalid-model}
     */
    public LoadedModel register(Registration registration, String actor) {
        LoadedModel model = load(registration.ref(), registration.dataset(), registration.files());
        ObjectNode provenance = provenance(registration.files());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("""
                         insert into scoring_model (model_id, version, dataset, fingerprint, data_sha256, trainer_provenance,
                             scorecard_json, provenance_json, tribuo_model, registered_by)
                         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                s.setString(1, registration.ref().id());
                s.setString(2, registration.ref().version());
                s.setString(3, registration.dataset());
                s.setString(4, model.scorecard().fingerprint());
                s.setString(5, provenance.path("data_sha256").asText(""));
                s.setString(6, provenance.path("trainer_provenance").asText(""));
                s.setBytes(7, registration.files().scorecard());
                s.setBytes(8, registration.files().provenance());
                s.setBytes(9, registration.files().tribuo());
                s.setString(10, actor);
                if (s.executeUpdate() == 0) {
                    throw new ProblemException(ScoringProblem.MODEL_EXISTS, "model " + registration.ref() + " is already registered");
                }
                // In the same transaction: a registered model's fingerprint is always queued for anchoring, and never
                // one of a registration that did not commit.
                anchoring.queueIn(c, registration.ref(), model.scorecard().fingerprint());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the model registry is unavailable", e);
        }
        cache.put(registration.ref(), model);
        return model;
    }

    /** Every registered version, newest first, each with the scopes it is active in. */
    public ArrayNode list() {
        ArrayNode out = Json.mapper().createArrayNode();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     select m.model_id, m.version, m.dataset, m.fingerprint, m.data_sha256, m.trainer_provenance,
                            m.registered_by, m.registered_at,
                            coalesce(array_agg(a.scope order by a.scope) filter (where a.scope is not null), '{}') as scopes
                     from scoring_model m left join active_model a on a.model_id = m.model_id and a.version = m.version
                     group by m.model_id, m.version order by m.registered_at desc, m.model_id, m.version""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ObjectNode m = out.addObject();
                m.put("id", r.getString(1));
                m.put("version", r.getString(2));
                m.put("dataset", r.getString(3));
                m.put("fingerprint", "sha256:" + r.getString(4));
                m.put("dataSha256", r.getString(5));
                m.put("trainerProvenance", r.getString(6));
                m.put("registeredBy", r.getString(7));
                m.put("registeredAt", r.getTimestamp(8).toInstant().toString());
                ArrayNode active = m.putArray("activeFor");
                for (String scope : (String[]) r.getArray(9).getArray()) {
                    active.add(scope.startsWith(LENDER_SCOPE) ? scope.substring(LENDER_SCOPE.length()) : scope);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the model registry is unavailable", e);
        }
        return out;
    }

    /**
     * Makes {@code ref} the active model of {@code lender} (a client id), or the default when absent; recorded in
     * {@code model_activation}. The model is loaded again first: a version whose stored files no longer match their
     * fingerprint is never activated.
     */
    public void activate(ModelRef ref, Optional<String> lender, String actor) {
        get(ref);
        String scope = lender.map(l -> LENDER_SCOPE + l).orElse(DEFAULT_SCOPE);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement upsert = c.prepareStatement("""
                         insert into active_model (scope, model_id, version, activated_by) values (?, ?, ?, ?)
                         on conflict (scope) do update set model_id = excluded.model_id, version = excluded.version,
                             activated_by = excluded.activated_by, activated_at = now()""");
                 PreparedStatement audit = c.prepareStatement(
                         "insert into model_activation (scope, model_id, version, activated_by) values (?, ?, ?, ?)")) {
                for (PreparedStatement s : new PreparedStatement[] {upsert, audit}) {
                    s.setString(1, scope);
                    s.setString(2, ref.id());
                    s.setString(3, ref.version());
                    s.setString(4, actor);
                    s.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the model registry is unavailable", e);
        }
    }

    /** The activation log, newest first. */
    public ArrayNode activations() {
        ArrayNode out = Json.mapper().createArrayNode();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select scope, model_id, version, activated_by, activated_at from model_activation order by id desc limit 1000");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ObjectNode a = out.addObject();
                String scope = r.getString(1);
                a.put("scope", scope.startsWith(LENDER_SCOPE) ? "lender" : scope);
                if (scope.startsWith(LENDER_SCOPE)) {
                    a.put("lender", scope.substring(LENDER_SCOPE.length()));
                }
                a.put("id", r.getString(2));
                a.put("version", r.getString(3));
                a.put("activatedBy", r.getString(4));
                a.put("activatedAt", r.getTimestamp(5).toInstant().toString());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the model registry is unavailable", e);
        }
        return out;
    }

    /** The model {@code lender} scores with: its own activation, else the default. */
    public LoadedModel active(String lender) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select model_id, version from active_model where scope in (?, ?) order by scope = ? desc limit 1")) {
            s.setString(1, LENDER_SCOPE + lender);
            s.setString(2, DEFAULT_SCOPE);
            s.setString(3, LENDER_SCOPE + lender);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new ProblemException(ScoringProblem.NO_ACTIVE_MODEL, "no model is active for this lender and there is no default");
                }
                return get(new ModelRef(r.getString(1), r.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the model registry is unavailable", e);
        }
    }

    /** A registered version, loaded (and its fingerprint verified) on first use. */
    public LoadedModel get(ModelRef ref) {
        LoadedModel cached = cache.get(ref);
        if (cached != null) {
            return cached;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select dataset, scorecard_json, provenance_json, tribuo_model from scoring_model where model_id = ? and version = ?")) {
            s.setString(1, ref.id());
            s.setString(2, ref.version());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new ProblemException(ScoringProblem.MODEL_NOT_FOUND, "no model " + ref + " is registered");
                }
                LoadedModel model = load(ref, r.getString(1), new ModelFiles(r.getBytes(2), r.getBytes(3), r.getBytes(4)));
                cache.put(ref, model);
                return model;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the model registry is unavailable", e);
        }
    }

    private LoadedModel load(ModelRef ref, String dataset, ModelFiles files) {
        try {
            // The score credential carries the model's id and version: refuse what its schema would refuse.
            new CreditScoreIssuer(keys.issuer(), CreditScoreIssuer.Settings.of(ref.id(), ref.version()), Clock.systemUTC());
        } catch (ScoreCredentialException e) {
            throw new ProblemException(ScoringProblem.INVALID_MODEL, e.getMessage());
        }
        ModelStore.Loaded loaded;
        try {
            loaded = files.load();
        } catch (ScorecardException e) {
            if (e.code() == ScorecardError.FINGERPRINT_MISMATCH) {
                throw new ProblemException(ScoringProblem.MODEL_FINGERPRINT_MISMATCH,
                        "model " + ref + ": its files do not match the fingerprint in them");
            }
            throw new ProblemException(ScoringProblem.INVALID_MODEL, "model " + ref + ": " + e.getMessage());
        }
        try {
            ClaimRequirements requirements = ClaimRequirements.derive(loaded.scorecard(), mapping, dataset);
            return new LoadedModel(ref, dataset, loaded.scorecard(), requirements, new ClaimsToFeatures(requirements),
                    Dcql.query(requirements));
        } catch (ScoringInputException e) {
            ObjectNode ext = Json.mapper().createObjectNode();
            ext.put("code", e.code().code());
            e.claim().ifPresent(claim -> ext.put("attribute", claim));
            throw new ProblemException(ScoringProblem.INVALID_MODEL, e.getMessage(), ext, null);
        }
    }

    private static ObjectNode provenance(ModelFiles files) {
        try {
            return Json.parseObject(files.provenance());
        } catch (CreditMeshException e) {
            throw new ProblemException(ScoringProblem.INVALID_MODEL, ModelStore.PROVENANCE + " is not a JSON object");
        }
    }
}
