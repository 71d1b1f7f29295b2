package io.quire.mail.mime;

import java.util.ArrayList;
import java.util.List;

/** The RFC 5322 §3.2 lexer behind {@link AddressParser}; total on any input. */
final class AddressTokens {
    private static final String SPECIALS = "<>@,;:.";

    private AddressTokens() {
    }

    static List<AddressParser.Token> tokenize(String s) {
        List<AddressParser.Token> out = new ArrayList<>();
        int i = 0;
        boolean space = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ')') {
                // A ')' outside a comment closes nothing; skipping it keeps the lexer moving.
                space = true;
                i++;
            } else if (c == '(') {
                int end = commentEnd(s, i);
                int close = end - 1 > i && s.charAt(end - 1) == ')' ? end - 1 : end;
                String text = unescape(s.substring(i + 1, close)).trim();
                out.add(new AddressParser.Token(AddressParser.Token.Kind.COMMENT, text, space));
                space = true;
                i = end;
            } else if (c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != '"') {
                    if (s.charAt(j) == '\\' && j + 1 < s.length()) {
                        j++;
                    }
                    sb.append(s.charAt(j++));
                }
                out.add(new AddressParser.Token(AddressParser.Token.Kind.QUOTED, sb.toString(), space));
                space = false;
                i = Math.min(s.length(), j + 1);
            } else if (c == '[') {
                int end = s.indexOf(']', i);
                end = end < 0 ? s.length() : end + 1;
                out.add(new AddressParser.Token(AddressParser.Token.Kind.DOMAIN_LITERAL, s.substring(i, end), space));
                space = false;
                i = end;
            } else if (SPECIALS.indexOf(c) >= 0) {
                out.add(new AddressParser.Token(AddressParser.Token.Kind.SPECIAL, String.valueOf(c), space));
                space = false;
                i++;
            } else {
                int j = i;
                while (j < s.length() && " \t\r\n()\"[".indexOf(s.charAt(j)) < 0 && SPECIALS.indexOf(s.charAt(j)) < 0) {
                    j++;
                }
                out.add(new AddressParser.Token(AddressParser.Token.Kind.ATOM, s.substring(i, j), space));
                space = false;
                i = j;
            }
        }
        return out;
    }

    /** The offset after a comment starting at {@code i}, honouring nesting and escapes (RFC 5322 §3.2.2). */
    private static int commentEnd(String s, int i) {
        int depth = 0;
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j + 1;
            }
        }
        return s.length();
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
