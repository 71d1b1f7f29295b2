package io.quire.mail.smtp.core;

/**
 * Where a session is in the RFC 5321 §4.1.4 command sequence; each state holds exactly what it needs.
 *
 * <pre>
 *  Connected --HELO/EHLO/LHLO--> Ready --MAIL--> InTransaction --RCPT--> CheckingRecipient --answer--+
 *      ^                          ^  ^               ^  |                                            |
 *      |                          |  |               |  +-------------------<------------------------+
 *      |                          |  +--RSET/HELO----+  |
 *      |                          |                     +--DATA--> ReadingData --"."--> Delivering --+
 *      |                          +-------------------------<------------------------------------------+
 *      +--tlsStarted-- TlsHandshake <--STARTTLS-- Ready                       QUIT/errors --> Closed
 * </pre>
 */
sealed interface SessionState {

    /** Before any greeting from the client (and again after STARTTLS, RFC 3207 §4.2). */
    record Connected() implements SessionState {
    }

    /** Greeted, no transaction. */
    record Ready(Command.Hello hello) implements SessionState {
    }

    /** After MAIL FROM. */
    record InTransaction(Command.Hello hello, Transaction tx) implements SessionState {
    }

    /** Waiting for the store to answer about {@code address}. */
    record CheckingRecipient(Command.Hello hello, Transaction tx, String address) implements SessionState {
    }

    /** After the 354: reading the message. */
    record ReadingData(Command.Hello hello, Transaction tx, DataReader reader) implements SessionState {
    }

    /** Waiting for the store to store the message {@code id}. */
    record Delivering(Command.Hello hello, Transaction tx, String id) implements SessionState {
    }

    /** After 220 to STARTTLS, until the handshake is done; input in this state is discarded. */
    record TlsHandshake() implements SessionState {
    }

    /** After QUIT, a fatal error or a timeout. */
    record Closed() implements SessionState {
    }
}
