package vn.luot.core.domain.balancing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.balancing.SuggestionRules.MoveNewest;
import vn.luot.core.domain.balancing.SuggestionRules.ServeAlso;
import vn.luot.core.domain.balancing.SuggestionRules.SiteHall;
import vn.luot.core.domain.balancing.SuggestionRules.Suggestion;
import vn.luot.core.domain.calling.CallPolicy;
import vn.luot.core.domain.catalogue.LocalizedText;
import vn.luot.core.domain.catalogue.OpeningHours;
import vn.luot.core.domain.catalogue.SiteDefinition;
import vn.luot.core.domain.estimate.HallEstimator;
import vn.luot.core.domain.estimate.HallState;
import vn.luot.core.domain.ticket.Channel;
import vn.luot.core.domain.ticket.Ticket;
import vn.luot.core.domain.ticket.TicketStatus;

@DisplayName("Suggestions: what a manager could do now, each with the estimator's expected effect")
class SuggestionRulesTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);
    private static final Instant NOW = THURSDAY.atTime(8, 30).atZone(ZONE).toInstant();
    private static final Map<String, Duration> MEANS = Map.of("chung-thuc", Duration.ofMinutes(5),
            "ho-tich", Duration.ofMinutes(10), "dat-dai", Duration.ofMinutes(20));
    private static final Map<String, Duration> TARGETS = Map.of("chung-thuc", Duration.ofMinutes(15),
            "ho-tich", Duration.ofMinutes(20), "dat-dai", Duration.ofMinutes(30));
    private static final Function<String, Duration> MEAN = MEANS::get;
    private static final List<HallState.CallingPeriod> HOURS = List.of(new HallState.CallingPeriod(
            THURSDAY.atTime(LocalTime.of(7, 0)).atZone(ZONE).toInstant(),
            THURSDAY.atTime(LocalTime.of(17, 0)).atZone(ZONE).toInstant()));
    private static final SiteDefinition HAC_THANH = site("hac-thanh", "chung-thuc", "ho-tich", "dat-dai");
    private static final SiteDefinition TINH = site("tinh", "chung-thuc", "ho-tich", "dat-dai");

    private final SuggestionRules rules = new SuggestionRules(new HallEstimator(new CallPolicy(2), TARGETS::get),
            TARGETS::get, new TravelTimes(10), 20);
    private int numbers;

    private static SiteDefinition site(String id, String... services) {
        return new SiteDefinition(id, new LocalizedText(id, id), List.of(services), new OpeningHours(Map.of()), List.of());
    }

    private List<Ticket> waiting(String site, String service, int count) {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers++;
            Instant issued = NOW.minus(Duration.ofMinutes(60 - numbers));
            tickets.add(new Ticket(UUID.randomUUID(), String.format("X%03d", numbers), THURSDAY, site, service, null,
                    Channel.KIOSK, TicketStatus.WAITING, issued, issued, null, null, null, null, null, 0, 1, null, null));
        }
        return tickets;
    }

    private static HallState hall(List<HallState.OpenCounter> counters, List<Ticket> waiting) {
        return new HallState(NOW, HOURS, counters, waiting);
    }

    private static HallState.OpenCounter free(int id, String... services) {
        return HallState.OpenCounter.free(id, List.of(services), 0);
    }

    @Test
    @DisplayName("Nothing over its target: nothing to suggest")
    void calmHall() {
        List<Suggestion> found = rules.suggest(List.of(
                new SiteHall(HAC_THANH, hall(List.of(free(1, "chung-thuc")), waiting("hac-thanh", "chung-thuc", 2))),
                new SiteHall(TINH, hall(List.of(free(21, "chung-thuc")), List.of()))), MEAN);

        assertThat(found).isEmpty();
    }

    @Test
    @DisplayName("A long land line at the ward and a free land counter at the provincial point: move the newest tickets there, with both lines' waits before and after and the minutes saved")
    void movesTheNewestToTheOtherSite() {
        List<Ticket> land = waiting("hac-thanh", "dat-dai", 8);
        List<Suggestion> found = rules.suggest(List.of(
                new SiteHall(HAC_THANH, hall(List.of(free(5, "dat-dai")), land)),
                new SiteHall(TINH, hall(List.of(free(23, "dat-dai")), List.of()))), MEAN);

        Suggestion move = found.stream().filter(s -> s.action() instanceof MoveNewest).findFirst().orElseThrow();
        MoveNewest action = (MoveNewest) move.action();
        assertThat(move.id()).isEqualTo("move:hac-thanh:dat-dai:tinh");
        assertThat(action.toSiteId()).isEqualTo("tinh");
        assertThat(action.count()).as("about half the line, travel counted").isBetween(3, 5);
        List<UUID> newestFirst = new ArrayList<>(land.stream().map(Ticket::id).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(action.ticketIds()).as("the newest ones").containsExactlyElementsOf(
                newestFirst.subList(0, action.count()));
        assertThat(move.effects().get(0).siteId()).isEqualTo("hac-thanh");
        assertThat(move.effects().get(0).minutesBefore()).isEqualTo(160);
        assertThat(move.effects().get(0).minutesAfter()).isLessThan(move.effects().get(0).minutesBefore());
        assertThat(move.effects().get(1).minutesBefore()).isZero();
        assertThat(move.effects().get(1).minutesAfter()).isPositive();
        assertThat(move.minutesSaved()).isPositive();
    }

    @Test
    @DisplayName("An open counter whose own lines are within target also serves the overloaded line; a busy one is not proposed")
    void serveAlso() {
        List<Ticket> waiting = new ArrayList<>(waiting("hac-thanh", "chung-thuc", 10));
        waiting.addAll(waiting("hac-thanh", "ho-tich", 6));
        List<Suggestion> found = rules.suggest(List.of(
                new SiteHall(HAC_THANH, hall(List.of(free(1, "chung-thuc"), free(3, "dat-dai"), free(4, "ho-tich")),
                        waiting)),
                new SiteHall(TINH, hall(List.of(), List.of()))), MEAN);

        List<Suggestion> serve = found.stream().filter(s -> s.action() instanceof ServeAlso).toList();
        assertThat(serve).extracting(Suggestion::id).contains("serve:3:chung-thuc").doesNotContain("serve:4:chung-thuc");
        Suggestion best = serve.stream().filter(s -> s.id().equals("serve:3:chung-thuc")).findFirst().orElseThrow();
        assertThat(((ServeAlso) best.action()).servicesAfter()).containsExactly("dat-dai", "chung-thuc");
        assertThat(best.effects().get(0).minutesBefore()).isEqualTo(50);
        assertThat(best.effects().get(0).minutesAfter()).isLessThan(30);
        assertThat(found).as("ordered by minutes saved").isSortedAccordingTo(
                (a, b) -> Long.compare(b.minutesSaved(), a.minutesSaved()));
        assertThat(found).as("no counter at tinh serves anything: nothing moves there").noneMatch(
                s -> s.action() instanceof MoveNewest);
    }

    @Test
    @DisplayName("The expected effect is the estimator on the hall after the action: fewer minutes summed over everyone waiting")
    void expectedEffectIsTheEstimatorAfterTheAction() {
        List<Ticket> waiting = waiting("hac-thanh", "chung-thuc", 6);
        HallState before = hall(List.of(free(1, "chung-thuc"), free(2, "ho-tich")), waiting);
        HallState after = hall(List.of(free(1, "chung-thuc"), free(2, "ho-tich", "chung-thuc")), waiting);

        assertThat(rules.cost(before, MEAN)).as("0+5+10+15+20+25").isEqualTo(75);
        assertThat(rules.cost(after, MEAN)).as("two counters: 0+0+5+5+10+10").isEqualTo(30);
        List<Suggestion> found = rules.suggest(List.of(new SiteHall(HAC_THANH, before),
                new SiteHall(TINH, hall(List.of(), List.of()))), MEAN);
        assertThat(found).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo("serve:2:chung-thuc");
            assertThat(s.minutesSaved()).isEqualTo(45);
        });
    }
}
