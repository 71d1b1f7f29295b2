package io.quire.mail.cli;

import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.LineEnding;
import io.quire.mail.maildir.MaildirFolder;
import io.quire.mail.maildir.MaildirReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * {@code quire import-maildir USER DIR}: copies a Maildir++ tree (Dovecot, Courier, offlineimap,
 * mbsync) into USER's mail on the running node: every folder, flags and keywords, internal dates
 * (file times), subscriptions. Messages get CRLF line ends, the form IMAP serves. Read and sent in
 * batches, folder by folder; re-running it imports the messages again.
 *
 * <p>UIDs from {@code dovecot-uidlist} are kept when the target mailbox never held mail (new, or
 * a user's empty default mailbox): it takes the folder's UIDVALIDITY, each message its UID, and
 * UIDNEXT the uidlist's, so IMAP clients that cached the old server's UIDs keep them. A mailbox
 * that already holds mail keeps its own UIDVALIDITY and the imported messages get fresh UIDs
 * after its existing ones; the summary says how many UIDs were kept.
 */
public final class ImportMaildirCommand extends MailCommand {
    @Override
    public String name() {
        return "import-maildir";
    }

    @Override
    public String usage() {
        return "import-maildir USER DIR";
    }

    @Override
    int arity() {
        return 2;
    }

    @Override
    int execute(CommandLine args, MailApiClient api, PrintStream out, PrintStream err) throws CliFailure {
        String user = args.positional().get(0);
        Path dir = Path.of(args.positional().get(1));
        if (!Files.isDirectory(dir)) throw new CliFailure(dir + " is not a directory");
        MaildirReader reader;
        try {
            reader = MaildirReader.open(dir, LineEnding.CRLF);
        } catch (IOException e) {
            throw new CliFailure("cannot read " + dir + ": " + e.getMessage());
        }
        if (reader.folders().isEmpty()) throw new CliFailure(dir + " is not a Maildir: it has no cur/ or new/ and no .Folder directories");
        api.requireUser(user);
        out.println("importing " + dir + " into " + user + " (" + reader.folders().size() + " folders)");
        BatchUploader up = new BatchUploader(api, user, out);
        for (MaildirFolder f : reader.folders())
            up.mailbox(f.name(), reader.subscriptions().contains(f.name()), f.uidValidity().orElse(0));
        for (MaildirFolder f : reader.folders()) {
            try (Stream<ImportResult> messages = reader.messages(f)) {
                for (Iterator<ImportResult> it = messages.iterator(); it.hasNext(); ) {
                    switch (it.next()) {
                        case ImportResult.Imported i -> up.add(i.message());
                        case ImportResult.Unreadable u -> up.skip(u.source() + ": " + u.reason());
                    }
                }
            }
            up.endFolder(f.name(), f.uidValidity().orElse(0), f.uidNext().orElse(0));
        }
        up.flush();
        out.println("imported " + up.imported() + " messages into " + up.folders().size() + " folders of " + user
                + (up.skipped().isEmpty() ? "" : "; " + up.skipped().size() + " skipped"));
        if (up.uidsGiven() > 0)
            out.println("kept the source UID of " + up.uidsKept() + " of " + up.uidsGiven() + " messages"
                    + (up.uidsKept() < up.uidsGiven() ? " (the others went into mailboxes that already held mail, and got new UIDs)" : ""));
        return summary(up, err);
    }
}
