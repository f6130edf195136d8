package org.creditmesh.core.verifier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditmesh.core.json.Json;

/**
 * Everything one verification found: each check performed with its outcome, and — for a presentation —
 * a report per credential inside it. {@link #verified()} is true only when no check failed, here or in
 * any nested report.
 *
 * @param format       the securing format, empty when the input was not recognised
 * @param presentation whether the input was a presentation
 * @param issuer       the credential's issuer (or the presentation's holder), when known
 * @param types        the credential's types ({@code vct} for SD-JWT VC)
 * @param checks       the checks, in the order performed
 * @param credentials  for a presentation, one report per credential it carries
 * @param claims       for a verified credential, the claims as the verifier may use them (for SD-JWT only
 *                     the disclosed ones); empty when verification failed
 */
public record VerificationReport(Optional<SecuringFormat> format, boolean presentation, Optional<String> issuer,
                                 List<String> types, List<CheckResult> checks, List<VerificationReport> credentials,
                                 Optional<ObjectNode> claims) {

    public VerificationReport {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(issuer, "issuer");
        types = List.copyOf(types);
        checks = List.copyOf(checks);
        credentials = List.copyOf(credentials);
        claims = claims.map(ObjectNode::deepCopy);
    }

    @Override
    public Optional<ObjectNode> claims() {
        return claims.map(ObjectNode::deepCopy);
    }

    /** True when no check failed, in this report or a nested one. */
    public boolean verified() {
        return checks.stream().noneMatch(CheckResult::isFailed)
                && credentials.stream().allMatch(VerificationReport::verified);
    }

    /** The failures, nested ones included, in order. */
    public List<VerificationFailure> failures() {
        var failures = new java.util.ArrayList<VerificationFailure>();
        checks.stream().filter(CheckResult::isFailed).forEach(c -> failures.add(c.failure().orElseThrow()));
        credentials.forEach(nested -> failures.addAll(nested.failures()));
        return List.copyOf(failures);
    }

    /** The result of one check, if it was performed. */
    public Optional<CheckResult> check(Check check) {
        return checks.stream().filter(c -> c.check() == check).findFirst();
    }

    /** The report as JSON, for the CLI's {@code --json} and the HTTP API. Never includes claim values. */
    public ObjectNode toJson() {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("verified", verified());
        format.ifPresent(f -> out.put("format", f.id()));
        out.put("kind", presentation ? "presentation" : "credential");
        issuer.ifPresent(i -> out.put(presentation ? "holder" : "issuer", i));
        ArrayNode typeArray = out.putArray("types");
        types.forEach(typeArray::add);
        ArrayNode checkArray = out.putArray("checks");
        for (CheckResult check : checks) {
            ObjectNode c = checkArray.addObject();
            c.put("check", check.check().id());
            c.put("outcome", check.outcome().name().toLowerCase(java.util.Locale.ROOT));
            check.failure().ifPresent(f -> c.put("code", f.code()));
            if (!check.detail().isEmpty()) {
                c.put("detail", check.detail());
            }
        }
        if (presentation) {
            ArrayNode nested = out.putArray("credentials");
            credentials.forEach(r -> nested.add(r.toJson()));
        }
        return out;
    }
}
