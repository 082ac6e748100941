package dev.parallax.app;

import static dev.parallax.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parallax.summarize.llm.FakeOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizeLlmCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STORY = "{\"story\":\"s1\",\"articles\":["
            + "{\"source\":\"Wire\",\"title\":\"Council approves bike lanes\",\"text\":\"The city council voted 7-2 on"
            + " Tuesday to approve protected bike lanes on Main Street.\"},"
            + "{\"source\":\"Daily\",\"title\":\"Bike lanes for Main Street\",\"text\":\"Main Street will get protected"
            + " bike lanes after the council approved them on Tuesday.\"}]}\n";

    @TempDir
    Path dir;

    private final FakeOpenAiServer server = new FakeOpenAiServer();

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode summarize() throws Exception {
        Path config = Files.writeString(dir.resolve("parallax.toml"), "[llm]\nenabled = true\nbase_url = "
                + "\"" + server.baseUrl() + "\"\nmodel = \"test\"\ntimeout_seconds = 10\n");
        Path in = Files.writeString(dir.resolve("in.jsonl"), STORY);
        CommandRun r = run("--config", config.toString(), "summarize", "--in", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out().lines().findFirst().orElseThrow());
    }

    @Test
    @DisplayName("with [llm] enabled, summarize asks the configured endpoint and keeps its backed sentences")
    void usesTheEndpoint() throws Exception {
        server.replies("The council approved protected bike lanes on Main Street on Tuesday.");

        JsonNode story = summarize();

        assertThat(story.get("summary")).singleElement().satisfies(s -> assertThat(s.get("text").asText())
                .isEqualTo("The council approved protected bike lanes on Main Street on Tuesday."));
    }

    @Test
    @DisplayName("with the endpoint failing, summarize still answers with the extractive summary")
    void fallsBack() throws Exception {
        server.answers(503, "{\"error\":{\"message\":\"down\"}}");

        JsonNode story = summarize();

        assertThat(story.get("summary")).isNotEmpty().allSatisfy(s -> assertThat(STORY).contains(s.get("text").asText()));
    }
}
