package vn.luot.core.domain.estimate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("When the other site is much faster (the shipped rule: at least 15 minutes less and at most half the wait)")
class FasterSiteRuleTest {
    private final FasterSiteRule rule = new FasterSiteRule(15, 0.5);

    @ParameterizedTest(name = "here {0} min, there {1} min -> {2}")
    @CsvSource(nullValues = "none", value = {
            "40, 20, true", "30, 15, true", "30, 16, false", "20, 4, true", "20, 6, false", "10, 0, false",
            "60, 45, false", "none, 5, true", "none, none, false", "30, none, false", "0, 0, false"})
    @DisplayName("Both the minutes saved and the share of the wait must be met; no counter here but one there is faster")
    void rule(Integer here, Integer there, boolean muchFaster) {
        assertThat(rule.muchFaster(here, there)).isEqualTo(muchFaster);
    }
}
