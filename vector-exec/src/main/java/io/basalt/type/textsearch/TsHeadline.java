package io.basalt.type.textsearch;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * ts_headline as PostgreSQL's default parser builds it: the document split into words and the text between them,
 * the words a query names marked, and one stretch of the text (MaxFragments 0: the best cover of the query, grown or
 * cut to between MinWords and MaxWords words, not ending on a short or numeric word when it can help it) or up to
 * MaxFragments fragments around covers, joined by FragmentDelimiter; HighlightAll shows the whole document. The whole
 * of a hyphenated word is left out (its parts and hyphens are shown), as PostgreSQL does.
 */
public final class TsHeadline {
    /** A piece of the document: its text, kind, position (words) and the query operands its lexeme matches. */
    private static final class Piece {
        final String text;
        final Kind kind;
        final int length;
        int position;
        String lexeme;
        boolean item;
        boolean in;
        boolean selected;

        Piece(String text, Kind kind) {
            this.text = text;
            this.kind = kind;
            this.length = text.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private enum Kind {
        /** Text between words. */
        SPACE,
        /** A hyphenated word as a whole (never shown: its parts are). */
        SKIP,
        /** A number: never a good end of a headline. */
        NUMBER,
        WORD
    }

    /** The options of one call, PostgreSQL's defaults unless given. */
    private record Options(String startSel, String stopSel, int maxWords, int minWords, int shortWord,
                           boolean highlightAll, int maxFragments, String fragmentDelimiter) {
    }

    private final List<Piece> pieces;
    private final Options options;

    private TsHeadline(List<Piece> pieces, Options options) {
        this.pieces = pieces;
        this.options = options;
    }

    /**
     * The headline of {@code document} for {@code query} (null: empty), with {@code optionText} (null: defaults).
     *
     * @throws BasaltException 22023 for an unknown option or values PostgreSQL rejects
     */
    public static String headline(String document, TsQuery query, String optionText,
                                  TextSearchConfiguration configuration) {
        Options options = options(optionText);
        TsHeadline headline = new TsHeadline(pieces(document, configuration), options);
        TsQuery plain = query == null ? null : withoutWeights(query);
        headline.markItems(plain);
        if (options.highlightAll()) {
            headline.mark(0, headline.pieces.size() - 1);
        } else if (options.maxFragments() == 0) {
            headline.markWords(plain);
        } else {
            headline.markFragments(plain);
        }
        return headline.text();
    }

    private static Options options(String text) {
        Map<String, String> given = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (text != null) {
            for (String pair : text.split(",")) {
                if (pair.isBlank()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = (equals < 0 ? pair : pair.substring(0, equals)).trim();
                String value = equals < 0 ? "" : pair.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                given.put(key, value);
            }
        }
        for (String key : given.keySet()) {
            if (!List.of("startsel", "stopsel", "maxwords", "minwords", "shortword", "highlightall", "maxfragments",
                    "fragmentdelimiter").contains(key.toLowerCase(Locale.ROOT))) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized headline parameter: \"" + key + "\"");
            }
        }
        Options options = new Options(given.getOrDefault("StartSel", "<b>"), given.getOrDefault("StopSel", "</b>"),
                integer(given, "MaxWords", 35), integer(given, "MinWords", 15), integer(given, "ShortWord", 3),
                bool(given.get("HighlightAll")), integer(given, "MaxFragments", 0),
                given.getOrDefault("FragmentDelimiter", " ... "));
        if (!options.highlightAll()) {
            if (options.minWords() >= options.maxWords()) {
                throw invalid("MinWords should be less than MaxWords");
            }
            if (options.minWords() <= 0) {
                throw invalid("MinWords should be positive");
            }
            if (options.shortWord() < 0) {
                throw invalid("ShortWord should be >= 0");
            }
            if (options.maxFragments() < 0) {
                throw invalid("MaxFragments should be >= 0");
            }
        }
        return options;
    }

    private static int integer(Map<String, String> given, String key, int standard) {
        String value = given.get(key);
        if (value == null) {
            return standard;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type integer: \"" + value + "\"");
        }
    }

    private static boolean bool(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("1") || v.equals("on") || v.startsWith("y") || v.startsWith("t");
    }

    private static BasaltException invalid(String message) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, message);
    }

    private static TsQuery withoutWeights(TsQuery query) {
        return switch (query) {
            case TsQuery.Operand operand -> new TsQuery.Operand(operand.lexeme(), 0, operand.prefix());
            case TsQuery.Not not -> new TsQuery.Not(withoutWeights(not.operand()));
            case TsQuery.And and -> new TsQuery.And(withoutWeights(and.left()), withoutWeights(and.right()));
            case TsQuery.Or or -> new TsQuery.Or(withoutWeights(or.left()), withoutWeights(or.right()));
            case TsQuery.Phrase phrase -> new TsQuery.Phrase(withoutWeights(phrase.left()),
                    withoutWeights(phrase.right()), phrase.distance());
        };
    }

    /** The document as pieces: runs of text between words, and the words with their lexemes and positions. */
    private static List<Piece> pieces(String document, TextSearchConfiguration configuration) {
        List<Piece> pieces = new ArrayList<>();
        List<DocumentParser.Token> tokens = DocumentParser.tokens(document, 0);
        int at = 0;
        for (DocumentParser.Token token : tokens) {
            int found = document.indexOf(token.text(), at);
            boolean whole = found < 0;
            if (whole) {
                // a hyphenated word's parts after its whole: already past them
                found = at;
            }
            if (found > at) {
                pieces.add(new Piece(document.substring(at, found), Kind.SPACE));
            }
            String text = token.text();
            Kind kind = isNumber(text) ? Kind.NUMBER : Kind.WORD;
            if (!whole && hyphenatedWhole(tokens, token)) {
                kind = Kind.SKIP;
            } else {
                at = found + text.length();
            }
            Piece piece = new Piece(text, kind);
            piece.position = token.position();
            piece.lexeme = configuration.lexeme(text, token.number());
            pieces.add(piece);
            if (kind == Kind.SKIP) {
                at = found; // its parts follow, from the same place
            }
        }
        if (at < document.length()) {
            pieces.add(new Piece(document.substring(at), Kind.SPACE));
        }
        return pieces;
    }

    /** Whether {@code token} is a hyphenated word as a whole (its parts follow it). */
    private static boolean hyphenatedWhole(List<DocumentParser.Token> tokens, DocumentParser.Token token) {
        if (token.text().indexOf('-') <= 0 || isNumber(token.text())) {
            return false;
        }
        int index = tokens.indexOf(token);
        return index + 1 < tokens.size() && token.text().startsWith(tokens.get(index + 1).text() + "-");
    }

    private static boolean isNumber(String text) {
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (!(c == '.' || (i == 0 && (c == '-' || c == '+')))) {
                return false;
            }
        }
        return digit;
    }

    private void markItems(TsQuery query) {
        if (query == null) {
            return;
        }
        List<TsQuery.Operand> operands = TsQuery.operands(query);
        for (Piece piece : pieces) {
            if (piece.lexeme == null || piece.lexeme.isEmpty()) {
                continue;
            }
            for (TsQuery.Operand operand : operands) {
                if (operand.prefix() ? piece.lexeme.startsWith(operand.lexeme())
                        : piece.lexeme.equals(operand.lexeme())) {
                    piece.item = true;
                    break;
                }
            }
        }
    }

    private boolean nonWord(int i) {
        return pieces.get(i).kind == Kind.SPACE || pieces.get(i).kind == Kind.SKIP;
    }

    private boolean interesting(int i) {
        return pieces.get(i).item;
    }

    private boolean badEndpoint(int i) {
        Piece piece = pieces.get(i);
        return (piece.kind != Kind.WORD || piece.length <= options.shortWord()) && !piece.item;
    }

    /**
     * The earliest, then shortest, stretch from {@code from} on whose words satisfy the query, both ends words the
     * query names and at most {@code maxCover} pieces apart: {start, end}, or null.
     */
    private int[] cover(TsQuery query, int from) {
        if (query == null) {
            return null;
        }
        int maxCover = Math.max(options.maxWords() * 10, 100);
        for (int pmin = from; pmin < pieces.size(); pmin++) {
            if (!pieces.get(pmin).item) {
                continue;
            }
            for (int pmax = pmin; pmax < pieces.size() && pmax - pmin < maxCover; pmax++) {
                if (pieces.get(pmax).item && TsMatch.matches(vectorOf(pmin, pmax), query)) {
                    return new int[] {pmin, pmax};
                }
            }
        }
        return null;
    }

    /** The matched words of pieces {@code from..to} as a tsvector of their lexemes at their positions. */
    private TsVector vectorOf(int from, int to) {
        Map<String, List<Integer>> found = new TreeMap<>(TsVector.ORDER);
        for (int i = from; i <= to; i++) {
            Piece piece = pieces.get(i);
            if (piece.item) {
                found.computeIfAbsent(piece.lexeme, key -> new ArrayList<>()).add(piece.position * 4);
            }
        }
        List<int[]> positions = new ArrayList<>();
        for (List<Integer> entries : found.values()) {
            positions.add(entries.stream().mapToInt(Integer::intValue).distinct().sorted().toArray());
        }
        return new TsVector(new ArrayList<>(found.keySet()), positions);
    }

    /** MaxFragments 0: the best single stretch (PostgreSQL's mark_hl_words). */
    private void markWords(TsQuery query) {
        int maxWords = options.maxWords();
        int minWords = options.minWords();
        int bestb = -1;
        int beste = -1;
        int bestlen = -1;
        boolean bestcover = false;
        int p = 0;
        int[] found;
        while ((found = cover(query, p)) != null) {
            p = found[0];
            int q = found[1];
            int curlen = 0;
            int poslen = 0;
            int posb = p;
            int pose = p;
            int i;
            for (i = p; i <= q && curlen < maxWords; i++) {
                if (!nonWord(i)) {
                    curlen++;
                }
                if (interesting(i)) {
                    poslen++;
                }
                pose = i;
            }
            if (curlen < maxWords) {
                for (i = i - 1; i < pieces.size() && curlen < maxWords; i++) {
                    if (i > q) {
                        if (!nonWord(i)) {
                            curlen++;
                        }
                        if (interesting(i)) {
                            poslen++;
                        }
                    }
                    pose = i;
                    if (badEndpoint(i)) {
                        continue;
                    }
                    if (curlen >= minWords) {
                        break;
                    }
                }
                if (curlen < minWords) {
                    for (i = p - 1; i >= 0; i--) {
                        if (!nonWord(i)) {
                            curlen++;
                        }
                        if (interesting(i)) {
                            poslen++;
                        }
                        if (curlen >= maxWords) {
                            break;
                        }
                        if (badEndpoint(i)) {
                            continue;
                        }
                        if (curlen >= minWords) {
                            break;
                        }
                    }
                    posb = Math.max(i, 0);
                }
            } else {
                if (i > q) {
                    i = q;
                }
                for (; curlen > minWords; i--) {
                    if (!badEndpoint(i)) {
                        break;
                    }
                    if (!nonWord(i)) {
                        curlen--;
                    }
                    if (interesting(i)) {
                        poslen--;
                    }
                    pose = i - 1;
                }
            }
            boolean poscover = posb <= p && pose >= q;
            if (poscover && !bestcover || poscover == bestcover && poslen > bestlen
                    || poscover == bestcover && poslen == bestlen && !badEndpoint(pose) && beste >= 0
                    && badEndpoint(beste)) {
                bestb = posb;
                beste = pose;
                bestlen = poslen;
                bestcover = poscover;
            }
            p++;
        }
        if (bestlen < 0) {
            int curlen = 0;
            int pose = 0;
            for (int i = 0; i < pieces.size() && curlen < minWords; i++) {
                if (!nonWord(i)) {
                    curlen++;
                }
                pose = i;
            }
            bestb = 0;
            beste = pose;
        }
        mark(bestb, beste);
    }

    /** A cover cut into a fragment: pieces, words and matched words. */
    private static final class Fragment {
        int start;
        int end;
        int words;
        int matched;
        boolean chosen;
        boolean excluded;
    }

    /** MaxFragments above 0: up to that many fragments around covers (PostgreSQL's mark_hl_fragments). */
    private void markFragments(TsQuery query) {
        int maxWords = options.maxWords();
        List<Fragment> covers = new ArrayList<>();
        int p = 0;
        int[] found;
        while ((found = cover(query, p)) != null) {
            p = found[0];
            int q = found[1];
            int start = p;
            int end = q;
            while (start <= end) {
                Fragment fragment = nextFragment(start, end, maxWords);
                covers.add(fragment);
                start = fragment.end + 1;
                end = q;
            }
            p++;
        }
        int marked = 0;
        for (int f = 0; f < options.maxFragments(); f++) {
            int maxItems = 0;
            int minWords = Integer.MAX_VALUE;
            Fragment best = null;
            for (Fragment cover : covers) {
                if (!cover.chosen && !cover.excluded
                        && (maxItems < cover.matched || maxItems == cover.matched && minWords > cover.words)) {
                    maxItems = cover.matched;
                    minWords = cover.words;
                    best = cover;
                }
            }
            if (best == null) {
                break;
            }
            best.chosen = true;
            int start = best.start;
            int end = best.end;
            int curlen = best.words;
            if (curlen < maxWords) {
                int maxStretch = (maxWords - curlen) / 2;
                int stretch = 0;
                int marker = start;
                for (int i = start - 1; i >= 0 && stretch < maxStretch && !pieces.get(i).in; i--) {
                    if (!nonWord(i)) {
                        curlen++;
                        stretch++;
                    }
                    marker = i;
                }
                int i;
                for (i = marker; i < start && badEndpoint(i); i++) {
                    if (!nonWord(i)) {
                        curlen--;
                    }
                }
                start = i;
                marker = end;
                for (i = end + 1; i < pieces.size() && curlen < maxWords && !pieces.get(i).in; i++) {
                    if (!nonWord(i)) {
                        curlen++;
                    }
                    marker = i;
                }
                for (i = marker; i > end && badEndpoint(i); i--) {
                    if (!nonWord(i)) {
                        curlen--;
                    }
                }
                end = i;
            }
            best.start = start;
            best.end = end;
            best.words = curlen;
            mark(start, end);
            marked++;
            for (Fragment other : covers) {
                if (other != best && (other.start >= start && other.start <= end
                        || other.end >= start && other.end <= end || other.start < start && other.end > end)) {
                    other.excluded = true;
                }
            }
        }
        if (marked == 0) {
            int curlen = 0;
            int end = -1;
            for (int i = 0; i < pieces.size() && curlen < options.minWords(); i++) {
                if (!nonWord(i)) {
                    curlen++;
                }
                end = i;
            }
            mark(0, end);
        }
    }

    /** The part of the cover {@code start..end} from its first matched word, at most {@code maxWords} words. */
    private Fragment nextFragment(int start, int end, int maxWords) {
        Fragment fragment = new Fragment();
        for (int i = start; i <= end; i++) {
            start = i;
            if (interesting(i)) {
                break;
            }
        }
        int i;
        for (i = start; i <= end && fragment.words < maxWords; i++) {
            if (!nonWord(i)) {
                fragment.words++;
            }
            if (interesting(i)) {
                fragment.matched++;
            }
        }
        if (end > i) {
            end = i;
            for (i = end; i >= start; i--) {
                end = i;
                if (interesting(i)) {
                    break;
                }
                if (!nonWord(i)) {
                    fragment.words--;
                }
            }
        }
        fragment.start = start;
        fragment.end = end;
        return fragment;
    }

    private void mark(int start, int end) {
        for (int i = start; i <= end; i++) {
            Piece piece = pieces.get(i);
            piece.selected = piece.item;
            piece.in = true;
        }
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        boolean inFragment = false;
        int fragments = 0;
        for (Piece piece : pieces) {
            if (!piece.in) {
                inFragment = false;
                continue;
            }
            if (!inFragment) {
                inFragment = true;
                if (++fragments > 1) {
                    out.append(options.fragmentDelimiter());
                }
            }
            if (piece.kind == Kind.SKIP) {
                continue;
            }
            if (piece.selected) {
                out.append(options.startSel()).append(piece.text).append(options.stopSel());
            } else {
                out.append(piece.text);
            }
        }
        return out.toString();
    }
}
