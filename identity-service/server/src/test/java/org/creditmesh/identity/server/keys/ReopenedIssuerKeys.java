package org.creditmesh.identity.server.keys;

import org.eclipse.microprofile.config.Config;

/** A second {@link IssuerKeys} opened on the running service's keystore, as the service would open it after a restart. */
public final class ReopenedIssuerKeys {

    private ReopenedIssuerKeys() {
    }

    public static IssuerKeys open(Config config) {
        IssuerKeys keys = new IssuerKeys();
        keys.dataDir = config.getValue("creditmesh.data-dir", String.class);
        keys.keystorePassword = config.getValue("creditmesh.keystore.password", String.class);
        keys.issuerDid = config.getOptionalValue("creditmesh.issuer.did", String.class);
        keys.governanceDid = config.getOptionalValue("creditmesh.governance.did", String.class);
        keys.open();
        return keys;
    }
}
