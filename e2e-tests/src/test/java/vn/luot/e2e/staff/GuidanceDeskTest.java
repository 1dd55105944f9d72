package vn.luot.e2e.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.PageTest;

/** The guidance desk (/staff/desk.html) in headless Chromium; the API says what really happened. */
@DisplayName("The guidance desk at /staff/desk.html")
class GuidanceDeskTest extends PageTest {
    private StaffSession hoa;
    private String base;

    @BeforeAll
    static void openBrowser() {
        openBrowser(1366, 900);   // the desk's PC
    }

    @BeforeEach
    void newSession() {
        base = baseUrl();
        hoa = StaffSession.create(server, browser, "hoa.tran", "operator");
    }

    private void openDesk() {
        hoa.logIn(base, "/staff/desk.html?site=hac-thanh");
        browser.await(d -> browser.find("#desk").isDisplayed());
        browser.await(d -> "online".equals(browser.find("#connection").getAttribute("data-status")));
    }

    private static void awaitApi(Supplier<Boolean> condition) {
        browser.await(Duration.ofSeconds(15), d -> condition.get());
    }

    private int waiting(String site, String service) {
        return server.api().get("/api/v1/sites/" + site + "/queues").json().getJsonArray("queues").stream()
                .map(JsonObject.class::cast).filter(q -> q.getString("serviceId").equals(service))
                .findFirst().orElseThrow().getInteger("waiting");
    }

    @Test
    @DisplayName("Staff take a number for a citizen with a priority, a phone and a note; it prints on the desk's "
            + "printer and waits in the queue")
    void issueOnACitizensBehalf() {
        openDesk();

        hoa.click("#issue-service-ho-tich");
        new Select(browser.find("#issue-priority")).selectByValue("elderly");
        browser.find("#issue-phone").sendKeys("0912 345 678");
        browser.find("#issue-note").sendKeys("Cụ ông 80 tuổi, nghe kém");
        hoa.click("#issue-submit");

        hoa.awaitText("#issue-number", "B001");
        assertThat(waiting("hac-thanh", "ho-tich")).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM tickets WHERE number = 'B001' AND channel = 'desk' AND "
                + "priority_group = 'elderly' AND phone = '0912 345 678' AND note = 'Cụ ông 80 tuổi, nghe kém' "
                + "AND printer_id = 'desk-hac-thanh' AND site_id = 'hac-thanh' AND status = 'waiting'")).isEqualTo(1);
        assertThat(browser.find("#issue-phone").getAttribute("value")).isEmpty();
        browser.screenshot("staff-desk-issued");
    }

    @Test
    @DisplayName("For the chosen service the desk shows both sites' estimated waits, marks the faster one, "
            + "and issues at the site staff pick")
    void bothSitesEstimates() {
        String manager = server.newStaff("manager");
        for (int i = 0; i < 4; i++) {
            server.issue("hac-thanh", "ho-tich");
        }
        server.open(3, manager, "ho-tich");
        server.open(22, manager, "ho-tich");
        openDesk();

        hoa.click("#issue-service-ho-tich");

        hoa.awaitText("#estimate-hac-thanh .estimate", "khoảng 40 phút");
        hoa.awaitText("#estimate-tinh .estimate", "khoảng 0 phút");
        // which site is worth the trip is the server's recommendation rule, asked once the lines are known
        browser.await(d -> browser.find("#estimate-tinh").getAttribute("class").contains("faster"));
        assertThat(browser.text("#other-site-reason")).startsWith("Điểm tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh")
                .contains("cộng 10 phút đi lại");
        assertThat(browser.find("#estimate-hac-thanh").getAttribute("class")).doesNotContain("faster");
        assertThat(browser.text("#other-site-faster")).isEqualTo("Điểm tiếp nhận khác đang vắng hơn");
        browser.screenshot("staff-desk-both-sites");

        hoa.click("#estimate-tinh");
        hoa.click("#issue-submit");
        hoa.awaitText("#issue-number", "B005");
        assertThat(waiting("tinh", "ho-tich")).isEqualTo(1);

        server.issue("tinh", "ho-tich");
        hoa.awaitText("#estimate-tinh .estimate", "khoảng 20 phút");
    }

    private JsonObject book(String phone) {
        JsonObject r = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "chung-thuc").put("slotStart", "2026-11-26T10:00:00+07:00")
                .put("name", "Vũ Văn Hải").put("phone", phone).put("procedure", "Chứng thực chữ ký")).json();
        assertThat(r.getString("code")).isNotNull();
        return r;
    }

    @Test
    @DisplayName("A booking is checked in by its code, typed in lower case; its ticket waits in the queue")
    void checkInByCode() {
        String code = book("0988 111 222").getString("code");
        openDesk();

        browser.find("#booking-query").sendKeys(code.toLowerCase());
        hoa.click("#booking-search");
        browser.await(d -> browser.find("#check-in-" + code).isDisplayed());
        assertThat(browser.text("#booking-" + code)).contains("Vũ Văn Hải", "Chứng thực", "10:00 26/11/2026");
        hoa.click("#check-in-" + code);

        browser.await(d -> browser.text("#booking-result").startsWith("Đã xác nhận đến: số A001"));
        JsonObject booking = server.api().get("/api/v1/bookings/" + code, bearer(hoa.token)).json();
        assertThat(booking.getString("status")).isEqualTo("checked_in");
        JsonObject ticket = hoa.ticket(booking.getString("ticketId"));
        assertThat(ticket.getString("channel")).isEqualTo("booking");
        assertThat(ticket.getString("status")).isEqualTo("waiting");
        assertThat(waiting("hac-thanh", "chung-thuc")).isEqualTo(1);
        browser.screenshot("staff-desk-checked-in");
    }

    @Test
    @DisplayName("A booking is found by the phone number written another way, and checked in once")
    void checkInByPhone() {
        String code = book("+84 98 811 1222").getString("code");
        openDesk();

        browser.find("#booking-query").sendKeys("0988.111.222");
        hoa.click("#booking-search");
        hoa.click("#check-in-" + code);

        awaitApi(() -> "checked_in".equals(server.api().get("/api/v1/bookings/" + code, bearer(hoa.token)).json()
                .getString("status")));
        browser.await(d -> browser.text("#booking-" + code).contains("Đã xác nhận đến"));
        assertThat(hoa.visible("#check-in-" + code)).isZero();
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
    }

    @Test
    @DisplayName("Looking a number up tells where it is in the queue, or which counter serves it")
    void lookUpANumber() {
        server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        String operator = server.newStaff("operator");
        server.open(1, operator, "chung-thuc");
        server.act(1, "call-next", operator);
        server.act(1, "start", operator);
        openDesk();

        browser.find("#lookup-number").sendKeys("a1");
        hoa.click("#lookup-search");
        hoa.awaitText("#lookup-where", "Đang được phục vụ tại quầy số 1");

        browser.find("#lookup-number").clear();
        browser.find("#lookup-number").sendKeys("A3");
        hoa.click("#lookup-search");
        hoa.awaitText("#lookup-ticket", "A003");
        // A002 ahead, and counter 1 has just started A001: the estimate counts both (A001 by the median of what
        // it still needs, 3.9 min of a 5-minute mean; A002 5 min).
        assertThat(browser.text("#lookup-where")).isEqualTo(
                "Đang chờ tại Trung tâm Phục vụ hành chính công phường Hạc Thành: 1 người đang chờ trước, khoảng 9 phút");

        browser.find("#lookup-number").clear();
        browser.find("#lookup-number").sendKeys("A99");
        hoa.click("#lookup-search");
        browser.await(d -> browser.text("#lookup-message").contains("A099"));
        browser.screenshot("staff-desk-lookup");
    }

    @Test
    @DisplayName("After hours the desk says the kiosk gives no numbers; a manager allows the desk for the day, and then it issues")
    void afterHoursWithAManagersPermission() {
        server.clock().set(java.time.ZonedDateTime.of(2026, 11, 26, 17, 30, 0, 0, vn.luot.core.support.MutableClock.CENTRE)
                .toInstant());
        StaffSession manager = StaffSession.create(server, browser, "minh.le", "manager");
        manager.logIn(base, "/staff/desk.html?site=hac-thanh");
        browser.await(d -> browser.find("#desk").isDisplayed());
        browser.await(d -> browser.find("#after-hours").isDisplayed());
        assertThat(browser.find("#after-hours-text").getText()).startsWith("Ngoài giờ làm việc: máy lấy số đang ngừng cấp số.")
                .contains("Mở cửa lúc 07:00 27/11/2026.");

        manager.click("#after-hours-toggle");
        browser.await(d -> "true".equals(browser.find("#after-hours").getAttribute("data-allowed")));
        assertThat(browser.find("#after-hours-text").getText())
                .endsWith("Quản lý đã cho phép bàn hướng dẫn lấy số ngoài giờ đến hết hôm nay.");
        browser.screenshot("staff-desk-after-hours");

        manager.click("#issue-service-ho-tich");
        manager.click("#issue-submit");
        manager.awaitText("#issue-number", "B001");
        assertThat(server.api().post("/api/v1/tickets", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich")).status()).as("the kiosk stays closed").isEqualTo(409);
    }
}
