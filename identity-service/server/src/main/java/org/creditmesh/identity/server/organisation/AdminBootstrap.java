package org.creditmesh.identity.server.organisation;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import org.creditmesh.identity.server.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The first admin, as an operator sets up Keycloak's: on start, if {@code creditmesh.bootstrap.admin.client-id} is
 * set and no organisation has that id yet, it is registered as an admin with the secret hash
 * {@code creditmesh.bootstrap.admin.secret-hash} (preferred: the plain secret never reaches the service) or the
 * secret {@code creditmesh.bootstrap.admin.secret} (e.g. from {@code CREDITMESH_BOOTSTRAP_ADMIN_SECRET}; remove it
 * after the first start). There is no default secret. Once it exists, the admin registers everyone else over
 * {@code /admin/organisations} and the bootstrap settings do nothing.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    static final String ACTOR = "bootstrap";

    @Inject
    Organisations organisations;

    @ConfigProperty(name = "creditmesh.bootstrap.admin.client-id")
    Optional<String> clientId;

    @ConfigProperty(name = "creditmesh.bootstrap.admin.secret-hash")
    Optional<String> secretHash;

    @ConfigProperty(name = "creditmesh.bootstrap.admin.secret")
    Optional<String> secret;

    void onStart(@Observes StartupEvent event) {
        if (clientId.isEmpty()) {
            return;
        }
        String hash;
        if (secretHash.isPresent()) {
            hash = secretHash.get();
        } else if (secret.isPresent()) {
            if (secret.get().length() < 16) {
                throw new IllegalStateException("creditmesh.bootstrap.admin.secret must have at least 16 characters");
            }
            hash = organisations.hash(secret.get());
        } else {
            if (organisations.find(clientId.get()).isEmpty()) {
                LOG.warnf("creditmesh.bootstrap.admin.client-id is set but neither .secret-hash nor .secret: no admin was created");
            }
            return;
        }
        if (organisations.registerWithHash(clientId.get(), "Bootstrap administrator", Roles.ADMIN, hash, ACTOR)) {
            LOG.infof("Registered the bootstrap admin %s", clientId.get());
        }
    }
}
