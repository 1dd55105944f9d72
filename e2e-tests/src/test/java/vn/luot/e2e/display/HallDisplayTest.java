package vn.luot.e2e.display;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.e2e.display.Pages.act;
import static vn.luot.e2e.display.Pages.text;
import static vn.luot.e2e.display.Pages.texts;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.e2e.support.PageTest;

@DisplayName("The hall display at /display/")
class HallDisplayTest extends PageTest {
    private static final String SENTENCE_A017_AT_5 =
            "Xin mời công dân có số thứ tự a không một bảy đến quầy số năm";
    private String manager;

    @BeforeAll
    static void openBrowser() {
        openBrowser(1920, 1080);   // a hall TV
    }

    @BeforeEach
    void addManager() {
        manager = server.newStaff("manager");
    }

    @Test
    @DisplayName("It shows the centre and site names, the server's time and every service's line with its estimated wait, in Vietnamese")
    void showsTheHall() {
        server.issue("hac-thanh", "ho-tich");
        server.issue("hac-thanh", "ho-tich");
        server.open(3, manager, "ho-tich");

        openHall("site=hac-thanh");

        assertThat(text(browser, "#centre-name")).isEqualTo("Trung tâm Phục vụ hành chính công phường Hạc Thành");
        // The ward's own site has the centre's name: the header says it once.
        assertThat(Pages.shown(browser, "#site-name")).isFalse();
        // The server's clock (a test clock at 08:30 on Thursday 26/11/2026), not the browser's.
        assertThat(text(browser, "#clock-time")).isEqualTo("08:30");
        assertThat(text(browser, "#clock-date")).isEqualTo("26/11/2026");
        assertThat(texts(browser, "#queue-lines .service")).containsExactly("Chứng thực",
                "Hộ tịch", "Đất đai", "Đăng ký hộ kinh doanh", "Xây dựng", "Chính sách xã hội",
                "Hỗ trợ dịch vụ công trực tuyến, VNeID", "Trả kết quả");
        assertThat(text(browser, "[data-service='ho-tich'] .waiting")).isEqualTo("2 người");
        assertThat(text(browser, "[data-service='ho-tich'] .estimate")).isEqualTo("khoảng 20 phút");
        assertThat(text(browser, "[data-service='chung-thuc'] .estimate")).isEqualTo("Chưa có quầy mở");
        assertThat(text(browser, "#no-calls")).isEqualTo("Chưa có số nào được gọi");
        assertThat(text(browser, "#notices")).contains("Giờ làm việc hôm nay: 07:00–11:30, 13:30–17:00.")
                .contains("Ưu tiên: Người cao tuổi, Người khuyết tật");
        assertThat(Pages.shown(browser, "#connection")).isFalse();

        server.issue("hac-thanh", "ho-tich");
        browser.await(d -> "3 người".equals(text(browser, "[data-service='ho-tich'] .waiting")));
        assertThat(text(browser, "[data-service='ho-tich'] .estimate")).isEqualTo("khoảng 30 phút");
    }

    @Test
    @DisplayName("An event brings only the lines it moved: a call changes its own line on the display, and every other line keeps the figures its snapshot gave")
    void smallEventsKeepTheOtherLines() {
        server.issue("hac-thanh", "ho-tich");
        server.issue("hac-thanh", "ho-tich");
        server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "chung-thuc");
        server.open(3, manager, "ho-tich");
        server.open(1, manager, "chung-thuc");
        openHall("site=hac-thanh");
        browser.await(d -> "2 người".equals(text(browser, "[data-service='chung-thuc'] .waiting")));

        act(server, manager, 1, "call-next", null);

        browser.await(d -> "1 người".equals(text(browser, "[data-service='chung-thuc'] .waiting")));
        assertThat(text(browser, "[data-service='ho-tich'] .waiting")).isEqualTo("2 người");
        assertThat(text(browser, "[data-service='ho-tich'] .estimate")).isEqualTo("khoảng 20 phút");
        assertThat(text(browser, "[data-service='dat-dai'] .estimate")).isEqualTo("Chưa có quầy mở");
        assertThat(texts(browser, "#queue-lines .service")).hasSize(8);
    }

    @Test
    @DisplayName("A call shows on the hall display as the newest call within one second of the call-next request")
    void callShowsWithinOneSecond() {
        server.issue("hac-thanh", "chung-thuc");
        server.open(1, manager, "chung-thuc");
        openHall("site=hac-thanh");

        // A correctness bound asked for by the issue (a citizen must see the call at once), not a benchmark:
        // the clock starts before the request is sent and the page gets whatever is left of one second.
        long start = System.nanoTime();
        JsonObject called = act(server, manager, 1, "call-next", null);
        Duration left = Duration.ofSeconds(1).minusNanos(System.nanoTime() - start);
        assertThat(left).as("the call-next request alone took a second").isPositive();
        browser.await(left, d -> called.getString("number").equals(text(browser, ".call--newest .number")));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[measure] call-next request to number on the hall display: %d ms%n", elapsedMs);

        assertThat(elapsedMs).isLessThanOrEqualTo(1000);
        assertThat(text(browser, ".call--newest .counter")).isEqualTo("Quầy số 1");
        assertThat(browser.find(".call--newest").getAttribute("class")).contains("flash");
        assertThat(text(browser, "#history-rows tr:first-child .number")).isEqualTo("A001");
        assertThat(text(browser, "#history-rows tr:first-child .counter")).isEqualTo("1");
        assertThat(text(browser, "#history-rows tr:first-child .time")).isEqualTo("08:30");
        assertThat(Pages.shown(browser, "#no-calls")).isFalse();
    }

    @Test
    @DisplayName("A017 called to counter 5 is announced with the chime, then 'Xin mời công dân có số thứ tự A-không-một-bảy đến quầy số năm' twice, played clip by clip")
    void announcesTheCallInVietnamese() {
        for (int i = 0; i < 17; i++) {
            server.issue("hac-thanh", "chung-thuc");
        }
        server.open(5, manager, "chung-thuc");
        openHall("site=hac-thanh");

        act(server, manager, 5, "call", new JsonObject().put("number", "A017"));

        browser.await(d -> announcements().size() == 1);
        JsonObject announcement = announcements().getJsonObject(0);
        assertThat(announcement.getString("number")).isEqualTo("A017");
        assertThat(announcement.getInteger("counter")).isEqualTo(5);
        assertThat(announcement.getBoolean("recall")).isFalse();
        assertThat(Pages.strings(announcement.getJsonArray("sentences"))).containsExactly(SENTENCE_A017_AT_5, SENTENCE_A017_AT_5);
        List<String> once = List.of("vi/xin-moi-cong-dan-co-so-thu-tu.ogg", "vi/letter-a.ogg", "vi/0-khong.ogg",
                "vi/1-mot.ogg", "vi/7-bay.ogg", "vi/den-quay-so.ogg", "vi/5-nam.ogg");
        List<String> expected = new ArrayList<>(List.of("chime.ogg"));
        expected.addAll(once);
        expected.addAll(once);
        assertThat(Pages.strings(announcement.getJsonArray("clips"))).containsExactlyElementsOf(expected);

        // It really plays: every clip, in that order, to its end, in this Chromium.
        browser.await(Duration.ofSeconds(60), d -> "done".equals(announcements().getJsonObject(0).getString("state")));
        JsonArray played = announcements().getJsonObject(0).getJsonArray("played");
        List<String> playedClips = new ArrayList<>();
        for (int i = 0; i < played.size(); i++) {
            playedClips.add(played.getJsonObject(i).getString("clip"));
            assertThat(played.getJsonObject(i).getString("outcome")).as(played.getJsonObject(i).encode()).isEqualTo("ended");
        }
        assertThat(playedClips).containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("A recall moves the number back to the top marked 'Gọi lại', is announced once more, and never over the first call")
    void recallIsShownAndAnnouncedAgain() {
        server.issue("hac-thanh", "ho-tich");
        server.open(3, manager, "ho-tich");
        openHall("site=hac-thanh");
        JsonObject called = act(server, manager, 3, "call-next", null);
        browser.await(d -> "B001".equals(text(browser, ".call--newest .number")));
        assertThat(text(browser, ".call--newest .badge")).isNull();

        act(server, manager, 3, "recall", new JsonObject().put("ticketId", called.getString("id")));

        browser.await(d -> "Gọi lại".equals(text(browser, ".call--newest .badge")));
        assertThat(texts(browser, "#current-calls .number")).containsExactly("B001");
        assertThat(texts(browser, "#history-rows .number")).containsExactly("B001Gọi lại", "B001");
        browser.await(d -> announcements().size() == 2);
        JsonObject recall = announcements().getJsonObject(1);
        assertThat(recall.getBoolean("recall")).isTrue();
        assertThat(Pages.strings(recall.getJsonArray("sentences")))
                .containsExactly("Xin mời công dân có số thứ tự bê không không một đến quầy số ba");

        // One queue, one voice: the recall waits for the first call's two sentences to end.
        browser.await(Duration.ofSeconds(90), d -> "done".equals(announcements().getJsonObject(1).getString("state")));
        JsonObject first = announcements().getJsonObject(0);
        recall = announcements().getJsonObject(1);
        assertThat(first.getString("state")).isEqualTo("done");
        assertThat(recall.getLong("startedAt")).isGreaterThanOrEqualTo(first.getLong("endedAt"));
    }

    @Test
    @DisplayName("A transferred ticket leaves its counter's line at once, joins the new service's queue, and shows at the counter that calls it next")
    void transferIsShown() {
        server.issue("hac-thanh", "chung-thuc");
        server.open(1, manager, "chung-thuc");
        server.open(3, manager, "ho-tich");
        openHall("site=hac-thanh");
        JsonObject called = act(server, manager, 1, "call-next", null);
        browser.await(d -> "A001".equals(text(browser, ".call--newest .number")));
        assertThat(text(browser, "[data-service='ho-tich'] .waiting")).isEqualTo("0 người");

        act(server, manager, 1, "transfer",
                new JsonObject().put("ticketId", called.getString("id")).put("serviceId", "ho-tich"));

        browser.await(d -> texts(browser, "#current-calls .number").isEmpty());
        browser.await(d -> "1 người".equals(text(browser, "[data-service='ho-tich'] .waiting")));
        assertThat(browser.find("#history-rows tr:first-child").getAttribute("class")).isEqualTo("past");

        act(server, manager, 3, "call-next", null);

        browser.await(d -> "Quầy số 3".equals(text(browser, ".call--newest .counter")));
        assertThat(text(browser, ".call--newest .number")).isEqualTo("A001");
        assertThat(text(browser, "[data-service='ho-tich'] .waiting")).isEqualTo("0 người");
        browser.await(d -> announcements().size() == 2);
        assertThat(announcements().getJsonObject(1).getJsonArray("sentences").getString(0))
                .isEqualTo("Xin mời công dân có số thứ tự a không không một đến quầy số ba");
    }

    @Test
    @DisplayName("services= and counters= in the URL limit the display to those services' lines and those counters' calls")
    void urlOptionsFilter() {
        server.issue("hac-thanh", "chung-thuc");
        server.issue("hac-thanh", "ho-tich");
        server.open(1, manager, "chung-thuc");
        server.open(3, manager, "ho-tich");
        openHall("site=hac-thanh&services=ho-tich,chinh-sach&counters=3,4");

        act(server, manager, 1, "call-next", null);
        act(server, manager, 3, "call-next", null);

        browser.await(d -> "B001".equals(text(browser, ".call--newest .number")));
        assertThat(texts(browser, "#current-calls .number")).containsExactly("B001");
        assertThat(texts(browser, "#history-rows .number")).containsExactly("B001");
        assertThat(texts(browser, "#queue-lines .service")).containsExactly("Hộ tịch", "Chính sách xã hội");
        assertThat(announcements().stream().map(a -> ((JsonObject) a).getString("number")).toList())
                .containsExactly("B001");
    }

    @Test
    @DisplayName("lang=en shows the hall in English, with the English names of the centre and services")
    void english() {
        server.issue("hac-thanh", "ho-tich");
        server.issue("hac-thanh", "ho-tich");
        server.open(3, manager, "ho-tich");
        openHall("site=tinh&lang=en");
        assertThat(text(browser, "#site-name")).isEqualTo("Reception point at the provincial centre");
        assertThat(Pages.shown(browser, "#site-name")).isTrue();
        openHall("site=hac-thanh&lang=en");

        assertThat(text(browser, "#centre-name")).isEqualTo("Hạc Thành ward public service centre");
        assertThat(text(browser, "#calls h2")).isEqualTo("Please come to the counter");
        assertThat(text(browser, "#history h2")).isEqualTo("Latest calls");
        assertThat(text(browser, "[data-service='ho-tich'] .service")).isEqualTo("Civil status (birth, marriage, death)");
        assertThat(text(browser, "[data-service='ho-tich'] .waiting")).isEqualTo("2 people");
        assertThat(text(browser, "[data-service='ho-tich'] .estimate")).isEqualTo("about 20 minutes");
        assertThat(text(browser, "#connection")).isEqualTo("Connection lost, reconnecting");
        assertThat(text(browser, "#notices")).contains("Opening hours today: 07:00–11:30, 13:30–17:00.");

        act(server, manager, 3, "call-next", null);
        browser.await(d -> "Counter 3".equals(text(browser, ".call--newest .counter")));
        browser.await(d -> "1 person".equals(text(browser, "[data-service='ho-tich'] .waiting")));
        browser.screenshot("hall-1920x1080-en");
    }

    @Test
    @DisplayName("A site that does not exist is named on the screen instead of an empty board")
    void unknownSite() {
        browser.go(url("/display/?site=nowhere"));

        browser.await(d -> Pages.shown(browser, "#page-error"));
        assertThat(text(browser, "#page-error")).contains("“nowhere”").startsWith("Không có điểm tiếp nhận");
    }

    @Test
    @DisplayName("The hall fits a 1920×1080 TV, a 1280×720 screen and a portrait screen, with every part drawn whole")
    void layouts() {
        server.open(1, manager, "chung-thuc", "tra-ket-qua");
        server.open(3, manager, "ho-tich");
        server.open(5, manager, "dat-dai");
        server.open(8, manager, "ho-tro-truc-tuyen", "tra-ket-qua");
        for (String service : List.of("chung-thuc", "ho-tich", "dat-dai", "ho-tro-truc-tuyen", "chung-thuc",
                "ho-tich", "tra-ket-qua", "chung-thuc", "dat-dai")) {
            server.issue("hac-thanh", service);
        }
        for (int counter : new int[] {1, 3, 5, 8}) {
            act(server, manager, counter, "call-next", null);
        }
        for (int counter : new int[] {1, 3}) {
            act(server, manager, counter, "complete", null);
            act(server, manager, counter, "call-next", null);
        }
        try {
            checkLayout(1920, 1080, "hall-1920x1080");
            // On the TV: the four latest calls large (not only the newest), service names readable from afar.
            for (int i = 1; i <= 4; i++) {
                assertThat(fontPx("#current-calls .call:nth-child(" + i + ") .number")).as("call " + i).isGreaterThanOrEqualTo(80);
            }
            assertThat(fontPx("#queue-lines .service")).isGreaterThanOrEqualTo(34);
            assertThat(browser.script("const p = document.getElementById('calls').getBoundingClientRect();"
                    + " const last = document.querySelector('#current-calls .call:nth-child(4)').getBoundingClientRect();"
                    + " return (p.bottom - last.bottom) / p.height")).satisfies(empty ->
                    assertThat(((Number) empty).doubleValue()).as("share of the calls panel left empty").isLessThan(0.2));
            checkLayout(1280, 720, "hall-1280x720");
            checkLayout(1080, 1920, "hall-1080x1920-portrait");
        } finally {
            browser.viewport(1920, 1080);
        }
    }

    private void checkLayout(int width, int height, String screenshot) {
        browser.viewport(width, height);
        openHall("site=hac-thanh&voice=off");
        browser.await(d -> texts(browser, "#current-calls .number").size() == 4);
        assertThat(browser.script("return innerWidth + 'x' + innerHeight")).isEqualTo(width + "x" + height);
        browser.screenshot(screenshot);

        for (String part : List.of("#centre-name", "#clock-time", "#clock-date", ".call--newest",
                "#current-calls .call:nth-child(4)", "#history-rows tr:nth-child(6)", "#queue-lines li:nth-child(8)",
                ".ticker")) {
            assertThat(Pages.wholeOnScreen(browser, part)).as(part + " at " + width + "×" + height).isEmpty();
        }
        assertThat(texts(browser, "#queue-lines li")).hasSize(8);
    }

    private double fontPx(String css) {
        return ((Number) browser.script("return parseFloat(getComputedStyle(document.querySelector(arguments[0])).fontSize)", css))
                .doubleValue();
    }

    private void openHall(String query) {
        browser.go(url("/display/?" + query));
        browser.await(d -> Boolean.TRUE.equals(browser.script(
                "return !!window.LuotDisplay && LuotDisplay.status === 'online'")));
    }

    private JsonArray announcements() {
        return Pages.jsonArray(browser, "LuotDisplay.announcements");
    }

    private String url(String path) {
        return baseUrl() + path;
    }
}
