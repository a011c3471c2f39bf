package nl.meldspoor.reporting.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Small-count suppression for everyone above the school (DOMAIN.md §6). The school's own staff see exact
 * figures; for anyone else a dashboard is a set of linked tables — per school and in total, per month and
 * per school year, per category and in total — and a hidden count must not come back by subtraction.
 *
 * <ol>
 *   <li>Primary: every count from 1 up to (not including) the threshold is hidden. Zero is shown: "nobody"
 *       identifies no one, and hiding zeros would only hide more of the rest.</li>
 *   <li>Complementary: every group of linked cells (a total and the cells that add up to it) may not have
 *       exactly one hidden cell, and when its total is shown the hidden cells may not all be 1 (zero is shown,
 *       so a hidden cell is at least 1 and "two hidden, total minus the rest is 2" would give them away).
 *       Such a group gets its smallest visible non-zero cell hidden as well (a part before the total), and
 *       this repeats over all groups until nothing changes.</li>
 *   <li>Audit: the published equations are then solved together (Gaussian elimination over the hidden cells);
 *       a hidden cell that can still be computed from a combination of groups gets company the same way,
 *       and the rule above runs again.</li>
 * </ol>
 * A share or a median is hidden when the count it is taken over is hidden.
 */
final class Suppression {

    /** One published count; whether it is hidden is decided once every cell and group is known. */
    static final class Cell {
        private final int value;
        private boolean hidden;

        private Cell(int value) {
            this.value = value;
        }

        int value() {
            return value;
        }

        boolean hidden() {
            return hidden;
        }
    }

    /** A total and its parts: {@code total = sum(parts)} is published. */
    private record Group(Cell total, List<Cell> parts) {
        List<Cell> all() {
            List<Cell> all = new ArrayList<>(parts);
            all.add(total);
            return all;
        }
    }

    private final int threshold;
    private final boolean applies;
    private final List<Cell> cells = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();

    private Suppression(int threshold, boolean applies) {
        this.threshold = threshold;
        this.applies = applies;
    }

    /** For the school's own staff: every figure exact. */
    static Suppression exact(int threshold) {
        return new Suppression(threshold, false);
    }

    /** For everyone above the school (and for them on a school's dashboard too). */
    static Suppression aboveSchool(int threshold) {
        return new Suppression(threshold, true);
    }

    Cell cell(int value) {
        Cell cell = new Cell(value);
        cells.add(cell);
        return cell;
    }

    /** Publishes {@code total = sum(parts)}; a group with no parts says nothing and is left out. */
    void group(Cell total, Collection<Cell> parts) {
        if (!parts.isEmpty()) {
            groups.add(new Group(total, List.copyOf(parts)));
        }
    }

    /** Decides which cells are hidden; call once after every cell and group is registered. */
    void apply() {
        if (!applies) {
            return;
        }
        cells.forEach(cell -> cell.hidden = cell.value > 0 && cell.value < threshold);
        // every round hides at least one more cell, so this ends
        while (true) {
            complementary();
            Cell exposed = Audit.firstDerivable(groups.stream().map(Group::total).toList(),
                    groups.stream().map(Group::parts).toList(), cells);
            if (exposed == null) {
                return;
            }
            Cell company = groups.stream().filter(group -> group.all().contains(exposed))
                    .map(Suppression::smallestVisible).filter(java.util.Objects::nonNull)
                    .min(Comparator.comparingInt(Cell::value)).orElse(null);
            if (company == null) {
                return; // cannot happen: a hidden non-zero cell always has a non-zero neighbour in its group
            }
            company.hidden = true;
        }
    }

    private void complementary() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Group group : groups) {
                if (exposed(group)) {
                    Cell company = smallestVisible(group);
                    if (company != null) {
                        company.hidden = true;
                        changed = true;
                    }
                }
            }
        }
    }

    private static boolean exposed(Group group) {
        List<Cell> hidden = group.all().stream().filter(Cell::hidden).toList();
        if (hidden.size() == 1) {
            return true;
        }
        return !hidden.isEmpty() && !group.total().hidden() && hidden.stream().mapToInt(Cell::value).sum() <= hidden.size();
    }

    /** The smallest shown non-zero cell of the group, a part before the total. */
    private static Cell smallestVisible(Group group) {
        return group.all().stream().filter(cell -> !cell.hidden && cell.value > 0)
                .min(Comparator.comparingInt(Cell::value)).orElse(null);
    }

    Count count(Cell cell) {
        return cell.hidden ? Count.hidden() : Count.of(cell.value);
    }

    Share share(int part, Cell basis) {
        if (basis.hidden) {
            return new Share(null, Count.hidden(), true);
        }
        Integer percentage = basis.value == 0 ? null : (int) Math.round(100.0 * part / basis.value);
        return new Share(percentage, Count.of(basis.value), false);
    }

    /** @param days sorted here, in place */
    Median median(double[] days, Cell cases) {
        if (cases.hidden) {
            return new Median(null, Count.hidden(), true);
        }
        if (days.length == 0) {
            return new Median(null, Count.of(0), false);
        }
        Arrays.sort(days);
        int middle = days.length / 2;
        double median = days.length % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2;
        return new Median(Math.round(median * 10) / 10.0, Count.of(days.length), false);
    }

    /**
     * Which hidden cell the published equations still give away. Each group is a row {@code total - sum(parts) = 0};
     * the shown cells move to the right-hand side, so only the columns of the hidden cells matter. A hidden
     * cell is computable exactly when the unit vector of its column lies in the row space — after reduction
     * to row echelon form, when some row has that column as its only non-zero entry.
     */
    static final class Audit {

        private static final double EPSILON = 1e-9;

        private Audit() {
        }

        static Cell firstDerivable(List<Cell> totals, List<List<Cell>> parts, List<Cell> cells) {
            List<Cell> hidden = cells.stream().filter(Cell::hidden).toList();
            if (hidden.isEmpty()) {
                return null;
            }
            java.util.Map<Cell, Integer> column = new java.util.IdentityHashMap<>();
            hidden.forEach(cell -> column.put(cell, column.size()));
            List<double[]> rows = new ArrayList<>();
            for (int g = 0; g < totals.size(); g++) {
                double[] row = new double[hidden.size()];
                boolean any = false;
                if (totals.get(g).hidden()) {
                    row[column.get(totals.get(g))] += 1;
                    any = true;
                }
                for (Cell part : parts.get(g)) {
                    if (part.hidden()) {
                        row[column.get(part)] -= 1;
                        any = true;
                    }
                }
                if (any) {
                    rows.add(row);
                }
            }
            double[][] matrix = rows.toArray(double[][]::new);
            reduce(matrix, hidden.size());
            for (double[] row : matrix) {
                int nonZero = 0;
                int at = -1;
                for (int c = 0; c < row.length; c++) {
                    if (Math.abs(row[c]) > EPSILON) {
                        nonZero++;
                        at = c;
                    }
                }
                if (nonZero == 1) {
                    return hidden.get(at);
                }
            }
            return null;
        }

        /**
         * Reduced row echelon form, in place. Only the pivot row's non-zero entries are subtracted from the other rows:
         * subtracting {@code f * 0} changes nothing, so the result is the dense elimination's, bit for bit, while a
         * board of a hundred schools (a thousand hidden cells, hundreds of equations, sparse rows) is reduced in
         * milliseconds instead of seconds.
         */
        static void reduce(double[][] m, int columns) {
            int lead = 0;
            int[] nonZero = new int[columns];
            for (int c = 0; c < columns && lead < m.length; c++) {
                int pivot = lead;
                for (int r = lead + 1; r < m.length; r++) {
                    if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
                        pivot = r;
                    }
                }
                if (Math.abs(m[pivot][c]) < EPSILON) {
                    continue;
                }
                double[] swap = m[pivot];
                m[pivot] = m[lead];
                m[lead] = swap;
                double[] pivotRow = m[lead];
                double factor = pivotRow[c];
                int entries = 0;
                for (int k = 0; k < columns; k++) {
                    pivotRow[k] /= factor;
                    if (pivotRow[k] != 0) {
                        nonZero[entries++] = k;
                    }
                }
                for (int r = 0; r < m.length; r++) {
                    double[] row = m[r];
                    if (r != lead && Math.abs(row[c]) > EPSILON) {
                        double f = row[c];
                        for (int e = 0; e < entries; e++) {
                            int k = nonZero[e];
                            row[k] -= f * pivotRow[k];
                        }
                    }
                }
                lead++;
            }
        }
    }
}
