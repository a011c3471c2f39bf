package nl.meldspoor.web.meldcase;

import java.util.LinkedHashMap;
import java.util.Map;

/** The afwegingskader's questions and the meldnormen in the words of the seeds (002) and UI.md's microcopy. */
final class Afwegingen {

    static final Map<String, String> QUESTIONS = new LinkedHashMap<>();
    static final Map<String, String> MELDNORMEN = Map.of(
            "ACUTE_OR_STRUCTURAL_UNSAFETY", "Melden is noodzakelijk: acute en/of structurele onveiligheid. Afweging 3–5 doe je samen met Veilig Thuis.",
            "NO_EFFECTIVE_HELP", "Melden is noodzakelijk: geen passende hulp mogelijk, of niet aanvaard.",
            "UNSAFETY_PERSISTS", "Melden is noodzakelijk: ondanks hulp stopt de onveiligheid niet.",
            "SERIOUS_INJURY", "Melden is noodzakelijk: geweld met ernstig letsel.");

    static {
        QUESTIONS.put("VERMOEDEN", "Afweging 1: is er, op basis van de stappen 1 tot en met 3, een vermoeden van huiselijk geweld of kindermishandeling?");
        QUESTIONS.put("VEILIGHEID", "Afweging 2: is er sprake van acute en/of structurele onveiligheid?");
        QUESTIONS.put("HULP", "Afweging 3: kan de school, gezien de signalen, effectieve en passende hulp bieden of organiseren?");
        QUESTIONS.put("HULP_AANVAARDEN", "Afweging 4: aanvaarden de betrokkenen de hulp en zijn zij bereid zich daarvoor in te zetten?");
        QUESTIONS.put("RESULTAAT", "Afweging 5: leidt de hulp binnen de gewenste termijn tot de noodzakelijke resultaten?");
    }

    private Afwegingen() {
    }
}
