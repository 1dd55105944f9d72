package vn.luot.core.domain.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.luot.core.domain.balancing.SiteRecommendation.SiteLine;
import vn.luot.core.domain.balancing.SiteRecommendation.Verdict;

@DisplayName("Where to take a number: the recommendation rule with travel time (the shipped rule: 15 minutes saved, half the wait, 5 minutes about the same, 10 minutes apart)")
class SiteRecommendationTest {
    private final SiteRecommendation rule = new SiteRecommendation(15, 0.5, 5);
    private final TravelTimes travel = new TravelTimes(10);

    private static SiteLine line(String site, Integer minutes) {
        return new SiteLine(site, minutes == null ? 0 : minutes / 5, minutes == null ? 0 : 1, minutes);
    }

    private SiteRecommendation.Answer from(String from, Integer here, Integer there) {
        return rule.recommend(from, List.of(line("hac-thanh", here), line("tinh", there)), travel);
    }

    @ParameterizedTest(name = "here {0} min, there {1} min + 10 travel -> {2} ({3}, saved {4})")
    @CsvSource(nullValues = "none", value = {
            "45, 10, GO_ELSEWHERE, tinh, 25",
            "40, 0, GO_ELSEWHERE, tinh, 30",
            "30, 5, GO_ELSEWHERE, tinh, 15",
            "30, 6, STAY, hac-thanh, none",
            "20, 0, STAY, hac-thanh, none",
            "18, 10, ABOUT_THE_SAME, hac-thanh, none",
            "12, 0, ABOUT_THE_SAME, hac-thanh, none",
            "5, 0, ABOUT_THE_SAME, hac-thanh, none",
            "0, 0, STAY, hac-thanh, 10",
            "none, 5, GO_ELSEWHERE, tinh, none",
            "30, none, STAY, hac-thanh, none",
            "none, none, NONE_OPEN, hac-thanh, none"})
    @DisplayName("From a known site, the detour must save 15 minutes and be at most half the wait, travel included; close totals are about the same")
    void fromAKnownSite(Integer here, Integer there, Verdict verdict, String site, Integer saved) {
        SiteRecommendation.Answer answer = from("hac-thanh", here, there);

        assertThat(answer.verdict()).isEqualTo(verdict);
        assertThat(answer.recommendedSiteId()).isEqualTo(site);
        assertThat(answer.minutesSaved()).isEqualTo(saved);
    }

    @Test
    @DisplayName("Each site's answer counts its travel time from where the citizen is, and none from the site itself")
    void travelCounts() {
        SiteRecommendation.Answer answer = from("hac-thanh", 45, 10);

        assertThat(answer.options()).extracting(SiteRecommendation.Option::travelMinutes).containsExactly(0, 10);
        assertThat(answer.options()).extracting(SiteRecommendation.Option::totalMinutes).containsExactly(45, 20);
        assertThat(answer.recommended()).get().extracting(SiteRecommendation.Option::siteId).isEqualTo("tinh");
    }

    @Test
    @DisplayName("A configured pair's travel time is used both ways; other pairs take the default")
    void configuredPair() {
        TravelTimes times = new TravelTimes(10).with("hac-thanh", "tinh", 25);

        assertThat(times.minutes("tinh", "hac-thanh")).isEqualTo(25);
        assertThat(times.minutes("hac-thanh", "other")).isEqualTo(10);
        assertThat(times.minutes("tinh", "tinh")).isZero();
        assertThat(times.minutes(null, "tinh")).isZero();
        SiteRecommendation.Answer answer = rule.recommend("hac-thanh",
                List.of(line("hac-thanh", 45), line("tinh", 10)), times);
        assertThat(answer.verdict()).as("10 + 25 is not half of 45").isEqualTo(Verdict.STAY);
    }

    @Test
    @DisplayName("Without a known site the shortest wait is recommended, unless the others are within 5 minutes")
    void withoutAKnownSite() {
        SiteRecommendation.Answer clear = from(null, 40, 10);
        assertThat(clear.verdict()).isEqualTo(Verdict.FASTEST);
        assertThat(clear.recommendedSiteId()).isEqualTo("tinh");
        assertThat(clear.minutesSaved()).isEqualTo(30);

        SiteRecommendation.Answer close = from(null, 12, 10);
        assertThat(close.verdict()).isEqualTo(Verdict.ABOUT_THE_SAME);
        assertThat(close.recommendedSiteId()).isEqualTo("tinh");

        SiteRecommendation.Answer onlyOne = from(null, null, 10);
        assertThat(onlyOne.verdict()).isEqualTo(Verdict.FASTEST);
        assertThat(onlyOne.recommendedSiteId()).isEqualTo("tinh");

        SiteRecommendation.Answer none = from(null, null, null);
        assertThat(none.verdict()).isEqualTo(Verdict.NONE_OPEN);
        assertThat(none.recommendedSiteId()).isNull();
    }

    @ParameterizedTest(name = "here {0} min, there {1} min in all -> {2}")
    @CsvSource(nullValues = "none", value = {
            "40, 20, true", "30, 15, true", "30, 16, false", "20, 4, true", "20, 6, false", "10, 0, false",
            "60, 45, false", "none, 5, true", "none, none, false", "30, none, false", "0, 0, false"})
    @DisplayName("The detour test on its own: both the minutes saved and the share of the wait must be met; no counter here but one there is worth it")
    void detourTest(Integer here, Integer thereTotal, boolean worthIt) {
        assertThat(rule.detourWorthIt(here, thereTotal)).isEqualTo(worthIt);
    }
}
