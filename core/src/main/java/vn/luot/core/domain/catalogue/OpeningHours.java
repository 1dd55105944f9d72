package vn.luot.core.domain.catalogue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** When a site receives citizens, day by day, as a list of time ranges. */
public final class OpeningHours {

    /** A half-open range of the day, such as 07:00–11:30. */
    public record Period(LocalTime opens, LocalTime closes) {
        public boolean contains(LocalTime time) {
            return !time.isBefore(opens) && time.isBefore(closes);
        }

        @Override
        public String toString() {
            return opens + "-" + closes;
        }
    }

    private final Map<DayOfWeek, List<Period>> periods;

    public OpeningHours(Map<DayOfWeek, List<Period>> periods) {
        EnumMap<DayOfWeek, List<Period>> copy = new EnumMap<>(DayOfWeek.class);
        periods.forEach((day, list) -> copy.put(day, List.copyOf(list)));
        this.periods = copy;
    }

    public List<Period> on(DayOfWeek day) {
        return periods.getOrDefault(day, List.of());
    }

    public boolean isOpenAt(ZonedDateTime localTime) {
        return on(localTime.getDayOfWeek()).stream().anyMatch(p -> p.contains(localTime.toLocalTime()));
    }
}
