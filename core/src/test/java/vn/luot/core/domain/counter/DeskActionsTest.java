package vn.luot.core.domain.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import vn.luot.core.domain.counter.DeskActions.Action;
import vn.luot.core.domain.counter.DeskActions.Mode;

@DisplayName("DeskActions: what the counter's rules allow, asked of the rules themselves")
class DeskActionsTest {

    @Test
    @DisplayName("A closed counter can only be opened; an idle one can call, pause, close or change services")
    void closedAndIdle() {
        Map<Mode, DeskActions.Row> table = DeskActions.table();

        assertThat(table.get(Mode.CLOSED).allowed()).containsExactly(Action.OPEN);
        assertThat(table.get(Mode.IDLE).allowed())
                .containsExactly(Action.OPEN, Action.PAUSE, Action.CLOSE, Action.CALL_NEXT, Action.CALL);
        assertThat(table.get(Mode.PAUSED).allowed()).containsExactly(Action.OPEN, Action.RESUME, Action.CLOSE);
    }

    @Test
    @DisplayName("A called ticket can be recalled, started, completed, marked no-show, returned or sent on; one being served not started again nor marked no-show")
    void calledAndServing() {
        Map<Mode, DeskActions.Row> table = DeskActions.table();

        assertThat(table.get(Mode.CALLED).allowed()).containsExactly(Action.OPEN, Action.RECALL, Action.START,
                Action.COMPLETE, Action.NO_SHOW, Action.RETURN, Action.TRANSFER);
        assertThat(table.get(Mode.SERVING).allowed())
                .containsExactly(Action.OPEN, Action.COMPLETE, Action.RETURN, Action.TRANSFER);
        assertThat(table.get(Mode.IDLE).leadsTo()).containsEntry(Action.CALL_NEXT, Mode.CALLED).containsEntry(Action.PAUSE, Mode.PAUSED);
        assertThat(table.get(Mode.CALLED).leadsTo()).containsEntry(Action.START, Mode.SERVING)
                .containsEntry(Action.COMPLETE, Mode.IDLE).containsEntry(Action.OPEN, Mode.CALLED);
    }

    @Test
    @DisplayName("A counter's allowed actions are its mode's row, and route names are the API's")
    void aCounterNow() {
        Counter closed = Counter.closed(3, "hac-thanh", List.of("ho-tich"));

        assertThat(DeskActions.allowed(closed, null)).containsExactly(Action.OPEN);
        assertThat(Action.CALL_NEXT.wireName()).isEqualTo("call-next");
        assertThat(Action.NO_SHOW.wireName()).isEqualTo("no-show");
    }
}
