package io.quire.mail.imap.parse;

import io.quire.mail.imap.protocol.ImapChars;
import io.quire.mail.imap.protocol.MailboxName;
import io.quire.mail.imap.protocol.MailboxPattern;
import io.quire.mail.imap.protocol.ProtocolException;
import io.quire.mail.imap.protocol.Token;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses LIST in its basic and extended forms (RFC 5258 §6):
 *
 * <pre>
 * list             = "LIST" [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]
 * list-select-opts = "(" [list-select-option *(SP list-select-option)] ")"
 * mbox-or-pat      = list-mailbox / patterns
 * patterns         = "(" list-mailbox *(SP list-mailbox) ")"
 * list-return-opts = "RETURN" SP "(" [return-option *(SP return-option)] ")"
 * </pre>
 *
 * Unknown options are a BAD, as RFC 5258 §3 requires, and so is RECURSIVEMATCH without another
 * selection option other than REMOTE (§3.1).
 */
final class ListParser {
    private ListParser() {
    }

    static ListMailboxes parse(Arguments args) {
        boolean extended = false;
        Set<ListSelection> selection = EnumSet.noneOf(ListSelection.class);
        if (args.peekGroup()) {
            extended = true;
            Arguments opts = args.group("selection options");
            while (opts.hasNext()) {
                selection.add(selectionOption(opts.atom("selection option")));
            }
            if (selection.contains(ListSelection.RECURSIVEMATCH)
                    && selection.stream().allMatch(s -> s == ListSelection.RECURSIVEMATCH || s == ListSelection.REMOTE)) {
                throw ProtocolException.bad("RECURSIVEMATCH needs another selection option");
            }
        }
        String reference = reference(args);
        List<MailboxPattern> patterns = new ArrayList<>();
        if (args.peekGroup()) {
            extended = true;
            Arguments list = args.group("mailbox patterns");
            do {
                patterns.add(pattern(list));
            } while (list.hasNext());
        } else {
            patterns.add(pattern(args));
        }
        Set<ListReturn> returns = EnumSet.noneOf(ListReturn.class);
        List<StatusItem> statusItems = List.of();
        if (args.acceptAtom("RETURN")) {
            extended = true;
            Arguments opts = args.group("return options");
            while (opts.hasNext()) {
                ListReturn r = returnOption(opts.atom("return option"));
                returns.add(r);
                if (r == ListReturn.STATUS) {
                    statusItems = StatusParser.items(opts.group("status items"));
                }
            }
        }
        args.end();
        return new ListMailboxes(reference, patterns, selection, returns, statusItems, extended);
    }

    static Lsub lsub(Arguments args) {
        String reference = reference(args);
        MailboxPattern pattern = pattern(args);
        args.end();
        return new Lsub(reference, pattern);
    }

    private static String reference(Arguments args) {
        return MailboxName.decodeWire(args.astringBytes("reference name"), args.options().utf8Accept());
    }

    /** {@code list-mailbox = 1*list-char / string}. */
    private static MailboxPattern pattern(Arguments args) {
        byte[] raw = switch (args.next("mailbox pattern")) {
            case Token.Str s -> s.bytes();
            case Token.Atom a -> {
                for (int i = 0; i < a.text().length(); i++) {
                    if (!ImapChars.isListChar(a.text().charAt(i))) {
                        throw ProtocolException.bad("Invalid character in mailbox pattern; quote it");
                    }
                }
                yield a.text().getBytes(StandardCharsets.US_ASCII);
            }
            case Token.Group g -> throw ProtocolException.bad("Expected a mailbox pattern");
        };
        return MailboxPattern.fromWire(raw, args.options().utf8Accept());
    }

    private static ListSelection selectionOption(String atom) {
        return switch (atom.toUpperCase(Locale.ROOT)) {
            case "SUBSCRIBED" -> ListSelection.SUBSCRIBED;
            case "REMOTE" -> ListSelection.REMOTE;
            case "RECURSIVEMATCH" -> ListSelection.RECURSIVEMATCH;
            case "SPECIAL-USE" -> ListSelection.SPECIAL_USE;
            default -> throw ProtocolException.bad("Unknown LIST selection option: " + Arguments.abbreviate(atom));
        };
    }

    private static ListReturn returnOption(String atom) {
        return switch (atom.toUpperCase(Locale.ROOT)) {
            case "SUBSCRIBED" -> ListReturn.SUBSCRIBED;
            case "CHILDREN" -> ListReturn.CHILDREN;
            case "SPECIAL-USE" -> ListReturn.SPECIAL_USE;
            case "STATUS" -> ListReturn.STATUS;
            default -> throw ProtocolException.bad("Unknown LIST return option: " + Arguments.abbreviate(atom));
        };
    }
}
