package org.creditmesh.core.did;

/**
 * Names and constants from the DID specifications, in one place: W3C DID Core 1.0, W3C Controlled
 * Identifiers 1.0, the W3C CCG did:key (v0.9) and did:web methods and the DIF did:jwk method.
 */
public final class DidSpecs {

    private DidSpecs() {
    }

    /** DID Core 1.0 section 3.1: every DID starts with this scheme. */
    public static final String SCHEME = "did";

    /** Longest DID or DID URL accepted (an RSA-4096 did:key is ~750 characters). */
    public static final int MAX_DID_LENGTH = 8192;

    public static final String METHOD_KEY = "key";
    public static final String METHOD_JWK = "jwk";
    public static final String METHOD_WEB = "web";

    // JSON-LD contexts.
    public static final String CONTEXT_DID_V1 = "https://www.w3.org/ns/did/v1";
    public static final String CONTEXT_MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
    public static final String CONTEXT_JWK_V1 = "https://w3id.org/security/jwk/v1";
    public static final String CONTEXT_JWS_2020_V1 = "https://w3id.org/security/suites/jws-2020/v1";
    public static final String CONTEXT_ED25519_2018_V1 = "https://w3id.org/security/suites/ed25519-2018/v1";
    public static final String CONTEXT_ED25519_2020_V1 = "https://w3id.org/security/suites/ed25519-2020/v1";
    public static final String CONTEXT_SECP256K1_2019_V1 = "https://w3id.org/security/suites/secp256k1-2019/v1";
    public static final String CONTEXT_MULTIKEY_2021_V1 = "https://w3id.org/security/suites/multikey-2021/v1";

    // DID document members (DID Core 1.0 section 5).
    public static final String CONTEXT = "@context";
    public static final String ID = "id";
    public static final String CONTROLLER = "controller";
    public static final String ALSO_KNOWN_AS = "alsoKnownAs";
    public static final String VERIFICATION_METHOD = "verificationMethod";
    public static final String SERVICE = "service";
    public static final String TYPE = "type";
    public static final String SERVICE_ENDPOINT = "serviceEndpoint";

    // Verification material members (Controlled Identifiers 1.0 section 2.2; legacy suites).
    public static final String PUBLIC_KEY_MULTIBASE = "publicKeyMultibase";
    public static final String PUBLIC_KEY_JWK = "publicKeyJwk";
    public static final String PUBLIC_KEY_BASE58 = "publicKeyBase58";

    /** did:jwk: the only fragment its DID URLs use. */
    public static final String DID_JWK_FRAGMENT = "0";

    /** did:web (CCG spec, section "Read"): the document path when the DID has no path. */
    public static final String DID_WEB_WELL_KNOWN = "/.well-known";
    public static final String DID_WEB_DOCUMENT = "/did.json";

    /** Media types a did:web host may serve the document with (DID Core 1.0 section 6.2, JSON). */
    public static final String MEDIA_TYPE_DID_JSON = "application/did+json";
    public static final String MEDIA_TYPE_DID_LD_JSON = "application/did+ld+json";
    public static final String MEDIA_TYPE_JSON = "application/json";
    public static final String MEDIA_TYPE_LD_JSON = "application/ld+json";

    /** did:key multicodec codes of key types CreditMesh recognises but does not support. */
    static String unsupportedCodecName(int codec) {
        return switch (codec) {
            case 0xec -> "x25519-pub";
            case 0xea -> "bls12_381-g1-pub";
            case 0xeb -> "bls12_381-g2-pub";
            case 0xee -> "bls12_381-g1g2-pub";
            case 0x1201 -> "p384-pub";
            case 0x1202 -> "p521-pub";
            case 0x1205 -> "rsa-pub";
            default -> null;
        };
    }
}
