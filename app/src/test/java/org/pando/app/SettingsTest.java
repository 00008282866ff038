package org.pando.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pando.moderation.ModerationConfig;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void laterLayersWinFileThenEnvironmentThenFlags() throws IOException {
        Path file = Files.writeString(dir.resolve("pando.yaml"), """
                server:
                  port: 9000
                  host: 0.0.0.0
                media:
                  max-duration: 2h
                  ladder:
                    rungs: [720, 360]
                """);
        String[] args = {"--config", file.toString(), "--port", "9100", "--set", "upload.max-size=500MB"};
        Settings settings = Main.settings(args).withEnvironment(Map.of("PANDO_MEDIA_PRESET", "medium"));

        assertThat(settings.integer("server.port")).as("flag over file").isEqualTo(9100);
        assertThat(settings.text("server.host")).as("file over default").isEqualTo("0.0.0.0");
        assertThat(settings.duration("media.max-duration")).isEqualTo(Duration.ofHours(2));
        assertThat(settings.integers("media.ladder.rungs")).as("YAML list").containsExactly(720, 360);
        assertThat(settings.bytes("upload.max-size")).isEqualTo(500_000_000L);
        assertThat(settings.text("media.preset")).as("environment variable").isEqualTo("medium");
    }

    @Test
    void namesEveryKeysEnvironmentVariable() {
        assertThat(Settings.environmentName("media.max-duration")).isEqualTo("PANDO_MEDIA_MAX_DURATION");
        assertThat(Settings.environmentName("data-dir")).isEqualTo("PANDO_DATA_DIR");
    }

    @Test
    void refusesUnknownKeysAndMalformedValuesWithTheKeysName() throws IOException {
        Path typo = Files.writeString(dir.resolve("typo.yaml"), "media:\n  max-durration: 2h\n");
        assertThatThrownBy(() -> Settings.defaults().withFile(typo)).isInstanceOf(ConfigurationError.class)
                .hasMessageContaining("media.max-durration");
        assertThatThrownBy(() -> Settings.defaults().with("server.port", "eighty").integer("server.port"))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("server.port");
        assertThatThrownBy(() -> Settings.defaults().with("jobs.lease", "soon").duration("jobs.lease"))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("jobs.lease");
    }

    @Test
    void defaultsAreTheEmbeddedMode() {
        PandoConfig config = PandoConfig.from(Settings.defaults().with("data-dir", dir.toString()));

        assertThat(config.database().embedded()).as("H2 by default").isTrue();
        assertThat(config.database().url()).contains(dir.toString());
        assertThat(config.web().port()).isEqualTo(8080);
        assertThat(config.media().ladder()).containsExactly(2160, 1440, 1080, 720, 480, 360, 240);
        assertThat(config.upload().directory()).isEqualTo(dir.resolve("uploads"));
        assertThat(List.of(config.jobs().maxAttempts(), config.jobs().workers())).containsExactly(3, 1);
    }

    @Test
    void moderationThresholdsComeFromTheirKeysAndStayBetweenZeroAndOne() {
        PandoConfig defaults = PandoConfig.from(Settings.defaults().with("data-dir", dir.toString()));
        assertThat(defaults.moderation()).as("the default thresholds").isEqualTo(ModerationConfig.defaults());

        PandoConfig lowered = PandoConfig.from(Main.settings(new String[] {"--data-dir", dir.toString(), "--set",
                "moderation.hold-threshold=0.25"}).withEnvironment(Map.of("PANDO_MODERATION_MIN_PERSON_COVERAGE", "0.1")));
        assertThat(lowered.moderation()).as("a flag and an environment variable")
                .isEqualTo(new ModerationConfig(0.25, 0.95, 0.1));
        assertThatThrownBy(() -> PandoConfig.from(Settings.defaults().with("moderation.hold-threshold", "1.5")))
                .isInstanceOf(ConfigurationError.class).hasMessageContaining("moderation.hold-threshold");
    }
}
