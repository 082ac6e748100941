package dev.parallax.app;

import dev.parallax.chat.ChannelRef;
import java.util.List;

/** A channel declared in the configuration file: where, when, and which topics. */
record ChannelConfig(ChannelRef ref, String schedule, String zone, List<String> include, List<String> exclude) {
}
