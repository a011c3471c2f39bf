package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import nl.meldspoor.platform.testing.TestPostgres;
import org.springframework.core.io.ClassPathResource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The keys on the event store's own schema: a key made without a look-up is the same key to every other reader. */
class PersonalDataKeysIT {

    private static final ProtectedRecord CASE = new ProtectedRecord(ProtectedRecord.RecordType.MELDCODE_CASE, "case-1", "bs-001");

    private final JdbcTemplate jdbc = new JdbcTemplate(migrated());
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
}
