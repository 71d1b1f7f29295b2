package io.quire.mail.cli;

import io.quire.mail.maildir.ImportResult;
import io.quire.mail.maildir.ImportedMessage;
import io.quire.mail.maildir.LineEnding;
import io.quire.mail.mbox.MboxFormat;
import io.quire.mail.mbox.MboxReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code quire import-mbox USER FILE [--mailbox NAME] [--format mboxrd|mboxo]}: copies an mbox file
 * (mutt, Thunderbird, Google Takeout) into one mailbox of USER, INBOX by default, with the flags its
 * {@code Status:}/{@code X-Status:}/{@code X-Keywords:} fields hold and the {@code From_} line's date
 * as internal date. Read one message at a time and sent in batches.
 */
public final class ImportMboxCommand extends MailCommand {
    /** mbox messages can be large attachments; the import route's own limit applies after this. */
    private static final int MAX_MESSAGE = 64 * 1024 * 1024;

    @Override
    public String name() {
        return "import-mbox";
    }

    @Override
    public String usage() {
        return "import-mbox USER FILE [--mailbox NAME] [--format mboxrd|mboxo]";
    }

    @Override
    Set<String> extraOptions() {
        return Set.of("mailbox", "format");
    }

    @Override
    int arity() {
        return 2;
    }

    @Override
    int execute(CommandLine args, MailApiClient api, PrintStream out, PrintStream err) throws CliFailure {
        String user = args.positional().get(0);
        Path file = Path.of(args.positional().get(1));
        if (!Files.isRegularFile(file)) throw new CliFailure(file + " is not a file");
        String mailbox;
        try {
            mailbox = ImportedMessage.normalizeFolder(args.option("mailbox").orElse(ImportedMessage.INBOX));
        } catch (IllegalArgumentException e) {
            throw new CliFailure.Usage("--mailbox: " + e.getMessage());
        }
        MboxFormat format = switch (args.option("format").orElse("mboxrd")) {
            case "mboxrd" -> MboxFormat.MBOXRD;
            case "mboxo" -> MboxFormat.MBOXO;
            default -> throw new CliFailure.Usage("--format: expected mboxrd or mboxo");
        };
        api.requireUser(user);
        out.println("importing " + file + " into " + user + "/" + mailbox);
        BatchUploader up = new BatchUploader(api, user, out);
        up.mailbox(mailbox, false);
        try (MboxReader reader = MboxReader.open(file, mailbox, new MboxReader.Options(format, LineEnding.CRLF, MAX_MESSAGE))) {
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case ImportResult.Imported i -> up.add(i.message());
                    case ImportResult.Unreadable u -> up.skip(u.source() + ": " + u.reason());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new CliFailure("cannot read " + file + ": " + e.getMessage());
        }
        up.flush();
        out.println("imported " + up.imported() + " messages into " + user + "/" + mailbox
                + (up.skipped().isEmpty() ? "" : "; " + up.skipped().size() + " skipped"));
        return summary(up, err);
    }
}
