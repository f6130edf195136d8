package org.creditmesh.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code examples/manifest.json}: every example credential with the outcome it must have. */
final class ExampleManifest {

    static final String MANIFEST = "examples/manifest.json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    enum Expected { VALID, INVALID }

    enum Violates { SCHEMA, SHACL, BOTH }

    record Entry(String file, CredentialType type, Expected expected, Violates violates, String basedOn, String reason) {
        @Override
        public String toString() {
            return file;
        }

        String resource() {
            return "examples/" + file;
        }

        boolean schemaMustReject() {
            return violates == Violates.SCHEMA || violates == Violates.BOTH;
        }

        boolean shaclMustReject() {
            return violates == Violates.SHACL || violates == Violates.BOTH;
        }
    }

    private ExampleManifest() {
    }

    static List<Entry> entries() {
        JsonNode root = readJson(MANIFEST);
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : root.get("entries")) {
            Expected expected = Expected.valueOf(e.get("expected").asText().toUpperCase(Locale.ROOT));
            Violates violates = e.hasNonNull("violates")
                    ? Violates.valueOf(e.get("violates").asText().toUpperCase(Locale.ROOT)) : null;
            String basedOn = e.hasNonNull("basedOn") ? e.get("basedOn").asText() : null;
            if ((expected == Expected.INVALID) != (violates != null) || (violates != null) != (basedOn != null)) {
                throw new IllegalStateException("manifest entry " + e.get("file") + ": 'violates' and 'basedOn' iff invalid");
            }
            CredentialType type = CredentialType.fromTypeName(e.get("type").asText())
                    .orElseThrow(() -> new IllegalStateException("manifest entry " + e.get("file") + ": unknown type"));
            entries.add(new Entry(e.get("file").asText(), type, expected, violates, basedOn, e.get("reason").asText()));
        }
        return entries;
    }

    static JsonNode readJson(String resource) {
        try (InputStream in = SchemaResources.open(resource)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readText(String resource) {
        return new String(SchemaResources.read(resource), StandardCharsets.UTF_8);
    }
}
