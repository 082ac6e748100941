package dev.parallax.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.parallax.cluster.ClusterSettings;
import dev.parallax.summarize.SummaryBudget;
import dev.parallax.summarize.llm.LlmSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import dev.parallax.chat.ChannelRef;

/**
 * The configuration file, split into the slice each component needs. Every key is optional; the
 * defaults are the embedded ones. Secrets never live here: they come from the environment.
 */
public record ParallaxConfig(Path database, ClusterSettings cluster, SummaryBudget summary, RunSettings run,
                             LlmSettings llm) {

    public static ParallaxConfig defaults() {
        return new ParallaxConfig(Path.of("data", "parallax.db"), ClusterSettings.defaults(), SummaryBudget.chat(),
                RunSettings.defaults(), LlmSettings.off());
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
        ClusterSettings c = d.cluster();
        try {
            return new ParallaxConfig(
                    Path.of(db.path("path").asText(d.database().toString())),
                    new ClusterSettings(
                            cl.path("threshold").asDouble(c.threshold()),
                            cl.path("name_weight").asDouble(c.nameWeight()),
                            Duration.ofHours(cl.path("window_hours").asLong(c.window().toHours())),
                            cl.path("max_active_stories").asInt(c.maxActive())),
                    new SummaryBudget(
                            su.path("max_sentences").asInt(d.summary().maxSentences()),
                            su.path("max_words").asInt(d.summary().maxWords())),
                    run(root, d.run()),
                    LlmSettings.from(root.path("llm")));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad value in config " + file + ": " + e.getMessage(), e);
        }
    }

    public ParallaxConfig withDatabase(Path path) {
        return new ParallaxConfig(path, cluster, summary, run, llm);
    }

    private static RunSettings run(JsonNode root, RunSettings d) {
        JsonNode sc = root.path("scheduler");
        JsonNode ops = root.path("ops");
        List<Path> folders = new ArrayList<>();
        root.path("ingest").path("folders").forEach(f -> folders.add(Path.of(f.asText())));
        List<ChannelConfig> channels = new ArrayList<>();
        for (JsonNode ch : root.path("channels")) {
            String id = ch.path("id").asText("");
            if (id.isBlank()) {
                throw new IllegalArgumentException("every [[channels]] entry needs an id such as \"console:stdout\"");
            }
            channels.add(new ChannelConfig(ChannelRef.parse(id), ch.hasNonNull("schedule") ? ch.get("schedule").asText()
                    : null, ch.path("zone").asText("UTC"), strings(ch.path("include")), strings(ch.path("exclude"))));
        }
        return new RunSettings(root.path("ingest").has("folders") ? folders : d.folders(), channels,
                Duration.ofSeconds(sc.path("poll_interval_seconds").asLong(d.pollInterval().toSeconds())),
                Duration.ofSeconds(sc.path("outbox_interval_seconds").asLong(d.outboxInterval().toSeconds())),
                Duration.ofHours(sc.path("catch_up_grace_hours").asLong(d.catchUpGrace().toHours())),
                Duration.ofHours(sc.path("first_digest_look_back_hours").asLong(d.firstLookBack().toHours())),
                Duration.ofSeconds(sc.path("shutdown_timeout_seconds").asLong(d.shutdownTimeout().toSeconds())),
                ops.path("host").asText(d.opsHost()), ops.path("port").asInt(d.opsPort()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
