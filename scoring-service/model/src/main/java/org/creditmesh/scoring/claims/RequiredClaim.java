package org.creditmesh.scoring.claims;

import java.util.Objects;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.sdjwt.ClaimPath;

/**
 * A claim a model needs, and the model attribute (data-set column) it feeds.
 *
 * @param attribute the model attribute (column name)
 * @param column    the column's mapping
 * @param claim     the claim's definition
 */
public record RequiredClaim(String attribute, ClaimFeatureMapping.ColumnMapping column, ClaimFeatureMapping.ClaimDefinition claim) {

    public RequiredClaim {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(claim, "claim");
    }

    public String credentialType() {
        return claim.credentialType();
    }

    /** The {@code vct} of the SD-JWT VC that carries the claim. */
    public String vct() {
        return CredentialIssuer.VCT_PREFIX + claim.credentialType();
    }

    /** The claim's path in the SD-JWT VC payload (the path below {@code credentialSubject}). */
    public ClaimPath path() {
        return ClaimPath.of(claim.path().toArray());
    }
}
