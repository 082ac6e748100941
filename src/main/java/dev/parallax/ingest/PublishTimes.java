package dev.parallax.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Reads the publish-time formats that files and pages use; an unreadable one yields empty, not an error. */
final class PublishTimes {
    private static final List<Function<String, Instant>> PARSERS = List.of(
            Instant::parse,
            s -> OffsetDateTime.parse(s).toInstant(),
            s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(),
            s -> LocalDateTime.parse(s).toInstant(ZoneOffset.UTC),
            s -> LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC),
            s -> LocalDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]")).toInstant(ZoneOffset.UTC));

    private PublishTimes() {
    }

    static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.strip();
        for (Function<String, Instant> parser : PARSERS) {
            try {
                return Optional.of(parser.apply(s));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
