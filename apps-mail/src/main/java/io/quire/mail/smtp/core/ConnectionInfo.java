package io.quire.mail.smtp.core;

import java.util.Objects;

/**
 * What the transport knows about a connection when it opens.
 *
 * @param remoteAddress the client's IP address, e.g. {@code 192.0.2.7} or {@code 2001:db8::1}
 * @param sessionId a short unique token ({@code [A-Za-z0-9]+}); transaction ids in {@code Received:} derive
 *     from it
 */
public record ConnectionInfo(String remoteAddress, String sessionId) {

    /** Checks that the id is a plain atom, safe to put in a header field. */
    public ConnectionInfo {
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        if (sessionId == null || !sessionId.matches("[A-Za-z0-9]{1,64}")) {
            throw new IllegalArgumentException("session id must be 1-64 letters or digits: " + sessionId);
        }
    }

    /**
     * The address as an RFC 5321 §4.1.3 address literal: {@code [192.0.2.7]} or {@code [IPv6:2001:db8::1]}.
     */
    public String addressLiteral() {
        return remoteAddress.indexOf(':') >= 0 ? "[IPv6:" + remoteAddress + "]" : "[" + remoteAddress + "]";
    }
}
