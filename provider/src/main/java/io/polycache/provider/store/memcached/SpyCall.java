package io.polycache.provider.store.memcached;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import net.spy.memcached.MemcachedConnection;
import net.spy.memcached.ops.DeleteOperation;
import net.spy.memcached.ops.GetsOperation;
import net.spy.memcached.ops.Operation;
import net.spy.memcached.ops.OperationStatus;
import net.spy.memcached.ops.StatusCode;
import net.spy.memcached.ops.StoreOperation;

/**
 * One spymemcached operation bridged to a {@link CompletableFuture}. The operation's own callback
 * completes the future on the I/O thread (or on the caller's thread when the client cancels the
 * operation at once because the server is down), and a timer fails it after the timeout.
 *
 * <p>Why not {@code OperationFuture} listeners: an {@code OperationFuture} hands out its value
 * only through {@code get()}, and a listener added while the operation completes can run before
 * the future's latch opens, so even a zero-wait {@code get} there may report a time-out. The
 * callback sees status, flags, CAS id and data directly and never waits.
 *
 * <p>The future completes normally for the answers a store interprets (success, not found,
 * exists, not stored) and exceptionally with a {@link MemcachedStoreException} naming the server
 * for everything else.
 */
final class SpyCall implements GetsOperation.Callback, StoreOperation.Callback,
    DeleteOperation.Callback {

  private final CompletableFuture<SpyCall> future = new CompletableFuture<>();
  private final SharedClient shared;
  private final String command;
  private final String key;
  private final String cacheName;
  private volatile Operation operation;
  private volatile ScheduledFuture<?> timer;

  private OperationStatus status;
  private int flags;
  private long cas;
  private byte[] data;

  SpyCall(SharedClient shared, String cacheName, String command, String key) {
    this.shared = shared;
    this.command = command;
    this.key = key;
    this.cacheName = cacheName;
  }

  CompletableFuture<SpyCall> future() {
    return future;
  }

  void started(Operation op) {
    this.operation = op;
  }

  void timer(ScheduledFuture<?> t) {
    this.timer = t;
    if (future.isDone()) {
      t.cancel(false);
    }
  }

  /** The answer's status code; {@code SUCCESS}, {@code ERR_NOT_FOUND}, {@code ERR_EXISTS}... */
  StatusCode code() {
    return status.getStatusCode();
  }

  boolean succeeded() {
    return status.isSuccess();
  }

  int flags() {
    return flags;
  }

  long cas() {
    return cas;
  }

  /** The item's bytes of a {@code gets} hit, else {@code null}. */
  byte[] data() {
    return data;
  }

  @Override
  public void receivedStatus(OperationStatus s) {
    this.status = s;
  }

  @Override
  public void gotData(String k, int itemFlags, long itemCas, byte[] itemData) {
    this.flags = itemFlags;
    this.cas = itemCas;
    this.data = itemData;
  }

  @Override
  public void gotData(String k, long newCas) {
    this.cas = newCas;
  }

  @Override
  public void gotData(long newCas) {
    this.cas = newCas;
  }

  @Override
  public void complete() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    Operation op = operation;
    OperationStatus s = status;
    if (op != null && op.isCancelled() || s != null && s.getStatusCode() == StatusCode.CANCELLED) {
      future.completeExceptionally(new MemcachedStoreException(prefix() + (shared.isClosed()
          ? "the memcached backend was closed before " + command + " of key \"" + key
              + "\" completed"
          : "memcached server " + server() + " is unreachable (no connection; the client"
              + " reconnects by itself)")));
      return;
    }
    if (op != null && op.hasErrored()) {
      String message = op.getException() == null ? String.valueOf(s)
          : op.getException().getMessage();
      future.completeExceptionally(new MemcachedStoreException(prefix() + "memcached server "
          + server() + " failed " + command + " of key \"" + key + "\": " + message
          + hint(message), op.getException()));
      return;
    }
    if (s == null) {
      future.completeExceptionally(new MemcachedStoreException(prefix() + "memcached server "
          + server() + " gave no answer to " + command + " of key \"" + key + "\""));
      return;
    }
    StatusCode code = s.getStatusCode();
    if (s.isSuccess() || code == StatusCode.ERR_NOT_FOUND || code == StatusCode.ERR_EXISTS
        || code == StatusCode.ERR_NOT_STORED) {
      if (op != null) {
        MemcachedConnection.opSucceeded(op);
      }
      future.complete(this);
      return;
    }
    future.completeExceptionally(new MemcachedStoreException(prefix() + "memcached server "
        + server() + " answered \"" + s.getMessage() + "\" (" + code + ") to " + command
        + " of key \"" + key + "\"" + (code == StatusCode.ERR_2BIG ? hint("too large")
            : "")));
  }

  /** Fails the call because the timeout passed, and tells spymemcached the operation timed out. */
  void timedOut(long timeoutMillis) {
    if (future.isDone()) {
      return;
    }
    Operation op = operation;
    if (op != null) {
      op.timeOut();
      MemcachedConnection.opTimedOut(op);
    }
    future.completeExceptionally(new MemcachedStoreException(prefix() + (shared.isClosed()
        ? "the memcached backend was closed before " + command + " of key \"" + key
            + "\" completed"
        : "memcached server " + server() + " did not answer " + command + " of key \"" + key
            + "\" within " + timeoutMillis + " ms")));
  }

  /** Fails the call before it was sent. */
  void failed(RuntimeException e) {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    future.completeExceptionally(new MemcachedStoreException(prefix() + "could not send "
        + command + " of key \"" + key + "\" to memcached server " + server() + ": " + message, e));
  }

  private String server() {
    return shared.serverOf(key);
  }

  private String prefix() {
    return "Cache '" + cacheName + "': ";
  }

  private static String hint(String message) {
    return message != null && message.toLowerCase(Locale.ROOT).contains("large")
        ? " (the value exceeds the server's item size limit, memcached -I; set the maxItemSize"
            + " option to that limit so such values are refused before they are sent)"
        : "";
  }
}
