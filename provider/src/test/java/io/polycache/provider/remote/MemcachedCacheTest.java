package io.polycache.provider.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.testsupport.MemcachedServer;
import io.polycache.testsupport.RealServers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.configuration.MutableConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@RealServers
class MemcachedCacheTest extends RemoteCacheContract {

  private MemcachedServer memcached;

  @BeforeEach
  void server(MemcachedServer memcached) {
    this.memcached = memcached;
  }

  @Override
  protected URI serverUri() {
    return memcached.uri();
  }

  /** Memcached keys cannot hold spaces; the cache's key encoding keeps this key as it is. */
  @Override
  protected void writeForeign(String key, String value) {
    byte[] data = value.getBytes(StandardCharsets.UTF_8);
    memcached.command("set " + key + " 0 0 " + data.length, data);
  }

  @Override
  protected void assertForeignStillThere(String key, String value) {
    List<String> reply = memcached.command("get " + key);
    assertEquals(value, reply.get(1), reply.toString());
  }

  @Override
  protected void stopServer() {
    memcached.stop();
  }

  @Override
  protected void startServer() {
    memcached.start();
  }

  @Override
  protected String serverAddress() {
    return memcached.address();
  }

  @Test
  void asyncUnwrap_givesTheNativeMemcachedClient() {
    Cache<String, String> cache = manager("").createCache(unique("native"),
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    @SuppressWarnings("unchecked")
    io.polycache.async.AsyncCache<String, String> async =
        cache.unwrap(io.polycache.async.AsyncCache.class);
    net.spy.memcached.MemcachedClient client = async.unwrap(net.spy.memcached.MemcachedClient.class);
    assertTrue(client.getVersions().size() == 1, client.getVersions().toString());
  }

  @Test
  void valueOverTheItemSizeLimit_isRefusedClearly_andThePreviousValueStays() {
    Cache<String, String> cache = manager("").createCache(unique("big"),
        new MutableConfiguration<String, String>().setTypes(String.class, String.class));
    cache.put("k", "small");
    String huge = "x".repeat(2 * 1024 * 1024);
    CacheException e = assertThrows(CacheException.class, () -> cache.put("k", huge));
    assertTrue(messages(e).contains("item size limit"), messages(e));
    assertTrue(messages(e).contains(cache.getName()), messages(e));
    assertEquals("small", cache.get("k"));
  }
}
