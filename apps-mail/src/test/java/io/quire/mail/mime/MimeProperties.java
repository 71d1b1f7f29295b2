package io.quire.mail.mime;

import io.quire.mail.imap.ImapValueReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The MIME layer is total: hostile headers and structures give grammatical, self-consistent FETCH data. */
class MimeProperties {

    @Provide
    Arbitrary<String> addressSoup() {
        return Arbitraries.strings().withChars("<>@,;:.\"()[]\\ \tab=?é").ofMaxLength(60);
    }

    @Property(tries = 2000)
    void anyAddressFieldGivesAGrammaticalEnvelope(@ForAll("addressSoup") String field) {
        List<Address> list = AddressParser.parse(field);
        Envelope e = new Envelope(Optional.of(field), Optional.empty(), list, list, list, list, list, list,
                Optional.empty(), Optional.empty());
        BodyGrammar.envelope(ImapValueReader.read(Render.envelopeBytes(e)));
    }

    @Property(tries = 1000)
    void anyDateFieldParsesOrIsEmpty(@ForAll("dateSoup") String field) {
        MailDates.parse(field);
    }

    @Provide
    Arbitrary<String> dateSoup() {
        Arbitrary<String> piece = Arbitraries.of("Thu,", "22", "Aug", "2002", "18:26:25", "+0700", "-9999", "GMT", "(x)",
                "99", "0", "24:61:61", "-", "Feb", "31", "1:2", "", "EDT", "+", "12345678901");
        return piece.list().ofMaxSize(7).map(l -> String.join(" ", l));
    }

    /**
     * Messages assembled from the fragments that break MIME parsers: boundaries that match, nearly match,
     * close early or never come, nested message/rfc822 and multipart headers, bare LF and CRLF, blank lines
     * and stray continuation lines.
     */
    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> fragment = Arbitraries.of(
                "Content-Type: multipart/mixed; boundary=b\r\n", "Content-Type: multipart/mixed; boundary=bb\n",
                "Content-Type: multipart/digest; boundary=\"b\"\r\n", "Content-Type: message/rfc822\r\n",
                "Content-Type: text/plain; charset=utf-8\r\n", "Content-Type: multipart/alternative\r\n",
                "Content-Transfer-Encoding: base64\r\n", "Content-Transfer-Encoding: quoted-printable\n",
                "Content-Transfer-Encoding: x-bogus\r\n", "Content-Disposition: attachment; filename=\"a\\\"b\"\r\n",
                "Subject: hi\r\n", " folded\r\n", "From: a@b\r\n", "no colon line\r\n",
                "\r\n", "\n", "--b\r\n", "--b--\r\n", "--bb\n", "--b \r\n", "--bx\r\n", "--b--junk\r\n",
                "body text\r\n", "QUFBQQ==\r\n", "caf=C3=A9=\r\n", "\r", "é\r\n", "--b");
        return fragment.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void anyMessageYieldsGrammaticalConsistentFetchData(@ForAll("messages") String message) {
        CorpusTest.check(ParsedMessage.parse(message.getBytes(StandardCharsets.UTF_8)));
    }
}
