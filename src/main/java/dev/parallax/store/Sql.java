package dev.parallax.store;

import java.time.Instant;

/** Conversions between Java values and the TEXT columns the schema uses for times. */
final class Sql {
    private Sql() {
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
