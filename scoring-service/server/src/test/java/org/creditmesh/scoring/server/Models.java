package org.creditmesh.scoring.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import org.creditmesh.core.json.Json;
import org.creditmesh.scoring.claims.CreditGSynthetic;
import org.creditmesh.scoring.data.CreditData;
import org.creditmesh.scoring.federated.FederatedEvaluation;
import org.creditmesh.scoring.federated.FederatedScorecard;
import org.creditmesh.scoring.scorecard.ModelStore;
import org.creditmesh.scoring.scorecard.ScorecardConfig;
import org.creditmesh.scoring.scorecard.ScorecardFitter;

/**
 * Fixture models: scorecards trained with the library on its synthetic credit-g-shaped table (two seeds, two
 * different models), saved by {@link ModelStore} and read back as the files an admin uploads.
 */
final class Models {

    record Files3(byte[] scorecard, byte[] provenance, byte[] tribuo) {
    }

    private static Files3 first;
    private static Files3 second;
    private static Files3 federated;

    private Models() {
    }

    static synchronized Files3 first() throws Exception {
        if (first == null) {
            first = train(3000, 7);
        }
        return first;
    }

    static synchronized Files3 second() throws Exception {
        if (second == null) {
            second = train(2000, 11);
        }
        return second;
    }

    /** A scorecard trained by three lenders with secure aggregation: no Tribuo file, no data hash. */
    static synchronized Files3 federated() throws Exception {
        if (federated == null) {
            CreditData data = CreditGSynthetic.table(CreditGSynthetic.generate(2000, 13));
            ScorecardConfig config = ScorecardConfig.defaults();
            var lenders = FederatedEvaluation.split(data, IntStream.range(0, data.rows()).toArray(), 3, new Random(5));
            var model = new FederatedScorecard(config).train(lenders, CreditGSynthetic.PROTECTED, FederatedScorecard.Options.plain(),
                    FederatedEvaluation.random(6L));
            Path dir = Files.createTempDirectory("creditmesh-scoring-model-");
            try {
                ModelStore.save(dir, model.scorecard(), config, "", model.trainerProvenance());
                federated = new Files3(Files.readAllBytes(dir.resolve(ModelStore.SCORECARD)), Files.readAllBytes(dir.resolve(ModelStore.PROVENANCE)), null);
            } finally {
                Files.deleteIfExists(dir.resolve(ModelStore.SCORECARD));
                Files.deleteIfExists(dir.resolve(ModelStore.PROVENANCE));
                Files.deleteIfExists(dir);
            }
        }
        return federated;
    }

    private static Files3 train(int rows, long seed) throws Exception {
        CreditData data = CreditGSynthetic.table(CreditGSynthetic.generate(rows, seed));
        ScorecardConfig config = ScorecardConfig.defaults();
        var fit = new ScorecardFitter(config).fit(data, IntStream.range(0, data.rows()).toArray(), CreditGSynthetic.PROTECTED);
        Path dir = Files.createTempDirectory("creditmesh-scoring-model-");
        try {
            ModelStore.save(dir, fit, config, data.sha256());
            return new Files3(Files.readAllBytes(dir.resolve(ModelStore.SCORECARD)), Files.readAllBytes(dir.resolve(ModelStore.PROVENANCE)),
                    Files.readAllBytes(dir.resolve(ModelStore.TRIBUO_MODEL)));
        } finally {
            for (String f : new String[] {ModelStore.SCORECARD, ModelStore.PROVENANCE, ModelStore.TRIBUO_MODEL}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The POST /models body. */
    static String registration(String id, String version, Files3 files) {
        var body = Json.mapper().createObjectNode();
        body.put("id", id);
        body.put("version", version);
        body.put("dataset", "credit-g");
        var f = body.putObject("files");
        f.put(ModelStore.SCORECARD, Base64.getEncoder().encodeToString(files.scorecard()));
        f.put(ModelStore.PROVENANCE, Base64.getEncoder().encodeToString(files.provenance()));
        if (files.tribuo() != null) {
            f.put(ModelStore.TRIBUO_MODEL, Base64.getEncoder().encodeToString(files.tribuo()));
        }
        return Json.write(body);
    }
}
