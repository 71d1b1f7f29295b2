package io.quire.mail.imap.protocol;

import java.util.List;
import java.util.Optional;

/**
 * A response code, the bracketed part of a status response (RFC 9051 §7.1, RFC 5530, and the extension
 * that defines each code).
 *
 * <p>Codes without arguments are the constants of {@link Plain}; codes with arguments are records.
 * {@code io.quire.mail.imap.encode.ResponseWriter#code} writes them.
 */
public sealed interface ResponseCode {

    /** The code's atom as written on the wire, e.g. {@code UIDVALIDITY}. */
    String atom();

    /** Codes that carry no arguments. */
    enum Plain implements ResponseCode {
        ALERT("ALERT"),
        PARSE("PARSE"),
        READ_ONLY("READ-ONLY"),
        READ_WRITE("READ-WRITE"),
        TRYCREATE("TRYCREATE"),
        /** RFC 4315 UIDPLUS. */
        UIDNOTSTICKY("UIDNOTSTICKY"),
        /** RFC 7162 §3.1.2: the mailbox has no persistent mod-sequences. */
        NOMODSEQ("NOMODSEQ"),
        /** RFC 7162 §3.2.11: the previous mailbox was closed by SELECT/EXAMINE. */
        CLOSED("CLOSED"),
        /** RFC 3516. */
        UNKNOWN_CTE("UNKNOWN-CTE"),
        /** RFC 6154 CREATE-SPECIAL-USE. */
        USEATTR("USEATTR"),
        /** RFC 9051 §7.1. */
        HASCHILDREN("HASCHILDREN"),
        /** RFC 4469 / RFC 7889 / RFC 7888. */
        TOOBIG("TOOBIG"),
        // RFC 5530 response codes follow.
        UNAVAILABLE("UNAVAILABLE"),
        AUTHENTICATIONFAILED("AUTHENTICATIONFAILED"),
        AUTHORIZATIONFAILED("AUTHORIZATIONFAILED"),
        EXPIRED("EXPIRED"),
        PRIVACYREQUIRED("PRIVACYREQUIRED"),
        CONTACTADMIN("CONTACTADMIN"),
        NOPERM("NOPERM"),
        INUSE("INUSE"),
        EXPUNGEISSUED("EXPUNGEISSUED"),
        CORRUPTION("CORRUPTION"),
        SERVERBUG("SERVERBUG"),
        CLIENTBUG("CLIENTBUG"),
        CANNOT("CANNOT"),
        LIMIT("LIMIT"),
        OVERQUOTA("OVERQUOTA"),
        ALREADYEXISTS("ALREADYEXISTS"),
        NONEXISTENT("NONEXISTENT");

        private final String atom;

        Plain(String atom) {
            this.atom = atom;
        }

        @Override
        public String atom() {
            return atom;
        }
    }

    /** {@code [UIDVALIDITY n]} (RFC 9051 §7.1). */
    record UidValidity(long value) implements ResponseCode {
        @Override
        public String atom() {
            return "UIDVALIDITY";
        }
    }

    /** {@code [UIDNEXT n]} (RFC 9051 §7.1). */
    record UidNext(long value) implements ResponseCode {
        @Override
        public String atom() {
            return "UIDNEXT";
        }
    }

    /** {@code [UNSEEN n]}, the first unseen message number (RFC 3501 §7.1; gone in RFC 9051). */
    record Unseen(long messageNumber) implements ResponseCode {
        @Override
        public String atom() {
            return "UNSEEN";
        }
    }

    /** {@code [HIGHESTMODSEQ n]} (RFC 7162 §3.1.1). */
    record HighestModSeq(long value) implements ResponseCode {
        @Override
        public String atom() {
            return "HIGHESTMODSEQ";
        }
    }

    /** {@code [MODIFIED set]}: messages STORE did not change because of UNCHANGEDSINCE (RFC 7162 §3.1.3). */
    record Modified(SequenceSet set) implements ResponseCode {
        @Override
        public String atom() {
            return "MODIFIED";
        }
    }

    /** {@code [APPENDUID uidvalidity uid-set]} (RFC 4315 §3). */
    record AppendUid(long uidValidity, SequenceSet uids) implements ResponseCode {
        @Override
        public String atom() {
            return "APPENDUID";
        }
    }

    /**
     * {@code [COPYUID uidvalidity source-set dest-set]} (RFC 4315 §3); both sets list UIDs in corresponding
     * order, so build them with {@code UidSetEncoder#inOrder}.
     */
    record CopyUid(long uidValidity, SequenceSet source, SequenceSet destination) implements ResponseCode {
        @Override
        public String atom() {
            return "COPYUID";
        }
    }

    /**
     * {@code [PERMANENTFLAGS (flags)]} (RFC 9051 §7.1).
     *
     * @param flags       the flags the client can change permanently
     * @param newKeywords whether {@code \*} is included: the client may create keywords
     */
    record PermanentFlags(List<Flag> flags, boolean newKeywords) implements ResponseCode {
        /** Copies the flags. */
        public PermanentFlags {
            flags = List.copyOf(flags);
        }

        @Override
        public String atom() {
            return "PERMANENTFLAGS";
        }
    }

    /** {@code [CAPABILITY ...]} (RFC 9051 §7.1). */
    record Capability(List<String> capabilities) implements ResponseCode {
        /** Copies the capabilities. */
        public Capability {
            capabilities = List.copyOf(capabilities);
        }

        @Override
        public String atom() {
            return "CAPABILITY";
        }
    }

    /** {@code [BADCHARSET (charsets)]} (RFC 9051 §7.1). */
    record BadCharset(List<String> supported) implements ResponseCode {
        /** Copies the charsets. */
        public BadCharset {
            supported = List.copyOf(supported);
        }

        @Override
        public String atom() {
            return "BADCHARSET";
        }
    }

    /**
     * Any other code: an atom with an optional free-text argument (RFC 9051 {@code atom [SP 1*<any TEXT-CHAR
     * except "]">]}).
     */
    record Other(String atom, Optional<String> argument) implements ResponseCode {
        /** Checks the atom. */
        public Other {
            if (!ImapChars.isAtom(atom)) {
                throw new IllegalArgumentException("response code must be an atom: " + atom);
            }
        }
    }
}
