package io.polycache.provider.event;

import io.polycache.provider.internal.Closeables;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.event.CacheEntryExpiredListener;
import javax.cache.event.CacheEntryListenerException;
import javax.cache.event.CacheEntryRemovedListener;
import javax.cache.event.CacheEntryUpdatedListener;

/**
 * Delivers one cache's entry events to its listeners, in this JVM.
 *
 * <p>Synchronous listeners run on the thread that finishes the operation, before the operation
 * returns; the first {@link CacheEntryListenerException} (other failures wrapped in one) is
 * rethrown after every listener has seen the events. Asynchronous listeners run on the executor,
 * chained per (listener, key) so one key's events arrive in order; their failures are logged.
 */
public final class EventDispatcher<K, V> {

  private static final System.Logger LOG = System.getLogger(EventDispatcher.class.getName());

  private final List<ListenerRegistration<K, V>> registrations = new CopyOnWriteArrayList<>();
  private final Executor executor;

  public EventDispatcher(Executor executor) {
    this.executor = executor;
  }

  /** Whether any listener is registered; the core skips building events when none is. */
  public boolean isActive() {
    return !registrations.isEmpty();
  }

  /** Creates the listener and filter of {@code configuration} and starts delivering to them. */
  public void register(CacheEntryListenerConfiguration<K, V> configuration) {
    registrations.add(new ListenerRegistration<>(configuration));
  }

  /** Stops delivering to the listener of {@code configuration} and closes it. */
  public void deregister(CacheEntryListenerConfiguration<K, V> configuration) {
    for (ListenerRegistration<K, V> registration : registrations) {
      if (registration.configuration.equals(configuration)) {
        registrations.remove(registration);
        Closeables.closeQuietly(registration.listener);
        Closeables.closeQuietly(registration.filter);
      }
    }
  }

  /** Closes every listener and filter; no event is delivered afterwards. */
  public void close() {
    for (ListenerRegistration<K, V> registration : registrations) {
      Closeables.closeQuietly(registration.listener);
      Closeables.closeQuietly(registration.filter);
    }
    registrations.clear();
  }

  /**
   * Delivers {@code events} (in order) to every interested listener.
   *
   * @throws CacheEntryListenerException the first failure of a synchronous listener
   */
  public void dispatch(List<EntryEvent<K, V>> events) {
    if (events == null || events.isEmpty()) {
      return;
    }
    RuntimeException failure = null;
    for (ListenerRegistration<K, V> registration : registrations) {
      for (EntryEvent<K, V> event : events) {
        if (!registration.listensTo(event.getEventType())) {
          continue;
        }
        if (registration.synchronous) {
          try {
            deliver(registration, event);
          } catch (CacheEntryListenerException e) {
            failure = failure == null ? e : failure;
          } catch (RuntimeException e) {
            failure = failure == null ? new CacheEntryListenerException(e) : failure;
          }
        } else {
          deliverLater(registration, event);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private void deliverLater(ListenerRegistration<K, V> registration, EntryEvent<K, V> event) {
    Object key = event.getKey();
    CompletableFuture<Void> next = new CompletableFuture<>();
    CompletableFuture<Void> previous = registration.tails.put(key, next);
    Runnable delivery = () -> {
      try {
        deliver(registration, event);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "Cache entry listener failed on " + event, e);
      } finally {
        registration.tails.remove(key, next);
        next.complete(null);
      }
    };
    if (previous == null || previous.isDone()) {
      executor.execute(delivery);
    } else {
      previous.whenCompleteAsync((ignored, error) -> delivery.run(), executor);
    }
  }

  @SuppressWarnings("unchecked")
  private void deliver(ListenerRegistration<K, V> registration, EntryEvent<K, V> event) {
    if (registration.filter != null && !registration.filter.evaluate(event)) {
      return;
    }
    Iterable<CacheEntryEvent<? extends K, ? extends V>> batch = List.of(event);
    switch (event.getEventType()) {
      case CREATED:
        ((CacheEntryCreatedListener<K, V>) registration.listener).onCreated(batch);
        break;
      case UPDATED:
        ((CacheEntryUpdatedListener<K, V>) registration.listener).onUpdated(batch);
        break;
      case REMOVED:
        ((CacheEntryRemovedListener<K, V>) registration.listener).onRemoved(batch);
        break;
      case EXPIRED:
        ((CacheEntryExpiredListener<K, V>) registration.listener).onExpired(batch);
        break;
      default:
        throw new IllegalStateException("Unknown event type " + event.getEventType());
    }
  }
}
