package nl.meldspoor.platform.eventstore;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognises a violated unique constraint (SQLState 23505) wherever it sits in the exception chain.
 * PostgreSQL reports a duplicate event in a batch insert as a {@code BatchUpdateException} whose
 * cause is the real violation; Axon's default resolver misses it, and two concurrent writers at the
 * same version would get a server error instead of a conflict.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && chainHasUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean chainHasUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
