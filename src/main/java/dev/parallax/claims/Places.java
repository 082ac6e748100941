package dev.parallax.claims;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Countries, world regions and US states. A story's places are compared only below this level
 * (cities, venues): "in China" and "in Beijing" are not in conflict, and we carry no gazetteer to say so.
 */
final class Places {
    private static final Set<String> COUNTRIES_AND_REGIONS = build();
    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday",
            "thursday", "friday", "saturday", "sunday");

    private Places() {
    }

    private static Set<String> build() {
        Set<String> names = new HashSet<>();
        for (String code : Locale.getISOCountries()) {
            names.add(new Locale("", code).getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        names.addAll(Set.of("us", "u.s.", "usa", "u.s.a.", "america", "united states", "uk", "u.k.", "britain",
                "great britain", "england", "scotland", "wales", "northern ireland", "eu", "european union",
                "russia", "korea", "north korea", "south korea", "taiwan", "gaza", "west bank", "palestine",
                "kosovo", "asia", "europe", "africa", "americas", "middle east", "central asia", "south asia",
                "southeast asia", "east asia", "latin america", "north america", "south america", "oceania",
                "the west", "west", "arctic", "antarctica", "pacific", "atlantic", "caribbean", "balkans",
                "scandinavia", "eurasia", "global south", "global north", "mainland", "czech republic",
                "ivory coast", "burma", "holland", "the netherlands", "the philippines", "the uk", "the us"));
        // US states (New York too: the name is a state as often as a city; Washington stays the capital).
        names.addAll(Set.of("alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
                "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas",
                "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan", "minnesota",
                "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
                "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon",
                "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
                "vermont", "virginia", "washington state", "west virginia", "wisconsin", "wyoming", "puerto rico"));
        return Set.copyOf(names);
    }

    static boolean isCountryOrRegion(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return COUNTRIES_AND_REGIONS.contains(lower)
                || lower.matches("(north|south|east|west|central|northern|southern|eastern|western) .+")
                && COUNTRIES_AND_REGIONS.contains(lower.substring(lower.indexOf(' ') + 1));
    }

    static boolean isCalendarWord(String name) {
        return MONTHS.contains(name.toLowerCase(Locale.ROOT));
    }
}
