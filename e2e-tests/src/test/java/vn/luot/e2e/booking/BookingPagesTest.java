package vn.luot.e2e.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.e2e.support.PageTest;
import vn.luot.e2e.support.PageWeight;

/**
 * The citizens' phone pages at 360x740: book a visit, move and cancel it, take today's number from a
 * distance and follow it until it is called. The server's clock reads Thursday 26/11/2026, 08:30.
 */
@DisplayName("The phone pages /book/, /book/manage.html, /book/now/ and the tracking page's alerts")
class BookingPagesTest extends PageTest {
    private static final String PHONE = "0912 345 678";

    @BeforeAll
    static void openBrowser() {
        openBrowser(360, 740);
    }

    private void awaitReady() {
        browser.await(d -> Boolean.TRUE.equals(browser.script("return !!window.LuotBook && LuotBook.ready")));
    }

    private void choose(String css, String value) {
        new Select(browser.find(css)).selectByValue(value);
    }

    private void awaitSlot(String box, String start) {
        browser.await(d -> !d.findElements(By.cssSelector(box + " input[value='" + start + "']")).isEmpty());
    }

    private void pickSlot(String box, String start) {
        awaitSlot(box, start);
        String id = browser.find(box + " input[value='" + start + "']").getAttribute("id");
        browser.find("label[for='" + id + "']").click();
    }

    @Test
    @DisplayName("A citizen books a visit: service with what to bring, site, day, slot, name and phone, kept across "
            + "a reload; the answer gives the code, its QR code for the kiosk, the time, the place and what to bring")
    void bookAVisit() {
        tenPastTicketsAtNine();
        browser.go(baseUrl() + "/book/");
        browser.script("localStorage.clear()");
        browser.go(baseUrl() + "/book/");
        awaitReady();
        choose("#service", "ho-tich");
        browser.await(d -> browser.text("#bring").startsWith("Cần mang theo: Căn cước"));
        choose("#site", "hac-thanh");
        browser.await(d -> browser.text("#site-usual").equals("Thời gian chờ thường lệ theo giờ: 9 giờ khoảng 15 phút"));
        choose("#day", "2026-11-27");
        pickSlot("#slots", "2026-11-27T09:00:00+07:00");
        browser.await(d -> browser.text("#site-usual").equals("Thường chờ khoảng 15 phút vào giờ này"));
        pickSlot("#slots", "2026-11-27T10:30:00+07:00");
        browser.await(d -> browser.text("#site-usual").equals("Chưa đủ số liệu để biết thời gian chờ thường lệ vào giờ này"));
        pickSlot("#slots", "2026-11-27T09:00:00+07:00");
        browser.find("#name").sendKeys("Trần Thị Bình");
        browser.find("#phone").sendKeys(PHONE);

        browser.driver().navigate().refresh();
        awaitReady();
        awaitSlot("#slots", "2026-11-27T09:00:00+07:00");
        assertThat(browser.find("#name").getAttribute("value")).as("typed data survives a reload").isEqualTo("Trần Thị Bình");
        assertThat(browser.find("#phone").getAttribute("value")).isEqualTo(PHONE);
        assertThat(new Select(browser.find("#service")).getFirstSelectedOption().getAttribute("value")).isEqualTo("ho-tich");
        browser.await(d -> Boolean.TRUE.equals(browser.script(
                "return document.querySelector(\"#slots input[value='2026-11-27T09:00:00+07:00']\").checked")));
        browser.screenshot("book-form");
        browser.find("#book-submit").click();

        browser.await(d -> browser.find("#answer").isDisplayed());
        String code = browser.text("#answer-code");
        assertThat(code).matches("[2-9A-HJKMNP-Z]{6}");
        assertThat(browser.find("#answer-qr").getAttribute("data-text")).isEqualTo(code);
        assertThat(browser.text("#answer-when")).contains("09:00");
        assertThat(browser.text("#answer-where")).isEqualTo("Trung tâm Phục vụ hành chính công phường Hạc Thành");
        assertThat(browser.text("#answer-bring")).startsWith("Căn cước");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("0912").doesNotContain("B%C3%ACnh").doesNotContain(code);
        assertThat(server.count("SELECT count(*) FROM bookings WHERE code = '" + code + "' AND phone = '0912345678' "
                + "AND slot_start = '2026-11-27T09:00:00+07:00'")).isEqualTo(1);
        browser.screenshot("book-answer");

        browser.driver().navigate().refresh();
        awaitReady();
        assertThat(browser.text("#answer-code")).as("the answer is still there after a reload").isEqualTo(code);
        assertThat(server.count("SELECT count(*) FROM bookings")).isEqualTo(1);
    }

    /** Yesterday at Hạc Thành, ten hộ tịch tickets issued from 09:02 and each called 15 minutes later (and served). */
    private void tenPastTicketsAtNine() {
        vn.luot.core.support.TestDatabase.execute(server.databaseUrl(), "INSERT INTO tickets (id, number, seq_no, "
                + "service_day, site_id, service_id, channel, status, issued_at, queued_since, called_at, serving_at, "
                + "finished_at, counter_id, call_count) SELECT gen_random_uuid(), 'B' || lpad(g::text, 3, '0'), g, "
                + "date '2026-11-25', 'hac-thanh', 'ho-tich', 'kiosk', 'completed', y.at, y.at, y.at + interval '15 minutes', "
                + "y.at + interval '15 minutes', y.at + interval '20 minutes', 3, 1 "
                + "FROM generate_series(1, 10) g CROSS JOIN LATERAL (SELECT (date '2026-11-25' + time '09:00' "
                + "+ g * interval '2 minutes') AT TIME ZONE 'Asia/Ho_Chi_Minh' AS at) y");
        vn.luot.core.support.TestDatabase.execute(server.databaseUrl(), "INSERT INTO queue_history (at, event, "
                + "ticket_id, counter_id, actor, site_id) SELECT called_at, 'ticket.called', id, 3, 'lan.nguyen', site_id "
                + "FROM tickets");
    }

    private String bookByApi(String slot) {
        Response r = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", slot).put("name", "Trần Thị Bình").put("phone", PHONE));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("code");
    }

    private void findOwn(String code) {
        browser.go(baseUrl() + "/book/manage.html");
        browser.script("localStorage.clear()");
        browser.go(baseUrl() + "/book/manage.html");
        awaitReady();
        browser.find("#m-code").sendKeys(code);
        browser.find("#m-phone").sendKeys("+84 912 345 678");
        browser.find("#m-find").click();
        browser.await(d -> browser.find("#m-booking").isDisplayed());
    }

    @Test
    @DisplayName("A citizen moves a booking to another time with its code and phone number, then cancels it")
    void moveThenCancel() {
        String code = bookByApi("2026-11-27T09:00:00+07:00");

        findOwn(code);
        assertThat(browser.text("#m-status")).isEqualTo("Đã đặt");
        choose("#m-day", "2026-11-27");
        pickSlot("#m-slots", "2026-11-27T10:30:00+07:00");
        browser.find("#m-move").click();
        browser.await(d -> browser.find("#m-message").isDisplayed());
        assertThat(browser.text("#m-message")).startsWith("Đã đổi lịch hẹn sang 10:30");
        assertThat(server.count("SELECT count(*) FROM bookings WHERE code = '" + code
                + "' AND slot_start = '2026-11-27T10:30:00+07:00'")).isEqualTo(1);
        browser.screenshot("book-moved");

        browser.find("#m-cancel").click();
        browser.find("#m-cancel-confirm").click();
        browser.await(d -> "Đã hủy".equals(browser.text("#m-status")));
        assertThat(server.count("SELECT count(*) FROM bookings WHERE code = '" + code + "' AND status = 'cancelled'"))
                .isEqualTo(1);
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(code).doesNotContain("0912");
    }

    @Test
    @DisplayName("A citizen takes today's number from a distance, is told when to be there, and follows it: an alert "
            + "when few are ahead, then the call with the counter number in very large type")
    void remoteNumberFollowedUntilCalled() {
        String manager = server.newStaff("manager");
        server.open(5, manager, "dat-dai");
        server.open(23, manager, "dat-dai");
        for (int i = 0; i < 4; i++) {
            server.issue("hac-thanh", "dat-dai");
        }
        browser.go(baseUrl() + "/book/now/");
        browser.script("localStorage.clear()");
        browser.go(baseUrl() + "/book/now/");
        awaitReady();
        choose("#service", "dat-dai");
        choose("#site", "hac-thanh");
        browser.await(d -> browser.find("#site-advice").isDisplayed());
        assertThat(browser.text("#site-advice")).as("the other site has a counter open and nobody waiting")
                .startsWith("Gợi ý: Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh");
        choose("#travel", "20");
        browser.find("#phone").sendKeys(PHONE);
        browser.find("#now-submit").click();

        browser.await(d -> browser.find("#answer").isDisplayed());
        assertThat(browser.text("#now-number")).isEqualTo("C005");
        assertThat(browser.text("#now-arrive")).startsWith("Ông/Bà nên có mặt trước ");
        browser.screenshot("book-now-answer");
        browser.find("#now-track").click();
        browser.await(d -> Boolean.TRUE.equals(browser.script("return !!window.LuotTrack && LuotTrack.status === 'online'")));
        browser.await(d -> "4".equals(browser.text("#people-ahead")));
        assertThat(browser.find("#near").isDisplayed()).as("4 ahead is not few yet").isFalse();

        server.act(5, "call-next", manager);
        browser.await(d -> browser.find("#near").isDisplayed());
        assertThat(browser.text("#near")).isEqualTo("Sắp đến lượt: còn 3 người phía trước. Xin mời Ông/Bà có mặt tại sảnh chờ.");
        browser.screenshot("track-near");
        for (int i = 0; i < 3; i++) {
            server.act(5, "complete", manager);
            server.act(5, "call-next", manager);
        }
        server.act(5, "complete", manager);
        server.act(5, "call-next", manager);

        browser.await(Duration.ofSeconds(30), d -> browser.find("#call-counter").isDisplayed());
        assertThat(browser.text("#call")).isEqualTo("Mời đến quầy số 5");
        assertThat(browser.text("#call-counter")).isEqualTo("5");
        Number size = (Number) browser.script("return parseFloat(getComputedStyle(document.getElementById('call-counter')).fontSize)");
        assertThat(size.doubleValue()).as("the counter number in very large type").isGreaterThanOrEqualTo(90);
        assertThat(browser.script("return LuotTrack.alerts.join(',')").toString()).startsWith("near,called:");
        browser.screenshot("track-called-large");
        assertThat(server.count("SELECT count(*) FROM tickets WHERE channel = 'remote' AND status = 'called'")).isEqualTo(1);
    }

    @Test
    @DisplayName("Each phone page weighs under 100 KB on a first load (compressed), measured in the browser")
    void firstLoadWeights() {
        String code = bookByApi("2026-11-27T09:00:00+07:00");
        assertThat(code).isNotBlank();

        PageWeight.Weights book = PageWeight.measure(browser, "booking page", baseUrl() + "/book/", b -> awaitReady());
        PageWeight.Weights manage = PageWeight.measure(browser, "booking manage page", baseUrl() + "/book/manage.html",
                b -> awaitReady());
        PageWeight.Weights now = PageWeight.measure(browser, "remote number page", baseUrl() + "/book/now/",
                b -> awaitReady());

        assertThat(book.firstLoad().transferredBytes()).as(book.toString()).isLessThan(100_000);
        assertThat(manage.firstLoad().transferredBytes()).as(manage.toString()).isLessThan(100_000);
        assertThat(now.firstLoad().transferredBytes()).as(now.toString()).isLessThan(100_000);
    }
}
