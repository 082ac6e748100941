package dev.parallax.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads the publish-time formats that files, feeds and pages use; an unreadable one yields empty, not an error. */
public final class PublishTimes {
    // ISO with an offset written without a colon: 2019-11-20T08:02:00+0000.
    private static final DateTimeFormatter ISO_COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendPattern("[XX][X]").toFormatter(Locale.ROOT);
    // "20 Nov 2019 08:02 GMT" and "Wed, 20 Nov 2019 08:02:00 +0000" with lenient spacing.
    private static final DateTimeFormatter RFC_LOOSE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("[EEE, ][EEE ]d MMM uuuu HH:mm[:ss] ").appendOffset("+HHMM", "GMT").toFormatter(Locale.ENGLISH);
    private static final Map<String, String> ZONE_NAMES = Map.of("UTC", "+0000", "UT", "+0000", "Z", "+0000",
            "EST", "-0500", "EDT", "-0400", "CST", "-0600", "CDT", "-0500", "PST", "-0800", "PDT", "-0700");
    private static final List<Function<String, Instant>> PARSERS = List.of(
            Instant::parse,
            s -> OffsetDateTime.parse(s).toInstant(),
            s -> OffsetDateTime.parse(s, ISO_COMPACT_OFFSET).toInstant(),
            s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
            s -> OffsetDateTime.parse(zoneAsOffset(s), RFC_LOOSE).toInstant(),
            s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
            s -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC),
            s -> LocalDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]")).toInstant(ZoneOffset.UTC));

    private PublishTimes() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip().replaceAll("\\s+", " ");
        for (Function<String, Instant> parser : PARSERS) {
            try {
                return Optional.of(parser.apply(s));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    private static String zoneAsOffset(String s) {
        int space = s.lastIndexOf(' ');
        if (space < 0) {
            return s;
        }
        String zone = s.substring(space + 1).toUpperCase(Locale.ROOT);
        String offset = ZONE_NAMES.get(zone);
        return offset == null ? s : s.substring(0, space + 1) + offset;
    }
}
