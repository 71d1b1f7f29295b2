package io.quire.mail.mbox;

/**
 * The two common ways an mbox protects body lines that look like a message separator (RFC 4155, and
 * "mboxrd" as described by Hall's {@code mbox(5)} notes).
 */
public enum MboxFormat {
    /**
     * Every line matching {@code >*From } gets one more {@code >} when written and loses one when read, so the
     * transformation is reversible. What the corpus files, mutt and Dovecot write.
     */
    MBOXRD,
    /**
     * Only {@code From } lines are quoted when written, and nothing is unquoted when read: a body line
     * {@code >From } cannot be told from a quoted {@code From }, so reading leaves the quoting in place.
     */
    MBOXO
}
