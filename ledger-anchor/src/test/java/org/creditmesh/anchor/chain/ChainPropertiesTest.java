package org.creditmesh.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.creditmesh.anchor.mirror.MirrorConfig;
import org.creditmesh.anchor.service.AnchoringConfig;
import org.junit.jupiter.api.Test;

class ChainPropertiesTest {

    private static final String KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    @Test
    void readsTheSharedChainKeysBelowItsPrefix() {
        ChainProperties c = new ChainProperties("creditmesh.registry.", Map.of(
                "creditmesh.registry.rpc-url", " http://127.0.0.1:8545 ", "creditmesh.registry.chain-id", "2026",
                "creditmesh.registry.signer-key", KEY, "creditmesh.registry.fee-mode", "LEGACY",
                "creditmesh.registry.gas-price", "0", "creditmesh.anchor.chain-id", "1"));
        assertThat(c.rpcUrl().toString()).isEqualTo("http://127.0.0.1:8545");
        assertThat(c.chainSettings().chainId()).isEqualTo(2026);
        assertThat(c.chainSettings().feeMode()).isEqualTo(FeeMode.LEGACY);
        assertThat(c.chainSettings().gasPrice()).isEqualTo(BigInteger.ZERO);
        assertThat(c.signer().getAddress()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        assertThat(c.duration("poll-interval", Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.integer("scan-window", 64)).isEqualTo(64);
    }

    @Test
    void aMissingOrMalformedValueNamesTheFullKey() {
        ChainProperties c = new ChainProperties("creditmesh.anchor.", Map.of(
                "creditmesh.anchor.batch.interval", "30 seconds", "creditmesh.anchor.confirmations", "two",
                "creditmesh.anchor.gas-price", "free", "creditmesh.anchor.rpc-url", "  "));
        assertThatThrownBy(c::rpcUrl).hasMessage("missing configuration creditmesh.anchor.rpc-url");
        assertThatThrownBy(() -> c.duration("batch.interval", Duration.ZERO)).hasMessageContaining("creditmesh.anchor.batch.interval");
        assertThatThrownBy(() -> c.integer("confirmations", 1)).hasMessageContaining("creditmesh.anchor.confirmations");
        assertThatThrownBy(() -> c.optionalBig("gas-price")).hasMessageContaining("creditmesh.anchor.gas-price");
    }

    @Test
    void bothWritersReadTheirOwnPrefix() {
        Map<String, String> p = Map.of(
                "creditmesh.anchor.rpc-url", "http://127.0.0.1:1", "creditmesh.anchor.chain-id", "31337",
                "creditmesh.anchor.signer-key", KEY, "creditmesh.anchor.registry", "0x01",
                "creditmesh.anchor.confirmations", "3", "creditmesh.anchor.batch.interval", "PT5S",
                "creditmesh.registry.rpc-url", "http://127.0.0.1:2", "creditmesh.registry.chain-id", "2026",
                "creditmesh.registry.signer-key", KEY, "creditmesh.registry.address", "0x02");
        AnchoringConfig anchoring = AnchoringConfig.fromProperties(p);
        MirrorConfig mirror = MirrorConfig.fromProperties(p);
        assertThat(anchoring.chain().chainId()).isEqualTo(31337);
        assertThat(anchoring.batching().confirmations()).isEqualTo(3);
        assertThat(anchoring.batching().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(anchoring.registry()).isEqualTo("0x01");
        assertThat(mirror.chain().chainId()).isEqualTo(2026);
        assertThat(mirror.rpcUrl().getPort()).isEqualTo(2);
        assertThat(mirror.registry()).isEqualTo("0x02");
        assertThat(mirror.scanWindow()).isEqualTo(64);
    }
}
