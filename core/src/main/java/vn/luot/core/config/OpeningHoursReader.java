package vn.luot.core.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import vn.luot.core.domain.catalogue.OpeningHours;

/**
 * Reads opening hours written as {@code mon-fri: ["07:00-11:30", "13:30-17:00"]}: the keys are a day
 * ({@code sat}) or a range of days ({@code mon-fri}); the values are time ranges.
 */
final class OpeningHoursReader {
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private final ConfigLoader loader;
    private final String path;

    OpeningHoursReader(ConfigLoader loader, String path) {
        this.loader = loader;
        this.path = path;
    }

    OpeningHours read(Map<String, List<String>> written) {
        Map<DayOfWeek, List<OpeningHours.Period>> periods = new EnumMap<>(DayOfWeek.class);
        written.forEach((key, texts) -> {
            List<OpeningHours.Period> ranges = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                ranges.add(period(key + "[" + i + "]", texts.get(i).trim()));
            }
            for (DayOfWeek day : days(key)) {
                if (periods.put(day, ranges) != null) {
                    throw loader.problem(path + "." + key, day + " appears under two keys");
                }
            }
        });
        return new OpeningHours(periods);
    }

    private List<DayOfWeek> days(String key) {
        String[] ends = key.split("-");
        int from = DAYS.indexOf(ends[0]);
        int to = ends.length == 2 ? DAYS.indexOf(ends[1]) : from;
        if (ends.length > 2 || from < 0 || to < 0 || to < from) {
            throw loader.problem(path + "." + key, "must be a day (mon, tue, ... sun) or a range of days such as mon-fri");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int d = from; d <= to; d++) {
            days.add(DayOfWeek.of(d + 1));
        }
        return days;
    }

    private OpeningHours.Period period(String key, String text) {
        String[] ends = text.split("-");
        try {
            if (ends.length == 2) {
                LocalTime opens = LocalTime.parse(ends[0].trim());
                LocalTime closes = LocalTime.parse(ends[1].trim());
                if (opens.isBefore(closes)) {
                    return new OpeningHours.Period(opens, closes);
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw loader.problem(path + "." + key, "must be a time range such as \"07:00-11:30\", got '" + text + "'");
    }
}
