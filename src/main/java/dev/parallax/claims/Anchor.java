package dev.parallax.claims;

/**
 * The event a value belongs to: "arrived" for "arrived ... on Sunday", "summit" for "about 20
 * leaders ... at the summit". Verb events carry their actor, since two people can arrive on
 * different days; noun events carry a qualifier ("summit with Trump" is not "the summit").
 */
record Anchor(String key, String surface, boolean verb, String actor, String qualifier) {
    String subject() {
        return key + (qualifier.isEmpty() ? "" : "+with:" + qualifier) + (verb ? "|" + actor : "");
    }

    /** "Putin arrived", "the summit", "the meeting with Trump": reads after "day", "place", "length of". */
    String describe() {
        String what = surface + (qualifier.isEmpty() ? "" : " with " + capitalize(qualifier));
        if (!verb) {
            return "the " + what;
        }
        return actor.isEmpty() ? what : capitalize(actor) + " " + what;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
