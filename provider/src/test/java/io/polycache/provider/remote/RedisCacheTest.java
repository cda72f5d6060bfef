package io.polycache.provider.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.testsupport.RealServers;
import io.polycache.testsupport.RedisServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
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
