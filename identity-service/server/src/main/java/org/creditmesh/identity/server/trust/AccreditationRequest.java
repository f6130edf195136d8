package org.creditmesh.identity.server.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditmesh.core.did.Did;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.identity.server.problem.IdentityProblem;
import org.creditmesh.schemas.CredentialType;
import org.creditmesh.service.problem.HttpProblem;
import org.creditmesh.service.problem.ProblemException;

/**
 * The body of {@code POST /trust/accreditations}:
 * {@code {did, types: [..], validFrom, validUntil, name?, jurisdictions?: ["DE", ..], signingKey?}}. Types are the CreditMesh
 * credential types (the {@code accreditedFor} vocabulary of {@code BureauAccreditationCredential}); times are RFC 3339
 * with a time zone, kept to the second (the precision of the credential's dateTimeStamps). {@code signingKey} is the
 * issuer's signing key as the on-chain registry names it ({@code 0x} and 40 hex digits: an Ethereum address, or a key
 * hash); it can be left out for {@code did:key}, {@code did:jwk} and the did:web issuers this service hosts, whose key
 * the service derives itself.
 */
public record AccreditationRequest(String did, List<String> types, Instant validFrom, Instant validUntil,
                                   Optional<String> name, List<String> jurisdictions, Optional<String> signingKey) {

    public AccreditationRequest {
        Objects.requireNonNull(did, "did");
        types = List.copyOf(types);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        name = name == null ? Optional.empty() : name;
        jurisdictions = List.copyOf(jurisdictions);
        signingKey = signingKey == null ? Optional.empty() : signingKey;
        if (signingKey.isPresent() && !signingKey.get().matches("0x[0-9a-fA-F]{40}")) {
            throw invalid("'signingKey' is an address: 0x and 40 hexadecimal digits");
        }
        if (types.isEmpty()) {
            throw invalid("'types' names at least one credential type");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw invalid("'validUntil' must be after 'validFrom'");
        }
    }

    public static AccreditationRequest parse(ObjectNode body) {
        String did = requiredText(body, "did");
        try {
            Did.parse(did);
        } catch (CreditMeshException e) {
            throw invalid("'did' is not a DID: " + e.getMessage());
        }
        JsonNode typeArray = body.get("types");
        if (typeArray == null || !typeArray.isArray()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'types' is required: an array of credential types");
        }
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode t : typeArray) {
            if (!t.isTextual() || CredentialType.fromTypeName(t.asText()).isEmpty()) {
                throw invalid("'types' holds " + t + ", which is not one of " + knownTypes());
            }
            if (!types.add(t.asText())) {
                throw invalid("'types' names " + t.asText() + " twice");
            }
        }
        Instant from = time(body, "validFrom");
        Instant until = time(body, "validUntil");
        Optional<String> name = Optional.empty();
        if (body.has("name")) {
            String n = requiredText(body, "name");
            if (n.length() > 200) {
                throw invalid("'name' is at most 200 characters");
            }
            name = Optional.of(n);
        }
        List<String> jurisdictions = new ArrayList<>();
        JsonNode j = body.get("jurisdictions");
        if (j != null) {
            if (!j.isArray() || j.isEmpty()) {
                throw invalid("'jurisdictions' is a non-empty array of ISO 3166-1 alpha-2 codes");
            }
            for (JsonNode code : j) {
                if (!code.isTextual() || !java.util.Locale.getISOCountries(java.util.Locale.IsoCountryCode.PART1_ALPHA2)
                        .contains(code.asText()) || jurisdictions.contains(code.asText())) {
                    throw invalid("'jurisdictions' holds " + code + ", not a distinct ISO 3166-1 alpha-2 code");
                }
                jurisdictions.add(code.asText());
            }
        }
        Optional<String> signingKey = body.has("signingKey") ? Optional.of(requiredText(body, "signingKey")) : Optional.empty();
        return new AccreditationRequest(did, List.copyOf(types), from, until, name, jurisdictions, signingKey);
    }

    /** An optional RFC 3339 instant member, truncated to the second. */
    public static Optional<Instant> optionalTime(ObjectNode body, String member) {
        JsonNode node = body.get(member);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + member + "' must be an RFC 3339 date-time string");
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText()).toInstant().truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST,
                    "'" + member + "' must be an RFC 3339 date-time with a time zone, e.g. 2027-01-01T00:00:00Z");
        }
    }

    private static Instant time(ObjectNode body, String member) {
        return optionalTime(body, member).orElseThrow(() -> new ProblemException(HttpProblem.INVALID_REQUEST,
                "'" + member + "' is required: an RFC 3339 date-time with a time zone"));
    }

    private static String requiredText(ObjectNode body, String member) {
        JsonNode node = body.get(member);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new ProblemException(HttpProblem.INVALID_REQUEST, "'" + member + "' is required: a non-empty string");
        }
        return node.asText();
    }

    private static List<String> knownTypes() {
        return java.util.Arrays.stream(CredentialType.values()).map(CredentialType::typeName).toList();
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(IdentityProblem.INVALID_ACCREDITATION, detail);
    }
}
