package org.creditmesh.identity.server.oid4vci;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.creditmesh.identity.server.keys.IssuerKeys;

/**
 * {@code c_nonce} values (OpenID4VCI 1.0 section 7): unpredictable, expiring, and single-use — a key proof's nonce
 * is consumed by the credential request that carries it, so a replayed proof fails with {@code invalid_nonce}.
 * Only their hashes are stored.
 */
@ApplicationScoped
public class NonceService {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IssuerKeys keys;

    @Inject
    Oid4vciSettings settings;

    private OfferSecrets secrets;

    @PostConstruct
    void init() {
        secrets = new OfferSecrets(keys.secret());
    }

    /** A fresh c_nonce. */
    public String issue() {
        String nonce = secrets.randomToken();
        try (Connection c = dataSource.getConnection();
             PreparedStatement purge = c.prepareStatement("DELETE FROM oid4vci_nonce WHERE expires_at < now()");
             PreparedStatement insert = c.prepareStatement("INSERT INTO oid4vci_nonce (nonce_hash, expires_at) VALUES (?, ?)")) {
            purge.executeUpdate();
            insert.setString(1, OfferSecrets.sha256Hex(nonce));
            insert.setTimestamp(2, Timestamp.from(Instant.now().plus(settings.nonceTtl())));
            insert.executeUpdate();
            return nonce;
        } catch (SQLException e) {
            throw new IllegalStateException("database failure while issuing a c_nonce", e);
        }
    }

    /** Consumes {@code nonce} in the caller's transaction; false when it is unknown, used or expired. */
    boolean consume(Connection c, String nonce) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM oid4vci_nonce WHERE nonce_hash = ? AND expires_at > now()")) {
            delete.setString(1, OfferSecrets.sha256Hex(nonce));
            return delete.executeUpdate() == 1;
        }
    }
}
