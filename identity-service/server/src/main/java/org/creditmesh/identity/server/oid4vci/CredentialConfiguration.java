package org.creditmesh.identity.server.oid4vci;

import java.util.List;
import java.util.Objects;
import org.creditmesh.core.issuer.CredentialIssuer;
import org.creditmesh.core.verifier.SecuringFormat;

/**
 * One entry of {@code credential_configurations_supported} (OpenID4VCI 1.0 section 12.2.4): a credential type in
 * one format, with the subject claims it carries ({@code mandatory} ones are required by the type's JSON Schema).
 */
record CredentialConfiguration(String id, String type, String format, List<String> claims, List<String> mandatory,
                               String displayName) {

    CredentialConfiguration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (!format.equals(Oid4vciSpecs.FORMAT_SD_JWT) && !format.equals(Oid4vciSpecs.FORMAT_JWT_VC_JSON)) {
            throw new IllegalArgumentException("unsupported format " + format);
        }
        claims = List.copyOf(claims);
        mandatory = List.copyOf(mandatory);
        Objects.requireNonNull(displayName, "displayName");
    }

    /** The core's securing format: SD-JWT VC, or a JWT for {@code jwt_vc_json} (issued in the VCDM 1.1 JWT encoding). */
    SecuringFormat securingFormat() {
        return format.equals(Oid4vciSpecs.FORMAT_SD_JWT) ? SecuringFormat.SD_JWT : SecuringFormat.JOSE;
    }

    /** The SD-JWT VC {@code vct}: the core derives it from the type the same way. */
    String vct() {
        return CredentialIssuer.VCT_PREFIX + type;
    }
}
