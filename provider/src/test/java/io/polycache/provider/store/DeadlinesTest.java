package io.polycache.provider.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deadline queue on its own: concurrent senders, answered and unanswered operations. */
class DeadlinesTest {

  private static final long TIMEOUT_MILLIS = 50;

  private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  /** An operation that records when and how often it was failed. */
  private static final class Call extends Deadlines.Tracked {
    final long sentNanos = System.nanoTime();
    final AtomicInteger expirations = new AtomicInteger();
    final CountDownLatch expired;
    volatile boolean answered;
    volatile long expiredNanos;

    Call(CountDownLatch expired) {
      this.expired = expired;
    }

    @Override
    protected boolean isDone() {
      return answered || expirations.get() > 0;
    }

    @Override
    protected void expire() {
      expiredNanos = System.nanoTime();
      expirations.incrementAndGet();
      expired.countDown();
    }
  }

  @Test
  void concurrentSenders_everyUnansweredCallFailsOnceAfterItsTimeout_answeredOnesNever()
      throws Exception {
    Deadlines deadlines = new Deadlines(timer, TIMEOUT_MILLIS);
    int threads = 4;
    int perThread = 10_000;
    CountDownLatch expired = new CountDownLatch(threads * perThread / 2);
    List<List<Call>> sent = new ArrayList<>();
    List<Thread> senders = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      List<Call> mine = new ArrayList<>(perThread);
      sent.add(mine);
      senders.add(new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          Call call = new Call(expired);
          deadlines.add(call);
          call.answered = i % 2 == 0;
          mine.add(call);
        }
      }));
    }
    senders.forEach(Thread::start);
    for (Thread sender : senders) {
      sender.join();
    }

    assertTrue(expired.await(10, TimeUnit.SECONDS), "unanswered calls left: "
        + expired.getCount());
    for (List<Call> mine : sent) {
      for (int i = 0; i < mine.size(); i++) {
        Call call = mine.get(i);
        if (i % 2 == 0) {
          assertEquals(0, call.expirations.get(), "an answered call was failed");
        } else {
          assertEquals(1, call.expirations.get(), "an unanswered call was failed once");
          assertTrue(call.expiredNanos - call.sentNanos
              >= TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS), "failed before its timeout");
        }
      }
    }
  }

  @Test
  void afterAnIdleSpell_newCallsAreStillTimed_andExpireAllFailsWhatIsLeft() throws Exception {
    Deadlines deadlines = new Deadlines(timer, TIMEOUT_MILLIS);
    CountDownLatch first = new CountDownLatch(1);
    deadlines.add(new Call(first));
    assertTrue(first.await(5, TimeUnit.SECONDS), "the first call did not time out");

    CountDownLatch second = new CountDownLatch(1);
    Call again = new Call(second);
    deadlines.add(again);
    assertTrue(second.await(5, TimeUnit.SECONDS), "the sweep did not restart after going idle");

    Deadlines longer = new Deadlines(timer, TimeUnit.HOURS.toMillis(1));
    CountDownLatch closing = new CountDownLatch(2);
    Call waiting = new Call(closing);
    Call answered = new Call(closing);
    longer.add(waiting);
    longer.add(answered);
    answered.answered = true;
    longer.expireAll();
    assertEquals(1, waiting.expirations.get());
    assertEquals(0, answered.expirations.get());
    assertEquals(1, again.expirations.get());
  }
}
