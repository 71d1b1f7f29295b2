package io.quire.mail.mime;

import java.util.List;
import java.util.Optional;

/**
 * The IMAP BODYSTRUCTURE of a message or part (RFC 9051 §7.5.2, {@code body} in §9); the non-extensible
 * BODY form is the same tree written without extension data.
 *
 * <p>Types, subtypes, parameter names and encodings are upper-cased, as in the RFC's examples; parameter
 * values and other strings are as written in the message.
 */
public sealed interface BodyStructure {

    /**
     * {@code body-fields}: what every single part has.
     *
     * @param type        the media type, e.g. {@code TEXT}
     * @param subtype     the subtype, e.g. {@code PLAIN}
     * @param params      Content-Type parameters (NIL when empty)
     * @param id          Content-ID
     * @param description Content-Description
     * @param encoding    Content-Transfer-Encoding, e.g. {@code 7BIT}
     * @param size        body size in octets
     */
    record Fields(String type, String subtype, List<Param> params, Optional<String> id, Optional<String> description,
                  String encoding, long size) {
        /** Copies the parameters. */
        public Fields {
            params = List.copyOf(params);
        }
    }

    /**
     * Extension data of a single part ({@code body-ext-1part}).
     *
     * @param md5         Content-MD5
     * @param disposition Content-Disposition
     * @param language    Content-Language tags (NIL when empty)
     * @param location    Content-Location (RFC 2557)
     */
    record Extension(Optional<String> md5, Optional<Disposition> disposition, List<String> language,
                     Optional<String> location) {
        /** Copies the languages. */
        public Extension {
            language = List.copyOf(language);
        }
    }

    /** Any single part that is neither text nor an encapsulated message ({@code body-type-basic}). */
    record Basic(Fields fields, Extension extension) implements BodyStructure {
    }

    /** A {@code text/*} part, with its line count ({@code body-type-text}). */
    record Text(Fields fields, long lines, Extension extension) implements BodyStructure {
    }

    /**
     * A {@code message/rfc822} part with the envelope and structure of the message inside and its line count
     * ({@code body-type-msg}).
     */
    record Message(Fields fields, Envelope envelope, BodyStructure body, long lines, Extension extension)
            implements BodyStructure {
    }

    /**
     * A multipart ({@code body-type-mpart}) with its extension data ({@code body-ext-mpart}).
     *
     * @param parts       one or more parts
     * @param subtype     e.g. {@code MIXED}
     * @param params      Content-Type parameters, boundary included
     * @param disposition Content-Disposition
     * @param language    Content-Language tags
     * @param location    Content-Location
     */
    record Multipart(List<BodyStructure> parts, String subtype, List<Param> params, Optional<Disposition> disposition,
                     List<String> language, Optional<String> location) implements BodyStructure {
        /** Copies the lists. */
        public Multipart {
            parts = List.copyOf(parts);
            params = List.copyOf(params);
            language = List.copyOf(language);
        }
    }
}
