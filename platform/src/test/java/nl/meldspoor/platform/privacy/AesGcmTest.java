package nl.meldspoor.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The thread's cipher and generator are reused: nothing of one seal may carry into the next. */
class AesGcmTest {

    private static final byte[] ID = "record-key-id".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TEXT = "Blauwe plek op de linkerarm".getBytes(StandardCharsets.UTF_8);

    @Test
    void everySealHasItsOwnNonceAndOpens() throws Exception {
        byte[] key = PersonalDataCipher.newKey();

        byte[] first = AesGcm.seal(key, ID, TEXT);
        byte[] second = AesGcm.seal(key, ID, TEXT);

        assertThat(Arrays.copyOf(first, 12)).isNotEqualTo(Arrays.copyOf(second, 12));
        assertThat(first).isNotEqualTo(second);
        assertThat(AesGcm.open(key, ID, first, 0)).isEqualTo(TEXT);
        assertThat(AesGcm.open(key, ID, second, 0)).isEqualTo(TEXT);
    }

    @Test
    void aRefusedOpenLeavesTheThreadsCipherUsable() throws Exception {
        byte[] key = PersonalDataCipher.newKey();
        byte[] sealed = AesGcm.seal(key, ID, TEXT);

        assertThatThrownBy(() -> AesGcm.open(PersonalDataCipher.newKey(), ID, sealed, 0)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> AesGcm.open(key, "another-id".getBytes(StandardCharsets.US_ASCII), sealed, 0))
                .isInstanceOf(GeneralSecurityException.class);

        assertThat(AesGcm.open(key, ID, sealed, 0)).isEqualTo(TEXT);
        assertThat(AesGcm.open(key, ID, AesGcm.seal(key, ID, TEXT), 0)).isEqualTo(TEXT);
    }

    @Test
    void newKeysAre256BitsAndDiffer() {
        assertThat(PersonalDataCipher.newKey()).hasSize(32).isNotEqualTo(PersonalDataCipher.newKey());
    }
}
