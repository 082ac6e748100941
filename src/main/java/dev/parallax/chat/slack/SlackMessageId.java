package dev.parallax.chat.slack;

/**
 * The message id Parallax keeps for a Slack message: its ts, and for a thread reply also the ts
 * of the thread's first message ("root/ts"), because Slack threads hang off the root only and a
 * follow-up to a story goes into the digest's thread.
 */
record SlackMessageId(String root, String ts) {
    static SlackMessageId parse(String id) {
        int slash = id.indexOf('/');
        return slash < 0 ? new SlackMessageId(id, id) : new SlackMessageId(id.substring(0, slash), id.substring(slash + 1));
    }

    static SlackMessageId of(String root, String ts) {
        return new SlackMessageId(root == null ? ts : root, ts);
    }

    String format() {
        return root.equals(ts) ? ts : root + "/" + ts;
    }
}
