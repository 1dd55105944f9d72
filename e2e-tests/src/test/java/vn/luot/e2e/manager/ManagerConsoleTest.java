package vn.luot.e2e.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WindowType;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.PageTest;

@DisplayName("Manager console /manager/ in headless Chromium (1440×900)")
class ManagerConsoleTest extends PageTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MANAGER = "thu.tran";
    private static final String PASSWORD = "mat-khau-quan-ly-123";

    @BeforeAll
    static void openBrowser() {
        openBrowser(1440, 900);
    }

    private void addManager() {
        ApiClient.Response r = server.api().post("/api/v1/staff", new JsonObject().put("username", MANAGER)
                        .put("displayName", "Trần Thị Thu").put("role", "manager").put("password", PASSWORD),
                TestServer.bearer(server.adminToken()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void logIn() {
        browser.go(baseUrl() + "/manager/");
        browser.script("sessionStorage.clear()");
        browser.go(baseUrl() + "/manager/");
        browser.await(PATIENCE, d -> browser.find("#login-username").isDisplayed());
        browser.find("#login-username").sendKeys(MANAGER);
        browser.find("#login-password").sendKeys(PASSWORD);
        browser.find("#login-submit").click();
        awaitScript("window.LuotManager && LuotManager.refreshes > 0 && LuotManager.status['hac-thanh'] === 'online'"
                + " && LuotManager.status['tinh'] === 'online'");
    }

    private void awaitScript(String condition) {
        browser.await(PATIENCE, d -> Boolean.TRUE.equals(browser.script("return !!(" + condition + ")")));
    }

    /** Clicks what may be redrawn by a live event meanwhile: found again until the click lands. */
    private void click(String css) {
        browser.await(PATIENCE, d -> {
            try {
                var element = browser.find(css);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
                return false;
            }
        });
    }

    /** One click arms, the second confirms. */
    private void clickAndConfirm(String css) {
        click(css);
        awaitScript("document.querySelector(\"" + css + "\") && document.querySelector(\"" + css
                + "\").classList.contains('armed')");
        click(css);
    }

    private String text(String css) {
        Object value = browser.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
                css);
        return value == null ? null : value.toString();
    }

    private String openTab(String path) {
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.go(baseUrl() + path);
        return browser.driver().getWindowHandle();
    }

    @Test
    @DisplayName("A manager logs in, reassigns a counter, accepts a suggestion and pushes a notice: the board, a hall display of each site, a kiosk and a moved ticket's tracking page change")
    void balancesTheSites() {
        addManager();
        String operator = server.newStaff("operator");
        server.open(23, operator, "dat-dai");
        List<JsonObject> land = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            server.clock().advance(Duration.ofSeconds(30));
            land.add(server.issue("hac-thanh", "dat-dai"));
        }
        JsonObject newest = land.get(land.size() - 1);

        String console = browser.driver().getWindowHandle();
        logIn();
        awaitScript("document.querySelector(\"#lines-hac-thanh tr[data-service='dat-dai']\").dataset.level === 'over'"
                + " || document.querySelector(\"#lines-hac-thanh tr[data-service='dat-dai']\").dataset.level === 'ok'");
        browser.screenshot("manager-console");

        String hallHere = openTab("/display/?site=hac-thanh&voice=off");
        awaitScript("window.LuotDisplay && LuotDisplay.status === 'online'");
        String hallThere = openTab("/display/?site=tinh&voice=off");
        awaitScript("window.LuotDisplay && LuotDisplay.status === 'online'");
        String kiosk = openTab("/kiosk/?site=tinh&printer=kiosk-2");
        awaitScript("document.body.dataset.ready === 'true'");
        String phone = openTab("/track/?ticket=" + newest.getString("id"));
        awaitScript("window.LuotTrack && LuotTrack.status === 'online'");
        browser.driver().switchTo().window(console);

        // Reassign counter 2 (closed, chung-thuc) to returning results.
        click("#counter-2 .services-editor summary");
        click("#counter-2 .services-editor input[data-service='chung-thuc']");
        click("#counter-2 .services-editor input[data-service='tra-ket-qua']");
        clickAndConfirm("#counter-2 .save-services");
        browser.await(PATIENCE, d -> {
            String services = text("#counter-2 .services");
            return services != null && services.equals("Trả kết quả");
        });
        JsonArray saved = server.api().get("/api/v1/counters/2").json().getJsonArray("services");
        assertThat(saved).containsExactly("tra-ket-qua");

        // Accept the suggestion to move the newest land tickets to the provincial point.
        String suggestion = "li[data-suggestion='move:hac-thanh:dat-dai:tinh']";
        awaitScript("document.querySelector(\"" + suggestion + "\")");
        assertThat(text(suggestion + " .title")).startsWith("Chuyển ").contains("số Đất đai mới nhất sang");
        clickAndConfirm(suggestion + " .accept");
        browser.await(PATIENCE, d -> server.count(
                "SELECT count(*) FROM tickets WHERE site_id = 'tinh' AND service_id = 'dat-dai'") > 0);
        awaitScript("document.querySelector(\"#lines-tinh tr[data-service='dat-dai'] td.waiting\").textContent !== '0'");
        awaitScript("document.querySelector(\"#audit li[data-action='tickets.moved']\")");

        // Push a notice to both sites until the evening.
        browser.find("#notice-vi").sendKeys("Quầy 5 tạm nghỉ đến 14:00");
        browser.find("#notice-en").sendKeys("Counter 5 is closed until 14:00");
        browser.script("document.getElementById('notice-until').value = '16:30'");
        clickAndConfirm("#notice-submit");
        awaitScript("document.querySelector(\"#audit li[data-action='notice.posted']\")");
        browser.screenshot("manager-console-after-actions");

        browser.driver().switchTo().window(hallHere);
        awaitScript("[...document.querySelectorAll('.manager-notice')].some(n => n.textContent === 'Quầy 5 tạm nghỉ đến 14:00')");
        awaitScript("[...document.querySelectorAll('.manager-notice.leaving')].some(n => n.textContent.startsWith('Các số '))");
        browser.screenshot("manager-notice-hall-hac-thanh");

        browser.driver().switchTo().window(hallThere);
        awaitScript("[...document.querySelectorAll('.manager-notice')].some(n => n.textContent === 'Quầy 5 tạm nghỉ đến 14:00')");
        awaitScript("document.querySelector(\".queue-line[data-service='dat-dai'] .waiting\")"
                + " && document.querySelector(\".queue-line[data-service='dat-dai'] .waiting\").textContent !== '0 người'");
        browser.screenshot("manager-notice-hall-tinh");

        browser.driver().switchTo().window(kiosk);
        awaitScript("[...document.querySelectorAll('#manager-notices .manager-notice')].some(n => n.textContent === 'Quầy 5 tạm nghỉ đến 14:00')");
        browser.screenshot("manager-notice-kiosk-tinh");

        browser.driver().switchTo().window(phone);
        awaitScript("!document.getElementById('moved').hidden");
        assertThat(text("#moved")).startsWith("Số thứ tự " + newest.getString("number") + " đã được chuyển sang");
        awaitScript("document.getElementById('ticket-site').textContent.startsWith('Điểm tiếp nhận')");
        browser.screenshot("manager-moved-ticket-phone");

        browser.driver().switchTo().window(console);
        browser.viewport(1024, 1366);
        browser.screenshot("manager-console-tablet");
        assertThat(browser.driver().findElements(By.cssSelector("#sites > section.site"))).hasSize(2);
        browser.viewport(1440, 900);
        for (String tab : List.of(hallHere, hallThere, kiosk, phone)) {
            browser.driver().switchTo().window(tab);
            browser.driver().close();
        }
        browser.driver().switchTo().window(console);
    }

    @Test
    @DisplayName("An operator who logs in is told the console is for managers, and sees no board")
    void operatorsSeeNoBoard() {
        ApiClient.Response r = server.api().post("/api/v1/staff", new JsonObject().put("username", "hoa.le")
                        .put("displayName", "Lê Thị Hoa").put("role", "operator").put("password", PASSWORD),
                TestServer.bearer(server.adminToken()));
        assertThat(r.status()).isEqualTo(201);
        browser.go(baseUrl() + "/manager/");
        browser.script("sessionStorage.clear()");
        browser.go(baseUrl() + "/manager/");
        browser.await(PATIENCE, d -> browser.find("#login-username").isDisplayed());
        browser.find("#login-username").sendKeys("hoa.le");
        browser.find("#login-password").sendKeys(PASSWORD);
        browser.find("#login-submit").click();
        awaitScript("!document.getElementById('not-manager').hidden");
        assertThat(browser.find("#console").isDisplayed()).isFalse();
    }
}
