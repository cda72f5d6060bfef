package io.polycache.provider.configuration;

import javax.cache.CacheException;

/**
 * A configuration file or URI option is wrong. The message names the file (or URI), the place
 * and the problem; the CacheManager does not open.
 */
public class ConfigurationException extends CacheException {

  private static final long serialVersionUID = 1L;

  public ConfigurationException(String source, String place, String problem) {
    super(source + (place.isEmpty() ? "" : ", at " + place) + ": " + problem);
  }
}
