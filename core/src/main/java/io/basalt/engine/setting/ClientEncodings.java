package io.basalt.engine.setting;

import io.basalt.error.SqlState;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Values of client_encoding. PostgreSQL's encoding names and aliases are recognised as it recognises them
 * (case, spaces and punctuation ignored: {@code utf-8}, {@code Unicode} and {@code UTF8} are all UTF8), but
 * Basalt hands text to its clients as Java strings and converts nothing, so only UTF8 is accepted; any other
 * encoding is refused as PostgreSQL refuses an encoding it cannot convert to (0A000, "Conversion between ...
 * is not supported.").
 */
public final class ClientEncodings {
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String name : new String[] {"BIG5", "EUC_CN", "EUC_JIS_2004", "EUC_JP", "EUC_KR", "EUC_TW", "GB18030",
                "GBK", "ISO_8859_5", "ISO_8859_6", "ISO_8859_7", "ISO_8859_8", "JOHAB", "KOI8R", "KOI8U", "LATIN1",
                "LATIN2", "LATIN3", "LATIN4", "LATIN5", "LATIN6", "LATIN7", "LATIN8", "LATIN9", "LATIN10",
                "MULE_INTERNAL", "SJIS", "SHIFT_JIS_2004", "SQL_ASCII", "UHC", "UTF8", "WIN866", "WIN874",
                "WIN1250", "WIN1251", "WIN1252", "WIN1253", "WIN1254", "WIN1255", "WIN1256", "WIN1257", "WIN1258"}) {
            NAMES.put(clean(name), name);
        }
        String[][] aliases = {
            {"abc", "WIN1258"}, {"alt", "WIN866"}, {"iso88591", "LATIN1"}, {"iso88592", "LATIN2"},
            {"iso88593", "LATIN3"}, {"iso88594", "LATIN4"}, {"iso88599", "LATIN5"}, {"iso885910", "LATIN6"},
            {"iso885913", "LATIN7"}, {"iso885914", "LATIN8"}, {"iso885915", "LATIN9"}, {"iso885916", "LATIN10"},
            {"koi8", "KOI8R"}, {"mskanji", "SJIS"}, {"shiftjis", "SJIS"}, {"tcvn", "WIN1258"},
            {"tcvn5712", "WIN1258"}, {"unicode", "UTF8"}, {"vscii", "WIN1258"}, {"win", "WIN1251"},
            {"win932", "SJIS"}, {"win936", "GBK"}, {"win949", "UHC"}, {"win950", "BIG5"}, {"windows866", "WIN866"},
            {"windows874", "WIN874"}, {"windows932", "SJIS"}, {"windows936", "GBK"}, {"windows949", "UHC"},
            {"windows950", "BIG5"},
        };
        for (String[] alias : aliases) {
            NAMES.put(alias[0], alias[1]);
        }
        for (int code = 1250; code <= 1258; code++) {
            NAMES.put("windows" + code, "WIN" + code);
        }
    }

    private ClientEncodings() {
    }

    /** PostgreSQL's name of the encoding {@code name} spells (an alias or any spelling), or null for none. */
    public static String canonicalName(String name) {
        return NAMES.get(clean(name));
    }

    static String canonical(Parameter parameter, Assignment assignment) {
        String encoding = NAMES.get(clean(assignment.text()));
        if (encoding == null) {
            throw InvalidValue.of(parameter.name(), assignment.text());
        }
        if (!encoding.equals("UTF8")) {
            throw io.basalt.error.BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "invalid value for parameter \"" + parameter.name() + "\": \"" + assignment.text() + "\"")
                    .withDetail("Conversion between " + encoding + " and UTF8 is not supported.");
        }
        return encoding;
    }

    /** PostgreSQL's comparison form of an encoding name: its letters and digits, lower case. */
    private static String clean(String name) {
        StringBuilder cleaned = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                cleaned.append(c);
            }
        }
        return cleaned.toString().toLowerCase(Locale.ROOT);
    }
}
