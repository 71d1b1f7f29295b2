package io.quire.mail.imap.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses {@code ENABLE 1*(SP capability)} (RFC 5161 §3.1). */
final class EnableParser {
    private EnableParser() {
    }

    static Enable parse(Arguments args) {
        List<String> caps = new ArrayList<>();
        do {
            String cap = args.atom("capability").toUpperCase(Locale.ROOT);
            if (!caps.contains(cap)) {
                caps.add(cap);
            }
        } while (args.hasNext());
        return new Enable(caps);
    }
}
