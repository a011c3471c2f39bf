package nl.meldspoor.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Proves that a service's hot look-ups use an index at a board's size: in one transaction, rolled back at the end, the
 * setup statements fill the tables (and analyse them), then each query is prepared and explained both in the plan
 * PostgreSQL makes for the literal values and in the generic plan it reuses for the driver's prepared statements.
 */
public final class IndexedLookUps {

    private IndexedLookUps() {
    }

    /**
     * @param setup          statements run first, in the same transaction: the rows of a board's size and {@code ANALYZE}
     * @param parameterTypes the types of {@code $1…$n}, e.g. {@code (varchar, varchar)}; every query is prepared with all of them
     * @param arguments      the values they are executed with, e.g. {@code ('school-1', 'lln-7')}
     * @param queries        what each look-up is, and its SQL with {@code $1…$n}
     * @return each look-up's plans, the custom and the generic one, for a test that names the index it expects
     */
    public static Map<String, String> assertEachUsesAnIndex(JdbcTemplate jdbc, List<String> setup, String parameterTypes, String arguments,
                                                            Map<String, String> queries) {
        Map<String, String> plans = new LinkedHashMap<>();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                for (String sql : setup) {
                    statement.execute(sql);
                }
                int n = 0;
                for (Map.Entry<String, String> query : queries.entrySet()) {
                    String name = "hot_" + n++;
                    statement.execute("PREPARE " + name + parameterTypes + " AS " + query.getValue());
                    for (String mode : new String[]{"force_custom_plan", "force_generic_plan"}) {
                        statement.execute("SET LOCAL plan_cache_mode = " + mode);
                        StringBuilder plan = new StringBuilder();
                        try (var rows = statement.executeQuery("EXPLAIN EXECUTE " + name + arguments)) {
                            while (rows.next()) {
                                plan.append(rows.getString(1)).append('\n');
                            }
                        }
                        assertThat(plan.toString()).as("%s (%s)", query.getKey(), mode).doesNotContain("Seq Scan").contains("Index");
                        plans.merge(query.getKey(), plan.toString(), String::concat);
                    }
                    statement.execute("DEALLOCATE " + name);
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            return null;
        });
        return plans;
    }
}
