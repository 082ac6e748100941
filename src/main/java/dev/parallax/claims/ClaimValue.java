package dev.parallax.claims;

import java.util.Locale;

/** A normalised value; {@link #compatible} says whether two values can both be true. */
public sealed interface ClaimValue {

    boolean compatible(ClaimValue other);

    /** Canonical text form, stable across runs: what the store keeps and the digest groups by. */
    String canonical();

    /** A number or a range of numbers, with its unit ("leaders", "days", "USD", "%"). */
    record Amount(double low, double high, String unit) implements ClaimValue {
        public static Amount exact(double n, String unit) {
            return new Amount(n, n, unit);
        }

        @Override
        public boolean compatible(ClaimValue other) {
            return other instanceof Amount a && a.unit.equals(unit) && a.low <= high && low <= a.high;
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

    /** A day of the week, or a calendar year. */
    record Label(String text) implements ClaimValue {
        @Override
        public boolean compatible(ClaimValue other) {
            return other instanceof Label l && l.text.equalsIgnoreCase(text);
        }

        @Override
        public String canonical() {
            return text;
        }
    }
}
