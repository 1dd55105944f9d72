package vn.luot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.MutableClock;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.Accessibility;
import vn.luot.e2e.support.Browser;
import vn.luot.e2e.support.CuttableProxy;

/**
 * Every page, at the size of the screen it is made for and in its main states, checked by axe-core
 * (WCAG 2.2 A and AA): a serious or critical violation fails the test. One server and one browser for
 * all of them; the states are reached in the order listed. To check a new page, add one line to
 * {@link #pages()}: its name, its screen, its address, and (if it needs one) the step that brings it
 * to the state to check. The counts per page are written to {@code target/accessibility.txt}.
 */
@DisplayName("Accessibility: every page has no serious or critical axe-core violation (WCAG 2.2 A and AA)")
class AccessibilityTest {
    /** Screens the pages are made for. */
    record Screen(int width, int height) {
    }

    static final Screen KIOSK_PORTRAIT = new Screen(1080, 1920);
    static final Screen KIOSK_LANDSCAPE = new Screen(1920, 1080);
    static final Screen TV = new Screen(1920, 1080);
    static final Screen COUNTER_SCREEN = new Screen(1366, 768);
    static final Screen PHONE = new Screen(360, 740);
    static final Screen DESK = new Screen(1366, 768);
    static final Screen TABLET = new Screen(1280, 800);
    static final Screen REPORTS_DESK = new Screen(1440, 900);
    static final Screen MANAGER_SCREEN = new Screen(1440, 900);

    /** What a step of a page state can use: the server, the browser, the tickets made for the states. */
    static final class Fixture {
        TestServer server;
        Browser browser;
        CuttableProxy proxy;
        String managerToken;
        JsonObject waitingTicket;
        JsonObject calledTicket;

        String url(String path) {
            return "http://localhost:" + server.port() + path;
        }

        void awaitScript(String condition) {
            browser.await(Duration.ofSeconds(20), d -> Boolean.TRUE.equals(browser.script("return !!(" + condition + ")")));
        }

        void logIn(String path) {
            browser.go(url(path));
            browser.script("sessionStorage.clear()");
            browser.go(url(path));
            awaitScript("document.getElementById('login-username') && !document.getElementById('login').hidden");
            browser.find("#login-username").sendKeys(MANAGER);
            browser.find("#login-password").sendKeys(TestServer.STAFF_PASSWORD);
            browser.find("#login-submit").click();
            awaitScript("document.getElementById('login').hidden");
        }
    }

    interface Step {
        void run(Fixture f);

        default Step then(Step next) {
            return f -> {
                run(f);
                next.run(f);
            };
        }
    }

    /** One page in one state: where it is, on which screen, how to bring it there, and how to leave it. */
    record PageState(Screen screen, Function<Fixture, String> address, Step prepare, Step after) {
    }

    private static final String MANAGER = "lan.nguyen";
    private static final Step NOTHING = f -> { };
    private static final Fixture FIXTURE = new Fixture();

    static Named<PageState> page(String name, Screen screen, String path) {
        return page(name, screen, path, NOTHING);
    }

    static Named<PageState> page(String name, Screen screen, String path, Step prepare) {
        return Named.of(name, new PageState(screen, f -> f.url(path), prepare, NOTHING));
    }

    static Named<PageState> page(String name, Screen screen, Function<Fixture, String> address, Step prepare, Step after) {
        return Named.of(name, new PageState(screen, address, prepare, after));
    }

    static Step kioskReady() {
        return f -> f.awaitScript("document.body.dataset.ready === 'true'");
    }

    static Step tap(String css) {
        return f -> {
            f.awaitScript("document.body.dataset.tapReady === 'true'");
            // the service cards are redrawn when a hall changes: find the button again if it was replaced
            f.browser.await(d -> {
                try {
                    f.browser.find(css).click();
                    return true;
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    return false;
                }
            });
        };
    }

    static Step screen(String name) {
        return f -> f.awaitScript("document.body.dataset.screen === '" + name + "'");
    }

    static Step hallOnline() {
        return f -> f.awaitScript("window.LuotDisplay && LuotDisplay.status === 'online'");
    }

    /** A staff page as it opens before anyone logs in (a login kept in the tab is forgotten first). */
    static Step loggedOut() {
        return f -> {
            f.browser.script("sessionStorage.clear()");
            f.browser.driver().navigate().refresh();
            f.awaitScript("document.getElementById('login') && !document.getElementById('login').hidden");
        };
    }

    static Step atNight() {
        return f -> f.server.clock().set(ZonedDateTime.of(2026, 11, 26, 1, 37, 0, 0, MutableClock.CENTRE).toInstant());
    }

    static Step backToMorning() {
        return f -> f.server.clock().set(ZonedDateTime.of(2026, 11, 26, 8, 45, 0, 0, MutableClock.CENTRE).toInstant());
    }

    /** The rating tablet of counter 3 with its device token, online and idle. */
    static Step rateTablet() {
        return f -> {
            String token = f.server.api().post("/api/v1/counters/3/rating-token", null,
                    TestServer.bearer(f.server.adminToken())).json().getString("token");
            f.browser.script("localStorage.setItem('luot.rate.token.3', arguments[0])", token);
            f.browser.driver().navigate().refresh();
            f.awaitScript("window.LuotRate && LuotRate.screen === 'idle' && LuotRate.status === 'online'");
        };
    }

    /** Counter 3 calls its next hộ tịch ticket and completes it, so its tablet asks for a rating. */
    static Step serveAtCounter3() {
        return f -> {
            assertThat(f.server.act(3, "call-next", f.managerToken).status()).isEqualTo(200);
            assertThat(f.server.act(3, "complete", f.managerToken).status()).isEqualTo(200);
        };
    }

    /** Every page and state checked, in order. Add a page here, one line per state. */
    static Stream<Named<PageState>> pages() {
        return Stream.of(
                page("landing page", DESK, "/"),
                page("kiosk, start, portrait", KIOSK_PORTRAIT, "/kiosk/?site=hac-thanh&printer=kiosk-1", kioskReady()),
                page("kiosk, start, landscape", KIOSK_LANDSCAPE, "/kiosk/?site=hac-thanh&printer=kiosk-1", kioskReady()),
                page("kiosk, priority question", KIOSK_PORTRAIT, "/kiosk/?site=tinh&printer=kiosk-2",
                        kioskReady().then(tap(".service[data-service='dat-dai']")).then(screen("priority"))),
                page("kiosk, ticket with the printer out", KIOSK_PORTRAIT, "/kiosk/?site=tinh&printer=kiosk-2",
                        kioskReady().then(tap(".service[data-service='dat-dai']")).then(screen("priority"))
                                .then(tap("#no-priority")).then(screen("ticket"))),
                page("kiosk, outside opening hours", KIOSK_PORTRAIT, f -> f.url("/kiosk/?site=hac-thanh&printer=kiosk-1"),
                        atNight().then(kioskReady()).then(screen("closed")), backToMorning()),
                page("kiosk, wrong address", KIOSK_PORTRAIT, "/kiosk/?site=xyz",
                        f -> f.awaitScript("document.body.dataset.screen === 'error'")),
                page("hall display, idle", TV, "/display/?site=tinh", hallOnline()),
                page("hall display, calling", TV, "/display/?site=hac-thanh",
                        hallOnline().then(f -> f.awaitScript("document.querySelectorAll('.call').length > 0"))),
                page("hall display, offline", TV, f -> f.proxy.url("/display/?site=hac-thanh"),
                        hallOnline().then(f -> f.proxy.cut()).then(f -> f.awaitScript("LuotDisplay.status === 'offline'")),
                        f -> f.proxy.restore()),
                page("counter display, closed", COUNTER_SCREEN, "/display/counter.html?counter=21",
                        f -> f.awaitScript("LuotCounterDisplay.shown === 'closed'")),
                page("counter display, calling", COUNTER_SCREEN, "/display/counter.html?counter=1",
                        f -> f.awaitScript("LuotCounterDisplay.shown === 'called'")),
                page("counter display, no counter given", COUNTER_SCREEN, "/display/counter.html",
                        f -> f.awaitScript("LuotCounterDisplay.shown === 'unknown'")),
                page("tracking page, waiting", PHONE, f -> f.url("/track/?ticket=" + f.waitingTicket.getString("id")),
                        f -> f.awaitScript("window.LuotTrack && LuotTrack.status === 'online'"), NOTHING),
                page("tracking page, called", PHONE, f -> f.url("/track/?ticket=" + f.calledTicket.getString("id")),
                        f -> f.awaitScript("window.LuotTrack && LuotTrack.status === 'online'"), NOTHING),
                page("tracking page, ticket not found", PHONE, "/track/?ticket=abc",
                        f -> f.awaitScript("window.LuotTrack && LuotTrack.status === 'missing'")),
                page("workstation, logged out", DESK, "/staff/", loggedOut()),
                page("workstation, choosing a counter", DESK, f -> f.url("/"),
                        f -> f.logIn("/staff/"), NOTHING),
                page("workstation, calling a ticket", DESK, f -> f.url("/"),
                        ((Step) f -> f.logIn("/staff/"))
                                .then(f -> f.awaitScript("document.getElementById('choose-counter-5')"))
                                .then(f -> f.browser.find("#choose-counter-5").click())
                                .then(f -> f.browser.find("#open-counter").click())
                                .then(f -> f.awaitScript("document.body.dataset.mode === 'idle'"))
                                .then(f -> f.browser.find("#btn-call-next").click())
                                .then(f -> f.awaitScript("document.body.dataset.mode === 'called'")), NOTHING),
                page("guidance desk, logged out", DESK, "/staff/desk.html?site=hac-thanh", loggedOut()),
                page("guidance desk, logged in", DESK, f -> f.url("/"), f -> f.logIn("/staff/desk.html?site=hac-thanh"), NOTHING),
                // Ratings (issue 14): last, because serving at counter 3 changes the fixture's tickets.
                page("rating tablet, device token", TABLET, "/rate/?counter=3", f -> {
                    f.browser.script("localStorage.clear()");
                    f.browser.driver().navigate().refresh();
                    f.awaitScript("window.LuotRate && LuotRate.screen === 'setup'");
                }),
                page("rating tablet, question", TABLET, "/rate/?counter=3", rateTablet().then(serveAtCounter3())
                        .then(f -> f.awaitScript("LuotRate.screen === 'question'"))),
                page("rating tablet, reasons", TABLET, "/rate/?counter=3", rateTablet().then(serveAtCounter3())
                        .then(f -> f.awaitScript("LuotRate.screen === 'question'"))
                        .then(f -> f.browser.find("#levels button[data-level='dissatisfied']").click())
                        .then(f -> f.awaitScript("LuotRate.screen === 'reasons'"))),
                page("tracking page, rating offered after service", PHONE, f -> {
                    assertThat(f.server.act(1, "complete", f.managerToken).status()).isEqualTo(200);
                    return f.url("/track/?ticket=" + f.calledTicket.getString("id") + "&s="
                            + f.calledTicket.getString("holderSecret"));
                }, f -> f.awaitScript("window.LuotTrackRating && LuotTrackRating.state === 'offered'"), NOTHING),
                page("reports page, logged out", REPORTS_DESK, "/manager/reports.html", loggedOut()),
                page("reports page, with figures and charts", REPORTS_DESK, f -> f.url("/"),
                        ((Step) f -> f.logIn("/manager/reports.html?from=2026-11-26&to=2026-11-26&groupBy=service"))
                                .then(f -> f.awaitScript("window.LuotReports && LuotReports.loaded > 0 "
                                        + "&& LuotReports.charts >= 4")), NOTHING),
                // The citizens' phone pages (issue 11).
                page("booking page", PHONE, "/book/", f -> f.awaitScript("window.LuotBook && LuotBook.ready")),
                page("booking page, in English", PHONE, "/book/?lang=en", f -> f.awaitScript("window.LuotBook && LuotBook.ready")),
                page("booking manage page", PHONE, "/book/manage.html", f -> f.awaitScript("window.LuotBook && LuotBook.ready")),
                page("remote number page", PHONE, "/book/now/", f -> f.awaitScript("window.LuotBook && LuotBook.ready")),
                page("manager console, logged out", MANAGER_SCREEN, "/manager/", loggedOut()),
                page("manager console, logged in", MANAGER_SCREEN, f -> f.url("/"),
                        ((Step) f -> f.logIn("/manager/"))
                                .then(f -> f.awaitScript("window.LuotManager && LuotManager.refreshes > 0")), NOTHING),
                page("kiosk, booked citizen's check-in", KIOSK_PORTRAIT, "/kiosk/?site=hac-thanh&printer=kiosk-1",
                        kioskReady().then(tap("#booked")).then(screen("checkin")))
        );
    }

    @BeforeAll
    static void start() {
        Fixture f = FIXTURE;
        f.server = TestServer.start();
        f.browser = Browser.open(DESK.width(), DESK.height());
        f.proxy = CuttableProxy.to(f.server.port());
        ApiClient.Response added = f.server.api().post("/api/v1/staff", new JsonObject().put("username", MANAGER)
                        .put("displayName", "Nguyễn Thị Lan").put("role", "manager").put("password", TestServer.STAFF_PASSWORD),
                TestServer.bearer(f.server.adminToken()));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        f.managerToken = f.server.login(MANAGER, TestServer.STAFF_PASSWORD);
        f.server.open(1, f.managerToken, "chung-thuc");
        f.server.open(3, f.managerToken, "ho-tich");
        f.calledTicket = f.server.issue("hac-thanh", "chung-thuc");
        f.server.issue("hac-thanh", "chung-thuc");
        f.waitingTicket = f.server.issue("hac-thanh", "ho-tich");
        f.server.issue("hac-thanh", "ho-tich");
        f.server.issue("hac-thanh", "dat-dai");
        f.server.issue("hac-thanh", "dat-dai");
        assertThat(f.server.act(1, "call-next", f.managerToken).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        Fixture f = FIXTURE;
        if (f.proxy != null) {
            f.proxy.close();
        }
        if (f.browser != null) {
            f.browser.close();
        }
        if (f.server != null) {
            f.server.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    @DisplayName("The page has no serious or critical violation, and its Content-Security-Policy refuses nothing it needs")
    void noSeriousViolation(PageState state, org.junit.jupiter.api.TestInfo info) {
        Fixture f = FIXTURE;
        f.browser.viewport(state.screen().width(), state.screen().height());
        f.browser.go("about:blank");
        f.browser.securityPolicyViolations();   // forget the earlier pages' console
        try {
            f.browser.go(state.address().apply(f));
            state.prepare().run(f);
            settle(f.browser);
            assertThat(f.browser.securityPolicyViolations()).as("refused by the Content-Security-Policy").isEmpty();
            Accessibility.Report report = Accessibility.check(f.browser, Objects.requireNonNull(info.getDisplayName()));
            assertThat(report.blocking()).as(report.toString()).isZero();
        } finally {
            state.after().run(f);
        }
    }

    /** Waits until the page's words have not changed for 400 ms (bundles loaded, first data drawn). */
    private static void settle(Browser browser) {
        String[] last = {null};
        long[] since = {0};
        browser.await(Duration.ofSeconds(10), d -> {
            String now = String.valueOf(browser.script("return document.readyState + '|' + document.body.innerText"));
            if (!now.equals(last[0])) {
                last[0] = now;
                since[0] = System.nanoTime();
                return false;
            }
            return now.startsWith("complete") && System.nanoTime() - since[0] > 400_000_000L;
        });
    }
}
