package nl.meldspoor.web.rapportage;

import java.util.LinkedHashMap;
import java.util.Map;
import nl.meldspoor.web.incident.PdfDocuments;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The rapportage meldcode of a case (UI.md screen 13): per step what was done, when, by whom, and whether it is
 * documented, as the reporting-service derived it from the events; on screen and as an A4 PDF. Whoever the service
 * refuses sees the page that does not exist.
 */
@Controller
class RapportagePages {

    private final RapportageSource rapportages;
    private final PdfDocuments pdf;

    RapportagePages(RapportageSource rapportages, PdfDocuments pdf) {
        this.rapportages = rapportages;
        this.pdf = pdf;
    }

    @GetMapping("/dossiers/{caseId}/rapportage")
    String page(@PathVariable String caseId, Model model) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("rapportage", rapportages.rapportage(caseId));
        return "rapportage/rapportage";
    }

    @GetMapping("/dossiers/{caseId}/rapportage.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String caseId) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("caseId", caseId);
        variables.put("rapportage", rapportages.rapportage(caseId));
        byte[] document = pdf.render("rapportage/rapportage-pdf", variables);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("rapportage-meldcode-" + caseId + ".pdf").build().toString())
                .body(document);
    }
}
