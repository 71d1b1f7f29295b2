package io.quire.mail.imap.parse;

import io.quire.mail.imap.Wire;
import io.quire.mail.imap.protocol.ReceiverConfig;
import io.quire.mail.imap.protocol.ReceiverEvent;
import io.quire.mail.imap.protocol.Request;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The parser answers every request with a value: it never throws, whatever the arguments. */
class CommandParserProperties {
    private static final List<String> COMMANDS = List.of("FETCH", "UID FETCH", "STORE", "UID STORE", "SEARCH",
            "UID SEARCH", "SORT", "THREAD", "APPEND", "LIST", "LSUB", "STATUS", "SELECT", "EXAMINE", "CREATE", "RENAME",
            "DELETE", "COPY", "UID MOVE", "UID EXPUNGE", "LOGIN", "AUTHENTICATE", "ID", "ENABLE", "NOOP", "X");
    private static final List<String> PIECES = List.of("1", "1:*", "$", "0", "*", "(", ")", "()", "\"\"", "\"a b\"",
            "{3+}\r\nabc", "~{1+}\r\n\0", "NIL", "FLAGS", "+FLAGS.SILENT", "\\Seen", "\\Recent", "BODY[", "BODY[]",
            "BODY.PEEK[HEADER.FIELDS", "]", "]<0.5>", "<1.2>", "BINARY[1]", "HEADER", "TEXT", "OR", "NOT", "UID",
            "CHARSET", "UTF-8", "RETURN", "CHANGEDSINCE", "VANISHED", "UNCHANGEDSINCE", "QRESYNC", "CONDSTORE",
            "INBOX", "&U,BTFw-", "&", "a/../b", "1-Feb-1994", "\"1-Feb-1994 00:00:00 +0000\"", "%", "SUBSCRIBED",
            "RECURSIVEMATCH", "STATUS", "MESSAGES", "REVERSE", "DATE", "USE", "MODSEQ", "123456789012345678901");

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> args = Arbitraries.of(PIECES).list().ofMaxSize(12).map(l -> String.join(" ", l));
        return Arbitraries.of(COMMANDS).flatMap(c -> args.map(a -> "t " + c + " " + a + "\r\n"));
    }

    @Property(tries = 3000)
    void everyRequestYieldsAnOutcomeWithoutThrowing(@ForAll("lines") String line) {
        byte[] input = Wire.bytes(line);
        for (ReceiverEvent e : Wire.events(ReceiverConfig.DEFAULT, input, new int[] {input.length}, (x, r) -> { })) {
            if (e instanceof Request request) {
                CommandParser.parse(request, ParseOptions.DEFAULT);
                CommandParser.parse(request, new ParseOptions(true));
            }
        }
    }
}
