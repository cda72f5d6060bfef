package io.polycache.provider.testing;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import javax.cache.configuration.Factory;

/**
 * A clock that only moves when a test moves it, so expiry is observed without sleeping. Pass
 * {@link #factory()} to {@code PolycacheConfiguration.setClockFactory}: every cache made from it
 * reads this very instance.
 */
public final class MutableClock extends Clock implements Serializable {

  private static final long serialVersionUID = 1L;

  private final AtomicLong millis;

  private MutableClock(long millis) {
    this.millis = new AtomicLong(millis);
  }

  /** A clock standing at {@code instant}. */
  public static MutableClock at(Instant instant) {
    return new MutableClock(instant.toEpochMilli());
  }

  /** A clock standing at the current system time, for backends whose servers keep real time. */
  public static MutableClock atSystemTime() {
    return new MutableClock(System.currentTimeMillis());
  }

  /** Moves the clock forward. */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a MutableClock only moves forward: " + duration);
    }
    millis.addAndGet(duration.toMillis());
  }

  /** A factory that always hands out this clock. */
  public Factory<Clock> factory() {
    return new SharedFactory(this);
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a MutableClock is always UTC");
  }

  /** Hands out one shared clock, so a test that moves it moves every cache made from it. */
  private static final class SharedFactory implements Factory<Clock> {

    private static final long serialVersionUID = 1L;

    private final MutableClock clock;

    SharedFactory(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public Clock create() {
      return clock;
    }
  }
}
