package io.quire.mail.mime;

import java.util.List;

/**
 * A Content-Disposition (RFC 2183), e.g. {@code attachment; filename="a.pdf"}.
 *
 * @param type   the disposition type as written, e.g. {@code attachment}
 * @param params its parameters in order
 */
public record Disposition(String type, List<Param> params) {
    /** Copies the parameters. */
    public Disposition {
        params = List.copyOf(params);
    }
}
