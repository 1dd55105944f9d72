package vn.luot.settings;

/** A settings file that cannot run: the message names the file, the path of the key and what is wrong. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
