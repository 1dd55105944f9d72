package vn.luot.e2e.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import vn.luot.bridge.config.BridgeConfig;
import vn.luot.bridge.support.Bridges;
import vn.luot.bridge.support.FakePrinter;
import vn.luot.bridge.support.PrintedTicket;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.Browser;

/**
 * The kiosk page in headless Chromium, on a real core, with a real printer bridge printing kiosk-1's
 * tickets to a fake network printer. kiosk-2 (at the provincial site) has no bridge: its printer is out.
 */
@DisplayName("The ticket kiosk at /kiosk/")
class KioskPageTest {
    private static TestServer server;
    private static Browser browser;
    private static FakePrinter printer;
    private static Bridges.InProcess bridge;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start();
        Response token = server.api().post("/api/v1/printers/kiosk-1/token", null, TestServer.bearer(server.adminToken()));
        printer = FakePrinter.start();
        Path journal = Files.createTempDirectory("luot-kiosk-journal-");
        bridge = new Bridges.InProcess(Bridges.tcp("http://localhost:" + server.port(), "kiosk-1",
                token.json().getString("token"), printer.port(), journal, BridgeConfig.TextMode.RASTER));
        FakePrinter.await("kiosk-1 is online", () -> "online".equals(printerState("kiosk-1")));
        browser = Browser.open(1080, 1920);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (bridge != null) {
            bridge.close();
        }
        if (printer != null) {
            printer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String printerState(String printerId) {
        return server.api().get("/api/v1/printers/" + printerId).json().getString("state");
    }

    private static String kiosk(String query) {
        return "http://localhost:" + server.port() + "/kiosk/?" + query;
    }

    private static void open(String url) {
        browser.go(url);
        browser.await(d -> "true".equals(browser.find("body").getAttribute("data-ready")));
    }

    /** Taps once the screen has settled (the kiosk ignores taps in the first moment of a new screen). */
    private static void tap(String css) {
        browser.await(d -> "true".equals(browser.find("body").getAttribute("data-tap-ready")));
        // A service button may be redrawn (a hall changed) between finding it and tapping it: find it again.
        browser.await(d -> {
            try {
                browser.find(css).click();
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    private static void awaitScreen(String screen) {
        browser.await(Duration.ofSeconds(15), d -> screen.equals(browser.find("body").getAttribute("data-screen")));
    }

    /**
     * The text of an element read in one step inside the page: the service buttons are redrawn whenever
     * either hall changes, so an element found a moment earlier may already be replaced.
     */
    private static String liveText(String css) {
        Object text = browser.script("const el = document.querySelector(arguments[0]);"
                + " return el ? el.innerText.trim() : null;", css);
        return text == null ? null : text.toString();
    }

    private static long tickets() {
        return server.count("SELECT count(*) FROM tickets");
    }

    private static JsonObject ticketShown() {
        String id = browser.find("#ticket").getAttribute("data-ticket-id");
        return server.api().get("/api/v1/tickets/" + id).json();
    }

    @Test
    @DisplayName("Two taps (service, priority group) give a ticket: its number in large type while it prints, then the start again")
    void takesATicket() {
        open(kiosk("site=hac-thanh&printer=kiosk-1"));
        assertThat(browser.text("h1")).isEqualTo("Lấy số thứ tự");
        browser.screenshot("kiosk-start");

        tap(".service[data-service='ho-tich']");
        awaitScreen("priority");
        assertThat(browser.text("#chosen-service")).isEqualTo("Hộ tịch");
        browser.screenshot("kiosk-priority");
        tap("[data-priority='elderly']");
        awaitScreen("ticket");

        JsonObject ticket = ticketShown();
        assertThat(browser.text("#ticket-number")).isEqualTo(ticket.getString("number")).startsWith("B");
        assertThat(ticket.getString("priority")).isEqualTo("elderly");
        assertThat(ticket.getString("channel")).isEqualTo("kiosk");
        assertThat(browser.text("#ticket-priority")).isEqualTo("Ưu tiên: Người cao tuổi");
        assertThat(browser.text("#print-status")).isEqualTo("Đang in phiếu, vui lòng nhận phiếu bên dưới");
        assertThat(browser.find("#ticket").getAttribute("data-shown-seconds")).isEqualTo("10");
        assertThat(browser.find("#ticket-number").getCssValue("font-size")).isEqualTo("252px");
        browser.screenshot("kiosk-ticket");

        FakePrinter.await("the printer prints it", () -> printer.printed().stream()
                .anyMatch(p -> ticket.getString("number").equals(p.largestText())));
        awaitScreen("start");
    }

    @Test
    @DisplayName("A double tap on the last button makes one ticket and one print job")
    void doubleTapMakesOneTicket() {
        open(kiosk("site=hac-thanh&printer=kiosk-1"));
        tap(".service[data-service='chinh-sach']");
        awaitScreen("priority");
        browser.await(d -> "true".equals(browser.find("body").getAttribute("data-tap-ready")));
        long before = tickets();
        long jobsBefore = server.count("SELECT count(*) FROM print_jobs");

        browser.script("const b = document.getElementById('no-priority'); b.click(); b.click();");
        awaitScreen("ticket");

        assertThat(tickets()).isEqualTo(before + 1);
        assertThat(server.count("SELECT count(*) FROM print_jobs")).isEqualTo(jobsBefore + 1);
        browser.find("#done").click();
    }

    @Test
    @DisplayName("When the answer is lost on the network, the kiosk retries with the same key: one ticket, and its number shown")
    void lostAnswerIsRetriedWithTheSameKey() throws Exception {
        try (AnswerDroppingProxy proxy = new AnswerDroppingProxy(server.port())) {
            open(proxy.url("/kiosk/?site=hac-thanh&printer=kiosk-1"));
            tap(".service[data-service='tra-ket-qua']");
            awaitScreen("priority");
            long before = tickets();
            proxy.dropNextTicketAnswer();

            tap("#no-priority");
            awaitScreen("ticket");

            assertThat(proxy.droppedAnswers()).isEqualTo(1);
            assertThat(proxy.ticketRequests()).isGreaterThanOrEqualTo(2);
            assertThat(tickets()).isEqualTo(before + 1);
            assertThat(browser.text("#ticket-number")).isEqualTo(ticketShown().getString("number"));
            browser.find("#done").click();
        }
    }

    @Test
    @DisplayName("With its printer offline, the kiosk says so, and keeps the number on screen for 30 seconds instead of 10")
    void printerOffline() {
        assertThat(printerState("kiosk-2")).isEqualTo("offline");
        open(kiosk("site=tinh&printer=kiosk-2"));
        assertThat(browser.find("#printer-banner").isDisplayed()).isTrue();
        assertThat(browser.text("#printer-banner")).isEqualTo("Máy in đang tạm ngưng, chưa in được phiếu");

        tap(".service[data-service='dat-dai']");
        awaitScreen("priority");
        tap("#no-priority");
        awaitScreen("ticket");

        assertThat(browser.text("#print-status")).isEqualTo("Máy in đang tạm ngưng, chưa in được phiếu. "
                + "Vui lòng ghi nhớ số thứ tự, hoặc quét mã QR bên dưới để theo dõi trên điện thoại");
        assertThat(browser.find("#printer-banner").isDisplayed()).as("the printer message is said once").isFalse();
        assertThat(browser.find("body").getText().split("Máy in đang tạm ngưng", -1)).hasSize(2);
        // The QR holds the holder's link, with the secret that only the 201 answer carried.
        assertThat(QrCodes.decode(browser, "#ticket-qr-code")).matches(java.util.regex.Pattern.quote(
                server.config().server().publicUrl() + "/t/" + ticketShown().getString("id") + "?s=")
                + "[A-Za-z0-9_-]{22}");
        assertThat(browser.find("#ticket-qr-code").getSize().getWidth()).isGreaterThanOrEqualTo(400);
        assertThat(browser.find("#ticket").getAttribute("data-shown-seconds")).isEqualTo("30");
        assertThat(browser.text("#returning")).matches("Màn hình sẽ trở về sau (30|2[0-9]) giây");
        assertThat(server.count("SELECT count(*) FROM print_jobs WHERE printer_id = 'kiosk-2'")).isEqualTo(1);
        browser.screenshot("kiosk-printer-out");
        browser.viewport(1920, 1080);
        browser.screenshot("kiosk-printer-out-landscape");
        browser.viewport(1080, 1920);
        browser.find("#done").click();
    }

    @Test
    @DisplayName("With its printer out of paper, the kiosk says \"Máy in hết giấy\", and the ticket prints once paper is back")
    void paperOut() {
        printer.paperOut(true);
        try {
            FakePrinter.await("paper out reaches the core", () -> "paper_out".equals(printerState("kiosk-1")));
            open(kiosk("site=hac-thanh&printer=kiosk-1"));
            assertThat(browser.text("#printer-banner")).isEqualTo("Máy in hết giấy");
            tap(".service[data-service='xay-dung']");
            awaitScreen("priority");
            tap("#no-priority");
            awaitScreen("ticket");
            String number = browser.text("#ticket-number");
            assertThat(browser.text("#print-status")).startsWith("Máy in hết giấy. ");
            assertThat(browser.find("#ticket").getAttribute("data-shown-seconds")).isEqualTo("30");
            browser.screenshot("kiosk-paper-out");
            browser.find("#done").click();

            printer.paperOut(false);
            FakePrinter.await("it prints once paper is back", () -> printer.printed().stream()
                    .filter(p -> number.equals(p.largestText())).count() == 1);
        } finally {
            printer.paperOut(false);
        }
    }

    @Test
    @DisplayName("Each service shows who waits here; another site is named, in 28 px or more, only when it is clearly faster; the hall is followed live")
    void namesTheOtherSiteOnlyWhenItHelps() {
        open(kiosk("site=hac-thanh&printer=kiosk-1"));
        assertThat(browser.script("return document.querySelectorAll('.service .faster, .service .elsewhere').length"))
                .as("nobody waits anywhere: nothing about the other site").isEqualTo(0L);

        server.open(1, server.newStaff("operator"), "chung-thuc");
        server.open(21, server.newStaff("operator"), "chung-thuc");
        for (int i = 0; i < 8; i++) {
            server.issue("hac-thanh", "chung-thuc");
        }
        String button = ".service[data-service='chung-thuc']";
        browser.await(d -> "Đang chờ: 8 người · khoảng 40 phút".equals(liveText(button + " .here")));
        browser.await(d -> liveText(button + " .faster") != null);
        assertThat(liveText(button + " .faster")).isEqualTo(
                "Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh: nhanh hơn khoảng 30 phút, kể cả đi lại");
        assertThat(browser.script("return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize)",
                button + " .faster")).satisfies(px -> assertThat(((Number) px).doubleValue()).isGreaterThanOrEqualTo(28));
        assertThat(liveText(".service[data-service='dat-dai'] .faster")).isNull();
        browser.screenshot("kiosk-other-site-faster");

        server.issue("hac-thanh", "chung-thuc");
        browser.await(d -> "Đang chờ: 9 người · khoảng 45 phút".equals(liveText(button + " .here")));
    }

    @Test
    @DisplayName("The language button switches the kiosk to English and back, keeping the glossary's words")
    void englishToggle() {
        open(kiosk("site=hac-thanh&printer=kiosk-1"));
        browser.find("#language").click();

        browser.await(d -> browser.text("h1").equals("Take a number"));
        assertThat(liveText(".service[data-service='ho-tich'] .service-name"))
                .isEqualTo("Civil status (birth, marriage, death)");
        assertThat(browser.text("#language")).isEqualTo("Tiếng Việt");
        browser.screenshot("kiosk-start-en");

        browser.find("#language").click();
        browser.await(d -> browser.text("h1").equals("Lấy số thứ tự"));
    }

    @Test
    @DisplayName("After a citizen chose English, the kiosk is back in Vietnamese for the next one once the ticket is done")
    void backToVietnameseAfterATicket() {
        open(kiosk("site=hac-thanh&printer=kiosk-1"));
        browser.find("#language").click();
        browser.await(d -> browser.text("h1").equals("Take a number"));
        tap(".service[data-service='tra-ket-qua']");
        awaitScreen("priority");
        tap("#no-priority");
        awaitScreen("ticket");
        assertThat(browser.text("#ticket .label")).isEqualTo("Your ticket number");

        tap("#done");
        awaitScreen("start");

        browser.await(d -> "Lấy số thứ tự".equals(liveText("#start h1")));
        assertThat(liveText("#language")).isEqualTo("English");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("vi");
    }

    @Test
    @DisplayName("At 01:37 the kiosk says when the centre opens and issues nothing; at 06:35 it gives numbers again")
    void closedOutsideOpeningHours() {
        long before = tickets();
        try {
            server.clock().set(ZonedDateTime.of(2026, 11, 26, 1, 37, 0, 0, MutableClock.CENTRE).toInstant());
            open(kiosk("site=hac-thanh&printer=kiosk-1"));
            awaitScreen("closed");
            assertThat(liveText("#closed h1")).isEqualTo("Ngoài giờ làm việc");
            assertThat(liveText("#closed-opens")).isEqualTo(
                    "Trung tâm Phục vụ hành chính công phường Hạc Thành mở cửa lúc 07:00 hôm nay.");
            assertThat(liveText("#closed-from")).isEqualTo("Máy bắt đầu cấp số thứ tự từ 06:30.");
            assertThat(liveText("#closed-hours")).contains("Thứ Hai – Thứ Sáu: 07:00–11:30, 13:30–17:00")
                    .contains("Thứ Bảy: 07:30–11:30");
            assertThat(browser.find("#services").isDisplayed()).isFalse();
            browser.screenshot("kiosk-closed");
            browser.viewport(1920, 1080);
            browser.screenshot("kiosk-closed-landscape");
            browser.viewport(1080, 1920);

            server.clock().set(ZonedDateTime.of(2026, 11, 26, 6, 35, 0, 0, MutableClock.CENTRE).toInstant());
            open(kiosk("site=hac-thanh&printer=kiosk-1"));
            awaitScreen("start");
            assertThat(tickets()).isEqualTo(before);
        } finally {
            server.clock().set(ZonedDateTime.of(2026, 11, 26, 8, 40, 0, 0, MutableClock.CENTRE).toInstant());
        }
    }

    @Test
    @DisplayName("A wrong address (an unknown site or printer) shows staff what is wrong instead of an empty kiosk")
    void wrongAddress() {
        browser.go(kiosk("site=xyz"));
        awaitScreen("error");
        assertThat(liveText("#error-text")).isEqualTo(
                "Không có điểm tiếp nhận “xyz” trong địa chỉ của máy (?site=). Các điểm tiếp nhận: hac-thanh, tinh.");
        browser.screenshot("kiosk-wrong-address");

        browser.go(kiosk("site=hac-thanh&printer=nope"));
        awaitScreen("error");
        assertThat(liveText("#error-text")).isEqualTo("Không có máy in “nope” trong địa chỉ của máy (?printer=).");
    }

    @Test
    @DisplayName("In landscape the start screen fits the screen, with the printer banner too, and so does a ticket")
    void landscape() {
        browser.viewport(1920, 1080);
        try {
            printer.paperOut(true);
            FakePrinter.await("paper out reaches the core", () -> "paper_out".equals(printerState("kiosk-1")));
            open(kiosk("site=hac-thanh&printer=kiosk-1"));
            browser.await(d -> "Máy in hết giấy".equals(liveText("#printer-banner")));
            browser.screenshot("kiosk-start-landscape-printer-out");
            assertThat(browser.script("return document.documentElement.scrollHeight <= innerHeight + 1")).isEqualTo(true);
            printer.paperOut(false);
            FakePrinter.await("the printer is back", () -> "online".equals(printerState("kiosk-1")));

            open(kiosk("site=hac-thanh&printer=kiosk-1"));
            browser.screenshot("kiosk-start-landscape");
            assertThat(browser.script("return document.documentElement.scrollHeight <= innerHeight + 1")).isEqualTo(true);
            tap(".service[data-service='ho-tich']");
            awaitScreen("priority");
            tap("#no-priority");
            awaitScreen("ticket");
            browser.screenshot("kiosk-ticket-landscape");
            tap("#done");
            awaitScreen("start");
        } finally {
            printer.paperOut(false);
            browser.viewport(1080, 1920);
        }
    }
}
