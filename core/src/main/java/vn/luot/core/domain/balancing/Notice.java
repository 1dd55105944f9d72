package vn.luot.core.domain.balancing;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import vn.luot.core.domain.FieldRule;
import vn.luot.core.domain.Problem;
import vn.luot.core.domain.QueueException;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.catalogue.LocalizedText;

/**
 * A notice a manager pushes to the hall displays and kiosks of one site or both ("Quầy 5 tạm nghỉ đến
 * 14:00"), Vietnamese first, shown at once and gone at its end time.
 */
public record Notice(UUID id, LocalizedText text, List<String> siteIds, Instant createdAt, Instant endsAt,
                     String createdBy) {
    /** A notice is for today's hall: no longer than a week, so a typo in the year does not stay up. */
    public static final Duration LONGEST = Duration.ofDays(7);
    public static final int MAX_TEXT = 300;

    public Notice {
        Objects.requireNonNull(id, "id");
        siteIds = List.copyOf(siteIds);
    }

    /**
     * A new notice, checked: both texts given and short, every site known, an end time in the future and
     * within {@link #LONGEST}.
     */
    public static Notice create(UUID id, String vi, String en, List<String> siteIds, Instant endsAt, Instant now,
                                String createdBy, Catalogue catalogue) {
        requireText("text.vi", vi);
        requireText("text.en", en);
        if (siteIds == null || siteIds.isEmpty()) {
            throw new QueueException(Problem.INVALID_FIELD, "siteIds", FieldRule.NOT_EMPTY_LIST);
        }
        siteIds.forEach(catalogue::site);
        if (endsAt == null) {
            throw new QueueException(Problem.INVALID_FIELD, "endsAt", FieldRule.DATE_TIME);
        }
        if (!endsAt.isAfter(now) || endsAt.isAfter(now.plus(LONGEST))) {
            throw new QueueException(Problem.NOTICE_END_TIME, LONGEST.toDays());
        }
        return new Notice(id, new LocalizedText(vi.trim(), en.trim()), List.copyOf(new LinkedHashSet<>(siteIds)),
                now, endsAt, createdBy);
    }

    public boolean shownAt(String siteId, Instant now) {
        return siteIds.contains(siteId) && now.isBefore(endsAt);
    }

    private static void requireText(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.REQUIRED);
        }
        if (text.length() > MAX_TEXT) {
            throw new QueueException(Problem.INVALID_FIELD, field, FieldRule.SHORT_TEXT);
        }
    }
}
