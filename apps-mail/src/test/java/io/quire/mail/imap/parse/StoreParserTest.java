package io.quire.mail.imap.parse;

import static io.quire.mail.imap.parse.Parsing.command;
import static io.quire.mail.imap.parse.Parsing.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quire.mail.imap.protocol.Flag;
import io.quire.mail.imap.protocol.SequenceSet;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StoreParserTest {

    @Test
    void storeModesAndSilence() {
        assertEquals(new Store(false, SequenceSet.parse("2:4"), StoreMode.ADD, false, List.of(Flag.DELETED), OptionalLong.empty()),
                command("A003 STORE 2:4 +FLAGS (\\Deleted)"));
        assertEquals(new Store(true, SequenceSet.parse("1"), StoreMode.REMOVE, true, List.of(Flag.SEEN, new Flag("$Junk")),
                OptionalLong.empty()), command("a1 UID STORE 1 -flags.silent \\seen $Junk"));
        assertEquals(new Store(false, SequenceSet.parse("*"), StoreMode.REPLACE, false, List.of(), OptionalLong.empty()),
                command("a1 STORE * FLAGS ()"));
    }

    @Test
    void unchangedSinceIsAModifier() {
        // RFC 7162 §3.1.3 example.
        Store s = (Store) command("a103 UID STORE 6,4,8 (UNCHANGEDSINCE 12121230045) +FLAGS.SILENT (\\Deleted)");
        assertEquals(OptionalLong.of(12121230045L), s.unchangedSince());
        assertEquals(OptionalLong.of(0), ((Store) command("a1 STORE 1 (UNCHANGEDSINCE 0) FLAGS ()")).unchangedSince());
    }

    @Test
    void duplicateFlagsCollapseIgnoringCase() {
        assertEquals(List.of(Flag.SEEN, new Flag("$Work")),
                ((Store) command("a1 STORE 1 +FLAGS (\\Seen \\SEEN $Work $work)")).flags());
    }

    @Test
    void unstorableOrMalformedFlagsAreBad() {
        assertEquals("Flag cannot be stored: \\Recent", error("a1 STORE 1 +FLAGS (\\Recent)").message());
        assertEquals("Flag cannot be stored: \\Foo", error("a1 STORE 1 +FLAGS \\Foo").message());
        assertEquals("Invalid flag: a]", error("a1 STORE 1 +FLAGS (a])").message());
        assertEquals("Missing flags", error("a1 STORE 1 +FLAGS").message());
        assertEquals("Expected FLAGS, +FLAGS or -FLAGS, optionally .SILENT", error("a1 STORE 1 +FLAGSX (a)").message());
        assertEquals("Expected FLAGS, +FLAGS or -FLAGS, optionally .SILENT", error("a1 STORE 1 FLAGS.LOUD (a)").message());
        assertEquals("Expected UNCHANGEDSINCE", error("a1 STORE 1 (CHANGEDSINCE 4) FLAGS (a)").message());
        assertEquals("Expected flag as an atom", error("a1 STORE 1 FLAGS (\"\\\\Seen\")").message());
    }
}
