package io.quire.mail.imap.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.smtp.Clients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Python's {@code imaplib} against the server on the real store: the everyday commands a client library sends, and
 * IDLE through a raw socket (imaplib has no IDLE in Python 3.11). Needs the Debian package {@code python3}.
 */
class ImaplibIT {
    static RealMailStore store;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        store = RealMailStore.withTestUsers();
        server = TestServer.start(store.store(), TestServer.testOptions());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        store.close();
    }

    private static void run(String script) {
        Clients.Result r = Clients.python(script, Integer.toString(server.port()));
        assertEquals(0, r.exit(), r.all());
        assertEquals("ok\n", r.stdout(), r.all());
    }

    @Test
    void loginSelectAppendFetchStoreSearchCopyMoveExpunge() {
        run("""
                import imaplib, sys, time
                m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
                assert m.login("alice@example.org", "secret")[0] == "OK"
                typ, data = m.select("INBOX")
                assert (typ, data) == ("OK", [b"0"]), data
                msg = b"From: a@example.org\\r\\nTo: alice@example.org\\r\\nSubject: imaplib test\\r\\n\\r\\nHello from imaplib\\r\\n"
                typ, data = m.append("INBOX", r"(\\Seen)", imaplib.Time2Internaldate(time.time()), msg)
                assert typ == "OK" and b"APPENDUID" in data[0], data
                assert m.append("INBOX", None, None, b"Subject: second\\r\\n\\r\\nsecond body\\r\\n")[0] == "OK"
                assert m.search(None, "ALL")[1] == [b"1 2"]
                typ, data = m.fetch("1", "(RFC822)")
                assert data[0][1] == msg, data
                typ, data = m.fetch("2", "(BODY.PEEK[HEADER.FIELDS (SUBJECT)])")
                assert b"Subject: second" in data[0][1], data
                assert m.search(None, "UNSEEN")[1] == [b"2"]
                typ, data = m.store("2", "+FLAGS", r"(\\Flagged)")
                assert typ == "OK" and b"\\\\Flagged" in data[0], data
                assert m.search(None, "FLAGGED")[1] == [b"2"]
                assert m.uid("SEARCH", None, "SUBJECT", "imaplib")[1] == [b"1"]
                assert m.search("UTF-8", "BODY", "second")[1] == [b"2"]
                assert m.create("Kept")[0] == "OK"
                typ, data = m.copy("1", "Kept")
                assert typ == "OK" and b"COPYUID" in data[0], data
                typ, data = m.uid("MOVE", "2", "Kept")
                assert typ == "OK", data
                assert m.status("Kept", "(MESSAGES)")[1] == [b'"Kept" (MESSAGES 2)'], m.status("Kept", "(MESSAGES)")
                assert m.select("INBOX")[1] == [b"1"]
                m.store("1", "+FLAGS", r"(\\Deleted)")
                typ, data = m.expunge()
                assert data == [b"1"], data
                typ, data = m.select("Kept", readonly=True)
                assert data == [b"2"], data
                typ, data = m.fetch("1:*", "(UID FLAGS)")
                assert data == [b"1 (UID 1 FLAGS (\\\\Seen))", b"2 (UID 2 FLAGS (\\\\Flagged))"], data
                typ, data = m.list()
                assert any(b'"Kept"' in line for line in data), data
                assert m.close()[0] == "OK"
                assert m.logout()[0] == "BYE"
                print("ok")
                """);
    }

    @Test
    void aFetchOfManyLargeBodiesArrivesWholeThroughTheChunkedWriter() {
        run("""
                import imaplib, sys
                m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
                m.login("alice@example.org", "secret")
                m.create("Big")
                bodies = []
                for i in range(12):
                    line = ("%02d" % i) * 38 + "\\r\\n"
                    body = ("Subject: big %d\\r\\n\\r\\n" % i + line * 7800).encode()
                    bodies.append(body)
                    assert m.append("Big", None, None, body)[0] == "OK"
                m.select("Big", readonly=True)
                typ, data = m.fetch("1:*", "(BODY.PEEK[])")
                got = [d[1] for d in data if isinstance(d, tuple)]
                assert got == bodies, [len(g) for g in got]
                assert sum(len(g) for g in got) > 7_000_000
                m.logout()
                print("ok")
                """);
    }

    @Test
    void idleSeesAnotherClientsAppendThroughARawSocket() {
        run("""
                import imaplib, socket, sys, time
                port = int(sys.argv[1])
                s = socket.create_connection(("127.0.0.1", port), timeout=5)
                f = s.makefile("rb")
                def line():
                    return f.readline().decode().rstrip("\\r\\n")
                def send(text):
                    s.sendall(text.encode() + b"\\r\\n")
                def until(tag):
                    while True:
                        l = line()
                        if l.startswith(tag + " "):
                            return l
                assert line().startswith("* OK")
                send("a LOGIN bob@example.org hunter2"); assert until("a").startswith("a OK")
                send("b SELECT INBOX"); assert until("b").startswith("b OK")
                send("c IDLE"); assert line() == "+ idling"
                other = imaplib.IMAP4("127.0.0.1", port)
                other.login("bob@example.org", "hunter2")
                t0 = time.time()
                other.append("INBOX", None, None, b"Subject: ping\\r\\n\\r\\nping\\r\\n")
                assert line() == "* 1 EXISTS"
                assert time.time() - t0 < 1.0, time.time() - t0
                other.select("INBOX")
                other.store("1", "+FLAGS", r"(\\Answered)")
                assert line() == r"* 1 FETCH (FLAGS (\\Answered))"
                other.store("1", "+FLAGS", r"(\\Deleted)")
                assert line() == r"* 1 FETCH (FLAGS (\\Answered \\Deleted))"
                other.expunge()
                assert line() == "* 1 EXPUNGE"
                send("DONE"); assert line() == "c OK IDLE terminated"
                other.logout()
                send("d LOGOUT"); assert line().startswith("* BYE")
                print("ok")
                """);
    }

    @Test
    void threadSortAndEsortThroughImaplib() {
        run("""
                import imaplib, sys
                m = imaplib.IMAP4("127.0.0.1", int(sys.argv[1]))
                m.login("bob@example.org", "hunter2")
                m.create("Threads")
                def put(subject, minute, mid, refs=None):
                    h = "Subject: %s\\r\\nDate: Fri, 01 Mar 2024 10:%02d:00 +0000\\r\\nMessage-ID: %s\\r\\n" % (subject, minute, mid)
                    if refs:
                        h += "References: %s\\r\\n" % refs
                    assert m.append("Threads", None, None, (h + "\\r\\nbody\\r\\n").encode())[0] == "OK"
                put("Plans", 0, "<p@x>")
                put("Re: Plans", 5, "<r1@x>", "<p@x>")
                put("Other", 1, "<o@x>")
                put("Re: Re: Plans", 9, "<r2@x>", "<p@x> <r1@x>")
                put("RE: plans", 7, "<r3@x>", "<p@x>")
                m.select("Threads", readonly=True)
                assert b"THREAD=REFERENCES" in m.capability()[1][0]
                typ, data = m.thread("REFERENCES", "UTF-8", "ALL")
                assert (typ, data) == ("OK", [b"(1 (2 4)(5))(3)"]), data
                typ, data = m.thread("ORDEREDSUBJECT", "UTF-8", "ALL")
                assert data == [b"(1 (2)(5)(4))(3)"], data
                typ, data = m.uid("THREAD", "REFERENCES", "UTF-8", "SUBJECT", "other")
                assert data == [b"(3)"], data
                typ, data = m.sort("(REVERSE DATE)", "UTF-8", "ALL")
                assert data == [b"4 5 2 3 1"], data
                typ, data = m._simple_command("SORT", "RETURN", "(MIN MAX COUNT)", "(DATE)", "UTF-8", "ALL")
                assert typ == "OK", data
                assert m.untagged_responses.pop("ESEARCH")[0].endswith(b"MIN 1 MAX 4 COUNT 5"), data
                m.logout()
                print("ok")
                """);
    }
}
