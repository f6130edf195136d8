package org.creditmesh.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.verifier.SecuringFormat;

/** Reading and writing the files the CLI works on. */
final class CredentialFiles {

    /** Files larger than this are not credentials; refuse them before reading them whole. */
    static final long MAX_FILE_BYTES = 4L << 20;

    private CredentialFiles() {
    }

    static String read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new IOException(file + " is " + size + " bytes; a credential file is at most " + MAX_FILE_BYTES);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    static void write(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, content.endsWith("\n") ? content : content + "\n", StandardCharsets.UTF_8);
    }

    /**
     * The credential's JSON as written in the file, without checking any signature: the JSON of a Data
     * Integrity credential, the payload of a {@code vc+jwt}. For reading a status entry, never for trust.
     */
    static ObjectNode unverifiedJson(String text) throws CreditMeshException, IOException {
        SecuringFormat format = SecuringFormat.detect(text)
                .orElseThrow(() -> new IOException("not a credential in a known format"));
        return switch (format) {
            case DATA_INTEGRITY -> Json.parseObject(text);
            case JOSE -> {
                String[] parts = text.strip().split("\\.");
                yield Json.parseObject(Base64.getUrlDecoder().decode(parts[1]));
            }
            case SD_JWT -> throw new IOException("SD-JWT credentials carry no Bitstring Status List entry");
        };
    }

    /** The credential's {@code credentialStatus} entries. */
    static List<JsonNode> statusEntries(String text) throws CreditMeshException, IOException {
        return DataModelValidator.asList(unverifiedJson(text).get("credentialStatus"));
    }
}
