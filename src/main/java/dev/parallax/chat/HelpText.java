package dev.parallax.chat;

import java.util.List;

/** What {@code help} shows, and the subcommand names, for "did you mean" on a typo. */
final class HelpText {
    static final List<String> SUBCOMMANDS = List.of("digest", "story", "claims", "sources", "search", "feeds",
            "subscribe", "unsubscribe", "schedule", "topics", "help");

    private HelpText() {
    }

    static String of(String command) {
        String c = command;
        return String.join("\n",
                "Parallax groups news from many outlets into stories and shows where the sources differ.",
                "",
                c + " digest: this channel's latest digest, shown to you",
                c + " story <id or words>: a story's summary, outlets, differences and timeline",
                c + " claims <story>: what the sources agree on, and where they differ, with quotes and links",
                c + " sources <story>: the outlets covering a story, with times and links",
                c + " search <words>: stories and articles matching the words, best first",
                c + " feeds: the feeds this channel follows",
                c + " schedule, " + c + " topics: when this channel gets its digest, and on what",
                "",
                "For admins:",
                c + " digest now: post a fresh digest here now",
                c + " subscribe <feed URL>, " + c + " unsubscribe <number or URL>",
                c + " schedule <HH:MM or cron> [time zone], for example: schedule 08:00 Europe/Berlin,"
                        + " or schedule 0 8 * * 1-5 America/New_York",
                c + " schedule off: no more scheduled digests (digest now still works)",
                c + " topics include <words>, " + c + " topics exclude <words>, " + c + " topics clear");
    }

    /** The subcommand closest to a typo, if it is close enough to be what was meant. */
    static String closest(String typed) {
        String best = null;
        int bestDistance = 3;
        for (String name : SUBCOMMANDS) {
            int d = distance(typed, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
