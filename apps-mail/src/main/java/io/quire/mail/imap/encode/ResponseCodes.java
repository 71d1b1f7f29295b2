package io.quire.mail.imap.encode;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.ResponseCode;

/** Writes the inside of a {@code [...]} response code; the one exhaustive switch over {@link ResponseCode}. */
final class ResponseCodes {
    private ResponseCodes() {
    }

    static void write(ResponseWriter w, ResponseCode code) {
        w.raw(code.atom());
        switch (code) {
            case ResponseCode.Plain p -> { }
            case ResponseCode.UidValidity v -> w.number(v.value());
            case ResponseCode.UidNext n -> w.number(n.value());
            case ResponseCode.Unseen u -> w.number(u.messageNumber());
            case ResponseCode.HighestModSeq h -> w.number(h.value());
            case ResponseCode.Modified m -> w.sequenceSet(m.set());
            case ResponseCode.AppendUid a -> w.number(a.uidValidity()).sequenceSet(a.uids());
            case ResponseCode.CopyUid c -> w.number(c.uidValidity()).sequenceSet(c.source()).sequenceSet(c.destination());
            case ResponseCode.PermanentFlags p -> {
                w.openList();
                for (Flag f : p.flags()) {
                    w.raw(f.name());
                }
                if (p.newKeywords()) {
                    w.raw("\\*");
                }
                w.closeList();
            }
            case ResponseCode.Capability c -> c.capabilities().forEach(w::atom);
            case ResponseCode.BadCharset b -> {
                if (!b.supported().isEmpty()) {
                    w.openList();
                    b.supported().forEach(w::astring);
                    w.closeList();
                }
            }
            case ResponseCode.Other o -> o.argument().ifPresent(w::codeText);
        }
    }
}
