package dev.parallax.chat;

import dev.parallax.digest.Digest;
import dev.parallax.digest.StoryBrief;
import java.util.List;

/**
 * What a command answers, as a value; each adapter renders it for its platform (Block Kit,
 * embeds, Markdown). Text fields are plain text with no platform markup.
 */
public sealed interface CommandReply {
    /** Whether only the caller sees the reply. */
    boolean ephemeral();

    /** Help, confirmations and lists that are just lines of text. */
    record Message(String text, boolean ephemeral) implements CommandReply {
    }

    /** Bad input, an unknown story, a missing right: one short, helpful line, shown to the caller only. */
    record Problem(String text) implements CommandReply {
        @Override
        public boolean ephemeral() {
            return true;
        }
    }

    /** One story, seen from one side: its overview, its claims, or its sources. */
    record StoryView(StoryBrief story, Focus focus, boolean ephemeral) implements CommandReply {
    }

    /** What {@link StoryView} shows of the story. */
    enum Focus {
        /** summary, outlets, divergences and timeline */
        OVERVIEW,
        /** agreements with source counts, divergences with each side's quotes and links */
        CLAIMS,
        /** the outlets covering it, with times and links */
        SOURCES
    }

    /** A digest shown to the caller (the channel's latest, or a preview). */
    record DigestView(String title, Digest digest, boolean ephemeral) implements CommandReply {
    }

    /** Search results, best match first. */
    record SearchResults(String query, List<StoryHit> hits) implements CommandReply {
        @Override
        public boolean ephemeral() {
            return true;
        }
    }

    /** A story found by id or words: enough to list it or offer it for autocomplete. */
    record StoryHit(String storyId, String headline, int outlets, String snippet) {
    }
}
