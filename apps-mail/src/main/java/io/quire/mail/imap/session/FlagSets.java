package io.quire.mail.imap.session;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Converts between the store's flag strings and {@link Flag} values, in one canonical order. */
public final class FlagSets {
    private FlagSets() {
    }

    /**
     * The store's flags as wire flags: system flags first in RFC order, then keywords sorted; names that are not
     * valid flags (e.g. imported from elsewhere) are left out rather than sent malformed.
     */
    public static List<Flag> toWire(Collection<String> stored) {
        List<Flag> system = new ArrayList<>();
        for (Flag f : Flag.STORABLE_SYSTEM_FLAGS) {
            if (containsIgnoreCase(stored, f.name())) {
                system.add(f);
            }
        }
        List<Flag> keywords = new ArrayList<>();
        for (String s : stored.stream().sorted().toList()) {
            if (!s.startsWith("\\")) {
                try {
                    keywords.add(Flag.parse(s));
                } catch (ProtocolException e) {
                    // Not representable on the wire; the store keeps it, IMAP does not show it.
                }
            }
        }
        system.addAll(keywords);
        return system;
    }

    /** Wire flags as the store's strings (canonical system flag spelling). */
    public static Set<String> toStore(Collection<Flag> flags) {
        Set<String> out = new LinkedHashSet<>();
        for (Flag f : flags) {
            out.add(f.name());
        }
        return out;
    }

    /** Whether the stored flags contain {@code flag} (system flags and keywords compare case-insensitively). */
    public static boolean has(Collection<String> stored, Flag flag) {
        return containsIgnoreCase(stored, flag.name());
    }

    private static boolean containsIgnoreCase(Collection<String> set, String name) {
        if (set.contains(name)) {
            return true;
        }
        for (String s : set) {
            if (s.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
