package org.creditmesh.scoring.server.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.creditmesh.scoring.claims.ClaimRequirements;
import org.creditmesh.scoring.claims.ClaimsToFeatures;
import org.creditmesh.scoring.scorecard.Scorecard;

/**
 * A registered model ready to score: its scorecard (fingerprint verified on load), the claims it needs through the
 * mapping table of its data set, the mapper from claims to attributes, and the DCQL query a wallet answers.
 */
public record LoadedModel(ModelRef ref, String dataset, Scorecard scorecard, ClaimRequirements requirements,
                          ClaimsToFeatures features, ObjectNode dcql) {

    public LoadedModel {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(scorecard, "scorecard");
        Objects.requireNonNull(requirements, "requirements");
        Objects.requireNonNull(features, "features");
        dcql = dcql.deepCopy();
    }

    @Override
    public ObjectNode dcql() {
        return dcql.deepCopy();
    }
}
