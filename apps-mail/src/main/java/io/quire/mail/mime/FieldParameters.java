package io.quire.mail.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * Splits a structured field body ({@code value; name=value; ...}) with mime4j's lenient
 * {@link RawFieldParser}, which copes with comments, quoting and the broken forms in real mail.
 *
 * <p>mime4j reads octets as ISO-8859-1 characters; results are re-read as UTF-8 where that is valid, the same
 * rule as {@link HeaderText}.
 *
 * @param value  the main value, e.g. {@code text/plain} or {@code attachment}, trimmed
 * @param params the parameters in order, names as written
 */
record FieldParameters(String value, List<Param> params) {

    static FieldParameters parse(byte[] message, HeaderField field) {
        byte[] unfolded = new byte[field.end() - field.valueStart()];
        int n = 0;
        for (int i = field.valueStart(); i < field.end(); i++) {
            byte c = message[i];
            if (c != '\r' && c != '\n') {
                unfolded[n++] = c;
            }
        }
        ByteArrayBuffer buffer = new ByteArrayBuffer(unfolded, n, true);
        RawBody body = RawFieldParser.DEFAULT.parseRawBody(buffer, new ParserCursor(0, n));
        List<Param> params = new ArrayList<>();
        for (NameValuePair p : body.getParams()) {
            if (p.getName() != null && !p.getName().isBlank()) {
                params.add(new Param(reread(p.getName().trim()), p.getValue() == null ? "" : reread(p.getValue())));
            }
        }
        String value = body.getValue() == null ? "" : reread(body.getValue().trim());
        return new FieldParameters(value, params);
    }

    /** The first parameter with this name, ignoring ASCII case. */
    String param(String name) {
        for (Param p : params) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    private static String reread(String latin1) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        return HeaderText.decode(bytes, 0, bytes.length);
    }
}
