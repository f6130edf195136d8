package org.creditmesh.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.creditmesh.core.error.CreditMeshException;
import picocli.CommandLine;

/**
 * Turns failures into one readable line on stderr and an exit code; a stack trace only when
 * {@code CREDITMESH_DEBUG} is set. Refused input (a typed core error) and unreadable files exit 1.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    static final int FAILED = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        var err = cli.getErr();
        if (e instanceof CreditMeshException cme) {
            err.println("error [" + cme.code().code() + "]: " + cme.getMessage());
        } else if (e instanceof java.nio.file.NoSuchFileException missing) {
            err.println("error [io]: no such file: " + missing.getFile());
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println("error [io]: " + e.getMessage());
        } else {
            err.println("error [internal]: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (System.getenv("CREDITMESH_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }
}
