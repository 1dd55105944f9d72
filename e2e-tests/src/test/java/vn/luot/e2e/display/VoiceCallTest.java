package vn.luot.e2e.display;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.luot.e2e.display.Pages.act;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.Browser;

/**
 * The reading rules (display/js/reading.js) run in the page, on the shipped manifest: there is no Node
 * in the build, so Chromium is the JavaScript engine these unit tests use.
 */
@DisplayName("The voice calls: reading rules and recorded clips")
class VoiceCallTest {
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.open(1280, 720);
        browser.go("http://localhost:" + server.port() + "/display/?site=hac-thanh");
        browser.await(d -> Boolean.TRUE.equals(browser.script(
                "return !!window.LuotDisplay && LuotDisplay.status === 'online'")));
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
    @DisplayName("Vietnamese reads the ticket number sign by sign and the counter as a number, as the glossary says")
    void vietnameseReading() {
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("A017", "a không một bảy");
        numbers.put("B120", "bê một hai không");
        numbers.put("C005", "xê không không năm");
        numbers.put("D010", "dê không một không");
        numbers.put("E999", "e chín chín chín");
        numbers.put("F100", "ép một không không");
        numbers.put("G001", "giê không không một");
        numbers.put("H042", "hát không bốn hai");
        numbers.put("A1234", "a một hai ba bốn");
        numbers.forEach((number, words) -> assertThat(read("numberWords", "vi", number)).as(number).isEqualTo(words));

        Map<Integer, String> counters = new LinkedHashMap<>();
        counters.put(1, "một");
        counters.put(5, "năm");
        counters.put(10, "mười");
        counters.put(11, "mười một");
        counters.put(15, "mười lăm");
        counters.put(20, "hai mươi");
        counters.put(21, "hai mươi mốt");
        counters.put(22, "hai mươi hai");
        counters.put(23, "hai mươi ba");
        counters.put(24, "hai mươi bốn");
        counters.put(25, "hai mươi lăm");
        counters.put(31, "ba mươi mốt");
        counters.put(100, "một trăm");
        counters.put(105, "một trăm linh năm");
        counters.put(110, "một trăm mười");
        counters.put(115, "một trăm mười lăm");
        counters.put(121, "một trăm hai mươi mốt");
        counters.put(999, "chín trăm chín mươi chín");
        counters.forEach((counter, words) -> assertThat(read("counterWords", "vi", counter)).as("counter " + counter)
                .isEqualTo(words));

        assertThat(read("sentenceWords", "vi", "A017", 5))
                .isEqualTo("Xin mời công dân có số thứ tự a không một bảy đến quầy số năm");
        assertThat(read("sentenceWords", "vi", "B120", 21))
                .isEqualTo("Xin mời công dân có số thứ tự bê một hai không đến quầy số hai mươi mốt");
    }

    @Test
    @DisplayName("English reads 'Number ay zero one seven, please come to counter twenty one'")
    void englishReading() {
        assertThat(read("numberWords", "en", "A017")).isEqualTo("ay zero one seven");
        assertThat(read("counterWords", "en", 5)).isEqualTo("five");
        assertThat(read("counterWords", "en", 13)).isEqualTo("thirteen");
        assertThat(read("counterWords", "en", 21)).isEqualTo("twenty one");
        assertThat(read("counterWords", "en", 40)).isEqualTo("forty");
        assertThat(read("counterWords", "en", 105)).isEqualTo("one hundred five");
        assertThat(read("sentenceWords", "en", "A017", 21))
                .isEqualTo("Number ay zero one seven please come to counter twenty one");
    }

    @Test
    @DisplayName("Every word the rules can say, for any prefix letter and counters 0 to 999, has a clip; a sign with no reading is refused")
    void everyWordHasAClip() {
        Object missing = browser.script("""
                return fetch('/display/audio/manifest.json').then(r => r.json()).then(m => {
                  const missing = [];
                  for (const [name, voice] of Object.entries(m.voices)) {
                    const signs = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
                    for (const sign of signs) {
                      try { Luot.Reading.clipsFor(Luot.Reading.numberWords(sign, voice), voice); }
                      catch (e) { missing.push(name + ' ' + sign + ': ' + e.message); }
                    }
                    for (let n = 0; n <= 999; n++) {
                      try { Luot.Reading.clipsFor(Luot.Reading.counterWords(n, voice), voice); }
                      catch (e) { missing.push(name + ' counter ' + n + ': ' + e.message); }
                    }
                    try { Luot.Reading.clipsFor(voice.sentence.filter(p => !p.startsWith('{')), voice); }
                    catch (e) { missing.push(name + ' sentence: ' + e.message); }
                  }
                  return missing;
                });
                """);
        assertThat((Iterable<?>) missing).isEmpty();

        Object refused = browser.script("""
                return fetch('/display/audio/manifest.json').then(r => r.json()).then(m => {
                  try { Luot.Reading.numberWords('A-17', m.voices.vi); return 'read'; }
                  catch (e) { return e.message; }
                });
                """);
        assertThat(refused).isEqualTo("no reading for \"-\" in ticket number A-17");
    }

    @Test
    @DisplayName("Every clip of the manifest is served by the core, decodes in Chromium and is not silent, all of them under 2 MB")
    void everyClipPlays() {
        JsonArray clips = new JsonArray((String) browser.script("""
                return fetch('/display/audio/manifest.json').then(r => r.json()).then(async m => {
                  const files = new Set([m.chime]);
                  Object.values(m.voices).forEach(v => Object.values(v.clips).forEach(f => files.add(f)));
                  const context = new OfflineAudioContext(1, 16000, 16000);
                  const results = [];
                  for (const file of files) {
                    const response = await fetch('/display/audio/' + file);
                    const bytes = await response.arrayBuffer();
                    let duration = 0, peak = 0, error = null;
                    try {
                      const audio = await context.decodeAudioData(bytes.slice(0));
                      duration = audio.duration;
                      audio.getChannelData(0).forEach(s => { peak = Math.max(peak, Math.abs(s)); });
                    } catch (e) { error = String(e); }
                    results.push({file, status: response.status, type: response.headers.get('content-type'),
                                  bytes: bytes.byteLength, duration, peak, error});
                  }
                  return JSON.stringify(results);
                });
                """));

        assertThat(clips.size()).isEqualTo(102);
        long total = 0;
        for (int i = 0; i < clips.size(); i++) {
            JsonObject clip = clips.getJsonObject(i);
            assertThat(clip.getInteger("status")).as(clip.encode()).isEqualTo(200);
            assertThat(clip.getString("type")).as(clip.encode()).startsWith("audio/ogg");
            assertThat(clip.getString("error")).as(clip.encode()).isNull();
            assertThat(clip.getDouble("duration")).as(clip.encode()).isBetween(0.1, 4.0);
            assertThat(clip.getDouble("peak")).as(clip.encode()).isGreaterThan(0.2);
            total += clip.getLong("bytes");
        }
        System.out.printf("[measure] voice clips: %d files, %d bytes in all%n", clips.size(), total);
        assertThat(total).isLessThan(2L * 1024 * 1024);
    }

    @Test
    @DisplayName("voice=vi,en adds the English sentence once after the two Vietnamese ones; voice=off says nothing")
    void bilingualAndSilent() {
        String manager = server.newStaff("manager");
        server.open(7, manager, "kinh-doanh");
        server.issue("hac-thanh", "kinh-doanh");
        server.issue("hac-thanh", "kinh-doanh");
        String base = "http://localhost:" + server.port() + "/display/?site=hac-thanh";
        browser.go(base + "&voice=vi,en");
        awaitOnline();

        act(server, manager, 7, "call-next", null);

        browser.await(d -> Pages.jsonArray(browser, "LuotDisplay.announcements").size() == 1);
        JsonObject announcement = Pages.jsonArray(browser, "LuotDisplay.announcements").getJsonObject(0);
        assertThat(Pages.strings(announcement.getJsonArray("sentences"))).containsExactly(
                "Xin mời công dân có số thứ tự dê không không một đến quầy số bảy",
                "Xin mời công dân có số thứ tự dê không không một đến quầy số bảy",
                "Number dee zero zero one please come to counter seven");
        assertThat(Pages.strings(announcement.getJsonArray("clips"))).endsWith("en/letter-d.ogg", "en/0-zero.ogg",
                "en/0-zero.ogg", "en/1-one.ogg", "en/please-come-to-counter.ogg", "en/7-seven.ogg");

        browser.go(base + "&voice=off");
        awaitOnline();
        act(server, manager, 7, "complete", null);
        act(server, manager, 7, "call-next", null);
        browser.await(d -> "D002".equals(Pages.text(browser, ".call--newest .number")));
        assertThat(Pages.jsonArray(browser, "LuotDisplay.announcements")).isEmpty();
    }

    @Test
    @DisplayName("A browser that refuses sound without a tap gets a button asking for one, and calls are not piled up meanwhile")
    void asksForATapWhenSoundIsBlocked() {
        String manager = server.newStaff("manager");
        server.open(4, manager, "chinh-sach");
        server.issue("hac-thanh", "chinh-sach");
        server.issue("hac-thanh", "chinh-sach");
        try (Browser strict = Browser.openRequiringTapForSound(1280, 720)) {
            strict.go("http://localhost:" + server.port() + "/display/?site=hac-thanh");
            strict.await(d -> Boolean.TRUE.equals(strict.script(
                    "return !!window.LuotDisplay && LuotDisplay.status === 'online'")));

            act(server, manager, 4, "call-next", null);

            strict.await(d -> Pages.shown(strict, "#enable-sound"));
            assertThat(Pages.text(strict, "#enable-sound")).isEqualTo("Bấm vào đây để bật âm thanh gọi số");
            JsonObject blocked = Pages.jsonArray(strict, "LuotDisplay.announcements").getJsonObject(0);
            assertThat(blocked.getString("state")).isEqualTo("blocked");
            strict.screenshot("hall-sound-blocked");

            strict.find("#enable-sound").click();
            assertThat(Pages.shown(strict, "#enable-sound")).isFalse();
            act(server, manager, 4, "complete", null);
            act(server, manager, 4, "call-next", null);
            strict.await(java.time.Duration.ofSeconds(60), d -> {
                JsonArray all = Pages.jsonArray(strict, "LuotDisplay.announcements");
                return all.size() == 2 && "done".equals(all.getJsonObject(1).getString("state"));
            });
        }
    }

    /** Calls Luot.Reading.{function}(args..., voice) on the shipped manifest and joins the words. */
    private static String read(String function, String voice, Object... args) {
        return (String) browser.script("""
                const [fn, voiceName, args] = arguments;
                return fetch('/display/audio/manifest.json').then(r => r.json())
                    .then(m => Luot.Reading[fn](...args, m.voices[voiceName]).join(' '));
                """, function, voice, java.util.List.of(args));
    }

    private static void awaitOnline() {
        browser.await(d -> Boolean.TRUE.equals(browser.script(
                "return !!window.LuotDisplay && LuotDisplay.status === 'online'")));
    }
}
