package io.quire.mail.imap.server;

import io.quire.mail.imap.encode.BodyStructureWriter;
import io.quire.mail.imap.encode.EnvelopeWriter;
import io.quire.mail.imap.encode.ResponseWriter;
import io.quire.mail.imap.session.FetchAttr;
import io.quire.mail.imap.session.Response;
import io.quire.mail.imap.session.ThreadNode;
import java.time.ZoneOffset;

/**
 * Writes {@link Response} values as octets with the codec's {@link ResponseWriter}: the one exhaustive switch from
 * response objects to the wire (RFC 9051 §7), so handlers never see bytes.
 */
final class ResponseEncoder {
    private ResponseEncoder() {
    }

    static void write(ResponseWriter w, Response response) {
        switch (response) {
            case Response.Condition c -> w.untagged().status(c.status(), c.code(), c.text()).crlf();
            case Response.Capabilities c -> {
                w.untagged().atom("CAPABILITY");
                c.names().forEach(w::atom);
                w.crlf();
            }
            case Response.Enabled e -> {
                w.untagged().atom("ENABLED");
                e.names().forEach(w::atom);
                w.crlf();
            }
            case Response.ServerId id -> {
                w.untagged().atom("ID").openList();
                id.fieldsAndValues().forEach(w::string);
                w.closeList().crlf();
            }
            case Response.Namespace n -> w.untagged().atom("NAMESPACE").openList().openList().string(n.personalPrefix())
                    .string(String.valueOf(n.delimiter())).closeList().closeList().nil().nil().crlf();
            case Response.Flags f -> w.untagged().atom("FLAGS").flags(f.flags()).crlf();
            case Response.Exists e -> w.untagged().number(e.count()).atom("EXISTS").crlf();
            case Response.Recent r -> w.untagged().number(r.count()).atom("RECENT").crlf();
            case Response.Expunge e -> w.untagged().number(e.messageNumber()).atom("EXPUNGE").crlf();
            case Response.Vanished v -> {
                w.untagged().atom("VANISHED");
                if (v.earlier()) {
                    w.openList().atom("EARLIER").closeList();
                }
                w.sequenceSet(v.uids()).crlf();
            }
            case Response.ListEntry l -> list(w, l);
            case Response.ListRoot r -> w.untagged().atom("LIST").openList().raw("\\Noselect").closeList()
                    .string("/").string("").crlf();
            case Response.StatusEntry s -> {
                w.untagged().atom("STATUS").mailbox(s.name()).openList();
                for (Response.StatusValue v : s.values()) {
                    w.atom(v.item()).number(v.value());
                }
                w.closeList().crlf();
            }
            case Response.SearchResult s -> {
                w.untagged().atom("SEARCH");
                s.numbers().forEach(w::number);
                s.highestModSeq().ifPresent(m -> w.openList().atom("MODSEQ").number(m).closeList());
                w.crlf();
            }
            case Response.SortResult s -> {
                w.untagged().atom("SORT");
                s.numbers().forEach(w::number);
                w.crlf();
            }
            case Response.ThreadResult t -> {
                w.untagged().atom("THREAD");
                if (!t.threads().isEmpty()) {
                    StringBuilder sb = new StringBuilder();
                    for (ThreadNode n : t.threads()) {
                        sb.append('(');
                        threadMembers(sb, n);
                        sb.append(')');
                    }
                    w.raw(sb.toString());
                }
                w.crlf();
            }
            case Response.ESearchResult e -> esearch(w, e);
            case Response.FetchResult f -> {
                w.untagged().number(f.messageNumber()).atom("FETCH").openList();
                f.attributes().forEach(a -> attribute(w, a));
                w.closeList().crlf();
            }
            case Response.Continuation c -> w.continuation().text(c.text()).crlf();
        }
    }

    private static void list(ResponseWriter w, Response.ListEntry l) {
        w.untagged().atom(l.lsub() ? "LSUB" : "LIST").openList();
        l.attributes().forEach(w::raw);
        w.closeList().string("/").mailbox(l.name());
        if (!l.childInfo().isEmpty()) {
            // RFC 5258 §3.5: ("CHILDINFO" ("SUBSCRIBED")).
            w.openList().string("CHILDINFO").openList();
            l.childInfo().forEach(w::string);
            w.closeList().closeList();
        }
        w.crlf();
    }

    /**
     * RFC 5256 §5: {@code thread-members = nz-number *(SP nz-number) [SP thread-nested]}, {@code thread-nested =
     * 2*thread-list}. A chain of single replies stays in one list; a message with several replies opens one list per
     * reply. A placeholder writes no number, only its replies' lists ({@code ((3)(5))}).
     */
    private static void threadMembers(StringBuilder sb, ThreadNode node) {
        ThreadNode n = node;
        boolean first = true;
        while (true) {
            if (!n.placeholder()) {
                sb.append(first ? "" : " ").append(n.number());
                first = false;
            }
            if (n.children().size() == 1) {
                n = n.children().getFirst();
                continue;
            }
            if (!n.children().isEmpty()) {
                sb.append(first ? "" : " ");
                for (ThreadNode c : n.children()) {
                    sb.append('(');
                    threadMembers(sb, c);
                    sb.append(')');
                }
            }
            return;
        }
    }

    private static void esearch(ResponseWriter w, Response.ESearchResult e) {
        w.untagged().atom("ESEARCH").openList().atom("TAG").string(e.tag().value()).closeList();
        if (e.uid()) {
            w.atom("UID");
        }
        e.min().ifPresent(n -> w.atom("MIN").number(n));
        e.max().ifPresent(n -> w.atom("MAX").number(n));
        e.count().ifPresent(n -> w.atom("COUNT").number(n));
        e.all().ifPresent(s -> w.atom("ALL").sequenceSet(s));
        e.highestModSeq().ifPresent(n -> w.atom("MODSEQ").number(n));
        w.crlf();
    }

    private static void attribute(ResponseWriter w, FetchAttr attr) {
        switch (attr) {
            case FetchAttr.Uid u -> w.atom("UID").number(u.uid());
            case FetchAttr.Flags f -> w.atom("FLAGS").flags(f.flags());
            case FetchAttr.InternalDate d -> w.atom("INTERNALDATE").dateTime(d.date().atOffset(ZoneOffset.UTC));
            case FetchAttr.Size s -> w.atom("RFC822.SIZE").number(s.octets());
            case FetchAttr.ModSeq m -> w.atom("MODSEQ").openList().number(m.modSeq()).closeList();
            case FetchAttr.Envelope e -> {
                w.atom("ENVELOPE");
                EnvelopeWriter.write(w, e.envelope());
            }
            case FetchAttr.Structure s -> {
                w.atom(s.extensible() ? "BODYSTRUCTURE" : "BODY");
                BodyStructureWriter.write(w, s.structure(), s.extensible());
            }
            case FetchAttr.Section s -> {
                w.raw(s.label());
                if (s.data().isPresent()) {
                    w.literal(s.data().get());
                } else {
                    w.nil();
                }
            }
            case FetchAttr.Binary b -> {
                w.raw(b.label());
                if (b.data().isEmpty()) {
                    w.nil();
                } else if (containsNul(b.data().get())) {
                    // RFC 3516 §4.2: literal8 only where the data needs it.
                    w.literal8(b.data().get());
                } else {
                    w.literal(b.data().get());
                }
            }
            case FetchAttr.BinarySize s -> w.raw(s.label()).number(s.size());
        }
    }

    private static boolean containsNul(byte[] data) {
        for (byte b : data) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }
}
