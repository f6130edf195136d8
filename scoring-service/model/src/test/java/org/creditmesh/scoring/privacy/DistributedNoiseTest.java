package org.creditmesh.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.creditmesh.scoring.federated.FederatedEvaluation;
import org.creditmesh.scoring.federated.SecureAggregation;
import org.junit.jupiter.api.Test;

/** Distributed discrete Gaussian noise and its accounting; every random draw is from a seeded SHA1PRNG. */
class DistributedNoiseTest {

    private static final int DRAWS = 20_000;

    /**
     * Variance of the sum, coordinate by coordinate, of the given lenders' noise vectors, after
     * secure aggregation: each lender masks a vector of zeros plus its own share, the coordinator
     * unmasks the sum (so this is the noise the coordinator actually sees).
     */
    private static double summedVariance(DistributedNoise noise, int answering, long seed) throws Exception {
        SecureRandom random = FederatedEvaluation.random(seed);
        SecureAggregation.Party[] parties = SecureAggregation.setUp(answering, "noise test".getBytes(StandardCharsets.UTF_8), random);
        long[][] plain = new long[answering][DRAWS];
        for (int l = 0; l < answering; l++) {
            DiscreteGaussian share = noise.sampler(random);
            for (int k = 0; k < DRAWS; k++) {
                plain[l][k] = share.sample();
            }
        }
        long[] sum = SecureAggregation.sumAll(parties, plain, "noise");
        double mean = 0;
        for (long v : sum) {
            mean += v;
        }
        mean /= DRAWS;
        double var = 0;
        for (long v : sum) {
            var += (v - mean) * (v - mean);
        }
        return var / (DRAWS - 1);
    }

    @Test
    void theSummedNoiseOfAllLendersHasTheCentralVariance() throws Exception {
        double rho = 0.02;
        double central = Zcdp.sigmaFor(1, rho); // 5
        DistributedNoise noise = DistributedNoise.forBudget(1, DRAWS, rho, 3, 0);
        assertThat(noise.shareSigma() * noise.shareSigma()).isCloseTo(central * central / 3, within(1e-7));
        // The sample variance of 20,000 draws has a relative standard error of √(2/20000) = 1%; 5% is 5 of them.
        assertThat(summedVariance(noise, 3, 1L) / (central * central)).isCloseTo(1, within(0.05));
        // One share alone is far too little noise: the test can tell the two apart.
        assertThat(summedVariance(noise, 1, 2L) / (central * central)).isCloseTo(1.0 / 3, within(0.03));
    }

    @Test
    void withOneToleratedDropoutTheSurvivorsStillCarryTheCentralVariance() throws Exception {
        double rho = 0.02;
        double central = Zcdp.sigmaFor(1, rho);
        DistributedNoise noise = DistributedNoise.forBudget(1, DRAWS, rho, 3, 1);
        assertThat(noise.shareSigma() * noise.shareSigma()).isCloseTo(central * central / 2, within(1e-7));
        assertThat(noise.guaranteedSigma()).isCloseTo(central, within(1e-7));
        // Two of three answer: the worst case the accounting covers, the central variance.
        assertThat(summedVariance(noise, 2, 3L) / (central * central)).isCloseTo(1, within(0.05));
        // All three answer: N/(N − t) = 1.5 times it, the price of tolerating a dropout.
        assertThat(summedVariance(noise, 3, 4L) / (central * central)).isCloseTo(1.5, within(0.075));
        // The accounting charges the guaranteed case: exactly the central ρ (τ is ~e^(−2π²·12.5·½), nothing).
        assertThat(Zcdp.distributedRho(1, DRAWS, noise.shareSigma(), 2, 3)).isLessThanOrEqualTo(rho).isCloseTo(rho, within(1e-8 * rho));
        assertThatThrownBy(() -> DistributedNoise.forBudget(1, 10, rho, 3, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSumOfDiscreteGaussiansIsChargedForNotBeingOneWhenSharesAreNarrow() {
        // Kairouz–Liu–Steinke: ρ = ½(Δ/(√m·s) + τ√d)², τ = 10 Σ_{k<m} exp(−2π²s²k/(k+1)).
        double s = 0.5;
        double tau = 10 * (Math.exp(-2 * Math.PI * Math.PI * s * s / 2) + Math.exp(-2 * Math.PI * Math.PI * s * s * 2 / 3));
        double expected = Math.pow(1 / (Math.sqrt(3) * s) + tau * Math.sqrt(100), 2) / 2;
        assertThat(Zcdp.distributedRho(1, 100, s, 3, 3)).isCloseTo(expected, within(1e-12));
        assertThat(Zcdp.distributedRho(1, 100, s, 3, 3)).isGreaterThan(Zcdp.rho(1, Math.sqrt(3) * s) * 1.5);
        // Wide shares: τ vanishes and the sum is charged as one discrete Gaussian of variance m·s².
        assertThat(Zcdp.distributedRho(2, 1000, 4, 3, 3)).isCloseTo(Zcdp.rho(2, Math.sqrt(3) * 4), within(1e-12));
        // Fewer guaranteed shares cost more; calibration meets the budget from below.
        assertThat(Zcdp.distributedRho(1, 10, 2, 2, 3)).isGreaterThan(Zcdp.distributedRho(1, 10, 2, 3, 3));
        for (double rho : new double[] {0.001, 0.05, 2, 40}) {
            double share = Zcdp.shareSigmaFor(1, 500, rho, 3, 5);
            assertThat(Zcdp.distributedRho(1, 500, share, 3, 5)).isLessThanOrEqualTo(rho).isCloseTo(rho, within(rho * 1e-6));
        }
    }

    @Test
    void theTighterConversionNeverSpendsMoreThanBunSteinkeAndRoundTrips() {
        for (double rho : new double[] {1e-4, 0.0208, 0.1, 1, 10}) {
            assertThat(Zcdp.epsilon(rho, 1e-5)).isLessThanOrEqualTo(Zcdp.epsilonBunSteinke(rho, 1e-5) + 1e-12);
        }
        for (double eps : new double[] {0.5, 1, 2, 4, 8}) {
            double rho = Zcdp.rhoFor(eps, 1e-5);
            assertThat(Zcdp.epsilon(rho, 1e-5)).isLessThanOrEqualTo(eps).isCloseTo(eps, within(1e-9));
            // More ρ for the same ε than Bun–Steinke would give.
            double l = Math.log(1e5);
            assertThat(rho).isGreaterThan(Math.pow(Math.sqrt(l + eps) - Math.sqrt(l), 2));
        }
        // ε(α) at one order, computed by hand: α = 20, ρ = 0.02, δ = 1e-5.
        double byHand = 20 * 0.02 + (Math.log(1e5) - Math.log(20)) / 19 + Math.log(1 - 1 / 20.0);
        assertThat(Zcdp.epsilon(0.02, 1e-5)).isLessThanOrEqualTo(byHand);
    }
}
