package nl.meldspoor.web.pages;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the person typed into "Signaal vastleggen", kept as typed: a refused form comes back exactly as it was sent.
 * Two statement slots; an empty slot is left out.
 */
public class SignalForm {

    static final ZoneId SCHOOL_ZONE = ZoneId.of("Europe/Amsterdam");
    static final int STATEMENTS = 2;

    private String naam = "";
    private String leerling = "";
    private String datum = "";
    private String tijd = "";
    private String plaats = "";
    private String situatie = "";
    private String categorie = "";
    private List<Uitspraak> uitspraken = new ArrayList<>(List.of(new Uitspraak(), new Uitspraak()));
    private String aanwezig = "";
    private boolean onthulling;
    private boolean eergerelateerd;
    private String sleutel = UUID.randomUUID().toString();
    private List<Markering> markeringen = new ArrayList<>();

    /**
     * One mark on the body map, as typed: where ("Plek kiezen": region, view, side from the child's side), what kind,
     * size in cm, colour and a short description. Never a photo and never a date of the injury.
     */
    public static class Markering {
        private String plek = "";
        private String aanzicht = "FRONT";
        private String zijde = "";
        private String soort = "";
        private String grootte = "";
        private String kleur = "";
        private String omschrijving = "";

        /** Nothing filled in beyond the defaults: a row added and left empty is not sent. */
        boolean empty() {
            return plek.isBlank() && soort.isBlank() && grootte.isBlank() && kleur.isBlank() && omschrijving.isBlank();
        }

        /** The size as a number; a comma is the Dutch decimal sign. Null when left empty. */
        Double sizeCm() {
            return grootte.isBlank() ? null : Double.valueOf(grootte.strip().replace(',', '.'));
        }

        boolean sizeReadable() {
            try {
                Double size = sizeCm();
                return size == null || !size.isNaN() && !size.isInfinite();
            } catch (NumberFormatException unreadable) {
                return false;
            }
        }

        Map<String, Object> mark() {
            Map<String, Object> mark = new LinkedHashMap<>();
            mark.put("region", blankToNull(plek));
            mark.put("view", blankToNull(aanzicht));
            mark.put("side", blankToNull(zijde));
            mark.put("kind", blankToNull(soort));
            mark.put("sizeCm", sizeReadable() ? sizeCm() : null);
            mark.put("colour", blankToNull(kleur));
            mark.put("description", blankToNull(omschrijving));
            return mark;
        }

        public String getPlek() { return plek; }
        public void setPlek(String plek) { this.plek = plek == null ? "" : plek; }
        public String getAanzicht() { return aanzicht; }
        public void setAanzicht(String aanzicht) { this.aanzicht = aanzicht == null || aanzicht.isBlank() ? "FRONT" : aanzicht; }
        public String getZijde() { return zijde; }
        public void setZijde(String zijde) { this.zijde = zijde == null ? "" : zijde; }
        public String getSoort() { return soort; }
        public void setSoort(String soort) { this.soort = soort == null ? "" : soort; }
        public String getGrootte() { return grootte; }
        public void setGrootte(String grootte) { this.grootte = grootte == null ? "" : grootte; }
        public String getKleur() { return kleur; }
        public void setKleur(String kleur) { this.kleur = kleur == null ? "" : kleur; }
        public String getOmschrijving() { return omschrijving; }
        public void setOmschrijving(String omschrijving) { this.omschrijving = omschrijving == null ? "" : omschrijving; }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Which mark slots are sent to the service (an empty row is left out), in order: bodyMap[i] is slot sentMarks().get(i). */
    List<Integer> sentMarks() {
        List<Integer> sent = new ArrayList<>();
        for (int slot = 0; slot < markeringen.size(); slot++) {
            if (!markeringen.get(slot).empty()) {
                sent.add(slot);
            }
        }
        return sent;
    }

    /** One statement: Feit or Interpretatie, own observation or from someone else (with the source and its consent). */
    public static class Uitspraak {
        private String tekst = "";
        private String soort = "FACT";
        private String herkomst = "OWN_OBSERVATION";
        private String bron = "";
        private boolean toestemming;

        public String getTekst() { return tekst; }
        public void setTekst(String tekst) { this.tekst = tekst == null ? "" : tekst; }
        public String getSoort() { return soort; }
        public void setSoort(String soort) { this.soort = soort; }
        public String getHerkomst() { return herkomst; }
        public void setHerkomst(String herkomst) { this.herkomst = herkomst; }
        public String getBron() { return bron; }
        public void setBron(String bron) { this.bron = bron == null ? "" : bron; }
        public boolean isToestemming() { return toestemming; }
        public void setToestemming(boolean toestemming) { this.toestemming = toestemming; }
    }

    static SignalForm startingNow() {
        SignalForm form = new SignalForm();
        ZonedDateTime now = ZonedDateTime.now(SCHOOL_ZONE);
        form.datum = now.toLocalDate().toString();
        form.tijd = now.toLocalTime().withSecond(0).withNano(0).toString();
        return form;
    }

    /** The pupil chosen: {@code pupilRef|familyRef}. */
    String pupilRef() {
        return leerling.contains("|") ? leerling.substring(0, leerling.indexOf('|')) : leerling;
    }

    String familyRef() {
        String family = leerling.contains("|") ? leerling.substring(leerling.indexOf('|') + 1) : "";
        return family.isBlank() ? null : family;
    }

    /** The signal-service's {@code SignalRecording}; what cannot be read is sent as is, so the service names the field. */
    Map<String, Object> recording(String schoolId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schoolId", schoolId);
        body.put("familyRef", familyRef());
        body.put("observedAt", observedAt());
        body.put("place", plaats);
        body.put("situation", situatie);
        List<Map<String, Object>> statements = new ArrayList<>();
        for (Uitspraak uitspraak : uitspraken) {
            if (uitspraak.tekst.isBlank()) {
                continue;
            }
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("text", uitspraak.tekst);
            statement.put("kind", uitspraak.soort);
            statement.put("origin", uitspraak.herkomst);
            if ("THIRD_PARTY".equals(uitspraak.herkomst)) {
                statement.put("source", Map.of("description", uitspraak.bron, "consentToRecording", uitspraak.toestemming));
            }
            statements.add(statement);
        }
        body.put("statements", statements);
        body.put("othersPresent", Arrays.stream(aanwezig.split("[,;]")).map(String::strip).filter(initials -> !initials.isEmpty()).toList());
        body.put("category", categorie.isBlank() ? null : categorie);
        List<String> flags = new ArrayList<>();
        if (onthulling) {
            flags.add("DISCLOSURE");
        }
        if (eergerelateerd) {
            flags.add("HONOUR_RELATED");
        }
        body.put("flags", flags);
        List<Map<String, Object>> bodyMap = sentMarks().stream().map(slot -> markeringen.get(slot).mark()).toList();
        if (!bodyMap.isEmpty()) {
            body.put("bodyMap", bodyMap);
        }
        return body;
    }

    private String observedAt() {
        try {
            return ZonedDateTime.of(LocalDate.parse(datum), LocalTime.parse(tijd), SCHOOL_ZONE).toInstant().toString();
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    public boolean urgent() {
        return onthulling || eergerelateerd;
    }

    public List<Markering> getMarkeringen() { return markeringen; }
    public void setMarkeringen(List<Markering> markeringen) { this.markeringen = new ArrayList<>(markeringen); }

    public String getNaam() { return naam; }
    public void setNaam(String naam) { this.naam = naam == null ? "" : naam; }
    public String getLeerling() { return leerling; }
    public void setLeerling(String leerling) { this.leerling = leerling == null ? "" : leerling; }
    public String getDatum() { return datum; }
    public void setDatum(String datum) { this.datum = datum == null ? "" : datum; }
    public String getTijd() { return tijd; }
    public void setTijd(String tijd) { this.tijd = tijd == null ? "" : tijd; }
    public String getPlaats() { return plaats; }
    public void setPlaats(String plaats) { this.plaats = plaats == null ? "" : plaats; }
    public String getSituatie() { return situatie; }
    public void setSituatie(String situatie) { this.situatie = situatie == null ? "" : situatie; }
    public String getCategorie() { return categorie; }
    public void setCategorie(String categorie) { this.categorie = categorie == null ? "" : categorie; }
    public List<Uitspraak> getUitspraken() { return uitspraken; }
    public void setUitspraken(List<Uitspraak> uitspraken) {
        this.uitspraken = new ArrayList<>(uitspraken);
        while (this.uitspraken.size() < STATEMENTS) {
            this.uitspraken.add(new Uitspraak());
        }
    }
    public String getAanwezig() { return aanwezig; }
    public void setAanwezig(String aanwezig) { this.aanwezig = aanwezig == null ? "" : aanwezig; }
    public boolean isOnthulling() { return onthulling; }
    public void setOnthulling(boolean onthulling) { this.onthulling = onthulling; }
    public boolean isEergerelateerd() { return eergerelateerd; }
    public void setEergerelateerd(boolean eergerelateerd) { this.eergerelateerd = eergerelateerd; }
    public String getSleutel() { return sleutel; }
    public void setSleutel(String sleutel) { this.sleutel = sleutel; }
}
