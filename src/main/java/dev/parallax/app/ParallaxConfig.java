package dev.parallax.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.parallax.cluster.ClusterSettings;
import dev.parallax.ingest.FeedSettings;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.summarize.llm.LlmSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.parallax.chat.slack.SlackSettings;
import dev.parallax.chat.discord.DiscordSettings;
import dev.parallax.schedule.InstanceSettings;
import dev.parallax.store.DatabaseSettings;

/**
 * The configuration file, split into the slice each component needs. Every key is optional; the
 * defaults are the embedded ones. Secrets never live here: they come from the environment.
 */
public record ParallaxConfig(DatabaseSettings database, ClusterSettings cluster, SummaryBudget summary,
                             RunSettings run, SlackSettings slack, DiscordSettings discord, FeedSettings feeds,
                             LlmSettings llm, InstanceSettings instances) {

    public static ParallaxConfig defaults() {
        return new ParallaxConfig(DatabaseSettings.defaults(), ClusterSettings.defaults(), SummaryBudget.chat(),
                RunSettings.defaults(), SlackSettings.defaults(), DiscordSettings.defaults(), FeedSettings.defaults(),
                LlmSettings.off(), InstanceSettings.defaults());
    }

    public static ParallaxConfig load(Path file) {
        JsonNode root;
        try {
            root = new TomlMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage(), e);
        }
        ParallaxConfig d = defaults();
        JsonNode db = root.path("database");
        JsonNode cl = root.path("cluster");
        JsonNode su = root.path("summary");
        try {
            return new ParallaxConfig(
                    DatabaseSettings.from(db),
                    ClusterSettings.from(cl),
                    new SummaryBudget(
                            su.path("max_sentences").asInt(d.summary().maxSentences()),
                            su.path("max_words").asInt(d.summary().maxWords())),
                    RunSettings.from(root),
                    SlackSettings.from(root.path("slack")),
                    DiscordSettings.from(root.path("discord")),
                    FeedSettings.from(root.path("feeds")),
                    LlmSettings.from(root.path("llm")),
                    InstanceSettings.from(root.path("scheduler")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad value in config " + file + ": " + e.getMessage(), e);
        }
    }

    /** The same configuration on a SQLite file. */
    public ParallaxConfig withDatabase(Path path) {
        return withDatabase(path.toString());
    }

    /** The same configuration on another database: a JDBC URL, or else a SQLite file path. */
    public ParallaxConfig withDatabase(String urlOrFile) {
        return new ParallaxConfig(database.withTarget(urlOrFile), cluster, summary, run, slack, discord, feeds, llm,
                instances);
    }

    public ParallaxConfig withFeeds(FeedSettings newFeeds) {
        return new ParallaxConfig(database, cluster, summary, run, slack, discord, newFeeds, llm, instances);
    }
}
