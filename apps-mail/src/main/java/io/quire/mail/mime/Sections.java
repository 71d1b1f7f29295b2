package io.quire.mail.mime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves section part numbers and extracts section octets (RFC 9051 §6.4.5).
 *
 * <p>Numbering: the parts of a multipart are numbered from 1; a message that is not multipart has one
 * part, 1, its body; the parts of an encapsulated message/rfc822 continue the numbering of the part that
 * holds it ({@code 3.1} is the first part of the message in part 3). HEADER, HEADER.FIELDS and TEXT apply to
 * the message itself or to an encapsulated message; MIME to any numbered part.
 */
final class Sections {
    private Sections() {
    }

    /** Where a part path leads. */
    enum Kind {
        /** A message: the root, or the message inside a message/rfc822 part. */
        MESSAGE,
        /** A body part of a multipart. */
        PART,
        /** Part 1 of a message that is not multipart: the message's body. */
        MESSAGE_BODY
    }

    /**
     * A resolved path.
     *
     * @param entity the entity reached
     * @param kind   how it was reached
     */
    record Target(MimePart entity, Kind kind) {
    }

    static Optional<Target> resolve(MimePart root, List<Integer> path) {
        Target t = new Target(root, Kind.MESSAGE);
        for (int n : path) {
            t = step(t, n);
            if (t == null) {
                return Optional.empty();
            }
        }
        return Optional.of(t);
    }

    private static Target step(Target t, int n) {
        MimePart e = t.entity();
        if (t.kind() == Kind.MESSAGE) {
            if (e.isMultipart()) {
                return n <= e.children().size() ? new Target(e.children().get(n - 1), Kind.PART) : null;
            }
            return n == 1 ? new Target(e, Kind.MESSAGE_BODY) : null;
        }
        if (e.isMultipart()) {
            return n <= e.children().size() ? new Target(e.children().get(n - 1), Kind.PART) : null;
        }
        if (e.message().isPresent()) {
            return step(new Target(e.message().get(), Kind.MESSAGE), n);
        }
        return null;
    }

    static Optional<byte[]> extract(MimePart root, Section section) {
        Optional<Target> found = resolve(root, section.part());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Target t = found.get();
        MimePart e = t.entity();
        byte[] b = e.headers().message();
        if (section.text().isEmpty()) {
            return Optional.of(t.kind() == Kind.MESSAGE
                    ? Arrays.copyOfRange(b, e.start(), e.end())
                    : Arrays.copyOfRange(b, e.bodyStart(), e.end()));
        }
        Section.Text text = section.text().get();
        if (text instanceof Section.Text.Mime) {
            return t.kind() == Kind.MESSAGE ? Optional.empty()
                    : Optional.of(Arrays.copyOfRange(b, e.start(), e.bodyStart()));
        }
        Optional<MimePart> message = t.kind() == Kind.MESSAGE ? Optional.of(e) : e.message();
        return message.map(m -> switch (text) {
            case Section.Text.Header h -> Arrays.copyOfRange(b, m.start(), m.bodyStart());
            case Section.Text.Body body -> Arrays.copyOfRange(b, m.bodyStart(), m.end());
            case Section.Text.HeaderFields fields -> headerFields(m.headers(), fields);
            case Section.Text.Mime mime -> throw new IllegalStateException("handled above");
        });
    }

    /**
     * The selected fields with their original octets and folding, in message order, followed by the
     * header's empty line when it has one (RFC 9051 §6.4.5: "the blank line is included in all header
     * fetches").
     */
    static byte[] headerFields(Headers h, Section.Text.HeaderFields spec) {
        byte[] b = h.message();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HeaderField f : h.fields()) {
            boolean listed = !f.name().isEmpty() && spec.lists(f.name());
            if (listed != spec.not()) {
                out.write(b, f.start(), f.end() - f.start());
            }
        }
        out.write(b, h.blankLine(), h.bodyStart() - h.blankLine());
        return out.toByteArray();
    }
}
