package vn.luot.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server spent its CPU during a bench run, from a Java Flight Recorder file: the methods most
 * often on top of the stack, and the Lượt methods most often anywhere on it.
 * Usage: {@code java -cp bench/target/luot-bench.jar vn.luot.bench.JfrSummary server.jfr}
 */
public final class JfrSummary {
    private JfrSummary() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Integer> top = new HashMap<>();
        Map<String, Integer> ours = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            top.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
            stack.getFrames().stream().map(JfrSummary::name).filter(n -> n.startsWith("vn.luot")).distinct()
                    .forEach(n -> ours.merge(n, 1, Integer::sum));
        }
        System.out.println(samples + " CPU samples");
        print("Hottest methods (top of stack)", top, samples, 25);
        print("Lượt methods on the stack (inclusive)", ours, samples, 25);
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int limit) {
        System.out.println();
        System.out.println(title);
        System.out.println(counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .map(e -> String.format(java.util.Locale.ROOT, "  %5.1f%%  %s", 100.0 * e.getValue() / samples, e.getKey()))
                .collect(Collectors.joining("\n")));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
