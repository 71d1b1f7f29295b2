package io.quire.mail.imap.handler;

import io.quire.mail.imap.parse.FetchItem;
import io.quire.mail.imap.session.FetchAttr;
import io.quire.mail.imap.session.FlagSets;
import io.quire.mail.mime.BinaryContent;
import io.quire.mail.mime.ParsedMessage;
import io.quire.mail.mime.Section;
import io.quire.mail.store.MessageEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds the data items of one FETCH response (RFC 9051 §6.4.5, RFC 3516, RFC 7162 §3.1.4.1). Items answered from
 * the index entry never touch the body; the parsed body is fetched at most once, when the first item needs it.
 */
final class FetchData {
    private final MessageEntry entry;
    private final Supplier<ParsedMessage> body;
    private ParsedMessage parsed;
    private boolean unknownEncoding;

    FetchData(MessageEntry entry, Supplier<ParsedMessage> body) {
        this.entry = entry;
        this.body = body;
    }

    /** Whether a BINARY item met a transfer encoding the server cannot decode (RFC 3516 §4.3: NO [UNKNOWN-CTE]). */
    boolean unknownEncoding() {
        return unknownEncoding;
    }

    /** The response items for {@code items}, with FLAGS added when {@code addFlags} (an implicit \Seen). */
    List<FetchAttr> build(List<FetchItem> items, boolean addFlags) {
        List<FetchAttr> out = new ArrayList<>(items.size() + 1);
        for (FetchItem item : items) {
            FetchAttr attr = attr(item);
            if (attr != null) {
                out.add(attr);
            }
        }
        if (addFlags && !items.contains(FetchItem.FLAGS)) {
            out.add(new FetchAttr.Flags(FlagSets.toWire(entry.flags())));
        }
        return out;
    }

    private FetchAttr attr(FetchItem item) {
        return switch (item) {
            case FetchItem.Uid u -> new FetchAttr.Uid(entry.uid());
            case FetchItem.Flags f -> new FetchAttr.Flags(FlagSets.toWire(entry.flags()));
            case FetchItem.InternalDate d -> new FetchAttr.InternalDate(entry.internalDate());
            case FetchItem.Rfc822Size s -> new FetchAttr.Size(entry.size());
            case FetchItem.ModSeq m -> new FetchAttr.ModSeq(entry.modseq());
            case FetchItem.Envelope e -> new FetchAttr.Envelope(parsed().envelope());
            case FetchItem.Body b -> new FetchAttr.Structure(parsed().bodyStructure(), false);
            case FetchItem.BodyStructure b -> new FetchAttr.Structure(parsed().bodyStructure(), true);
            case FetchItem.Rfc822 r -> new FetchAttr.Section("RFC822", Optional.of(parsed().octets()));
            case FetchItem.Rfc822Header r -> new FetchAttr.Section("RFC822.HEADER",
                    parsed().section(Section.of(Section.Text.HEADER)));
            case FetchItem.Rfc822Text r -> new FetchAttr.Section("RFC822.TEXT",
                    parsed().section(Section.of(Section.Text.TEXT)));
            case FetchItem.BodySection s -> new FetchAttr.Section(s.responseLabel(),
                    parsed().section(s.section(), s.partial()));
            case FetchItem.Binary b -> binary(b);
            case FetchItem.BinarySize s -> switch (parsed().binary(s.part())) {
                case BinaryContent.Decoded d -> new FetchAttr.BinarySize(s.responseLabel(), d.data().length);
                case BinaryContent.NoSuchPart n -> new FetchAttr.BinarySize(s.responseLabel(), 0);
                case BinaryContent.UnknownEncoding u -> unknown();
            };
        };
    }

    private FetchAttr binary(FetchItem.Binary b) {
        return switch (parsed().binary(b.part())) {
            case BinaryContent.Decoded d -> new FetchAttr.Binary(b.responseLabel(),
                    Optional.of(b.partial().map(p -> p.apply(d.data())).orElse(d.data())));
            case BinaryContent.NoSuchPart n -> new FetchAttr.Binary(b.responseLabel(), Optional.empty());
            case BinaryContent.UnknownEncoding u -> unknown();
        };
    }

    private FetchAttr unknown() {
        unknownEncoding = true;
        return null;
    }

    private ParsedMessage parsed() {
        if (parsed == null) {
            parsed = body.get();
        }
        return parsed;
    }

    /** Whether the item reads the body and, without PEEK, sets \Seen (RFC 9051 §6.4.5). */
    static boolean setsSeen(FetchItem item) {
        return switch (item) {
            case FetchItem.BodySection s -> !s.peek();
            case FetchItem.Binary b -> !b.peek();
            case FetchItem.Rfc822 r -> true;
            case FetchItem.Rfc822Text r -> true;
            default -> false;
        };
    }
}
