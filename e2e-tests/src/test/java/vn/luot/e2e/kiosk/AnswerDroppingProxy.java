package vn.luot.e2e.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the browser and the server that, when armed, lets one ticket request reach the
 * server and then breaks the connection as the answer comes back: the ticket exists, but the kiosk never
 * hears of it, as on an overloaded network. What the kiosk does next (retry) goes through normally.
 */
final class AnswerDroppingProxy implements AutoCloseable {
    private static final String TICKET_REQUEST = "POST /api/v1/tickets ";
    private final ServerSocket listener;
    private final int targetPort;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "answer-dropping-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger ticketRequests = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    AnswerDroppingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    String url(String path) {
        return "http://localhost:" + listener.getLocalPort() + path;
    }

    /** The answer to the next ticket request is lost. */
    void dropNextTicketAnswer() {
        armed.set(true);
    }

    int ticketRequests() {
        return ticketRequests.get();
    }

    int droppedAnswers() {
        return dropped.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                AtomicBoolean awaitingTicketAnswer = new AtomicBoolean();
                threads.submit(() -> requests(client, upstream, awaitingTicketAnswer));
                threads.submit(() -> answers(upstream, client, awaitingTicketAnswer));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void requests(Socket client, Socket upstream, AtomicBoolean awaitingTicketAnswer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (new String(buffer, 0, n, StandardCharsets.ISO_8859_1).startsWith(TICKET_REQUEST)) {
                    ticketRequests.incrementAndGet();
                    awaitingTicketAnswer.set(armed.getAndSet(false));
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            close(client);
            close(upstream);
        }
    }

    private void answers(Socket upstream, Socket client, AtomicBoolean awaitingTicketAnswer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (awaitingTicketAnswer.getAndSet(false)) {
                    dropped.incrementAndGet();
                    close(client);
                    close(upstream);
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            close(client);
            close(upstream);
        }
    }

    private static void close(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        close(listener);
        threads.shutdownNow();
    }
}
