package nl.meldspoor.web.leadership;

import java.util.List;

/**
 * A table of figures with a header per row and per column (th scope="row"/"col"); a suppressed cell reads
 * "minder dan 5" and is marked so print and screen readers get the words, never a number.
 */
public record FigureTable(String id, String caption, String cornerHeader, List<String> columns, List<Row> rows) {

    public FigureTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * @param href a link for the row header (a school's own dashboard), or {@code null}
     * @param mark a short word after the header ("weinig vastgelegd"), or {@code null}
     */
    public record Row(String header, String href, String mark, List<Cell> cells) {
    }

    public record Cell(String text, boolean suppressed) {

        static Cell of(Chart.Bar bar) {
            return new Cell(bar.text(), bar.suppressed());
        }
    }
}
