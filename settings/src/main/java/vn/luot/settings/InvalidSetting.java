package vn.luot.settings;

/**
 * Thrown by a settings record's compact constructor (through {@link Check}) when one of its values cannot
 * run. It names the key relative to that record; {@link YamlSettings} puts the record's path in front,
 * so the message reads {@code queue.serviceTimeSmoothing: must be between 0.001 and 1.0, got 2.0}.
 */
public final class InvalidSetting extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    public InvalidSetting(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** The key, relative to the record that refused it ({@code port}, {@code counters[0].id}). */
    public String key() {
        return key;
    }

    public String problem() {
        return problem;
    }
}
