package io.quire.mail.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MessageSummaryTest {

    @Test
    void summarisesTheHeaderFactsSortAndSearchNeed() {
        String msg = "From: Joe <joe@x.test>\r\nTo: a@b.test, c@d.test\r\nSubject: =?utf-8?q?caf=C3=A9?= time\r\n"
                + "Date: Thu, 22 Aug 2002 18:26:25 +0700\r\nMessage-ID: <m1@x>\r\nReferences: <r1@x>\r\n <r2@x> junk\r\n\r\nbody\r\n";
        MessageSummary s = MessageSummary.of(msg.getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of(new Address.Mailbox(Optional.of("Joe"), Optional.empty(), "joe", "x.test")), s.from());
        assertEquals(2, s.to().size());
        assertEquals(Optional.of("café time"), s.decodedSubject());
        assertEquals(Optional.of("=?utf-8?q?caf=C3=A9?= time"), s.subject());
        assertEquals(Optional.of(OffsetDateTime.of(2002, 8, 22, 18, 26, 25, 0, ZoneOffset.ofHours(7))), s.date());
        assertEquals(List.of("<r1@x>", "<r2@x>"), s.references());
        assertEquals(msg.length(), s.size());
        assertEquals(msg.indexOf("body"), s.bodyOffset());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Thu, 22 Aug 2002 18:26:25 +0700|2002-08-22T18:26:25+07:00",
        "22 Aug 2002 18:26:25 -0000|2002-08-22T18:26:25Z",
        "Mon, 7 Feb 1994 21:52:25 -0800 (PST)|1994-02-07T21:52:25-08:00",
        "Thu, 22 Aug 02 18:26 EDT|2002-08-22T18:26-04:00",
        "Sun, 1 Sep 99 10:00:00 PST|1999-09-01T10:00-08:00",
        "Thu Aug 22 12:36:23 2002|2002-08-22T12:36:23Z",
        "22-Aug-2002 10:00:00 +0100|2002-08-22T10:00+01:00",
        "Fri, 30 Feb 2002 10:00:00 +0000|",
        "yesterday|",
        "|",
    })
    void readsRfc5322AndObsoleteDates(String value, String expected) {
        assertEquals(Optional.ofNullable(expected).map(OffsetDateTime::parse), MailDates.parse(value == null ? "" : value));
    }
}
