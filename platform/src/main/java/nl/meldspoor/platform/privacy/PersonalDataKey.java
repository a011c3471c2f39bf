package nl.meldspoor.platform.privacy;

import java.util.UUID;

/** The key of one record's personal data, with the school whose staff may read it. */
public record PersonalDataKey(UUID keyId, String schoolId, byte[] secret) {
}
