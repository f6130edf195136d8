package org.creditmesh.service.auth;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Turns a bearer token into the caller's identity: principal = the organisation's client id, roles = the token's
 * roles. The token is checked by the {@link AccessTokenVerifier} bean (see {@link AccessTokenVerifiers}).
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    /** The attribute holding the verified {@link AccessToken}. */
    public static final String ACCESS_TOKEN = "creditmesh.access-token";

    @Inject
    Instance<AccessTokenVerifier> verifier;

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // Blocking: a remote key set may have to be fetched first.
        return context.runBlocking(() -> {
            try {
                AccessToken token = verifier.get().verify(request.getToken().getToken());
                return QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(token.clientId()))
                        .addRoles(token.roles())
                        .addAttribute(ACCESS_TOKEN, token)
                        .build();
            } catch (InvalidTokenException e) {
                throw new AuthenticationFailedException(e.getMessage());
            }
        });
    }
}
