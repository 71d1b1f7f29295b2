package io.quire.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lenient RFC 5322 §3.4 address-list parser that keeps display names exactly as written.
 *
 * <p>mime4j's address parsers decode encoded-words in display names; IMAP's ENVELOPE must pass them through
 * (RFC 9051 §7.5.2), hence this small parser. It accepts groups, angle addresses with obsolete routes,
 * bare addr-specs, addresses without a domain, quoted local parts, domain literals, comments (a trailing
 * comment becomes the name when there is no phrase, as in {@code joe@example.com (Joe Bloggs)}) and the
 * usual breakage: missing {@code >} or {@code ;}, stray commas, unbalanced quotes. It never throws.
 */
public final class AddressParser {
    private final List<Token> tokens;
    private int pos;

    private AddressParser(String text) {
        this.tokens = AddressTokens.tokenize(text);
    }

    /** Parses an address-list field value (unfolded). */
    public static List<Address> parse(String text) {
        return new AddressParser(text).addressList();
    }

    /** A lexical token: a word (atom or quoted string), a special character or a comment. */
    record Token(Kind kind, String text, boolean spaceBefore) {
        enum Kind { ATOM, QUOTED, SPECIAL, COMMENT, DOMAIN_LITERAL }

        boolean is(char c) {
            return kind == Kind.SPECIAL && text.charAt(0) == c;
        }

        boolean isWord() {
            return kind == Kind.ATOM || kind == Kind.QUOTED;
        }
    }

    private List<Address> addressList() {
        List<Address> out = new ArrayList<>();
        while (pos < tokens.size()) {
            if (peekIs(',') || peekIs(';') || peekIs('>')) {
                pos++;
                continue;
            }
            int before = pos;
            address(out, true);
            if (pos == before) {
                pos++;
            }
        }
        return out;
    }

    private void address(List<Address> out, boolean allowGroup) {
        int start = pos;
        Phrase phrase = phrase();
        if (peekIs(':') && !allowGroup) {
            // RFC 5322 forbids nested groups: drop the inner group's name, keep its members in the outer one.
            pos++;
            return;
        }
        if (peekIs(':')) {
            pos++;
            List<Address.Mailbox> members = new ArrayList<>();
            while (pos < tokens.size() && !peekIs(';')) {
                if (peekIs(',')) {
                    pos++;
                    continue;
                }
                int before = pos;
                List<Address> inner = new ArrayList<>();
                address(inner, false);
                for (Address a : inner) {
                    if (a instanceof Address.Mailbox m) {
                        members.add(m);
                    }
                }
                if (pos == before) {
                    pos++;
                }
            }
            if (peekIs(';')) {
                pos++;
            }
            out.add(new Address.Group(phrase.display(), members));
            return;
        }
        if (peekIs('<')) {
            pos++;
            out.add(angleAddress(phrase));
            return;
        }
        pos = start;
        Address.Mailbox m = addrSpec();
        if (m != null) {
            out.add(m);
        }
    }

    /** Words, dots and comments up to a special that ends a phrase. */
    private Phrase phrase() {
        Phrase p = new Phrase();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.isWord() || t.is('.')) {
                p.add(t);
            } else if (t.kind() == Token.Kind.COMMENT) {
                p.comment = p.comment == null ? t.text() : p.comment;
            } else {
                break;
            }
            pos++;
        }
        return p;
    }

    /** After {@code <}: {@code [route ":"] local "@" domain ">"}. */
    private Address.Mailbox angleAddress(Phrase phrase) {
        Optional<String> route = Optional.empty();
        if (peekIs('@')) {
            // obs-route = obs-domain-list ":", e.g. <@a,@b:joe@example.com>
            int save = pos;
            StringBuilder r = new StringBuilder();
            while (pos < tokens.size() && !peekIs(':') && !peekIs('>')) {
                Token t = tokens.get(pos++);
                if (t.kind() != Token.Kind.COMMENT) {
                    r.append(t.text());
                }
            }
            if (peekIs(':')) {
                pos++;
                route = Optional.of(r.toString());
            } else {
                pos = save;
            }
        }
        StringBuilder local = new StringBuilder();
        StringBuilder domain = new StringBuilder();
        StringBuilder target = local;
        while (pos < tokens.size() && !peekIs('>')) {
            Token t = tokens.get(pos);
            if (t.is('<') || t.is(',') && target == domain || t.is(';')) {
                break;
            }
            pos++;
            if (t.is('@') && target == local) {
                target = domain;
            } else if (t.kind() != Token.Kind.COMMENT) {
                target.append(t.kind() == Token.Kind.QUOTED ? quote(t.text()) : t.text());
            }
        }
        if (peekIs('>')) {
            pos++;
        }
        Phrase trailing = phrase();
        String name = phrase.display();
        Optional<String> display = name.isEmpty() ? Optional.ofNullable(phrase.comment != null ? phrase.comment
                : trailing.comment) : Optional.of(name);
        return new Address.Mailbox(display, route, local.toString(), domain.toString());
    }

    /** {@code local "@" domain} with optional comments; the first comment may name the mailbox. */
    private Address.Mailbox addrSpec() {
        StringBuilder local = new StringBuilder();
        StringBuilder domain = new StringBuilder();
        StringBuilder target = local;
        String comment = null;
        boolean any = false;
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.is(',') || t.is(';') || t.is('<') || t.is('>') || t.is(':')) {
                break;
            }
            pos++;
            if (t.kind() == Token.Kind.COMMENT) {
                comment = comment == null ? t.text() : comment;
                continue;
            }
            any = true;
            if (t.is('@') && target == local) {
                target = domain;
            } else {
                target.append(t.kind() == Token.Kind.QUOTED ? quote(t.text()) : t.text());
            }
        }
        if (!any) {
            return null;
        }
        return new Address.Mailbox(Optional.ofNullable(comment), Optional.empty(), local.toString(), domain.toString());
    }

    private boolean peekIs(char c) {
        return pos < tokens.size() && tokens.get(pos).is(c);
    }

    /** Re-quotes a quoted local part so it stays a valid addr-spec. */
    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** The words of a display name, joined with single spaces where the original had blanks or comments. */
    private static final class Phrase {
        private final StringBuilder text = new StringBuilder();
        private String comment;

        void add(Token t) {
            if (!text.isEmpty() && t.spaceBefore()) {
                text.append(' ');
            }
            text.append(t.text());
        }

        String display() {
            return text.toString();
        }
    }
}
