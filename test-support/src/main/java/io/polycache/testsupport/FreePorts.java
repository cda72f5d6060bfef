package io.polycache.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out loopback ports that were free when asked for. A port stays reserved inside this JVM until it is
 * released, so two servers started concurrently never get the same port, and a stopped server can be
 * restarted on its port.
 */
final class FreePorts {

    /** The well-known ports of the servers; never handed out, so a test can't collide with a system service. */
    private static final Set<Integer> DEFAULT_PORTS = Set.of(6379, 16379, 26379, 11211);

    private static final Set<Integer> RESERVED = ConcurrentHashMap.newKeySet();

    private static final int MAX_PROBES = 100;

    private FreePorts() {
    }

    /** Reserves {@code count} distinct free ports. */
    static int[] reserve(int count) {
        int[] ports = new int[count];
        for (int i = 0; i < count; i++) {
            ports[i] = reserveOne();
        }
        return ports;
    }

    static void release(int[] ports) {
        for (int port : ports) {
            RESERVED.remove(port);
        }
    }

    private static int reserveOne() {
        for (int probe = 0; probe < MAX_PROBES; probe++) {
            int port;
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(Loopback.ADDRESS, 0));
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot bind a socket on " + Loopback.HOST + " to find a free port", e);
            }
            if (!DEFAULT_PORTS.contains(port) && RESERVED.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("found no free loopback port after " + MAX_PROBES + " probes");
    }
}
