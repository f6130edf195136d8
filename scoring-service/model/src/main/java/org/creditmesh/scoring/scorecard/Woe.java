package org.creditmesh.scoring.scorecard;

/**
 * Weight of evidence and information value of a set of bins, with additive smoothing.
 *
 * <p>WoE<sub>i</sub> = ln(g'<sub>i</sub> / b'<sub>i</sub>) with g'<sub>i</sub> = (g<sub>i</sub> + a) / (G + a·k)
 * and b'<sub>i</sub> likewise; IV = Σ (g'<sub>i</sub> − b'<sub>i</sub>)·WoE<sub>i</sub>. The pseudo-count
 * {@code a} keeps bins with no goods or no bads finite and pulls small bins toward zero.
 */
public final class Woe {

    private Woe() {
    }

    public static double[] woe(long[] goods, long[] bads, double a) {
        int k = goods.length;
        double g = 0;
        double b = 0;
        for (int i = 0; i < k; i++) {
            g += goods[i];
            b += bads[i];
        }
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            double pg = (goods[i] + a) / (g + a * k);
            double pb = (bads[i] + a) / (b + a * k);
            w[i] = Math.log(pg / pb);
        }
        return w;
    }

    public static double iv(long[] goods, long[] bads, double a) {
        int k = goods.length;
        double g = 0;
        double b = 0;
        for (int i = 0; i < k; i++) {
            g += goods[i];
            b += bads[i];
        }
        double iv = 0;
        for (int i = 0; i < k; i++) {
            double pg = (goods[i] + a) / (g + a * k);
            double pb = (bads[i] + a) / (b + a * k);
            iv += (pg - pb) * Math.log(pg / pb);
        }
        return iv;
    }
}
