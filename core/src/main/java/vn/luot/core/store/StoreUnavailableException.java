package vn.luot.core.store;

/** The database cannot be reached right now; the request changed nothing and may be retried. */
public final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(Throwable cause) {
        super("the database is unavailable: " + cause.getMessage(), cause);
    }
}
