package org.creditmesh.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.creditmesh.core.json.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write an unsigned example credential to start from (kyc: a KycCredential with every claim group).")
final class TemplateCommand implements Callable<Integer> {

    enum Kind { kyc }

    @Parameters(index = "0", paramLabel = "KIND", description = "kyc")
    Kind kind;

    @Option(names = "--subject", paramLabel = "DID", description = "the credential subject's DID (the borrower)")
    String subject;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (InputStream in = TemplateCommand.class.getResourceAsStream("demo/kyc-unsigned.json")) {
            ObjectNode credential = Json.parseObject(in.readAllBytes());
            // The example's dates are fixed; a template starts valid now (the issuer sets validFrom).
            credential.remove("validFrom");
            credential.remove("validUntil");
            if (subject != null) {
                ((ObjectNode) credential.get("credentialSubject")).put("id", subject);
            }
            CredentialFiles.write(out, Json.writePretty(credential));
        }
        System.out.println("wrote an unsigned " + kind + " credential -> " + out);
        return 0;
    }
}
