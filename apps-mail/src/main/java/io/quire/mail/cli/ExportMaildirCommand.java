package io.quire.mail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.mail.maildir.ImportedMessage;
import io.quire.mail.maildir.LineEnding;
import io.quire.mail.maildir.MaildirWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code quire export-maildir USER DIR}: writes USER's mail as a Maildir++ tree that Dovecot, mutt
 * and offlineimap read: every mailbox, flags and keywords in file names and
 * {@code dovecot-keywords}, internal dates as file times, UIDs and UIDVALIDITY in
 * {@code dovecot-uidlist}, subscriptions. Files get LF line ends, as Unix Maildir tools write them.
 * Fetched page by page. DIR must not exist or be empty, so an export never mixes with other mail.
 */
public final class ExportMaildirCommand extends MailCommand {
    static final int PAGE = 200;

    @Override
    public String name() {
        return "export-maildir";
    }

    @Override
    public String usage() {
        return "export-maildir USER DIR";
    }

    @Override
    int arity() {
        return 2;
    }

    @Override
    int execute(CommandLine args, MailApiClient api, PrintStream out, PrintStream err) throws CliFailure {
        String user = args.positional().get(0);
        Path dir = Path.of(args.positional().get(1));
        requireEmpty(dir);
        api.requireUser(user);
        JsonNode mailboxes = api.mailboxes(user).path("mailboxes");
        out.println("exporting " + user + " (" + mailboxes.size() + " folders) to " + dir);
        long total = 0;
        try (MaildirWriter writer = MaildirWriter.create(dir, new MaildirWriter.Options(LineEnding.LF, "quire"))) {
            for (JsonNode mb : mailboxes) {
                String name = mb.path("name").asText();
                long validity = mb.path("uidValidity").asLong();
                writer.createFolder(name, positive(validity), positive(mb.path("uidNext").asLong()));
                if (mb.path("subscribed").asBoolean(false)) writer.subscribe(name);
                long count = 0;
                long after = 0;
                while (true) {
                    JsonNode page = api.messages(user, name, after, PAGE);
                    for (JsonNode m : page.path("messages")) {
                        writer.write(message(name, m, validity, err));
                        count++;
                    }
                    if (!page.path("next").canConvertToLong()) break;
                    after = page.path("next").asLong();
                }
                total += count;
                out.println("  " + name + ": " + count + " messages");
            }
            writer.notes().forEach(n -> err.println("quire: note: " + n));
        } catch (IOException e) {
            throw new CliFailure("cannot write " + dir + ": " + e.getMessage());
        }
        out.println("exported " + total + " messages in " + mailboxes.size() + " folders to " + dir);
        return 0;
    }

    private static ImportedMessage message(String folder, JsonNode m, long validity, PrintStream err) {
        Set<String> flags = new TreeSet<>();
        for (JsonNode f : m.path("flags")) {
            String s = f.asText();
            // keep what Maildir can hold; anything else is reported rather than failing the export
            if (s.startsWith("\\") ? SYSTEM.contains(s.toLowerCase(Locale.ROOT)) : ImportedMessage.isValidKeyword(s)) flags.add(s);
            else err.println("quire: note: " + folder + " UID " + m.path("uid").asLong() + ": flag " + s + " not exported");
        }
        byte[] raw = Base64.getDecoder().decode(m.path("raw").asText());
        Instant date = Instant.parse(m.path("internalDate").asText());
        long uid = m.path("uid").asLong();
        return uid > 0 && validity > 0 && uid <= 0xFFFF_FFFFL && validity <= 0xFFFF_FFFFL
                ? new ImportedMessage(folder, raw, flags, date, OptionalLong.of(uid), OptionalLong.of(validity))
                : ImportedMessage.of(folder, raw, flags, date);
    }

    /** The system flags a Maildir file name holds, lower-cased (ImportedMessage spells them canonically). */
    private static final Set<String> SYSTEM = Set.of("\\seen", "\\answered", "\\flagged", "\\deleted", "\\draft");

    private static OptionalLong positive(long v) {
        return v > 0 && v <= 0xFFFF_FFFFL ? OptionalLong.of(v) : OptionalLong.empty();
    }

    private static void requireEmpty(Path dir) throws CliFailure {
        if (!Files.exists(dir)) return;
        if (!Files.isDirectory(dir)) throw new CliFailure(dir + " exists and is not a directory");
        try (Stream<Path> s = Files.list(dir)) {
            if (s.findAny().isPresent()) throw new CliFailure(dir + " is not empty: export into a new directory");
        } catch (IOException e) {
            throw new CliFailure("cannot read " + dir + ": " + e.getMessage());
        }
    }
}
