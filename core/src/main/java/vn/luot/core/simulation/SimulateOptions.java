package vn.luot.core.simulation;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line of {@code scripts/simulate}. */
record SimulateOptions(int days, long seed, LocalDate date, Integer arrivals, Path config, boolean json, Path plot,
                       boolean plan, boolean drift, List<String> whatIf, boolean help, boolean daysGiven,
                       boolean benchmark) {

    static final String USAGE = """
            usage: scripts/simulate [options]
              --days N          simulate N days of that date's kind, each with its own seed (default 1; 200
                                for the accuracy table)
              --seed S          seed of the first day (default 1); the same seed gives the same days
              --date D          a date (2026-11-26), or 'weekday' or 'saturday' (default: a weekday)
              --arrivals N      visits a day, both sites (default: simulation.visitsPerDay, 240)
              --config FILE     the configuration (default: config/default.yaml)
              --json            machine-readable output
              --plot FILE.svg   draw the first day: per service, the waiting line and estimated against actual waits
              --plan            counters each service needs per site and hour (Erlang C, then checked in the
                                simulator over --days days, 100 by default), against the staff available
              --what-if SPEC    with --plan: waits with counters fewer or more, e.g. hac-thanh:8-10:-2 (the site's
                                last two counters unstaffed from 08:00 to 10:00), hac-thanh:8-10:+2 (two more,
                                serving all its services), hac-thanh:8-10:+1:kinh-doanh,dat-dai; may be repeated
              --benchmark       also measure one hall recomputation of the estimate (200 waiting, 11 counters)
              --drift           every service 50 % slower from 09:00 (does the estimate recover?)
            """;

    static SimulateOptions parse(String[] args) {
        int days = 1;
        long seed = 1;
        LocalDate date = SimulateCommand.defaultDate(DayOfWeek.THURSDAY);
        Integer arrivals = null;
        Path config = Path.of(System.getenv().getOrDefault("LUOT_CONFIG", "config/default.yaml"));
        boolean json = false;
        Path plot = null;
        boolean plan = false;
        boolean drift = false;
        boolean help = false;
        boolean daysGiven = false;
        boolean benchmark = false;
        List<String> whatIf = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--days" -> {
                    days = positive(arg, value(args, ++i, arg));
                    daysGiven = true;
                }
                case "--seed" -> seed = number(arg, value(args, ++i, arg));
                case "--date" -> date = date(value(args, ++i, arg));
                case "--arrivals" -> arrivals = positive(arg, value(args, ++i, arg));
                case "--config" -> config = Path.of(value(args, ++i, arg));
                case "--json" -> json = true;
                case "--plot" -> plot = Path.of(value(args, ++i, arg));
                case "--drift" -> drift = true;
                case "--benchmark" -> benchmark = true;
                case "--plan" -> plan = true;
                case "--what-if" -> whatIf.add(value(args, ++i, arg));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new SimulateOptions(days, seed, date, arrivals, config, json, plot, plan, drift, List.copyOf(whatIf), help,
                daysGiven, benchmark);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String text) {
        long n = number(option, text);
        if (n < 1 || n > 10_000_000) {
            throw new IllegalArgumentException(option + " must be a positive whole number, got " + text);
        }
        return (int) n;
    }

    private static long number(String option, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got " + text);
        }
    }

    private static LocalDate date(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "weekday" -> {
                return SimulateCommand.defaultDate(DayOfWeek.THURSDAY);
            }
            case "saturday" -> {
                return SimulateCommand.defaultDate(DayOfWeek.SATURDAY);
            }
            default -> {
                try {
                    return LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("--date must be a date such as 2026-11-26, 'weekday' or "
                            + "'saturday', got " + text);
                }
            }
        }
    }
}
