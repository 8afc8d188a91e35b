package io.basalt.catalog;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The comments COMMENT ON puts on objects (PostgreSQL's pg_description), shared by every session's view of the
 * catalog. A comment is filed under a key naming the object (its system-catalog class and oid, and for a column
 * its name) together with the object it was put on, its owner: a comment whose owner is no longer the object the
 * key finds (the object was dropped and another made under the same name) is not shown. Durability comes from the
 * DDL log, which replays the COMMENT statements.
 */
public final class Comments {
    /** A comment and the object it is on (compared by identity). */
    public record Comment(Object owner, String text) {
    }

    private final Map<String, Comment> comments = new ConcurrentHashMap<>();

    /** The comment filed under {@code key} on {@code owner}, or null. */
    public String text(String key, Object owner) {
        Comment comment = comments.get(key);
        return comment == null || comment.owner() != owner ? null : comment.text();
    }

    /**
     * Files {@code text} under {@code key} on {@code owner}; null or an empty text removes the comment.
     *
     * @return the comment filed there before, or null (for {@link #restore})
     */
    public Comment set(String key, Object owner, String text) {
        if (text == null || text.isEmpty()) {
            return comments.remove(key);
        }
        return comments.put(key, new Comment(owner, text));
    }

    /** Puts back what {@link #set} returned (null: no comment). */
    public void restore(String key, Comment previous) {
        if (previous == null) {
            comments.remove(key);
        } else {
            comments.put(key, previous);
        }
    }
}
