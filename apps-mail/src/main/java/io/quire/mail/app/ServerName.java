package io.quire.mail.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/** The host name the receivers greet with and write into {@code Received:} fields. */
final class ServerName {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    private ServerName() {
    }

    /**
     * This machine's name when it is a usable host name, else the first mail domain: the name only
     * labels trace fields (RFC 5321 §4.4), so a readable fallback beats failing to start.
     */
    static String local(List<String> domains) {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            if (HOST.matcher(h).matches()) return h;
        } catch (UnknownHostException e) {
            // no resolvable local name: use the domain
        }
        return domains.isEmpty() ? "localhost" : domains.get(0);
    }
}
