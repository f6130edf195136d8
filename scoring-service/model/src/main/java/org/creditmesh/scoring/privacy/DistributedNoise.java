package org.creditmesh.scoring.privacy;

import java.security.SecureRandom;

/**
 * Distributed discrete Gaussian noise for one release summed by secure aggregation: each of
 * {@code lenders} parties adds N<sub>ℤ</sub>(0, s²) to its own vector, with s chosen so that the
 * sum of the noise of any {@code lenders − tolerated} or more parties makes the summed release
 * ρ-zCDP ({@link Zcdp#distributedRho}, Kairouz–Liu–Steinke 2021). Without dropouts the aggregate
 * variance is lenders·s² ≈ lenders/(lenders − tolerated)·σ², σ the central discrete Gaussian's for
 * the same ρ; with {@code tolerated = 0} it is σ², the central mechanism's noise.
 *
 * <p>Trust: the coordinator sees only the sum, so it faces the summed noise. A coordinator that
 * colludes with c lenders, or a round where c lenders dropped, removes c shares; the guarantee holds
 * as long as c ≤ {@code tolerated}. Against more, each lender's share alone gives it only
 * (Δ²/2s²)-zCDP.
 *
 * @param sensitivity L2 sensitivity of the summed vector (in its integer units)
 * @param dimension coordinates of the vector
 * @param rho the zCDP budget of the release
 * @param lenders parties adding a share
 * @param tolerated shares that may be missing (dropped or colluding lenders)
 * @param shareSigma σ of each party's share
 */
public record DistributedNoise(double sensitivity, int dimension, double rho, int lenders, int tolerated, double shareSigma) {

    public DistributedNoise {
        if (lenders < 1 || tolerated < 0 || tolerated >= lenders || dimension < 1 || !(rho > 0) || !(sensitivity > 0)) {
            throw new IllegalArgumentException("bad distributed-noise parameters");
        }
    }

    /** Calibrates the share σ for the budget. */
    public static DistributedNoise forBudget(double sensitivity, int dimension, double rho, int lenders, int tolerated) {
        if (lenders < 1 || tolerated < 0 || tolerated >= lenders) {
            throw new IllegalArgumentException("need 0 ≤ tolerated < lenders");
        }
        double s = Zcdp.shareSigmaFor(sensitivity, dimension, rho, lenders - tolerated, lenders);
        return new DistributedNoise(sensitivity, dimension, rho, lenders, tolerated, s);
    }

    /** The smallest number of shares the guarantee holds for. */
    public int minShares() {
        return lenders - tolerated;
    }

    /** The ρ actually spent given the sampler's exact σ (never above {@link #rho}). */
    public double spent(DiscreteGaussian sampler) {
        return Zcdp.distributedRho(sensitivity, dimension, sampler.sigma(), minShares(), lenders);
    }

    /** σ of the summed noise when all {@code lenders} add their share. */
    public double aggregateSigma() {
        return Math.sqrt(lenders) * shareSigma;
    }

    /** σ of the summed noise in the worst admissible case, {@code lenders − tolerated} shares. */
    public double guaranteedSigma() {
        return Math.sqrt(minShares()) * shareSigma;
    }

    /** One party's sampler. */
    public DiscreteGaussian sampler(SecureRandom random) {
        return new DiscreteGaussian(shareSigma, random);
    }
}
