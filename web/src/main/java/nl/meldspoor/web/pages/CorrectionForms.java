package nl.meldspoor.web.pages;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.meldspoor.web.services.PupilFile;

/**
 * What the person typed into the forms at a signal in the zorglogboek, kept as typed: "Signaal corrigeren",
 * "Zienswijze van ouders toevoegen", "Verzoek om correctie vastleggen" and "Verzoek beantwoorden".
 */
final class CorrectionForms {

    private CorrectionForms() {
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** A date as typed, or null so the service names the field. */
    static String date(String typed) {
        try {
            return LocalDate.parse(typed.strip()).toString();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    /**
     * The content of a signal as it should read: the fields of "Signaal vastleggen" that a correction may change
     * (moment, place, situation, concern, statements, others present). The urgent flags, indicator codes and recorder
     * travel unchanged as hidden fields, because the service wants the content whole and the urgent path was already taken.
     */
    public static class ContentForm {
        private String datum = "";
        private String tijd = "";
        private String plaats = "";
        private String situatie = "";
        private String categorie = "";
        private List<SignalForm.Uitspraak> uitspraken = new ArrayList<>();
        private String aanwezig = "";
        private List<String> vlaggen = new ArrayList<>();
        private List<String> indicatoren = new ArrayList<>();
        private String vastgelegdDoor = "";
        private String vastgelegdAls = "";
        private String sleutel = UUID.randomUUID().toString();

        /** Prefilled with the signal as it reads now, with one empty statement slot to add a statement. */
        void fill(PupilFile.Content now) {
            ZonedDateTime observed = now.observedAt() == null ? null : now.observedAt().atZone(SignalForm.SCHOOL_ZONE);
            datum = observed == null ? "" : observed.toLocalDate().toString();
            tijd = observed == null ? "" : observed.toLocalTime().withSecond(0).withNano(0).toString();
            plaats = text(now.place());
            situatie = text(now.situation());
            categorie = text(now.category());
            uitspraken = new ArrayList<>();
            for (PupilFile.Statement statement : now.statements()) {
                SignalForm.Uitspraak uitspraak = new SignalForm.Uitspraak();
                uitspraak.setTekst(statement.text());
                uitspraak.setSoort(statement.kind());
                uitspraak.setHerkomst(statement.origin());
                if (statement.source() != null) {
                    uitspraak.setBron(statement.source().description());
                    uitspraak.setToestemming(statement.source().consentToRecording());
                }
                uitspraken.add(uitspraak);
            }
            uitspraken.add(new SignalForm.Uitspraak());
            aanwezig = String.join(", ", now.othersPresent());
            vlaggen = new ArrayList<>(now.flags());
            indicatoren = new ArrayList<>(now.indicatorCodes());
            vastgelegdDoor = now.recordedBy() == null ? "" : text(now.recordedBy().personId());
            vastgelegdAls = now.recordedBy() == null ? "" : text(now.recordedBy().role());
        }

        /** Which statement slots are sent (an empty slot is left out): statements[i] is slot sentStatements().get(i). */
        List<Integer> sentStatements() {
            List<Integer> sent = new ArrayList<>();
            for (int slot = 0; slot < uitspraken.size(); slot++) {
                if (!uitspraken.get(slot).getTekst().isBlank()) {
                    sent.add(slot);
                }
            }
            return sent;
        }

        /** The signal-service's {@code SignalContent}; what cannot be read is sent as null, so the service names the field. */
        Map<String, Object> content() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("observedAt", observedAt());
            body.put("place", plaats);
            body.put("situation", situatie);
            List<Map<String, Object>> statements = new ArrayList<>();
            for (int slot : sentStatements()) {
                SignalForm.Uitspraak uitspraak = uitspraken.get(slot);
                Map<String, Object> statement = new LinkedHashMap<>();
                statement.put("text", uitspraak.getTekst());
                statement.put("kind", uitspraak.getSoort());
                statement.put("origin", uitspraak.getHerkomst());
                if ("THIRD_PARTY".equals(uitspraak.getHerkomst())) {
                    statement.put("source", Map.of("description", uitspraak.getBron(), "consentToRecording", uitspraak.isToestemming()));
                }
                statements.add(statement);
            }
            body.put("statements", statements);
            body.put("othersPresent", Arrays.stream(aanwezig.split("[,;]")).map(String::strip).filter(initials -> !initials.isEmpty()).toList());
            body.put("category", categorie.isBlank() ? null : categorie);
            body.put("flags", List.copyOf(vlaggen));
            body.put("indicatorCodes", List.copyOf(indicatoren));
            Map<String, Object> recordedBy = new LinkedHashMap<>();
            recordedBy.put("personId", vastgelegdDoor);
            recordedBy.put("role", vastgelegdAls);
            body.put("recordedBy", recordedBy);
            return body;
        }

        private String observedAt() {
            try {
                return ZonedDateTime.of(LocalDate.parse(datum), LocalTime.parse(tijd), SignalForm.SCHOOL_ZONE).toInstant().toString();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }

        /** The form field a service error about {@code correctedContent.*} belongs next to; null for the summary only. */
        String contentField(String serviceField) {
            String path = serviceField.replaceFirst("^correctedContent\\.?", "");
            if (path.startsWith("observedAt")) {
                return "datum";
            }
            if (path.startsWith("place")) {
                return "plaats";
            }
            if (path.startsWith("situation")) {
                return "situatie";
            }
            if (path.startsWith("category")) {
                return "categorie";
            }
            if (path.startsWith("othersPresent")) {
                return "aanwezig";
            }
            java.util.regex.Matcher statement = java.util.regex.Pattern.compile("^statements\\[(\\d+)](?:\\.(\\w+))?").matcher(path);
            if (statement.find()) {
                List<Integer> sent = sentStatements();
                int index = Integer.parseInt(statement.group(1));
                int slot = index < sent.size() ? sent.get(index) : 0;
                return "uitspraken" + slot + ("source".equals(statement.group(2)) ? ".bron" : ".tekst");
            }
            if (path.startsWith("statements") || path.isEmpty()) {
                return "uitspraken0.tekst";
            }
            return null;
        }

        public String getDatum() { return datum; }
        public void setDatum(String datum) { this.datum = text(datum); }
        public String getTijd() { return tijd; }
        public void setTijd(String tijd) { this.tijd = text(tijd); }
        public String getPlaats() { return plaats; }
        public void setPlaats(String plaats) { this.plaats = text(plaats); }
        public String getSituatie() { return situatie; }
        public void setSituatie(String situatie) { this.situatie = text(situatie); }
        public String getCategorie() { return categorie; }
        public void setCategorie(String categorie) { this.categorie = text(categorie); }
        public List<SignalForm.Uitspraak> getUitspraken() { return uitspraken; }
        public void setUitspraken(List<SignalForm.Uitspraak> uitspraken) { this.uitspraken = uitspraken == null ? new ArrayList<>() : new ArrayList<>(uitspraken); }
        public String getAanwezig() { return aanwezig; }
        public void setAanwezig(String aanwezig) { this.aanwezig = text(aanwezig); }
        public List<String> getVlaggen() { return vlaggen; }
        public void setVlaggen(List<String> vlaggen) { this.vlaggen = vlaggen == null ? new ArrayList<>() : new ArrayList<>(vlaggen); }
        public List<String> getIndicatoren() { return indicatoren; }
        public void setIndicatoren(List<String> indicatoren) { this.indicatoren = indicatoren == null ? new ArrayList<>() : new ArrayList<>(indicatoren); }
        public String getVastgelegdDoor() { return vastgelegdDoor; }
        public void setVastgelegdDoor(String value) { this.vastgelegdDoor = text(value); }
        public String getVastgelegdAls() { return vastgelegdAls; }
        public void setVastgelegdAls(String value) { this.vastgelegdAls = text(value); }
        public String getSleutel() { return sleutel; }
        public void setSleutel(String sleutel) { this.sleutel = sleutel; }
    }

    /** "Signaal corrigeren": the content as it should read and why. */
    public static class CorrectionForm extends ContentForm {
        private String reden = "";

        Map<String, Object> correction() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("correctedContent", content());
            body.put("reason", reden);
            return body;
        }

        String field(String serviceField) {
            if (serviceField == null) {
                return null;
            }
            return serviceField.startsWith("reason") ? "reden" : serviceField.startsWith("correctedContent") ? contentField(serviceField) : null;
        }

        public String getReden() { return reden; }
        public void setReden(String reden) { this.reden = text(reden); }
    }

    /** "Verzoek beantwoorden": granted with the content as it should read, or refused, with the explanation. */
    public static class AnswerForm extends ContentForm {
        private String besluit = "";
        private String uitleg = "";
        private String beantwoordOp = LocalDate.now(SignalForm.SCHOOL_ZONE).toString();

        boolean granted() {
            return "INWILLIGEN".equals(besluit);
        }

        /** The signal-service's {@code CorrectionAnswer}; a refusal sends no content. */
        Map<String, Object> answer() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("granted", granted());
            body.put("explanation", uitleg);
            body.put("answeredOn", date(beantwoordOp));
            body.put("correctedContent", granted() ? content() : null);
            return body;
        }

        String field(String serviceField) {
            if (serviceField == null) {
                return null;
            }
            if (serviceField.startsWith("explanation")) {
                return "uitleg";
            }
            if (serviceField.startsWith("answeredOn")) {
                return "beantwoordOp";
            }
            if (serviceField.startsWith("granted")) {
                return "besluit";
            }
            return serviceField.startsWith("correctedContent") ? contentField(serviceField) : null;
        }

        public String getBesluit() { return besluit; }
        public void setBesluit(String besluit) { this.besluit = text(besluit); }
        public String getUitleg() { return uitleg; }
        public void setUitleg(String uitleg) { this.uitleg = text(uitleg); }
        public String getBeantwoordOp() { return beantwoordOp; }
        public void setBeantwoordOp(String beantwoordOp) { this.beantwoordOp = text(beantwoordOp); }
    }

    /** "Zienswijze van ouders toevoegen": who gave it, when the school received it, and the view in their words. */
    public static class ParentViewForm {
        private String ingediendDoor = "";
        private String ontvangenOp = LocalDate.now(SignalForm.SCHOOL_ZONE).toString();
        private String zienswijze = "";
        private String sleutel = UUID.randomUUID().toString();

        Map<String, Object> view() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("submittedBy", ingediendDoor);
            body.put("receivedOn", date(ontvangenOp));
            body.put("view", zienswijze);
            return body;
        }

        static String field(String serviceField) {
            if (serviceField == null) {
                return null;
            }
            return switch (serviceField) {
                case "submittedBy" -> "ingediendDoor";
                case "receivedOn" -> "ontvangenOp";
                case "view" -> "zienswijze";
                default -> null;
            };
        }

        public String getIngediendDoor() { return ingediendDoor; }
        public void setIngediendDoor(String value) { this.ingediendDoor = text(value); }
        public String getOntvangenOp() { return ontvangenOp; }
        public void setOntvangenOp(String value) { this.ontvangenOp = text(value); }
        public String getZienswijze() { return zienswijze; }
        public void setZienswijze(String value) { this.zienswijze = text(value); }
        public String getSleutel() { return sleutel; }
        public void setSleutel(String sleutel) { this.sleutel = sleutel; }
    }

    /** "Verzoek om correctie vastleggen": the parents' written request, who made it and when the school received it. */
    public static class RequestForm {
        private String verzochtDoor = "";
        private String ontvangenOp = LocalDate.now(SignalForm.SCHOOL_ZONE).toString();
        private boolean schriftelijk;
        private String verzoek = "";
        private String sleutel = UUID.randomUUID().toString();

        Map<String, Object> request() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestedBy", verzochtDoor);
            body.put("receivedOn", date(ontvangenOp));
            body.put("inWriting", schriftelijk);
            body.put("request", verzoek);
            return body;
        }

        static String field(String serviceField) {
            if (serviceField == null) {
                return null;
            }
            return switch (serviceField) {
                case "requestedBy" -> "verzochtDoor";
                case "receivedOn" -> "ontvangenOp";
                case "inWriting" -> "schriftelijk";
                case "request" -> "verzoek";
                default -> null;
            };
        }

        public String getVerzochtDoor() { return verzochtDoor; }
        public void setVerzochtDoor(String value) { this.verzochtDoor = text(value); }
        public String getOntvangenOp() { return ontvangenOp; }
        public void setOntvangenOp(String value) { this.ontvangenOp = text(value); }
        public boolean isSchriftelijk() { return schriftelijk; }
        public void setSchriftelijk(boolean schriftelijk) { this.schriftelijk = schriftelijk; }
        public String getVerzoek() { return verzoek; }
        public void setVerzoek(String value) { this.verzoek = text(value); }
        public String getSleutel() { return sleutel; }
        public void setSleutel(String sleutel) { this.sleutel = sleutel; }
    }
}
