package io.polycache.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;

/** The IPv4 loopback address every server binds to, and sockets connected to it. */
final class Loopback {

    static final String HOST = "127.0.0.1";

    static final InetAddress ADDRESS = address();

    private Loopback() {
    }

    /** Opens a socket to {@code 127.0.0.1:port}; {@code timeout} bounds both connecting and each read. */
    static Socket connect(int port, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(ADDRESS, port), millis);
            socket.setSoTimeout(millis);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static InetAddress address() {
        try {
            return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
