package vn.luot.bridge.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A network thermal printer for tests: a real TCP server on a loopback port that reads ESC/POS as a
 * printer does, command by command, answers the status requests (DLE EOT) from its paper and offline
 * switches, and keeps what it printed. A ticket counts as printed when its cut arrives; bytes of a ticket
 * whose connection broke before the cut are kept apart as a partial print.
 *
 * <p>It can be stopped and started again on the same port, stop by itself right after a given number of
 * tickets (once it has answered the status request that follows the last one), or drop one connection
 * in the middle of a ticket.
 */
public final class FakePrinter implements AutoCloseable {
    private final Charset textCharset;
    private final List<PrintedTicket> printed = new CopyOnWriteArrayList<>();
    private final List<byte[]> connections = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile int port;
    private volatile boolean paperOut;
    private volatile boolean paperNearEnd;
    private volatile int stopAfterTickets = -1;
    private volatile int dropAfterBytes = -1;
    private final java.util.concurrent.atomic.AtomicInteger partialTickets = new java.util.concurrent.atomic.AtomicInteger();

    private FakePrinter(Charset textCharset) {
        this.textCharset = textCharset;
    }

    /** Starts on a free port; text is read as ASCII. */
    public static FakePrinter start() {
        return start(null);
    }

    public static FakePrinter start(Charset textCharset) {
        FakePrinter printer = new FakePrinter(textCharset);
        printer.listen(0);
        return printer;
    }

    public int port() {
        return port;
    }

    public List<PrintedTicket> printed() {
        return List.copyOf(printed);
    }

    /** Every byte received, connection after connection. */
    public byte[] allBytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        connections.forEach(all::writeBytes);
        return all.toByteArray();
    }

    public int partialTickets() {
        return partialTickets.get();
    }

    public void paperOut(boolean out) {
        paperOut = out;
    }

    public void paperNearEnd(boolean nearEnd) {
        paperNearEnd = nearEnd;
    }

    /** Stops, as if switched off, once it has printed this many tickets in all and confirmed the last. */
    public void stopAfterTickets(int count) {
        stopAfterTickets = count;
    }

    /** Breaks the next connection that carries more than this many bytes, in the middle of its ticket. */
    public void dropConnectionAfterBytes(int bytes) {
        dropAfterBytes = bytes;
    }

    public boolean running() {
        ServerSocket s = server;
        return s != null && !s.isClosed();
    }

    /** Switches off: the port refuses connections and open ones break. */
    public synchronized void stop() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            close(s);
        }
        open.forEach(FakePrinter::close);
        open.clear();
    }

    /** Switches on again, on the same port. */
    public synchronized void restart() {
        if (!running()) {
            listen(port);
        }
    }

    /** Waits (up to a minute) until the condition holds. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void listen(int wanted) {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
            port = s.getLocalPort();
            server = s;
            Thread acceptor = new Thread(() -> accept(s), "fake-printer-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + wanted, e);
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                open.add(client);
                Thread reader = new Thread(() -> serve(client), "fake-printer-connection");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    /** Reads commands as they come; a connection's bytes are kept whatever happens to it. */
    private void serve(Socket client) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        List<EscPosReader.Command> commands = new ArrayList<>();
        try (client; InputStream raw = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            InputStream in = new CountingStream(new java.io.BufferedInputStream(raw), received, client);
            EscPosReader reader = new EscPosReader(in);
            boolean stopAfterReply = false;
            for (EscPosReader.Command c = reader.next(); c != null; c = reader.next()) {
                commands.add(c);
                if (c.kind() == EscPosReader.Kind.CUT) {
                    List<PrintedTicket> done = EscPosReader.tickets(commands, textCharset);
                    printed.add(done.get(done.size() - 1));
                    commands.clear();
                    stopAfterReply = stopAfterTickets >= 0 && printed.size() >= stopAfterTickets;
                }
                if (c.kind() == EscPosReader.Kind.STATUS_REQUEST) {
                    out.write(status(c.parameter()));
                    out.flush();
                    if (stopAfterReply && c.parameter() == 4) {
                        stopAfterTickets = -1;
                        stop();
                        return;
                    }
                }
            }
        } catch (IOException e) {
            // switched off, or the bridge went away
        } finally {
            open.remove(client);
            connections.add(received.toByteArray());
            if (commands.stream().anyMatch(c -> c.kind() == EscPosReader.Kind.INITIALIZE)) {
                partialTickets.incrementAndGet();
            }
        }
    }

    private int status(int request) {
        int fixed = 0x12;
        return switch (request) {
            case 4 -> fixed | (paperNearEnd ? 0x0C : 0) | (paperOut ? 0x60 : 0);
            default -> fixed;
        };
    }

    private static void close(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Keeps every byte read, and breaks the connection once past the drop limit. */
    private final class CountingStream extends InputStream {
        private final InputStream in;
        private final ByteArrayOutputStream copy;
        private final Socket socket;

        CountingStream(InputStream in, ByteArrayOutputStream copy, Socket socket) {
            this.in = in;
            this.copy = copy;
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                copy.write(b);
                if (dropAfterBytes >= 0 && copy.size() > dropAfterBytes) {
                    dropAfterBytes = -1;
                    socket.close();
                    throw new IOException("connection dropped by the test");
                }
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = 0;
            while (n < length) {
                int b = read();
                if (b < 0) {
                    return n == 0 ? -1 : n;
                }
                buffer[offset + n++] = (byte) b;
                if (in.available() == 0) {
                    break;
                }
            }
            return n;
        }
    }
}
