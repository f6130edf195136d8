package org.creditmesh.scoring.server.scoring;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.scoring.server.registry.ModelRef;

/**
 * The {@code score} table: what the service keeps of a scoring — the presentation's SHA-256, the model version, the
 * score and band, the lender's client id and the time. Never a claim value or anything of the loan application: the
 * hash lets a borrower or auditor match a presentation they hold to its score, and nothing can be read back from it.
 */
@ApplicationScoped
public class ScoreStore {

    @Inject
    AgroalDataSource dataSource;

    /** One stored scoring. */
    public record StoredScore(String presentationSha256, ModelRef model, double score, String band, String lender, Instant scoredAt) {
    }

    public void record(StoredScore score) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     insert into score (presentation_sha256, model_id, version, score, band, lender_client_id, scored_at)
                     values (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, score.presentationSha256());
            s.setString(2, score.model().id());
            s.setString(3, score.model().version());
            s.setDouble(4, score.score());
            s.setString(5, score.band());
            s.setString(6, score.lender());
            s.setTimestamp(7, java.sql.Timestamp.from(score.scoredAt()));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the score store is unavailable", e);
        }
    }

    /**
     * Uses {@code nonce} up for {@code lender}: the first scoring with it goes on, any later one is refused (a replayed
     * presentation, or a lender reusing a challenge). Kept as a SHA-256 only.
     */
    public void useNonce(String lender, String nonce) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "insert into used_nonce (lender_client_id, nonce_sha256) values (?, ?) on conflict do nothing")) {
            s.setString(1, lender);
            s.setString(2, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(nonce.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            if (s.executeUpdate() == 0) {
                throw new org.creditmesh.service.problem.ProblemException(
                        org.creditmesh.scoring.server.problem.ScoringProblem.NONCE_REUSED,
                        "a presentation bound to this nonce was already scored for this lender; ask the wallet with a fresh nonce");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the score store is unavailable", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every JDK", e);
        }
    }

    /** The scores of the most recent {@code limit} scorings with {@code model}, newest first. */
    public double[] recent(ModelRef model, int limit) {
        List<Double> scores = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select score from score where model_id = ? and version = ? order by scored_at desc, id desc limit ?")) {
            s.setString(1, model.id());
            s.setString(2, model.version());
            s.setInt(3, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    scores.add(r.getDouble(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the score store is unavailable", e);
        }
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
