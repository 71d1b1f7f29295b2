package io.quire.mail.imap.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quire.mail.imap.Wire;
import io.quire.mail.imap.protocol.NeedLiteral;
import io.quire.mail.imap.protocol.ReceiverConfig;
import io.quire.mail.imap.protocol.ReceiverEvent;
import io.quire.mail.imap.protocol.Request;
import java.util.List;

/** Feeds wire text through the receiver in every chunking and parses the one request it holds. */
final class Parsing {
    private Parsing() {
    }

    static ParseOutcome outcome(String wire, ParseOptions options) {
        byte[] input = Wire.bytes(wire + "\r\n");
        ParseOutcome first = null;
        for (int[] chunks : Wire.chunkings(input.length)) {
            List<ReceiverEvent> events = Wire.events(ReceiverConfig.DEFAULT, input, chunks, (e, r) -> { });
            List<ReceiverEvent> requests = events.stream().filter(e -> !(e instanceof NeedLiteral)).toList();
            assertEquals(1, requests.size(), () -> "one request expected: " + events);
            Request request = assertInstanceOf(Request.class, requests.getFirst(), () -> "not a request: " + events);
            ParseOutcome outcome = CommandParser.parse(request, options);
            if (first == null) {
                first = outcome;
            } else {
                assertEquals(first, outcome);
            }
        }
        return first;
    }

    static Command command(String wire) {
        return command(wire, ParseOptions.DEFAULT);
    }

    static Command command(String wire, ParseOptions options) {
        ParseOutcome outcome = outcome(wire, options);
        return assertInstanceOf(ParsedCommand.class, outcome, () -> "expected a command, got " + outcome).command();
    }

    static ParseError error(String wire) {
        ParseOutcome outcome = outcome(wire, ParseOptions.DEFAULT);
        return assertInstanceOf(ParseError.class, outcome, () -> "expected an error, got " + outcome);
    }
}
