package org.creditmesh.identity.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The VC-API tests' example credential, for tests in other packages. */
public final class VcApiTestAccess {

    private VcApiTestAccess() {
    }

    public static ObjectNode kyc() {
        return VcApiTest.kyc();
    }
}
