package vn.luot.e2e.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.ApiClient.Response;
import vn.luot.e2e.support.PageTest;

/**
 * The kiosk's "Tôi đã đặt lịch": a booked citizen types the code or the phone number, or shows the
 * booking's QR code to the scanner (which types the code and Enter), and gets the booking's ticket, once.
 * No printer is connected here: the kiosk shows the number and its QR code.
 */
@DisplayName("Check-in at the kiosk: 'Tôi đã đặt lịch'")
class KioskCheckInTest extends PageTest {

    @BeforeAll
    static void openBrowser() {
        openBrowser(1080, 1920);
    }

    private String book(String phone) {
        Response r = server.api().post("/api/v1/bookings", new JsonObject().put("siteId", "hac-thanh")
                .put("serviceId", "ho-tich").put("slotStart", "2026-11-26T09:00:00+07:00").put("name", "Trần Thị Bình")
                .put("phone", phone));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getString("code");
    }

    private void openKiosk() {
        browser.go(baseUrl() + "/kiosk/?site=hac-thanh&printer=kiosk-1");
        browser.await(d -> "true".equals(browser.find("body").getAttribute("data-ready")));
    }

    private void tap(String css) {
        browser.await(d -> "true".equals(browser.find("body").getAttribute("data-tap-ready")));
        browser.find(css).click();
    }

    private void awaitScreen(String screen) {
        browser.await(Duration.ofSeconds(20), d -> screen.equals(browser.find("body").getAttribute("data-screen")));
    }

    @Test
    @DisplayName("The scanner types the booking's code and Enter: the kiosk shows the booking's ticket, and a second "
            + "scan gives the same ticket")
    void scannedCode() {
        String code = book("0912 345 678");
        openKiosk();

        tap("#booked");
        awaitScreen("checkin");
        assertThat(browser.text("#checkin h1")).isEqualTo("Tôi đã đặt lịch");
        browser.screenshot("kiosk-checkin");
        browser.find("#checkin-input").sendKeys(code + "\n");

        awaitScreen("ticket");
        assertThat(browser.text("#ticket-number")).isEqualTo("B001");
        assertThat(server.count("SELECT count(*) FROM bookings WHERE code = '" + code + "' AND status = 'checked_in'"))
                .isEqualTo(1);
        tap("#done");
        awaitScreen("start");

        tap("#booked");
        awaitScreen("checkin");
        browser.find("#checkin-input").sendKeys(code.toLowerCase() + "\n");
        awaitScreen("ticket");
        assertThat(browser.text("#ticket-number")).isEqualTo("B001");
        assertThat(server.count("SELECT count(*) FROM tickets")).isEqualTo(1);
    }

    @Test
    @DisplayName("A citizen types the phone number instead; an unknown one gets a clear message and may try again")
    void byPhone() {
        book("0912 345 678");
        openKiosk();
        tap("#booked");
        awaitScreen("checkin");

        browser.find("#checkin-input").sendKeys("0987 654 321\n");
        browser.await(d -> browser.find("#checkin-error").isDisplayed());
        assertThat(browser.text("#checkin-error")).startsWith("Không có lịch hẹn");
        browser.find("#checkin-input").clear();
        browser.find("#checkin-input").sendKeys("0912 345 678\n");

        awaitScreen("ticket");
        assertThat(browser.text("#ticket-number")).isEqualTo("B001");
    }
}
