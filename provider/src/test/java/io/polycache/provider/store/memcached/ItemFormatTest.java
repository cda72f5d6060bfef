package io.polycache.provider.store.memcached;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.store.StoreEntry;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ItemFormatTest {

  private static final byte[] PREFIX = "ns:c:".getBytes(StandardCharsets.US_ASCII);
  private static final long NOW = 1_700_000_000_123L;
  private static final long DAY = 24L * 60 * 60 * 1000;

  private final MemcachedKeys keys = new MemcachedKeys(PREFIX);

  private static byte[] key(String userPart) {
    byte[] user = userPart.getBytes(StandardCharsets.UTF_8);
    byte[] key = Arrays.copyOf(PREFIX, PREFIX.length + user.length);
    System.arraycopy(user, 0, key, PREFIX.length, user.length);
    return key;
  }

  @Test
  void plainItem_roundTripsValueAndExactExpiry() {
    MemcachedKeys.Key k = keys.encode(key("k"));
    byte[] value = {1, 2, 3};

    byte[] item = ItemFormat.encode(k, value, NOW + 20);
    MemcachedEntry entry = ItemFormat.decode(k, ItemFormat.FLAGS, 7, item, "c");

    assertEquals(ItemFormat.HEADER + 3, item.length);
    assertArrayEquals(value, entry.value());
    assertEquals(NOW + 20, entry.expireAt());
    assertEquals(7, entry.cas());
  }

  @Test
  void hashedItem_carriesTheFullKey_andAnotherKeysItemReadsAsAbsent() {
    MemcachedKeys collide = new MemcachedKeys(PREFIX, bytes -> new byte[32]);
    MemcachedKeys.Key mine = collide.encode(key("a".repeat(300)));
    MemcachedKeys.Key theirs = collide.encode(key("b".repeat(300)));
    assertEquals(mine.text(), theirs.text());

    byte[] item = ItemFormat.encode(theirs, new byte[] {9}, StoreEntry.ETERNAL);

    assertNull(ItemFormat.decode(mine, ItemFormat.FLAGS, 1, item, "c"));
    assertArrayEquals(new byte[] {9}, ItemFormat.decode(theirs, ItemFormat.FLAGS, 1, item, "c")
        .value());
    assertArrayEquals(theirs.logical(), ItemFormat.logicalKey(ItemFormat.FLAGS, item));
  }

  @Test
  void foreignBytes_areReportedNamingTheKey() {
    MemcachedKeys.Key k = keys.encode(key("bad"));
    byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);

    MemcachedStoreException wrongFlags = assertThrows(MemcachedStoreException.class,
        () -> ItemFormat.decode(k, 0, 1, hello, "c"));
    MemcachedStoreException noHeader = assertThrows(MemcachedStoreException.class,
        () -> ItemFormat.decode(k, ItemFormat.FLAGS, 1, hello, "c"));

    assertTrue(wrongFlags.getMessage().contains("\"ns:c:bad\""), wrongFlags.getMessage());
    assertTrue(wrongFlags.getMessage().contains("Polycache did not write"));
    assertTrue(noHeader.getMessage().contains("5 bytes"), noHeader.getMessage());
  }

  @Test
  void exptime_eternalIsNeverAndNothingElseIs() {
    assertEquals(0, ItemFormat.exptime(StoreEntry.ETERNAL, NOW, NOW));
    assertEquals(2, ItemFormat.exptime(NOW + 1, NOW, NOW));
    assertEquals(2, ItemFormat.exptime(NOW + 20, NOW, NOW));
    assertEquals(2, ItemFormat.exptime(NOW + 1000, NOW, NOW));
    assertEquals(3, ItemFormat.exptime(NOW + 1001, NOW, NOW));
    assertThrows(IllegalArgumentException.class, () -> ItemFormat.exptime(NOW, NOW, NOW));
  }

  @Test
  void exptime_overThirtyDays_isAnAbsoluteUnixTimeOfTheWallClock() {
    long thirtyDays = 30 * DAY;
    long wall = 1_800_000_000_000L;

    assertEquals(thirtyDays / 1000, ItemFormat.exptime(NOW + thirtyDays - 1000, NOW, wall));
    assertEquals(wall / 1000 + 40 * DAY / 1000 + 1, ItemFormat.exptime(NOW + 40 * DAY, NOW, wall));
  }

  @Test
  void exptime_beyondWhatTheProtocolCarries_isCappedNotNever() {
    assertEquals(Integer.MAX_VALUE, ItemFormat.exptime(StoreEntry.ETERNAL - 1, 0, NOW));
  }
}
