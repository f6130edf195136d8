package org.creditmesh.scoring.claims;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.data.CsvLoader;
import org.creditmesh.scoring.data.CsvOptions;
import org.creditmesh.scoring.scorecard.Scorecard;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardFitter;

/**
 * A synthetic table with credit-g's column names and value labels (never the real data): the log-odds of
 * "bad" rise with the worse levels of most attributes, so a scorecard trained on it keeps many of them.
 * Public (and in this module's test jar) for the scoring server's tests, which register models trained on it.
 */
public final class CreditGSynthetic {

    public static final Set<String> PROTECTED = Set.of("personal_status", "foreign_worker", "age");

    private static final List<String> CHECKING = List.of("<0", "0<=X<200", ">=200", "no checking");
    private static final List<String> HISTORY = List.of("critical/other existing credit", "delayed previously", "existing paid", "all paid", "no credits/all paid");
    private static final List<String> PURPOSE = List.of("new car", "used car", "furniture/equipment", "radio/tv", "education", "business", "repairs");
    private static final List<String> SAVINGS = List.of("<100", "100<=X<500", "500<=X<1000", ">=1000", "no known savings");
    private static final List<String> EMPLOYMENT = List.of("unemployed", "<1", "1<=X<4", "4<=X<7", ">=7");
    private static final List<String> PERSONAL = List.of("male single", "female div/dep/mar", "male mar/wid", "male div/sep");
    private static final List<String> PARTIES = List.of("none", "guarantor", "co applicant");
    private static final List<String> PROPERTY = List.of("no known property", "car", "life insurance", "real estate");
    private static final List<String> PLANS = List.of("bank", "stores", "none");
    private static final List<String> HOUSING = List.of("for free", "rent", "own");
    private static final List<String> JOB = List.of("unemp/unskilled non res", "unskilled resident", "skilled", "high qualif/self emp/mgmt");
    private static final List<String> TELEPHONE = List.of("none", "yes");

    private CreditGSynthetic() {
    }

    public static String generate(int rows, long seed) {
        Random r = new Random(seed);
        StringBuilder csv = new StringBuilder("checking_status,duration,credit_history,purpose,credit_amount,savings_status,"
                + "employment,installment_commitment,personal_status,other_parties,residence_since,property_magnitude,age,"
                + "other_payment_plans,housing,existing_credits,job,num_dependents,own_telephone,foreign_worker,class\n");
        for (int i = 0; i < rows; i++) {
            int checking = r.nextInt(4);
            int duration = 6 + r.nextInt(55);
            int history = r.nextInt(5);
            int purpose = r.nextInt(PURPOSE.size());
            int amount = 250 + r.nextInt(15000);
            int savings = r.nextInt(5);
            int employment = r.nextInt(5);
            int instalment = 1 + r.nextInt(4);
            int property = r.nextInt(4);
            int age = 19 + r.nextInt(55);
            int housing = r.nextInt(3);
            int credits = 1 + r.nextInt(4);
            int dependents = 1 + r.nextInt(2);
            int telephone = r.nextInt(2);
            // Worse levels first in each list: the lower the index, the higher the risk.
            double logit = -0.9 - 0.55 * (checking - 1.5) + 0.035 * (duration - 30) - 0.35 * (history - 2)
                    - 0.3 * (savings - 2) - 0.25 * (employment - 2) + 0.2 * (instalment - 2.5)
                    - 0.2 * (property - 1.5) - 0.3 * (housing - 1) + 0.00004 * (amount - 7000)
                    + 0.15 * (credits - 2.5) - 0.2 * telephone + (purpose == 4 ? 0.4 : 0) - 0.01 * (age - 45);
            boolean bad = r.nextDouble() < 1 / (1 + Math.exp(-logit));
            csv.append(String.join(",", quote(CHECKING.get(checking)), Integer.toString(duration), quote(HISTORY.get(history)),
                    quote(PURPOSE.get(purpose)), Integer.toString(amount), quote(SAVINGS.get(savings)),
                    quote(EMPLOYMENT.get(employment)), Integer.toString(instalment), quote(PERSONAL.get(r.nextInt(4))),
                    quote(PARTIES.get(r.nextInt(3))), Integer.toString(1 + r.nextInt(4)), quote(PROPERTY.get(property)),
                    Integer.toString(age), quote(PLANS.get(r.nextInt(3))), quote(HOUSING.get(housing)), Integer.toString(credits),
                    quote(JOB.get(r.nextInt(4))), Integer.toString(dependents), quote(TELEPHONE.get(telephone)),
                    r.nextInt(20) == 0 ? "no" : "yes", bad ? "bad" : "good")).append('\n');
        }
        return csv.toString();
    }

    private static String quote(String v) {
        return "\"" + v + "\"";
    }

    public static CreditData table(String csv) throws Exception {
        return CsvLoader.parse(csv.getBytes(StandardCharsets.UTF_8), CsvOptions.of("class", "bad"));
    }

    private static Scorecard trained;

    /** A scorecard trained once per test run on 3,000 synthetic rows, credit-g's protected columns protected. */
    public static synchronized Scorecard scorecard() throws Exception {
        if (trained == null) {
            CreditData data = table(generate(3000, 7));
            trained = new ScorecardFitter(ScorecardConfig.defaults())
                    .fit(data, IntStream.range(0, data.rows()).toArray(), PROTECTED).scorecard();
        }
        return trained;
    }
}
