/**
 * Parallax in Slack (Bolt for Java): Socket Mode or signed HTTP requests, the {@code /parallax}
 * command and the story buttons, and digests posted as Block Kit within Slack's limits.
 */
package dev.parallax.chat.slack;
