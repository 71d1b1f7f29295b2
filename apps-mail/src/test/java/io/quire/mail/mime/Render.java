package io.quire.mail.mime;

import io.quire.mail.imap.encode.BodyStructureWriter;
import io.quire.mail.imap.encode.EnvelopeWriter;
import io.quire.mail.imap.encode.ResponseWriter;

/** Renders MIME values the way FETCH sends them, for assertions. */
final class Render {
    private Render() {
    }

    static String envelope(Envelope e) {
        ResponseWriter w = new ResponseWriter(false);
        EnvelopeWriter.write(w, e);
        return w.toString();
    }

    static String bodyStructure(BodyStructure b, boolean extensible) {
        ResponseWriter w = new ResponseWriter(false);
        BodyStructureWriter.write(w, b, extensible);
        return w.toString();
    }

    static byte[] bodyStructureBytes(BodyStructure b, boolean extensible) {
        ResponseWriter w = new ResponseWriter(false);
        BodyStructureWriter.write(w, b, extensible);
        return w.toBytes();
    }

    static byte[] envelopeBytes(Envelope e) {
        ResponseWriter w = new ResponseWriter(false);
        EnvelopeWriter.write(w, e);
        return w.toBytes();
    }
}
