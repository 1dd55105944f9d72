package vn.luot.bridge.printer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A network printer's raw port (usually 9100). One connection per ticket; status by DLE EOT. */
final class TcpPort implements PrinterPort {
    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration statusTimeout;
    private final boolean readStatus;

    TcpPort(String host, int port, Duration connectTimeout, Duration statusTimeout, boolean readStatus) {
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.statusTimeout = statusTimeout;
        this.readStatus = readStatus;
    }

    @Override
    public Connection open() throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            socket.setSoTimeout((int) statusTimeout.toMillis());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new TcpConnection(socket);
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }

    private final class TcpConnection implements Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        TcpConnection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        @Override
        public PrinterCondition condition() throws IOException {
            return readStatus ? ask() : PrinterCondition.ONLINE;
        }

        @Override
        public void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        @Override
        public PrinterCondition confirm() throws IOException {
            return readStatus ? ask() : PrinterCondition.ONLINE;
        }

        /** Sends DLE EOT 1 and 4 and reads both answers; no answer in time means the printer is unreachable. */
        private PrinterCondition ask() throws IOException {
            out.write(StatusBytes.REQUEST);
            out.flush();
            int printer = in.read();
            int paper = in.read();
            if (printer < 0 || paper < 0) {
                throw new IOException("the printer closed the connection");
            }
            try {
                return StatusBytes.condition(printer, paper);
            } catch (IllegalArgumentException e) {
                throw new IOException("the printer's answer is not a status: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
