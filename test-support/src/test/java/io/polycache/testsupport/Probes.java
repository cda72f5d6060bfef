package io.polycache.testsupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Assertions about ports and processes shared by the tests. */
final class Probes {

    private Probes() {
    }

    static void assertPortRefusesConnections(int port) {
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            }
        }, "something still accepts connections on 127.0.0.1:" + port);
    }

    static void assertProcessGone(long pid) {
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                "process " + pid + " is still alive");
    }
}
