package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyWrappingTest {

    private static final String KEK = Base64.getEncoder().encodeToString(PersonalDataCipher.newKey());
    private final UUID keyId = UUID.randomUUID();
    private final byte[] recordKey = PersonalDataCipher.newKey();

    @Test
    void aWrappedRecordKeyIsNotTheKeyAndUnwrapsToIt() {
        KeyWrapping wrapping = KeyWrapping.of(KEK);

        byte[] stored = wrapping.wrap(keyId, recordKey);

        assertThat(stored).isNotEqualTo(recordKey).hasSizeGreaterThan(recordKey.length);
        assertThat(wrapping.unwrap(keyId, stored)).isEqualTo(recordKey);
    }

    @Test
    void aWrappedKeyMovedToAnotherRowOrOpenedWithAnotherKeyEncryptionKeyIsRefused() {
        byte[] stored = KeyWrapping.of(KEK).wrap(keyId, recordKey);

        assertThatThrownBy(() -> KeyWrapping.of(KEK).unwrap(UUID.randomUUID(), stored)).isInstanceOf(IllegalStateException.class);
        String other = Base64.getEncoder().encodeToString(PersonalDataCipher.newKey());
        assertThatThrownBy(() -> KeyWrapping.of(other).unwrap(keyId, stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeyEncryptionKeyRecordKeysAreStoredAsTheyAreAndWrappedOnesAreRefused() {
        KeyWrapping plain = KeyWrapping.of("");

        assertThat(plain.wrap(keyId, recordKey)).isEqualTo(recordKey);
        assertThat(plain.unwrap(keyId, recordKey)).isEqualTo(recordKey);
        assertThatThrownBy(() -> plain.unwrap(keyId, KeyWrapping.of(KEK).wrap(keyId, recordKey)))
                .hasMessageContaining("MELDSPOOR_KEY_ENCRYPTION_KEY");
    }

    @Test
    void aKeyEncryptionKeyMustBe256Bits() {
        assertThatThrownBy(() -> KeyWrapping.of(Base64.getEncoder().encodeToString(new byte[16]))).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> KeyWrapping.of("not base64!")).hasMessageContaining("base64");
    }
}
