package org.creditmesh.core.issuer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.creditmesh.core.credential.CredentialSpecs;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.credential.Presentation;
import org.creditmesh.core.dataintegrity.DataIntegritySigner;
import org.creditmesh.core.dataintegrity.ProofOptions;
import org.creditmesh.core.did.DidKey;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.jose.VcJwtIssuer;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.jsonld.ContextRegistry;
import org.creditmesh.core.keys.SigningKey;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.creditmesh.core.sdjwt.SdJwtHolder;
import org.creditmesh.core.verifier.Challenge;
import org.creditmesh.core.verifier.SecuringFormat;

/**
 * The holder's side: presents a credential to a verifier, bound to the verifier's challenge and signed
 * with the holder's key, in the credential's own format — an SD-JWT+KB with only the chosen disclosures,
 * a {@code vp+jwt} enveloping a {@code vc+jwt}, or a Data Integrity presentation with an
 * {@code authentication} proof.
 */
public final class CredentialPresenter {

    private final SigningKey holderKey;
    private final String holder;
    private final String verificationMethod;
    private final Clock clock;

    /** A holder identified by the did:key of {@code holderKey}. */
    public CredentialPresenter(SigningKey holderKey, Clock clock) {
        this.holderKey = Objects.requireNonNull(holderKey, "holderKey");
        this.holder = DidKey.create(holderKey.publicKey()).toString();
        this.verificationMethod = holder + "#" + holderKey.publicKey().toMultikey();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String holder() {
        return holder;
    }

    /**
     * Presents {@code credential} (as issued) to the verifier that sent {@code challenge}.
     * {@code disclose} applies to SD-JWT only: the claim paths to reveal, all others stay hidden.
     */
    public String present(String credential, List<ClaimPath> disclose, Challenge challenge) throws CreditMeshException {
        SecuringFormat format = SecuringFormat.detect(credential).orElseThrow(() -> new IssuerException(
                IssuerError.UNSUPPORTED_FOR_FORMAT, "not a credential in a known format"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (format != SecuringFormat.SD_JWT && !disclose.isEmpty()) {
            throw new IssuerException(IssuerError.UNSUPPORTED_FOR_FORMAT,
                    "choosing disclosures needs an SD-JWT credential; a " + format.id() + " credential is shown whole");
        }
        return switch (format) {
            case SD_JWT -> SdJwtHolder.parse(credential.strip())
                    .present(disclose, holderKey, challenge.audience(), challenge.nonce(), now).serialize();
            case JOSE -> new VcJwtIssuer(holderKey, verificationMethod)
                    .present(VcJwtIssuer.envelop(holder, List.of(credential.strip())), challenge.nonce(), challenge.audience());
            case DATA_INTEGRITY -> {
                ObjectNode vp = Json.mapper().createObjectNode();
                vp.putArray(CredentialSpecs.CONTEXT).add(CredentialSpecs.CONTEXT_V2);
                vp.putArray(CredentialSpecs.TYPE).add("VerifiablePresentation");
                vp.put(CredentialSpecs.HOLDER, holder);
                ArrayNode credentials = vp.putArray("verifiableCredential");
                credentials.add(Json.parseObject(credential));
                Presentation.from(vp, new DataModelValidator(ContextRegistry::isKnown));
                yield Json.write(new DataIntegritySigner(holderKey).sign(vp,
                        ProofOptions.authentication(verificationMethod, now, challenge.nonce(), challenge.audience())));
            }
        };
    }
}
