package io.spikelot.api.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a backing service that cannot be reached (the database is down or its pool timed out) from a fault of the
 * request or of the code: the first is a 503 the client may retry, the second a 500.
 */
public final class Outages {

    /** Seconds a client is asked to wait before retrying while a backing service is away. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private Outages() {}

    /** Whether {@code failure}, or anything that caused it, says the database could not be reached. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception (refused, broken, failed on the way)
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** The 503 problem of an unreachable backing service. */
    public static ApiProblem unavailable() {
        return new ApiProblem(
                        ProblemType.UNAVAILABLE,
                        "A service the API depends on is unreachable; retry after " + RETRY_AFTER_SECONDS + " s")
                .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
}
