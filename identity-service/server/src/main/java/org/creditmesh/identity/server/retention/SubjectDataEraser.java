package org.creditmesh.identity.server.retention;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A part of the service that stores personal data tied to issued credentials (stored responses, pending offers,
 * presentation results...). {@code DELETE /subjects/{id}} calls every such bean, in its transaction, with the ids of
 * the subject's credentials; a new table holding such data adds a bean rather than changing the erasure.
 */
public interface SubjectDataEraser {

    /** Erases what this part holds for {@code credentialIds}; what it erased, by a stable name, as counts (may be 0). */
    Map<String, Integer> erase(Connection c, List<String> credentialIds) throws SQLException;
}
