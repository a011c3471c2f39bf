package nl.meldspoor.casework.meldcase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import nl.meldspoor.api.meldcase.AttachedSignal;

/**
 * Where a signal in a case comes from. The signal-service owns the signals of a pupil's file and the
 * signal intake brings them (and their corrections) into cases; a case opened or extended over HTTP
 * names its own signals, which must never be mistaken for a pupil-file signal of the same id — else a
 * case could claim another school's signal ids and receive that school's corrections. So the case-service
 * puts every signal id given over HTTP in its own namespace ({@value #CASE_NAMESPACE}…), which the
 * signal-service never issues (it issues UUIDs), and the intake only ever reaches pupil-file signals.
 */
public enum SignalOrigin {

    /** Named by whoever opened or extended the case over HTTP. */
    CASE("case"),
    /** Recorded in a pupil's file at the signal-service and brought in by the signal intake. */
    PUPIL_FILE("pupil-file");

    public static final String CASE_NAMESPACE = "case:";
    /** The longest identifier a message carries ({@code Identifiers.REFERENCE}). */
    private static final int MAX_ID = 100;

    private final String code;

    SignalOrigin(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SignalOrigin of(String signalId) {
        return signalId != null && signalId.startsWith(CASE_NAMESPACE) ? CASE : PUPIL_FILE;
    }

    /**
     * The id a signal given over HTTP gets in the case: the same given id always maps to the same one (a
     * repeated attach stays idempotent), an id already in the namespace stays as it is, and an id too long
     * to take the prefix is replaced by a digest of it.
     */
    public static String ownedByTheCase(String given) {
        if (of(given) == CASE) {
            return given;
        }
        String namespaced = CASE_NAMESPACE + given;
        return namespaced.length() <= MAX_ID ? namespaced : CASE_NAMESPACE + digest(given);
    }

    public static AttachedSignal ownedByTheCase(AttachedSignal given) {
        return given == null || given.signalId() == null ? given : new AttachedSignal(ownedByTheCase(given.signalId()), given.content());
    }

    public static List<AttachedSignal> ownedByTheCase(List<AttachedSignal> given) {
        return given == null ? null : given.stream().map(SignalOrigin::ownedByTheCase).toList();
    }

    private static String digest(String given) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(given.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
