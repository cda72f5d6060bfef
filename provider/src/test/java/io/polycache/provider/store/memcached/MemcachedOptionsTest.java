package io.polycache.provider.store.memcached;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MemcachedOptionsTest {

  private static MemcachedOptions parse(String uri) {
    return MemcachedOptions.parse(URI.create(uri), null);
  }

  @Test
  void oneServer_withDefaults() {
    MemcachedOptions options = parse("memcached://127.0.0.1:11311");

    assertEquals(List.of("127.0.0.1:11311"), options.servers());
    assertNull(options.username());
    assertEquals(MemcachedOptions.DEFAULT_TIMEOUT, options.timeout());
    assertEquals(1024 * 1024, options.maxItemSize());
    assertEquals(MemcachedOptions.DEFAULT_MAX_RECONNECT_DELAY, options.maxReconnectDelay());
  }

  @Test
  void severalServers_defaultPort_andOneIpv6Server() {
    assertEquals(List.of("a:1", "b:11211", "c:3"), parse("memcached://a:1,b,c:3").servers());
    assertEquals(List.of("[::1]:3"), parse("memcached://[::1]:3").servers());
    assertEquals(List.of("[fe80::1]:11211"), parse("memcached://[fe80::1]").servers());
  }

  @Test
  void queryOptions() {
    MemcachedOptions options = parse(
        "memcached://h:1?timeout=500ms&maxItemSize=2m&maxReconnectDelay=5s&namespace=app");

    assertEquals(Duration.ofMillis(500), options.timeout());
    assertEquals(2 * 1024 * 1024, options.maxItemSize());
    assertEquals(Duration.ofSeconds(5), options.maxReconnectDelay());
  }

  @Test
  void properties_fillWhatTheUriLeavesOut_andTheUriWins() {
    Properties properties = new Properties();
    properties.setProperty("polycache.memcached.timeout", "250ms");
    properties.setProperty("polycache.memcached.maxItemSize", "512k");
    properties.setProperty("polycache.memcached.username", "propUser");
    properties.setProperty("polycache.memcached.password", "propSecret");

    MemcachedOptions fromProperties = MemcachedOptions.parse(URI.create("memcached://h"),
        properties);
    MemcachedOptions uriWins = MemcachedOptions.parse(
        URI.create("memcached://u:p@h?timeout=2s&maxItemSize=1m"), properties);

    assertEquals(Duration.ofMillis(250), fromProperties.timeout());
    assertEquals(512 * 1024, fromProperties.maxItemSize());
    assertEquals("propUser", fromProperties.username());
    assertEquals("propSecret", fromProperties.password());
    assertEquals(Duration.ofSeconds(2), uriWins.timeout());
    assertEquals(1024 * 1024, uriWins.maxItemSize());
    assertEquals("u", uriWins.username());
    assertEquals("p", uriWins.password());
  }

  @Test
  void sharedTimeoutProperty_isTheFallback() {
    Properties properties = new Properties();
    properties.setProperty("polycache.timeout", "3s");

    assertEquals(Duration.ofSeconds(3),
        MemcachedOptions.parse(URI.create("memcached://h"), properties).timeout());
    properties.setProperty("polycache.memcached.timeout", "1500ms");
    assertEquals(Duration.ofMillis(1500),
        MemcachedOptions.parse(URI.create("memcached://h"), properties).timeout());
  }

  @Test
  void credentials_fromUserInfoAreDecoded_fromQueryToo() {
    MemcachedOptions userInfo = parse("memcached://us%40er:p%3Ass+w%25rd@h:1,g:2");
    MemcachedOptions query = parse("memcached://h:1?username=u&password=s3cret");

    assertEquals("us@er", userInfo.username());
    assertEquals("p:ss+w%rd", userInfo.password());
    assertEquals(List.of("h:1", "g:2"), userInfo.servers());
    assertEquals("u", query.username());
    assertEquals("s3cret", query.password());
  }

  @Test
  void password_neverAppearsInToStringOrDescription() {
    MemcachedOptions options = parse("memcached://admin:Sup3rSecret@h:1?password=ignored");

    assertFalse(options.toString().contains("Sup3rSecret"), options.toString());
    assertFalse(options.describe().contains("Sup3rSecret"), options.describe());
    assertTrue(options.toString().contains("admin"));
    assertEquals("memcached://admin@h:1", options.describe());
  }

  @Test
  void messagesAboutBadUris_neverContainThePassword() {
    IllegalArgumentException badPort = assertThrows(IllegalArgumentException.class,
        () -> parse("memcached://admin:Sup3rSecret@h:notaport"));
    IllegalArgumentException badQuery = assertThrows(IllegalArgumentException.class,
        () -> parse("memcached://h:x?password=Sup3rSecret"));

    assertFalse(badPort.getMessage().contains("Sup3rSecret"), badPort.getMessage());
    assertTrue(badPort.getMessage().contains("notaport"), badPort.getMessage());
    assertFalse(badQuery.getMessage().contains("Sup3rSecret"), badQuery.getMessage());
  }

  @Test
  void malformedInput_isRefusedWithTheAcceptedForm() {
    assertThrows(IllegalArgumentException.class, () -> parse("redis://h:1"));
    assertThrows(IllegalArgumentException.class, () -> parse("memcached:///nohost"));
    assertThrows(IllegalArgumentException.class, () -> parse("memcached://h:0"));
    assertThrows(IllegalArgumentException.class, () -> parse("memcached://h:1?maxItemSize=big"));
    assertThrows(IllegalArgumentException.class, () -> parse("memcached://h:1?timeout=0"));
    assertThrows(IllegalArgumentException.class, () -> parse("memcached://h:1?password=x"));
    assertThrows(IllegalArgumentException.class, () -> parse("memcached://u@h:1"));
  }
}
