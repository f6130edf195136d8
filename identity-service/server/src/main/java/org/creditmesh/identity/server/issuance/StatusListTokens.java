package org.creditmesh.identity.server.issuance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.status.BitstringStatusList;
import org.creditmesh.core.status.StatusSpecs;
import org.creditmesh.core.status.token.StatusReference;
import org.creditmesh.core.status.token.TokenStatusList;
import org.creditmesh.core.status.token.TokenStatusSpecs;
import org.creditmesh.identity.server.keys.IssuerKeys;

/**
 * Token Status Lists (draft-ietf-oauth-status-list-20) for SD-JWT VCs, made from the Bitstring Status Lists the
 * service already keeps, so that one slot and one {@code POST /credentials/status} serve every format. An SD-JWT VC
 * references the revocation list's URL and its slot index; the token served there (with
 * {@code Accept: application/statuslist+jwt}) has 2-bit statuses: 0x01 INVALID where the revocation list has the bit
 * set, else 0x02 SUSPENDED where the suspension list of the pair has it, else 0x00 VALID (section 7.1).
 */
@ApplicationScoped
public class StatusListTokens {

    /** Media type of a Status List Token in JWT format (section 5.1). */
    public static final String MEDIA_TYPE = "application/statuslist+jwt";
    private static final int BITS = 2;

    @Inject
    StatusLists statusLists;

    @Inject
    IssuerKeys keys;

    /** The {@code status.status_list} reference an SD-JWT VC in {@code slot} carries. */
    static StatusReference reference(StatusLists.Slot slot) {
        return new StatusReference(slot.index(), slot.revocationUrl());
    }

    /** The signed Status List Token of list {@code listId} (and its pair), if the list exists. */
    public Optional<String> token(Connection c, String listId) throws SQLException, CreditMeshException {
        int dash = listId.lastIndexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String number = listId.substring(dash + 1);
        Optional<StatusLists.StoredList> own = statusLists.find(c, "id", listId);
        Optional<StatusLists.StoredList> revocation = statusLists.find(c, "id", StatusLists.REVOCATION + "-" + number);
        Optional<StatusLists.StoredList> suspension = statusLists.find(c, "id", StatusLists.SUSPENSION + "-" + number);
        if (own.isEmpty() || revocation.isEmpty() || suspension.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode ownList = Json.parseObject(own.get().credential());
        BitstringStatusList revoked = bits(revocation.get());
        BitstringStatusList suspended = bits(suspension.get());
        long entries = revoked.sizeInBits();
        byte[] packed = new byte[(int) ((entries * BITS + 7) / 8)];
        byte[] rev = revoked.bytes();
        byte[] sus = suspended.bytes();
        for (int i = 0; i < rev.length; i++) {
            if (rev[i] == 0 && (i >= sus.length || sus[i] == 0)) {
                continue; // nothing set in these 8 entries: the packed bytes stay VALID
            }
            for (long index = (long) i * 8; index < (long) i * 8 + 8; index++) {
                int value = revoked.get(index) ? TokenStatusSpecs.INVALID
                        : suspended.get(index) ? TokenStatusSpecs.SUSPENDED : 0;
                long bit = index * BITS;
                packed[(int) (bit >>> 3)] |= (byte) (value << (bit & 7));
            }
        }
        String uri = ownList.path("id").asText();
        return Optional.of(keys.statusListTokenIssuer().issue(uri, TokenStatusList.of(BITS, packed)).compact());
    }

    private static BitstringStatusList bits(StatusLists.StoredList list) throws CreditMeshException {
        ObjectNode credential = Json.parseObject(list.credential());
        return BitstringStatusList.decode(credential.path("credentialSubject").path(StatusSpecs.ENCODED_LIST).asText());
    }
}
