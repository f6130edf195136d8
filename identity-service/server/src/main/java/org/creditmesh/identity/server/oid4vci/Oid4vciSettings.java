package org.creditmesh.identity.server.oid4vci;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The {@code creditmesh.oid4vci.*} settings, and the credential issuer identifier (the service's public URL). */
@ApplicationScoped
@Startup
public class Oid4vciSettings {

    private static final Logger LOG = Logger.getLogger(Oid4vciSettings.class);

    @ConfigProperty(name = "creditmesh.public-url")
    String publicUrl;

    /** How long a credential offer (and its pre-authorized code) can be redeemed. */
    @ConfigProperty(name = "creditmesh.oid4vci.offer-ttl", defaultValue = "PT30M")
    Duration offerTtl;

    @ConfigProperty(name = "creditmesh.oid4vci.access-token-ttl", defaultValue = "PT5M")
    Duration accessTokenTtl;

    @ConfigProperty(name = "creditmesh.oid4vci.nonce-ttl", defaultValue = "PT5M")
    Duration nonceTtl;

    /** Oldest acceptable key proof {@code iat}; and how far in the future it may be (clock skew). */
    @ConfigProperty(name = "creditmesh.oid4vci.proof-max-age", defaultValue = "PT5M")
    Duration proofMaxAge;

    @ConfigProperty(name = "creditmesh.oid4vci.proof-max-skew", defaultValue = "PT1M")
    Duration proofMaxSkew;

    /** Wrong tx_code attempts after which the pre-authorized code is invalidated (section 13.6.3). */
    @ConfigProperty(name = "creditmesh.oid4vci.tx-code-max-failures", defaultValue = "3")
    int txCodeMaxFailures;

    @PostConstruct
    void check() {
        if (!issuer().startsWith("https://")) {
            LOG.warnf("creditmesh.public-url is %s: OpenID4VCI requires an https credential issuer identifier; "
                    + "wallets will refuse this issuer", issuer());
        }
    }

    /** The credential issuer identifier (section 12.2.1): the public URL without a trailing slash. */
    public String issuer() {
        return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The authorization server identifier of the token endpoint: its own path, see {@link WellKnownResource}. */
    String authorizationServer() {
        return issuer() + Oid4vciSpecs.BASE;
    }

    Duration offerTtl() {
        return offerTtl;
    }

    Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    Duration nonceTtl() {
        return nonceTtl;
    }

    Duration proofMaxAge() {
        return proofMaxAge;
    }

    Duration proofMaxSkew() {
        return proofMaxSkew;
    }

    int txCodeMaxFailures() {
        return txCodeMaxFailures;
    }
}
