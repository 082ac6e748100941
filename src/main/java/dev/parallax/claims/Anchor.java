package dev.parallax.claims;

/**
 * The event a value belongs to: "arrived" for "arrived ... on Sunday", "summit" for "about 20
 * leaders ... at the summit". Verb events carry their actor, since two people can arrive on
 * different days; noun events carry a qualifier ("summit with Trump" is not "the summit").
 *
 * @param actor     the actor's key (last word of the name, lower case), part of the alignment key
 * @param actorName the actor as written ("Dominion Voting Systems"), for readers
 */
record Anchor(String key, String surface, boolean verb, String actor, String actorName, String qualifier) {
    Anchor(String key, String surface, boolean verb, String actor, String qualifier) {
        this(key, surface, verb, actor, actor, qualifier);
    }

    String subject() {
        return key + (qualifier.isEmpty() ? "" : "+with:" + qualifier) + (verb ? "|" + actor : "");
    }

    /** "Putin arrived", "the summit", "the meeting with Trump", "it died": reads after "day", "year", "where". */
    String describe() {
        String what = surface + (qualifier.isEmpty() ? "" : " with " + capitalize(qualifier));
        if (!verb) {
            return "the " + what;
        }
        return (actor.isEmpty() ? "it" : capitalize(actorName)) + " " + what;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
