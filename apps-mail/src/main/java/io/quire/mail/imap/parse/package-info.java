/**
 * IMAP command parsers: a framed {@link io.quire.mail.imap.protocol.Request} in, one typed record per command
 * out. No store, no session state.
 *
 * <h2>Tour</h2>
 * <ul>
 *   <li>{@link io.quire.mail.imap.parse.CommandParser#parse(io.quire.mail.imap.protocol.Request,
 *       io.quire.mail.imap.parse.ParseOptions)} — the entry point and the codec's single error boundary:
 *       returns {@link io.quire.mail.imap.parse.ParsedCommand} (tag + {@link io.quire.mail.imap.parse.Command})
 *       or {@link io.quire.mail.imap.parse.ParseError} (tag, BAD/NO, optional code, human reason). It never
 *       throws on client input.</li>
 *   <li>{@link io.quire.mail.imap.parse.Command} — sealed over one record per command: {@code Capability},
 *       {@code Noop}, {@code Logout}, {@code Starttls}, {@code Authenticate}, {@code Login}, {@code Enable},
 *       {@code Id}, {@code Idle}, {@code Namespace}, {@code Select}, {@code Examine}, {@code Create},
 *       {@code Delete}, {@code Rename}, {@code Subscribe}, {@code Unsubscribe}, {@code ListMailboxes},
 *       {@code Lsub}, {@code Status}, {@code Append}, {@code Check}, {@code Close}, {@code Unselect},
 *       {@code Expunge}, {@code UidExpunge}, {@code Search}, {@code Fetch}, {@code Store}, {@code Copy},
 *       {@code Move}, {@code Sort}, {@code ThreadMessages}. Commands that take a UID prefix carry
 *       {@code uid()}.</li>
 *   <li>One package-private {@code …Parser} per command (James's {@code decode/} layout), reading arguments
 *       through the {@code Arguments} cursor, which implements the basic RFC 9051 §9 productions (atom,
 *       astring, nstring, number, sequence-set, mailbox).</li>
 *   <li>Argument models: {@link io.quire.mail.imap.parse.FetchItem} (macros expanded; sections are
 *       {@link io.quire.mail.mime.Section}), {@link io.quire.mail.imap.parse.SearchKey} (every RFC 3501/9051
 *       key plus MODSEQ, OLDER/YOUNGER), {@link io.quire.mail.imap.parse.SortCriterion},
 *       {@link io.quire.mail.imap.parse.QResync}, {@link io.quire.mail.imap.parse.StatusItem}, LIST
 *       options, {@link io.quire.mail.imap.parse.ImapDates} for {@code date} and {@code date-time}.</li>
 * </ul>
 *
 * <h2>Conventions</h2>
 * Keywords are case-insensitive; flags and capabilities are canonicalised; duplicates in flag, status and
 * fetch lists are dropped. UID FETCH always includes UID and CHANGEDSINCE adds MODSEQ, so handlers need not.
 * Which state a command is valid in is the session's business, not the parser's.
 */
package io.quire.mail.imap.parse;
