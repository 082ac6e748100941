package dev.parallax.chat;

/**
 * A channel on a platform: {@code platform} is "console", "file", "slack" or "discord";
 * {@code address} is what that platform needs to post there (a Slack channel id, a folder...).
 */
public record ChannelRef(String platform, String address) {
    /** The id our tables use: "slack:C123". */
    public String id() {
        return platform + ":" + address;
    }

    public static ChannelRef parse(String id) {
        int colon = id.indexOf(':');
        if (colon <= 0 || colon == id.length() - 1) {
            throw new IllegalArgumentException("channel id must look like platform:address, got: " + id);
        }
        return new ChannelRef(id.substring(0, colon), id.substring(colon + 1));
    }
}
