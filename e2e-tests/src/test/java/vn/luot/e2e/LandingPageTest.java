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
        assertThat(browser.text("#link-display")).isEqualTo("Màn hình sảnh chờ – Trung tâm phường Hạc Thành");
        assertThat(browser.text("#link-kiosk")).isEqualTo("Máy lấy số – Trung tâm phường Hạc Thành");
    }

    @Test
    @DisplayName("?lang=en switches the landing page to English")
    void englishOnRequest() {
        browser.go("http://localhost:" + server.port() + "/?lang=en");

        browser.await(d -> !browser.text("#link-display").isEmpty());
        assertThat(browser.text("#link-display")).isEqualTo("Hall display – Hạc Thành ward centre");
        browser.screenshot("landing-en");
    }

    @Test
    @DisplayName("A newcomer reaches every page from /: both sites' kiosks, halls and guidance desks, the counter screen, the workstation, and reads what /track/ is")
    void everyPageReachable() {
        browser.go("http://localhost:" + server.port() + "/");
        browser.await(d -> !browser.text("#link-display").isEmpty());

        @SuppressWarnings("unchecked")
        java.util.List<String> links = (java.util.List<String>) browser.script(
                "return Array.from(document.querySelectorAll('main a[href]')).map(a => a.href)");
        assertThat(links.stream().map(l -> l.replaceFirst("^http://localhost:\\d+", "")).toList()).contains(
                "/kiosk/?site=hac-thanh&printer=kiosk-1", "/kiosk/?site=tinh&printer=kiosk-2",
                "/display/?site=hac-thanh", "/display/?site=tinh", "/display/counter.html?counter=1",
                "/staff/", "/staff/desk.html?site=hac-thanh", "/staff/desk.html?site=tinh", "/api/v1/openapi.yaml");
        for (String link : links) {
            if (link.contains("localhost")) {
                assertThat(server.api().get(link.replaceFirst("^http://localhost:\\d+", "")).status()).as(link).isEqualTo(200);
            }
        }
        assertThat(browser.find("main").getText()).contains("Trang theo dõi lượt trên điện thoại: mở bằng mã QR in trên phiếu");
        browser.screenshot("landing");
    }
}
