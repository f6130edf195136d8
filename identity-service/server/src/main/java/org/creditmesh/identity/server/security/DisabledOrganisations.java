package org.creditmesh.identity.server.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.creditmesh.identity.server.organisation.Organisations;

/**
 * Disabling an organisation takes effect at once, not when its last token expires: every authenticated request
 * checks that the caller's organisation is not disabled. Callers not registered here are
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
        // From memory (OrganisationSnapshot): no database round trip per request; a disabling on this instance is seen
        // at once, one on another replica within creditmesh.cache.refresh-interval.
        return context.runBlocking(() -> {
            if (organisations.isDisabled(identity.getPrincipal().getName())) {
                throw new AuthenticationFailedException("the organisation is disabled");
            }
            return identity;
        });
    }
}
