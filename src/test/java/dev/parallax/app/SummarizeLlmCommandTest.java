package dev.parallax.app;

import static dev.parallax.app.CommandRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private int serve(int status, String content) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String body = status != 200 ? "{\"error\":{\"message\":\"down\"}}"
                    : "{\"id\":\"x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(content)
                    + "},\"finish_reason\":\"stop\"}]}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return server.getAddress().getPort();
    }

    private JsonNode summarize(int port) throws Exception {
        Path config = Files.writeString(dir.resolve("parallax.toml"), "[llm]\nenabled = true\nbase_url = "
                + "\"http://127.0.0.1:" + port + "/v1\"\nmodel = \"test\"\ntimeout_seconds = 10\n");
        Path in = Files.writeString(dir.resolve("in.jsonl"), STORY);
        CommandRun r = run("--config", config.toString(), "summarize", "--in", in.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return JSON.readTree(r.out().lines().findFirst().orElseThrow());
    }

    @Test
    @DisplayName("with [llm] enabled, summarize asks the configured endpoint and keeps its backed sentences")
    void usesTheEndpoint() throws Exception {
        JsonNode story = summarize(serve(200, "The council approved protected bike lanes on Main Street on Tuesday."));

        assertThat(story.get("summary")).singleElement().satisfies(s -> assertThat(s.get("text").asText())
                .isEqualTo("The council approved protected bike lanes on Main Street on Tuesday."));
    }

    @Test
    @DisplayName("with the endpoint failing, summarize still answers with the extractive summary")
    void fallsBack() throws Exception {
        JsonNode story = summarize(serve(503, ""));

        assertThat(story.get("summary")).isNotEmpty().allSatisfy(s -> assertThat(STORY).contains(s.get("text").asText()));
    }
}
