package nl.meldspoor.platform.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationResolverTest {

    private final UniqueViolationResolver resolver = new UniqueViolationResolver();

    @Test
    void aUniqueViolationInsideABatchIsADuplicate() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch))).isTrue();
    }

    @Test
    void aUniqueViolationChainedAsNextExceptionIsADuplicate() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, new int[0]);
        batch.setNextException(new SQLException("duplicate key value violates unique constraint", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("boom"))).isFalse();
    }
}
