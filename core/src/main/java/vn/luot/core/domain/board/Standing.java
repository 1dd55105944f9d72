package vn.luot.core.domain.board;

/**
 * Where one ticket stands in its line.
 *
 * @param position             how many are ahead of it, or null when it is not waiting
 * @param estimatedWaitMinutes null when it is not waiting, when no counter is open for its service, or when
 *                             it will not be reached before closing
 * @param notBeforeClosing     counters serve it, but will not reach it before the site closes today
 */
public record Standing(Integer position, Integer estimatedWaitMinutes, int countersOpen, boolean notBeforeClosing) {
    public static final Standing NOT_WAITING = new Standing(null, null, 0, false);

    public Standing(Integer position, Integer estimatedWaitMinutes, int countersOpen) {
        this(position, estimatedWaitMinutes, countersOpen, false);
    }
}
