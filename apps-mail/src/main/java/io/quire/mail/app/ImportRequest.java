package io.quire.mail.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.mail.maildir.ImportedMessage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * One batch of {@code POST /api/v1/mail/users/{user}/import}, checked:
 * <pre>
 * {"mailboxes": [{"name": "Archive", "subscribed": true,               optional: create/subscribe
 *                 "uidValidity": 1700000000, "uidNext": 25}],          optional: the source's UID state
 *  "messages":  [{"mailbox": "INBOX", "flags": ["\\Seen", "$Label1"],
 *                 "internalDate": "2024-05-01T10:00:00Z", "raw": "&lt;base64&gt;",
 *                 "uid": 7, "uidValidity": 1700000000}]}                 uid pair optional
 * </pre>
 * {@code \Recent} is dropped: RFC 3501 §2.3.2 makes it a per-session flag that no client can set.
 * A message's {@code uid}/{@code uidValidity} pair and a mailbox's {@code uidValidity}/{@code uidNext}
 * ask the store to keep the source's UIDs where it safely can ({@code UserMail#importKeepingUids}).
 */
record ImportRequest(List<Folder> mailboxes, List<Message> messages) {
    /** A mailbox to create; {@code uidValidity} and {@code uidNext} (0: unknown) are the source's. */
    record Folder(String name, boolean subscribed, long uidValidity, long uidNext) {
        Folder(String name, boolean subscribed) {
            this(name, subscribed, 0, 0);
        }
    }

    /** A message; {@code sourceUid} and {@code sourceUidValidity} are both present or both empty. */
    record Message(String mailbox, byte[] raw, Set<String> flags, Instant internalDate, OptionalLong sourceUid,
                   OptionalLong sourceUidValidity) {
    }

    private static final Map<String, String> SYSTEM = Map.of("\\seen", "\\Seen", "\\answered", "\\Answered",
            "\\flagged", "\\Flagged", "\\deleted", "\\Deleted", "\\draft", "\\Draft");

    static ImportRequest parse(JsonNode body) {
        if (!body.isObject()) throw ApiProblems.invalid("expected a JSON object {\"messages\": [...]}");
        List<Folder> folders = new ArrayList<>();
        for (JsonNode f : array(body, "mailboxes", "")) {
            String at = "mailboxes[" + folders.size() + "].";
            long validity = uint32(f.path("uidValidity"), at + "uidValidity");
            long next = uint32(f.path("uidNext"), at + "uidNext");
            if (next > 0 && validity == 0) throw ApiProblems.invalid(at + "uidNext: only meaningful with uidValidity");
            folders.add(new Folder(mailbox(f.path("name"), at + "name"), f.path("subscribed").asBoolean(false), validity, next));
        }
        List<Message> messages = new ArrayList<>();
        for (JsonNode m : array(body, "messages", "")) {
            String at = "messages[" + messages.size() + "].";
            if (!m.isObject()) throw ApiProblems.invalid(at + ": expected an object");
            String mailbox = mailbox(m.path("mailbox"), at + "mailbox");
            JsonNode raw = m.path("raw");
            if (!raw.isTextual()) throw ApiProblems.invalid(at + "raw: expected the message as base64 text");
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(raw.asText());
            } catch (IllegalArgumentException e) {
                throw ApiProblems.invalid(at + "raw: not base64: " + e.getMessage());
            }
            Set<String> flags = new TreeSet<>();
            for (JsonNode f : array(m, "flags", at)) flags.addAll(flag(f, at));
            long uid = uint32(m.path("uid"), at + "uid");
            long validity = uint32(m.path("uidValidity"), at + "uidValidity");
            OptionalLong sourceUid = uid > 0 ? OptionalLong.of(uid) : OptionalLong.empty();
            // A UID means something only with the UIDVALIDITY it was given under (RFC 3501 §2.3.1.1).
            OptionalLong sourceValidity = uid > 0 && validity > 0 ? OptionalLong.of(validity) : OptionalLong.empty();
            messages.add(new Message(mailbox, bytes, flags, date(m.path("internalDate"), at), sourceUid, sourceValidity));
        }
        return new ImportRequest(folders, messages);
    }

    /** An optional non-zero 32-bit unsigned number (RFC 3501 §2.3.1.1 nz-number); 0 when absent. */
    private static long uint32(JsonNode v, String at) {
        if (v.isMissingNode() || v.isNull()) return 0;
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1 || v.asLong() > 0xFFFF_FFFFL)
            throw ApiProblems.invalid(at + ": expected a number in 1..4294967295");
        return v.asLong();
    }

    private static Iterable<JsonNode> array(JsonNode parent, String field, String at) {
        JsonNode a = parent.path(field);
        if (a.isMissingNode() || a.isNull()) return List.of();
        if (!a.isArray()) throw ApiProblems.invalid(at + field + ": expected an array");
        return a;
    }

    private static String mailbox(JsonNode v, String at) {
        if (!v.isTextual()) throw ApiProblems.invalid(at + ": expected a mailbox name such as \"INBOX\" or \"Archive/2024\"");
        try {
            return ImportedMessage.normalizeFolder(v.asText());
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid(at + ": " + e.getMessage());
        }
    }

    private static Set<String> flag(JsonNode f, String at) {
        if (!f.isTextual()) throw ApiProblems.invalid(at + "flags: expected strings");
        String s = f.asText();
        if (s.startsWith("\\")) {
            if (s.equalsIgnoreCase("\\Recent")) return Set.of();
            String system = SYSTEM.get(s.toLowerCase(Locale.ROOT));
            if (system == null) throw ApiProblems.invalid(at + "flags: unknown system flag " + s);
            return Set.of(system);
        }
        if (!ImportedMessage.isValidKeyword(s)) throw ApiProblems.invalid(at + "flags: '" + s + "' is not an IMAP keyword (RFC 3501 atom)");
        return Set.of(s);
    }

    /** An RFC 3339 instant ({@code 2024-05-01T10:00:00Z}) or seconds since the epoch; absent means now. */
    private static Instant date(JsonNode v, String at) {
        if (v.isMissingNode() || v.isNull()) return Instant.now();
        if (v.canConvertToLong() && v.isIntegralNumber()) return Instant.ofEpochSecond(v.asLong());
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw ApiProblems.invalid(at + "internalDate: expected an instant such as 2024-05-01T10:00:00Z");
        }
    }
}
