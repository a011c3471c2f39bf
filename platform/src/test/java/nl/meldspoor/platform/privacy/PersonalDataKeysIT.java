package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import nl.meldspoor.platform.testing.TestPostgres;
import org.springframework.core.io.ClassPathResource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/** The keys on the event store's own schema: a key made without a look-up is the same key to every other reader. */
class PersonalDataKeysIT {

    private static final ProtectedRecord CASE = new ProtectedRecord(ProtectedRecord.RecordType.MELDCODE_CASE, "case-1", "bs-001");

    private final DriverManagerDataSource dataSource = migrated();
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final PersonalDataKeys keys = new PersonalDataKeys(jdbc, KeyWrapping.of(TestPostgres.TEST_KEY_ENCRYPTION_KEY), Clock.systemUTC());

    private static DriverManagerDataSource migrated() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(TestPostgres.freshDatabaseUrl(), "postgres", "");
        // the table as the event store's migration makes it (the platform's tests have no Flyway PostgreSQL support)
        new ResourceDatabasePopulator(new ClassPathResource("db/eventstore/V3__personal_data_key.sql")).execute(dataSource);
        return dataSource;
    }

    @Test
    void aNewRecordsKeyIsStoredWrappedAndIsTheKeyEveryReaderFinds() throws Exception {
        PersonalDataKey created = keys.newKeyOf(CASE);

        byte[] stored = jdbc.queryForObject("SELECT secret FROM personal_data_key WHERE key_id = ?", byte[].class, created.keyId());
        assertThat(stored).as("wrapped with the key-encryption key, not the record key itself").isNotEqualTo(created.secret()).hasSizeGreaterThan(32);
        PersonalDataKeys reader = new PersonalDataKeys(jdbc, KeyWrapping.of(TestPostgres.TEST_KEY_ENCRYPTION_KEY), Clock.systemUTC());
        assertThat(reader.keyOf(CASE).keyId()).isEqualTo(created.keyId());
        assertThat(reader.byId(created.keyId()).orElseThrow().secret()).isEqualTo(created.secret());
        EncryptedText sealed = PersonalDataCipher.encrypt("Blauwe plek", "case-service", created);
        assertThat(PersonalDataCipher.decrypt(sealed, reader.keyOf(CASE).secret())).isEqualTo("Blauwe plek");
    }

    @Test
    void aSecondNewKeyForARecordWithALiveKeyFailsRatherThanLeavingTextsUnderAnUnstoredKey() {
        keys.keyOf(CASE);

        assertThatThrownBy(() -> keys.newKeyOf(CASE)).isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_data_key", Long.class)).isEqualTo(1);
    }

    @Test
    void withinATransactionARecordsKeyIsReadOnceAndNotAfterIt() {
        PersonalDataKey existing = keys.keyOf(CASE);

        transaction.executeWithoutResult(status -> {
            assertThat(keys.keyOf(CASE).keyId()).isEqualTo(existing.keyId());
            // were the key read again, this transaction would see it gone (as erased) and make a new one
            jdbc.update("UPDATE personal_data_key SET secret = NULL, erased_at = now()");
            assertThat(keys.keyOf(CASE).keyId()).as("the key this transaction read").isEqualTo(existing.keyId());
            status.setRollbackOnly();
        });

        jdbc.update("UPDATE personal_data_key SET secret = NULL, erased_at = now()");
        transaction.executeWithoutResult(status -> assertThat(keys.keyOf(CASE).keyId()).as("the next transaction reads the table")
                .isNotEqualTo(existing.keyId()));
    }

    @Test
    void textSealedAfterAnErasureInTheSameTransactionGetsTheRecordsNewKey() {
        transaction.executeWithoutResult(status -> {
            PersonalDataKey before = keys.keyOf(CASE);
            keys.erase(CASE, java.time.Instant.now());
            PersonalDataKey after = keys.keyOf(CASE);
            assertThat(after.keyId()).isNotEqualTo(before.keyId());
            assertThat(keys.byId(before.keyId())).isEmpty();
        });
    }
}
