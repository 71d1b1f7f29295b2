package io.quire.mail.cli;

/** Why a mail command stopped: a message for the user, never a stack trace. Exit code 1. */
class CliFailure extends Exception {
    CliFailure(String message) {
        super(message, null, false, false);
    }

    /** Wrong usage: the command prints its usage line and exits with 2. */
    static final class Usage extends CliFailure {
        Usage(String message) {
            super(message);
        }
    }
}
