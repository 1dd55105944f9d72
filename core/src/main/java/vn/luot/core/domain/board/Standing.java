package vn.luot.core.domain.board;

/**
 * Where one ticket stands in its line.
 *
 * @param position             how many are ahead of it, or null when it is not waiting
 * @param estimatedWaitMinutes null when it is not waiting, or when no counter is open for its service
 */
public record Standing(Integer position, Integer estimatedWaitMinutes, int countersOpen) {
    public static final Standing NOT_WAITING = new Standing(null, null, 0);
}
