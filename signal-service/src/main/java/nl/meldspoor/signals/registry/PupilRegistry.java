package nl.meldspoor.signals.registry;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.meldspoor.signals.pupil.PupilRegistration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The pupil registry (DOMAIN.md §1, §7): names and other directly identifying data, each pupil under a
 * random pseudonymous reference that is all the rest of the system ever sees.
 */
@Component
public class PupilRegistry implements PupilRegistration {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int REF_LENGTH = 10;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PupilRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Registers a pupil and hands out their reference: random, so it says nothing about the pupil. */
    public RegisteredPupil register(String schoolId, PupilIdentity identity, String registeredBy) {
        String pupilRef = newReference();
        jdbc.update("""
                        INSERT INTO pupil_registry (pupil_ref, school_id, given_name, family_name, birth_date, school_group, family_ref,
                                                    registered_by, registered_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                pupilRef, schoolId, identity.givenName().strip(), identity.familyName().strip(), Date.valueOf(identity.birthDate()),
                identity.group(), identity.familyRef(), registeredBy, Timestamp.from(clock.instant()));
        return new RegisteredPupil(pupilRef, schoolId, identity.givenName().strip(), identity.familyName().strip(), identity.birthDate(),
                identity.group(), identity.familyRef(), false);
    }

    /** The pupil, also after their identity was erased (then {@link RegisteredPupil#erased()}). */
    public Optional<RegisteredPupil> find(String pupilRef) {
        return jdbc.query("SELECT * FROM pupil_registry WHERE pupil_ref = ?", PupilRegistry::pupil, pupilRef).stream().findFirst();
    }

    @Override
    public boolean isRegisteredAt(String pupilRef, String schoolId) {
        Integer found = jdbc.queryForObject("SELECT count(*) FROM pupil_registry WHERE pupil_ref = ? AND school_id = ? AND erased_at IS NULL",
                Integer.class, pupilRef, schoolId);
        return found != null && found > 0;
    }

    /**
     * The pupil's brothers and sisters registered at the same school: the family as the school registered it,
     * not as a caller names it, and never across schools (DOMAIN.md §2).
     */
    public List<String> siblingsAt(String pupilRef, String schoolId) {
        return jdbc.queryForList("""
                        SELECT sibling.pupil_ref FROM pupil_registry pupil
                        JOIN pupil_registry sibling ON sibling.family_ref = pupil.family_ref AND sibling.school_id = pupil.school_id
                        WHERE pupil.pupil_ref = ? AND pupil.school_id = ? AND sibling.pupil_ref <> pupil.pupil_ref
                        ORDER BY sibling.pupil_ref""",
                String.class, pupilRef, schoolId);
    }

    /** Corrects the identity of a pupil whose identity was not erased; the reference stays. */
    public boolean correct(String pupilRef, PupilIdentity identity, String correctedBy) {
        return jdbc.update("""
                        UPDATE pupil_registry SET given_name = ?, family_name = ?, birth_date = ?, school_group = ?, family_ref = ?,
                                                  corrected_by = ?, corrected_at = ?
                        WHERE pupil_ref = ? AND erased_at IS NULL""",
                identity.givenName().strip(), identity.familyName().strip(), Date.valueOf(identity.birthDate()), identity.group(),
                identity.familyRef(), correctedBy, Timestamp.from(clock.instant()), pupilRef) > 0;
    }

    /** Erases name and date of birth: the reference stays, but nothing joins it to a person any more. */
    public boolean erase(String pupilRef, String erasedBy) {
        return jdbc.update("""
                        UPDATE pupil_registry SET given_name = NULL, family_name = NULL, birth_date = NULL, erased_by = ?, erased_at = ?
                        WHERE pupil_ref = ? AND erased_at IS NULL""",
                erasedBy, Timestamp.from(clock.instant()), pupilRef) > 0;
    }

    /** Pupils of one school whose given or family name starts with the text, at most 50. */
    public List<RegisteredPupil> search(String schoolId, String name) {
        String prefix = name.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("""
                        SELECT * FROM pupil_registry
                        WHERE school_id = ? AND erased_at IS NULL AND (lower(family_name) LIKE ? OR lower(given_name) LIKE ?)
                        ORDER BY lower(family_name), lower(given_name), pupil_ref LIMIT 50""",
                PupilRegistry::pupil, schoolId, prefix, prefix);
    }

    private String newReference() {
        StringBuilder ref = new StringBuilder("lln-");
        for (int i = 0; i < REF_LENGTH; i++) {
            ref.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return ref.toString();
    }

    private static RegisteredPupil pupil(ResultSet row, int number) throws SQLException {
        Date birth = row.getDate("birth_date");
        return new RegisteredPupil(row.getString("pupil_ref"), row.getString("school_id"), row.getString("given_name"),
                row.getString("family_name"), birth == null ? null : birth.toLocalDate(), row.getInt("school_group"),
                row.getString("family_ref"), row.getTimestamp("erased_at") != null);
    }
}
