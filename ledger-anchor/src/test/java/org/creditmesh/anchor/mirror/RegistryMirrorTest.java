package org.creditmesh.anchor.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.creditmesh.anchor.chain.AnchorError;
import org.creditmesh.anchor.chain.AnchorException;
import org.creditmesh.anchor.chain.ChainClient;
import org.creditmesh.anchor.chain.ChainSettings;
import org.creditmesh.anchor.chain.GovernanceAction;
import org.creditmesh.anchor.chain.IssuerRegistryClient;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.node.AnvilNode;
import org.creditmesh.anchor.outbox.AnchorRef;
import org.creditmesh.anchor.outbox.OutboxDatabase;
import org.creditmesh.anchor.testing.TestChain;
import org.creditmesh.anchor.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;

/**
 * The registry mirror on a real anvil executing our IssuerRegistry and a real embedded PostgreSQL queue: M-of-N with
 * the mirror as one admin, another admin's identical proposal approved rather than duplicated, changes of one DID in
 * order, a refusal marked failed, an unreachable chain leaving changes queued.
 */
class RegistryMirrorTest {

    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2030-01-01T00:00:00Z");
    private static final Hash32 KYC = IssuerRegistryClient.credentialTypeHash("KycCredential");

    private static AnvilNode node;
    private static ChainClient admin0;
    private static ChainClient admin1;

    @BeforeAll
    static void start() throws Exception {
        node = TestChain.start(31337);
        admin0 = TestChain.client(node, 0);
        admin1 = TestChain.client(node, 1);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {admin0, admin1, node}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // best effort
            }
        }
    }

    private static MirrorConfig config(URI rpc, String registry, Credentials signer) {
        return new MirrorConfig(rpc, ChainSettings.anvil(node.chainId()), signer, registry, Duration.ofMillis(100),
                Duration.ofSeconds(1), 64);
    }

    private static RegistryChange accredit(String did, String ref) throws AnchorException {
        Hash32 didHash = IssuerRegistryClient.didHash(did);
        return new RegistryChange(new AnchorRef(ref), didHash,
                GovernanceAction.accredit(didHash, "0x00000000000000000000000000000000000000aa", List.of(KYC), FROM, UNTIL),
                Instant.EPOCH);
    }

    private static RegistryChange suspend(String did, String ref) {
        Hash32 didHash = IssuerRegistryClient.didHash(did);
        return new RegistryChange(new AnchorRef(ref), didHash, GovernanceAction.suspend(didHash), Instant.EPOCH);
    }

    private static void queue(OutboxDatabase db, RegistryChange... changes) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            for (RegistryChange change : changes) {
                ChangeOutbox.submitIn(c, change);
            }
        }
    }

    private static ChangeStatus latest(OutboxDatabase db, String ref) throws Exception {
        try (Connection c = db.dataSource().getConnection()) {
            return ChangeOutbox.latest(c, ref).orElseThrow();
        }
    }

    @Test
    void twoOfThreeTheMirrorProposesInOrderAndASecondAdminsApprovalExecutes() throws Exception {
        IssuerRegistryClient registry = IssuerRegistryClient.deploy(admin0,
                List.of(admin0.address(), admin1.address(), node.account(2).getAddress()), 2);
        String bureau = "did:web:bureau-one.example";
        Hash32 didHash = IssuerRegistryClient.didHash(bureau);
        try (OutboxDatabase db = TestDatabases.fresh();
             RegistryMirror mirror = RegistryMirror.create(db.dataSource(), config(node.rpcUrl(), registry.address(), node.account(0)))) {
            queue(db, accredit(bureau, "accreditation:1"), suspend(bureau, "accreditation:1-suspend"));

            MirrorTick first = mirror.tick();
            assertThat(first.proposed()).as("the accreditation only: the suspension waits for it").isEqualTo(1);
            ChangeStatus proposed = latest(db, "accreditation:1");
            assertThat(proposed.state()).isEqualTo(ChangeState.PROPOSED);
            assertThat(latest(db, "accreditation:1-suspend").state()).isEqualTo(ChangeState.PENDING);
            assertThat(registry.isAccredited(didHash, KYC, Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
            assertThat(mirror.tick().proposed()).as("nothing moves without the second admin").isZero();

            registry.as(admin1).approve(proposed.proposalId().orElseThrow());
            MirrorTick second = mirror.tick();
            assertThat(second.executed()).isEqualTo(1);
            assertThat(latest(db, "accreditation:1").state()).isEqualTo(ChangeState.EXECUTED);
            assertThat(registry.isAccredited(didHash, KYC, Instant.parse("2027-01-01T00:00:00Z"))).isTrue();

            mirror.tick();
            ChangeStatus suspension = latest(db, "accreditation:1-suspend");
            assertThat(suspension.state()).isEqualTo(ChangeState.PROPOSED);
            registry.as(admin1).approve(suspension.proposalId().orElseThrow());
            mirror.tick();
            assertThat(latest(db, "accreditation:1-suspend").state()).isEqualTo(ChangeState.EXECUTED);
            assertThat(registry.isAccredited(didHash, KYC, Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
        }
    }

    @Test
    void anIdenticalProposalOfAnotherAdminIsApprovedNotDuplicated() throws Exception {
        IssuerRegistryClient registry = IssuerRegistryClient.deploy(admin0, List.of(admin0.address(), admin1.address()), 2);
        String bureau = "did:web:bureau-two.example";
        RegistryChange change = accredit(bureau, "accreditation:2");
        long theirs = registry.as(admin1).propose(change.action()).proposalId();
        try (OutboxDatabase db = TestDatabases.fresh();
             RegistryMirror mirror = RegistryMirror.create(db.dataSource(), config(node.rpcUrl(), registry.address(), node.account(0)))) {
            queue(db, change);
            assertThat(mirror.tick().executed()).isEqualTo(1);
            ChangeStatus status = latest(db, "accreditation:2");
            assertThat(status.state()).isEqualTo(ChangeState.EXECUTED);
            assertThat(status.proposalId()).hasValue(theirs);
            assertThat(registry.proposalCount()).as("no second proposal").isEqualTo(theirs + 1);
        }
    }

    @Test
    void aChangeTheRegistryRefusesIsFailedAndLaterChangesOfTheDidGoOn() throws Exception {
        IssuerRegistryClient registry = IssuerRegistryClient.deploy(admin0, List.of(admin0.address()), 1);
        String bureau = "did:web:bureau-three.example";
        try (OutboxDatabase db = TestDatabases.fresh();
             RegistryMirror mirror = RegistryMirror.create(db.dataSource(), config(node.rpcUrl(), registry.address(), node.account(0)))) {
            // Suspending an issuer the registry never accredited reverts (UnknownIssuer).
            queue(db, suspend(bureau, "accreditation:3-suspend"), accredit(bureau, "accreditation:3"));
            assertThat(mirror.tick().failed()).isEqualTo(1);
            ChangeStatus refused = latest(db, "accreditation:3-suspend");
            assertThat(refused.state()).isEqualTo(ChangeState.FAILED);
            assertThat(refused.errorCode()).hasValue("unknown_issuer");
            assertThat(mirror.tick().executed()).as("threshold 1: the proposal executes at once").isEqualTo(1);
            assertThat(registry.isAccredited(IssuerRegistryClient.didHash(bureau), KYC, Instant.parse("2027-01-01T00:00:00Z"))).isTrue();
        }
    }

    @Test
    void aChangeWaitsForItsTimeAndAnUnreachableChainLeavesItQueued() throws Exception {
        IssuerRegistryClient registry = IssuerRegistryClient.deploy(admin0, List.of(admin0.address()), 1);
        String bureau = "did:web:bureau-four.example";
        Hash32 didHash = IssuerRegistryClient.didHash(bureau);
        try (OutboxDatabase db = TestDatabases.fresh()) {
            queue(db, new RegistryChange(new AnchorRef("accreditation:4"), didHash, accredit(bureau, "x").action(),
                    Instant.now().plus(Duration.ofDays(1))));
            try (RegistryMirror mirror = RegistryMirror.create(db.dataSource(), config(node.rpcUrl(), registry.address(), node.account(0)))) {
                MirrorTick tick = mirror.tick();
                assertThat(tick.waiting()).isEqualTo(1);
                assertThat(tick.proposed() + tick.executed()).isZero();
            }
            queue(db, accredit("did:web:bureau-five.example", "accreditation:5"));
            URI closed = URI.create("http://127.0.0.1:" + freePort());
            try (RegistryMirror down = RegistryMirror.create(db.dataSource(), config(closed, registry.address(), node.account(0)))) {
                assertThatThrownBy(down::tick).isInstanceOfSatisfying(AnchorException.class,
                        e -> assertThat(e.error()).isEqualTo(AnchorError.RPC_UNAVAILABLE));
            }
            ChangeStatus queued = latest(db, "accreditation:5");
            assertThat(queued.state()).isEqualTo(ChangeState.PENDING);
            assertThat(queued.errorCode()).hasValue("rpc_unavailable");
            assertThat(latest(db, "accreditation:4").errorCode()).as("not due yet: not attempted").isEmpty();
            try (RegistryMirror up = RegistryMirror.create(db.dataSource(), config(node.rpcUrl(), registry.address(), node.account(0)))) {
                assertThat(up.tick().executed()).isEqualTo(1);
            }
            assertThat(latest(db, "accreditation:5").state()).isEqualTo(ChangeState.EXECUTED);
        }
    }

    @Test
    void aKeyThatIsNotAnAdminIsRefusedAndNothingIsSent() throws Exception {
        IssuerRegistryClient registry = IssuerRegistryClient.deploy(admin0, List.of(admin0.address()), 1);
        try (OutboxDatabase db = TestDatabases.fresh();
             RegistryMirror mirror = RegistryMirror.create(db.dataSource(), config(node.rpcUrl(), registry.address(), node.account(5)))) {
            queue(db, accredit("did:web:bureau-six.example", "accreditation:6"));
            assertThatThrownBy(mirror::tick).isInstanceOfSatisfying(AnchorException.class,
                    e -> assertThat(e.error()).isEqualTo(AnchorError.NOT_ADMIN));
            assertThat(latest(db, "accreditation:6").state()).isEqualTo(ChangeState.PENDING);
            assertThat(registry.proposalCount()).isZero();
        }
    }

    private static int freePort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
