package nl.meldspoor.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body map of "Signaal vastleggen" (UI.md §4): the words of the signal-service's body-map codes and the child
 * outline drawn as SVG. The outline is only a picture and a shortcut: the region list ("Plek kiezen") is the control,
 * so the figure needs no script to be usable and nothing on it is the only way to say where a mark is.
 */
public final class BodyMap {

    /** The service's BodyRegion codes with the Dutch word, in the order a person reads down a body. */
    public static final Map<String, String> REGIONS = ordered(
            "HEAD", "hoofd", "FACE", "gezicht", "NECK", "hals", "SHOULDER", "schouder", "CHEST", "borst", "ABDOMEN", "buik",
            "BACK", "rug", "BUTTOCKS", "billen", "ARM", "arm", "HAND", "hand", "LEG", "been", "FOOT", "voet");
    public static final Map<String, String> VIEWS = ordered("FRONT", "Voorkant", "BACK", "Achterkant");
    /** Always from the child's side, as the service records it. */
    public static final Map<String, String> SIDES = ordered("LEFT", "Links", "RIGHT", "Rechts", "MIDDLE", "Midden");
    public static final Map<String, String> KINDS = ordered(
            "BRUISE", "blauwe plek", "ABRASION", "schaafwond", "SCRATCH", "krab", "CUT", "snee", "BURN", "brandwond",
            "BITE_MARK", "bijtafdruk", "SWELLING", "zwelling", "OTHER", "anders");
    public static final Map<String, String> COLOURS = ordered(
            "RED", "rood", "BLUE", "blauw", "PURPLE", "paars", "GREEN", "groen", "YELLOW", "geel", "BROWN", "bruin",
            "BLACK", "zwart", "OTHER", "andere kleur");

    /** The words of the codes, for the page. */
    public record Words(Map<String, String> regions, Map<String, String> views, Map<String, String> sides, Map<String, String> kinds,
                        Map<String, String> colours) {
    }

    public static final Words WORDS = new Words(REGIONS, VIEWS, SIDES, KINDS, COLOURS);

    /** One figure as the page draws it: its view, what a screen reader hears, its parts and the dots on it. */
    public record Figure(String view, String caption, String label, List<Shape> shapes, List<Dot> dots, String viewerLeft, String viewerRight) {
    }

    /** Voorkant and Achterkant with the marks of the form. */
    public static List<Figure> figures(List<SignalForm.Markering> marks) {
        List<Dot> dots = dots(marks);
        return VIEWS.keySet().stream().map(view -> new Figure(view, VIEWS.get(view), describe(view, dots), shapes(view),
                dots.stream().filter(dot -> dot.view().equals(view)).toList(),
                view.equals("FRONT") ? "R" : "L", view.equals("FRONT") ? "L" : "R")).toList();
    }

    /** What a screen reader hears for a figure: which view and which numbered marks it shows. */
    public static String describe(String view, List<Dot> dots) {
        List<String> numbers = dots.stream().filter(dot -> dot.view().equals(view)).map(dot -> String.valueOf(dot.number())).toList();
        return VIEWS.get(view) + " van het kind, " + (numbers.isEmpty() ? "zonder markeringen" : "markeringen " + String.join(", ", numbers));
    }

    /** One clickable part of a figure: the region and side it stands for, as a rounded rectangle. */
    public record Shape(String view, String region, String side, int x, int y, int width, int height, int radius) {

        public String label() {
            String where = REGIONS.get(region);
            return side == null ? where : where + " " + SIDES.get(side).toLowerCase(java.util.Locale.ROOT);
        }

        int centreX() {
            return x + width / 2;
        }

        int centreY() {
            return y + height / 2;
        }
    }

    /** A numbered dot: the mark with this number in the table below the figures. */
    public record Dot(int number, String view, int x, int y) {
    }

    private static final List<Shape> SHAPES = shapes();

    private BodyMap() {
    }

    public static List<Shape> shapes(String view) {
        return SHAPES.stream().filter(shape -> shape.view().equals(view)).toList();
    }

    /** The dots of the marks whose place is chosen, numbered as the table numbers them (from 1). */
    public static List<Dot> dots(List<SignalForm.Markering> marks) {
        List<Dot> dots = new ArrayList<>();
        Map<Shape, Integer> onShape = new LinkedHashMap<>();
        for (int index = 0; index < marks.size(); index++) {
            SignalForm.Markering mark = marks.get(index);
            Shape shape = shapeOf(mark.getAanzicht(), mark.getPlek(), mark.getZijde());
            if (shape == null) {
                continue;
            }
            // marks on the same part are set apart, so each number stays readable
            int earlier = onShape.merge(shape, 1, Integer::sum) - 1;
            dots.add(new Dot(index + 1, shape.view(), shape.centreX() + (earlier % 2 == 0 ? 1 : -1) * 6 * ((earlier + 1) / 2),
                    shape.centreY() + 9 * (earlier / 2)));
        }
        return dots;
    }

    static Shape shapeOf(String view, String region, String side) {
        List<Shape> candidates = SHAPES.stream().filter(shape -> shape.view().equals(view) && shape.region().equals(region)).toList();
        if (candidates.isEmpty()) {
            // a region not drawn on this view (the face seen from the back): the dot goes where that view shows the head or trunk
            return null;
        }
        return candidates.stream().filter(shape -> side == null || side.isBlank() || side.equals(shape.side()) || shape.side() == null)
                .findFirst().orElse(candidates.get(0));
    }

    /**
     * The outline, 140 by 260 per figure. Seen from the front the child's right is on the viewer's left; seen from the
     * back the child's left is on the viewer's left.
     */
    private static List<Shape> shapes() {
        List<Shape> shapes = new ArrayList<>();
        for (String view : List.of("FRONT", "BACK")) {
            boolean front = view.equals("FRONT");
            String viewerLeft = front ? "RIGHT" : "LEFT";
            String viewerRight = front ? "LEFT" : "RIGHT";
            if (front) {
                shapes.add(new Shape(view, "HEAD", null, 52, 4, 36, 14, 7));
                shapes.add(new Shape(view, "FACE", null, 52, 18, 36, 30, 14));
            } else {
                shapes.add(new Shape(view, "HEAD", null, 52, 4, 36, 44, 18));
            }
            shapes.add(new Shape(view, "NECK", null, 62, 48, 16, 10, 3));
            shapes.add(new Shape(view, "SHOULDER", viewerLeft, 34, 58, 20, 14, 6));
            shapes.add(new Shape(view, "SHOULDER", viewerRight, 86, 58, 20, 14, 6));
            if (front) {
                shapes.add(new Shape(view, "CHEST", null, 54, 58, 32, 42, 4));
                shapes.add(new Shape(view, "ABDOMEN", null, 54, 100, 32, 52, 4));
            } else {
                shapes.add(new Shape(view, "BACK", null, 54, 58, 32, 72, 4));
                shapes.add(new Shape(view, "BUTTOCKS", viewerLeft, 54, 130, 16, 24, 6));
                shapes.add(new Shape(view, "BUTTOCKS", viewerRight, 70, 130, 16, 24, 6));
            }
            shapes.add(new Shape(view, "ARM", viewerLeft, 34, 72, 18, 68, 6));
            shapes.add(new Shape(view, "ARM", viewerRight, 88, 72, 18, 68, 6));
            shapes.add(new Shape(view, "HAND", viewerLeft, 32, 140, 20, 20, 8));
            shapes.add(new Shape(view, "HAND", viewerRight, 88, 140, 20, 20, 8));
            shapes.add(new Shape(view, "LEG", viewerLeft, 54, 154, 15, 82, 5));
            shapes.add(new Shape(view, "LEG", viewerRight, 71, 154, 15, 82, 5));
            shapes.add(new Shape(view, "FOOT", viewerLeft, 48, 236, 21, 14, 6));
            shapes.add(new Shape(view, "FOOT", viewerRight, 71, 236, 21, 14, 6));
        }
        return List.copyOf(shapes);
    }

    private static Map<String, String> ordered(String... codesAndWords) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < codesAndWords.length; i += 2) {
            map.put(codesAndWords[i], codesAndWords[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
