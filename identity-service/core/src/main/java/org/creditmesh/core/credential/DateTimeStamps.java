package org.creditmesh.core.credential;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
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
    private static final Pattern PARTS = Pattern.compile(
            "(-?\\d{4,})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d+))?(Z|[+-]\\d{2}:\\d{2})?");

    private DateTimeStamps() {
    }

    /** Parses a {@code dateTimeStamp}: the time zone is required (VCDM 2.0 section 4.9). */
    public static Instant parse(String value, String member) throws DataModelException {
        if (value == null || !DATE_TIME_STAMP.matcher(value).matches()) {
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

    /** Formats an instant as a {@code dateTimeStamp} in UTC, to the second: {@code 2010-01-01T19:23:24Z}. */
    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static Instant toInstant(String value, String member) throws DataModelException {
        Matcher m = PARTS.matcher(value);
        if (!m.matches()) {
            throw new DataModelException(DataModelError.INVALID_DATE_TIME, member + " is not a valid date and time");
        }
        try {
            int year = Math.toIntExact(Long.parseLong(m.group(1)));
            LocalDate date = LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            int hour = Integer.parseInt(m.group(4));
            int nanos = 0;
            if (m.group(7) != null) {
                String fraction = (m.group(7) + "000000000").substring(0, 9);
                nanos = Integer.parseInt(fraction);
            }
            LocalDateTime local = hour == 24
                    ? date.plusDays(1).atStartOfDay()
                    : LocalDateTime.of(date, LocalTime.of(hour, Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), nanos));
            String zone = m.group(8);
            ZoneOffset offset = zone == null || zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(zone);
            return local.toInstant(offset);
        } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
            throw new DataModelException(DataModelError.INVALID_DATE_TIME, member + " is not a valid date and time", e);
        }
    }
}
