package org.creditmesh.anchor.chain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A contract compiled by the build (solc-js {@code --bin --abi --optimize}, output under
 * {@code org/creditmesh/anchor/contracts/} on the class path).
 *
 * @param name contract name, e.g. {@code AnchorRegistry}
 * @param bytecode creation bytecode, hex without {@code 0x}
 * @param abi the ABI as JSON
 */
public record ContractArtifact(String name, String bytecode, String abi) {

    private static final String DIR = "/org/creditmesh/anchor/contracts/";

    public ContractArtifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytecode, "bytecode");
        Objects.requireNonNull(abi, "abi");
    }

    public static ContractArtifact anchorRegistry() throws AnchorException {
        return load("AnchorRegistry");
    }

    public static ContractArtifact issuerRegistry() throws AnchorException {
        return load("IssuerRegistry");
    }

    /** Loads {@code <name>_sol_<name>.bin/.abi}, the names solc-js gives a contract of {@code <name>.sol}. */
    public static ContractArtifact load(String name) throws AnchorException {
        String base = DIR + name + "_sol_" + name;
        return new ContractArtifact(name, resource(base + ".bin").strip(), resource(base + ".abi"));
    }

    private static String resource(String path) throws AnchorException {
        try (InputStream in = ContractArtifact.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AnchorException(AnchorError.CONTRACT_ARTIFACT_MISSING,
                        "compiled contract " + path + " is not on the class path; build ledger-anchor with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AnchorException(AnchorError.CONTRACT_ARTIFACT_MISSING, "cannot read " + path, e);
        }
    }
}
