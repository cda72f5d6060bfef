package io.polycache.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
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
 * A minimal RESP2 connection: sends commands as arrays of bulk strings and decodes one reply per command.
 * Replies decode to {@link String} (simple strings, and bulk strings unless {@code binary}), {@code byte[]}
 * (bulk strings when {@code binary}), {@link Long} (integers), {@link List} (arrays) and {@code null} (nil);
 * an error reply throws {@link RedisErrorException}.
 */
final class Resp implements Closeable {

    private static final byte[] CRLF = {'\r', '\n'};

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private Resp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static Resp connect(int port, Duration timeout) throws IOException {
        Socket socket = Loopback.connect(port, timeout);
        try {
            return new Resp(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    static byte[][] utf8(String... args) {
        byte[][] encoded = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            encoded[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return encoded;
    }

    Object call(String... args) throws IOException {
        return call(false, utf8(args));
    }

    Object call(boolean binary, byte[]... args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("a Redis command needs at least a command name");
        }
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        writeHeader(request, '*', args.length);
        for (byte[] arg : args) {
            writeHeader(request, '$', arg.length);
            request.write(arg);
            request.write(CRLF);
        }
        out.write(request.toByteArray());
        out.flush();
        return read(binary);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static void writeHeader(ByteArrayOutputStream request, char type, int count) throws IOException {
        request.write(type);
        request.write(Integer.toString(count).getBytes(StandardCharsets.US_ASCII));
        request.write(CRLF);
    }

    private Object read(boolean binary) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("the server closed the connection before replying");
        }
        String line = readLine();
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new RedisErrorException(line);
            case ':':
                return Long.valueOf(parseNumber(line));
            case '$':
                return readBulk(binary, (int) parseNumber(line));
            case '*':
                return readArray(binary, (int) parseNumber(line));
            default:
                throw new IOException("unsupported RESP reply type '" + (char) type + "' followed by: " + line);
        }
    }

    private Object readBulk(boolean binary, int length) throws IOException {
        if (length < 0) {
            return null;
        }
        byte[] data = in.readNBytes(length);
        if (data.length < length) {
            throw new EOFException("the server closed the connection inside a bulk string");
        }
        if (in.read() != '\r' || in.read() != '\n') {
            throw new IOException("a bulk string of " + length + " bytes was not followed by CRLF");
        }
        return binary ? data : new String(data, StandardCharsets.UTF_8);
    }

    private List<Object> readArray(boolean binary, int count) throws IOException {
        if (count < 0) {
            return null;
        }
        List<Object> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            items.add(read(binary));
        }
        return Collections.unmodifiableList(items);
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("the server closed the connection inside a reply line");
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private static long parseNumber(String line) throws IOException {
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new IOException("expected a number in a RESP reply but got: " + line, e);
        }
    }
}
