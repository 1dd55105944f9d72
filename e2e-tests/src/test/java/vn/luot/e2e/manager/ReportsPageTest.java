package vn.luot.e2e.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.core.support.TestServer.bearer;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.PageTest;

@DisplayName("The reports page at /manager/reports.html")
class ReportsPageTest extends PageTest {
    private static final String PAGE = "/manager/reports.html?from=2026-11-26&to=2026-11-26&groupBy=service";

    @BeforeAll
    static void openBrowser() {
        openBrowser(1440, 900);   // a manager's desk screen
    }

    private String newAccount(String role) {
        String username = role + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(server.api().post("/api/v1/staff", new JsonObject().put("username", username)
                .put("displayName", "Nguyễn Thị Lan").put("role", role).put("password", TestServer.STAFF_PASSWORD),
                bearer(server.adminToken())).status()).isEqualTo(201);
        return username;
    }

    private void logIn(String username) {
        browser.go(baseUrl() + PAGE);
        browser.script("sessionStorage.clear()");
        browser.go(baseUrl() + PAGE);
        browser.await(d -> browser.find("#login").isDisplayed());
        browser.find("#login-username").sendKeys(username);
        browser.find("#login-password").sendKeys(TestServer.STAFF_PASSWORD);
        browser.find("#login-submit").click();
    }

    /** Three chứng thực and two hộ tịch tickets, four of them served, one rated. */
    private void serveAMorning(String manager) {
        server.open(2, manager, "chung-thuc");
        server.open(3, manager, "ho-tich");
        String rated = null;
        for (int i = 0; i < 3; i++) {
            JsonObject issued = server.issue("hac-thanh", "chung-thuc");
            if (i == 0) {
                rated = issued.getString("id") + "|" + issued.getString("holderSecret");
            }
        }
        server.issue("hac-thanh", "ho-tich");
        server.issue("hac-thanh", "ho-tich");
        for (int round = 0; round < 2; round++) {
            server.clock().advance(Duration.ofMinutes(9));
            for (int counter : new int[] {2, 3}) {
                assertThat(server.act(counter, "call-next", manager).status()).isEqualTo(200);
            }
            server.clock().advance(Duration.ofMinutes(5));
            for (int counter : new int[] {2, 3}) {
                assertThat(server.act(counter, "complete", manager).status()).isEqualTo(200);
            }
        }
        String[] idAndSecret = rated.split("\\|");
        assertThat(server.api().post("/api/v1/tickets/" + idAndSecret[0] + "/rating",
                new JsonObject().put("level", "satisfied"), "X-Holder-Secret", idAndSecret[1]).status()).isEqualTo(201);
    }

    @Test
    @DisplayName("A manager sees the figures with their definitions, the groups by service and four charts, and exports with progress")
    void figuresChartsAndExports() {
        String username = newAccount("manager");
        serveAMorning(server.login(username, TestServer.STAFF_PASSWORD));
        logIn(username);

        browser.await(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(
                browser.script("return window.LuotReports && LuotReports.loaded > 0 && LuotReports.charts >= 4")));
        assertThat(browser.text("#figures tr[data-figure='issued'] th")).isEqualTo("Số phiếu đã cấp");
        assertThat(browser.text("#figures tr[data-figure='issued'] td.value")).isEqualTo("5");
        assertThat(browser.text("#figures tr[data-figure='served'] td.value")).isEqualTo("4");
        assertThat(browser.text("#figures tr[data-figure='waitMedianMinutes'] td.definition"))
                .startsWith("Giá trị ở giữa của các thời gian chờ");
        assertThat(browser.text("#figures tr[data-figure='ratingMean'] td.value")).isEqualTo("3");
        assertThat(browser.text("#groups tr[data-group='chung-thuc'] th")).isEqualTo("Chứng thực");
        assertThat(browser.text("#groups tr[data-group='ho-tich'] th")).isEqualTo("Hộ tịch");
        for (String chart : new String[] {"chart-waits", "chart-load", "chart-target", "chart-ratings"}) {
            assertThat(browser.driver().findElements(By.cssSelector("#" + chart + " canvas"))).as(chart).hasSize(1);
        }
        assertThat(browser.text("#link-console")).isEqualTo("Bảng điều hành");
        assertThat(browser.find("#link-console").getAttribute("href")).endsWith("/manager/");
        browser.screenshot("reports-page");

        browser.find(".export-buttons button[data-kind='tickets'][data-format='xlsx']").click();
        browser.await(Duration.ofSeconds(60), d -> Boolean.TRUE.equals(
                browser.script("return !!LuotReports.lastExport && LuotReports.lastExport.state === 'done'")));
        assertThat(browser.script("return LuotReports.lastExport.rowsWritten")).isEqualTo(5L);
        assertThat(browser.text("#export-label")).isEqualTo(
                "Đang xuất luot-tickets-2026-11-26-2026-11-26.xlsx: 5 / 5 dòng");
        assertThat(browser.text("#export-status")).isEqualTo("Đã xuất xong luot-tickets-2026-11-26-2026-11-26.xlsx.");
        browser.screenshot("reports-page-exported");
    }

    @Test
    @DisplayName("The manager console links to the reports page")
    void consoleLinksHere() {
        browser.go(baseUrl() + "/manager/");
        browser.await(d -> !browser.text("#link-reports").isEmpty());
        assertThat(browser.text("#link-reports")).isEqualTo("Báo cáo");
        assertThat(browser.find("#link-reports").getAttribute("href")).endsWith("/manager/reports.html");
    }

    @Test
    @DisplayName("An operator is told the reports are for managers, and sees no figure")
    void operatorsAreRefused() {
        logIn(newAccount("operator"));

        browser.await(d -> browser.find("#not-manager").isDisplayed());
        assertThat(browser.text("#not-manager")).startsWith("Trang báo cáo dành cho cán bộ quản lý");
        assertThat(browser.find("#reports").isDisplayed()).isFalse();
    }
}
