package org.creditmesh.identity.server.oauth;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The token service's settings: its issuer identifier ({@code creditmesh.oauth.issuer}, default the public URL),
 * the audiences its tokens may name ({@code creditmesh.oauth.audiences}; the first is this service, others e.g. the
 * scoring service) and the token lifetime ({@code creditmesh.oauth.token-lifetime}, default 5 minutes).
 */
@ApplicationScoped
public class OAuthConfig {

    @ConfigProperty(name = "creditmesh.oauth.issuer")
    String issuer;

    @ConfigProperty(name = "creditmesh.oauth.audiences")
    List<String> audiences;

    @ConfigProperty(name = "creditmesh.oauth.token-lifetime", defaultValue = "PT5M")
    Duration lifetime;

    public String issuer() {
        return issuer;
    }

    /** This service's own audience: the first configured. */
    public String ownAudience() {
        return audiences.get(0);
    }

    public List<String> audiences() {
        return List.copyOf(audiences);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** An endpoint URL under the issuer identifier. */
    public String url(String path) {
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer) + path;
    }
}
