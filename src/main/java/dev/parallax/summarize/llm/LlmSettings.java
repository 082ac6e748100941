package dev.parallax.summarize.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;

/**
 * The {@code [llm]} section: whether the LLM summarizer is on, where the OpenAI-compatible endpoint
 * is, which model, and how long a request may take. The API key never lives here; it comes from
 * the environment ({@code PARALLAX_LLM_API_KEY}).
 */
public record LlmSettings(boolean enabled, URI baseUrl, String model, Duration timeout) {
    public static final String API_KEY_ENV = "PARALLAX_LLM_API_KEY";

    public LlmSettings {
        if (baseUrl == null || !("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme()))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("llm.base_url must be an http(s) URL such as http://127.0.0.1:11434/v1,"
                    + " got " + baseUrl);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("llm.model must name a model, e.g. \"llama3.1\"");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > 600) {
            throw new IllegalArgumentException("llm.timeout_seconds must be between 1 and 600, got " + timeout);
        }
    }

    public static LlmSettings off() {
        return new LlmSettings(false, URI.create("http://127.0.0.1:11434/v1"), "llama3.1", Duration.ofSeconds(20));
    }

    /** Reads the section; a missing section or key takes the default of {@link #off()}. */
    public static LlmSettings from(JsonNode section) {
        LlmSettings d = off();
        if (section == null || section.isMissingNode() || section.isNull()) {
            return d;
        }
        String url = section.path("base_url").asText(d.baseUrl().toString());
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("llm.base_url is not a URL: " + url);
        }
        long seconds = section.path("timeout_seconds").asLong(d.timeout().toSeconds());
        return new LlmSettings(section.path("enabled").asBoolean(false), uri,
                section.path("model").asText(d.model()), Duration.ofSeconds(seconds));
    }
}
