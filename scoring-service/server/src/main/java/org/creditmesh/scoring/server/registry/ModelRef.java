package org.creditmesh.scoring.server.registry;

import java.util.Objects;

/** A registered model version: the model's id and its semantic version. */
public record ModelRef(String id, String version) {

    public ModelRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
    }

    @Override
    public String toString() {
        return id + "@" + version;
    }
}
