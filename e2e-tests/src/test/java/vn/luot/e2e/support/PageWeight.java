package vn.luot.e2e.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a page costs to load, as the browser counts it (Resource Timing: bytes on the wire, headers
 * included, after compression): on a first visit with an empty cache, and on a reload. Each measurement
 * is also appended to {@code target/page-weights.txt}.
 */
public final class PageWeight {
    /**
     * @param transferredBytes  bytes on the wire for the page and everything it fetched (not WebSockets)
     * @param requests          how many requests
     * @param bodiesDownloaded  the requests that downloaded a body, with their bytes (on a reload: what changed, or API data)
     */
    public record Load(long transferredBytes, int requests, List<String> bodiesDownloaded) {
    }

    public record Weights(Load firstLoad, Load reload) {
    }

    private PageWeight() {
    }

    /** Loads url with an empty cache, waits for ready, then reloads and waits again. */
    public static Weights measure(Browser browser, String name, String url, Consumer<Browser> ready) {
        browser.driver().get("about:blank");
        ((org.openqa.selenium.chrome.ChromeDriver) browser.driver()).executeCdpCommand("Network.clearBrowserCache", Map.of());
        browser.go(url);
        ready.accept(browser);
        Load first = load(browser);
        browser.driver().navigate().refresh();
        ready.accept(browser);
        Load again = load(browser);
        record(name, first, again);
        return new Weights(first, again);
    }

    @SuppressWarnings("unchecked")
    private static Load load(Browser browser) {
        Map<String, Object> measured = (Map<String, Object>) browser.script("""
                const entries = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
                return {
                  bytes: entries.reduce((n, e) => n + e.transferSize, 0),
                  requests: entries.length,
                  // Chromium counts a response's headers as 300 bytes: a downloaded body is transferSize =
                  // body + 300; a revalidated one (304) is 300 alone; a copy from the memory cache is 0.
                  bodies: entries.filter(e => e.encodedBodySize > 0 && e.transferSize >= e.encodedBodySize + 300)
                      .map(e => new URL(e.name).pathname + ' ' + e.transferSize + ' B'),
                };""");
        return new Load(((Number) measured.get("bytes")).longValue(), ((Number) measured.get("requests")).intValue(),
                (List<String>) measured.get("bodies"));
    }

    private static synchronized void record(String name, Load first, Load again) {
        try {
            Path file = Path.of("target", "page-weights.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, name + "\tfirst load " + first.transferredBytes() + " B in " + first.requests()
                            + " requests\treload " + again.transferredBytes() + " B in " + again.requests()
                            + " requests, bodies downloaded: " + again.bodiesDownloaded() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
