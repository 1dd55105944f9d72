package vn.luot.e2e.rate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.e2e.support.PageTest;

@DisplayName("The tracking page's one-time rating after service")
class TrackingRatingTest extends PageTest {

    @BeforeAll
    static void openBrowser() {
        openBrowser(360, 740);   // a phone
    }

    private String state() {
        return (String) browser.script("return window.LuotTrackRating ? LuotTrackRating.state : null");
    }

    @Test
    @DisplayName("Once the ticket is served the page offers the rating; a tap records it once and the page thanks; reopened, it is not offered again")
    void ratesOnceAfterService() {
        String operator = server.newStaff("operator");
        var issued = server.issue("hac-thanh", "ho-tich");
        String ticket = issued.getString("id");
        browser.go(baseUrl() + "/track/?ticket=" + ticket + "&s=" + issued.getString("holderSecret"));
        browser.await(d -> "online".equals(browser.script("return LuotTrack.status")));
        assertThat(state()).isEqualTo("hidden");

        server.open(3, operator, "ho-tich");
        assertThat(server.act(3, "call-next", operator).status()).isEqualTo(200);
        assertThat(server.act(3, "complete", operator).status()).isEqualTo(200);
        browser.await(d -> "offered".equals(state()));
        assertThat(browser.text("#rating-title")).isEqualTo("Ông/Bà có hài lòng với việc phục vụ không?");
        browser.screenshot("track-rating-offered");

        browser.find("#rating-levels button[data-level='neutral']").click();
        browser.await(d -> "reasons".equals(state()));
        browser.find("#rating-reasons button[data-reason='huong-dan-chua-ro']").click();
        browser.await(d -> "thanked".equals(state()));
        assertThat(browser.text("#rating-message")).isEqualTo("Cảm ơn Ông/Bà đã đánh giá!");
        browser.screenshot("track-rating-thanked");
        assertThat(server.count("SELECT count(*) FROM ratings WHERE ticket_id = '" + ticket + "' AND level = 2 "
                + "AND reason = 'huong-dan-chua-ro' AND source = 'phone'")).isEqualTo(1);

        browser.driver().navigate().refresh();
        browser.await(d -> "online".equals(browser.script("return LuotTrack.status")));
        browser.await(d -> "rated".equals(state()));
        assertThat(browser.find("#rating").isDisplayed()).isFalse();
    }
}
