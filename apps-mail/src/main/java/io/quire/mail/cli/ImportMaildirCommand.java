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
        for (MaildirFolder f : reader.folders()) up.mailbox(f.name(), reader.subscriptions().contains(f.name()));
        for (MaildirFolder f : reader.folders()) {
            try (Stream<ImportResult> messages = reader.messages(f)) {
                for (Iterator<ImportResult> it = messages.iterator(); it.hasNext(); ) {
                    switch (it.next()) {
                        case ImportResult.Imported i -> up.add(i.message());
                        case ImportResult.Unreadable u -> up.skip(u.source() + ": " + u.reason());
                    }
                }
            }
        }
        up.flush();
        out.println("imported " + up.imported() + " messages into " + up.folders().size() + " folders of " + user
                + (up.skipped().isEmpty() ? "" : "; " + up.skipped().size() + " skipped"));
        return summary(up, err);
    }
}
