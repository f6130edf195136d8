package org.creditmesh.identity.server.api;

/** The request media types the VC-API endpoints accept: JSON and its JSON-LD / VC flavours. */
final class MediaTypes {

    static final String JSON = "application/json";
    static final String LD_JSON = "application/ld+json";
    static final String VC_LD_JSON = "application/vc+ld+json";

    private MediaTypes() {
    }
}
