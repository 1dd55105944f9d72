package vn.luot.core.domain.catalogue;

import java.time.Duration;

/**
 * A procedure group citizens queue for, such as "Chứng thực". Its {@code prefix} starts every ticket
 * number of the service ({@code A017}); the mean service time seeds the wait estimate and the target
 * wait weighs services against each other when one counter serves several.
 */
public record ServiceDefinition(
        String id,
        String prefix,
        LocalizedText name,
        Duration meanServiceTime,
        Duration targetWait,
        double shareOfArrivals) {
}
