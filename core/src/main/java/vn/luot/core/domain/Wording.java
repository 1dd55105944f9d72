package vn.luot.core.domain;

/**
 * A value that messages say in words rather than by its code: a field rule, a state, a role. Passed as an
 * argument of a {@link QueueException}, it is replaced by the bundle's words for {@link #messageKey()},
 * so that "Quầy số 3 đang đóng" reaches the reader instead of "Quầy số 3 đang ở trạng thái closed".
 */
public interface Wording {
    String messageKey();
}
