package io.quire.mail.imap.parse;

import java.util.List;

/**
 * {@code ENABLE capability...} (RFC 5161).
 *
 * @param capabilities the requested capabilities, upper-cased, in order
 */
public record Enable(List<String> capabilities) implements Command {
    /** Copies the list. */
    public Enable {
        capabilities = List.copyOf(capabilities);
    }
}
