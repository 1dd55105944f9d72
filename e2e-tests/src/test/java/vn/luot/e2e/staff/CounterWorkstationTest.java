package vn.luot.e2e.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;
import static vn.luot.e2e.staff.StaffSession.keypad;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.PageTest;

/**
 * The counter workstation (/staff/) in headless Chromium, against a real server. After every step the
 * test asks the API what really happened. The server's clock reads Thursday 26/11/2026, 08:30.
 */
@DisplayName("The counter workstation at /staff/")
class CounterWorkstationTest extends PageTest {
    private StaffSession lan;
    private String base;

    @BeforeAll
    static void openBrowser() {
        openBrowser(1366, 900);   // a counter's PC
    }

    @BeforeEach
    void newSession() {
        base = baseUrl();
        lan = StaffSession.create(server, browser, "lan.nguyen", "operator");
    }

    /** Logs in and opens the counter with the services the page pre-fills. */
    private void openCounter(int counter) {
        lan.logIn(base, "/staff/");
        browser.await(d -> browser.find("#chooser").isDisplayed());
        lan.click("#choose-counter-" + counter);
        lan.click("#open-counter");
        lan.awaitText("#counter-title", "Quầy số " + counter);
        awaitApi(() -> "open".equals(lan.counter(counter).getString("state")));
        browser.await(d -> "online".equals(browser.find("#connection").getAttribute("data-status")));
    }

    private static void awaitApi(Supplier<Boolean> condition) {
        browser.await(Duration.ofSeconds(15), d -> condition.get());
    }

    private void awaitTicket(String id, String field, Object value) {
        awaitApi(() -> value.equals(lan.ticket(id).getValue(field)));
    }

    @Test
    @DisplayName("With the mouse: open counter 1 with its configured services, call, recall, start, transfer to "
            + "a service and to a counter, call and complete; the API agrees after each step")
    void workTheCounterWithTheMouse() {
        JsonObject a001 = server.issue("hac-thanh", "chung-thuc");
        JsonObject h001 = server.issue("hac-thanh", "tra-ket-qua");
        JsonObject a002 = server.issue("hac-thanh", "chung-thuc");

        lan.logIn(base, "/staff/");
        browser.await(d -> browser.find("#chooser").isDisplayed());
        lan.click("#choose-counter-1");
        assertThat(browser.find("#service-chung-thuc").isSelected()).isTrue();
        assertThat(browser.find("#service-tra-ket-qua").isSelected()).isTrue();
        assertThat(browser.find("#service-ho-tich").isSelected()).isFalse();
        browser.screenshot("staff-chooser");
        lan.click("#open-counter");
        awaitApi(() -> "open".equals(lan.counter(1).getString("state")));
        JsonObject counter = lan.counter(1);
        assertThat(counter.getString("openedBy")).isEqualTo("lan.nguyen");
        assertThat(counter.getJsonArray("services")).isEqualTo(new JsonArray(List.of("chung-thuc", "tra-ket-qua")));
        lan.awaitText("#waiting-count", "3");

        lan.click("#btn-call-next");
        lan.awaitText("#ticket-number", "A001");
        awaitTicket(a001.getString("id"), "status", "called");
        assertThat(lan.ticket(a001.getString("id")).getInteger("counterId")).isEqualTo(1);
        assertThat(browser.text("#ticket-service")).isEqualTo("Chứng thực");
        assertThat(browser.text("#ticket-priority")).isEqualTo("Không ưu tiên");
        assertThat(browser.text("#ticket-issued")).isEqualTo("Lấy số lúc 08:30");
        lan.awaitText("#waiting-count", "2");

        lan.click("#btn-recall");
        awaitTicket(a001.getString("id"), "callCount", 2);

        lan.click("#btn-start");
        awaitTicket(a001.getString("id"), "status", "serving");
        lan.awaitText("#ticket-status", "Đang phục vụ");

        lan.click("#btn-transfer");
        browser.await(d -> browser.find("#overlay-transfer").isDisplayed());
        browser.driver().findElements(By.cssSelector("#transfer-options li")).stream()
                .filter(li -> li.getText().endsWith("Dịch vụ: Hộ tịch")).findFirst().orElseThrow().click();
        browser.find("#transfer-note").sendKeys("Cần làm thêm khai sinh");
        browser.screenshot("staff-transfer");
        lan.click("#transfer-send");
        awaitTicket(a001.getString("id"), "serviceId", "ho-tich");
        JsonObject moved = lan.ticket(a001.getString("id"));
        assertThat(moved.getString("status")).isEqualTo("waiting");
        assertThat(moved.getString("note")).isEqualTo("Cần làm thêm khai sinh");
        lan.awaitText("#ticket-number", "–");

        // Equal waits: the call policy takes the lower number first.
        lan.click("#btn-call-next");
        lan.awaitText("#ticket-number", "A002");
        lan.click("#btn-transfer");
        browser.driver().findElements(By.cssSelector("#transfer-options li")).stream()
                .filter(li -> li.getText().contains("Quầy số 2")).findFirst().orElseThrow().click();
        lan.click("#transfer-send");
        awaitTicket(a002.getString("id"), "assignedCounterId", 2);
        assertThat(lan.ticket(a002.getString("id")).getString("status")).isEqualTo("waiting");

        lan.click("#btn-call-next");
        lan.awaitText("#ticket-number", "H001");
        lan.click("#btn-start");
        awaitTicket(h001.getString("id"), "status", "serving");
        lan.click("#btn-complete");
        awaitTicket(h001.getString("id"), "status", "completed");
        lan.awaitText("#served-today", "1");
        lan.awaitText("#ticket-number", "–");
        browser.screenshot("staff-workstation-after-complete");
    }

    @Test
    @DisplayName("With a numeric keypad only: call, recall, start, transfer to the other site, call, complete, "
            + "call a number, no-show, pause, resume and close; the API agrees after each step")
    void workTheCounterWithTheKeypad() {
        JsonObject a001 = server.issue(new JsonObject().put("siteId", "hac-thanh").put("serviceId", "chung-thuc")
                .put("priority", "elderly"));
        JsonObject a002 = server.issue("hac-thanh", "chung-thuc");
        JsonObject a003 = server.issue("hac-thanh", "chung-thuc");
        openCounter(2);

        lan.press(Keys.ENTER);
        lan.awaitText("#ticket-number", "A001");
        awaitTicket(a001.getString("id"), "status", "called");
        assertThat(browser.text("#ticket-priority")).isEqualTo("Ưu tiên: Người cao tuổi");

        lan.press(keypad('1'));
        awaitTicket(a001.getString("id"), "callCount", 2);

        lan.press(keypad('2'));
        awaitTicket(a001.getString("id"), "status", "serving");

        lan.press(keypad('6'));
        browser.await(d -> browser.find("#overlay-transfer").isDisplayed());
        String otherSite = browser.text("#transfer-options li:nth-child(8)");
        assertThat(otherSite).contains("Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh");
        lan.press(keypad('8'), Keys.ENTER);
        awaitTicket(a001.getString("id"), "siteId", "tinh");
        assertThat(lan.ticket(a001.getString("id")).getString("status")).isEqualTo("waiting");

        lan.press(keypad('+'));
        lan.awaitText("#ticket-number", "A002");
        awaitTicket(a002.getString("id"), "status", "called");
        lan.press(keypad('3'));
        awaitTicket(a002.getString("id"), "status", "completed");

        lan.press(keypad('7'));
        browser.await(d -> browser.find("#overlay-call").isDisplayed());
        lan.press(keypad('3'));
        lan.awaitText("#call-candidates li.selected", "A003");
        lan.press(Keys.ENTER);
        awaitTicket(a003.getString("id"), "status", "called");
        assertThat(lan.ticket(a003.getString("id")).getInteger("counterId")).isEqualTo(2);
        lan.awaitText("#ticket-number", "A003");

        lan.press(keypad('4'));
        awaitTicket(a003.getString("id"), "status", "no_show");

        lan.press(keypad('0'));
        awaitApi(() -> "paused".equals(lan.counter(2).getString("state")));
        lan.awaitText("#counter-state", "Quầy đang tạm dừng");
        lan.press(keypad('0'));
        awaitApi(() -> "open".equals(lan.counter(2).getString("state")));

        lan.press(keypad('9'));
        browser.await(d -> browser.find("#overlay-close").isDisplayed());
        lan.press(Keys.ENTER);
        awaitApi(() -> "closed".equals(lan.counter(2).getString("state")));
        browser.await(d -> browser.find("#chooser").isDisplayed());
    }

    @Test
    @DisplayName("A full serve cycle (call, start, complete) is three presses; measured over twenty cycles")
    void aServeCycleIsThreePresses() {
        int cycles = 20;
        for (int i = 0; i < cycles; i++) {
            server.issue("hac-thanh", "chung-thuc");
        }
        openCounter(2);
        // Measured by the test's own script (the page has no hook for it): from the key press to the number drawn.
        browser.script("""
                window.testCallTimes = [];
                document.addEventListener('keydown', (e) => { if (e.key === 'Enter') window.testPressedAt = performance.now(); }, true);
                new MutationObserver(() => {
                  if (window.testPressedAt) { window.testCallTimes.push(performance.now() - window.testPressedAt); window.testPressedAt = null; }
                }).observe(document.getElementById('ticket-number'), { childList: true, characterData: true, subtree: true });""");

        int presses = 0;
        for (int i = 1; i <= cycles; i++) {
            String number = String.format("A%03d", i);
            lan.press(Keys.ENTER);
            presses++;
            lan.awaitText("#ticket-number", number);
            lan.press(keypad('2'));
            presses++;
            lan.awaitText("#ticket-status", "Đang phục vụ");
            lan.press(keypad('3'));
            presses++;
            lan.awaitText("#ticket-number", "–");
        }

        awaitApi(() -> server.count("SELECT count(*) FROM tickets WHERE status = 'completed' AND counter_id = 2")
                == cycles);
        assertThat(presses).isEqualTo(3 * cycles);
        assertThat(server.count("SELECT count(*) FROM queue_history WHERE counter_id = 2 AND event IN "
                + "('ticket.called', 'ticket.serving', 'ticket.completed')")).isEqualTo(3L * cycles);
        lan.awaitText("#served-today", String.valueOf(cycles));
        @SuppressWarnings("unchecked")
        List<Object> calls = (List<Object>) browser.script("return window.testCallTimes");
        List<Double> ms = calls.stream().map(o -> ((Number) o).doubleValue()).sorted().toList();
        System.out.printf("Call next, from the key press to the ticket on screen, %d calls: median %.1f ms, "
                + "max %.1f ms%n", ms.size(), ms.get(ms.size() / 2), ms.get(ms.size() - 1));
    }

    @Test
    @DisplayName("A booked ticket shows the booking's name and procedure, its issue time, how long it waited, "
            + "and the time spent on it so far")
    void bookedTicketShowsTheBooking() {
        JsonObject booking = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", "2026-11-26T09:00:00+07:00")
                .put("name", "Phạm Thị Dung").put("phone", "0912 000 111")
                .put("procedure", "Đăng ký kết hôn")).json();
        server.api().post("/api/v1/bookings/" + booking.getString("code") + "/check-in", null, bearer(lan.token));
        server.clock().advance(Duration.ofMinutes(12));
        openCounter(3);

        lan.press(Keys.ENTER);
        lan.awaitText("#ticket-number", "B001");
        lan.awaitText("#booking-name", "Phạm Thị Dung");
        assertThat(browser.text("#booking-procedure")).isEqualTo("Đăng ký kết hôn");
        assertThat(browser.text("#booking-code")).isEqualTo(booking.getString("code"));
        assertThat(browser.text("#ticket-channel")).isEqualTo("Có đặt lịch hẹn");
        assertThat(browser.text("#ticket-issued")).isEqualTo("Lấy số lúc 08:30");
        assertThat(browser.text("#ticket-waited")).isEqualTo("· đã chờ 12 phút");
        browser.screenshot("staff-booked-ticket");

        server.clock().advance(Duration.ofMinutes(3));
        server.issue("hac-thanh", "dat-dai"); // any news from the server carries its time
        browser.await(d -> browser.text("#ticket-elapsed").startsWith("3:"));
    }

    @Test
    @DisplayName("The figures follow the live stream: people waiting for the counter's services and the longest wait")
    void figuresFollowTheStream() {
        server.issue("hac-thanh", "ho-tich");
        openCounter(4);
        lan.awaitText("#waiting-count", "1");

        server.clock().advance(Duration.ofMinutes(14));
        server.issue("hac-thanh", "chinh-sach");
        server.issue("hac-thanh", "dat-dai");

        lan.awaitText("#waiting-count", "2");
        lan.awaitText("#oldest-wait", "14 phút");
    }

    @Test
    @DisplayName("A manager's change to the counter appears at once: a pause, new services, a resume")
    void managerChangesAppearAtOnce() {
        String manager = server.newStaff("manager");
        openCounter(4);

        server.act(4, "pause", manager);
        lan.awaitText("#counter-state", "Quầy đang tạm dừng");
        assertThat(browser.find("#btn-call-next").isEnabled()).isFalse();

        server.open(4, manager, "ho-tich", "chinh-sach", "ho-tro-truc-tuyen");
        browser.await(d -> browser.text("#counter-services").contains("Hỗ trợ dịch vụ công trực tuyến, VNeID"));

        server.act(4, "resume", manager);
        lan.awaitText("#counter-state", "Quầy đang mở");
        browser.await(d -> browser.find("#btn-call-next").isEnabled());
    }

    @Test
    @DisplayName("The page is in English on request, and the shortcut of every action is shown next to it")
    void englishAndShortcutsShown() {
        lan.logIn(base, "/staff/?lang=en");
        browser.await(d -> browser.find("#chooser").isDisplayed());
        lan.click("#choose-counter-21");
        lan.click("#open-counter");
        lan.awaitText("#counter-title", "Counter 21");

        assertThat(browser.text("#btn-call-next")).contains("Call next", "Enter", "+");
        assertThat(browser.text("#btn-recall")).contains("Recall", "1");
        assertThat(browser.text("#btn-start")).contains("Start serving", "2");
        assertThat(browser.text("#btn-complete")).contains("Complete", "3");
        assertThat(browser.text("#btn-no-show")).contains("No-show", "4");
        assertThat(browser.text("#btn-return")).contains("Return to the queue", "5");
        assertThat(browser.text("#btn-transfer")).contains("Transfer", "6");
        assertThat(browser.text("#btn-call-number")).contains("Call a number", "7");
        assertThat(browser.text("#btn-pause")).contains("Pause", "0");
        assertThat(browser.text("#btn-close")).contains("Close the counter", "9");
        browser.screenshot("staff-workstation-en");
    }

    @Test
    @DisplayName("The buttons follow what the server allows (allowedActions), with no copy of the rules in the page; disabled ones look disabled")
    void buttonsFollowTheServer() {
        server.issue("hac-thanh", "chung-thuc");
        openCounter(1);
        String script = server.api().get("/staff/js/workstation.js").body();
        assertThat(script).doesNotContain("LEADS_TO").doesNotContain("ALLOWED_IN").doesNotContain("__luot");

        for (String step : new String[] {null, "#btn-call-next", "#btn-start"}) {
            if (step != null) {
                lan.click(step);
            }
            String expectedMode = step == null ? "idle" : step.equals("#btn-call-next") ? "called" : "serving";
            browser.await(d -> expectedMode.equals(browser.script("return document.body.dataset.mode"))
                    && "0".equals(browser.script("return document.body.dataset.pending")));
            JsonObject counter = lan.counter(1);
            awaitApi(() -> lan.counter(1).getJsonArray("allowedActions").size() > 0);
            java.util.Set<String> allowed = new java.util.HashSet<>();
            lan.counter(1).getJsonArray("allowedActions").forEach(a -> allowed.add((String) a));
            for (String[] button : new String[][] {{"#btn-call-next", "call-next"}, {"#btn-recall", "recall"},
                    {"#btn-start", "start"}, {"#btn-complete", "complete"}, {"#btn-no-show", "no-show"},
                    {"#btn-return", "return"}, {"#btn-transfer", "transfer"}, {"#btn-call-number", "call"},
                    {"#btn-close", "close"}}) {
                browser.await(d -> browser.find(button[0]).isEnabled() == allowed.contains(button[1]));
            }
            assertThat(counter.getString("state")).isEqualTo("open");
        }
        String disabled = "#btn-call-next";
        assertThat(browser.find(disabled).isEnabled()).isFalse();
        assertThat(browser.find(disabled).getCssValue("border-top-style")).isEqualTo("dashed");
        assertThat(browser.find("#btn-complete").getCssValue("border-top-style")).isEqualTo("solid");
        browser.screenshot("staff-workstation-serving");
    }

    @Test
    @DisplayName("The mean service time has its unit, and the counter chooser shows no heading over an empty list")
    void meanServiceTimeAndChooser() {
        server.issue("hac-thanh", "chung-thuc");
        lan.logIn(base, "/staff/");
        browser.await(d -> browser.find("#chooser").isDisplayed());
        assertThat(browser.find("#service-heading").isDisplayed()).isFalse();
        lan.click("#choose-counter-2");
        browser.await(d -> browser.find("#service-heading").isDisplayed());
        lan.click("#open-counter");
        lan.awaitText("#counter-title", "Quầy số 2");
        browser.await(d -> "chưa có".equals(browser.find("#average-service").getText()));

        lan.click("#btn-call-next");
        browser.await(d -> "called".equals(browser.script("return document.body.dataset.mode")));
        server.clock().advance(Duration.ofSeconds(270));
        lan.click("#btn-complete");
        lan.awaitText("#average-service", "4 phút 30 giây");
    }
}
