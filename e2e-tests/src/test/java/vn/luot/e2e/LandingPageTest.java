package vn.luot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.Browser;

@DisplayName("The landing page at /")
class LandingPageTest {
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.open(1280, 720);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @DisplayName("The core serves the landing page in Vietnamese first, with the words from the bundles")
    void vietnameseFirst() {
        browser.go("http://localhost:" + server.port() + "/");

        browser.await(d -> !browser.text("#link-display").isEmpty());
        assertThat(browser.text("#link-display")).isEqualTo("Màn hình sảnh chờ");
        assertThat(browser.text("#link-kiosk")).isEqualTo("Máy lấy số");
    }

    @Test
    @DisplayName("?lang=en switches the landing page to English")
    void englishOnRequest() {
        browser.go("http://localhost:" + server.port() + "/?lang=en");

        browser.await(d -> !browser.text("#link-display").isEmpty());
        assertThat(browser.text("#link-display")).isEqualTo("Hall display");
        browser.screenshot("landing-en");
    }
}
