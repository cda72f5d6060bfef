package io.polycache.provider.store.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadumpTest {

  private static List<String> parse(String dump, String prefix) throws IOException {
    return Metadump.parse(new ByteArrayInputStream(dump.getBytes(StandardCharsets.US_ASCII)),
        "127.0.0.1:1", prefix);
  }

  @Test
  void keysAreUriDecodedAndFilteredByPrefix() throws IOException {
    String dump = "key=ns%3Ac%3Aa exp=-1 la=1 cas=18446744073709551615 fetch=no cls=1 size=67\n"
        + "key=ns%3Acc%3Ab exp=1999999999 la=1 cas=2 fetch=no cls=1 size=63\n"
        + "key=ns%3Ac%3Ab%2520c exp=-1 la=1 cas=3 fetch=yes cls=2 size=90 flags=0\n"
        + "key=foreign exp=-1 la=1 cas=4 fetch=no cls=1 size=60\n"
        + "END\r\n";

    assertEquals(List.of("ns:c:a", "ns:c:b%20c"), parse(dump, "ns:c:"));
  }

  @Test
  void leadingOk_isTolerated() throws IOException {
    assertEquals(List.of("ns:c:a"), parse("OK\r\nkey=ns:c:a exp=-1 la=1 cas=1\nEND\r\n", "ns:c:"));
  }

  @Test
  void emptyDump_isEmpty() throws IOException {
    assertEquals(List.of(), parse("END\r\n", "ns:c:"));
  }

  @Test
  void unknownMode_isNullSoTheCallerFallsBack() throws IOException {
    assertNull(parse("BADCLASS invalid class id\r\n", "ns:c:"));
  }

  @Test
  void busyCrawler_isRetryable() {
    assertThrows(Metadump.Busy.class, () -> parse("BUSY currently processing crawler request\r\n",
        "ns:c:"));
  }

  @Test
  void disabledDumping_isAClearError() {
    MemcachedStoreException e = assertThrows(MemcachedStoreException.class,
        () -> parse("ERROR metadump not allowed\r\n", "ns:c:"));

    assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
    assertTrue(e.getMessage().contains("-X"), e.getMessage());
  }

  @Test
  void disabledCrawler_isAClearError() {
    MemcachedStoreException e = assertThrows(MemcachedStoreException.class,
        () -> parse("CLIENT_ERROR lru crawler disabled\r\n", "ns:c:"));

    assertTrue(e.getMessage().contains("no_lru_crawler"), e.getMessage());
  }

  @Test
  void truncatedDump_fails() {
    assertThrows(EOFException.class, () -> parse("key=ns:c:a exp=-1\n", "ns:c:"));
  }

  @Test
  void uriDecode_rejectsMalformedEscapes() {
    assertEquals("a b", Metadump.uriDecode("a%20b"));
    assertNull(Metadump.uriDecode("a%2"));
    assertNull(Metadump.uriDecode("a%zz"));
  }
}
