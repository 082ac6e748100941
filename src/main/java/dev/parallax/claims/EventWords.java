package dev.parallax.claims;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Which words name events, which verbs carry no event of their own, and how an event word is
 * reduced to a key so that "arrived", "landed" and "arrival" align. General news vocabulary, not
 * tied to any story.
 */
final class EventWords {
    // Nouns that name an event a date, place, count or length can belong to.
    private static final Set<String> EVENT_NOUNS = Set.of(
            "summit", "meeting", "meetings", "talks", "negotiations", "conference", "gathering", "forum", "session",
            "assembly", "parade", "ceremony", "banquet", "dinner", "lunch", "breakfast", "reception", "visit",
            "visits", "trip", "tour", "stay", "journey", "arrival", "departure", "election", "elections", "vote",
            "referendum", "attack", "attacks", "strike", "strikes", "bombing", "explosion", "blast", "shooting",
            "earthquake", "quake", "tsunami", "flood", "floods", "fire", "wildfire", "storm", "hurricane", "typhoon",
            "crash", "accident", "collision", "derailment", "protest", "protests", "rally", "march", "demonstration",
            "demonstrations", "trial", "hearing", "verdict", "sentencing", "match", "game", "final", "race",
            "tournament", "festival", "concert", "launch", "release", "speech", "address", "funeral", "wedding",
            "inauguration", "coronation", "anniversary", "war", "invasion", "offensive", "ceasefire", "truce",
            "deal", "treaty", "merger", "acquisition", "outbreak", "arrest", "raid", "operation", "rescue",
            "evacuation", "celebration", "commemoration", "exercise", "exercises", "drill", "drills", "debate",
            "interview", "rehab", "surgery", "premiere", "show", "awards", "ceremonies", "signing", "resignation",
            "appointment", "takeover", "coup", "landslide", "eruption", "heatwave", "outage", "recall", "rampage",
            "massacre", "killings", "stabbing", "shootings", "bombings", "riot", "riots", "siege", "hijacking");
    // Verbs that say nothing of when or where by themselves: the scan looks past them.
    private static final Set<String> LIGHT_VERBS = Set.of(
            "be", "is", "are", "was", "were", "been", "being", "am", "have", "has", "had", "having", "do", "does",
            "did", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "get", "got",
            "host", "hosts", "hosted", "hosting", "hold", "holds", "held", "holding", "attend", "attends",
            "attended", "attending", "stage", "staged", "expect", "expected", "expects", "schedule", "scheduled",
            "slate", "slated", "set", "plan", "planned", "continue", "continues", "continued", "begin", "began",
            "begun", "begins", "start", "started", "starts", "mark", "marks", "marked", "take", "took", "taken",
            "takes", "place", "due", "convene", "convened", "organise", "organised", "organize", "organized",
            "commemorate", "commemorating", "commemorates", "celebrate", "celebrating", "feature", "featured");
    // Verbs after which a place names the venue of the event named before them ("summit ... held in Tianjin").
    private static final Set<String> VENUE_VERBS = Set.of(
            "held", "hold", "holds", "holding", "hosted", "host", "staged", "convened", "organised", "organized",
            "place", "located", "taking");
    // Reporting verbs: a date next to them is when something was said, which we never compare.
    private static final Set<String> REPORTING_VERBS = Set.of(
            "say", "says", "said", "saying", "tell", "told", "tells", "report", "reported", "reports", "add",
            "added", "adding", "write", "wrote", "written", "claim", "claimed", "state", "stated", "note", "noted",
            "quote", "quoted", "comment", "commented", "announce", "announced", "confirm", "confirmed", "tweet",
            "tweeted", "post", "posted");
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("met", "meet"), Map.entry("left", "leav"), Map.entry("flew", "fli"), Map.entry("flown", "fli"),
            Map.entry("came", "come"), Map.entry("went", "go"), Map.entry("struck", "strike"),
            Map.entry("spoke", "speak"), Map.entry("spoken", "speak"), Map.entry("won", "win"),
            Map.entry("lost", "lose"), Map.entry("fell", "fall"), Map.entry("fallen", "fall"),
            Map.entry("shot", "shoot"), Map.entry("died", "die"), Map.entry("made", "make"));
    // Stems that name the same event.
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("land", "arriv"), Map.entry("reach", "arriv"), Map.entry("meet", "meet"),
            Map.entry("talk", "talk"), Map.entry("negoti", "talk"), Map.entry("quak", "earthquak"),
            Map.entry("trip", "visit"), Map.entry("stay", "visit"), Map.entry("tour", "visit"),
            Map.entry("journey", "visit"), Map.entry("depart", "leav"), Map.entry("departur", "leav"),
            Map.entry("gather", "summit"), Map.entry("blast", "explos"), Map.entry("explod", "explos"),
            Map.entry("dead", "kill"), Map.entry("die", "kill"), Map.entry("wound", "injur"), Map.entry("hurt", "injur"),
            Map.entry("shoot", "attack"), Map.entry("rampag", "attack"), Map.entry("massacr", "attack"),
            Map.entry("stab", "attack"));

    // Event keys that happen once, on one day: two days for one of them cannot both be true.
    private static final Set<String> ONE_DAY = Set.of(
            "arriv", "leav", "explos", "attack", "bomb", "shoot", "earthquak", "crash", "collis", "derail", "launch",
            "sign", "speech", "verdict", "sentenc", "arrest", "raid", "resign", "inaugur", "coron", "funer", "wed",
            "parad", "erupt", "coup", "landslid", "premier", "debat", "vote", "die", "kill", "born", "convict",
            "acquit", "indict", "impeach", "fire", "sworn", "swear");
    // Event keys that take place in one venue: two cities for one of them cannot both be true.
    private static final Set<String> ONE_PLACE = Set.of(
            "summit", "meet", "confer", "parad", "ceremoni", "ralli", "debat", "match", "game", "final", "concert",
            "trial", "hear", "attack", "bomb", "explos", "shoot", "crash", "funer", "wed", "inaugur", "speech",
            "forum", "session", "assembl", "banquet", "dinner", "lunch", "breakfast", "recept", "sign", "arriv",
            "coron", "premier", "award", "die", "born", "kill");

    private EventWords() {
    }

    /** A key of an event that happens on one day only. */
    static boolean isOneDay(String key) {
        return ONE_DAY.contains(key);
    }

    /** A key of an event that happens in one place only. */
    static boolean isOnePlace(String key) {
        return ONE_PLACE.contains(key);
    }

    static boolean isEventNoun(String lower) {
        return EVENT_NOUNS.contains(lower);
    }

    static boolean isLightVerb(String lower) {
        return LIGHT_VERBS.contains(lower);
    }

    static boolean isVenueVerb(String lower) {
        return VENUE_VERBS.contains(lower);
    }

    static boolean isReportingVerb(String lower) {
        return REPORTING_VERBS.contains(lower);
    }

    /** The alignment key of an event word: its stem, with synonyms folded together. */
    static String key(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String stem = IRREGULAR.getOrDefault(lower, null);
        if (stem == null) {
            EnglishStemmer stemmer = new EnglishStemmer();
            stemmer.setCurrent(lower);
            stemmer.stem();
            stem = stemmer.getCurrent();
        }
        return SYNONYMS.getOrDefault(stem, stem);
    }
}
