package io.polycache.provider.store.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.SslVerifyMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Where and how a Redis backend connects, as parsed from its URI and properties by
 * {@link RedisUriParser}. Turns itself into Lettuce {@link RedisURI}s, and describes itself
 * without the password for {@code toString()} and error messages.
 *
 * @param target the servers and the database
 * @param credentials user name and passwords; never printed
 * @param timeout how long a command may take before it fails
 * @param connectTimeout how long opening a connection may take before it fails
 * @param clientName the name given to the connections with {@code CLIENT SETNAME}, or null
 */
record RedisSettings(Target target, Credentials credentials, Duration timeout,
    Duration connectTimeout, String clientName) {

  /** How the servers are deployed. */
  enum Mode {
    /** One server (or a proxy in front of several). */
    STANDALONE,
    /** A master found through Redis Sentinel; failover moves it. */
    SENTINEL,
    /** Redis Cluster: keys spread over the masters by hash slot. */
    CLUSTER
  }

  /** A server address. */
  record Endpoint(String host, int port) {
    @Override
    public String toString() {
      return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
  }

  /**
   * The servers.
   *
   * @param mode the deployment
   * @param endpoints the server (standalone), the sentinels, or the cluster's seed nodes
   * @param tls whether connections use TLS
   * @param verifyPeer how a TLS connection checks the server's certificate
   * @param database the database number (always 0 on a cluster)
   * @param sentinelMasterId the name the sentinels know the master by; null unless SENTINEL
   */
  record Target(Mode mode, List<Endpoint> endpoints, boolean tls, SslVerifyMode verifyPeer,
      int database, String sentinelMasterId) {

    Target {
      Objects.requireNonNull(mode, "mode");
      endpoints = List.copyOf(endpoints);
      Objects.requireNonNull(verifyPeer, "verifyPeer");
      if (endpoints.isEmpty()) {
        throw new IllegalArgumentException("no Redis server given");
      }
      if (mode == Mode.SENTINEL && (sentinelMasterId == null || sentinelMasterId.isEmpty())) {
        throw new IllegalArgumentException("a Sentinel URI needs the master's name:"
            + " sentinelMasterId=<name> (or #<name>)");
      }
    }

    /** The password-free URI form, e.g. {@code redis-sentinel://h1:26379,h2:26379/0#mymaster}. */
    String describe(Credentials credentials) {
      String scheme = switch (mode) {
        case STANDALONE -> "redis";
        case SENTINEL -> "redis-sentinel";
        case CLUSTER -> "redis-cluster";
      };
      StringBuilder text = new StringBuilder(tls ? scheme.replaceFirst("redis", "rediss") : scheme)
          .append("://");
      if (credentials.username() != null || credentials.password() != null) {
        text.append(credentials.username() == null ? "" : credentials.username())
            .append(credentials.password() == null ? "" : ":****").append('@');
      }
      text.append(endpoints.stream().map(Endpoint::toString).collect(Collectors.joining(",")));
      if (mode != Mode.CLUSTER) {
        text.append('/').append(database);
      }
      if (sentinelMasterId != null) {
        text.append('#').append(sentinelMasterId);
      }
      return text.toString();
    }
  }

  /**
   * What the servers ask for; kept out of every {@code toString()}.
   *
   * @param username the ACL user, or null for the default user
   * @param password the password of the data nodes, or null
   * @param sentinelPassword the password of the sentinels, or null
   */
  record Credentials(String username, String password, String sentinelPassword) {

    static final Credentials NONE = new Credentials(null, null, null);

    /** Replaces every password in {@code text} with {@code ****}. */
    String redact(String text) {
      if (text == null) {
        return null;
      }
      String redacted = text;
      for (String secret : new String[] {password, sentinelPassword}) {
        if (secret != null && !secret.isEmpty()) {
          redacted = redacted.replace(secret, "****");
        }
      }
      return redacted;
    }

    @Override
    public String toString() {
      return "Credentials[username=" + username + ", password="
          + (password == null ? "none" : "****") + ", sentinelPassword="
          + (sentinelPassword == null ? "none" : "****") + "]";
    }
  }

  RedisSettings {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(credentials, "credentials");
    requirePositive(timeout, "timeout");
    requirePositive(connectTimeout, "connectTimeout");
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + duration);
    }
  }

  Mode mode() {
    return target.mode();
  }

  /** The password-free URI form of these settings. */
  String describe() {
    return target.describe(credentials);
  }

  /** The servers as they appear in error messages, e.g. {@code Redis at 127.0.0.1:6379}. */
  String servers() {
    String endpoints = target.endpoints().stream().map(Endpoint::toString)
        .collect(Collectors.joining(","));
    return switch (target.mode()) {
      case STANDALONE -> "Redis at " + endpoints;
      case SENTINEL -> "Redis master '" + target.sentinelMasterId() + "' via Sentinel "
          + endpoints;
      case CLUSTER -> "Redis Cluster " + endpoints;
    };
  }

  /** The Lettuce URI of a standalone server, or of a master found through the sentinels. */
  RedisURI redisUri() {
    List<Endpoint> endpoints = target.endpoints();
    if (target.mode() == Mode.SENTINEL) {
      RedisURI.Builder builder = authenticated(RedisURI.builder())
          .withSentinelMasterId(target.sentinelMasterId());
      for (Endpoint sentinel : endpoints) {
        RedisURI.Builder node = RedisURI.Builder.redis(sentinel.host(), sentinel.port())
            .withTimeout(timeout).withSsl(target.tls()).withVerifyPeer(target.verifyPeer());
        if (credentials.sentinelPassword() != null) {
          node.withPassword(credentials.sentinelPassword());
        }
        builder.withSentinel(node.build());
      }
      return common(builder).withDatabase(target.database()).build();
    }
    Endpoint server = endpoints.get(0);
    return common(authenticated(RedisURI.Builder.redis(server.host(), server.port())))
        .withDatabase(target.database()).build();
  }

  /** The Lettuce URIs of a cluster's seed nodes. */
  List<RedisURI> clusterSeeds() {
    List<RedisURI> seeds = new ArrayList<>();
    for (Endpoint seed : target.endpoints()) {
      seeds.add(common(authenticated(RedisURI.Builder.redis(seed.host(), seed.port()))).build());
    }
    return seeds;
  }

  private RedisURI.Builder authenticated(RedisURI.Builder builder) {
    if (credentials.password() != null) {
      if (credentials.username() != null) {
        builder.withAuthentication(credentials.username(), credentials.password());
      } else {
        builder.withPassword(credentials.password());
      }
    }
    return builder;
  }

  private RedisURI.Builder common(RedisURI.Builder builder) {
    builder.withTimeout(timeout).withSsl(target.tls());
    if (target.tls()) {
      builder.withVerifyPeer(target.verifyPeer());
    }
    if (clientName != null) {
      builder.withClientName(clientName);
    }
    return builder;
  }

  @Override
  public String toString() {
    return describe() + " (timeout " + timeout.toMillis() + " ms, connectTimeout "
        + connectTimeout.toMillis() + " ms)";
  }
}
