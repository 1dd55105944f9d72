package vn.luot.e2e.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import vn.luot.core.support.TestServer;

/**
 * What a page test starts from: one headless Chromium for the test class, with the window of the screen
 * the page is made for (each class opens it in its own {@code @BeforeAll} with {@link #openBrowser}),
 * and a fresh server for every test, with its own database and a random port.
 */
public abstract class PageTest {
    protected static Browser browser;
    protected TestServer server;

    protected static void openBrowser(int width, int height) {
        browser = Browser.open(width, height);
    }

    @AfterAll
    protected static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @BeforeEach
    protected void startServer() {
        server = TestServer.start();
    }

    @AfterEach
    protected void stopServer() {
        server.close();
    }

    /** The server's address, as a browser on this machine reaches it. */
    protected String baseUrl() {
        return "http://localhost:" + server.port();
    }
}
