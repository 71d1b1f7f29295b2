package io.quire.mail.imap.session;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.mime.BodyStructure;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** One data item of a FETCH response (RFC 9051 §7.5.2), as a value. */
public sealed interface FetchAttr {

    /** {@code UID n}. */
    record Uid(long uid) implements FetchAttr {
    }

    /** {@code FLAGS (...)}. */
    record Flags(List<Flag> flags) implements FetchAttr {
        /** Copies the flags. */
        public Flags {
            flags = List.copyOf(flags);
        }
    }

    /** {@code INTERNALDATE "dd-Mon-yyyy hh:mm:ss +zzzz"}. */
    record InternalDate(Instant date) implements FetchAttr {
    }

    /** {@code RFC822.SIZE n}. */
    record Size(long octets) implements FetchAttr {
    }

    /** {@code MODSEQ (n)} (RFC 7162 §3.1.4.1). */
    record ModSeq(long modSeq) implements FetchAttr {
    }

    /** {@code ENVELOPE (...)}. */
    record Envelope(io.quire.mail.mime.Envelope envelope) implements FetchAttr {
    }

    /** {@code BODYSTRUCTURE (...)} when {@code extensible}, else {@code BODY (...)}. */
    record Structure(BodyStructure structure, boolean extensible) implements FetchAttr {
    }

    /**
     * {@code label data}: {@code BODY[section]<origin>}, {@code RFC822}, {@code RFC822.HEADER},
     * {@code RFC822.TEXT}; NIL when the section does not exist.
     */
    record Section(String label, Optional<byte[]> data) implements FetchAttr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Section s && s.label.equals(label) && s.data.isPresent() == data.isPresent()
                    && (data.isEmpty() || Arrays.equals(s.data.get(), data.get()));
        }

        @Override
        public int hashCode() {
            return label.hashCode() * 31 + data.map(Arrays::hashCode).orElse(0);
        }

        @Override
        public String toString() {
            return "Section[" + label + ", " + data.map(d -> d.length + " octets").orElse("NIL") + "]";
        }
    }

    /** {@code BINARY[part]<origin> data} (RFC 3516 §4.2); NIL when the part does not exist. */
    record Binary(String label, Optional<byte[]> data) implements FetchAttr {
        @Override
        public boolean equals(Object o) {
            return o instanceof Binary s && s.label.equals(label) && s.data.isPresent() == data.isPresent()
                    && (data.isEmpty() || Arrays.equals(s.data.get(), data.get()));
        }

        @Override
        public int hashCode() {
            return label.hashCode() * 31 + data.map(Arrays::hashCode).orElse(0);
        }

        @Override
        public String toString() {
            return "Binary[" + label + ", " + data.map(d -> d.length + " octets").orElse("NIL") + "]";
        }
    }

    /** {@code BINARY.SIZE[part] n} (RFC 3516 §4.2). */
    record BinarySize(String label, long size) implements FetchAttr {
    }
}
