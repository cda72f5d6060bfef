package io.polycache.provider.internal;

import io.polycache.provider.configuration.ConfigurationException;
import io.polycache.provider.configuration.FileConfiguration;
import io.polycache.provider.configuration.ManagerOptions;
import io.polycache.provider.configuration.PolycacheConfiguration;
import io.polycache.provider.store.Backend;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * What a CacheManager URI resolves to: the backend, the shared options, and the caches a
 * configuration file declares (created as soon as the manager opens).
 *
 * <p>A backend URI ({@code memory:}, {@code redis://}, ...) is used as it is; a configuration file
 * URI ({@code classpath:}, {@code file:}, {@code jar:} naming {@code .yaml}, {@code .yml} or
 * {@code .json}) is read; any other URI borrows the default URI's backend and options.
 */
public record ManagerSetup(Backend backend, ManagerOptions options,
    Map<String, PolycacheConfiguration<?, ?>> declaredCaches) {

  /**
   * Resolves {@code uri}.
   *
   * @throws io.polycache.provider.configuration.ConfigurationException for a bad file
   * @throws IllegalArgumentException for a bad URI or option
   */
  public static ManagerSetup resolve(URI uri, URI defaultUri, Properties properties,
      ClassLoader classLoader) {
    if (FileConfiguration.isFileUri(uri)) {
      FileConfiguration file = FileConfiguration.load(uri, classLoader);
      Properties merged = new Properties();
      merged.putAll(file.options());
      merged.putAll(properties);
      try {
        return new ManagerSetup(Backends.open(file.backend(), merged),
            ManagerOptions.of(file.backend(), merged), file.caches());
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(uri.toString(), "backend", e.getMessage());
      }
    }
    if (!Backends.namesBackend(uri)) {
      if (uri.equals(defaultUri)) {
        throw new IllegalArgumentException("The default Polycache URI " + Uris.redact(uri)
            + " names no backend: use memory:, redis://, rediss://, redis-sentinel://,"
            + " redis-cluster://, memcached:// or a classpath:/file: configuration file");
      }
      ManagerSetup borrowed = resolve(defaultUri, defaultUri, properties, classLoader);
      return new ManagerSetup(borrowed.backend(), borrowed.options(), Map.of());
    }
    return new ManagerSetup(Backends.open(uri, properties), ManagerOptions.of(uri, properties),
        Map.of());
  }
}
