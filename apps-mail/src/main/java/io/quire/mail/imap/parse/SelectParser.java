package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.SequenceSet;
import java.util.Optional;

/**
 * Parses SELECT and EXAMINE: {@code mailbox [SP "(" select-param *(SP select-param) ")"]} with the
 * CONDSTORE and QRESYNC parameters (RFC 7162 §3.1.8, §3.2.5).
 */
final class SelectParser {
    private SelectParser() {
    }

    static Select select(Arguments args) {
        Params p = parse(args);
        return new Select(p.mailbox, p.condstore, p.qresync);
    }

    static Examine examine(Arguments args) {
        Params p = parse(args);
        return new Examine(p.mailbox, p.condstore, p.qresync);
    }

    private record Params(MailboxName mailbox, boolean condstore, Optional<QResync> qresync) {
    }

    private static Params parse(Arguments args) {
        MailboxName mailbox = args.mailbox("mailbox name");
        boolean condstore = false;
        Optional<QResync> qresync = Optional.empty();
        if (args.hasNext()) {
            Arguments params = args.group("select parameters");
            while (params.hasNext()) {
                if (params.acceptAtom("CONDSTORE") && !condstore) {
                    condstore = true;
                } else if (params.acceptAtom("QRESYNC") && qresync.isEmpty()) {
                    qresync = Optional.of(qresync(params.group("QRESYNC parameters")));
                } else {
                    throw ProtocolException.bad("Unknown or repeated select parameter");
                }
            }
        }
        args.end();
        return new Params(mailbox, condstore, qresync);
    }

    private static QResync qresync(Arguments p) {
        long uidValidity = p.nzNumber("UIDVALIDITY");
        long modSeq = p.number64("mod-sequence value");
        if (modSeq == 0) {
            throw ProtocolException.bad("Mod-sequence value must not be 0");
        }
        Optional<SequenceSet> known = Optional.empty();
        Optional<QResync.SeqMatch> match = Optional.empty();
        if (p.hasNext() && !p.peekGroup()) {
            known = Optional.of(p.sequenceSet("known UIDs"));
        }
        if (p.hasNext()) {
            Arguments m = p.group("sequence match data");
            match = Optional.of(new QResync.SeqMatch(m.sequenceSet("known sequence set"), m.sequenceSet("known UID set")));
            m.end();
        }
        p.end();
        return new QResync(uidValidity, modSeq, known, match);
    }
}
