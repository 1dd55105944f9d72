package vn.luot.core.limits;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many public WebSockets each client address holds open, with a ceiling, so that one visitor
 * cannot take all of the server's memory with sockets. A hall display holds one and a phone one; a
 * whole office behind one address stays far below the ceiling. Safe from any thread.
 */
public final class SocketsPerClient {
    private final int ceiling;
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    public SocketsPerClient(int ceiling) {
        this.ceiling = ceiling;
    }

    /** Takes a place for one more socket of this address; false (and nothing taken) at the ceiling. */
    public boolean tryOpen(String address) {
        boolean[] taken = {false};
        open.compute(address, (key, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < ceiling) {
                c.incrementAndGet();
                taken[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return taken[0];
    }

    /** Gives back a place taken by {@link #tryOpen}; an address with none left is forgotten. */
    public void closed(String address) {
        open.computeIfPresent(address, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    public int ceiling() {
        return ceiling;
    }

    /** Addresses holding at least one socket (for tests and metrics). */
    public int addresses() {
        return open.size();
    }
}
