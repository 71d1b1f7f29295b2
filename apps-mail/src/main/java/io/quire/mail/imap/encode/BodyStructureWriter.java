package io.quire.mail.imap.encode;

import io.quire.mail.mime.BodyStructure;
import io.quire.mail.mime.Disposition;
import io.quire.mail.mime.Param;
import java.util.List;
import java.util.Optional;

/**
 * Writes BODYSTRUCTURE (with extension data) or BODY (without), RFC 9051 §7.5.2 and §9 {@code body}:
 *
 * <pre>
 * body-type-basic = media-basic SP body-fields
 * body-type-text  = media-text SP body-fields SP body-fld-lines
 * body-type-msg   = media-message SP body-fields SP envelope SP body SP body-fld-lines
 * body-fields     = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
 * body-ext-1part  = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
 * body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
 * body-ext-mpart  = body-fld-param [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc]]]
 * </pre>
 *
 * All four extension fields are always written, NIL when absent, as most servers do.
 */
public final class BodyStructureWriter {
    private BodyStructureWriter() {
    }

    /** Writes {@code structure}; {@code extensible} selects BODYSTRUCTURE rather than BODY. */
    public static void write(ResponseWriter w, BodyStructure structure, boolean extensible) {
        w.openList();
        switch (structure) {
            case BodyStructure.Basic b -> {
                fields(w, b.fields());
                if (extensible) {
                    extension(w, b.extension());
                }
            }
            case BodyStructure.Text t -> {
                fields(w, t.fields());
                w.number(t.lines());
                if (extensible) {
                    extension(w, t.extension());
                }
            }
            case BodyStructure.Message m -> {
                fields(w, m.fields());
                EnvelopeWriter.write(w, m.envelope());
                write(w, m.body(), extensible);
                w.number(m.lines());
                if (extensible) {
                    extension(w, m.extension());
                }
            }
            case BodyStructure.Multipart mp -> {
                // body-type-mpart: the parts follow each other without separating spaces.
                for (BodyStructure part : mp.parts()) {
                    write(w.glue(), part, extensible);
                }
                w.string(mp.subtype());
                if (extensible) {
                    params(w, mp.params());
                    disposition(w, mp.disposition());
                    language(w, mp.language());
                    w.nstring(mp.location());
                }
            }
        }
        w.closeList();
    }

    private static void fields(ResponseWriter w, BodyStructure.Fields f) {
        w.string(f.type()).string(f.subtype());
        params(w, f.params());
        w.nstring(f.id()).nstring(f.description()).string(f.encoding()).number(f.size());
    }

    private static void extension(ResponseWriter w, BodyStructure.Extension e) {
        w.nstring(e.md5());
        disposition(w, e.disposition());
        language(w, e.language());
        w.nstring(e.location());
    }

    private static void params(ResponseWriter w, List<Param> params) {
        if (params.isEmpty()) {
            w.nil();
            return;
        }
        w.openList();
        for (Param p : params) {
            w.string(p.name()).string(p.value());
        }
        w.closeList();
    }

    private static void disposition(ResponseWriter w, Optional<Disposition> d) {
        if (d.isEmpty()) {
            w.nil();
            return;
        }
        w.openList().string(d.get().type());
        params(w, d.get().params());
        w.closeList();
    }

    private static void language(ResponseWriter w, List<String> tags) {
        if (tags.isEmpty()) {
            w.nil();
        } else if (tags.size() == 1) {
            w.string(tags.getFirst());
        } else {
            w.openList();
            tags.forEach(w::string);
            w.closeList();
        }
    }
}
