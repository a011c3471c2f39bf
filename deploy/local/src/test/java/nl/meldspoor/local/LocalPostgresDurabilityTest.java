package nl.meldspoor.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README promises that data/local keeps everything across restarts: also across a crash of the machine. */
class LocalPostgresDurabilityTest {

    @TempDir
    Path data;

    @Test
    void theLocalSystemsPostgresWritesDurably() throws Exception {
        try (EmbeddedPostgres postgres = Engines.startPostgres(data.resolve("postgres"), 0)) {
            assertThat(show(postgres, "fsync")).isEqualTo("on");
            assertThat(show(postgres, "synchronous_commit")).isEqualTo("on");
            assertThat(show(postgres, "full_page_writes")).isEqualTo("on");
        }
    }

    private static String show(EmbeddedPostgres postgres, String setting) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + setting)) {
            result.next();
            return result.getString(1);
        }
    }
}
