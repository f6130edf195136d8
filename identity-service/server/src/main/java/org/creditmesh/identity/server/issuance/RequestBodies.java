package org.creditmesh.identity.server.issuance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.creditmesh.core.verifier.SecuringFormat;
import org.creditmesh.service.problem.ProblemException;
import org.creditmesh.identity.server.problem.IdentityProblem;

/** The identity service's request values: securing format names and body hashes. (JSON bodies: {@link org.creditmesh.service.http.JsonBodies}.) */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** A securing format by any of the names the VC-API, OpenID4VCI and the CLI use. */
    public static SecuringFormat format(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "di", "eddsa-rdfc-2022", "dataintegrityproof", "ldp_vc", "ldp" -> SecuringFormat.DATA_INTEGRITY;
            case "jwt", "vc+jwt", "application/vc+jwt" -> SecuringFormat.JOSE;
            case "sd-jwt", "dc+sd-jwt", "application/dc+sd-jwt", "vc+sd-jwt" -> SecuringFormat.SD_JWT;
            default -> throw new ProblemException(IdentityProblem.UNSUPPORTED_FORMAT,
                    "format '" + name + "' is not one of di (eddsa-rdfc-2022), vc+jwt, dc+sd-jwt");
        };
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is a required JDK algorithm", e);
        }
    }
}
