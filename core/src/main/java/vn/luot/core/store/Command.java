package vn.luot.core.store;

/**
 * A staff action as the store records it, so that a retry of the same action is recognised.
 *
 * @param idempotencyKey the client's key for this action, or null when it sent none
 * @param scope          what the action was on, such as {@code counter:5:call-next}
 * @param fingerprint    the request's content; a reused key with another content is refused
 */
public record Command(String idempotencyKey, String scope, String fingerprint) {
    public static Command unkeyed(String scope) {
        return new Command(null, scope, scope);
    }
}
