package dev.parallax.summarize.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LlmSettingsTest {
    private static JsonNode toml(String text) throws Exception {
        return new TomlMapper().readTree(text).path("llm");
    }

    @Test
    @DisplayName("off by default: no [llm] section, or one without enabled = true")
    void offByDefault() throws Exception {
        assertThat(LlmSettings.from(toml("")).enabled()).isFalse();
        assertThat(LlmSettings.from(toml("[llm]\nmodel = \"qwen2.5\"")).enabled()).isFalse();
    }

    @Test
    @DisplayName("reads URL, model and timeout")
    void reads() throws Exception {
        LlmSettings s = LlmSettings.from(toml("""
                [llm]
                enabled = true
                base_url = "http://127.0.0.1:8080/v1"
                model = "qwen2.5"
                timeout_seconds = 5
                """));

        assertThat(s.enabled()).isTrue();
        assertThat(s.baseUrl()).hasToString("http://127.0.0.1:8080/v1");
        assertThat(s.model()).isEqualTo("qwen2.5");
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("a bad URL, a blank model or a silly timeout is a clear error")
    void validates() {
        assertThatThrownBy(() -> LlmSettings.from(toml("[llm]\nbase_url = \"ftp://x\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("llm.base_url");
        assertThatThrownBy(() -> LlmSettings.from(toml("[llm]\nmodel = \" \"")))
                .hasMessageContaining("llm.model");
        assertThatThrownBy(() -> LlmSettings.from(toml("[llm]\ntimeout_seconds = 0")))
                .hasMessageContaining("llm.timeout_seconds");
    }
}
