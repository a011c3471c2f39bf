package nl.meldspoor.web.incident;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Printable A4 documents (the incident register, the rapportage meldcode): a Thymeleaf template written as XHTML with
 * print CSS, rendered to PDF on the server by openhtmltopdf, so what is printed for the inspectie is the same text the
 * screen shows and needs no browser.
 */
@Component
public class PdfDocuments {

    private final ITemplateEngine templates;
    private final IncidentWords words;

    PdfDocuments(ITemplateEngine templates, IncidentWords words) {
        this.templates = templates;
        this.words = words;
    }

    /** The template gets {@code words} (dates and Dutch labels) besides the given variables; it may not use {@code @{}} links. */
    public byte[] render(String template, Map<String, Object> variables) {
        Context context = new Context(Locale.forLanguageTag("nl"), variables);
        context.setVariable("words", words);
        String xhtml = templates.process(template, context);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return pdf.toByteArray();
    }
}
