package vn.luot.e2e.support;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * axe-core's WCAG 2.2 A and AA rules over the page a browser shows now, through the same Selenium
 * driver. A page's violations are counted by impact; each check also appends its counts to
 * {@code target/accessibility.txt}, so a run leaves the figures per page for a person to read.
 */
public final class Accessibility {
    /** The rule sets checked: WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    public static final List<String> WCAG_22_AA =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    /** What axe found on one page: violations by impact, and a readable description of each. */
    public record Report(String page, Map<String, Integer> byImpact, List<String> described) {
        /** Serious and critical violations: the ones that fail a page. */
        public int blocking() {
            return byImpact.getOrDefault("serious", 0) + byImpact.getOrDefault("critical", 0);
        }

        @Override
        public String toString() {
            return page + ": " + byImpact + (described.isEmpty() ? "" : "\n  " + String.join("\n  ", described));
        }
    }

    private Accessibility() {
    }

    /** Runs axe over the whole page as it is now. */
    public static Report check(Browser browser, String page) {
        Results results = new AxeBuilder().withTags(WCAG_22_AA).analyze(browser.driver());
        if (results.getError() != null) {
            throw new AssertionError("axe-core could not check " + page + ": " + results.getErrorMessage());
        }
        Map<String, Integer> byImpact = new TreeMap<>(Map.of("critical", 0, "serious", 0, "moderate", 0, "minor", 0));
        List<String> described = results.getViolations().stream().map(rule -> {
            byImpact.merge(rule.getImpact() == null ? "minor" : rule.getImpact(), rule.getNodes().size(), Integer::sum);
            return describe(rule);
        }).collect(Collectors.toList());
        Report report = new Report(page, byImpact, described);
        record(report);
        return report;
    }

    private static String describe(Rule rule) {
        String where = rule.getNodes().stream().limit(3).map(Accessibility::describe).collect(Collectors.joining("; "));
        return rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + ") ×" + rule.getNodes().size() + ": " + where;
    }

    private static String describe(CheckedNode node) {
        String summary = node.getFailureSummary() == null ? "" : node.getFailureSummary().replace('\n', ' ');
        return node.getTarget() + " " + summary;
    }

    private static synchronized void record(Report report) {
        try {
            Path file = Path.of("target", "accessibility.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report.page() + "\t" + report.byImpact() + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
