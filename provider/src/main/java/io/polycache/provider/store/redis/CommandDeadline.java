package io.polycache.provider.store.redis;

import io.lettuce.core.RedisCommandTimeoutException;
import io.polycache.provider.store.Deadlines;
import java.util.concurrent.CompletableFuture;

/**
 * The deadline of what one store operation sent (a command, or the commands of a script call):
 * once the timeout passed, it fails the way Lettuce's own command timeout would.
 */
final class CommandDeadline extends Deadlines.Tracked {

  private final CompletableFuture<?> sent;
  private final long timeoutMillis;

  CommandDeadline(CompletableFuture<?> sent, long timeoutMillis) {
    this.sent = sent;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  protected boolean isDone() {
    return sent.isDone();
  }

  @Override
  protected void expire() {
    sent.completeExceptionally(new RedisCommandTimeoutException(
        "Command timed out after " + timeoutMillis + " ms"));
  }
}
