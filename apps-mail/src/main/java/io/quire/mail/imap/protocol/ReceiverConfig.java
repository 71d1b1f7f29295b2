package io.quire.mail.imap.protocol;

/**
 * Size limits and literal rules for one {@link ImapReceiver}.
 *
 * @param maxLineBytes          longest line segment outside literals (default 64 KiB)
 * @param maxAppendLiteralBytes largest literal accepted for {@code APPEND} (default 64 MiB)
 * @param maxLiteralBytes       largest literal accepted for any other command (default 64 KiB)
 * @param maxRequestBytes       largest command in total, lines plus literals, so that a MULTIAPPEND cannot
 *                              grow without bound (default 64 MiB + 64 KiB)
 * @param literalMode           which non-synchronizing literals are accepted
 */
public record ReceiverConfig(int maxLineBytes, long maxAppendLiteralBytes, long maxLiteralBytes,
                             long maxRequestBytes, LiteralMode literalMode) {

    /** The LITERAL- threshold: larger non-synchronizing literals are refused (RFC 7888, LITERAL-). */
    public static final int LITERAL_MINUS_MAX = 4096;

    /** Defaults suitable for a public server advertising LITERAL+. */
    public static final ReceiverConfig DEFAULT =
            new ReceiverConfig(64 * 1024, 64L * 1024 * 1024, 64 * 1024, 64L * 1024 * 1024 + 64 * 1024,
                    LiteralMode.LITERAL_PLUS);

    /** Checks that the limits are positive. */
    public ReceiverConfig {
        if (maxLineBytes < 16 || maxAppendLiteralBytes < 0 || maxLiteralBytes < 0 || maxRequestBytes < 16) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (literalMode == null) {
            throw new IllegalArgumentException("literalMode");
        }
    }

    /** The same limits with another literal mode. */
    public ReceiverConfig withLiteralMode(LiteralMode mode) {
        return new ReceiverConfig(maxLineBytes, maxAppendLiteralBytes, maxLiteralBytes, maxRequestBytes, mode);
    }

    /** The same limits with another line limit. */
    public ReceiverConfig withMaxLineBytes(int bytes) {
        return new ReceiverConfig(bytes, maxAppendLiteralBytes, maxLiteralBytes, maxRequestBytes, literalMode);
    }

    /** The same limits with other literal limits. */
    public ReceiverConfig withLiteralLimits(long append, long other, long request) {
        return new ReceiverConfig(maxLineBytes, append, other, request, literalMode);
    }

    /** The literal limit applying to {@code command}. */
    public long literalLimitFor(String command) {
        return "APPEND".equals(command) ? maxAppendLiteralBytes : maxLiteralBytes;
    }

    /** Which non-synchronizing literals ({@code {n+}}) the server accepts. */
    public enum LiteralMode {
        /** No LITERAL+ or LITERAL- advertised: {@code {n+}} is a syntax error. */
        SYNC_ONLY,
        /** LITERAL+ (RFC 7888): any size, subject to the normal limits. */
        LITERAL_PLUS,
        /** LITERAL- (RFC 7888): at most {@value ReceiverConfig#LITERAL_MINUS_MAX} octets. */
        LITERAL_MINUS
    }
}
