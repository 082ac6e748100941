package dev.parallax.chat.discord;

/** Discord's size limits for what we send, in UTF-16 chars (what Discord and JDA count). */
final class DiscordLimits {
    static final int CONTENT = 2000;
    static final int EMBEDS_PER_MESSAGE = 10;
    static final int EMBED_TOTAL = 6000;
    static final int DESCRIPTION = 4096;
    static final int TITLE = 256;
    static final int FIELDS_PER_EMBED = 25;
    static final int FIELD_NAME = 256;
    static final int FIELD_VALUE = 1024;
    static final int BUTTON_LABEL = 80;
    static final int CUSTOM_ID = 100;
    static final int THREAD_NAME = 100;
    static final int CHOICES = 25;
    static final int CHOICE_NAME = 100;
    static final int CHOICE_VALUE = 100;

    private DiscordLimits() {
    }
}
