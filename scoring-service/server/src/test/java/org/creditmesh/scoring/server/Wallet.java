package org.creditmesh.scoring.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.issuer.CredentialPresenter;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.scoring.claims.Dcql;

/**
 * A bureau and a borrower's wallet for the tests, as in the library's {@code ScoringFromCredentialsEndToEndTest}: the
 * bureau issues KYC and repayment-history SD-JWT VCs (the shapes of {@code schemas/examples/.../valid}) with every
 * claim disclosable, bound to the holder's key; the wallet answers a DCQL query with exactly the claims it names.
 */
public final class Wallet {

    /** The trusted test bureau's key: fixed, so the service's trust list (set before it starts) can name its DID. */
    static final SigningKey BUREAU = bureau();
    private static final Path EXAMPLES = Path.of(System.getProperty("creditmesh.repo.dir", "../.."), "schemas", "examples");
    static final String KYC = "KycCredential";
    static final String REPAYMENT = "RepaymentHistoryCredential";

    final SigningKey holderKey = SigningKey.generate(KeyType.ED25519);
    final String holder = DidKey.create(holderKey.publicKey()).toString();

    private static SigningKey bureau() {
        try {
            return SigningKey.fromPrivateBytes(KeyType.ED25519,
                    HexFormat.of().parseHex("7e57b0e1a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String bureauDid() {
        return DidKey.create(BUREAU.publicKey()).toString();
    }

    /** An example credential addressed to this holder, issuer left to the signing key, amounts in DEM (credit-g's currency). */
    ObjectNode example(String type) throws Exception {
        String file = type.equals(KYC) ? "kyc/valid/kyc-full-profile.json" : "repayment-history/valid/repayment-two-loans.json";
        ObjectNode vc = Json.parseObject(Files.readAllBytes(EXAMPLES.resolve(file)));
        vc.remove("issuer");
        vc.remove("credentialStatus");
        ObjectNode subject = (ObjectNode) vc.get("credentialSubject");
        subject.put("id", holder);
        JsonNode savings = subject.path("financialProfile").path("savingsBalanceBand");
        if (savings.isObject()) {
            ((ObjectNode) savings).put("currency", "DEM");
        }
        return vc;
    }

    /** Every member of the subject and of its grouping objects disclosable; band objects are one claim each. */
    static List<ClaimPath> everyClaim(JsonNode node, ClaimPath at) {
        List<ClaimPath> paths = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (at.isRoot() && e.getKey().equals("id")) {
                continue;
            }
            ClaimPath p = at.member(e.getKey());
            paths.add(p);
            if (at.isRoot() && e.getValue().isObject()) {
                paths.addAll(everyClaim(e.getValue(), p));
            }
        }
        return paths;
    }

    /** The credential issued by {@code issuer} to this holder. */
    String issue(SigningKey issuer, ObjectNode unsigned, CredentialIssuer.Options extra) throws Exception {
        return new CredentialIssuer(issuer).issue(unsigned, SecuringFormat.SD_JWT, extra.withClock(Clock.systemUTC())
                .withHolderKey(holderKey.publicKey()).withDisclosable(everyClaim(unsigned.get("credentialSubject"), ClaimPath.root())));
    }

    String issue(ObjectNode unsigned) throws Exception {
        return issue(BUREAU, unsigned, CredentialIssuer.Options.defaults());
    }

    /** The presentation of {@code credential} with the paths {@code dcql} asks of {@code type}, less {@code without}. */
    String present(String credential, String type, JsonNode dcql, Challenge challenge, ClaimPath without) throws Exception {
        List<ClaimPath> paths = new ArrayList<>(Dcql.claimPaths(dcql, CredentialIssuer.VCT_PREFIX + type));
        paths.remove(without);
        return new CredentialPresenter(holderKey, Clock.systemUTC()).present(credential, paths, challenge);
    }

    /** The loan application the lender sends. */
    static ObjectNode application() throws Exception {
        return Json.parseObject("""
                {"loanPurpose":"usedCar","loanAmount":4200,"loanDurationMonths":24,"instalmentRatePercent":22,
                 "otherDebtors":"none","currency":"DEM"}""");
    }
}
