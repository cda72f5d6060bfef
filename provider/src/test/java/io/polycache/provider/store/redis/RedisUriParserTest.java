package io.polycache.provider.store.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import io.polycache.provider.store.redis.RedisSettings.Endpoint;
import io.polycache.provider.store.redis.RedisSettings.Mode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The URI forms and options of the Redis backend; no server needed. */
class RedisUriParserTest {

  private static RedisSettings parse(String uri) {
    return RedisUriParser.parse(URI.create(uri), null);
  }

  private static RedisSettings parse(String uri, String... properties) {
    Properties p = new Properties();
    for (int i = 0; i < properties.length; i += 2) {
      p.setProperty(properties[i], properties[i + 1]);
    }
    return RedisUriParser.parse(URI.create(uri), p);
  }

  private static RedisCredentials credentials(RedisURI uri) {
    return uri.getCredentialsProvider().resolveCredentials().block(Duration.ofSeconds(1));
  }

  private static String password(RedisURI uri) {
    return new String(credentials(uri).getPassword());
  }

  @Test
  void standalone_defaults() {
    RedisSettings s = parse("redis://cache.example.com");

    assertEquals(Mode.STANDALONE, s.mode());
    assertEquals(List.of(new Endpoint("cache.example.com", 6379)), s.target().endpoints());
    assertEquals(0, s.target().database());
    assertFalse(s.target().tls());
    assertNull(s.credentials().password());
    assertEquals(RedisBackend.DEFAULT_TIMEOUT, s.timeout());
    assertEquals(RedisBackend.DEFAULT_CONNECT_TIMEOUT, s.connectTimeout());
    assertEquals("redis://cache.example.com:6379/0", s.describe());
  }

  @Test
  void standalone_everything() {
    RedisSettings s = parse("redis://alice:p%40ss@10.0.0.5:7000/3?timeout=750ms"
        + "&connectTimeout=3s&clientName=orders&namespace=ignored-here");

    assertEquals(List.of(new Endpoint("10.0.0.5", 7000)), s.target().endpoints());
    assertEquals("alice", s.credentials().username());
    assertEquals("p@ss", s.credentials().password());
    assertEquals(3, s.target().database());
    assertEquals(Duration.ofMillis(750), s.timeout());
    assertEquals(Duration.ofSeconds(3), s.connectTimeout());
    assertEquals("orders", s.clientName());
    RedisURI lettuce = s.redisUri();
    assertEquals("alice", credentials(lettuce).getUsername());
    assertEquals("p@ss", password(lettuce));
    assertEquals(3, lettuce.getDatabase());
    assertEquals("orders", lettuce.getClientName());
    assertEquals(Duration.ofMillis(750), lettuce.getTimeout());
  }

  @Test
  void passwordWithoutUser_bothForms() {
    assertEquals("s3cret", parse("redis://:s3cret@host").credentials().password());
    assertNull(parse("redis://:s3cret@host").credentials().username());
    assertEquals("s3cret", parse("redis://s3cret@host").credentials().password());
  }

  @Test
  void rediss_isTls_verifyingThePeerUnlessToldOtherwise() {
    RedisSettings strict = parse("rediss://host:6380");
    RedisSettings lax = parse("rediss://host:6380?verifyPeer=none");

    assertTrue(strict.target().tls());
    assertEquals(SslVerifyMode.FULL, strict.target().verifyPeer());
    assertTrue(strict.redisUri().isSsl());
    assertEquals(SslVerifyMode.NONE, lax.redisUri().getVerifyMode());
    assertEquals("rediss://host:6380/0", strict.describe());
  }

  @Test
  void sentinel_hostsMasterIdAndDatabase() {
    RedisSettings s = parse(
        "redis-sentinel://:pw@s1,s2:26380,s3:26381/2?sentinelMasterId=mymaster"
            + "&sentinelPassword=spw");

    assertEquals(Mode.SENTINEL, s.mode());
    assertEquals(List.of(new Endpoint("s1", 26379), new Endpoint("s2", 26380),
        new Endpoint("s3", 26381)), s.target().endpoints());
    assertEquals("mymaster", s.target().sentinelMasterId());
    RedisURI lettuce = s.redisUri();
    assertEquals("mymaster", lettuce.getSentinelMasterId());
    assertEquals(3, lettuce.getSentinels().size());
    assertEquals(2, lettuce.getDatabase());
    assertEquals("pw", password(lettuce));
    assertEquals("spw", password(lettuce.getSentinels().get(0)));
    assertEquals("redis-sentinel://:****@s1:26379,s2:26380,s3:26381/2#mymaster",
        s.describe());
  }

  @Test
  void ipv6Literal_inASingleHostUri() {
    RedisSettings s = parse("redis://[::1]:6380/1");

    assertEquals(List.of(new Endpoint("::1", 6380)), s.target().endpoints());
    assertEquals("redis://[::1]:6380/1", s.describe());
  }

  @Test
  void sentinel_masterIdAsFragment_orFromProperties() {
    assertEquals("m1", parse("redis-sentinel://s1#m1").target().sentinelMasterId());
    assertEquals("m2", parse("redis-sentinel://s1", "polycache.redis.sentinelMasterId", "m2")
        .target().sentinelMasterId());
  }

  @Test
  void sentinel_withoutMasterId_isRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> parse("redis-sentinel://s1:26379"));

    assertTrue(e.getMessage().contains("sentinelMasterId"), e.getMessage());
  }

  @Test
  void cluster_seeds() {
    RedisSettings s = parse("redis-cluster://:pw@n1:7000,n2:7001,n3");

    assertEquals(Mode.CLUSTER, s.mode());
    assertEquals(List.of(new Endpoint("n1", 7000), new Endpoint("n2", 7001),
        new Endpoint("n3", 6379)), s.target().endpoints());
    assertEquals(3, s.clusterSeeds().size());
    assertEquals("pw", password(s.clusterSeeds().get(2)));
    assertEquals("redis-cluster://:****@n1:7000,n2:7001,n3:6379", s.describe());
    assertTrue(parse("rediss-cluster://n1").target().tls());
  }

  @Test
  void cluster_withADatabaseOtherThanZero_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> parse("redis-cluster://n1,n2/1"));
  }

  @Test
  void malformedUris_areRefused_withoutShowingThePassword() {
    for (String uri : List.of("redis://:s3cret@host:notaport", "redis://:s3cret@host:99999",
        "redis://:s3cret@host/db", "redis://:s3cret@h1,h2", "memcached://:s3cret@host",
        "redis://:s3cret@host?timeout=soon", "redis://:s3cret@host?timeout=0",
        "redis://:s3cret@host?verifyPeer=maybe")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> parse(uri), uri);
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
      assertTrue(e.getMessage().contains("Redis URI"), e.getMessage());
    }
  }

  @Test
  void options_uriWinsOverProperties_propertiesFillTheGaps() {
    RedisSettings s = parse("redis://host?timeout=100ms",
        "polycache.redis.timeout", "9s",
        "polycache.redis.connectTimeout", "4s",
        "polycache.redis.password", "from-properties",
        "polycache.redis.username", "bob",
        "polycache.redis.database", "5");

    assertEquals(Duration.ofMillis(100), s.timeout());
    assertEquals(Duration.ofSeconds(4), s.connectTimeout());
    assertEquals("from-properties", s.credentials().password());
    assertEquals("bob", s.credentials().username());
    assertEquals(5, s.target().database());
    assertEquals("in-uri", parse("redis://:in-uri@host/0", "polycache.redis.password", "x",
        "polycache.redis.database", "5").credentials().password());
    assertEquals(0, parse("redis://host/0", "polycache.redis.database", "5").target().database());
  }

  @Test
  void durations_acceptCommonForms() {
    assertEquals(Duration.ofMillis(1500), RedisUriParser.duration("t", "1500", null));
    assertEquals(Duration.ofMillis(250), RedisUriParser.duration("t", "250ms", null));
    assertEquals(Duration.ofSeconds(2), RedisUriParser.duration("t", "2s", null));
    assertEquals(Duration.ofMinutes(1), RedisUriParser.duration("t", "1m", null));
    assertEquals(Duration.ofSeconds(90), RedisUriParser.duration("t", "PT1M30S", null));
    assertThrows(IllegalArgumentException.class, () -> RedisUriParser.duration("t", "-1s", null));
  }

  @Test
  void backend_describesItselfWithoutPassword_andStoresBytesByValue() {
    try (RedisBackend backend = RedisBackend.create(
        URI.create("redis-sentinel://user:s3cret@s1:26379?sentinelMasterId=m&timeout=1s"
            + "&sentinelPassword=t0psecret"), null)) {
      assertFalse(backend.toString().contains("s3cret"), backend.toString());
      assertFalse(backend.toString().contains("t0psecret"), backend.toString());
      assertEquals("RedisBackend[redis-sentinel://user:****@s1:26379/0#m (timeout 1000 ms,"
          + " connectTimeout 2000 ms)]", backend.toString());
      assertTrue(backend.storesBytes());
      assertFalse(backend.supportsStoreByReference());
    }
  }

  @Test
  void credentials_neverPrinted() {
    RedisSettings s = parse("redis://u:s3cret@host?sentinelPassword=x");

    assertFalse(s.credentials().toString().contains("s3cret"));
    assertFalse(s.toString().contains("s3cret"));
    assertEquals("a **** b", s.credentials().redact("a s3cret b"));
  }
}
