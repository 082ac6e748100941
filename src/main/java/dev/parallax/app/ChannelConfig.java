package dev.parallax.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parallax.chat.ChannelRef;
import dev.parallax.schedule.DigestSchedule;
import java.util.ArrayList;
import java.util.List;

/** A channel declared in the configuration file: where, when (null: never on its own), and which topics. */
record ChannelConfig(ChannelRef ref, String schedule, String zone, List<String> include, List<String> exclude) {
    ChannelConfig {
        if (schedule != null) {
            DigestSchedule.parse(schedule, zone);
        } else {
            DigestSchedule.zone(zone);
        }
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** One {@code [[channels]]} entry. */
    static ChannelConfig from(JsonNode entry) {
        String id = entry.path("id").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("every [[channels]] entry needs an id such as \"console:stdout\"");
        }
        try {
            return new ChannelConfig(ChannelRef.parse(id.strip()),
                    entry.hasNonNull("schedule") ? entry.get("schedule").asText() : null,
                    entry.path("zone").asText("UTC"), strings(entry, "include"), strings(entry, "exclude"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("channel " + id + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode entry, String key) {
        JsonNode array = entry.path(key);
        if (!array.isMissingNode() && !array.isArray()) {
            throw new IllegalArgumentException(key + " must be a list of topics, such as [\"climate change\"]");
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
