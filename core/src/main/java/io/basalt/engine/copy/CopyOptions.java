package io.basalt.engine.copy;

import static java.util.Objects.requireNonNull;

import io.basalt.engine.setting.ClientEncodings;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.CopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checked options of one COPY, with PostgreSQL's defaults filled in: tab, {@code \N} and no quoting for
 * the text format; comma, the empty string and {@code "} for CSV, the escape defaulting to the quote.
 * {@link #of} checks the written options in PostgreSQL's order and with its messages (ProcessCopyOptions):
 * unknown and repeated options, values of the wrong kind, then the combinations that make no sense.
 *
 * @param forceQuote   columns CSV output always quotes (COPY TO); empty when none or {@code forceQuoteAll}
 * @param forceNotNull columns whose unquoted null string CSV input reads as an empty string (COPY FROM)
 * @param forceNull    columns whose quoted null string CSV input reads as NULL too (COPY FROM)
 * @param compression  Parquet's COMPRESSION (COPY TO), or null for the default
 * @param rowGroupSize Parquet's ROW_GROUP_SIZE in rows (COPY TO), or 0 for the default
 */
public record CopyOptions(CopyFormat format, byte delimiter, String nullString, boolean header, boolean headerMatch,
                          byte quote, byte escape, boolean forceQuoteAll, List<String> forceQuote,
                          List<String> forceNotNull, List<String> forceNull, boolean freeze, String compression,
                          long rowGroupSize) {
    /** Characters that cannot delimit text-format fields because they mean something after a backslash. */
    private static final String TEXT_RESERVED_DELIMITERS = "\\.abcdefghijklmnopqrstuvwxyz0123456789";

    public CopyOptions {
        requireNonNull(format, "format is null");
        requireNonNull(nullString, "nullString is null");
        forceQuote = List.copyOf(forceQuote);
        forceNotNull = List.copyOf(forceNotNull);
        forceNull = List.copyOf(forceNull);
    }

    /** The text format with every default: what {@code COPY t FROM STDIN} uses. */
    public static CopyOptions textDefaults() {
        return of(List.of(), true);
    }

    /** Checks the options of a COPY FROM ({@code from}) or COPY TO. */
    public static CopyOptions of(List<CopyOption> options, boolean from) {
        return of(options, from, null);
    }

    /**
     * Checks the options of a COPY FROM ({@code from}) or COPY TO of file {@code fileName} (null for the client's
     * stream). Without a FORMAT option, a file name ending in {@code .parquet} means Parquet, as in DuckDB.
     */
    public static CopyOptions of(List<CopyOption> options, boolean from, String fileName) {
        Set<String> seen = new HashSet<>();
        CopyFormat format = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".parquet")
                ? CopyFormat.PARQUET : CopyFormat.TEXT;
        String compression = null;
        long rowGroupSize = 0;
        String delimiter = null;
        String nullString = null;
        boolean header = false;
        boolean headerMatch = false;
        String quote = null;
        String escape = null;
        boolean forceQuoteAll = false;
        List<String> forceQuote = null;
        List<String> forceNotNull = null;
        List<String> forceNull = null;
        boolean freeze = false;
        for (CopyOption option : options) {
            String name = option.name();
            switch (name) {
                case "format", "freeze", "delimiter", "null", "header", "quote", "escape", "force_quote",
                     "force_not_null", "force_null", "encoding", "compression", "row_group_size" -> {
                    if (!seen.add(name)) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, option.position(),
                                "conflicting or redundant options");
                    }
                }
                default -> throw BasaltException.at(SqlState.SYNTAX_ERROR, option.position(),
                        "option \"" + name + "\" not recognized");
            }
            switch (name) {
                case "format" -> format = format(option);
                case "freeze" -> freeze = bool(option);
                case "delimiter" -> delimiter = string(option);
                case "null" -> nullString = string(option);
                case "header" -> {
                    headerMatch = isMatch(option);
                    if (headerMatch && !from) {
                        throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                                "cannot use \"" + option.value() + "\" with HEADER in COPY TO");
                    }
                    header = headerMatch || headerBoolean(option);
                }
                case "quote" -> quote = string(option);
                case "escape" -> escape = string(option);
                case "force_quote" -> {
                    if (option.all()) {
                        forceQuoteAll = true;
                        forceQuote = List.of();
                    } else {
                        forceQuote = columnList(option);
                    }
                }
                case "force_not_null" -> forceNotNull = columnList(option);
                case "force_null" -> forceNull = columnList(option);
                case "encoding" -> encoding(option);
                case "compression" -> compression = string(option);
                case "row_group_size" -> rowGroupSize = rowGroupSize(option);
                default -> throw new IllegalStateException(name);
            }
        }
        if (format == CopyFormat.PARQUET) {
            return parquet(seen, from, compression, rowGroupSize, freeze);
        }
        for (String parquetOnly : List.of("compression", "row_group_size")) {
            if (seen.contains(parquetOnly)) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "COPY " + parquetOnly.replace('_', ' ') + " available only in PARQUET mode");
            }
        }
        boolean csv = format == CopyFormat.CSV;
        boolean binary = format == CopyFormat.BINARY;
        if (binary && delimiter != null) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "cannot specify DELIMITER in BINARY mode");
        }
        if (binary && nullString != null) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "cannot specify NULL in BINARY mode");
        }
        if (delimiter == null) {
            delimiter = csv ? "," : "\t";
        }
        if (nullString == null) {
            nullString = csv ? "" : "\\N";
        }
        boolean quoteGiven = quote != null;
        if (quote == null) {
            quote = "\"";
        }
        boolean escapeGiven = escape != null;
        if (escape == null) {
            escape = quote;
        }
        if (delimiter.length() != 1 || delimiter.charAt(0) > 0x7f) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY delimiter must be a single one-byte character");
        }
        char delimiterChar = delimiter.charAt(0);
        if (delimiterChar == '\n' || delimiterChar == '\r') {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "COPY delimiter cannot be newline or carriage return");
        }
        if (nullString.indexOf('\n') >= 0 || nullString.indexOf('\r') >= 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "COPY null representation cannot use newline or carriage return");
        }
        if (!csv && TEXT_RESERVED_DELIMITERS.indexOf(delimiterChar) >= 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter cannot be \"" + delimiter + "\"");
        }
        if (binary && header) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot specify HEADER in BINARY mode");
        }
        if (!csv && quoteGiven) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote available only in CSV mode");
        }
        if (csv && (quote.length() != 1 || quote.charAt(0) > 0x7f)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY quote must be a single one-byte character");
        }
        if (csv && delimiterChar == quote.charAt(0)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "COPY delimiter and quote must be different");
        }
        if (!csv && escapeGiven) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape available only in CSV mode");
        }
        if (csv && (escape.length() != 1 || escape.charAt(0) > 0x7f)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY escape must be a single one-byte character");
        }
        onlyInCsvOneWay(forceQuote != null, csv, from, "force quote", "COPY TO");
        onlyInCsvOneWay(forceNotNull != null, csv, !from, "force not null", "COPY FROM");
        onlyInCsvOneWay(forceNull != null, csv, !from, "force null", "COPY FROM");
        if (nullString.indexOf(delimiterChar) >= 0) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY delimiter must not appear in the NULL specification");
        }
        if (csv && nullString.indexOf(quote.charAt(0)) >= 0) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "CSV quote character must not appear in the NULL specification");
        }
        if (binary) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY in binary format is not supported yet");
        }
        return new CopyOptions(format, (byte) delimiterChar, nullString, header, headerMatch, (byte) quote.charAt(0),
                (byte) escape.charAt(0), forceQuoteAll, forceQuote == null ? List.of() : forceQuote,
                forceNotNull == null ? List.of() : forceNotNull, forceNull == null ? List.of() : forceNull, freeze,
                null, 0);
    }

    /** Parquet takes none of the text options; COMPRESSION and ROW_GROUP_SIZE shape the file COPY TO writes. */
    private static CopyOptions parquet(Set<String> seen, boolean from, String compression, long rowGroupSize,
                                       boolean freeze) {
        for (String textOnly : List.of("delimiter", "null", "header", "quote", "escape", "force_quote",
                "force_not_null", "force_null")) {
            if (seen.contains(textOnly)) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR,
                        "cannot specify " + textOnly.toUpperCase(Locale.ROOT) + " in PARQUET mode");
            }
        }
        if (from && (compression != null || rowGroupSize != 0)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + (compression != null
                    ? "compression" : "row group size") + " only available using COPY TO");
        }
        return new CopyOptions(CopyFormat.PARQUET, (byte) ',', "", false, false, (byte) '"', (byte) '"', false,
                List.of(), List.of(), List.of(), freeze, compression, rowGroupSize);
    }

    private static long rowGroupSize(CopyOption option) {
        String value = string(option);
        long rows;
        try {
            rows = option.numeric() ? Long.parseLong(value) : -1;
        } catch (NumberFormatException e) {
            rows = -1;
        }
        if (rows < 1) {
            throw BasaltException.at(SqlState.INVALID_PARAMETER_VALUE, option.position(),
                    "row_group_size requires a positive integer");
        }
        return rows;
    }

    /** A CSV-only option given in text mode, or in the direction it has no meaning for ({@code wrongWay}). */
    private static void onlyInCsvOneWay(boolean given, boolean csv, boolean wrongWay, String what, String rightWay) {
        if (given && !csv) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + what + " available only in CSV mode");
        }
        if (given && wrongWay) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "COPY " + what + " only available using " + rightWay);
        }
    }

    private static CopyFormat format(CopyOption option) {
        String value = string(option);
        return switch (value) {
            case "text" -> CopyFormat.TEXT;
            case "csv" -> CopyFormat.CSV;
            case "binary" -> CopyFormat.BINARY;
            case "parquet" -> CopyFormat.PARQUET;
            default -> throw BasaltException.at(SqlState.INVALID_PARAMETER_VALUE, option.position(),
                    "COPY format \"" + value + "\" not recognized");
        };
    }

    /** PostgreSQL's defGetString: a word, string or number; a list or nothing is an error. */
    private static String string(CopyOption option) {
        if (option.value() == null) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, option.name() + " requires a parameter");
        }
        return option.value();
    }

    /** PostgreSQL's defGetBoolean: nothing (true), 0 or 1, or true/false/on/off in any case. */
    private static boolean bool(CopyOption option) {
        Boolean value = booleanValue(option);
        if (value == null) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, option.name() + " requires a Boolean value");
        }
        return value;
    }

    private static boolean headerBoolean(CopyOption option) {
        Boolean value = booleanValue(option);
        if (value == null) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR,
                    option.name() + " requires a Boolean value or \"match\"");
        }
        return value;
    }

    private static boolean isMatch(CopyOption option) {
        return option.value() != null && !option.numeric() && option.value().equalsIgnoreCase("match");
    }

    /** The Boolean an option's argument spells, or null when it spells none. */
    private static Boolean booleanValue(CopyOption option) {
        if (option.columns() != null || option.all()) {
            return null;
        }
        String value = option.value();
        if (value == null) {
            return true;
        }
        if (option.numeric()) {
            return switch (value) {
                case "0" -> false;
                case "1" -> true;
                default -> null;
            };
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on" -> true;
            case "false", "off" -> false;
            default -> null;
        };
    }

    private static List<String> columnList(CopyOption option) {
        if (option.columns() == null) {
            throw BasaltException.at(SqlState.INVALID_PARAMETER_VALUE, option.position(),
                    "argument to option \"" + option.name() + "\" must be a list of column names");
        }
        return option.columns();
    }

    /** Basalt reads and writes UTF-8 only: another encoding PostgreSQL knows is not supported. */
    private static void encoding(CopyOption option) {
        String value = string(option);
        String encoding = ClientEncodings.canonicalName(value);
        if (encoding == null) {
            throw BasaltException.at(SqlState.INVALID_PARAMETER_VALUE, option.position(),
                    "argument to option \"encoding\" must be a valid encoding name");
        }
        if (!encoding.equals("UTF8")) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, option.position(),
                    "COPY with encoding " + encoding + " is not supported yet");
        }
    }
}
