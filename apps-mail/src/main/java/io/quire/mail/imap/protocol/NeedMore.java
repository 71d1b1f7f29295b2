package io.quire.mail.imap.protocol;

/** The buffered input holds no further complete event; feed more bytes. */
public record NeedMore() implements ReceiverEvent {
    /** The single instance. */
    public static final NeedMore INSTANCE = new NeedMore();
}
