package org.creditmesh.identity.server.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.creditmesh.identity.server.organisation.Organisation;
import org.creditmesh.identity.server.organisation.Organisations;

/**
 * Disabling an organisation takes effect at once, not when its last token expires: every authenticated request
 * checks that the caller's organisation is not disabled (one primary-key lookup). Callers not registered here are
 * left alone (their tokens' signatures were checked already).
 */
@ApplicationScoped
public class DisabledOrganisations implements SecurityIdentityAugmentor {

    @Inject
    Organisations organisations;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            if (organisations.find(identity.getPrincipal().getName()).map(Organisation::disabled).orElse(false)) {
                throw new AuthenticationFailedException("the organisation is disabled");
            }
            return identity;
        });
    }
}
