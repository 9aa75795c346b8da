package dev.gigstream.api.personal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MasterKeysTest {

    private static final byte[] DATA_KEY = AesGcm.newKey();

    @Test
    void aWrappedDataKeyUnwrapsForItsSubjectAndVersionOnly() {
        MasterKeys keys = MasterKeys.of(H2Keys.newMasterKey(), null);
        String wrapped = keys.wrap("worker-1", 1, DATA_KEY);

        assertThat(wrapped).doesNotContain(Base64.getEncoder().encodeToString(DATA_KEY));
        assertThat(keys.unwrap(keys.currentId(), "worker-1", 1, wrapped)).isEqualTo(DATA_KEY);
        assertThatIllegalStateException().isThrownBy(() -> keys.unwrap(keys.currentId(), "worker-2", 1, wrapped));
        assertThatIllegalStateException().isThrownBy(() -> keys.unwrap(keys.currentId(), "worker-1", 2, wrapped));
    }

    @Test
    void theKeyBeforeARotationStillUnwrapsAndAnUnknownOneIsNamed() {
        String old = H2Keys.newMasterKey();
        MasterKeys before = MasterKeys.of(old, "");
        String wrapped = before.wrap("worker-1", 1, DATA_KEY);
        MasterKeys during = MasterKeys.of(H2Keys.newMasterKey(), old);
        MasterKeys after = MasterKeys.of(H2Keys.newMasterKey(), null);

        assertThat(during.currentId()).isNotEqualTo(before.currentId());
        assertThat(during.previousId()).contains(before.currentId());
        assertThat(during.unwrap(before.currentId(), "worker-1", 1, wrapped)).isEqualTo(DATA_KEY);
        assertThatIllegalStateException().isThrownBy(() -> after.unwrap(before.currentId(), "worker-1", 1, wrapped))
                .withMessageContaining(before.currentId()).withMessageContaining("GIGSTREAM_PERSONAL_DATA_MASTER_KEY");
    }

    @Test
    void aKeyThatIsNotBase64Of256BitsIsRefused() {
        assertThatIllegalStateException().isThrownBy(() -> MasterKeys.of("not base64!", null))
                .withMessageContaining("GIGSTREAM_PERSONAL_DATA_MASTER_KEY is not base64");
        assertThatIllegalStateException().isThrownBy(() -> MasterKeys.of(Base64.getEncoder().encodeToString(new byte[16]), null))
                .withMessageContaining("must be 32 bytes");
        assertThatIllegalStateException().isThrownBy(() -> MasterKeys.of(H2Keys.newMasterKey(), "c2hvcnQ="))
                .withMessageContaining("GIGSTREAM_PERSONAL_DATA_MASTER_KEY_PREVIOUS");
    }

    @Test
    void withoutAKeyOnlyTheEmbeddedProfileFallsBackToADevelopmentKeyKeptInTheDataDirectory(@TempDir Path dataDir) {
        assertThatIllegalStateException().isThrownBy(() -> MasterKeys.resolve("", null, false, dataDir))
                .withMessageContaining("GIGSTREAM_PERSONAL_DATA_MASTER_KEY is not set");

        MasterKeys first = MasterKeys.resolve(null, null, true, dataDir);
        MasterKeys afterRestart = MasterKeys.resolve(" ", null, true, dataDir);

        assertThat(Files.exists(dataDir.resolve(MasterKeys.DEV_KEY_FILE))).isTrue();
        assertThat(afterRestart.currentId()).isEqualTo(first.currentId());
        String configured = H2Keys.newMasterKey();
        assertThat(MasterKeys.resolve(configured, null, true, dataDir).currentId()).isEqualTo(MasterKeys.of(configured, null).currentId());
    }
}
