package nl.meldspoor.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The audit's sparse elimination gives the dense elimination's matrix exactly, so suppression hides the same cells as
 * before on every dashboard (only faster).
 */
class AuditReductionTest {

    @Test
    void theSparseEliminationEqualsTheDenseOneOnRandomEquationSystemsOfLinkedTables() {
        Random random = new Random(14);
        for (int run = 0; run < 300; run++) {
            int rows = 1 + random.nextInt(60);
            int columns = 1 + random.nextInt(120);
            double[][] matrix = new double[rows][columns];
            for (double[] row : matrix) {
                // a total (+1) and its parts (-1), as the published equations give them
                int entries = 1 + random.nextInt(Math.min(columns, 12));
                for (int e = 0; e < entries; e++) {
                    row[random.nextInt(columns)] = e == 0 ? 1 : -1;
                }
            }
            double[][] dense = copy(matrix);
            double[][] sparse = copy(matrix);
            denseReduce(dense, columns);
            Suppression.Audit.reduce(sparse, columns);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    assertThat(sparse[r][c] == dense[r][c]).as("run %d, row %d, column %d: %s vs %s", run, r, c, sparse[r][c], dense[r][c]).isTrue();
                }
            }
        }
    }

    private static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int r = 0; r < matrix.length; r++) {
            copy[r] = matrix[r].clone();
        }
        return copy;
    }

    /** The elimination as it was: every column of every row, zero or not. */
    private static void denseReduce(double[][] m, int columns) {
        int lead = 0;
        for (int c = 0; c < columns && lead < m.length; c++) {
            int pivot = lead;
            for (int r = lead + 1; r < m.length; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][c]) < 1e-9) {
                continue;
            }
            double[] swap = m[pivot];
            m[pivot] = m[lead];
            m[lead] = swap;
            double factor = m[lead][c];
            for (int k = 0; k < columns; k++) {
                m[lead][k] /= factor;
            }
            for (int r = 0; r < m.length; r++) {
                if (r != lead && Math.abs(m[r][c]) > 1e-9) {
                    double f = m[r][c];
                    for (int k = 0; k < columns; k++) {
                        m[r][k] -= f * m[lead][k];
                    }
                }
            }
            lead++;
        }
    }
}
