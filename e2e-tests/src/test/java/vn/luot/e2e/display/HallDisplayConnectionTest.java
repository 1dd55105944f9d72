package vn.luot.e2e.display;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.e2e.display.Pages.act;
import static vn.luot.e2e.display.Pages.text;
import static vn.luot.e2e.display.Pages.texts;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.e2e.support.CuttableProxy;
import vn.luot.e2e.support.PageTest;

@DisplayName("The hall display when its live connection breaks")
class HallDisplayConnectionTest extends PageTest {
    /** Reconnection backs off up to 8 s (with jitter), so recovery gets a generous limit. */
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    /**
     * Wraps the browser's WebSocket so a test can make the page lose the next live events, as a real
     * network or server hiccup could: window.__luotDrop = n drops the next n events before the page
     * sees them. The connection, the server and every other message stay real.
     */
    private static final String EVENT_DROPPER = """
            (() => {
              const Native = window.WebSocket;
              window.__luotDrop = 0;
              window.__luotDropped = [];
              window.WebSocket = class extends Native {
                set onmessage(handler) {
                  super.onmessage = (event) => {
                    let message = null;
                    try { message = JSON.parse(event.data); } catch (e) { /* not JSON: pass it on */ }
                    if (window.__luotDrop > 0 && message && message.type.includes('.')) {
                      window.__luotDrop--;
                      window.__luotDropped.push(message.seq);
                      return;
                    }
                    handler(event);
                  };
                }
                get onmessage() { return super.onmessage; }
              };
            })();
            """;

    private String manager;

    @BeforeAll
    static void openBrowser() {
        openBrowser(1920, 1080);   // a hall TV
        browser.beforeEveryPage(EVENT_DROPPER);
    }

    @BeforeEach
    void addManager() {
        manager = server.newStaff("manager");
    }

    @Test
    @DisplayName("When the connection is cut the page greys the board and says so in a corner, then reconnects by itself and shows the calls made meanwhile")
    void offlineThenRecovers() {
        server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        server.open(1, manager, "chung-thuc");
        server.open(3, manager, "ho-tich");
        try (CuttableProxy proxy = CuttableProxy.to(server.port())) {
            browser.go(proxy.url("/display/?site=hac-thanh"));
            awaitOnline();
            act(server, manager, 1, "call-next", null);
            browser.await(d -> "A001".equals(text(browser, ".call--newest .number")));
            long snapshotsBefore = snapshots();

            proxy.cut();

            browser.await(d -> Pages.shown(browser, "#connection"));
            assertThat(text(browser, "#connection")).isEqualTo("Mất kết nối, đang kết nối lại");
            assertThat(browser.script("return document.body.classList.contains('offline')")).isEqualTo(true);
            assertThat(browser.script("return getComputedStyle(document.getElementById('calls')).filter"))
                    .isEqualTo("grayscale(1)");
            assertThat(Pages.wholeOnScreen(browser, "#connection")).isEmpty();
            browser.screenshot("hall-offline");

            // Meanwhile the hall goes on, through the API directly.
            act(server, manager, 1, "complete", null);
            act(server, manager, 1, "call-next", null);
            server.issue("hac-thanh", "ho-tich");
            act(server, manager, 3, "call-next", null);
            server.issue("hac-thanh", "chung-thuc");
            assertThat(browser.script("return document.body.classList.contains('offline')")).isEqualTo(true);

            proxy.restore();

            browser.await(RECOVERY, d -> "online".equals(browser.script("return LuotDisplay.status")));
            assertThat(Pages.shown(browser, "#connection")).isFalse();
            assertThat(browser.script("return document.body.classList.contains('offline')")).isEqualTo(false);
            assertThat(snapshots()).isGreaterThan(snapshotsBefore);
            assertThat(texts(browser, "#current-calls .number")).containsExactly("B001", "A002");
            assertThat(texts(browser, "#current-calls .counter")).containsExactly("Quầy số 3", "Quầy số 1");
            assertThat(texts(browser, "#history-rows .number")).containsExactly("B001", "A002", "A001");
            assertThat(browser.find("#history-rows tr:last-child").getAttribute("class")).isEqualTo("past");
            assertThat(text(browser, "[data-service='chung-thuc'] .waiting")).isEqualTo("2 người");
            // The two calls the hall could not hear while the display was offline are announced now.
            browser.await(d -> announcedNumbers().size() == 3);
            assertThat(announcedNumbers()).containsExactly("A001", "A002", "B001");
            browser.screenshot("hall-recovered");
        }
    }

    @Test
    @DisplayName("A gap in the event sequence makes the page reload the snapshot, so a lost call still shows and is announced")
    void gapReloadsTheSnapshot() {
        server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "ho-tich");
        server.open(1, manager, "chung-thuc");
        server.open(3, manager, "ho-tich");
        browser.go(baseUrl() + "/display/?site=hac-thanh");
        awaitOnline();
        assertThat(snapshots()).isEqualTo(1);

        browser.script("window.__luotDrop = 1;");
        JsonObject lost = act(server, manager, 1, "call-next", null);
        browser.await(d -> Long.valueOf(1).equals(browser.script("return window.__luotDropped.length")));
        act(server, manager, 3, "call-next", null);

        browser.await(d -> snapshots() == 2);
        browser.await(d -> texts(browser, "#current-calls .number").equals(List.of("B001", lost.getString("number"))));
        assertThat(browser.script("return LuotDisplay.status")).isEqualTo("online");
        browser.await(d -> announcedNumbers().size() == 2);
        assertThat(announcedNumbers()).containsExactly("A001", "B001");
    }

    private void awaitOnline() {
        browser.await(d -> Boolean.TRUE.equals(browser.script(
                "return !!window.LuotDisplay && LuotDisplay.status === 'online'")));
    }

    private long snapshots() {
        return ((Number) browser.script("return LuotDisplay.snapshots")).longValue();
    }

    private List<String> announcedNumbers() {
        return Pages.jsonArray(browser, "LuotDisplay.announcements").stream()
                .map(a -> ((JsonObject) a).getString("number")).toList();
    }
}
