package io.basalt.type.textsearch;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.Locale;
import java.util.Set;

/**
 * The text search configurations Basalt has: {@code simple} (every word lower-cased, no stop words) and
 * {@code english} (stop words dropped, words stemmed by {@link EnglishStemmer}; numbers go through {@code simple},
 * as PostgreSQL's english configuration maps them). A name may be schema-qualified with {@code pg_catalog}.
 */
public enum TextSearchConfiguration {
    SIMPLE, ENGLISH;

    /** PostgreSQL's (and Snowball's) English stop words. */
    private static final Set<String> ENGLISH_STOP_WORDS = Set.of(
            "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours", "yourself",
            "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
            "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this", "that", "these",
            "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do",
            "does", "did", "doing", "a", "an", "the", "and", "but", "if", "or", "because", "as", "until", "while",
            "of", "at", "by", "for", "with", "about", "against", "between", "into", "through", "during", "before",
            "after", "above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under",
            "again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all", "any",
            "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not", "only", "own",
            "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don", "should", "now");

    /** default_text_search_config of the session whose statement is being bound on this thread. */
    public static final ScopedValue<TextSearchConfiguration> CURRENT = ScopedValue.newInstance();

    /** The configuration bound to this thread ({@link #CURRENT}), else {@code english}, PostgreSQL's default. */
    public static TextSearchConfiguration current() {
        return CURRENT.orElse(ENGLISH);
    }

    /**
     * The configuration named {@code name}.
     *
     * @throws BasaltException 42704 for a configuration that does not exist
     */
    public static TextSearchConfiguration named(String name) {
        String bare = name.toLowerCase(Locale.ROOT);
        if (bare.startsWith("pg_catalog.")) {
            bare = bare.substring("pg_catalog.".length());
        }
        return switch (bare) {
            case "simple" -> SIMPLE;
            case "english" -> ENGLISH;
            default -> throw BasaltException.of(SqlState.UNDEFINED_OBJECT,
                    "text search configuration \"" + name + "\" does not exist");
        };
    }

    /**
     * The lexeme of a word token, or null when it is a stop word. {@code number} is true for a number, which
     * no configuration stems.
     */
    public String lexeme(String token, boolean number) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (this == SIMPLE || number) {
            return lower;
        }
        if (ENGLISH_STOP_WORDS.contains(lower)) {
            return null;
        }
        return EnglishStemmer.stem(lower);
    }

    public String sqlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
