package vn.luot.e2e.display;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.e2e.display.Pages.act;
import static vn.luot.e2e.display.Pages.text;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.e2e.support.CuttableProxy;
import vn.luot.e2e.support.PageTest;
import vn.luot.e2e.support.PageWeight;

@DisplayName("The citizen's tracking page at /track/ (from the ticket's QR code)")
class TrackingPageTest extends PageTest {
    private String manager;

    @BeforeAll
    static void openBrowser() {
        openBrowser(390, 844);   // a phone
    }

    @BeforeEach
    void addManager() {
        manager = server.newStaff("manager");
    }

    @Test
    @DisplayName("The QR code's link shows the number, the people ahead and the wait, follows them live, then says which counter to go to")
    void followsTheTicket() {
        server.open(1, manager, "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        JsonObject mine = server.issue("hac-thanh", "chung-thuc");
        String link = "/t/" + mine.getString("id") + "?s=" + mine.getString("holderSecret");
        assertThat(mine.getString("trackingUrl")).endsWith(link);

        browser.go(baseUrl() + link);
        awaitTicket();

        assertThat(browser.driver().getCurrentUrl())
                .endsWith("/track/?ticket=" + mine.getString("id") + "&s=" + mine.getString("holderSecret"));
        assertThat(text(browser, "#ticket-number")).isEqualTo("A003");
        assertThat(text(browser, "#ticket-status")).isEqualTo("Đang chờ");
        assertThat(text(browser, "#ahead-row dt")).isEqualTo("Số người đang chờ phía trước");
        assertThat(text(browser, "#people-ahead")).isEqualTo("2");
        assertThat(text(browser, "#wait-row dt")).isEqualTo("Thời gian chờ dự kiến");
        assertThat(text(browser, "#estimated-wait")).isEqualTo("khoảng 10 phút");
        assertThat(text(browser, "#ticket-service")).isEqualTo("Chứng thực");
        assertThat(text(browser, "#ticket-site")).isEqualTo("Trung tâm Phục vụ hành chính công phường Hạc Thành");
        assertThat(Pages.shown(browser, "#call")).isFalse();
        browser.screenshot("track-waiting");

        act(server, manager, 1, "call-next", null);
        browser.await(d -> "1".equals(text(browser, "#people-ahead")));
        // One ahead, and the counter has just begun the ticket it called: the estimator waits for both, the
        // one begun by the median of what it still needs (3.9 min of a 5-minute mean), the one ahead 5 min.
        assertThat(text(browser, "#estimated-wait")).isEqualTo("khoảng 9 phút");
        act(server, manager, 1, "complete", null);
        act(server, manager, 1, "call-next", null);
        browser.await(d -> "0".equals(text(browser, "#people-ahead")));
        act(server, manager, 1, "complete", null);
        act(server, manager, 1, "call-next", null);

        browser.await(d -> Pages.shown(browser, "#call"));
        assertThat(text(browser, "#call")).isEqualTo("Mời đến quầy số 1");
        assertThat(Pages.shown(browser, "#ahead-row")).isFalse();
        assertThat(Pages.wholeOnScreen(browser, "#call")).isEmpty();
        browser.screenshot("track-called");

        act(server, manager, 1, "start", null);
        browser.await(d -> "Đang phục vụ tại quầy số 1".equals(text(browser, "#ticket-status")));
        assertThat(Pages.shown(browser, "#call")).isFalse();
        act(server, manager, 1, "complete", null);
        browser.await(d -> "Hoàn thành".equals(text(browser, "#ticket-status")));
    }

    @Test
    @DisplayName("A ticket the counter will not reach before 17:00 is told to come back another working day, not a number of minutes")
    void comeBackAnotherDay() {
        server.clock().set(java.time.ZonedDateTime.of(2026, 11, 26, 16, 40, 0, 0,
                java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant());
        server.open(5, manager, "dat-dai");
        server.issue("hac-thanh", "dat-dai");
        JsonObject mine = server.issue("hac-thanh", "dat-dai");

        browser.go(baseUrl() + "/track/?ticket=" + mine.getString("id") + "&s=" + mine.getString("holderSecret"));
        awaitTicket();

        assertThat(text(browser, "#estimated-wait")).isEqualTo(
                "Dự kiến hôm nay không kịp đến lượt trước giờ đóng cửa. Mời công dân quay lại vào ngày làm việc khác.");
    }

    @Test
    @DisplayName("lang=en shows the page in English, with a link back to Vietnamese")
    void english() {
        server.open(1, manager, "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        JsonObject mine = server.issue("hac-thanh", "chung-thuc");

        browser.go(baseUrl() + "/track/?ticket=" + mine.getString("id") + "&lang=en");
        awaitTicket();

        assertThat(text(browser, "#ahead-row dt")).isEqualTo("People ahead of you");
        assertThat(text(browser, "#estimated-wait")).isEqualTo("about 5 minutes");
        assertThat(text(browser, "#ticket-service")).isEqualTo("Certification of copies and signatures");
        assertThat(text(browser, "#language")).isEqualTo("Tiếng Việt");
        act(server, manager, 1, "call-next", null);
        act(server, manager, 1, "complete", null);
        act(server, manager, 1, "call-next", null);
        browser.await(d -> "Please come to counter 1".equals(text(browser, "#call")));
        browser.screenshot("track-called-en");

        browser.find("#language").click();
        browser.await(d -> "Mời đến quầy số 1".equals(text(browser, "#call")));
    }

    @Test
    @DisplayName("A ticket that does not exist, or a link without one, gets a clear message instead of an empty page")
    void unknownTicket() {
        browser.go(baseUrl() + "/track/?ticket=" + UUID.randomUUID());
        browser.await(d -> Pages.shown(browser, "#track-error"));
        assertThat(text(browser, "#track-error")).startsWith("Không tìm thấy phiếu này.");
        assertThat(Pages.shown(browser, "#ticket")).isFalse();

        browser.go(baseUrl() + "/track/");
        browser.await(d -> Pages.shown(browser, "#track-error"));
        assertThat(text(browser, "#track-error")).startsWith("Địa chỉ thiếu mã phiếu.");
    }

    @Test
    @DisplayName("A malformed ticket id (/track/?ticket=abc) says the ticket was not found, never 'reconnecting' for ever")
    void malformedTicketId() {
        browser.go(baseUrl() + "/track/?ticket=abc");

        browser.await(d -> Pages.shown(browser, "#track-error"));
        assertThat(text(browser, "#track-error")).startsWith("Không tìm thấy phiếu này.");
        assertThat(Pages.shown(browser, "#connection")).isFalse();
        assertThat(browser.script("return LuotTrack.status")).isEqualTo("missing");
    }

    @Test
    @DisplayName("When the phone loses the connection the page says so, then reconnects by itself and shows the call made meanwhile")
    void offlineThenRecovers() {
        server.open(1, manager, "chung-thuc");
        JsonObject mine = server.issue("hac-thanh", "chung-thuc");
        try (CuttableProxy proxy = CuttableProxy.to(server.port())) {
            browser.go(proxy.url("/track/?ticket=" + mine.getString("id")));
            awaitTicket();
            assertThat(text(browser, "#people-ahead")).isEqualTo("0");

            proxy.cut();
            browser.await(d -> Pages.shown(browser, "#connection"));
            assertThat(text(browser, "#connection")).isEqualTo("Mất kết nối, đang kết nối lại");
            browser.screenshot("track-offline");
            act(server, manager, 1, "call-next", null);
            proxy.restore();

            browser.await(Duration.ofSeconds(30), d -> "online".equals(browser.script("return LuotTrack.status")));
            browser.await(d -> "Mời đến quầy số 1".equals(text(browser, "#call")));
            assertThat(Pages.shown(browser, "#connection")).isFalse();
        }
    }

    @Test
    @DisplayName("Served compressed and with validators: a first load is small, and a reload downloads no file again, only the live data")
    void weightsOfFirstLoadAndReload() {
        JsonObject mine = server.issue("hac-thanh", "chung-thuc");

        PageWeight.Weights w = PageWeight.measure(browser, "tracking page", baseUrl() + "/track/?ticket=" + mine.getString("id"),
                b -> awaitTicket());

        assertThat(w.firstLoad().transferredBytes()).as(w.toString()).isLessThan(30_000);
        assertThat(w.reload().bodiesDownloaded()).as("only the API's live data is downloaded again: " + w)
                .allMatch(body -> body.startsWith("/api/"));
        assertThat(w.reload().transferredBytes()).as(w.toString()).isLessThan(w.firstLoad().transferredBytes() / 2);
        assertThat(server.api().get("/favicon.ico").status()).isEqualTo(200);
    }

    private void awaitTicket() {
        browser.await(d -> Boolean.TRUE.equals(browser.script(
                "return !!window.LuotTrack && LuotTrack.status === 'online'")));
    }
}
