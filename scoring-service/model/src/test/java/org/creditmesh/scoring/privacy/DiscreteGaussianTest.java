package org.creditmesh.scoring.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class DiscreteGaussianTest {

    @Test
    void samplesFollowTheDiscreteGaussianMassFunction() {
        double sigma = 2.5;
        DiscreteGaussian g = new DiscreteGaussian(sigma, new SecureRandom());
        int n = 40000;
        int range = 12;
        long[] freq = new long[2 * range + 1];
        long tail = 0;
        for (int i = 0; i < n; i++) {
            long x = g.sample();
            if (Math.abs(x) <= range) {
                freq[(int) x + range]++;
            } else {
                tail++;
            }
        }
        double norm = 0;
        for (int x = -60; x <= 60; x++) {
            norm += Math.exp(-x * x / (2 * sigma * sigma));
        }
        double chi = 0;
        double pTail = 1;
        for (int x = -range; x <= range; x++) {
            double p = Math.exp(-x * x / (2 * sigma * sigma)) / norm;
            pTail -= p;
            double e = n * p;
            chi += (freq[x + range] - e) * (freq[x + range] - e) / e;
        }
        // 25 cells (the tail has probability ~10⁻⁵ and is checked apart): 24 degrees of freedom,
        // 0.9999 quantile ≈ 59.
        assertThat(chi).isLessThan(59);
        assertThat((double) tail).isLessThanOrEqualTo(Math.max(5, 20 * n * pTail));
    }

    @Test
    void largeScalesOnAFixedPointGridHaveTheRequestedSpread() {
        double sigma = Math.scalb(35.0, 24);
        DiscreteGaussian g = new DiscreteGaussian(sigma, new SecureRandom());
        int n = 4000;
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < n; i++) {
            double x = g.sample();
            sum += x;
            sq += x * x;
        }
        assertThat(sum / n / sigma).isCloseTo(0, within(5 / Math.sqrt(n)));
        assertThat(Math.sqrt(sq / n) / sigma).isCloseTo(1, within(0.06));
        assertThat(g.sigma()).isCloseTo(sigma, within(1e-6 * sigma));
    }

    @Test
    void zcdpConversionRoundTrips() {
        for (double eps : new double[] {0.5, 1, 2, 4, 8}) {
            assertThat(Zcdp.epsilon(Zcdp.rhoFor(eps, 1e-5), 1e-5)).isCloseTo(eps, within(1e-9));
            assertThat(Zcdp.epsilonBunSteinke(Zcdp.rho(1, 1), 1e-5)).isCloseTo(0.5 + 2 * Math.sqrt(0.5 * Math.log(1e5)), within(1e-12));
        }
        assertThat(Zcdp.rho(1, Zcdp.sigmaFor(1, 0.01))).isCloseTo(0.01, within(1e-12));
    }
}
