package io.quire.mail.imap.parse;

import io.quire.mail.mime.Partial;
import io.quire.mail.mime.Section;
import java.util.List;
import java.util.Optional;

/**
 * One FETCH data item (RFC 9051 §6.4.5, RFC 3501 §6.4.5 for the RFC822 forms, BINARY RFC 3516 §4.2,
 * MODSEQ RFC 7162 §3.1.4). The macros ALL, FAST and FULL are expanded by the parser.
 */
public sealed interface FetchItem {
    FetchItem FLAGS = new Flags();
    FetchItem INTERNALDATE = new InternalDate();
    FetchItem RFC822_SIZE = new Rfc822Size();
    FetchItem ENVELOPE = new Envelope();
    FetchItem BODY = new Body();
    FetchItem BODYSTRUCTURE = new BodyStructure();
    FetchItem UID = new Uid();
    FetchItem MODSEQ = new ModSeq();

    /** {@code ALL}: macro for FLAGS INTERNALDATE RFC822.SIZE ENVELOPE. */
    List<FetchItem> ALL = List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE);
    /** {@code FAST}: macro for FLAGS INTERNALDATE RFC822.SIZE. */
    List<FetchItem> FAST = List.of(FLAGS, INTERNALDATE, RFC822_SIZE);
    /** {@code FULL}: macro for FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY. */
    List<FetchItem> FULL = List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY);

    /** {@code FLAGS}. */
    record Flags() implements FetchItem {
    }

    /** {@code INTERNALDATE}. */
    record InternalDate() implements FetchItem {
    }

    /** {@code RFC822.SIZE}. */
    record Rfc822Size() implements FetchItem {
    }

    /** {@code RFC822}: like BODY[] but answered as RFC822 and setting \Seen (RFC 3501 §6.4.5). */
    record Rfc822() implements FetchItem {
    }

    /** {@code RFC822.HEADER}: like BODY.PEEK[HEADER]. */
    record Rfc822Header() implements FetchItem {
    }

    /** {@code RFC822.TEXT}: like BODY[TEXT], setting \Seen. */
    record Rfc822Text() implements FetchItem {
    }

    /** {@code ENVELOPE}. */
    record Envelope() implements FetchItem {
    }

    /** {@code BODY} without a section: the non-extensible body structure. */
    record Body() implements FetchItem {
    }

    /** {@code BODYSTRUCTURE}. */
    record BodyStructure() implements FetchItem {
    }

    /** {@code UID}. */
    record Uid() implements FetchItem {
    }

    /** {@code MODSEQ} (RFC 7162 §3.1.4.1). */
    record ModSeq() implements FetchItem {
    }

    /**
     * {@code BODY[section]<partial>} or {@code BODY.PEEK[section]<partial>}.
     *
     * @param section the section
     * @param partial the byte range, if any
     * @param peek    whether \Seen must not be set
     */
    record BodySection(Section section, Optional<Partial> partial, boolean peek) implements FetchItem {
        /**
         * The item name in the FETCH response: {@code BODY[section]} and the origin of a partial fetch,
         * never {@code .PEEK} (RFC 9051 §7.5.2), e.g. {@code BODY[HEADER.FIELDS (From)]<0>}.
         */
        public String responseLabel() {
            return "BODY[" + section.label() + "]" + partial.map(p -> "<" + p.origin() + ">").orElse("");
        }
    }

    /**
     * {@code BINARY[part]<partial>} or {@code BINARY.PEEK[part]<partial>} (RFC 3516 §4.2).
     *
     * @param part    the part numbers, empty for the whole message
     * @param partial the byte range of the decoded data, if any
     * @param peek    whether \Seen must not be set
     */
    record Binary(List<Integer> part, Optional<Partial> partial, boolean peek) implements FetchItem {
        /** Copies the part numbers. */
        public Binary {
            part = List.copyOf(part);
        }

        /** The item name in the FETCH response, e.g. {@code BINARY[1.2]<0>} (RFC 3516 §4.3). */
        public String responseLabel() {
            return "BINARY[" + dotted(part) + "]" + partial.map(p -> "<" + p.origin() + ">").orElse("");
        }
    }

    /**
     * {@code BINARY.SIZE[part]} (RFC 3516 §4.2).
     *
     * @param part the part numbers
     */
    record BinarySize(List<Integer> part) implements FetchItem {
        /** Copies the part numbers. */
        public BinarySize {
            part = List.copyOf(part);
        }

        /** The item name in the FETCH response, e.g. {@code BINARY.SIZE[1.2]}. */
        public String responseLabel() {
            return "BINARY.SIZE[" + dotted(part) + "]";
        }
    }

    private static String dotted(List<Integer> part) {
        StringBuilder sb = new StringBuilder();
        for (int n : part) {
            sb.append(sb.isEmpty() ? "" : ".").append(n);
        }
        return sb.toString();
    }
}
