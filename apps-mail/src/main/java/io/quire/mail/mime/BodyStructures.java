package io.quire.mail.mime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Builds the {@link BodyStructure} of a parsed entity. */
final class BodyStructures {
    private BodyStructures() {
    }

    static BodyStructure of(MimePart part) {
        Headers h = part.headers();
        MediaType type = part.type();
        Optional<Disposition> disposition = disposition(h);
        List<String> language = language(h);
        Optional<String> location = h.text("Content-Location").map(BodyStructures::stripBlanks);
        if (part.isMultipart()) {
            List<BodyStructure> parts = new ArrayList<>(part.children().size());
            for (MimePart child : part.children()) {
                parts.add(of(child));
            }
            return new BodyStructure.Multipart(parts, upper(type.subtype()), upperNames(type.params()), disposition,
                    language, location);
        }
        List<Param> params = upperNames(type.params());
        if (type.isText() && type.param("charset") == null) {
            // RFC 2045 §5.2 / RFC 2046 §4.1.2: text without a charset parameter is US-ASCII; say so, as the
            // RFC 9051 examples and most servers do, so clients need not know the default.
            params = new ArrayList<>(params);
            params.add(new Param("CHARSET", "us-ascii"));
        }
        BodyStructure.Fields fields = new BodyStructure.Fields(upper(type.type()), upper(type.subtype()),
                params, h.text("Content-ID"), h.text("Content-Description"), upper(part.encoding()), part.bodySize());
        BodyStructure.Extension ext = new BodyStructure.Extension(h.text("Content-MD5"), disposition, language, location);
        if (part.message().isPresent()) {
            MimePart inner = part.message().get();
            return new BodyStructure.Message(fields, Envelope.of(inner.headers()), of(inner), part.bodyLines(), ext);
        }
        if (type.isText()) {
            return new BodyStructure.Text(fields, part.bodyLines(), ext);
        }
        return new BodyStructure.Basic(fields, ext);
    }

    private static Optional<Disposition> disposition(Headers h) {
        return h.first("Content-Disposition").map(f -> FieldParameters.parse(h.message(), f))
                .filter(p -> !p.value().isEmpty())
                .map(p -> new Disposition(upper(p.value()), upperNames(p.params())));
    }

    /** RFC 3282 Content-Language: comma-separated language tags, comments ignored. */
    private static List<String> language(Headers h) {
        List<String> tags = new ArrayList<>();
        h.text("Content-Language").ifPresent(value -> {
            for (String tag : value.replaceAll("\\([^)]*\\)", " ").split(",")) {
                String t = tag.trim();
                if (!t.isEmpty()) {
                    tags.add(t);
                }
            }
        });
        return tags;
    }

    /** RFC 2557 §4.4: folding blanks in Content-Location are not part of the URI. */
    private static String stripBlanks(String location) {
        return location.replace(" ", "").replace("\t", "");
    }

    private static List<Param> upperNames(List<Param> params) {
        List<Param> out = new ArrayList<>(params.size());
        for (Param p : params) {
            out.add(new Param(upper(p.name()), p.value()));
        }
        return out;
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
