package org.creditmesh.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/** The JSON side of validation: networknt's 2020-12 validator with format assertions on. */
final class JsonSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    // 2020-12 treats "format" as an annotation unless asked; the schemas also carry patterns for validators that do not.
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private JsonSchemas() {
    }

    static JsonSchema schema(CredentialType type) {
        return FACTORY.getSchema(SchemaResources.openJsonSchema(type), CONFIG);
    }

    static Set<ValidationMessage> validate(CredentialType type, JsonNode credential) {
        return schema(type).validate(credential);
    }
}
