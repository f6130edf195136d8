package org.creditmesh.core.dcql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.sdjwt.ClaimPath;

/**
 * One Credential Query (OpenID4VP 1.0 section 6.1): which credential (format and, for SD-JWT VC, the accepted
 * {@code vct} values of appendix B.3.5) and which of its claims. Without {@code claims} the verifier asks for
 * no selectively disclosable claim at all (section 6.4.1); the always-visible ones come regardless.
 *
 * @param id                   the key of this credential's presentations in the {@code vp_token}
 * @param format               the Credential Format Identifier, e.g. {@code dc+sd-jwt}
 * @param multiple             whether more than one presentation may answer it
 * @param vctValues            for {@code dc+sd-jwt}: the accepted {@code vct} values
 * @param requireHolderBinding whether the presentation must prove possession of the holder's key (default true)
 * @param claims               the claims requested; empty for none
 */
public record DcqlCredentialQuery(String id, String format, boolean multiple, List<String> vctValues,
                                  boolean requireHolderBinding, List<DcqlClaimsQuery> claims) {

    public DcqlCredentialQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        vctValues = List.copyOf(vctValues);
        claims = List.copyOf(claims);
        if (!DcqlClaimsQuery.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a credential query id consists of alphanumerics, '_' and '-'");
        }
        if (format.isEmpty()) {
            throw new IllegalArgumentException("format is a non-empty string");
        }
    }

    /** An SD-JWT VC query: one of {@code vctValues}, holder-bound, with the claims at {@code claimPaths}. */
    public static DcqlCredentialQuery sdJwtVc(String id, List<String> vctValues, List<List<Object>> claimPaths) {
        List<DcqlClaimsQuery> claims = claimPaths.stream()
                .map(p -> new DcqlClaimsQuery(java.util.Optional.empty(), p, List.of())).toList();
        return new DcqlCredentialQuery(id, DcqlSpecs.FORMAT_SD_JWT_VC, false, vctValues, true, claims);
    }

    static DcqlCredentialQuery parse(JsonNode node, String where) throws DcqlException {
        if (!node.isObject()) {
            throw malformed(where + " is a JSON object");
        }
        JsonNode id = node.get(DcqlSpecs.ID);
        if (id == null || !id.isTextual() || !DcqlClaimsQuery.ID.matcher(id.textValue()).matches()) {
            throw malformed(where + ".id is a non-empty string of alphanumerics, '_' and '-' (section 6.1)");
        }
        JsonNode format = node.get(DcqlSpecs.FORMAT);
        if (format == null || !format.isTextual() || format.textValue().isEmpty()) {
            throw malformed(where + ".format is a non-empty string (section 6.1)");
        }
        boolean multiple = bool(node, DcqlSpecs.MULTIPLE, false, where);
        boolean holderBinding = bool(node, DcqlSpecs.REQUIRE_HOLDER_BINDING, true, where);
        if (node.has(DcqlSpecs.TRUSTED_AUTHORITIES)) {
            throw new DcqlException(DcqlError.UNSUPPORTED_FEATURE, where + ".trusted_authorities is not supported");
        }
        if (node.has(DcqlSpecs.CLAIM_SETS)) {
            throw new DcqlException(DcqlError.UNSUPPORTED_FEATURE, where + ".claim_sets is not supported: list the claims needed");
        }
        JsonNode meta = node.get(DcqlSpecs.META);
        if (meta == null || !meta.isObject()) {
            throw malformed(where + ".meta is a JSON object (section 6.1)");
        }
        List<String> vctValues = new ArrayList<>();
        if (DcqlSpecs.FORMAT_SD_JWT_VC.equals(format.textValue())) {
            JsonNode vct = meta.get(DcqlSpecs.VCT_VALUES);
            if (vct == null || !vct.isArray() || vct.isEmpty()) {
                throw malformed(where + ".meta.vct_values is a non-empty array of strings (appendix B.3.5)");
            }
            for (JsonNode v : vct) {
                if (!v.isTextual() || v.textValue().isEmpty()) {
                    throw malformed(where + ".meta.vct_values is a non-empty array of strings (appendix B.3.5)");
                }
                vctValues.add(v.textValue());
            }
        }
        List<DcqlClaimsQuery> claims = new ArrayList<>();
        JsonNode claimsNode = node.get(DcqlSpecs.CLAIMS);
        if (claimsNode != null) {
            if (!claimsNode.isArray() || claimsNode.isEmpty()) {
                throw malformed(where + ".claims is a non-empty array (section 6.1)");
            }
            for (int i = 0; i < claimsNode.size(); i++) {
                claims.add(DcqlClaimsQuery.parse(claimsNode.get(i), where + ".claims[" + i + "]"));
            }
        }
        return new DcqlCredentialQuery(id.textValue(), format.textValue(), multiple, vctValues, holderBinding, claims);
    }

    ObjectNode toJson() {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put(DcqlSpecs.ID, id);
        out.put(DcqlSpecs.FORMAT, format);
        if (multiple) {
            out.put(DcqlSpecs.MULTIPLE, true);
        }
        ObjectNode meta = out.putObject(DcqlSpecs.META);
        if (!vctValues.isEmpty()) {
            ArrayNode vct = meta.putArray(DcqlSpecs.VCT_VALUES);
            vctValues.forEach(vct::add);
        }
        if (!requireHolderBinding) {
            out.put(DcqlSpecs.REQUIRE_HOLDER_BINDING, false);
        }
        if (!claims.isEmpty()) {
            ArrayNode c = out.putArray(DcqlSpecs.CLAIMS);
            claims.forEach(q -> c.add(q.toJson()));
        }
        return out;
    }

    /** Whether a credential of type {@code vct} with the (fully disclosed) {@code claims} can answer this query. */
    public boolean matches(String vct, JsonNode claims) {
        if (!vctValues.isEmpty() && !vctValues.contains(vct)) {
            return false;
        }
        return claims().stream().allMatch(q -> q.isSatisfiedBy(claims));
    }

    /** The concrete paths of every requested claim present in {@code claims}. */
    public List<ClaimPath> requestedPaths(JsonNode claims) {
        List<ClaimPath> out = new ArrayList<>();
        for (DcqlClaimsQuery q : this.claims) {
            for (ClaimPath p : q.select(claims)) {
                if (!out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether disclosing {@code path} serves one of the requested claims. */
    public boolean isRequested(ClaimPath path) {
        return claims.stream().anyMatch(q -> q.covers(path));
    }

    private static boolean bool(JsonNode node, String member, boolean fallback, String where) throws DcqlException {
        JsonNode value = node.get(member);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw malformed(where + "." + member + " is a boolean");
        }
        return value.booleanValue();
    }

    private static DcqlException malformed(String message) {
        return new DcqlException(DcqlError.MALFORMED_QUERY, message);
    }
}
