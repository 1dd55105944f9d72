package vn.luot.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@DisplayName("--preview ticket.png")
class PreviewTest {

    @Test
    @DisplayName("Draws a sample ticket as a PNG as wide as 80 mm paper, with the printed number's black in it")
    void drawsASampleTicket() throws Exception {
        Path png = Path.of("target", "screenshots", "ticket-preview.png");

        int exit = new CommandLine(new Main()).execute("--preview", png.toString());

        assertThat(exit).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(576 + 32);
        assertThat(image.getHeight()).isGreaterThan(800);
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 100) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("ink on the paper").isGreaterThan(20_000);
    }

    @Test
    @DisplayName("Without --config or --preview the bridge explains what it needs and exits with status 2")
    void needsAConfig() {
        assertThat(new CommandLine(new Main()).execute()).isEqualTo(2);
    }
}
