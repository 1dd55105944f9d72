package vn.luot.e2e.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.Browser;

/** A member of staff at the staff pages: an account with a known password, and the moves a person makes. */
final class StaffSession {
    static final String PASSWORD = "mat-khau-cua-lan-123";

    private final TestServer server;
    private final Browser browser;
    final String username;
    final String token;

    private StaffSession(TestServer server, Browser browser, String username, String role) {
        this.server = server;
        this.browser = browser;
        this.username = username;
        ApiClient.Response r = server.api().post("/api/v1/staff", new JsonObject().put("username", username)
                        .put("displayName", "Nguyễn Thị Lan").put("role", role).put("password", PASSWORD),
                TestServer.bearer(server.adminToken()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        this.token = server.login(username, PASSWORD);
    }

    static StaffSession create(TestServer server, Browser browser, String username, String role) {
        return new StaffSession(server, browser, username, role);
    }

    /** Opens a staff page at baseUrl + path and logs in through its form. */
    void logIn(String baseUrl, String path) {
        browser.go(baseUrl + path);
        browser.script("sessionStorage.clear()");
        browser.go(baseUrl + path);
        browser.await(d -> browser.find("#login-username").isDisplayed());
        browser.find("#login-username").sendKeys(username);
        browser.find("#login-password").sendKeys(PASSWORD);
        browser.find("#login-submit").click();
        browser.await(d -> !browser.find("#login").isDisplayed());
    }

    /** Presses keys the way a USB numeric keypad sends them, to whatever has the focus. */
    void press(CharSequence... keys) {
        new Actions(browser.driver()).sendKeys(keys).perform();
    }

    static CharSequence keypad(char digit) {
        return switch (digit) {
            case '0' -> Keys.NUMPAD0;
            case '1' -> Keys.NUMPAD1;
            case '2' -> Keys.NUMPAD2;
            case '3' -> Keys.NUMPAD3;
            case '4' -> Keys.NUMPAD4;
            case '5' -> Keys.NUMPAD5;
            case '6' -> Keys.NUMPAD6;
            case '7' -> Keys.NUMPAD7;
            case '8' -> Keys.NUMPAD8;
            case '9' -> Keys.NUMPAD9;
            case '+' -> Keys.ADD;
            case '-' -> Keys.SUBTRACT;
            default -> throw new IllegalArgumentException("not on a numeric keypad: " + digit);
        };
    }

    void click(String css) {
        browser.await(d -> browser.find(css).isEnabled());
        browser.find(css).click();
    }

    void awaitText(String css, String text) {
        browser.await(Duration.ofSeconds(15), d -> text.equals(browser.find(css).getText()));
    }

    int visible(String css) {
        return browser.driver().findElements(By.cssSelector(css)).size();
    }

    JsonObject counter(int id) {
        return server.api().get("/api/v1/counters/" + id).json();
    }

    /** The ticket as staff see it (with the desk's note, which public views never carry). */
    JsonObject ticket(String id) {
        return server.api().get("/api/v1/tickets/" + id + "/details", TestServer.bearer(token)).json();
    }
}
