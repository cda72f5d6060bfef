package io.polycache.testsupport;

/** An error reply ({@code -ERR ...}, {@code -MOVED ...}, {@code -WRONGTYPE ...}) from a Redis server. */
public final class RedisErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reply;

    public RedisErrorException(String reply) {
        super(reply);
        this.reply = reply;
    }

    /** The whole error line as the server sent it, without the leading {@code -}. */
    public String reply() {
        return reply;
    }

    /** The first word of the reply, for example {@code ERR}, {@code MOVED} or {@code WRONGTYPE}. */
    public String errorCode() {
        int space = reply.indexOf(' ');
        return space < 0 ? reply : reply.substring(0, space);
    }
}
