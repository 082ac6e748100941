package dev.parallax.claims;

/**
 * The event a value belongs to: "arrived" for "arrived ... on Sunday", "summit" for "about 20
 * leaders ... at the summit". Verb events carry their actor, since two people can arrive on
 * different days; noun events carry a qualifier ("summit with Trump" is not "the summit").
 *
 * @param actor     the actor's key (last word of the name, lower case), part of the alignment key
 * @param actorName the actor as written ("Dominion Voting Systems", "the Indian leader"), for readers
 * @param object    what the verb acts on, as written ("relations", "the possibility"), for readers only
 * @param clear     whether the event can be stated for a reader: a noun event, or a verb in a past or
 *                  present form whose actor was found in its own clause and whose object, if any, is a
 *                  plain noun group ("it show", "Democratic hit", "carried out" with no object are not)
 */
record Anchor(String key, String surface, boolean verb, String actor, String actorName, String qualifier,
              String object, boolean clear) {
    Anchor(String key, String surface, boolean verb, String actor, String qualifier) {
        this(key, surface, verb, actor, actor, qualifier, "", true);
    }

    String subject() {
        return key + (qualifier.isEmpty() ? "" : "+with:" + qualifier) + (verb ? "|" + actor : "");
    }

    /** "Putin arrived", "the summit", "the meeting with Trump", "it died": reads after "day", "year", "where". */
    String describe() {
        String with = qualifier.isEmpty() ? "" : " with " + capitalize(qualifier);
        if (!verb) {
            return "the " + surface + with;
        }
        String who = actor.isEmpty() ? "it" : actorName.startsWith("the ") ? actorName : capitalize(actorName);
        return who + " " + surface + (object.isEmpty() ? "" : " " + object) + with;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
