package io.polycache.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One request/response exchange in the memcached text protocol.
 *
 * <p>A response is read line by line. Lines starting with {@code VALUE }, {@code STAT }, {@code ITEM },
 * {@code PREFIX } or {@code key=} are items of a multi-line response and are followed by more lines; a
 * {@code VALUE} line and a meta {@code VA} line are followed by a data block of the announced size, returned
 * as one element. Any other line ({@code END}, {@code STORED}, {@code OK}, a number, an error...) ends the
 * response.
 */
final class MemcachedText {

    private static final byte[] CRLF = {'\r', '\n'};

    private static final List<String> CONTINUATION_PREFIXES = List.of("VALUE ", "STAT ", "ITEM ", "PREFIX ", "key=");

    private MemcachedText() {
    }

    static List<String> exchange(int port, Duration timeout, String line, byte[] data) throws IOException {
        try (Socket socket = Loopback.connect(port, timeout)) {
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(line.getBytes(StandardCharsets.UTF_8));
            request.write(CRLF);
            if (data != null) {
                request.write(data);
                request.write(CRLF);
            }
            out.write(request.toByteArray());
            out.flush();
            return readResponse(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static List<String> readResponse(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine(in);
            lines.add(line);
            if (line.startsWith("VALUE ")) {
                lines.add(readBlock(in, sizeField(line, 3)));
                continue;
            }
            if (line.startsWith("VA ")) {
                lines.add(readBlock(in, sizeField(line, 1)));
                return Collections.unmodifiableList(lines);
            }
            if (CONTINUATION_PREFIXES.stream().noneMatch(line::startsWith)) {
                return Collections.unmodifiableList(lines);
            }
        }
    }

    private static int sizeField(String line, int index) throws IOException {
        String[] fields = line.split(" ");
        if (fields.length <= index) {
            throw new IOException("no size field in response line: " + line);
        }
        try {
            return Integer.parseInt(fields[index]);
        } catch (NumberFormatException e) {
            throw new IOException("bad size field in response line: " + line, e);
        }
    }

    private static String readBlock(InputStream in, int size) throws IOException {
        byte[] block = in.readNBytes(size);
        if (block.length < size || in.read() != '\r' || in.read() != '\n') {
            throw new EOFException("the server closed the connection inside a " + size + "-byte data block");
        }
        return new String(block, StandardCharsets.UTF_8);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the server closed the connection before ending its response");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
