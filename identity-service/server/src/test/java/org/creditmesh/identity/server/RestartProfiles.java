package org.creditmesh.identity.server;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Two profiles on the same persistent database: switching between them makes Quarkus restart the service.
 * Quarkus groups test classes by profile and resources, then orders them by class name: hence
 * RestartPhase1IssueTest before RestartPhase2VerifyTest.
 */
final class RestartProfiles {

    private RestartProfiles() {
    }

    /** The service before the restart. */
    public static final class Phase1BeforeRestart implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PersistentPostgresResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditmesh.test.phase", "before-restart");
        }
    }

    /** The same service (same database, same keystore) after the restart. */
    public static final class Phase2AfterRestart implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PersistentPostgresResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("creditmesh.test.phase", "after-restart");
        }
    }
}
