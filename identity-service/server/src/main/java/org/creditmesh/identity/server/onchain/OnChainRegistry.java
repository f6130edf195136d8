package org.creditmesh.identity.server.onchain;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditmesh.anchor.mirror.ChangeOutbox;
import org.creditmesh.anchor.mirror.ChangeStatus;
import org.creditmesh.anchor.mirror.MirrorConfig;
import org.creditmesh.anchor.mirror.RegistryChange;
import org.creditmesh.anchor.mirror.RegistryMirror;
import org.creditmesh.anchor.outbox.OutboxDatabase;
import org.creditmesh.anchor.outbox.OutboxException;
import org.creditmesh.anchor.trust.RegistryTrust;
import org.creditmesh.core.trust.TrustPolicy;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The on-chain IssuerRegistry as this service sees it (keys {@code creditmesh.registry.*}, see {@link MirrorConfig}):
 * <ul>
 *   <li>with {@code rpc-url}, {@code chain-id}, {@code address} and {@code signer-key} (a governance admin's key) the
 *       trust registry's accreditations are mirrored there: each change is queued in the accreditation's own
 *       transaction and a background worker proposes it (the proposer's approval counts) and follows it until the
 *       other admins' approvals execute it, retrying while the chain is down;</li>
 *   <li>with {@code creditmesh.trust.source=chain} (and the first three keys) the verifier trusts issuers by the
 *       registry on chain instead of this service's database, as a lender running its own identity service would.</li>
 * </ul>
 * Both off unless configured. Only DID hashes, type hashes, a key address and times go on chain.
 */
@ApplicationScoped
public class OnChainRegistry {

    private static final Logger LOG = Logger.getLogger(OnChainRegistry.class);

    /** Where the verifier's issuer trust comes from. */
    public static final String SOURCE = "creditmesh.trust.source";

    /** The keys {@link MirrorConfig#fromProperties} reads, looked up by name so that environment variables count. */
    private static final List<String> KEYS = List.of("rpc-url", "chain-id", "address", "signer-key", "fee-mode", "gas-price",
            "priority-fee", "confirmations", "poll-interval", "max-backoff", "scan-window");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Config config;

    private volatile RegistryMirror mirror;
    private volatile RegistryTrust chainTrust;

    /** Before the trust bootstrap (default priority), so that its accreditation is queued like any other. */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
        Map<String, String> p = new HashMap<>();
        for (String key : KEYS) {
            String name = MirrorConfig.PREFIX + key;
            config.getOptionalValue(name, String.class).filter(v -> !v.isBlank()).ifPresent(v -> p.put(name, v));
        }
        String source = config.getOptionalValue(SOURCE, String.class).orElse("registry");
        boolean located = p.containsKey(MirrorConfig.PREFIX + "rpc-url") && p.containsKey(MirrorConfig.PREFIX + "chain-id")
                && p.containsKey(MirrorConfig.PREFIX + "address");
        switch (source) {
            case "registry" -> { }
            case "chain" -> {
                if (!located) {
                    throw new IllegalStateException(SOURCE + "=chain needs " + MirrorConfig.PREFIX + "rpc-url, chain-id and address");
                }
                chainTrust = new RegistryTrust(URI.create(p.get(MirrorConfig.PREFIX + "rpc-url")),
                        Long.parseLong(p.get(MirrorConfig.PREFIX + "chain-id")), p.get(MirrorConfig.PREFIX + "address"));
                LOG.infof("Issuer trust is read from the on-chain IssuerRegistry %s", p.get(MirrorConfig.PREFIX + "address"));
            }
            default -> throw new IllegalStateException(SOURCE + " is 'registry' (this service's database) or 'chain', not " + source);
        }
        if (!p.containsKey(MirrorConfig.PREFIX + "signer-key")) {
            LOG.info("Accreditations are not mirrored on chain (creditmesh.registry.signer-key is not set)");
            return;
        }
        if (!located) {
            throw new IllegalStateException("creditmesh.registry.signer-key needs " + MirrorConfig.PREFIX + "rpc-url, chain-id and address");
        }
        MirrorConfig mirrorConfig = MirrorConfig.fromProperties(p);
        try {
            // The change queue's table comes with the anchoring outbox's migrations (ledger-anchor db/anchor).
            OutboxDatabase.of(dataSource);
        } catch (OutboxException e) {
            throw new IllegalStateException("the registry change queue cannot be opened: [" + e.code().code() + "] " + e.getMessage(), e);
        }
        mirror = RegistryMirror.create(dataSource, mirrorConfig);
        mirror.start();
        LOG.infof("Mirroring accreditations to %s", mirrorConfig);
    }

    void stop(@Observes ShutdownEvent event) {
        RegistryMirror running = mirror;
        if (running != null) {
            running.stop();
        }
        RegistryTrust trust = chainTrust;
        if (trust != null) {
            trust.close();
        }
    }

    /** Whether accreditations are mirrored on chain. */
    public boolean mirrors() {
        return mirror != null;
    }

    /** The on-chain registry as a trust policy, when it is the verifier's trust source. */
    public Optional<TrustPolicy> chainTrust() {
        return Optional.ofNullable(chainTrust);
    }

    /** Queues a change in {@code c}'s transaction; a no-op when mirroring is off. */
    public void queue(Connection c, RegistryChange change) throws SQLException {
        if (mirrors()) {
            ChangeOutbox.submitIn(c, change);
        }
    }

    /** Wakes the worker once a queued change has committed. */
    public void nudge() {
        RegistryMirror running = mirror;
        if (running != null) {
            running.nudge();
        }
    }

    /** The newest change queued under {@code ref}; empty when mirroring is off or nothing was queued. */
    public Optional<ChangeStatus> status(Connection c, String ref) throws SQLException {
        return mirrors() ? ChangeOutbox.latest(c, ref) : Optional.empty();
    }
}
