package org.creditmesh.core.status.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TokenStatusList}: draft-ietf-oauth-status-list-20 sections 4.1, 4.2 and 11.1. */
class TokenStatusListTest {

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] zlib(byte[] data, boolean wrap) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, !wrap);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static ObjectNode statusList(int bits, String lst) {
        return Json.mapper().createObjectNode().put("bits", bits).put("lst", lst);
    }

    @ParameterizedTest(name = "bits = {0}")
    @ValueSource(ints = {1, 2, 4, 8})
    void setsAndReadsEveryValueThatFitsInEachAllowedBitSize(int bits) throws Exception {
        TokenStatusList list = TokenStatusList.create(1000, bits);
        int max = (1 << bits) - 1;
        for (int i = 0; i < 1000; i++) {
            list = list.with(i, i % (max + 1));
        }
        TokenStatusList reread = TokenStatusList.parse(list.toJson());
        for (int i = 0; i < 1000; i++) {
            assertThat(reread.get(i)).as("index %d", i).isEqualTo(i % (max + 1));
        }
        assertThat(reread).isEqualTo(list);
    }

    @Test
    void settingOneEntryLeavesItsNeighboursInTheSameByteUntouched() throws Exception {
        TokenStatusList list = TokenStatusList.create(4, 2).with(0, 3).with(2, 3).with(1, 2).with(1, 0);
        assertThat(list.bytes()).containsExactly((byte) 0b0011_0011);
    }

    @Test
    void placesATwoBitEntryInTheBitsTheDraftShows() throws Exception {
        // Section 4.1 second example: status[1] = 0b10 is bits 3..2 of byte 0.
        assertThat(TokenStatusList.create(4, 2).with(1, 2).bytes()).containsExactly((byte) 0b0000_1000);
    }

    @Test
    void sizesTheByteArrayToWholeBytes() throws Exception {
        assertThat(TokenStatusList.create(9, 1).bytes()).hasSize(2);
        assertThat(TokenStatusList.create(9, 1).size()).isEqualTo(16);
        assertThat(TokenStatusList.create(3, 8).bytes()).hasSize(3);
    }

    @ParameterizedTest(name = "bits = {0}")
    @ValueSource(ints = {0, 3, 5, 16, -1})
    void refusesBitSizesOtherThanOneTwoFourOrEight(int bits) {
        assertThatThrownBy(() -> TokenStatusList.create(8, bits))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
        assertThatThrownBy(() -> TokenStatusList.parse(statusList(bits, "eNrbuRgAAhcBXQ")))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
    }

    @Test
    void refusesBitsGivenAsAStringOrAFraction() {
        ObjectNode asString = Json.mapper().createObjectNode().put("bits", "1").put("lst", "eNrbuRgAAhcBXQ");
        ObjectNode asFraction = Json.mapper().createObjectNode().put("bits", 1.5).put("lst", "eNrbuRgAAhcBXQ");
        for (ObjectNode node : new ObjectNode[] {asString, asFraction}) {
            assertThatThrownBy(() -> TokenStatusList.parse(node))
                    .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
        }
    }

    @Test
    void refusesAnIndexPastTheEndOrNegative() throws Exception {
        TokenStatusList list = TokenStatusList.create(16, 1);
        for (long index : new long[] {16, -1, Long.MAX_VALUE}) {
            assertThatThrownBy(() -> list.get(index))
                    .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INDEX_OUT_OF_RANGE));
        }
        assertThat(list.get(15)).isZero();
    }

    @Test
    void refusesAValueThatDoesNotFitInTheBits() throws Exception {
        TokenStatusList list = TokenStatusList.create(16, 1);
        assertThatThrownBy(() -> list.with(0, 2))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_VALUE));
        assertThatThrownBy(() -> TokenStatusList.create(16, 8).with(0, 256))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_VALUE));
    }

    @Test
    void stopsDecompressingAZlibBombAtTheBound() {
        String bomb = b64(zlib(new byte[16 << 20], true)); // 16 MiB of zeros, about 16 KiB compressed
        assertThat(bomb.length()).isLessThan(40_000);
        assertThatThrownBy(() -> TokenStatusList.parse(statusList(1, bomb)))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.DECOMPRESSION_LIMIT));
        assertThatThrownBy(() -> TokenStatusList.parse(statusList(1, b64(zlib(new byte[1025], true))), 1024))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.DECOMPRESSION_LIMIT));
    }

    @Test
    void acceptsAListExactlyAtTheBound() throws Exception {
        assertThat(TokenStatusList.parse(statusList(1, b64(zlib(new byte[1024], true))), 1024).size()).isEqualTo(8192);
    }

    @Test
    void refusesRawDeflateWithoutTheZlibWrapper() {
        assertThatThrownBy(() -> TokenStatusList.parse(statusList(1, b64(zlib(new byte[] {1, 2}, false)))))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
    }

    @Test
    void refusesGzipData() {
        assertThatThrownBy(() -> TokenStatusList.parse(statusList(1, "H4sIAAAAAAAAA2NgAAASXPeL")))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
    }

    @Test
    void refusesTruncatedZlibData() {
        byte[] whole = zlib(new byte[100], true);
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 3);
        assertThatThrownBy(() -> TokenStatusList.parse(statusList(1, b64(truncated))))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
    }

    @Test
    void refusesBytesAfterTheEndOfTheZlibStream() {
        byte[] whole = zlib(new byte[100], true);
        byte[] longer = java.util.Arrays.copyOf(whole, whole.length + 2);
        assertThatThrownBy(() -> TokenStatusList.parse(statusList(1, b64(longer))))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
    }

    @Test
    void refusesAZlibStreamWhoseChecksumIsWrong() {
        byte[] whole = zlib(new byte[100], true);
        whole[whole.length - 1] ^= 1;
        assertThatThrownBy(() -> TokenStatusList.parse(statusList(1, b64(whole))))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
    }

    @Test
    void refusesAnEmptyList() {
        assertThatThrownBy(() -> TokenStatusList.parse(statusList(1, b64(zlib(new byte[0], true)))))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
    }

    @Test
    void refusesPaddedOrStandardAlphabetBase64() {
        for (String lst : new String[] {"eNrbuRgAAhcBXQ==", "eNrbuRgAAhcBXQ+/", "eNrb uRgAAhcBXQ"}) {
            assertThatThrownBy(() -> TokenStatusList.parse(statusList(1, lst))).as(lst)
                    .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
        }
    }

    @Test
    void refusesAStatusListThatIsNotAnObjectOrLacksLst() {
        assertThatThrownBy(() -> TokenStatusList.parse(Json.mapper().getNodeFactory().textNode("eNrbuRgAAhcBXQ")))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
        assertThatThrownBy(() -> TokenStatusList.parse(Json.mapper().createObjectNode().put("bits", 1)))
                .isInstanceOfSatisfying(TokenStatusException.class, e -> assertThat(e.code()).isEqualTo(TokenStatusError.INVALID_STATUS_LIST));
    }

    @Test
    void ignoresAnAggregationUri() throws Exception {
        ObjectNode node = statusList(1, "eNrbuRgAAhcBXQ").put("aggregation_uri", "https://example.com/statuslists");
        assertThat(TokenStatusList.parse(node).get(0)).isEqualTo(1);
    }

    @Test
    void bytesAreCopiedInAndOut() throws Exception {
        byte[] source = {1};
        TokenStatusList list = TokenStatusList.of(1, source);
        source[0] = 0;
        list.bytes()[0] = 0;
        assertThat(list.get(0)).isEqualTo(1);
    }
}
