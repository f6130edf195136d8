package org.creditmesh.identity.server.w3c;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.creditmesh.identity.server.EmbeddedPostgresResource;

/**
 * The service as docs/w3c-test-suites.md configures it for the W3C suites: trust not enforced (their issuers are
 * accredited nowhere), presentations verified as VCDM 2.0 allows, and status list URLs on its own HTTPS port, which
 * is fixed here because the URLs are written into issued credentials before the port is known otherwise.
 */
public final class OpenVerifierProfile implements QuarkusTestProfile {

    static final int HTTPS_PORT = 28744;
    /**
     * Fixed as well: with one port fixed and the other random, the two servers' HTTP metrics get different tag keys,
     * Micrometer refuses the second and the server never finishes starting.
     */
    static final int HTTP_PORT = 28743;
    static final String BASE = "https://localhost:" + HTTPS_PORT;

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EmbeddedPostgresResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "creditmesh.trust.enforce", "false",
                "creditmesh.verify.holder-must-be-subject", "false",
                "quarkus.http.test-port", Integer.toString(HTTP_PORT),
                "quarkus.http.test-ssl-port", Integer.toString(HTTPS_PORT),
                "creditmesh.public-url", BASE);
    }
}
