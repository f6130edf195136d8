package org.creditmesh.core.sdjwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.keys.VerificationKey;

/**
 * The holder's side (RFC 9901 section 6): read what an issued SD-JWT contains, choose the claims to present,
 * and bind the presentation to a verifier's nonce with a KB-JWT.
 */
public final class SdJwtHolder {

    private final SdJwt issued;
    private final ObjectNode payload;
    private final DisclosureProcessor.Result full;

    private SdJwtHolder(SdJwt issued) throws SdJwtException {
        this.issued = issued;
        SdJwt.Signature first = issued.signatures().getFirst();
        this.payload = Jws.of(first.protectedHeader(), issued.payload(), first.signature(), SdJwtError.MALFORMED_SD_JWT).payload();
        this.full = DisclosureProcessor.process(payload, issued.disclosures());
    }

    /** Reads an issued SD-JWT; its disclosures must all be consistent with its payload. */
    public static SdJwtHolder of(SdJwt issued) throws SdJwtException {
        return new SdJwtHolder(issued);
    }

    public static SdJwtHolder parse(String issued) throws SdJwtException {
        return new SdJwtHolder(SdJwt.parse(issued));
    }

    public SdJwt issued() {
        return issued;
    }

    /** All claims, every disclosure applied: what the holder could present at most. */
    public ObjectNode claims() {
        return full.claims().deepCopy();
    }

    /** The paths of the selectively disclosable claims. */
    public List<ClaimPath> disclosablePaths() {
        return full.placements().stream().map(DisclosureProcessor.Placement::path).toList();
    }

    /**
     * The SD-JWT with just the disclosures needed for {@code paths}: the disclosure of each named claim (if it
     * is selectively disclosable) and those of all its enclosing disclosable objects and arrays, without which
     * a verifier could not reach it. Claims not selectively disclosable are always visible and need nothing.
     * A path the SD-JWT does not contain is refused rather than silently left out.
     */
    public SdJwt present(Collection<ClaimPath> paths) throws SdJwtException {
        Map<ClaimPath, Disclosure> byPath = new HashMap<>();
        full.placements().forEach(p -> byPath.put(p.path(), p.disclosure()));
        Set<Disclosure> selected = new LinkedHashSet<>();
        for (ClaimPath path : paths) {
            if (!exists(full.claims(), path)) {
                throw new SdJwtException(SdJwtError.UNKNOWN_CLAIM_PATH, "the SD-JWT has no claim at " + path);
            }
            for (int length = 1; length <= path.size(); length++) {
                Disclosure d = byPath.get(path.prefix(length));
                if (d != null) {
                    selected.add(d);
                }
            }
        }
        List<Disclosure> ordered = new ArrayList<>();
        for (Disclosure d : issued.disclosures()) {
            if (selected.contains(d)) {
                ordered.add(d);
            }
        }
        return issued.withDisclosures(ordered);
    }

    /** {@link #present(Collection)} plus a KB-JWT for the verifier's {@code aud} and {@code nonce}. */
    public SdJwt present(Collection<ClaimPath> paths, SigningKey holderKey, String audience, String nonce, Instant iat)
            throws SdJwtException {
        VerificationKey bound = KeyBinding.confirmationKey(payload);
        if (!bound.equals(holderKey.publicKey())) {
            throw new SdJwtException(SdJwtError.KEY_BINDING_INVALID, "the key is not the one the SD-JWT is bound to");
        }
        SdJwt presentation = present(paths);
        return presentation.withKeyBinding(KeyBinding.create(presentation, holderKey, audience, nonce, iat));
    }

    private static boolean exists(JsonNode node, ClaimPath path) {
        JsonNode current = node;
        for (Object step : path.elements()) {
            if (step instanceof String name && current.isObject() && current.has(name)) {
                current = current.get(name);
            } else if (step instanceof Integer index && current.isArray() && index < current.size()) {
                current = current.get(index);
            } else {
                return false;
            }
        }
        return !path.isRoot();
    }
}
