package nl.meldspoor.engines.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** A data directory from before the roles were separated: its tables become the owner role's, once and again. */
class EmbeddedPostgresRolesTest {

    @Test
    void aDatabaseOfTheSuperuserIsHandedToTheOwnerRoleIdempotently() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            EmbeddedPostgresAutoConfiguration.createDatabaseIfAbsent(postgres.getPostgresDatabase(), "legacy");
            JdbcTemplate superuser = new JdbcTemplate(postgres.getDatabase("postgres", "legacy"));
            superuser.execute("CREATE TABLE domainevententry (globalindex BIGSERIAL PRIMARY KEY, payload BYTEA)");
            superuser.execute("CREATE SEQUENCE loose_sequence");
            superuser.execute("CREATE FUNCTION refuse_event_rewrite() RETURNS trigger AS $$ BEGIN RETURN NULL; END; $$ LANGUAGE plpgsql");

            EmbeddedPostgresAutoConfiguration.prepareRoles(postgres, "legacy");
            EmbeddedPostgresAutoConfiguration.prepareRoles(postgres, "legacy");

            assertThat(superuser.queryForList("SELECT pg_get_userbyid(relowner) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND c.relkind IN ('r', 'S')", String.class)).hasSize(3).containsOnly("meldspoor_owner");
            assertThat(superuser.queryForObject("SELECT pg_get_userbyid(proowner) FROM pg_proc WHERE proname = 'refuse_event_rewrite'",
                    String.class)).isEqualTo("meldspoor_owner");
            assertThat(superuser.queryForObject("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'legacy'", String.class))
                    .isEqualTo("meldspoor_owner");
            assertThat(superuser.queryForObject("SELECT rolsuper FROM pg_roles WHERE rolname = 'meldspoor_runtime'", Boolean.class)).isFalse();
        }
    }
}
