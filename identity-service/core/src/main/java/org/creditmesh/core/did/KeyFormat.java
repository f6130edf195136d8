package org.creditmesh.core.did;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.keys.KeyType;

/**
 * The verification method types CreditMesh reads and writes, each with the member that carries the
 * key and the JSON-LD context that defines the type. {@link #MULTIKEY} and {@link #JSON_WEB_KEY} are
 * W3C Controlled Identifiers 1.0 (sections 2.2.2 and 2.2.3); the others are the older suite types
 * that deployed documents and the did:key test vectors still use, supported so those documents
 * resolve and so the vectors can be reproduced exactly.
 */
public enum KeyFormat {
    /** Controlled Identifiers 1.0 section 2.2.2: {@code publicKeyMultibase} (multicodec + base58btc). */
    MULTIKEY("Multikey", DidSpecs.PUBLIC_KEY_MULTIBASE, DidSpecs.CONTEXT_MULTIKEY_V1, EnumSet.allOf(KeyType.class)),
    /** Controlled Identifiers 1.0 section 2.2.3: {@code publicKeyJwk}. */
    JSON_WEB_KEY("JsonWebKey", DidSpecs.PUBLIC_KEY_JWK, DidSpecs.CONTEXT_JWK_V1, EnumSet.allOf(KeyType.class)),
    /** The JWS 2020 suite's {@code JsonWebKey2020} ({@code publicKeyJwk}), as did:jwk and did:key v0.7 use. */
    JSON_WEB_KEY_2020("JsonWebKey2020", DidSpecs.PUBLIC_KEY_JWK, DidSpecs.CONTEXT_JWS_2020_V1, EnumSet.allOf(KeyType.class)),
    /** Ed25519 Signature 2020 suite: {@code publicKeyMultibase}. */
    ED25519_VERIFICATION_KEY_2020("Ed25519VerificationKey2020", DidSpecs.PUBLIC_KEY_MULTIBASE,
            DidSpecs.CONTEXT_ED25519_2020_V1, EnumSet.of(KeyType.ED25519)),
    /** Ed25519 Signature 2018 suite: {@code publicKeyBase58} (raw 32 bytes). */
    ED25519_VERIFICATION_KEY_2018("Ed25519VerificationKey2018", DidSpecs.PUBLIC_KEY_BASE58,
            DidSpecs.CONTEXT_ED25519_2018_V1, EnumSet.of(KeyType.ED25519)),
    /** secp256k1 2019 suite: {@code publicKeyBase58} (33-byte compressed point). */
    ECDSA_SECP256K1_VERIFICATION_KEY_2019("EcdsaSecp256k1VerificationKey2019", DidSpecs.PUBLIC_KEY_BASE58,
            DidSpecs.CONTEXT_SECP256K1_2019_V1, EnumSet.of(KeyType.SECP256K1)),
    /** The did:key test vectors' {@code P256Key2021}: {@code publicKeyBase58} (33-byte compressed point). */
    P256_KEY_2021("P256Key2021", DidSpecs.PUBLIC_KEY_BASE58, DidSpecs.CONTEXT_MULTIKEY_2021_V1, EnumSet.of(KeyType.P256));

    private final String type;
    private final String keyMember;
    private final String context;
    private final Set<KeyType> keyTypes;

    KeyFormat(String type, String keyMember, String context, Set<KeyType> keyTypes) {
        this.type = type;
        this.keyMember = keyMember;
        this.context = context;
        this.keyTypes = keyTypes;
    }

    /** The verification method {@code type} value. */
    public String type() {
        return type;
    }

    /** The member that carries the key when this format is written. */
    public String keyMember() {
        return keyMember;
    }

    /** The JSON-LD context that defines the type. */
    public String context() {
        return context;
    }

    /** Whether a key of this type can be expressed in this format. */
    public boolean supports(KeyType keyType) {
        return keyTypes.contains(keyType);
    }

    /** The one key type of a single-curve suite type (the base58 formats name the curve by their type). */
    KeyType onlyKeyType() {
        if (keyTypes.size() != 1) {
            throw new IllegalStateException(type + " is not a single-curve type");
        }
        return keyTypes.iterator().next();
    }

    /** The format for a verification method {@code type}, if known. */
    public static Optional<KeyFormat> fromType(String type) {
        return Arrays.stream(values()).filter(f -> f.type.equals(type)).findFirst();
    }
}
