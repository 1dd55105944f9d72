package vn.luot.bridge;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.luot.bridge.config.BridgeConfig;
import vn.luot.bridge.config.BridgeConfigException;
import vn.luot.bridge.config.BridgeConfigLoader;
import vn.luot.bridge.render.EscPosTicket;
import vn.luot.bridge.render.TicketContent;
import vn.luot.bridge.render.TicketLayout;
import vn.luot.bridge.render.TicketPreview;

/**
 * {@code java -jar luot-printer-bridge.jar --config bridge.yaml}: runs the bridge next to a printer.
 * {@code --preview ticket.png}: draws a ticket (a sample, or {@code --job job.json}) for a person to see.
 */
@Command(name = "luot-printer-bridge", mixinStandardHelpOptions = true, version = "Lượt printer bridge 0.1",
        description = "Prints the tickets of one Lượt printer: receives its print jobs from the core and "
                + "sends them to the thermal printer as ESC/POS.")
public final class Main implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @Option(names = "--config", paramLabel = "FILE", description = "the bridge's settings (see bridge.example.yaml)")
    Path config;

    @Option(names = "--preview", paramLabel = "PNG", description = "draw a ticket to this PNG file and exit")
    Path preview;

    @Option(names = "--job", paramLabel = "JSON", description = "with --preview: the print job to draw (default: a sample)")
    Path job;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BridgeConfig settings;
        try {
            settings = config == null ? null : BridgeConfigLoader.load(config);
        } catch (BridgeConfigException e) {
            System.err.println("The printer bridge cannot start: " + e.getMessage());
            return 2;
        }
        if (preview != null) {
            return preview(settings);
        }
        if (settings == null) {
            System.err.println("The printer bridge needs --config bridge.yaml (or --preview ticket.png)");
            return 2;
        }
        return run(settings);
    }

    private int preview(BridgeConfig settings) throws IOException {
        JsonObject sample = new JsonObject(job == null ? sampleJob() : Files.readString(job, StandardCharsets.UTF_8));
        int width = settings == null ? 576 : settings.printer().paperWidthDots();
        TicketContent content = TicketContent.of(sample);
        EscPosTicket escpos = new EscPosTicket(BridgeConfig.TextMode.RASTER, 0, width);
        BufferedImage image = TicketPreview.render(TicketLayout.of(content, false), width,
                escpos.numberMagnification(content.number()));
        Path parent = preview.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        ImageIO.write(image, "png", preview.toFile());
        System.out.println("Wrote the ticket " + content.number() + " to " + preview);
        return 0;
    }

    private static int run(BridgeConfig settings) {
        Vertx vertx = Vertx.vertx();
        try {
            vertx.deployVerticle(new BridgeVerticle(settings, Clock.systemUTC())).await();
        } catch (Exception e) {
            LOG.error("The printer bridge could not start", e);
            vertx.close();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().await(), "luot-bridge-shutdown"));
        LOG.info("Printer bridge for '{}' started: core {}, printer {}", settings.printerId(), settings.coreUrl(),
                settings.printer().transport().name().toLowerCase(java.util.Locale.ROOT));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static String sampleJob() throws IOException {
        try (InputStream in = Main.class.getResourceAsStream("/sample-job.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource sample-job.json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
