package dev.parallax.claims;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;

/** A normalised value; {@link #relate} says whether two values can both be true. */
public sealed interface ClaimValue {

    Relation relate(ClaimValue other);

    /** Canonical text form, stable across runs: what the store keeps and the digest groups by. */
    String canonical();

    /**
     * A number or a range of numbers, with its unit ("leaders", "days", "USD", "%"). Hedges and
     * rounding are already in the range: "about 20" is 16..24, "$1.4 trillion" is 1.35..1.45 trillion.
     */
    record Amount(double low, double high, String unit) implements ClaimValue {
        public static Amount exact(double n, String unit) {
            return new Amount(n, n, unit);
        }

        @Override
        public Relation relate(ClaimValue other) {
            if (!(other instanceof Amount a) || !a.unit.equals(unit)) {
                return Relation.UNKNOWN;
            }
            return a.low <= high && low <= a.high ? Relation.AGREE : Relation.CONFLICT;
        }

        @Override
        public String canonical() {
            String hi = Double.isInfinite(high) ? "inf" : fmt(high);
            return low == high ? fmt(low) + " " + unit : fmt(low) + ".." + hi + " " + unit;
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
        }
    }

    /** A calendar year or another plain label compared by its text. */
    record Label(String text) implements ClaimValue {
        @Override
        public Relation relate(ClaimValue other) {
            if (!(other instanceof Label l)) {
                return Relation.UNKNOWN;
            }
            return l.text.equalsIgnoreCase(text) ? Relation.AGREE : Relation.CONFLICT;
        }

        @Override
        public String canonical() {
            return text;
        }
    }

    /**
     * A named place and the places the story itself puts it in ("Las Vegas, Nevada" puts Las Vegas
     * within Nevada): a place agrees with what contains it.
     */
    record Place(String name, Set<String> within) implements ClaimValue {
        public Place {
            within = Set.copyOf(within);
        }

        @Override
        public Relation relate(ClaimValue other) {
            if (!(other instanceof Place p)) {
                return Relation.UNKNOWN;
            }
            String a = name.toLowerCase(Locale.ROOT);
            String b = p.name.toLowerCase(Locale.ROOT);
            if (a.equals(b) || within.contains(b) || p.within.contains(a)) {
                return Relation.AGREE;
            }
            return Relation.CONFLICT;
        }

        @Override
        public String canonical() {
            return name;
        }
    }

    /**
     * When something happened: a weekday and, when the article's publish time resolves it, the
     * calendar days it covers ("last week" is seven days). {@code weekday} is null for a span or
     * an unresolved relative date; {@code first}/{@code last} are null when unresolved.
     */
    record When(String label, DayOfWeek weekday, LocalDate first, LocalDate last) implements ClaimValue {
        @Override
        public Relation relate(ClaimValue other) {
            if (!(other instanceof When w)) {
                return Relation.UNKNOWN;
            }
            if (first != null && w.first != null) {
                return !first.isAfter(w.last) && !w.first.isAfter(last) ? Relation.AGREE : Relation.CONFLICT;
            }
            if (weekday != null && w.weekday != null) {
                return weekday == w.weekday ? Relation.AGREE : Relation.CONFLICT;
            }
            return label.equalsIgnoreCase(w.label) ? Relation.AGREE : Relation.UNKNOWN;
        }

        @Override
        public String canonical() {
            if (first == null) {
                return label;
            }
            String days = first.equals(last) ? first.toString() : first + ".." + last;
            return weekday != null && first.equals(last) ? weekdayName(weekday) + " " + days : label + " " + days;
        }

        static String weekdayName(DayOfWeek d) {
            return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        }
    }

    /** Words someone said, as quoted; two outlets carry the same quote when most of its words match. */
    record Quote(String speaker, String words) implements ClaimValue {
        @Override
        public Relation relate(ClaimValue other) {
            if (!(other instanceof Quote q) || !q.speaker.equals(speaker)) {
                return Relation.UNKNOWN;
            }
            return QuoteWords.sameQuote(words, q.words) ? Relation.AGREE : Relation.UNKNOWN;
        }

        @Override
        public String canonical() {
            return "“" + words + "”";
        }
    }
}
