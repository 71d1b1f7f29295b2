package io.quire.mail.imap.protocol;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command being received: its tag, name, argument tree so far, and the octets counted against limits. */
final class CommandBuilder {
    /** Deepest parenthesis nesting accepted; the parsers recurse over groups. */
    static final int MAX_NESTING = 64;

    private final ByteSink word = new ByteSink();
    private final ArrayDeque<List<Token>> outer = new ArrayDeque<>();
    private List<Token> current = new ArrayList<>();
    private Tag tag;
    private String command;
    long lineBytes;
    long requestBytes;

    /** The token being read (tag, command name, atom or quoted string). */
    ByteSink word() {
        return word;
    }

    Optional<Tag> tag() {
        return Optional.ofNullable(tag);
    }

    Tag requireTag() {
        return tag;
    }

    String command() {
        return command;
    }

    void tagFromWord() {
        tag = new Tag(word.ascii());
        word.clear();
    }

    void commandFromWord() {
        command = word.ascii();
        word.clear();
    }

    void atomFromWord() {
        current.add(new Token.Atom(word.ascii()));
        word.clear();
    }

    void quotedFromWord() {
        current.add(new Token.Str(word.toArray(), Token.Str.Form.QUOTED));
        word.clear();
    }

    void literal(byte[] bytes, boolean binary) {
        current.add(new Token.Str(bytes, binary ? Token.Str.Form.LITERAL8 : Token.Str.Form.LITERAL));
        requestBytes += bytes.length;
    }

    /** Opens a group; false when nested too deeply. */
    boolean openGroup() {
        if (outer.size() >= MAX_NESTING) {
            return false;
        }
        outer.push(current);
        current = new ArrayList<>();
        return true;
    }

    /** Closes a group; false when none is open. */
    boolean closeGroup() {
        if (outer.isEmpty()) {
            return false;
        }
        Token.Group group = new Token.Group(current);
        current = outer.pop();
        current.add(group);
        return true;
    }

    boolean hasOpenGroup() {
        return !outer.isEmpty();
    }

    /** Ends a line segment before a literal: its octets now count towards the request. */
    void endSegment() {
        requestBytes += lineBytes;
        lineBytes = 0;
    }

    Request request() {
        Request r = new Request(tag, command, current);
        reset();
        return r;
    }

    void reset() {
        tag = null;
        command = null;
        outer.clear();
        current = new ArrayList<>();
        word.clear();
        lineBytes = 0;
        requestBytes = 0;
    }
}
