package dev.parallax.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Conversions between Java values and the TEXT columns the schema uses for times. */
final class Sql {
    private Sql() {
    }

    // Fixed width, so that times compare correctly as text in SQL.
    private static final DateTimeFormatter FIXED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static String time(Instant instant) {
        return instant == null ? null : FIXED.format(instant);
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
