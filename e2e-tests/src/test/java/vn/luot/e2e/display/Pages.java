package vn.luot.e2e.display;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import vn.luot.core.support.ApiClient;
import vn.luot.core.support.TestServer;
import vn.luot.e2e.support.Browser;

/** What the display tests share: reading the page, and working counters through the real API. */
final class Pages {
    private Pages() {
    }

    /** The text content of the first element matching css (not the rendered text: no CSS upper-casing), or null. */
    static String text(Browser browser, String css) {
        return (String) browser.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null;", css);
    }

    /** The text content of every element matching css, in page order. */
    static List<String> texts(Browser browser, String css) {
        List<String> result = new ArrayList<>();
        Object value = browser.script("return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent);", css);
        if (value instanceof List<?> list) {
            list.forEach(item -> result.add(String.valueOf(item)));
        }
        return result;
    }

    static boolean shown(Browser browser, String css) {
        return Boolean.TRUE.equals(browser.script(
                "const e = document.querySelector(arguments[0]); return !!e && !e.hidden && e.getClientRects().length > 0;", css));
    }

    /** A page value as JSON, read through JSON.stringify so it arrives as the page has it. */
    static JsonArray jsonArray(Browser browser, String expression) {
        return new JsonArray((String) browser.script("return JSON.stringify(" + expression + ");"));
    }

    /** The strings of a JSON array, typed. */
    static List<String> strings(JsonArray array) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            result.add(array.getString(i));
        }
        return result;
    }

    /**
     * Whether the element is drawn whole: inside the window and inside its section, and its text not
     * running out of its box (unless the box clips on purpose, like the notices' ticker).
     * Returns a description of the problem, or "" when it is fully visible.
     */
    static String wholeOnScreen(Browser browser, String css) {
        return (String) browser.script("""
                const e = document.querySelector(arguments[0]);
                if (!e) return 'missing';
                // Measure the resting layout: a pulse that scales a call by 4% for a few seconds is
                // decoration, and measuring mid-pulse would make the answer depend on timing.
                const running = document.getAnimations().map(a => [a, a.currentTime, a.playState]);
                running.forEach(([a]) => { a.pause(); a.currentTime = 0; });
                const r = e.getBoundingClientRect();
                const sectionBox = e.closest('section, header, footer')?.getBoundingClientRect();
                running.forEach(([a, time, state]) => { a.currentTime = time; if (state === 'running') a.play(); });
                if (r.width === 0 || r.height === 0) return 'not drawn';
                const inside = (box) => r.left >= box.left - 1 && r.top >= box.top - 1
                    && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
                if (!inside({left: 0, top: 0, right: innerWidth, bottom: innerHeight})) {
                  return 'outside the window: ' + JSON.stringify(r);
                }
                const section = e.closest('section, header, footer');
                if (section && section !== e && !inside(sectionBox)) {
                  return 'cut off by its section: ' + JSON.stringify(r);
                }
                const clipsByDesign = getComputedStyle(e).overflowX !== 'visible';   // a scrolling ticker
                if (!clipsByDesign && e.scrollWidth > e.clientWidth + 1) return 'text wider than its box';
                return '';
                """, css);
    }

    /** A counter action as a manager (who may work any counter); fails the test unless it answers 200. */
    static JsonObject act(TestServer server, String token, int counter, String action, JsonObject body) {
        ApiClient.Response r = server.api().post("/api/v1/counters/" + counter + "/" + action, body,
                TestServer.bearer(token));
        assertThat(r.status()).as(action + " at counter " + counter + ": " + r.body()).isEqualTo(200);
        return r.json();
    }
}
