package io.quire.mail.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * Removes a part's Content-Transfer-Encoding for BINARY (RFC 3516), with mime4j's lenient decoders: junk
 * characters in base64 and malformed quoted-printable escapes are skipped or kept, as mail readers do.
 */
final class TransferDecoding {
    private TransferDecoding() {
    }

    static BinaryContent binary(MimePart root, List<Integer> part) {
        if (part.isEmpty()) {
            byte[] b = root.headers().message();
            return new BinaryContent.Decoded(Arrays.copyOfRange(b, root.start(), root.end()));
        }
        Optional<Sections.Target> target = Sections.resolve(root, part);
        if (target.isEmpty()) {
            return new BinaryContent.NoSuchPart();
        }
        MimePart e = target.get().entity();
        byte[] body = Arrays.copyOfRange(e.headers().message(), e.bodyStart(), e.end());
        String encoding = e.encoding();
        if (MimeParser.isIdentity(encoding) || e.isMultipart() || e.message().isPresent()) {
            return new BinaryContent.Decoded(body);
        }
        return switch (encoding) {
            case "base64" -> new BinaryContent.Decoded(drain(new Base64InputStream(
                    new ByteArrayInputStream(body), DecodeMonitor.SILENT)));
            case "quoted-printable" -> new BinaryContent.Decoded(drain(new QuotedPrintableInputStream(
                    new ByteArrayInputStream(body), DecodeMonitor.SILENT)));
            default -> new BinaryContent.UnknownEncoding(encoding);
        };
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            // In-memory streams with a SILENT monitor do not fail; reaching this is a bug.
            throw new UncheckedIOException(e);
        }
    }
}
