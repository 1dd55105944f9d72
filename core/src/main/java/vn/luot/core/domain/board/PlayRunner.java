package vn.luot.core.domain.board;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a {@link SiteBoard} plays a long hall forward: away from the thread that owns the board, so that
 * thread keeps answering (from the kept forecast) while the play runs. The play works on copies the board
 * made for it, so it touches nothing the owner's thread changes; its result comes back on the owner's
 * thread, which alone installs it.
 */
public interface PlayRunner {
    /**
     * Runs {@code play} and then hands its result to {@code done}, or its failure to {@code failed}, on the
     * board owner's thread. A runner that plays elsewhere does so in a task of its own, after {@code run} has
     * returned: the owner asked in the middle of its own work, which must finish before a result lands.
     */
    <T> void run(Supplier<T> play, Consumer<T> done, Consumer<Throwable> failed);

    /** Plays at once on the caller's thread: every answer is a fresh play's (tests, the simulator). */
    PlayRunner INLINE = new PlayRunner() {
        @Override
        public <T> void run(Supplier<T> play, Consumer<T> done, Consumer<Throwable> failed) {
            done.accept(play.get());
        }
    };
}
