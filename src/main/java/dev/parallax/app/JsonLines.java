package dev.parallax.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON Lines file whole, failing on the first bad line with the file and line number. */
final class JsonLines {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A parsed line and where it came from, for error messages about its fields. */
    record Line(JsonNode node, Path file, int number) {
        String where() {
            return file + ":" + number;
        }

        String text(String field, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw new InputException(where() + ": missing field \"" + field + "\"");
                }
                return "";
            }
            if (!v.isValueNode()) {
                throw new InputException(where() + ": field \"" + field + "\" must be a string");
            }
            return v.asText();
        }
    }

    private JsonLines() {
    }

    static List<Line> read(Path file) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                if (raw.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(raw);
                } catch (JsonProcessingException e) {
                    throw new InputException(file + ":" + number + ": invalid JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw new InputException(file + ":" + number + ": expected a JSON object");
                }
                lines.add(new Line(node, file, number));
            }
        } catch (NoSuchFileException e) {
            throw new InputException("no such file: " + file);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage());
        }
        if (lines.isEmpty()) {
            throw new InputException(file + ": no JSON lines");
        }
        return lines;
    }
}
