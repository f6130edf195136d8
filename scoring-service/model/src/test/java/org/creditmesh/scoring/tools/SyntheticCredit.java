package org.creditmesh.scoring.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Writes the small synthetic credit table the frozen test model was trained on
 * ({@code src/test/resources/synthetic/synthetic-credit.csv}). Hand-run, seeded, so it writes the same
 * file every time: numeric and categorical attributes, missing values, a rare level, a protected
 * categorical and a protected numeric attribute, and a risk that depends on some attributes only.
 *
 * <pre>./mvnw -q -o -pl scoring-service/model test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=org.creditmesh.scoring.tools.SyntheticCredit -Dexec.args=scoring-service/model/src/test/resources/synthetic/synthetic-credit.csv</pre>
 */
public final class SyntheticCredit {

    private SyntheticCredit() {
    }

    public static String generate(int rows, long seed) {
        Random rnd = new Random(seed);
        StringBuilder s = new StringBuilder("months_employed,utilisation,late_payments,housing,purpose,gender,age,outcome\n");
        String[] housing = {"own", "rent", "family"};
        String[] purpose = {"car", "home", "education", "business", "holiday"};
        for (int i = 0; i < rows; i++) {
            int months = (int) Math.min(480, Math.abs(rnd.nextGaussian() * 60 + 50));
            Double util = rnd.nextDouble() < 0.08 ? null : Math.round(rnd.nextDouble() * 1000) / 1000.0;
            int late = rnd.nextDouble() < 0.6 ? 0 : 1 + rnd.nextInt(5);
            String house = rnd.nextDouble() < 0.05 ? "NA" : housing[rnd.nextInt(housing.length)];
            double p = rnd.nextDouble();
            String purp = p < 0.02 ? "holiday" : purpose[rnd.nextInt(4)];
            String gender = rnd.nextBoolean() ? "f" : "m";
            int age = 18 + rnd.nextInt(55);
            double logit = -1.2 - 0.012 * months + 0.45 * late
                    + (util == null ? 0.6 : 1.8 * (util - 0.5))
                    + (house.equals("rent") ? 0.4 : house.equals("NA") ? 0.3 : 0)
                    + (purp.equals("business") ? 0.5 : 0);
            boolean bad = rnd.nextDouble() < 1 / (1 + Math.exp(-logit));
            s.append(months).append(',').append(util == null ? "" : String.format(Locale.ROOT, "%.3f", util)).append(',')
                    .append(late).append(',').append(house).append(',').append(purp).append(',').append(gender).append(',')
                    .append(age).append(',').append(bad ? "default" : "repaid").append('\n');
        }
        return s.toString();
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "synthetic-credit.csv");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, generate(600, 20261123L), StandardCharsets.UTF_8);
        System.out.println("wrote " + out);
    }
}
