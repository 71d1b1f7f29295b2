package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.SequenceSet;
import io.quire.mail.imap.protocol.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Parses FETCH (RFC 9051 §6.4.5, RFC 7162 §3.1.4 and §3.2.6):
 *
 * <pre>
 * fetch           = "FETCH" SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att /
 *                   "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]
 * fetch-modifiers = SP "(" fetch-modifier *(SP fetch-modifier) ")"
 * fetch-modifier  = "CHANGEDSINCE" SP mod-sequence-value / "VANISHED"
 * </pre>
 *
 * Section items are read by {@link FetchItemParser}.
 */
final class FetchParser {
    private FetchParser() {
    }

    static Fetch parse(Arguments args, boolean uid) {
        SequenceSet set = args.sequenceSet("sequence set");
        List<FetchItem> items = new ArrayList<>();
        Token first = args.peek().orElseThrow(() -> ProtocolException.bad("Missing fetch items"));
        if (first instanceof Token.Atom a && macro(a.text()) != null) {
            args.next("fetch items");
            items.addAll(macro(a.text()));
        } else if (first instanceof Token.Group) {
            Arguments list = args.group("fetch items");
            if (!list.hasNext()) {
                throw ProtocolException.bad("Empty fetch item list");
            }
            while (list.hasNext()) {
                add(items, FetchItemParser.item(list));
            }
        } else {
            // A single fetch-att may span several tokens: BODY[HEADER.FIELDS, (names), ]<p.q>.
            add(items, FetchItemParser.item(args));
        }
        OptionalLong changedSince = OptionalLong.empty();
        boolean vanished = false;
        if (args.hasNext()) {
            Arguments mods = args.group("fetch modifiers");
            while (mods.hasNext()) {
                if (changedSince.isEmpty() && mods.acceptAtom("CHANGEDSINCE")) {
                    changedSince = OptionalLong.of(mods.number64("CHANGEDSINCE value"));
                } else if (!vanished && mods.acceptAtom("VANISHED")) {
                    vanished = true;
                } else {
                    throw ProtocolException.bad("Unknown or repeated fetch modifier");
                }
            }
        }
        args.end();
        if (vanished && (!uid || changedSince.isEmpty())) {
            // RFC 7162 §3.2.6: VANISHED only with UID FETCH and together with CHANGEDSINCE.
            throw ProtocolException.bad("VANISHED requires UID FETCH with CHANGEDSINCE");
        }
        if (uid) {
            add(items, FetchItem.UID);
        }
        if (changedSince.isPresent()) {
            add(items, FetchItem.MODSEQ);
        }
        return new Fetch(uid, set, items, changedSince, vanished);
    }

    private static List<FetchItem> macro(String atom) {
        return switch (atom.toUpperCase(Locale.ROOT)) {
            case "ALL" -> FetchItem.ALL;
            case "FAST" -> FetchItem.FAST;
            case "FULL" -> FetchItem.FULL;
            default -> null;
        };
    }

    private static void add(List<FetchItem> items, FetchItem item) {
        if (!items.contains(item)) {
            items.add(item);
        }
    }
}
