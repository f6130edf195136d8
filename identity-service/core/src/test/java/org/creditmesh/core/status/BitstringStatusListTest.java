package org.creditmesh.core.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.creditmesh.core.credential.DataModelValidator;
import org.creditmesh.core.json.Json;
import org.creditmesh.core.keys.KeyError;
import org.creditmesh.core.keys.KeyException;
import org.junit.jupiter.api.Test;

class BitstringStatusListTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    private static final String LIST_URL = "https://bank.example/status/1";

    @Test
    void putsIndexZeroInTheLeftMostBitOfTheFirstByte() throws Exception {
        BitstringStatusList list = BitstringStatusList.create().with(0, true).with(9, true).with(131_071, true);
        byte[] bytes = list.bytes();
        assertThat(bytes[0]).isEqualTo((byte) 0x80);
        assertThat(bytes[1]).isEqualTo((byte) 0x40);
        assertThat(bytes[16_383]).isEqualTo((byte) 0x01);
    }

    @Test
    void encodesAsMultibaseBase64UrlWithoutPaddingOfGzipAndDecodesBackToTheSameBits() throws Exception {
        BitstringStatusList list = BitstringStatusList.create().with(94_567, true).with(23_452, true);
        String encoded = list.encode();
        assertThat(encoded).startsWith("uH4sI").doesNotContain("=", "+", "/");
        byte[] gzip = Base64.getUrlDecoder().decode(encoded.substring(1));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(list.bytes());
        }
        BitstringStatusList decoded = BitstringStatusList.decode(encoded);
        assertThat(decoded).isEqualTo(list);
        assertThat(decoded.get(94_567)).isTrue();
        assertThat(decoded.get(94_568)).isFalse();
    }

    /**
     * Made by Digital Bazaar's {@code @digitalbazaar/bitstring} (the reference JS library behind their
     * status list implementation): {@code new Bitstring({length: 131072}); set(42, true); encodeBits()},
     * with the multibase {@code u} added as the specification requires.
     */
    @Test
    void decodesAListEncodedByTheDigitalBazaarBitstringLibraryWithTheSameBitOrder() throws Exception {
        BitstringStatusList list = BitstringStatusList.decode("uH4sIAAAAAAAAA-3BMQEAAAjAoEWxf0pt4QPUmQAAAAAAAAAAAAAAAAAAAIBHCzOa7TAAQAAA");
        assertThat(list.sizeInBits()).isEqualTo(131_072);
        assertThat(list).isEqualTo(BitstringStatusList.create().with(42, true));
    }

    @Test
    void clearsASuspensionBitAgainAndLeavesTheOriginalListUnchanged() throws Exception {
        BitstringStatusList original = BitstringStatusList.create();
        BitstringStatusList suspended = original.with(7, true);
        assertThat(suspended.with(7, false)).isEqualTo(original);
        assertThat(original.get(7)).isFalse();
    }

    @Test
    void readsAndWritesMultiBitStatusesMostSignificantBitFirst() throws Exception {
        BitstringStatusList list = BitstringStatusList.create(131_072, 2).withStatus(1, 2, 0b10).withStatus(3, 2, 0b11);
        assertThat(list.status(1, 2)).isEqualTo(2);
        assertThat(list.status(3, 2)).isEqualTo(3);
        assertThat(list.bytes()[0]).isEqualTo((byte) 0b0010_0011);
        assertThat(catchThrowableOfType(StatusException.class, () -> list.withStatus(0, 2, 4)).code())
                .isEqualTo(StatusError.INVALID_STATUS_ENTRY);
    }

    @Test
    void refusesToCreateAListShorterThanTheMinimum() {
        assertThat(catchThrowableOfType(StatusException.class, () -> BitstringStatusList.create(131_071, 1)).code())
                .isEqualTo(StatusError.STATUS_LIST_TOO_SHORT);
    }

    @Test
    void stopsDecompressingAtTheBoundInsteadOfInflatingAGzipBomb() throws Exception {
        String bomb = BitstringStatusList.create(16 << 20, 1).encode(); // 2 MiB of zeros, a few KB compressed
        assertThat(bomb.length()).isLessThan(10_000);
        StatusException e = catchThrowableOfType(StatusException.class, () -> BitstringStatusList.decode(bomb, 1 << 20));
        assertThat(e.code()).isEqualTo(StatusError.STATUS_LIST_TOO_LARGE);
    }

    @Test
    void refusesAnIndexOutsideTheList() {
        StatusException e = catchThrowableOfType(StatusException.class, () -> BitstringStatusList.create().get(131_072));
        assertThat(e.code()).isEqualTo(StatusError.STATUS_INDEX_OUT_OF_RANGE);
        assertThat(e.code().problemType()).contains("https://www.w3.org/ns/credentials/status-list#RANGE_ERROR");
    }

    @Test
    void allocatesEveryIndexExactlyOnceAndThenReportsExhaustion() throws Exception {
        StatusIndexAllocator allocator = new StatusIndexAllocator(1000, new SecureRandom());
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int index = allocator.allocate();
            assertThat(index).isBetween(0, 999);
            assertThat(seen.add(index)).as("index %d handed out twice", index).isTrue();
        }
        assertThat(allocator.remaining()).isZero();
        assertThat(catchThrowableOfType(StatusException.class, allocator::allocate).code())
                .isEqualTo(StatusError.STATUS_LIST_EXHAUSTED);
    }

    @Test
    void allocatesIndexesSpreadOverTheWholeListRatherThanInOrder() throws Exception {
        StatusIndexAllocator allocator = new StatusIndexAllocator(131_072, new SecureRandom());
        int inFirstHalf = 0;
        int previous = -1;
        int ascending = 0;
        for (int i = 0; i < 200; i++) {
            int index = allocator.allocate();
            inFirstHalf += index < 65_536 ? 1 : 0;
            ascending += index > previous ? 1 : 0;
            previous = index;
        }
        assertThat(inFirstHalf).isBetween(50, 150);
        assertThat(ascending).isLessThan(150);
    }

    @Test
    void continuesAPersistedAllocationWithoutReusingItsIndexes() throws Exception {
        StatusIndexAllocator first = new StatusIndexAllocator(10, new SecureRandom());
        for (int i = 0; i < 8; i++) {
            first.allocate();
        }
        StatusIndexAllocator resumed = new StatusIndexAllocator(10, first.used(), new SecureRandom());
        int a = resumed.allocate();
        int b = resumed.allocate();
        assertThat(first.isUsed(a)).isFalse();
        assertThat(first.isUsed(b)).isFalse();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void buildsTheStatusListCredentialInTheShapeOfSection22Example3() throws Exception {
        BitstringStatusListCredential built = BitstringStatusListCredential.builder()
                .id(LIST_URL).issuer("did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK")
                .statusPurpose("revocation").validFrom(Instant.parse("2026-01-01T00:00:00Z"))
                .validUntil(Instant.parse("2027-01-01T00:00:00Z")).ttl(Duration.ofMinutes(5))
                .list(BitstringStatusList.create().with(42, true)).build();
        ObjectNode json = built.credential().json();
        assertThat(Json.write(json.get("type"))).isEqualTo("[\"VerifiableCredential\",\"BitstringStatusListCredential\"]");
        assertThat(json.get("credentialSubject").get("type").asText()).isEqualTo("BitstringStatusList");
        assertThat(json.get("credentialSubject").get("id").asText()).isEqualTo(LIST_URL + "#list");
        assertThat(json.get("credentialSubject").get("ttl").asLong()).isEqualTo(300_000);
        assertThat(json.get("validFrom").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(built.list(StatusSpecs.DEFAULT_MAX_UNCOMPRESSED_BYTES).get(42)).isTrue();
    }

    @Test
    void reportsSuspensionAndItsLiftingThroughTheChecker() throws Exception {
        BitstringStatusList bits = BitstringStatusList.create().with(5, true);
        JsonNode[] published = {list("suspension", bits)};
        BitstringStatusChecker checker = new BitstringStatusChecker(url -> Json.write(published[0]),
                (url, fetched) -> Json.parse(fetched), new DataModelValidator(), NOW);
        JsonNode entry = BitstringStatusListEntry.of(null, "suspension", 5, LIST_URL).toJson();
        assertThat(checker.check(entry).state()).isEqualTo(StatusCheckResult.State.SUSPENDED);
        published[0] = list("suspension", bits.with(5, false));
        assertThat(checker.check(entry).state()).isEqualTo(StatusCheckResult.State.OK);
    }

    @Test
    void acceptsAListWithSeveralPurposesForAnEntryOfEither() throws Exception {
        BitstringStatusListCredential list = BitstringStatusListCredential.builder().id(LIST_URL).issuer("did:example:bank")
                .statusPurpose("revocation").statusPurpose("suspension").build();
        BitstringStatusChecker checker = new BitstringStatusChecker(url -> "", (url, fetched) -> null, new DataModelValidator(), NOW);
        assertThat(checker.check(BitstringStatusListEntry.of(null, "suspension", 1, LIST_URL), list).valid()).isTrue();
    }

    @Test
    void turnsAFetchFailureIntoStatusRetrievalFailed() {
        BitstringStatusChecker checker = new BitstringStatusChecker(url -> {
            throw new KeyException(KeyError.KEY_NOT_FOUND, "stand-in for an HTTP failure");
        }, (url, fetched) -> Json.parse(fetched), new DataModelValidator(), NOW);
        StatusException e = catchThrowableOfType(StatusException.class,
                () -> checker.check(BitstringStatusListEntry.of(null, "revocation", 1, LIST_URL).toJson()));
        assertThat(e.code()).isEqualTo(StatusError.STATUS_RETRIEVAL_FAILED);
    }

    @Test
    void turnsAProofFailureOfTheStatusListIntoStatusVerificationFailed() throws Exception {
        JsonNode published = list("revocation", BitstringStatusList.create());
        BitstringStatusChecker checker = new BitstringStatusChecker(url -> Json.write(published), (url, fetched) -> {
            throw new KeyException(KeyError.INVALID_KEY, "stand-in for a proof that does not verify");
        }, new DataModelValidator(), NOW);
        StatusException e = catchThrowableOfType(StatusException.class,
                () -> checker.check(BitstringStatusListEntry.of(null, "revocation", 1, LIST_URL).toJson()));
        assertThat(e.code()).isEqualTo(StatusError.STATUS_VERIFICATION_FAILED);
    }

    @Test
    void summarizesRevocationOverSuspensionOverOk() {
        BitstringStatusListEntry revocation = BitstringStatusListEntry.of(null, "revocation", 1, LIST_URL);
        BitstringStatusListEntry suspension = BitstringStatusListEntry.of(null, "suspension", 1, LIST_URL);
        assertThat(BitstringStatusChecker.summarize(List.of(new StatusCheckResult(suspension, 1), new StatusCheckResult(revocation, 1))))
                .isEqualTo(StatusCheckResult.State.REVOKED);
        assertThat(BitstringStatusChecker.summarize(List.of(new StatusCheckResult(revocation, 0), new StatusCheckResult(suspension, 1))))
                .isEqualTo(StatusCheckResult.State.SUSPENDED);
        assertThat(BitstringStatusChecker.summarize(List.of())).isEqualTo(StatusCheckResult.State.OK);
    }

    @Test
    void readsStatusMessagesForMultiBitEntries() throws Exception {
        JsonNode entry = Json.parse("""
                {"type":"BitstringStatusListEntry","statusPurpose":"message","statusListIndex":"3","statusSize":2,
                 "statusListCredential":"https://bank.example/status/8",
                 "statusMessage":[{"status":"0x0","message":"pending_review"},{"status":"0x1","message":"accepted"},
                                  {"status":"0x2","message":"rejected"},{"status":"0x3","message":"undefined"}]}""");
        BitstringStatusListEntry parsed = BitstringStatusListEntry.parse(entry);
        assertThat(parsed.statusSize()).isEqualTo(2);
        assertThat(parsed.messageFor(2)).contains("rejected");
        assertThat(new StatusCheckResult(parsed, 1).state()).isEqualTo(StatusCheckResult.State.FLAGGED);
    }

    private static JsonNode list(String purpose, BitstringStatusList bits) throws StatusException {
        return BitstringStatusListCredential.builder().id(LIST_URL).issuer("did:example:bank")
                .statusPurpose(purpose).list(bits).build().credential().json();
    }
}
