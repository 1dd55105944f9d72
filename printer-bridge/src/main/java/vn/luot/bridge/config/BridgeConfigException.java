package vn.luot.bridge.config;

/** A configuration the bridge cannot run with; the message names the file and the key. */
public final class BridgeConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BridgeConfigException(String message) {
        super(message);
    }
}
