package vn.luot.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy between the browser and the server, so a test can cut the network for real: {@link #cut()}
 * drops every open connection (WebSockets included) and refuses new ones until {@link #restore()}.
 *
 * <p>{@link #dropResponseTo(String)} makes the hardest failure of all: the request reaches the server,
 * the server does the work and answers, and the answer breaks off before its end, so the client cannot
 * tell whether anything happened.
 */
public final class CuttableProxy implements AutoCloseable {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length:\\s*(\\d+)");
    private final ServerSocket listener;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cuttable-proxy");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> doomed = ConcurrentHashMap.newKeySet();
    private final AtomicReference<String> dropResponseTo = new AtomicReference<>();
    private final AtomicInteger responsesDropped = new AtomicInteger();
    private volatile boolean cut;

    private CuttableProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    public static CuttableProxy to(int targetPort) {
        try {
            return new CuttableProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public String url(String path) {
        return "http://localhost:" + port() + path;
    }

    /** Drops every connection now and refuses new ones. */
    public void cut() {
        cut = true;
        open.forEach(CuttableProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /**
     * Arms a one-shot trap: the next HTTP request whose first bytes start with {@code requestStart}
     * (such as {@code "POST /api/v1/counters/1/complete"}) is passed to the server, but the server's
     * answer never reaches the client whole: it breaks off before its last byte and the connection closes.
     */
    public void dropResponseTo(String requestStart) {
        dropResponseTo.set(requestStart);
    }

    /** How many answers {@link #dropResponseTo} has thrown away so far. */
    public int responsesDropped() {
        return responsesDropped.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                threads.submit(() -> pump(client, upstream, true));
                threads.submit(() -> pump(upstream, client, false));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    /**
     * Copies bytes one way. Browsers send one request at a time on a connection (no pipelining), so the
     * next bytes coming back on a connection whose request was trapped are that request's answer.
     */
    private void pump(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        Socket client = fromClient ? from : to;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (fromClient) {
                    String trap = dropResponseTo.get();
                    if (trap != null && new String(buffer, 0, Math.min(n, trap.length()), StandardCharsets.ISO_8859_1)
                            .equals(trap) && dropResponseTo.compareAndSet(trap, null)) {
                        doomed.add(client);
                    }
                } else if (doomed.remove(client)) {
                    breakOff(in, out, buffer, n);
                    responsesDropped.incrementAndGet();
                    return; // closing both sides below
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away: close both
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    /**
     * Forwards the whole answer but its last byte, then gives up: the status and headers arrive, the body
     * breaks off. (With no answer bytes at all, or with half a header, a browser silently resends the
     * request by itself, and the page's own retry would go untested.)
     */
    private static void breakOff(InputStream in, OutputStream out, byte[] first, int n) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        answer.write(first, 0, n);
        byte[] more = new byte[4096];
        while (answer.size() < answerLength(answer.toString(StandardCharsets.ISO_8859_1))) {
            int read = in.read(more);
            if (read < 0) {
                break;
            }
            answer.write(more, 0, read);
        }
        out.write(answer.toByteArray(), 0, answer.size() - 1);
        out.flush();
    }

    /** The length of an HTTP answer with a Content-Length, once its headers are in; until then, more than we have. */
    private static int answerLength(String sofar) {
        int headersEnd = sofar.indexOf("\r\n\r\n");
        if (headersEnd < 0) {
            return Integer.MAX_VALUE;
        }
        Matcher length = CONTENT_LENGTH.matcher(sofar.substring(0, headersEnd));
        return headersEnd + 4 + (length.find() ? Integer.parseInt(length.group(1)) : 0);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
        threads.shutdownNow();
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
