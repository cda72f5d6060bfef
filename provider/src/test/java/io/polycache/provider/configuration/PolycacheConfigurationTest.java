package io.polycache.provider.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycache.provider.testing.MutableClock;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javax.cache.Cache;
import javax.cache.configuration.CacheEntryListenerConfiguration;
import javax.cache.configuration.Configuration;
import javax.cache.configuration.Factory;
import javax.cache.configuration.FactoryBuilder;
import javax.cache.configuration.MutableCacheEntryListenerConfiguration;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.event.CacheEntryCreatedListener;
import javax.cache.event.CacheEntryEvent;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.integration.CacheLoader;
import javax.cache.integration.CacheWriter;
import org.junit.jupiter.api.Test;

/**
 * Copies of a {@link PolycacheConfiguration} keep every field. The reflective checks fail when a
 * field is added to the class (or to {@link MutableConfiguration}) but not copied, or not set
 * to a non-default value by {@link #everyOptionSet()}.
 */
class PolycacheConfigurationTest {

  private final MutableClock clock = MutableClock.at(Instant.parse("2030-01-01T00:00:00Z"));
  private final Factory<Executor> executorFactory = new DirectExecutorFactory();
  private final Factory<io.polycache.async.TimingPlugin> pluginFactory =
      javax.cache.configuration.FactoryBuilder.factoryOf(io.polycache.async.TimingPlugin.class);
  private final Factory<NullLoader> loaderFactory =
      FactoryBuilder.factoryOf(new NullLoader());
  private final Factory<IgnoringWriter> writerFactory =
      FactoryBuilder.factoryOf(new IgnoringWriter());
  private final CacheEntryListenerConfiguration<String, Integer> listener =
      new MutableCacheEntryListenerConfiguration<>(FactoryBuilder.factoryOf(new NoOpListener()),
          null, true, true);

  /** A configuration with every option, standard and Polycache's, set to a non-default. */
  private PolycacheConfiguration<String, Integer> everyOptionSet() {
    PolycacheConfiguration<String, Integer> configuration = new PolycacheConfiguration<>();
    configuration.setTypes(String.class, Integer.class);
    configuration.addCacheEntryListenerConfiguration(listener);
    configuration.setCacheLoaderFactory(loaderFactory);
    configuration.setCacheWriterFactory(writerFactory);
    configuration.setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(
        javax.cache.expiry.Duration.ONE_MINUTE));
    configuration.setReadThrough(true);
    configuration.setWriteThrough(true);
    configuration.setStatisticsEnabled(true);
    configuration.setManagementEnabled(true);
    configuration.setStoreByValue(false);
    configuration.setMaximumEntries(1_234);
    configuration.setMaximumBytes(56_789);
    configuration.setOperationTimeout(Duration.ofMillis(1_500));
    configuration.setNamespace("ns");
    configuration.setSerializer("json");
    configuration.setAllowedClasses(List.of("com.example.**"));
    configuration.setExecutorFactory(executorFactory);
    configuration.setClockFactory(clock.factory());
    configuration.setPlugins(List.of(pluginFactory));
    return configuration;
  }

  /** Every instance field of the class and its superclasses up to {@code Object}. */
  private static List<Field> instanceFields() {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = PolycacheConfiguration.class; c != Object.class; c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers())) {
          field.setAccessible(true);
          fields.add(field);
        }
      }
    }
    return fields;
  }

  @Test
  void everyOptionSet_setsEveryFieldToANonDefault() throws IllegalAccessException {
    PolycacheConfiguration<String, Integer> defaults = new PolycacheConfiguration<>();
    PolycacheConfiguration<String, Integer> original = everyOptionSet();

    List<Field> fields = instanceFields();

    List<String> names = fields.stream().map(Field::getName).toList();
    assertTrue(names.contains("keyType") && names.contains("maximumEntries"), "fields: " + names);
    for (Field field : fields) {
      assertNotEquals(field.get(defaults), field.get(original), field.getDeclaringClass()
          .getSimpleName() + "." + field.getName() + " has its default value: set it in"
          + " everyOptionSet() so the copy tests cover it");
    }
  }

  @Test
  void copyConstructor_keepsEveryField() throws IllegalAccessException {
    PolycacheConfiguration<String, Integer> original = everyOptionSet();

    PolycacheConfiguration<String, Integer> copy = new PolycacheConfiguration<>(original);

    assertEveryFieldEqual(original, copy);
    assertEquals(original, copy);
    assertEquals(original.hashCode(), copy.hashCode());
    assertGettersOfEveryOptionSet(copy);
  }

  @Test
  void copyOf_keepsEveryField() throws IllegalAccessException {
    PolycacheConfiguration<String, Integer> original = everyOptionSet();

    PolycacheConfiguration<String, Integer> copy = PolycacheConfiguration.copyOf(original);

    assertEveryFieldEqual(original, copy);
    assertEquals(original, copy);
    assertGettersOfEveryOptionSet(copy);
  }

  private static void assertEveryFieldEqual(PolycacheConfiguration<?, ?> original,
      PolycacheConfiguration<?, ?> copy) throws IllegalAccessException {
    for (Field field : instanceFields()) {
      assertEquals(field.get(original), field.get(copy), field.getDeclaringClass()
          .getSimpleName() + "." + field.getName() + " was not copied");
    }
  }

  private void assertGettersOfEveryOptionSet(PolycacheConfiguration<String, Integer> copy) {
    assertEquals(String.class, copy.getKeyType());
    assertEquals(Integer.class, copy.getValueType());
    List<CacheEntryListenerConfiguration<String, Integer>> listeners = new ArrayList<>();
    copy.getCacheEntryListenerConfigurations().forEach(listeners::add);
    assertEquals(List.of(listener), listeners);
    assertSame(loaderFactory, copy.getCacheLoaderFactory());
    assertSame(writerFactory, copy.getCacheWriterFactory());
    assertEquals(CreatedExpiryPolicy.factoryOf(javax.cache.expiry.Duration.ONE_MINUTE),
        copy.getExpiryPolicyFactory());
    assertTrue(copy.isReadThrough());
    assertTrue(copy.isWriteThrough());
    assertTrue(copy.isStatisticsEnabled());
    assertTrue(copy.isManagementEnabled());
    assertFalse(copy.isStoreByValue());
    assertEquals(1_234, copy.getMaximumEntries());
    assertEquals(56_789, copy.getMaximumBytes());
    assertEquals(Duration.ofMillis(1_500), copy.getOperationTimeout());
    assertEquals("ns", copy.getNamespace());
    assertEquals("json", copy.getSerializer());
    assertEquals(List.of("com.example.**"), copy.getAllowedClasses());
    assertSame(executorFactory, copy.getExecutorFactory());
    assertSame(clock, copy.getClockFactory().create());
    assertEquals(List.of(pluginFactory), copy.getPlugins());
  }

  @Test
  void copy_isIndependentOfTheOriginal() {
    PolycacheConfiguration<String, Integer> original = everyOptionSet();
    PolycacheConfiguration<String, Integer> copy = new PolycacheConfiguration<>(original);

    copy.setMaximumEntries(1);
    copy.removeCacheEntryListenerConfiguration(listener);
    copy.setStatisticsEnabled(false);

    assertEquals(1_234, original.getMaximumEntries());
    assertTrue(original.getCacheEntryListenerConfigurations().iterator().hasNext());
    assertTrue(original.isStatisticsEnabled());
    assertNotEquals(original, copy);
  }

  @Test
  void copyOf_standardConfiguration_keepsStandardFieldsAndGetsPolycacheDefaults() {
    MutableConfiguration<String, Integer> standard = new MutableConfiguration<>();
    standard.setTypes(String.class, Integer.class);
    standard.setStoreByValue(false);
    standard.setStatisticsEnabled(true);
    standard.addCacheEntryListenerConfiguration(listener);

    PolycacheConfiguration<String, Integer> copy = PolycacheConfiguration.copyOf(standard);

    assertEquals(String.class, copy.getKeyType());
    assertFalse(copy.isStoreByValue());
    assertTrue(copy.isStatisticsEnabled());
    assertTrue(copy.getCacheEntryListenerConfigurations().iterator().hasNext());
    PolycacheConfiguration<String, Integer> defaults = new PolycacheConfiguration<>();
    assertEquals(defaults.getMaximumEntries(), copy.getMaximumEntries());
    assertEquals(defaults.getOperationTimeout(), copy.getOperationTimeout());
    assertEquals(defaults.getExecutorFactory(), copy.getExecutorFactory());
    assertEquals(defaults.getClockFactory(), copy.getClockFactory());
  }

  @Test
  void copyOf_basicConfiguration_keepsTypesAndStoreByValue() {
    Configuration<String, Integer> basic = new Configuration<>() {
      private static final long serialVersionUID = 1L;

      @Override
      public Class<String> getKeyType() {
        return String.class;
      }

      @Override
      public Class<Integer> getValueType() {
        return Integer.class;
      }

      @Override
      public boolean isStoreByValue() {
        return false;
      }
    };

    PolycacheConfiguration<String, Integer> copy = PolycacheConfiguration.copyOf(basic);

    assertEquals(String.class, copy.getKeyType());
    assertEquals(Integer.class, copy.getValueType());
    assertFalse(copy.isStoreByValue());
  }

  static final class DirectExecutorFactory implements Factory<Executor> {
    private static final long serialVersionUID = 1L;

    @Override
    public Executor create() {
      return Runnable::run;
    }
  }

  static final class NullLoader implements CacheLoader<String, Integer>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public Integer load(String key) {
      return null;
    }

    @Override
    public Map<String, Integer> loadAll(Iterable<? extends String> keys) {
      return Map.of();
    }
  }

  static final class IgnoringWriter implements CacheWriter<Object, Object>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public void write(Cache.Entry<?, ?> entry) {}

    @Override
    public void writeAll(Collection<Cache.Entry<?, ?>> entries) {}

    @Override
    public void delete(Object key) {}

    @Override
    public void deleteAll(Collection<?> keys) {}
  }

  static final class NoOpListener implements CacheEntryCreatedListener<String, Integer>,
      Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public void onCreated(Iterable<CacheEntryEvent<? extends String, ? extends Integer>> events) {}
  }
}
