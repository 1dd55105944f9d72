package vn.luot.e2e.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.e2e.staff.StaffSession.keypad;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import vn.luot.e2e.support.CuttableProxy;
import vn.luot.e2e.support.PageTest;

/**
 * The network fails in the middle of a press, for real: the pages are served through a TCP proxy that
 * either refuses every connection, or lets a request through and throws the server's answer away. The
 * database then says how many times the action happened: exactly once, every time.
 */
@DisplayName("Staff presses over a failing network happen exactly once")
class ExactlyOnceTest extends PageTest {
    private CuttableProxy proxy;
    private StaffSession lan;

    @BeforeAll
    static void openBrowser() {
        openBrowser(1366, 900);   // a counter's PC
    }

    @BeforeEach
    void newSession() {
        proxy = CuttableProxy.to(server.port());
        lan = StaffSession.create(server, browser, "lan.nguyen", "operator");
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private static void awaitApi(Supplier<Boolean> condition) {
        browser.await(Duration.ofSeconds(20), d -> condition.get());
    }

    private void openCounter1() {
        lan.logIn(proxy.url(""), "/staff/");
        browser.await(d -> browser.find("#chooser").isDisplayed());
        lan.click("#choose-counter-1");
        lan.click("#open-counter");
        awaitApi(() -> "open".equals(lan.counter(1).getString("state")));
        browser.await(d -> "online".equals(browser.find("#connection").getAttribute("data-status")));
    }

    /** Waits until the page has no press left to send: every retry is over. */
    private static void awaitNothingPending() {
        browser.await(Duration.ofSeconds(20), d -> "0".equals(browser.find("body").getAttribute("data-pending")));
    }

    private long history(String event, String ticketId) {
        return server.count("SELECT count(*) FROM queue_history WHERE event = '" + event + "' AND ticket_id = '"
                + ticketId + "'");
    }

    @Test
    @DisplayName("Complete pressed while the network is cut is sent again until it is back, then happens once; "
            + "the page resyncs and shows what changed meanwhile")
    void pressWhileTheNetworkIsCut() {
        JsonObject a001 = server.issue("hac-thanh", "chung-thuc");
        openCounter1();
        lan.press(Keys.ENTER);
        lan.awaitText("#ticket-number", "A001");
        lan.press(keypad('2'));
        awaitApi(() -> "serving".equals(lan.ticket(a001.getString("id")).getString("status")));

        proxy.cut();
        lan.press(keypad('3'));
        browser.await(Duration.ofSeconds(15), d -> browser.text("#pending").contains("lần thử 2"));
        browser.await(d -> "offline".equals(browser.find("#connection").getAttribute("data-status")));
        assertThat(browser.text("#connection")).isEqualTo("Mất kết nối, đang kết nối lại");
        assertThat(lan.ticket(a001.getString("id")).getString("status")).isEqualTo("serving");
        browser.screenshot("staff-offline-pending");
        server.issue("hac-thanh", "tra-ket-qua");
        server.issue("hac-thanh", "chung-thuc");
        proxy.restore();

        awaitApi(() -> "completed".equals(lan.ticket(a001.getString("id")).getString("status")));
        lan.awaitText("#ticket-number", "–");
        browser.await(d -> !browser.find("#pending").isDisplayed());
        lan.awaitText("#served-today", "1");
        awaitNothingPending();
        browser.await(d -> "online".equals(browser.find("#connection").getAttribute("data-status")));
        lan.awaitText("#waiting-count", "2");
        assertThat(history("ticket.completed", a001.getString("id"))).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM command_log WHERE scope = 'counter:1:complete'")).isEqualTo(1);
        assertThat(browser.text("#message")).isEmpty();
    }

    @Test
    @DisplayName("A press made offline survives leaving the page: opened again, the page sends it, once")
    void pressSurvivesLeavingThePage() {
        JsonObject a001 = server.issue("hac-thanh", "chung-thuc");
        openCounter1();
        lan.press(Keys.ENTER);
        lan.awaitText("#ticket-number", "A001");

        proxy.cut();
        lan.press(keypad('4'));
        browser.await(Duration.ofSeconds(15), d -> browser.text("#pending").contains("lần thử 1"));
        browser.go("about:blank");
        proxy.restore();
        assertThat(lan.ticket(a001.getString("id")).getString("status")).isEqualTo("called");
        browser.go(proxy.url("/staff/"));

        awaitApi(() -> "no_show".equals(lan.ticket(a001.getString("id")).getString("status")));
        lan.awaitText("#counter-title", "Quầy số 1");
        awaitNothingPending();
        lan.awaitText("#ticket-number", "–");
        assertThat(history("ticket.no_show", a001.getString("id"))).isEqualTo(1);
        assertThat(browser.text("#message")).isEmpty();
    }

    @Test
    @DisplayName("Call next reaches the server but its answer is lost: the page asks again with the same key, "
            + "shows the ticket called, and no second ticket is called")
    void answerToCallNextIsLost() {
        JsonObject a001 = server.issue("hac-thanh", "chung-thuc");
        JsonObject a002 = server.issue("hac-thanh", "chung-thuc");
        openCounter1();

        proxy.dropResponseTo("POST /api/v1/counters/1/call-next");
        lan.press(Keys.ENTER);

        awaitApi(() -> proxy.responsesDropped() == 1);
        lan.awaitText("#ticket-number", "A001");
        awaitNothingPending();
        assertThat(lan.ticket(a001.getString("id")).getString("status")).isEqualTo("called");
        assertThat(lan.ticket(a002.getString("id")).getString("status")).isEqualTo("waiting");
        assertThat(history("ticket.called", a001.getString("id"))).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM queue_history WHERE event = 'ticket.called'")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM command_log WHERE scope = 'counter:1:call-next'")).isEqualTo(1);
        assertThat(browser.text("#message")).as("the retry was answered as the first press, not refused").isEmpty();
    }

    @Test
    @DisplayName("Complete's answer is lost and call next is pressed right after: both happen once, in order")
    void answerToCompleteIsLostAndTheNextPressWaits() {
        JsonObject a001 = server.issue("hac-thanh", "chung-thuc");
        JsonObject a002 = server.issue("hac-thanh", "chung-thuc");
        openCounter1();
        lan.press(Keys.ENTER);
        lan.awaitText("#ticket-number", "A001");

        proxy.dropResponseTo("POST /api/v1/counters/1/complete");
        lan.press(keypad('3'), keypad('+'));

        lan.awaitText("#ticket-number", "A002");
        awaitNothingPending();
        assertThat(proxy.responsesDropped()).isEqualTo(1);
        assertThat(lan.ticket(a001.getString("id")).getString("status")).isEqualTo("completed");
        assertThat(lan.ticket(a002.getString("id")).getString("status")).isEqualTo("called");
        assertThat(history("ticket.completed", a001.getString("id"))).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM queue_history WHERE event = 'ticket.called'")).isEqualTo(2);
        lan.awaitText("#served-today", "1");
        assertThat(browser.text("#message")).as("the retry was answered as the first press, not refused").isEmpty();
    }

    @Test
    @DisplayName("The desk's Take the number is answered into the void: one ticket is issued, and the desk shows it")
    void answerToDeskIssueIsLost() {
        lan.logIn(proxy.url(""), "/staff/desk.html?site=hac-thanh");
        browser.await(d -> browser.find("#desk").isDisplayed());
        lan.click("#issue-service-chung-thuc");

        proxy.dropResponseTo("POST /api/v1/tickets");
        lan.click("#issue-submit");

        awaitApi(() -> proxy.responsesDropped() == 1);
        lan.awaitText("#issue-number", "A001");
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM tickets WHERE channel = 'desk'")).isEqualTo(1);
    }

    @Test
    @DisplayName("A booking's check-in is answered into the void: the booking becomes one ticket")
    void answerToCheckInIsLost() {
        JsonObject booking = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", "2026-11-26T11:00:00+07:00")
                .put("name", "Đỗ Thị Mai").put("phone", "0901 234 567")).json();
        String code = booking.getString("code");
        lan.logIn(proxy.url(""), "/staff/desk.html?site=hac-thanh");
        browser.await(d -> browser.find("#desk").isDisplayed());
        browser.find("#booking-query").sendKeys(code);
        lan.click("#booking-search");

        proxy.dropResponseTo("POST /api/v1/bookings/" + code + "/check-in");
        lan.click("#check-in-" + code);

        awaitApi(() -> proxy.responsesDropped() == 1);
        browser.await(Duration.ofSeconds(15), d -> browser.text("#booking-result").contains("B001"));
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM bookings WHERE status = 'checked_in'")).isEqualTo(1);
    }
}
