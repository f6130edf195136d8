package org.creditmesh.core.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** VCDM 2.0 "Representing Time" (section 5.8, Example 32): the dateTimeStamp grammar. */
class DateTimeStampsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2010-01-01T19:23:24Z, 2010-01-01T19:23:24Z",
            "2010-01-01T19:23:24.123456789123Z, 2010-01-01T19:23:24.123456789Z",
            "2010-01-01T19:23:24-08:00, 2010-01-02T03:23:24Z",
            "2010-01-01T19:23:24+14:00, 2010-01-01T05:23:24Z",
            "2009-12-31T24:00:00Z, 2010-01-01T00:00:00Z",
            "2024-02-29T00:00:00Z, 2024-02-29T00:00:00Z",
            "12010-01-01T19:23:24Z, +12010-01-01T19:23:24Z",
            "-0001-12-31T23:59:59Z, -0001-12-31T23:59:59Z",
            "2010-01-01T19:23:24.5+01:30, 2010-01-01T17:53:24.5Z",
            "2009-12-31T24:00:00.000-10:00, 2010-01-01T10:00:00Z"})
    @DisplayName("reads every form the Example 32 expression allows")
    void readsEveryFormTheSpecificationExpressionAllows(String value, String expected) throws Exception {
        assertThat(DateTimeStamps.parse(value, "validFrom")).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2010-01-01T19:23:24", "2010-01-01 19:23:24Z", "2010-1-01T19:23:24Z", "2010-01-01T19:23:24+15:00",
            "2010-01-01T24:00:01Z", "2023-02-29T00:00:00Z", "2010-01-01T19:23:60Z", "2010-01-01", " 2010-01-01T19:23:24Z"})
    @DisplayName("refuses what the Example 32 expression or the calendar rules out")
    void refusesWhatTheExpressionOrTheCalendarRulesOut(String value) {
        assertThat(catchThrowableOfType(DataModelException.class, () -> DateTimeStamps.parse(value, "validFrom")).code())
                .isEqualTo(DataModelError.INVALID_DATE_TIME);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2010-01-01T19:23:24", "2010-01-01T19:23:24.25", "2010-06-30T00:00:00.000000001"})
    void readsAVcdm11DateTimeWithoutZoneAsUtc(String value) throws Exception {
        assertThat(DateTimeStamps.parseLenient(value, "issuanceDate")).isEqualTo(Instant.parse(value + "Z"));
    }

    @Test
    @DisplayName("the shortcut for YYYY-MM-DDThh:mm:ssZ says yes exactly where the Example 32 expression matches such a text")
    void thePlainUtcShortcutAgreesWithTheExpression() {
        Pattern grammar = Pattern.compile(CredentialSpecs.DATE_TIME_STAMP_REGEX);
        Random random = new Random(11);
        String noise = "0123456789-T:Z+. x";
        int plain = 0;
        for (int i = 0; i < 50_000; i++) {
            // Fields mostly just around their ranges (00, 13, 32, 24, 60 just outside), sometimes over all of
            // 00-99, and now and then a character swapped for noise.
            boolean wide = random.nextInt(4) == 0;
            char[] text = String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02dZ", random.nextInt(10_000),
                    random.nextInt(wide ? 100 : 14), random.nextInt(wide ? 100 : 33), random.nextInt(wide ? 100 : 25),
                    random.nextInt(wide ? 100 : 61), random.nextInt(wide ? 100 : 61)).toCharArray();
            if (random.nextInt(3) == 0) {
                text[random.nextInt(text.length)] = noise.charAt(random.nextInt(noise.length()));
            }
            String value = new String(text);
            boolean matches = grammar.matcher(value).matches();
            assertThat(DateTimeStamps.isPlainUtc(value)).as(value).isEqualTo(matches);
            plain += matches ? 1 : 0;
        }
        assertThat(plain).as("the sample holds plenty of valid texts").isGreaterThan(1000);
        for (String other : new String[] {"2010-01-01T19:23:24.5Z", "2010-01-01T19:23:24+00:00", "12010-01-01T19:23:24Z",
                "-0001-12-31T23:59:59Z", "2009-12-31T24:00:00Z", "2010-01-01T19:23:24z"}) {
            assertThat(DateTimeStamps.isPlainUtc(other)).as(other).isFalse();
        }
    }
}
