package org.creditmesh.core.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditmesh.core.credential.Credential;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.credential.VcdmVersion;
import org.creditmesh.schemas.CredentialType;
import org.creditmesh.schemas.SchemaResources;

/**
 * Validates a credential against the JSON Schemas (2020-12) of the CreditMesh types it declares — by
 * {@code type} or by a {@code credentialSchema} entry naming one of our schema ids. Schemas are loaded
 * from the schemas module on the class path, never fetched; a {@code credentialSchema} that is not ours
 * is reported as not checked rather than fetched.
 */
final class SchemaCheck {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<CredentialType, JsonSchema> SCHEMAS = new EnumMap<>(CredentialType.class);

    private SchemaCheck() {
    }

    private static synchronized JsonSchema schema(CredentialType type) {
        return SCHEMAS.computeIfAbsent(type, t -> FACTORY.getSchema(SchemaResources.openJsonSchema(t), CONFIG));
    }

    /**
     * A VCDM 1.1 credential (a jwt_vc_json) as the VCDM 2.0 JSON form our schemas describe: the 2.0 base context
     * and {@code validFrom}/{@code validUntil} for {@code issuanceDate}/{@code expirationDate}. The schemas constrain
     * the claims, which are the same in both forms; only the envelope's member names differ.
     */
    private static JsonNode vcdm2View(JsonNode json) {
        ObjectNode out = ((ObjectNode) json).objectNode();
        for (Map.Entry<String, JsonNode> member : json.properties()) {
            switch (member.getKey()) {
                case CredentialSpecs.CONTEXT -> {
                    var contexts = out.putArray(CredentialSpecs.CONTEXT);
                    for (JsonNode c : member.getValue()) {
                        contexts.add(CredentialSpecs.CONTEXT_V1.equals(c.textValue()) ? out.textNode(CredentialSpecs.CONTEXT_V2) : c);
                    }
                }
                case CredentialSpecs.ISSUANCE_DATE -> out.set(CredentialSpecs.VALID_FROM, member.getValue());
                case CredentialSpecs.EXPIRATION_DATE -> out.set(CredentialSpecs.VALID_UNTIL, member.getValue());
                default -> out.set(member.getKey(), member.getValue());
            }
        }
        return out;
    }

    /** Validates {@code json}, the claims of {@code credential} (read only, never changed). */
    static CheckResult check(Credential credential, JsonNode json) {
        Set<CredentialType> types = new LinkedHashSet<>();
        Set<String> foreign = new LinkedHashSet<>();
        credential.types().forEach(t -> CredentialType.fromTypeName(t).ifPresent(types::add));
        for (ObjectNode entry : credential.credentialSchemas()) {
            String id = entry.path("id").asText("");
            CredentialType.fromJsonSchemaId(id).ifPresentOrElse(types::add, () -> foreign.add(id));
        }
        if (types.isEmpty()) {
            return CheckResult.skipped(Check.SCHEMA, foreign.isEmpty()
                    ? "no CreditMesh credential type and no credentialSchema"
                    : "credentialSchema " + foreign + " is not available offline; not fetched");
        }
        JsonNode subject = credential.version() == VcdmVersion.V1_1 ? vcdm2View(json) : json;
        for (CredentialType type : types) {
            Set<ValidationMessage> errors = schema(type).validate(subject);
            if (!errors.isEmpty()) {
                // Paths and keywords only: messages can quote claim values.
                String where = errors.stream().limit(5)
                        .map(m -> m.getInstanceLocation() + " (" + m.getType() + ")").collect(Collectors.joining(", "));
                return CheckResult.failed(Check.SCHEMA, VerificationFailure.SCHEMA,
                        type.typeName() + " schema: " + errors.size() + " violation(s) at " + where);
            }
        }
        return CheckResult.passed(Check.SCHEMA, "valid against " + types.stream().map(CredentialType::jsonSchemaId).toList()
                + (foreign.isEmpty() ? "" : "; " + foreign + " not available offline"));
    }
}
