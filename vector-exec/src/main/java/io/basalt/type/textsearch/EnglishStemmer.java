package io.basalt.type.textsearch;

/**
 * The Porter2 ("Snowball English") stemming algorithm, which PostgreSQL's {@code english_stem} dictionary applies:
 * a lowercase word loses its inflectional and derivational suffixes in five steps, each allowed only inside the
 * regions R1 and R2 that the word's vowel/consonant pattern defines, with the algorithm's list of exceptional
 * words. Written from the algorithm's published description.
 */
public final class EnglishStemmer {
    private static final String[][] EXCEPTIONS = {
        {"skis", "ski"}, {"skies", "sky"}, {"dying", "die"}, {"lying", "lie"}, {"tying", "tie"}, {"idly", "idl"},
        {"gently", "gentl"}, {"ugly", "ugli"}, {"early", "earli"}, {"only", "onli"}, {"singly", "singl"},
        {"sky", "sky"}, {"news", "news"}, {"howe", "howe"}, {"atlas", "atlas"}, {"cosmos", "cosmos"},
        {"bias", "bias"}, {"andes", "andes"},
    };
    private static final java.util.Set<String> AFTER_STEP_1A = java.util.Set.of("inning", "outing", "canning",
            "herring", "earring", "proceed", "exceed", "succeed");

    private StringBuilder word;
    private int r1;
    private int r2;

    private EnglishStemmer() {
    }

    /** The stem of {@code lowercase}, a word in lower case. */
    public static String stem(String lowercase) {
        for (String[] exception : EXCEPTIONS) {
            if (exception[0].equals(lowercase)) {
                return exception[1];
            }
        }
        if (lowercase.length() <= 2) {
            return lowercase;
        }
        return new EnglishStemmer().run(lowercase);
    }

    private String run(String input) {
        word = new StringBuilder(input.charAt(0) == '\'' ? input.substring(1) : input);
        if (word.length() <= 2) {
            return word.toString();
        }
        markConsonantY();
        regions();
        step0();
        step1a();
        if (AFTER_STEP_1A.contains(word.toString())) {
            return word.toString();
        }
        step1b();
        step1c();
        step2();
        step3();
        step4();
        step5();
        return word.toString().replace('Y', 'y');
    }

    private static boolean vowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    }

    private boolean vowelAt(int i) {
        return vowel(word.charAt(i));
    }

    /** An initial y, and a y after a vowel, are consonants: written Y. */
    private void markConsonantY() {
        if (word.charAt(0) == 'y') {
            word.setCharAt(0, 'Y');
        }
        for (int i = 1; i < word.length(); i++) {
            if (word.charAt(i) == 'y' && vowelAt(i - 1)) {
                word.setCharAt(i, 'Y');
            }
        }
    }

    private void regions() {
        String text = word.toString();
        if (text.startsWith("gener") || text.startsWith("arsen")) {
            r1 = 5;
        } else if (text.startsWith("commun")) {
            r1 = 6;
        } else {
            r1 = regionAfter(0);
        }
        r2 = regionAfter(r1);
    }

    /** The start of the region after the first non-vowel that follows a vowel, from {@code from} on. */
    private int regionAfter(int from) {
        for (int i = from + 1; i < word.length(); i++) {
            if (!vowelAt(i) && vowelAt(i - 1)) {
                return i + 1;
            }
        }
        return word.length();
    }

    private boolean endsWith(String suffix) {
        int n = word.length() - suffix.length();
        return n >= 0 && word.indexOf(suffix, n) == n;
    }

    private void replaceSuffix(String suffix, String replacement) {
        word.setLength(word.length() - suffix.length());
        word.append(replacement);
    }

    private boolean inR1(String suffix) {
        return word.length() - suffix.length() >= r1;
    }

    private boolean inR2(String suffix) {
        return word.length() - suffix.length() >= r2;
    }

    private boolean containsVowel(int end) {
        for (int i = 0; i < end; i++) {
            if (vowelAt(i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word ends in a short syllable. */
    private boolean endsShortSyllable() {
        int n = word.length();
        if (n == 2) {
            return vowelAt(0) && !vowelAt(1);
        }
        if (n < 3) {
            return false;
        }
        char last = word.charAt(n - 1);
        return !vowelAt(n - 3) && vowelAt(n - 2) && !vowel(last) && last != 'w' && last != 'x' && last != 'Y';
    }

    private boolean isShort() {
        return r1 >= word.length() && endsShortSyllable();
    }

    private void step0() {
        for (String suffix : new String[] {"'s'", "'s", "'"}) {
            if (endsWith(suffix)) {
                replaceSuffix(suffix, "");
                return;
            }
        }
    }

    private void step1a() {
        if (endsWith("sses")) {
            replaceSuffix("sses", "ss");
        } else if (endsWith("ied") || endsWith("ies")) {
            replaceSuffix("ies", word.length() > 4 ? "i" : "ie");
        } else if (endsWith("us") || endsWith("ss")) {
            return;
        } else if (endsWith("s")) {
            if (containsVowel(word.length() - 2)) {
                replaceSuffix("s", "");
            }
        }
    }

    private void step1b() {
        for (String suffix : new String[] {"eedly", "eed"}) {
            if (endsWith(suffix)) {
                if (inR1(suffix)) {
                    replaceSuffix(suffix, "ee");
                }
                return;
            }
        }
        for (String suffix : new String[] {"ingly", "edly", "ing", "ed"}) {
            if (endsWith(suffix)) {
                if (!containsVowel(word.length() - suffix.length())) {
                    return;
                }
                replaceSuffix(suffix, "");
                if (endsWith("at") || endsWith("bl") || endsWith("iz")) {
                    word.append('e');
                } else if (endsWithDouble()) {
                    word.setLength(word.length() - 1);
                } else if (isShort()) {
                    word.append('e');
                }
                return;
            }
        }
    }

    private boolean endsWithDouble() {
        int n = word.length();
        if (n < 2 || word.charAt(n - 1) != word.charAt(n - 2)) {
            return false;
        }
        return "bdfgmnprt".indexOf(word.charAt(n - 1)) >= 0;
    }

    private void step1c() {
        int n = word.length();
        if (n > 2 && (word.charAt(n - 1) == 'y' || word.charAt(n - 1) == 'Y') && !vowelAt(n - 2)) {
            word.setCharAt(n - 1, 'i');
        }
    }

    private static final String[][] STEP2 = {
        {"ization", "ize"}, {"ational", "ate"}, {"fulness", "ful"}, {"ousness", "ous"}, {"iveness", "ive"},
        {"tional", "tion"}, {"biliti", "ble"}, {"lessli", "less"}, {"entli", "ent"}, {"ation", "ate"},
        {"alism", "al"}, {"aliti", "al"}, {"ousli", "ous"}, {"iviti", "ive"}, {"fulli", "ful"}, {"enci", "ence"},
        {"anci", "ance"}, {"abli", "able"}, {"izer", "ize"}, {"ator", "ate"}, {"alli", "al"}, {"bli", "ble"},
        {"ogi", "og"}, {"li", ""},
    };

    private void step2() {
        for (String[] rule : STEP2) {
            if (endsWith(rule[0])) {
                if (!inR1(rule[0])) {
                    return;
                }
                int before = word.length() - rule[0].length() - 1;
                if (rule[0].equals("ogi") && (before < 0 || word.charAt(before) != 'l')) {
                    return;
                }
                if (rule[0].equals("li") && (before < 0 || "cdeghkmnrt".indexOf(word.charAt(before)) < 0)) {
                    return;
                }
                replaceSuffix(rule[0], rule[1]);
                return;
            }
        }
    }

    private static final String[][] STEP3 = {
        {"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"}, {"ative", ""},
        {"ical", "ic"}, {"ness", ""}, {"ful", ""},
    };

    private void step3() {
        for (String[] rule : STEP3) {
            if (endsWith(rule[0])) {
                if (inR1(rule[0]) && (!rule[0].equals("ative") || inR2(rule[0]))) {
                    replaceSuffix(rule[0], rule[1]);
                }
                return;
            }
        }
    }

    private static final String[] STEP4 = {"ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism",
        "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"};

    private void step4() {
        for (String suffix : STEP4) {
            if (endsWith(suffix)) {
                if (!inR2(suffix)) {
                    return;
                }
                if (suffix.equals("ion")) {
                    int before = word.length() - 4;
                    if (before < 0 || word.charAt(before) != 's' && word.charAt(before) != 't') {
                        return;
                    }
                }
                replaceSuffix(suffix, "");
                return;
            }
        }
    }

    private void step5() {
        if (endsWith("e")) {
            if (inR2("e")) {
                replaceSuffix("e", "");
                return;
            }
            if (inR1("e")) {
                word.setLength(word.length() - 1);
                boolean shortBefore = endsShortSyllable();
                if (shortBefore) {
                    word.append('e');
                }
            }
        } else if (endsWith("l") && inR2("l") && word.length() >= 2 && word.charAt(word.length() - 2) == 'l') {
            replaceSuffix("l", "");
        }
    }
}
