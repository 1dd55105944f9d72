package vn.luot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;

@DisplayName("The error message bundles")
class MessagesTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Problem.class)
    @DisplayName("Every problem has its own words in Vietnamese and in English")
    void everyProblemHasWords(Problem problem) {
        String vi = Messages.problem(problem, Messages.VIETNAMESE, "x", "y");
        String en = Messages.problem(problem, Locale.ENGLISH, "x", "y");

        assertThat(vi).isNotEqualTo(problem.code()).isNotEqualTo(en);
        assertThat(en).isNotEqualTo(problem.code());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FieldRule.class)
    @DisplayName("Every field rule has its own words in both languages")
    void everyRuleHasWords(FieldRule rule) {
        String vi = Messages.problem(Problem.INVALID_FIELD, Messages.VIETNAMESE, "f", rule);
        String en = Messages.problem(Problem.INVALID_FIELD, Locale.ENGLISH, "f", rule);

        assertThat(vi).doesNotContain("rule.");
        assertThat(en).doesNotContain("rule.");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("Vietnamese is chosen only when the client prefers it")
    void picksTheLanguage() {
        assertThat(Messages.pick("vi-VN,vi;q=0.9")).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.pick("en-US")).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.pick(null)).isEqualTo(Locale.ENGLISH);
    }
}
