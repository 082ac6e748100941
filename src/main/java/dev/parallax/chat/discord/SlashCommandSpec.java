package dev.parallax.chat.discord;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /parallax} subcommands as data, mirroring the platform-neutral command texts. Two
 * commands carry them: {@code /parallax} for everyone and {@code /parallax-admin}, whose admin
 * subcommands Discord hides from members without Manage Server (it cannot hide single subcommands).
 */
final class SlashCommandSpec {
    /** A text option; {@code choices} empty means free text. */
    record Option(String name, String description, boolean required, boolean autocomplete, List<String> choices) {
        static Option text(String name, String description) {
            return new Option(name, description, true, false, List.of());
        }

        static Option story() {
            return new Option("story", "A story id, or words from its headline", true, true, List.of());
        }
    }

    /**
     * A subcommand and the command text it stands for: {@code words} followed by the option values
     * in order ({@code schedule} with when=08:00, zone=Europe/Paris is "schedule 08:00 Europe/Paris").
     */
    record Subcommand(String name, String description, boolean admin, String words, List<Option> options) {
        String commandText(Map<String, String> values) {
            StringBuilder text = new StringBuilder(words);
            for (Option o : options) {
                String v = values.get(o.name());
                if (v != null && !v.isBlank()) {
                    text.append(' ').append(v.strip());
                }
            }
            return text.toString();
        }
    }

    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("digest", "Show this channel's latest digest", false, "digest", List.of()),
            new Subcommand("story", "A story's summary, outlets, divergences and timeline", false, "story",
                    List.of(Option.story())),
            new Subcommand("claims", "What the sources agree on, and where they differ", false, "claims",
                    List.of(Option.story())),
            new Subcommand("sources", "The outlets covering a story, with times and links", false, "sources",
                    List.of(Option.story())),
            new Subcommand("search", "Search stories and articles", false, "search",
                    List.of(Option.text("words", "What to look for"))),
            new Subcommand("help", "How to use Parallax", false, "help", List.of()),
            new Subcommand("digest-now", "Post a fresh digest to this channel now", true, "digest now", List.of()),
            new Subcommand("feeds", "This channel's sources", true, "feeds", List.of()),
            new Subcommand("subscribe", "Add a feed or page to this channel's sources", true, "subscribe",
                    List.of(Option.text("url", "The feed's or page's address"))),
            new Subcommand("unsubscribe", "Remove a source from this channel", true, "unsubscribe",
                    List.of(Option.text("feed", "The source's address or number, as /parallax-admin feeds shows"))),
            new Subcommand("schedule", "When this channel's digest arrives, or off", true, "schedule", List.of(
                    Option.text("when", "HH:MM, a 5-field cron such as \"0 8 * * 1-5\", or off"),
                    new Option("zone", "An IANA time zone such as Europe/Paris (default UTC)", false, true,
                            List.of()))),
            new Subcommand("topics", "Only stories mentioning, or never mentioning, these words", true, "topics",
                    List.of(new Option("mode", "include or exclude", true, false, List.of("include", "exclude")),
                            Option.text("words", "Topic words, separated by spaces"))));

    private SlashCommandSpec() {
    }

    static List<Subcommand> of(boolean admin) {
        List<Subcommand> out = new ArrayList<>();
        for (Subcommand s : SUBCOMMANDS) {
            if (s.admin() == admin) {
                out.add(s);
            }
        }
        return out;
    }

    static Optional<Subcommand> find(boolean admin, String name) {
        return of(admin).stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
