package org.creditmesh.identity.server.trust;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.creditmesh.identity.server.keys.IssuerKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * In development and tests, accredits the service's own issuer on first start (when it holds no accreditation yet),
 * so that {@code POST /credentials/issue} works out of the box. Off in production: there a governance admin accredits
 * each issuer through {@code POST /trust/accreditations}.
 */
@ApplicationScoped
public class TrustBootstrap {

    private static final Logger LOG = Logger.getLogger(TrustBootstrap.class);
    static final String ACTOR = "system:bootstrap";

    @Inject
    TrustRegistry registry;

    @Inject
    IssuerKeys keys;

    @ConfigProperty(name = "creditmesh.trust.bootstrap.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "creditmesh.trust.bootstrap.types",
            defaultValue = "KycCredential,RepaymentHistoryCredential,CreditScoreCredential")
    List<String> types;

    @ConfigProperty(name = "creditmesh.trust.bootstrap.valid-from", defaultValue = "2000-01-01T00:00:00Z")
    Instant validFrom;

    @ConfigProperty(name = "creditmesh.trust.bootstrap.valid-until", defaultValue = "2100-01-01T00:00:00Z")
    Instant validUntil;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        String did = keys.issuer().issuer();
        if (!registry.byDid(did).isEmpty()) {
            return;
        }
        registry.accredit(new AccreditationRequest(did, types, validFrom, validUntil, Optional.of("CreditMesh identity service"),
                List.of(), Optional.empty()), ACTOR);
        LOG.infof("Accredited the service's own issuer %s for %s (creditmesh.trust.bootstrap.enabled)", did, types);
    }
}
