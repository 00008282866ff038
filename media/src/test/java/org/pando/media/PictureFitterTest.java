package org.pando.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pictures fitted to a channel's shapes, from real photos and a real clip; what is not a picture is refused. */
class PictureFitterTest {
    @TempDir
    Path work;

    private final PictureFitter fitter = new PictureFitter(MediaConfig.defaults());

    @AfterEach
    void stop() {
        fitter.close();
        assertThat(fitter.runningProcesses()).as("ffmpeg processes left running").isZero();
    }

    @Test
    void aTallPhotoBecomesASquareAndAWideOneABannerOfExactlyTheAskedSize() throws IOException {
        Path square = work.resolve("avatar.jpg");
        fitter.fit(SharedMedia.clip("obama.jpg"), 400, 400, square, work);
        Path wide = work.resolve("banner.jpg");
        fitter.fit(SharedMedia.clip("two_people.jpg"), 2048, 512, wide, work);

        BufferedImage avatar = ImageIO.read(square.toFile());
        assertThat(avatar).as("the avatar decodes as a JPEG").isNotNull();
        assertThat(new int[] {avatar.getWidth(), avatar.getHeight()}).as("avatar size").containsExactly(400, 400);
        BufferedImage banner = ImageIO.read(wide.toFile());
        assertThat(new int[] {banner.getWidth(), banner.getHeight()}).as("banner size").containsExactly(2048, 512);
    }

    @Test
    void aClipGivesItsFirstPicture() throws IOException {
        Path out = work.resolve("from-clip.jpg");
        fitter.fit(SharedMedia.clip("car-detection.mp4"), 400, 400, out, work);
        assertThat(ImageIO.read(out.toFile()).getWidth()).as("width of the picture taken from a clip").isEqualTo(400);
    }

    @Test
    void textAndSoundAreNotPicturesAndNothingIsWritten() throws IOException {
        Path text = Files.writeString(work.resolve("notes.jpg"), "not a picture at all", StandardCharsets.UTF_8);
        Path out = work.resolve("out.jpg");

        assertThatThrownBy(() -> fitter.fit(text, 400, 400, out, work)).isInstanceOf(MediaRejected.class)
                .hasMessageContaining("could not be read as a picture");
        assertThatThrownBy(() -> fitter.fit(SharedMedia.clip("jfk.wav"), 400, 400, out, work))
                .isInstanceOf(MediaRejected.class).hasMessageContaining("could not be read as a picture");
        assertThat(out).as("no picture written for a refused file").doesNotExist();
    }
}
