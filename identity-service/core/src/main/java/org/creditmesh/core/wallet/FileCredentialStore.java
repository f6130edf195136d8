package org.creditmesh.core.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.json.MalformedJsonException;

/**
 * A {@link CredentialStore} in a folder: one JSON file per credential, owner-only, written atomically. The file name
 * is the SHA-256 of the credential id, so ids need no escaping.
 */
public final class FileCredentialStore implements CredentialStore {

    private final Path folder;

    public FileCredentialStore(Path folder) throws WalletException {
        try {
            this.folder = Files.createDirectories(folder);
        } catch (IOException e) {
            throw new WalletException(WalletError.PROTOCOL, "the credential folder " + folder + " is not usable", e);
        }
    }

    @Override
    public void save(ReceivedCredential credential) throws WalletException {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("id", credential.id());
        json.put("credentialIssuer", credential.credentialIssuer());
        json.put("configurationId", credential.configurationId());
        json.put("format", credential.format());
        json.put("credential", credential.credential());
        json.put("holder", credential.holder());
        json.put("receivedAt", credential.receivedAt().toString());
        try {
            Path tmp = Files.createTempFile(folder, "credential", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, Json.write(json), StandardCharsets.UTF_8);
            Files.move(tmp, file(credential.id()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new WalletException(WalletError.PROTOCOL, "the credential could not be written", e);
        }
    }

    @Override
    public Optional<ReceivedCredential> get(String id) throws WalletException {
        Path file = file(id);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    @Override
    public List<ReceivedCredential> list() throws WalletException {
        List<ReceivedCredential> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                out.add(read(file));
            }
        } catch (IOException e) {
            throw new WalletException(WalletError.PROTOCOL, "the credential folder could not be listed", e);
        }
        return out;
    }

    private ReceivedCredential read(Path file) throws WalletException {
        try {
            JsonNode json = Json.parse(Files.readAllBytes(file));
            return new ReceivedCredential(json.path("id").asText(), json.path("credentialIssuer").asText(),
                    json.path("configurationId").asText(), json.path("format").asText(), json.path("credential").asText(),
                    json.path("holder").asText(), Instant.parse(json.path("receivedAt").asText()));
        } catch (IOException | MalformedJsonException | RuntimeException e) {
            throw new WalletException(WalletError.PROTOCOL, "the stored credential " + file.getFileName() + " is unreadable", e);
        }
    }

    private Path file(String id) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(digest) + ".json");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
