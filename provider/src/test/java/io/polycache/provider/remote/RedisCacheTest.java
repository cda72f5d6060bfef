package io.polycache.provider.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.lang.management.ManagementFactory;
import io.polycache.provider.configuration.PolycacheConfiguration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.management.ObjectName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RealServers
class RedisCacheTest extends RemoteCacheContract {

  private RedisServer redis;

  @BeforeEach
  void server(RedisServer redis) {
    this.redis = redis;
  }

  @Override
  protected URI serverUri() {
    return redis.uri();
  }

  @Override
  protected void writeForeign(String key, String value) {
    redis.command("SET", key, value);
  }

  @Override
  protected void assertForeignStillThere(String key, String value) {
    assertEquals(value, redis.command("GET", key));
  }

  @Override
  protected void stopServer() {
    redis.stop();
  }

  @Override
  protected void startServer() {
    redis.start();
  }

  @Override
  protected String serverAddress() {
    return redis.host() + ":" + redis.port();
  }

  /** An application class stored in a cache of {@code Object} values. */
  record Order(String id, long cents) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** A JSON-friendly value type. */
  public static final class Price {
    public String currency;
    public long cents;
  }

  @Test
  void objectCache_refusesAnApplicationClassUntilAllowed_namingThePatternToAdd() {
    String name = unique("objects");
    Cache<Object, Object> refusing = manager("").createCache(name, new MutableConfiguration<>());
    CacheException e = assertThrows(CacheException.class,
        () -> refusing.put("o1", new Order("o1", 1999)));
    assertTrue(messages(e).contains(Order.class.getName()), messages(e));
    assertTrue(messages(e).contains(name), messages(e));

    Cache<Object, Object> allowing = manager("allowedClasses=" + Order.class.getPackageName()
        + ".*").createCache(name, new MutableConfiguration<>());
    allowing.put("o1", new Order("o1", 1999));
    assertEquals(new Order("o1", 1999), allowing.get("o1"));
  }

  @Test
  void jsonSerializer_roundTripsTypedValues_andRefusesObjectValuesAtCreation() {
    CacheManager manager = manager("");
    Cache<String, Price> prices = manager.createCache(unique("prices"),
        new PolycacheConfiguration<String, Price>().setSerializer("json")
            .setTypes(String.class, Price.class));
    Price price = new Price();
    price.currency = "EUR";
    price.cents = 1999;
    prices.put("book", price);
    assertEquals(1999, prices.get("book").cents);
    byte[] stored = (byte[]) redis.commandBytes("GET".getBytes(StandardCharsets.US_ASCII),
        ("polycache:" + prices.getName() + ":book").getBytes(StandardCharsets.UTF_8));
    String text = new String(stored, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"currency\":\"EUR\""), text);

    String name = unique("untyped");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> manager.createCache(name, new PolycacheConfiguration<Object, Object>()
            .setSerializer("json")));
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertTrue(e.getMessage().contains("json"), e.getMessage());
    assertNull(manager.getCache(name));
  }

  @Test
  void asyncUnwrap_givesTheNativeLettuceConnection_forCommandsTheApiLacks() throws Exception {
    Cache<String, String> cache = manager("").createCache(unique("native"),
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    @SuppressWarnings("unchecked")
    io.polycache.async.AsyncCache<String, String> async =
        cache.unwrap(io.polycache.async.AsyncCache.class);
    @SuppressWarnings("unchecked")
    io.lettuce.core.api.StatefulRedisConnection<byte[], byte[]> connection =
        async.unwrap(io.lettuce.core.api.StatefulRedisConnection.class);
    assertEquals("PONG", connection.sync().ping());
    assertThrows(IllegalArgumentException.class, () -> async.unwrap(StringBuilder.class));
  }

  @Test
  void stringKeys_stayReadableOnTheServer() {
    CacheManager manager = manager("namespace=myapp");
    Cache<String, String> users = manager.createCache(unique("users"),
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    users.put("42", "alice");
    assertEquals(1L, redis.command("EXISTS", "myapp:" + users.getName() + ":42"));
  }

  @Test
  void password_neverAppearsInToStringMessagesOrMBeanNames() throws Exception {
    try (RedisServer secured = RedisServer.startNew()) {
      // set after start: the server's readiness probe speaks without a password
      secured.command("CONFIG", "SET", "requirepass", "s3cret-pw");
      URI uri = URI.create("redis://:s3cret-pw@127.0.0.1:" + secured.port() + "?timeout=500ms");
      CacheManager manager = Caching.getCachingProvider().getCacheManager(uri,
          getClass().getClassLoader());
      try {
        Cache<String, String> cache = manager.createCache("secure",
            new MutableConfiguration<String, String>().setTypes(String.class, String.class)
                .setStatisticsEnabled(true).setManagementEnabled(true));
        cache.put("k", "v");
        assertEquals("v", cache.get("k"));
        assertFalse(manager.toString().contains("s3cret-pw"), manager.toString());
        for (ObjectName name : ManagementFactory.getPlatformMBeanServer()
            .queryNames(new ObjectName("javax.cache:*"), null)) {
          assertFalse(name.toString().contains("s3cret-pw"), name.toString());
        }
        secured.stop();
        CacheException e = assertThrows(CacheException.class, () -> cache.get("k"));
        assertFalse(messages(e).contains("s3cret-pw"), messages(e));
        assertTrue(messages(e).contains("127.0.0.1:" + secured.port()), messages(e));
      } finally {
        manager.close();
      }
    }
  }
}
