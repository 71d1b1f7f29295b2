package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.SequenceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Parses STORE (RFC 9051 §6.4.6, RFC 7162 §3.1.3):
 *
 * <pre>
 * store           = "STORE" SP sequence-set [store-modifiers] SP store-att-flags
 * store-modifiers = SP "(" "UNCHANGEDSINCE" SP mod-sequence-valzer ")"
 * store-att-flags = (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))
 * </pre>
 *
 * {@code \Recent} and unknown {@code \}-flags cannot be stored and are a BAD.
 */
final class StoreParser {
    private StoreParser() {
    }

    static Store parse(Arguments args, boolean uid) {
        SequenceSet set = args.sequenceSet("sequence set");
        OptionalLong unchangedSince = OptionalLong.empty();
        if (args.peekGroup()) {
            Arguments mods = args.group("store modifiers");
            mods.expectAtom("UNCHANGEDSINCE");
            unchangedSince = OptionalLong.of(mods.number64("UNCHANGEDSINCE value"));
            mods.end();
        }
        String item = args.atom("FLAGS, +FLAGS or -FLAGS").toUpperCase(Locale.ROOT);
        StoreMode mode = switch (item.charAt(0)) {
            case '+' -> StoreMode.ADD;
            case '-' -> StoreMode.REMOVE;
            default -> StoreMode.REPLACE;
        };
        String rest = mode == StoreMode.REPLACE ? item : item.substring(1);
        boolean silent = rest.equals("FLAGS.SILENT");
        if (!silent && !rest.equals("FLAGS")) {
            throw ProtocolException.bad("Expected FLAGS, +FLAGS or -FLAGS, optionally .SILENT");
        }
        if (!args.hasNext()) {
            throw ProtocolException.bad("Missing flags");
        }
        List<Flag> flags = args.peekGroup() ? flagList(args.group("flag list")) : flagList(args);
        args.end();
        return new Store(uid, set, mode, silent, flags, unchangedSince);
    }

    /** Reads storable flags to the end of {@code list}, dropping duplicates. */
    static List<Flag> flagList(Arguments list) {
        List<Flag> flags = new ArrayList<>();
        while (list.hasNext()) {
            Flag f = Flag.parseStorable(list.rawAtom("flag"));
            if (flags.stream().noneMatch(g -> g.key().equals(f.key()))) {
                flags.add(f);
            }
        }
        return flags;
    }
}
