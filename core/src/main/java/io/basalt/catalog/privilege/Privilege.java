package io.basalt.catalog.privilege;

import java.util.Locale;

/**
 * The privileges GRANT gives, with the letter PostgreSQL's aclitem text shows for each. Each privilege is one bit
 * ({@link #bit}) of the masks {@link AclItem} keeps.
 */
public enum Privilege {
    INSERT('a'),
    SELECT('r'),
    UPDATE('w'),
    DELETE('d'),
    TRUNCATE('D'),
    REFERENCES('x'),
    TRIGGER('t'),
    EXECUTE('X'),
    USAGE('U'),
    CREATE('C'),
    TEMPORARY('T'),
    CONNECT('c');

    private final char letter;

    Privilege(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    public int bit() {
        return 1 << ordinal();
    }

    /** The name as GRANT writes it, in upper case. */
    public String sqlName() {
        return name();
    }

    /** The privilege GRANT names {@code word} (any case; TEMP is TEMPORARY), or null. */
    public static Privilege named(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        if (upper.equals("TEMP")) {
            return TEMPORARY;
        }
        for (Privilege privilege : values()) {
            if (privilege.name().equals(upper)) {
                return privilege;
            }
        }
        return null;
    }

    /** The letters of the privileges in {@code mask}, each followed by {@code *} when in {@code grantOptions}. */
    public static String letters(int mask, int grantOptions) {
        StringBuilder text = new StringBuilder();
        for (Privilege privilege : values()) {
            if ((mask & privilege.bit()) != 0) {
                text.append(privilege.letter);
                if ((grantOptions & privilege.bit()) != 0) {
                    text.append('*');
                }
            }
        }
        return text.toString();
    }
}
