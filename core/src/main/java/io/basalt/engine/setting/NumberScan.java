package io.basalt.engine.setting;

/**
 * The number at the start of a text, read as C's {@code strtol} (base 0) or {@code strtod} read it: leading
 * spaces and a sign allowed, reading stops at the first character that cannot continue the number, and
 * {@link #end()} says where. {@code overflow} is C's {@code ERANGE}.
 */
record NumberScan(double value, int end, boolean overflow) {
    /** {@code strtol(text, &end, 0)}, or null when no digits start the text. */
    static NumberScan integer(String text) {
        int at = IntegerType.skipSpaces(text, 0);
        boolean negative = false;
        if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            negative = text.charAt(at) == '-';
            at++;
        }
        int radix = 10;
        if (at + 1 < text.length() && text.charAt(at) == '0' && (text.charAt(at + 1) == 'x' || text.charAt(at + 1) == 'X')
                && at + 2 < text.length() && Character.digit(text.charAt(at + 2), 16) >= 0) {
            radix = 16;
            at += 2;
        } else if (at < text.length() && text.charAt(at) == '0') {
            radix = 8;
        }
        int start = at;
        java.math.BigInteger magnitude = java.math.BigInteger.ZERO;
        while (at < text.length() && text.charAt(at) < 128 && Character.digit(text.charAt(at), radix) >= 0) {
            magnitude = magnitude.multiply(java.math.BigInteger.valueOf(radix))
                    .add(java.math.BigInteger.valueOf(Character.digit(text.charAt(at), radix)));
            at++;
        }
        if (at == start) {
            return null;
        }
        java.math.BigInteger signed = negative ? magnitude.negate() : magnitude;
        boolean overflow = signed.bitLength() > 63;
        return new NumberScan(signed.doubleValue(), at, overflow);
    }

    /** {@code strtod(text, &end)} for decimal numbers, or null without one. */
    static NumberScan decimal(String text) {
        int at = IntegerType.skipSpaces(text, 0);
        int start = at;
        if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            at++;
        }
        int digits = 0;
        while (at < text.length() && isDigit(text.charAt(at))) {
            at++;
            digits++;
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            while (at < text.length() && isDigit(text.charAt(at))) {
                at++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            int exponent = at + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && isDigit(text.charAt(exponent))) {
                at = exponent;
                while (at < text.length() && isDigit(text.charAt(at))) {
                    at++;
                }
            }
        }
        double value = Double.parseDouble(text.substring(start, at));
        return new NumberScan(value, at, Double.isInfinite(value));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
