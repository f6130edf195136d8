package org.creditmesh.core.credential;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * XML Schema 1.1 Part 2 {@code dateTimeStamp} (and, for VCDM 1.1, {@code dateTime}) to {@link Instant}.
 *
 * <p>Hand-written rather than {@code OffsetDateTime.parse}: the XML Schema lexical space differs from
 * ISO 8601 as {@code java.time} reads it (years of more than four digits without a sign, {@code 24:00:00}
 * meaning the next midnight, any number of fraction digits), and the VCDM gives the exact grammar as a
 * regular expression, which is what is checked first.
 */
public final class DateTimeStamps {

    private static final Pattern DATE_TIME_STAMP = Pattern.compile(CredentialSpecs.DATE_TIME_STAMP_REGEX);
    private static final Pattern DATE_TIME = Pattern.compile(CredentialSpecs.DATE_TIME_REGEX);

    private DateTimeStamps() {
    }

    /** Parses a {@code dateTimeStamp}: the time zone is required (VCDM 2.0 section 4.9). */
    public static Instant parse(String value, String member) throws DataModelException {
        if (value == null || !(isPlainUtc(value) || DATE_TIME_STAMP.matcher(value).matches())) {
            throw new DataModelException(DataModelError.INVALID_DATE_TIME,
                    member + " is not an XML Schema dateTimeStamp (a date and time with a time zone)");
        }
        return toInstant(value, member);
    }

    /**
     * Parses a VCDM 1.1 {@code dateTime}. A value without a time zone is read as UTC, which is what the
     * deployed 1.1 libraries do with such values.
     */
    public static Instant parseLenient(String value, String member) throws DataModelException {
        if (value == null || !DATE_TIME.matcher(value).matches()) {
            throw new DataModelException(DataModelError.INVALID_DATE_TIME,
                    member + " is not an XML Schema dateTime");
        }
        return toInstant(value, member);
    }

    /**
     * Whether the value has the form issuers nearly always use, {@code YYYY-MM-DDThh:mm:ssZ} with every field in
     * the grammar's range. Such a value matches {@link CredentialSpecs#DATE_TIME_STAMP_REGEX} (and
     * {@link CredentialSpecs#DATE_TIME_REGEX}); this only answers yes without running the regular expression
     * (about 1.5 % of a vc+jwt verification). Every other value is matched against the grammar itself.
     */
    static boolean isPlainUtc(String value) {
        if (value.length() != 20 || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':' || value.charAt(19) != 'Z') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        int month = digits(value, 5);
        int day = digits(value, 8);
        return month >= 1 && month <= 12 && day >= 1 && day <= 31
                && digits(value, 11) <= 23 && digits(value, 14) <= 59 && digits(value, 17) <= 59;
    }

    /** Formats an instant as a {@code dateTimeStamp} in UTC, to the second: {@code 2010-01-01T19:23:24Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The instant of a value that already matched {@link CredentialSpecs#DATE_TIME_STAMP_REGEX} or
     * {@link CredentialSpecs#DATE_TIME_REGEX}, whose grammar fixes every field's place once the year
     * (four or more digits, maybe signed) has ended: {@code -MM-DDThh:mm:ss[.f+][zone]}. Read by position
     * rather than with a second regular expression, which cost as much as the grammar check on the verify path.
     */
    private static Instant toInstant(String value, String member) throws DataModelException {
        try {
            int yearEnd = value.indexOf('-', 1);
            int year = Math.toIntExact(Long.parseLong(value, 0, yearEnd, 10));
            LocalDate date = LocalDate.of(year, digits(value, yearEnd + 1), digits(value, yearEnd + 4));
            int time = yearEnd + 7;
            int hour = digits(value, time);
            int zone = time + 8;
            int nanos = 0;
            if (zone < value.length() && value.charAt(zone) == '.') {
                int fractionEnd = zone + 1;
                while (fractionEnd < value.length() && Character.isDigit(value.charAt(fractionEnd))) {
                    fractionEnd++;
                }
                String fraction = (value.substring(zone + 1, fractionEnd) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
                zone = fractionEnd;
            }
            LocalDateTime local = hour == 24
                    ? date.plusDays(1).atStartOfDay()
                    : LocalDateTime.of(date, LocalTime.of(hour, digits(value, time + 3), digits(value, time + 6), nanos));
            ZoneOffset offset = zone == value.length() || value.charAt(zone) == 'Z'
                    ? ZoneOffset.UTC : ZoneOffset.of(value.substring(zone));
            return local.toInstant(offset);
        } catch (DateTimeException | ArithmeticException | NumberFormatException | IndexOutOfBoundsException e) {
            throw new DataModelException(DataModelError.INVALID_DATE_TIME, member + " is not a valid date and time", e);
        }
    }

    /** The two decimal digits at {@code at}. */
    private static int digits(String value, int at) {
        return (value.charAt(at) - '0') * 10 + (value.charAt(at + 1) - '0');
    }
}
