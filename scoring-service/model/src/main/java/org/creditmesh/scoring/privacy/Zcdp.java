package org.creditmesh.scoring.privacy;

/**
 * Zero-concentrated differential privacy (Bun and Steinke, TCC 2016) accounting.
 *
 * <ul>
 * <li>A discrete Gaussian release of an integer vector with L2 sensitivity Δ and per-coordinate σ is
 *     (Δ²/2σ²)-zCDP (Canonne, Kamath, Steinke 2020, Theorem 14 for the multivariate case).</li>
 * <li>A sum of m independent discrete Gaussians N<sub>ℤ</sub>(0, s²) is <em>not</em> a discrete
 *     Gaussian; Kairouz, Liu, Steinke (ICML 2021, "The Distributed Discrete Gaussian Mechanism for
 *     Federated Learning with Secure Aggregation", Proposition 14, second bound) show that adding it to
 *     a d-dimensional integer vector of L2 sensitivity Δ is (α, α·ρ)-RDP for every α &gt; 1, i.e.
 *     ρ-zCDP, with ρ = ½·(Δ/(√m·s) + τ·√d)² and τ = 10·Σ<sub>k=1</sub><sup>m−1</sup>
 *     exp(−2π²s²·k/(k+1)). τ is negligible once s ≳ 1 (it is what the sum's deviation from a
 *     discrete Gaussian costs); {@link #distributedRho} is that bound.</li>
 * <li>ρ adds up under composition.</li>
 * <li>ρ-zCDP implies (ε, δ)-DP by the conversion of Canonne, Kamath, Steinke 2020 (Proposition 12
 *     applied to every Rényi order α): ε = min<sub>α&gt;1</sub> αρ + (ln(1/δ) − ln α)/(α − 1)
 *     + ln(1 − 1/α), which is never larger than Bun–Steinke's ρ + 2√(ρ ln 1/δ)
 *     ({@link #epsilonBunSteinke}) and about 20% smaller at ε ≈ 1.</li>
 * </ul>
 */
public final class Zcdp {

    private Zcdp() {
    }

    public static double rho(double sensitivity, double sigma) {
        return sensitivity * sensitivity / (2 * sigma * sigma);
    }

    public static double sigmaFor(double sensitivity, double rho) {
        return sensitivity / Math.sqrt(2 * rho);
    }

    /**
     * ρ of adding the sum of at least {@code minShares} and at most {@code maxShares} independent
     * N<sub>ℤ</sub>(0, {@code shareSigma}²) to a {@code dimension}-coordinate integer vector of L2
     * sensitivity {@code sensitivity} (Kairouz–Liu–Steinke 2021): the worst case over the share count,
     * fewest shares for the Gaussian term, most for τ (which grows with the count).
     */
    public static double distributedRho(double sensitivity, int dimension, double shareSigma, int minShares, int maxShares) {
        if (minShares < 1 || maxShares < minShares || dimension < 1 || !(shareSigma > 0)) {
            throw new IllegalArgumentException("bad distributed-noise parameters");
        }
        double s2 = shareSigma * shareSigma;
        double tau = 0;
        for (int k = 1; k < maxShares; k++) {
            tau += Math.exp(-2 * Math.PI * Math.PI * s2 * k / (k + 1));
        }
        tau *= 10;
        double root = sensitivity / (Math.sqrt(minShares) * shareSigma) + tau * Math.sqrt(dimension);
        return root * root / 2;
    }

    /**
     * The smallest share σ (to 10⁻⁹ relative) whose {@link #distributedRho} is at most {@code rho}:
     * σ/√minShares of the central discrete Gaussian, raised a little when τ matters.
     */
    public static double shareSigmaFor(double sensitivity, int dimension, double rho, int minShares, int maxShares) {
        double lo = sigmaFor(sensitivity, rho) / Math.sqrt(minShares);
        if (distributedRho(sensitivity, dimension, lo, minShares, maxShares) <= rho) {
            return lo;
        }
        double hi = lo;
        while (distributedRho(sensitivity, dimension, hi, minShares, maxShares) > rho) {
            hi *= 2;
        }
        while (hi - lo > 1e-9 * hi) {
            double mid = (lo + hi) / 2;
            if (distributedRho(sensitivity, dimension, mid, minShares, maxShares) > rho) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** (ε, δ) of ρ-zCDP by the Canonne–Kamath–Steinke conversion, minimized over the Rényi order. */
    public static double epsilon(double rho, double delta) {
        if (rho == 0) {
            return 0;
        }
        double l = Math.log(1 / delta);
        // ε(α) is convex in α on (1, ∞); golden-section search on log(α − 1).
        double a = Math.log(1e-6);
        double b = Math.log(1e6);
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        while (b - a > 1e-10) {
            if (epsilonAt(1 + Math.exp(c), rho, l) < epsilonAt(1 + Math.exp(d), rho, l)) {
                b = d;
            } else {
                a = c;
            }
            c = b - g * (b - a);
            d = a + g * (b - a);
        }
        return Math.min(epsilonAt(1 + Math.exp((a + b) / 2), rho, l), epsilonBunSteinke(rho, delta));
    }

    private static double epsilonAt(double alpha, double rho, double logInvDelta) {
        return alpha * rho + (logInvDelta - Math.log(alpha)) / (alpha - 1) + Math.log1p(-1 / alpha);
    }

    /** Bun–Steinke's conversion, ρ + 2√(ρ ln 1/δ): looser, kept as a check. */
    public static double epsilonBunSteinke(double rho, double delta) {
        return rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
    }

    /** The largest ρ whose (ε, δ) conversion ({@link #epsilon}) stays within ε, by bisection. */
    public static double rhoFor(double epsilon, double delta) {
        double l = Math.log(1 / delta);
        double s = Math.sqrt(l + epsilon) - Math.sqrt(l);
        double lo = s * s; // Bun–Steinke's ρ: always within ε under the tighter conversion too
        double hi = Math.max(2 * lo, epsilon);
        while (epsilon(hi, delta) <= epsilon) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; i++) {
            double mid = (lo + hi) / 2;
            if (epsilon(mid, delta) <= epsilon) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
