package nl.meldspoor.platform.privacy;

import java.util.UUID;

/** The key of one record's personal data; {@code secret} is null once it was erased. */
public record PersonalDataKey(UUID keyId, byte[] secret) {
}
