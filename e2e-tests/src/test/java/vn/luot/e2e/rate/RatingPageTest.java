package vn.luot.e2e.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.config.LuotConfig;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.PageTest;

@DisplayName("The rating tablet at /rate/?counter=2")
class RatingPageTest extends PageTest {
    private String operator;

    @BeforeAll
    static void openBrowser() {
        openBrowser(1280, 800);   // a small tablet facing the citizen
    }

    /** The tablet thanks for 3 seconds here (30 in the shipped configuration), so going back to idle is seen. */
    @Override
    @BeforeEach
    protected void startServer() {
        server = TestServer.start(config -> config.withRatings(new LuotConfig.Ratings(config.ratings().rules(),
                Duration.ofSeconds(3))));
        operator = server.newStaff("operator");
        server.open(2, operator, "chung-thuc");
    }

    private void openTablet() {
        String token = server.api().post("/api/v1/counters/2/rating-token", null, bearer(server.adminToken()))
                .json().getString("token");
        browser.go(baseUrl() + "/rate/?counter=2");
        browser.await(d -> "setup".equals(screen()));
        browser.find("#setup-token").sendKeys(token);
        browser.find("#setup-save").click();
        browser.await(Duration.ofSeconds(20), d -> "idle".equals(screen())
                && "online".equals(browser.script("return LuotRate.status")));
    }

    private String serveOne() {
        String id = server.issue("hac-thanh", "chung-thuc").getString("id");
        assertThat(server.act(2, "call-next", operator).status()).isEqualTo(200);
        assertThat(server.act(2, "complete", operator).status()).isEqualTo(200);
        return id;
    }

    private String screen() {
        return (String) browser.script("return window.LuotRate ? LuotRate.screen : null");
    }

    private long recorded() {
        return ((Number) browser.script("return LuotRate.recorded")).longValue();
    }

    @Test
    @DisplayName("A completion at the counter shows the question; a tap records it once, a second tap does not; it thanks and returns to idle")
    void completionAsksAndRecordsOnce() {
        openTablet();
        browser.screenshot("rate-idle");
        String ticket = serveOne();

        browser.await(d -> "question".equals(screen()));
        assertThat(browser.text("#question-title")).isEqualTo("Ông/Bà có hài lòng với việc phục vụ không?");
        assertThat(browser.text("#question-number")).isEqualTo("Số thứ tự A001");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#levels button")))
                .extracting(e -> e.getText())
                .containsExactly("Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng");
        browser.screenshot("rate-question");

        browser.find("#levels button[data-level='satisfied']").click();
        // The second tap on the same screen: the buttons are disabled at once, nothing more is sent.
        browser.script("document.querySelector(\"#levels button[data-level='very_satisfied']\").click()");
        browser.await(d -> "thanks".equals(screen()));
        assertThat(browser.text("#screen-thanks h1")).isEqualTo("Cảm ơn Ông/Bà đã đánh giá!");
        browser.screenshot("rate-thanks");
        assertThat(recorded()).isEqualTo(1);
        assertThat(server.count("SELECT count(*) FROM ratings WHERE ticket_id = '" + ticket + "'")).isEqualTo(1);
        assertThat(server.count("SELECT level FROM ratings WHERE ticket_id = '" + ticket + "'")).isEqualTo(3);

        browser.await(Duration.ofSeconds(20), d -> "idle".equals(screen()));
        assertThat(server.count("SELECT count(*) FROM ratings")).isEqualTo(1);
    }

    @Test
    @DisplayName("A low rating asks for one optional reason from the configured list, and the rating keeps it")
    void lowRatingAsksForAReason() {
        openTablet();
        String ticket = serveOne();
        browser.await(d -> "question".equals(screen()));

        browser.find("#levels button[data-level='dissatisfied']").click();
        browser.await(d -> "reasons".equals(screen()));
        assertThat(browser.text("#reasons-title")).isEqualTo("Ông/Bà chưa hài lòng vì điều gì?");
        assertThat(browser.text("#reasons button[data-reason='cho-lau']")).isEqualTo("Chờ lâu");
        browser.screenshot("rate-reasons");
        browser.find("#reasons button[data-reason='cho-lau']").click();

        browser.await(d -> "thanks".equals(screen()));
        assertThat(server.count("SELECT count(*) FROM ratings WHERE ticket_id = '" + ticket + "' AND level = 1 "
                + "AND reason = 'cho-lau' AND source = 'counter'")).isEqualTo(1);
    }

    @Test
    @DisplayName("The next call at the counter brings the tablet back to idle at once; a pending low rating is kept without a reason")
    void nextCallReturnsToIdle() {
        openTablet();
        String ticket = serveOne();
        server.issue("hac-thanh", "chung-thuc");
        browser.await(d -> "question".equals(screen()));
        browser.find("#levels button[data-level='neutral']").click();
        browser.await(d -> "reasons".equals(screen()));

        assertThat(server.act(2, "call-next", operator).status()).isEqualTo(200);

        browser.await(d -> "idle".equals(screen()));
        browser.await(d -> server.count("SELECT count(*) FROM ratings WHERE ticket_id = '" + ticket + "' "
                + "AND level = 2 AND reason IS NULL") == 1);
    }

    @Test
    @DisplayName("Without a device token the tablet asks for one; a wrong token is refused with a message and nothing is recorded")
    void deviceToken() {
        browser.go(baseUrl() + "/rate/?counter=2");
        browser.script("localStorage.clear()");
        browser.go(baseUrl() + "/rate/?counter=2");
        browser.await(d -> "setup".equals(screen()));
        browser.screenshot("rate-setup");
        browser.find("#setup-token").sendKeys("lpt_not-a-real-token");
        browser.find("#setup-save").click();
        browser.await(Duration.ofSeconds(20), d -> "idle".equals(screen())
                && "online".equals(browser.script("return LuotRate.status")));
        serveOne();
        browser.await(d -> "question".equals(screen()));
        browser.find("#levels button[data-level='satisfied']").click();

        browser.await(d -> "setup".equals(screen()));
        assertThat(browser.text("#setup-error")).startsWith("Mã thiết bị không đúng");
        assertThat(server.count("SELECT count(*) FROM ratings")).isZero();
    }

    @Test
    @DisplayName("A wrong counter in the address says what to fix")
    void unknownCounter() {
        browser.go(baseUrl() + "/rate/?counter=77");
        browser.await(d -> "error".equals(screen()));
        assertThat(browser.text("#error-text")).isEqualTo("Không có quầy số 77. Vui lòng kiểm tra số quầy trong địa chỉ trang.");
        assertThat(server.api().get("/api/v1/rating-options").status()).isEqualTo(200);
    }
}
