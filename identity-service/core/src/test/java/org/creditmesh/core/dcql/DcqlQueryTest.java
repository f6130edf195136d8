package org.creditmesh.core.dcql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.sdjwt.ClaimPath;
import org.junit.jupiter.api.Test;

/** DCQL (OpenID4VP 1.0 section 6) and claims path pointers (section 7). */
class DcqlQueryTest {

    /** The SD-JWT VC example of OpenID4VP 1.0 section 6 / appendix D. */
    static final String SPEC_EXAMPLE = """
            {"credentials": [{"id": "my_credential", "format": "dc+sd-jwt",
              "meta": {"vct_values": ["https://credentials.example.com/identity_credential"]},
              "claims": [{"path": ["last_name"]}, {"path": ["first_name"]}, {"path": ["address", "street_address"]}]}]}""";

    static final String CLAIMS = """
            {"vct": "https://credentials.example.com/identity_credential", "last_name": "Doe", "first_name": "Jane",
             "address": {"street_address": "Main St 1", "locality": "Town"},
             "nationalities": ["DE", "FR"], "degrees": [{"type": "BSc"}, {"type": "MSc"}]}""";

    @Test
    void parsesTheSpecExampleAndWritesItBack() throws Exception {
        DcqlQuery query = DcqlQuery.parse(SPEC_EXAMPLE);
        DcqlCredentialQuery q = query.credentials().getFirst();
        assertThat(q.id()).isEqualTo("my_credential");
        assertThat(q.format()).isEqualTo("dc+sd-jwt");
        assertThat(q.requireHolderBinding()).isTrue();
        assertThat(q.multiple()).isFalse();
        assertThat(q.claims()).hasSize(3);
        assertThat(DcqlQuery.parse(query.toJson())).isEqualTo(query);
    }

    @Test
    void section7PathsSelectMembersIndexesAndAllArrayElements() throws Exception {
        JsonNode claims = Json.parse(CLAIMS);
        assertThat(DcqlClaimsQuery.of("address", "street_address").select(claims))
                .containsExactly(ClaimPath.of("address", "street_address"));
        assertThat(DcqlClaimsQuery.of("nationalities", 1).select(claims)).containsExactly(ClaimPath.of("nationalities", 1));
        assertThat(DcqlClaimsQuery.of("degrees", DcqlClaimsQuery.ALL_ELEMENTS, "type").select(claims))
                .containsExactly(ClaimPath.of("degrees", 0, "type"), ClaimPath.of("degrees", 1, "type"));
        assertThat(DcqlClaimsQuery.of("address", "postal_code").select(claims)).isEmpty();
        assertThat(DcqlClaimsQuery.of("last_name", DcqlClaimsQuery.ALL_ELEMENTS).select(claims)).isEmpty();
    }

    @Test
    void valuesRestrictWhichClaimsMatch() throws Exception {
        JsonNode claims = Json.parse(CLAIMS);
        DcqlQuery query = DcqlQuery.parse("""
                {"credentials": [{"id": "a", "format": "dc+sd-jwt", "meta": {"vct_values": ["https://credentials.example.com/identity_credential"]},
                  "claims": [{"path": ["nationalities", null], "values": ["FR", "IT"]}]}]}""");
        DcqlCredentialQuery q = query.credentials().getFirst();
        assertThat(q.matches("https://credentials.example.com/identity_credential", claims)).isTrue();
        assertThat(q.requestedPaths(claims)).containsExactly(ClaimPath.of("nationalities", 1));
        assertThat(q.matches("https://other.example/vct", claims)).isFalse();
    }

    @Test
    void aDisclosureIsRequestedWhenItIsOnTheWayToInsideOrAtARequestedClaim() throws Exception {
        DcqlCredentialQuery q = DcqlQuery.parse(SPEC_EXAMPLE).credentials().getFirst();
        assertThat(q.isRequested(ClaimPath.of("address"))).isTrue();
        assertThat(q.isRequested(ClaimPath.of("address", "street_address"))).isTrue();
        assertThat(q.isRequested(ClaimPath.of("address", "locality"))).isFalse();
        assertThat(q.isRequested(ClaimPath.of("birthdate"))).isFalse();
    }

    @Test
    void rejectsQueriesTheSpecForbids() {
        String[] malformed = {
            "[]",
            "{}",
            "{\"credentials\": []}",
            "{\"credentials\": [{\"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}}]}",
            "{\"credentials\": [{\"id\": \"a b\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}}]}",
            "{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\"}]}",
            "{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {}}]}",
            "{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}, \"claims\": []}]}",
            "{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}, \"claims\": [{\"path\": []}]}]}",
            "{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}, \"claims\": [{\"path\": [1.5]}]}]}",
            "{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}, \"claims\": [{\"path\": [\"x\"], \"values\": [{}]}]}]}",
            "{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}, \"multiple\": \"yes\"}]}",
            "{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}},"
                    + " {\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}}]}",
        };
        for (String json : malformed) {
            assertThatThrownBy(() -> DcqlQuery.parse(json)).as(json)
                    .isInstanceOfSatisfying(DcqlException.class, e -> assertThat(e.error()).isEqualTo(DcqlError.MALFORMED_QUERY));
        }
    }

    @Test
    void refusesCredentialSetsAndClaimSetsRatherThanHalfEvaluatingThem() {
        assertThatThrownBy(() -> DcqlQuery.parse("{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]}}],"
                + " \"credential_sets\": [{\"options\": [[\"a\"]]}]}"))
                .isInstanceOfSatisfying(DcqlException.class, e -> assertThat(e.error()).isEqualTo(DcqlError.UNSUPPORTED_FEATURE));
        assertThatThrownBy(() -> DcqlQuery.parse("{\"credentials\": [{\"id\": \"a\", \"format\": \"dc+sd-jwt\", \"meta\": {\"vct_values\": [\"x\"]},"
                + " \"claims\": [{\"id\": \"c\", \"path\": [\"x\"]}], \"claim_sets\": [[\"c\"]]}]}"))
                .isInstanceOfSatisfying(DcqlException.class, e -> assertThat(e.error()).isEqualTo(DcqlError.UNSUPPORTED_FEATURE));
    }
}
