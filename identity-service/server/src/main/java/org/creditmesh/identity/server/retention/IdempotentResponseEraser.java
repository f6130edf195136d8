package org.creditmesh.identity.server.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Stored idempotent responses hold the whole issued credential (encrypted under a key derived from the request, but
 * still the subject's data): erasure drops the response and keeps the row (key, keyed request hash, credential id),
 * so a retry of that request is answered "erased" and never issues a second credential.
 */
@ApplicationScoped
public class IdempotentResponseEraser implements SubjectDataEraser {

    @Override
    public Map<String, Integer> erase(Connection c, List<String> credentialIds) throws SQLException {
        try (PreparedStatement u = c.prepareStatement(
                "UPDATE idempotency SET response = NULL WHERE credential_id = ANY (?) AND response IS NOT NULL")) {
            u.setArray(1, c.createArrayOf("text", credentialIds.toArray()));
            return Map.of("idempotentResponses", u.executeUpdate());
        }
    }
}
