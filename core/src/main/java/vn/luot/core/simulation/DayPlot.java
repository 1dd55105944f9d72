package vn.luot.core.simulation;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import vn.luot.core.domain.catalogue.Catalogue;
import vn.luot.core.domain.simulation.SimulatedDay;
import vn.luot.core.domain.simulation.SimulatedTicket;

/**
 * Draws one simulated day as SVG: for each site's service, the waiting line over the hours (left), and
 * for every ticket at the time it was issued, the wait it was told (line) against the wait it had (dots).
 *
 * <p>Written by hand: the Java plotting libraries on Maven Central (JFreeChart, XChart) draw through AWT
 * and pull in a font and graphics stack for what is a few dozen polylines; plain SVG is small, needs no
 * display, and any browser opens it. Its words come from the bundles {@code i18n/simulation_vi} and
 * {@code i18n/simulation_en}, Vietnamese first.
 */
final class DayPlot {
    private static final int PANEL_W = 420;
    private static final int PANEL_H = 150;
    private static final int MARGIN = 36;
    private static final LocalTime FROM = LocalTime.of(6, 30);
    private static final LocalTime TO = LocalTime.of(17, 30);
    private static final String BUNDLE = "i18n.simulation";

    private final Catalogue catalogue;
    private final ZoneId zone;
    private final ResourceBundle vietnamese;
    private final ResourceBundle english;

    DayPlot(Catalogue catalogue) {
        this.catalogue = catalogue;
        this.zone = catalogue.timeZone();
        ResourceBundle.Control exact = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        this.vietnamese = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("vi"), exact);
        this.english = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH, exact);
    }

    /** Vietnamese, then English: "đang chờ / waiting". */
    private String both(String key) {
        return vietnamese.getString(key) + " / " + english.getString(key);
    }

    String svg(SimulatedDay day) {
        // Site by site, services in the catalogue's order.
        Map<String, List<SimulatedTicket>> groups = new LinkedHashMap<>();
        for (var site : catalogue.sites()) {
            for (var service : catalogue.services()) {
                for (SimulatedTicket t : day.tickets()) {
                    if (t.siteId().equals(site.id()) && t.serviceId().equals(service.id())) {
                        groups.computeIfAbsent(site.id() + " · " + service.id(), k -> new ArrayList<>()).add(t);
                    }
                }
            }
        }
        int rows = groups.size();
        int width = 2 * (PANEL_W + MARGIN) + MARGIN;
        int height = rows * (PANEL_H + MARGIN) + 3 * MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        Object[] titleArguments = {day.date().toString(), Long.toString(day.seed())};
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"12\">%s</text>%n"
                        + "<text x=\"%d\" y=\"38\" fill=\"#555\">%s</text>%n", MARGIN,
                escape(MessageFormat.format(vietnamese.getString("plot.title"), titleArguments)), MARGIN,
                escape(MessageFormat.format(english.getString("plot.title"), titleArguments))));
        int row = 0;
        for (var group : groups.entrySet()) {
            int y = 3 * MARGIN + row * (PANEL_H + MARGIN);
            line(svg, group.getKey(), group.getValue(), MARGIN, y);
            waits(svg, group.getValue(), 2 * MARGIN + PANEL_W, y);
            row++;
        }
        return svg.append("</svg>\n").toString();
    }

    private void line(StringBuilder svg, String title, List<SimulatedTicket> tickets, int x, int y) {
        TreeMap<Long, Integer> steps = new TreeMap<>();
        for (SimulatedTicket t : tickets) {
            steps.merge(t.issuedAt().toEpochMilli(), 1, Integer::sum);
            if (t.called()) {
                steps.merge(t.calledAt().toEpochMilli(), -1, Integer::sum);
            }
        }
        int max = 1;
        int level = 0;
        for (int change : steps.values()) {
            level += change;
            max = Math.max(max, level);
        }
        frame(svg, x, y, title + " — " + both("plot.waiting"), max);
        StringBuilder points = new StringBuilder();
        level = 0;
        for (var step : steps.entrySet()) {
            double px = px(step.getKey(), tickets.get(0).issuedAt(), x);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py(level, max, y)));
            level += step.getValue();
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py(level, max, y)));
        }
        svg.append("<polyline fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" points=\"").append(points)
                .append("\"/>\n");
    }

    private void waits(StringBuilder svg, List<SimulatedTicket> tickets, int x, int y) {
        int max = 5;
        for (SimulatedTicket t : tickets) {
            if (t.called()) {
                max = Math.max(max, (int) t.actualWait().toMinutes() + 1);
            }
            if (t.estimate() != null && t.estimate().minutes() != null) {
                max = Math.max(max, t.estimate().minutes());
            }
        }
        frame(svg, x, y, both("plot.minutes"), max);
        StringBuilder estimated = new StringBuilder();
        Instant reference = tickets.get(0).issuedAt();
        for (SimulatedTicket t : tickets) {
            double px = px(t.issuedAt().toEpochMilli(), reference, x);
            if (t.estimate() != null && t.estimate().minutes() != null) {
                estimated.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py(t.estimate().minutes(), max, y)));
            }
            if (t.called()) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.2\" fill=\"#d95f02\"/>%n",
                        px, py(t.actualWait().toMillis() / 60_000.0, max, y)));
            } else {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#b00\">×</text>%n", px, y + 10));
            }
        }
        svg.append("<polyline fill=\"none\" stroke=\"#1b6ac9\" stroke-width=\"1.2\" points=\"").append(estimated)
                .append("\"/>\n");
    }

    private void frame(StringBuilder svg, int x, int y, String title, int max) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x, y - 6, escape(title)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#ccc\"/>%n", x, y, PANEL_W, PANEL_H));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>%n", x - 3,
                y + 10, max));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>%n", x - 3,
                y + PANEL_H));
        for (int hour = 7; hour <= 17; hour++) {
            double px = x + PANEL_W * (hour * 60.0 - minutes(FROM)) / (minutes(TO) - minutes(FROM));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#777\">%d</text>%n", px, px, y,
                    y + PANEL_H, px, y + PANEL_H + 12, hour));
        }
    }

    private double px(long epochMillis, Instant reference, int x) {
        LocalTime time = Instant.ofEpochMilli(epochMillis).atZone(zone).toLocalTime();
        double minute = time.toSecondOfDay() / 60.0;
        double clamped = Math.max(minutes(FROM), Math.min(minutes(TO), minute));
        return x + PANEL_W * (clamped - minutes(FROM)) / (minutes(TO) - minutes(FROM));
    }

    private static double py(double value, int max, int y) {
        return y + PANEL_H - PANEL_H * Math.min(value, max) / max;
    }

    private static double minutes(LocalTime time) {
        return time.toSecondOfDay() / 60.0;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;");
    }
}
