package org.creditmesh.core.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyType;
import org.creditmesh.core.keys.SigningKey;
import org.junit.jupiter.api.Test;

/**
 * Bad input never escapes as an unchecked exception: thousands of structural mutations of a signed
 * credential (members removed, values replaced by other JSON types) each either verify or fail with a
 * {@link DataIntegrityException}. Fixed seed, so a failure reproduces.
 */
class DataIntegrityRobustnessTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final JsonNode[] REPLACEMENTS = {
        F.nullNode(), F.numberNode(10), F.numberNode(1.5e300), F.booleanNode(true), F.textNode(""),
        F.textNode("z"), F.textNode("_:b0"), F.textNode("https://evil.example/ctx"), F.textNode("@id"),
        F.arrayNode(), F.objectNode(), F.arrayNode().add(F.objectNode()), F.objectNode().put("@value", 1),
        F.objectNode().put("@id", "relative"), F.objectNode().set("@context", F.objectNode().put("x", "@type"))
    };

    @Test
    void mutatedCredentialsFailWithTypedErrorsOnly() throws Exception {
        SigningKey key = SigningKey.generate(KeyType.ED25519);
        ObjectNode signed = new DataIntegritySigner(key).sign(Json.parseObject("""
                {"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
                 "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33", "type": ["VerifiableCredential", "AlumniCredential"],
                 "issuer": {"id": "did:example:issuer", "name": "Example"}, "validFrom": "2023-01-01T00:00:00Z",
                 "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": {"name": "School", "year": 2020}}}"""),
                ProofOptions.assertion(TestKeys.didKeyMethod(key.publicKey()), Instant.parse("2025-01-01T00:00:00Z")));
        DataIntegrityVerifier verifier = new DataIntegrityVerifier(VerificationMethodResolver.fixed(key.publicKey()));
        VerificationOptions options = VerificationOptions.assertion(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(verifier.verify(signed, options)).hasSize(1);

        Random random = new Random(20261123L);
        int typedFailures = 0;
        for (int round = 0; round < 1500; round++) {
            ObjectNode mutated = signed.deepCopy();
            List<ContainerSlot> slots = new ArrayList<>();
            collect(mutated, slots);
            ContainerSlot slot = slots.get(random.nextInt(slots.size()));
            JsonNode replacement = random.nextInt(6) == 0 ? null : REPLACEMENTS[random.nextInt(REPLACEMENTS.length)].deepCopy();
            slot.replace(replacement);
            try {
                verifier.verify(mutated, options);
            } catch (DataIntegrityException expected) {
                typedFailures++;
            } catch (RuntimeException e) {
                throw new AssertionError("untyped " + e + " for " + Json.write(mutated), e);
            }
        }
        assertThat(typedFailures).isGreaterThan(1000);
    }

    /** A place in the tree: an object member or an array element. */
    private record ContainerSlot(JsonNode parent, String field, int index) {
        void replace(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(field);
                } else {
                    object.set(field, value);
                }
            } else if (parent instanceof ArrayNode array) {
                if (value == null) {
                    array.remove(index);
                } else {
                    array.set(index, value);
                }
            }
        }
    }

    private static void collect(JsonNode node, List<ContainerSlot> slots) {
        if (node instanceof ObjectNode object) {
            for (var member : object.properties()) {
                slots.add(new ContainerSlot(object, member.getKey(), -1));
                collect(member.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new ContainerSlot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }
}
