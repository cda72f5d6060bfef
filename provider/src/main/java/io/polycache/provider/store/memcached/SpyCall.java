package io.polycache.provider.store.memcached;

import io.polycache.provider.store.Deadlines;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
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
 * operation at once because the server is down), and {@link Deadlines} fails it after the
 * timeout.
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
final class SpyCall extends Deadlines.Tracked implements GetsOperation.Callback,
    StoreOperation.Callback, DeleteOperation.Callback, SpySubject {

  private final CompletableFuture<Object> future = new CompletableFuture<>();
  private final Function<SpyCall, ?> answer;
  private final SharedClient shared;
  private final String command;
  private final String key;
  private final String cacheName;
  private volatile Operation operation;

  private OperationStatus status;
  private int flags;
  private long cas;
  private byte[] data;

  /**
   * A call whose future completes with {@code answer} applied to it once the server answered
   * (on the I/O thread: the store's reading of the answer needs no further stage); what
   * {@code answer} throws fails the call.
   */
  SpyCall(SharedClient shared, String cacheName, String command, String key,
      Function<SpyCall, ?> answer) {
    this.answer = answer;
    this.shared = shared;
    this.command = command;
    this.key = key;
    this.cacheName = cacheName;
  }

  /** Completes with what the answer function made of the server's answer. */
  @SuppressWarnings("unchecked")
  <T> CompletableFuture<T> future() {
    return (CompletableFuture<T>) future;
  }

  void started(Operation op) {
    this.operation = op;
  }

  @Override
  protected boolean isDone() {
    return future.isDone();
  }

  @Override
  protected void expire() {
    timedOut();
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
    MemcachedStoreException failure = failure(operation, status, shared, cacheName, this);
    if (failure != null) {
      fail(failure);
      return;
    }
    succeed();
  }

  /**
   * Why a finished operation failed, naming the server and what was asked; {@code null} when
   * the server gave an answer a store interprets (success, not found, exists, not stored), which
   * also counts as a success for the client's connection health.
   */
  static MemcachedStoreException failure(Operation op, OperationStatus s, SharedClient shared,
      String cacheName, SpySubject subject) {
    if (op != null && op.isCancelled() || s != null && s.getStatusCode() == StatusCode.CANCELLED) {
      return new MemcachedStoreException(prefix(cacheName) + (shared.isClosed()
          ? "the memcached backend was closed before " + subject.what() + " completed"
          : "memcached server " + subject.server() + " is unreachable (no connection; the"
              + " client reconnects by itself)"));
    }
    if (op != null && op.hasErrored()) {
      String message = op.getException() == null ? String.valueOf(s)
          : op.getException().getMessage();
      return new MemcachedStoreException(prefix(cacheName) + "memcached server "
          + subject.server() + " failed " + subject.what() + ": " + message + hint(message),
          op.getException());
    }
    if (s == null) {
      return new MemcachedStoreException(prefix(cacheName) + "memcached server "
          + subject.server() + " gave no answer to " + subject.what());
    }
    StatusCode code = s.getStatusCode();
    if (s.isSuccess() || code == StatusCode.ERR_NOT_FOUND || code == StatusCode.ERR_EXISTS
        || code == StatusCode.ERR_NOT_STORED) {
      if (op != null) {
        MemcachedConnection.opSucceeded(op);
      }
      return null;
    }
    return new MemcachedStoreException(prefix(cacheName) + "memcached server "
        + subject.server() + " answered \"" + s.getMessage() + "\" (" + code + ") to "
        + subject.what() + (code == StatusCode.ERR_2BIG ? hint("too large") : ""));
  }

  /** The failure of an operation whose timeout passed, naming the server and what was asked. */
  static MemcachedStoreException timeout(SharedClient shared, String cacheName, String server,
      String what) {
    return new MemcachedStoreException(prefix(cacheName) + (shared.isClosed()
        ? "the memcached backend was closed before " + what + " completed"
        : "memcached server " + server + " did not answer " + what + " within "
            + shared.timeoutMillis() + " ms"));
  }

  /** Tells spymemcached that {@code op} timed out, so it stops waiting for its answer. */
  static void abandon(Operation op) {
    if (op != null) {
      op.timeOut();
      MemcachedConnection.opTimedOut(op);
    }
  }

  /**
   * Fails the call because the timeout passed, then tells spymemcached the operation timed out
   * (which completes the operation's callback with a status that must not name the failure).
   */
  void timedOut() {
    if (future.isDone()) {
      return;
    }
    fail(timeout(shared, cacheName, server(), what()));
    abandon(operation);
  }

  /** Fails the call before it was sent. */
  void failed(RuntimeException e) {
    fail(unsent(cacheName, this, e));
  }

  /** The failure of an operation the client refused to send, naming the server and the cause. */
  static MemcachedStoreException unsent(String cacheName, SpySubject subject, RuntimeException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return new MemcachedStoreException(prefix(cacheName) + "could not send " + subject.what()
        + " to memcached server " + subject.server() + ": " + message, e);
  }

  private void succeed() {
    Object result;
    try {
      result = answer.apply(this);
    } catch (RuntimeException e) {
      fail(e);
      return;
    }
    future.complete(result);
    settle();
  }

  private void fail(RuntimeException e) {
    future.completeExceptionally(e);
    settle();
  }

  @Override
  public String what() {
    return command + " of key \"" + key + "\"";
  }

  @Override
  public String server() {
    return shared.serverOf(key);
  }

  private static String prefix(String cacheName) {
    return "Cache '" + cacheName + "': ";
  }

  private static String hint(String message) {
    return message != null && message.toLowerCase(Locale.ROOT).contains("large")
        ? " (the value exceeds the server's item size limit, memcached -I; set the maxItemSize"
            + " option to that limit so such values are refused before they are sent)"
        : "";
  }
}
