package org.creditmesh.anchor.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Replacement fees: every fee strictly above +10 %, never below the market, in the original mode. */
class FeesTest {

    @Test
    void aReplacementRaisesBothEip1559FeesByMoreThanTheMinimum() {
        Fees old = Fees.eip1559(BigInteger.valueOf(2_000_000_000L), BigInteger.valueOf(1_000_000_000L));
        Fees bumped = old.bumped(10, Fees.eip1559(BigInteger.ONE, BigInteger.ONE));
        assertThat(bumped.maxFeePerGas()).isGreaterThan(BigInteger.valueOf(2_200_000_000L));
        assertThat(bumped.maxPriorityFeePerGas()).isGreaterThan(BigInteger.valueOf(1_100_000_000L));
        assertThat(bumped.mode()).isEqualTo(FeeMode.EIP1559);
    }

    @Test
    void aReplacementOffersAtLeastWhatTheMarketAsksNow() {
        Fees old = Fees.eip1559(BigInteger.valueOf(100), BigInteger.valueOf(10));
        Fees market = Fees.eip1559(BigInteger.valueOf(5_000), BigInteger.valueOf(700));
        Fees bumped = old.bumped(12, market);
        assertThat(bumped.maxFeePerGas()).isEqualTo(BigInteger.valueOf(5_000));
        assertThat(bumped.maxPriorityFeePerGas()).isEqualTo(BigInteger.valueOf(700));
    }

    @Test
    void legacyFeesStayLegacyAndZeroIsFree() {
        Fees legacy = Fees.legacy(BigInteger.valueOf(1000));
        assertThat(legacy.bumped(10, Fees.legacy(BigInteger.ZERO)).maxFeePerGas()).isEqualTo(BigInteger.valueOf(1101));
        assertThat(Fees.legacy(BigInteger.ZERO).free()).isTrue();
        assertThat(legacy.free()).isFalse();
    }

    @Test
    void invalidFeesAndBumpsAreRefused() {
        assertThatThrownBy(() -> Fees.legacy(BigInteger.ONE).bumped(9, Fees.legacy(BigInteger.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fees.eip1559(BigInteger.ONE, BigInteger.TWO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Fees(FeeMode.AUTO, BigInteger.ONE, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fees.legacy(BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
