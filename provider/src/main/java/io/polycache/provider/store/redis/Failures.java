package io.polycache.provider.store.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;
import io.polycache.provider.store.StoreException;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns whatever a Lettuce command failed with into one {@link RedisStoreException} whose
 * message says which cache and operation failed, which server was involved ({@code host:port})
 * and what went wrong; passwords are cut out of every message.
 */
final class Failures {

  private final String subject;
  private final RedisSettings settings;

  /**
   * @param subject what the messages start with, such as {@code Cache 'users'}
   * @param settings the backend's settings, for the timeout and the passwords to cut out
   */
  Failures(String subject, RedisSettings settings) {
    this.subject = subject;
    this.settings = settings;
  }

  /**
   * The failure of {@code operation}.
   *
   * @param server the server as a message names it
   * @param key the key the operation was about, or {@code null}
   */
  RedisStoreException of(String operation, String server, byte[] key, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RedisStoreException redisStoreException) {
      return redisStoreException;
    }
    if (cause instanceof StoreException) {
      return new RedisStoreException(subject + ": " + operation + " failed: "
          + settings.credentials().redact(cause.getMessage()), cause);
    }
    String reason = settings.credentials().redact(String.valueOf(cause.getMessage()));
    String message;
    if (cause instanceof RedisCommandTimeoutException) {
      message = operation + " got no answer from " + server + " within "
          + settings.timeout().toMillis() + " ms (" + reason + ")";
    } else if (cause instanceof RedisCommandExecutionException) {
      message = operation + (key == null ? "" : " of key " + RedisStoreException.describeKey(key))
          + ": " + server + " answered: " + reason;
    } else if (isUnreachable(cause)) {
      message = operation + " could not reach " + server + ": " + reason;
    } else {
      message = operation + " failed on " + server + ": " + cause.getClass().getSimpleName()
          + ": " + reason;
    }
    return new RedisStoreException(subject + ": " + message, cause);
  }

  private static boolean isUnreachable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RedisConnectionException || t instanceof IOException) {
        return true;
      }
      if (t instanceof RedisException && t.getMessage() != null) {
        String text = t.getMessage().toLowerCase(Locale.ROOT);
        if (text.contains("not connected") || text.contains("connection closed")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
