package io.quire.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Address lists as ENVELOPE shows them. */
class AddressParserTest {

    private static String env(String header) {
        List<Address> list = AddressParser.parse(header);
        Envelope e = new Envelope(Optional.empty(), Optional.empty(), list, list, list, list, list, list,
                Optional.empty(), Optional.empty());
        String s = Render.envelope(e);
        // Take the From member: the third element of the rendered envelope.
        int start = "(NIL NIL ".length();
        if (s.startsWith("(NIL NIL NIL")) {
            return "NIL";
        }
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return s.substring(start, i + 1);
            }
        }
        throw new AssertionError(s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // RFC 5322 Appendix A examples.
        "John Doe <jdoe@machine.example>|((\"John Doe\" NIL \"jdoe\" \"machine.example\"))",
        "Mary Smith <mary@example.net>, \"Joe Q. Public\" <john.q.public@example.com>|((\"Mary Smith\" NIL \"mary\" \"example.net\")(\"Joe Q. Public\" NIL \"john.q.public\" \"example.com\"))",
        "A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;|((NIL NIL \"A Group\" NIL)(\"Ed Jones\" NIL \"c\" \"a.test\")(NIL NIL \"joe\" \"where.test\")(\"John\" NIL \"jdoe\" \"one.test\")(NIL NIL NIL NIL))",
        "Undisclosed recipients:;|((NIL NIL \"Undisclosed recipients\" NIL)(NIL NIL NIL NIL))",
        "Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>|((\"Pete\" NIL \"pete\" \"silly.test\"))",
        "Joe Q. Public <john.q.public@example.com>|((\"Joe Q. Public\" NIL \"john.q.public\" \"example.com\"))",
        // Obsolete forms and real-world breakage.
        "<@a.test,@b.test:joe@c.test>|((NIL \"@a.test,@b.test\" \"joe\" \"c.test\"))",
        "joe@example.com (Joe Bloggs)|((\"Joe Bloggs\" NIL \"joe\" \"example.com\"))",
        "=?utf-8?Q?Andr=C3=A9?= Pirard <PIRARD@vm1.ulg.ac.be>|((\"=?utf-8?Q?Andr=C3=A9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\"))",
        "\"=?iso-8859-1?q?J=F6rg?=\" <j@x.test>|((\"=?iso-8859-1?q?J=F6rg?=\" NIL \"j\" \"x.test\"))",
        "\"john doe\"@example.com|((NIL NIL \"\\\"john doe\\\"\" \"example.com\"))",
        "undisclosed-recipients|((NIL NIL \"undisclosed-recipients\" \"\"))",
        "<>|((NIL NIL \"\" \"\"))",
        "Joe <joe@x.test|((\"Joe\" NIL \"joe\" \"x.test\"))",
        "a@b.test,,c@d.test,|((NIL NIL \"a\" \"b.test\")(NIL NIL \"c\" \"d.test\"))",
        "\"Doe, John\" <jd@x.test>|((\"Doe, John\" NIL \"jd\" \"x.test\"))",
        "joe@[192.168.0.1]|((NIL NIL \"joe\" \"[192.168.0.1]\"))",
        "G: a@b.test, H: c@d.test;;|((NIL NIL \"G\" NIL)(NIL NIL \"a\" \"b.test\")(NIL NIL \"c\" \"d.test\")(NIL NIL NIL NIL))",
        "``|NIL",
        // Found by MimeProperties: a stray ')' made the lexer loop forever.
        "a@b.test)|((NIL NIL \"a\" \"b.test\"))",
        ")|NIL",
        "\"unterminated <x@y.test>|((NIL NIL \"\\\"unterminated <x@y.test>\\\"\" \"\"))",
    })
    void addressListsAreReadAsEnvelopeAddresses(String header, String expected) {
        assertEquals(expected, env(header));
    }
}
