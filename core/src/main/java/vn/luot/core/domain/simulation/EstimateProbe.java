package vn.luot.core.domain.simulation;

/**
 * Probes of where the estimate's error comes from (docs/estimates.md, "Where the error is"). Each draws
 * every visit's service time when the citizen arrives rather than when the counter calls (the same
 * distribution, other random numbers), so that the oracle can know it; runs with any probe are therefore
 * compared with each other, not with runs without one.
 */
public enum EstimateProbe {
    /** No probe: service times drawn at the call, as the shipped figures are. */
    NONE,
    /** The shipped estimate, on the probes' days. */
    SHIPPED,
    /**
     * An estimate that knows the true service time of every waiting ticket and of each counter's current one,
     * but not who arrives later: the floor for any method that ignores arrivals.
     */
    ORACLE,
    /**
     * The best an estimate can do without knowing the future service times: the median of many randomised
     * plays with the true (configured) means and spread, each counter's current ticket drawn from what it may
     * still need given how long it has run ({@link vn.luot.core.domain.estimate.RandomisedPlay}).
     */
    FLOOR
}
