package org.tessera.cli;

/** The exit codes of every command, as the README documents them. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug or an environment failure; the stack trace is printed. */
    public static final int INTERNAL_ERROR = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The annotations or the data built from them are invalid. */
    public static final int INVALID_INPUT = 3;
    /** Another server failed a request: refused it, answered an error, or could not be reached. */
    public static final int REMOTE_FAILURE = 4;

    private ExitCodes() {}
}
