package org.creditmesh.core.credential;

import static org.creditmesh.core.credential.CredentialSpecs.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.creditmesh.core.json.Json;

/**
 * An enveloped verifiable credential (VCDM 2.0 section 4.13.1): a credential secured by an enveloping
 * mechanism, carried in a presentation as an {@code EnvelopedVerifiableCredential} whose {@code id} is
 * the RFC 2397 {@code data:} URL {@code data:<mediaType>,<data>} — for VC-JOSE-COSE,
 * {@code data:application/vc+jwt,<compact JWS>}.
 *
 * <p>The data is kept without percent-encoding: a compact JWS uses only URL-safe characters, and the
 * specifications' examples put it in the URL as is.
 */
public record EnvelopedCredential(String mediaType, String data) {

    public EnvelopedCredential {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(data, "data");
    }

    /** Reads a {@code data:} URL of the form {@code data:<media type>,<data>} (no {@code ;base64}). */
    public static EnvelopedCredential parse(String dataUrl) throws DataModelException {
        if (dataUrl == null || !dataUrl.startsWith("data:")) {
            throw new DataModelException(DataModelError.INVALID_ENVELOPED_CREDENTIAL, "not a data: URL");
        }
        int comma = dataUrl.indexOf(',');
        if (comma < 0) {
            throw new DataModelException(DataModelError.INVALID_ENVELOPED_CREDENTIAL, "a data: URL has a comma before its data");
        }
        String mediaType = dataUrl.substring("data:".length(), comma);
        if (mediaType.isEmpty() || mediaType.contains(";")) {
            throw new DataModelException(DataModelError.INVALID_ENVELOPED_CREDENTIAL,
                    "an enveloped credential's data: URL names a media type without parameters");
        }
        return new EnvelopedCredential(mediaType, dataUrl.substring(comma + 1));
    }

    /** The {@code data:} URL. */
    public String dataUrl() {
        return "data:" + mediaType + "," + data;
    }

    /** The {@code EnvelopedVerifiableCredential} object that goes into a presentation's {@code verifiableCredential}. */
    public ObjectNode toJson() {
        ObjectNode node = Json.mapper().createObjectNode();
        ArrayNode context = node.putArray(CONTEXT);
        context.add(CONTEXT_V2);
        node.put(ID, dataUrl());
        node.put(TYPE, TYPE_ENVELOPED_CREDENTIAL);
        return node;
    }

    /** Shows the media type only; the data is a credential. */
    @Override
    public String toString() {
        return "EnvelopedCredential[" + mediaType + ", " + data.length() + " chars]";
    }
}
