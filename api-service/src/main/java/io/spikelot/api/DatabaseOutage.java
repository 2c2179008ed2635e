package io.spikelot.api;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an unreachable database (refused, dropped, or the pool timed out waiting for a connection) from a fault of
 * a request or of the code: the first makes the API answer 503 and the event consumer wait, the second is a 500 or
 * a dead letter.
 */
public final class DatabaseOutage {

    private static final String HIKARI_CLOSED = "Connection is closed";

    private DatabaseOutage() {}

    /** Whether {@code failure}, or anything that caused it, says the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
            // the pool evicts a connection that failed so; the rollback that follows then fails with this (no
            // SQLSTATE) and hides the original failure
            if (t instanceof SQLException sql && HIKARI_CLOSED.equals(sql.getMessage())) {
                return true;
            }
        }
        return false;
    }
}
