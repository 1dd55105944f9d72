package vn.luot.core.domain;

import java.util.Arrays;

/**
 * A request that the queue's rules refuse. It carries a {@link Problem} and the values that the
 * message template for that problem needs; nothing has been changed when it is thrown.
 */
public final class QueueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Problem problem;
    private final transient Object[] arguments;

    public QueueException(Problem problem, Object... arguments) {
        super(problem.code() + Arrays.toString(arguments), null, false, false);
        this.problem = problem;
        this.arguments = arguments.clone();
    }

    public Problem problem() {
        return problem;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
