package io.quire.mail.mime;

import io.quire.mail.imap.ImapValueReader.Value;
import java.util.List;

/** Checks rendered ENVELOPE and BODYSTRUCTURE trees against the RFC 9051 §9 grammar, for tests. */
final class BodyGrammar {
    private BodyGrammar() {
    }

    static void envelope(Value v) {
        List<Value> e = list(v, "envelope");
        check(e.size() == 10, "envelope has 10 fields: " + v);
        nstring(e.get(0));
        nstring(e.get(1));
        for (int i = 2; i < 8; i++) {
            if (!(e.get(i) instanceof Value.Nil)) {
                List<Value> addrs = list(e.get(i), "address list");
                check(!addrs.isEmpty(), "address list not empty");
                for (Value a : addrs) {
                    List<Value> parts = list(a, "address");
                    check(parts.size() == 4, "address has 4 fields: " + a);
                    parts.forEach(BodyGrammar::nstring);
                }
            }
        }
        nstring(e.get(8));
        nstring(e.get(9));
    }

    static void body(Value v, boolean ext) {
        List<Value> b = list(v, "body");
        check(!b.isEmpty(), "body not empty");
        if (b.getFirst() instanceof Value.Lst) {
            int i = 0;
            while (i < b.size() && b.get(i) instanceof Value.Lst) {
                body(b.get(i++), ext);
            }
            check(i < b.size() && b.get(i) instanceof Value.Str, "multipart subtype");
            int extra = b.size() - i - 1;
            check(extra == (ext ? 4 : 0), "multipart extension fields: " + extra);
            if (ext) {
                params(b.get(i + 1));
                disposition(b.get(i + 2));
                language(b.get(i + 3));
                nstring(b.get(i + 4));
            }
            return;
        }
        check(b.size() >= 7, "body-fields: " + v);
        String type = str(b.get(0));
        String subtype = str(b.get(1));
        params(b.get(2));
        nstring(b.get(3));
        nstring(b.get(4));
        str(b.get(5));
        check(b.get(6) instanceof Value.Num, "body-fld-octets");
        int i = 7;
        if (type.equals("TEXT")) {
            check(b.get(i++) instanceof Value.Num, "body-fld-lines");
        } else if (type.equals("MESSAGE") && (subtype.equals("RFC822") || subtype.equals("GLOBAL"))) {
            envelope(b.get(i++));
            body(b.get(i++), ext);
            check(b.get(i++) instanceof Value.Num, "message body-fld-lines");
        }
        check(b.size() - i == (ext ? 4 : 0), "single-part extension fields in " + v);
        if (ext) {
            nstring(b.get(i));
            disposition(b.get(i + 1));
            language(b.get(i + 2));
            nstring(b.get(i + 3));
        }
    }

    private static void params(Value v) {
        if (v instanceof Value.Nil) {
            return;
        }
        List<Value> p = list(v, "params");
        check(!p.isEmpty() && p.size() % 2 == 0, "params come in pairs");
        p.forEach(BodyGrammar::str);
    }

    private static void disposition(Value v) {
        if (v instanceof Value.Nil) {
            return;
        }
        List<Value> d = list(v, "disposition");
        check(d.size() == 2, "disposition has type and params");
        str(d.get(0));
        params(d.get(1));
    }

    private static void language(Value v) {
        if (v instanceof Value.Lst l) {
            check(!l.items().isEmpty(), "language list not empty");
            l.items().forEach(BodyGrammar::str);
        } else {
            nstring(v);
        }
    }

    private static List<Value> list(Value v, String what) {
        if (v instanceof Value.Lst l) {
            return l.items();
        }
        throw new AssertionError(what + " must be a list: " + v);
    }

    private static String str(Value v) {
        if (v instanceof Value.Str s) {
            return s.text();
        }
        throw new AssertionError("string expected: " + v);
    }

    private static void nstring(Value v) {
        check(v instanceof Value.Nil || v instanceof Value.Str, "nstring expected: " + v);
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
