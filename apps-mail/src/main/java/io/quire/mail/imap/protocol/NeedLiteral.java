package io.quire.mail.imap.protocol;

/**
 * A literal has been announced and accepted by the size limits; its octets come next.
 *
 * <p>For a synchronizing literal ({@code nonSync == false}) the client waits, so the session must send a
 * continuation request ({@code + Ready}) before more bytes arrive (RFC 3501 §7.5). For a
 * non-synchronizing literal (RFC 7888) the session has nothing to send; the event is still emitted so a
 * session can, for instance, account an APPENDLIMIT.
 *
 * @param tag     the tag of the command being received
 * @param command the upper-cased command name
 * @param size    the announced octet count
 * @param nonSync whether the literal was {@code {n+}}
 * @param binary  whether it was a literal8 {@code ~{n}} (RFC 3516)
 */
public record NeedLiteral(Tag tag, String command, long size, boolean nonSync, boolean binary)
        implements ReceiverEvent {
}
