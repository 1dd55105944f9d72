package vn.luot.core.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.Role;
import vn.luot.core.domain.Wording;
import vn.luot.core.domain.booking.BookingStatus;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.counter.CounterState;
import vn.luot.core.domain.ticket.TicketStatus;
import org.junit.jupiter.params.provider.MethodSource;

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

    static Stream<Wording> wordings() {
        List<Wording> all = new ArrayList<>();
        all.addAll(List.of(CounterState.values()));
        all.addAll(List.of(TicketStatus.values()));
        all.addAll(List.of(BookingStatus.values()));
        all.addAll(List.of(Role.values()));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wordings")
    @DisplayName("Every state and role is said in words in both languages, never by its code")
    void everyStateHasWords(Wording wording) {
        for (Locale locale : List.of(Messages.VIETNAMESE, Locale.ENGLISH)) {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.errors", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(bundle.containsKey(wording.messageKey())).as(wording.messageKey() + " in " + locale).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    @DisplayName("A staff member reads states and names in their language: \"Quầy số 3 đang đóng\", not \"closed\" or an id")
    void statesAndNamesInWords() {
        String vi = Messages.problem(Problem.COUNTER_STATE, Messages.VIETNAMESE, 3, CounterState.CLOSED);
        String en = Messages.problem(Problem.COUNTER_STATE, Locale.ENGLISH, 3, CounterState.CLOSED);
        String named = Messages.problem(Problem.SERVICE_NOT_OFFERED, Messages.VIETNAMESE,
                new LocalizedText("Xây dựng", "Construction permits"), new LocalizedText("Điểm tỉnh", "Provincial point"));

        assertThat(vi).isEqualTo("Quầy số 3 đang đóng, không thực hiện được thao tác này.");
        assertThat(en).isEqualTo("Counter 3 is closed, which does not allow this.");
        assertThat(named).isEqualTo("Điểm tỉnh không tiếp nhận dịch vụ Xây dựng.");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("Vietnamese is chosen only when the client prefers it to English")
    void picksTheLanguage() {
        assertThat(Messages.pick(List.of("vi-VN", "vi"))).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.pick(List.of("en-US"))).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.pick(List.of("fr-FR", "vi", "en"))).isEqualTo(Messages.VIETNAMESE);
        assertThat(Messages.pick(List.of("fr-FR", "en", "vi"))).isEqualTo(Locale.ENGLISH);
        assertThat(Messages.pick(List.of())).isEqualTo(Locale.ENGLISH);
    }

    @org.junit.jupiter.api.Test
    @DisplayName("A raw Accept-Language header is read by its weights, a refused language and a malformed header left out")
    void readsARawHeader() {
        assertThat(Messages.languages("en;q=0.5, vi;q=0.9")).containsExactly("vi", "en");
        assertThat(Messages.languages("vi;q=0, en")).containsExactly("en");
        assertThat(Messages.languages("%%% not a header")).isEmpty();
        assertThat(Messages.languages(null)).isEmpty();
    }
}
