package vn.luot.core.domain.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Erlang C (M/M/c) against textbook values")
class ErlangCTest {

    @Test
    @DisplayName("With one counter the probability of waiting is the utilisation, as for M/M/1")
    void oneCounterIsMM1() {
        assertThat(ErlangC.probabilityOfWaiting(1, 0.5)).isCloseTo(0.5, within(1e-12));
        assertThat(ErlangC.probabilityOfWaiting(1, 0.8)).isCloseTo(0.8, within(1e-12));
        // M/M/1: Wq = rho / (mu - lambda); 5-minute service at 6 an hour waits 5 minutes.
        assertThat(ErlangC.meanWait(1, 0.5, 5)).isCloseTo(5, within(1e-9));
    }

    @Test
    @DisplayName("Two counters at half load wait with probability 1/3, three counters with 2 erlangs with probability 4/9")
    void smallExactCases() {
        assertThat(ErlangC.probabilityOfWaiting(2, 1)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(ErlangC.probabilityOfWaiting(3, 2)).isCloseTo(4.0 / 9, within(1e-12));
        // M/M/2 at rho = 0.5: Wq = C / (c mu - lambda) = (1/3) / (2 - 1) service times.
        assertThat(ErlangC.meanWait(2, 1, 1)).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    @DisplayName("The call-centre textbook case: 10 erlangs on 11 agents wait with probability 0.682, 12 agents 0.449")
    void callCentreTable() {
        assertThat(ErlangC.probabilityOfWaiting(11, 10)).isCloseTo(0.6821, within(5e-4));
        assertThat(ErlangC.probabilityOfWaiting(12, 10)).isCloseTo(0.4494, within(5e-4));
    }

    @Test
    @DisplayName("The fewest counters for 80 % within the target, and no counter for no load")
    void countersForTarget() {
        // 2 erlangs of 5-minute services, target 15 minutes: 3 counters give 1 - 4/9 e^(-3) = 0.978.
        assertThat(ErlangC.shareWithin(3, 2, 5, 15)).isCloseTo(1 - 4.0 / 9 * Math.exp(-3), within(1e-12));
        assertThat(ErlangC.countersFor(2, 5, 15, 0.8)).isEqualTo(3);
        assertThat(ErlangC.countersFor(0, 5, 15, 0.8)).isZero();
        assertThat(ErlangC.shareWithin(2, 2, 5, 15)).isZero();
    }
}
