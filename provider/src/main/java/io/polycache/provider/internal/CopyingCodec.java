package io.polycache.provider.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import javax.cache.CacheException;

/**
 * Store-by-value for the memory backend: a private copy of each key and value, so a caller that
 * mutates its object afterwards cannot change the cache. Immutable JDK types are kept as they
 * are (the common case costs no copy); anything else is kept as Java-serialized bytes and read
 * back as a fresh object. These bytes never leave the process, so no deserialization filter is
 * needed.
 */
public final class CopyingCodec implements Codec {

  private static final Set<Class<?>> IMMUTABLE = Set.of(String.class, Boolean.class,
      Character.class, Byte.class, Short.class, Integer.class, Long.class, Float.class,
      Double.class, BigInteger.class, BigDecimal.class, UUID.class, Class.class,
      java.time.Instant.class, java.time.Duration.class, java.time.LocalDate.class,
      java.time.LocalTime.class, java.time.LocalDateTime.class, java.time.ZonedDateTime.class,
      java.time.OffsetDateTime.class, java.time.Period.class, java.time.ZoneOffset.class);

  private final String cacheName;
  private final String role;
  private final ClassLoader classLoader;

  /**
   * @param cacheName named in error messages
   * @param role "key" or "value", named in error messages
   * @param classLoader loads the classes of copied objects
   */
  public CopyingCodec(String cacheName, String role, ClassLoader classLoader) {
    this.cacheName = cacheName;
    this.role = role;
    this.classLoader = classLoader;
  }

  /** Whether instances of {@code type} are kept as they are. */
  public static boolean isImmutable(Class<?> type) {
    return IMMUTABLE.contains(type) || type.isEnum();
  }

  @Override
  public Object encode(Object object) {
    if (isImmutable(object.getClass())) {
      return object;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException("Cache " + cacheName + " stores by value, but the "
          + role + " of type " + object.getClass().getName() + " is not Serializable ("
          + e.getMessage() + "); make it Serializable or create the cache with"
          + " setStoreByValue(false)", e);
    } catch (IOException e) {
      throw new CacheException("Cache " + cacheName + ": could not copy the " + role + " of type "
          + object.getClass().getName() + ": " + e, e);
    }
    return new Serialized(bytes.toByteArray());
  }

  @Override
  public Object decode(Object stored) {
    if (!(stored instanceof Serialized)) {
      return stored;
    }
    byte[] bytes = ((Serialized) stored).bytes;
    try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes),
        classLoader)) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException e) {
      throw new CacheException("Cache " + cacheName + ": could not read back a stored " + role
          + ": " + e, e);
    }
  }

  /** Serialized bytes, equal by content so they can serve as map keys. */
  static final class Serialized {
    final byte[] bytes;
    private final int hash;

    Serialized(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Serialized && Arrays.equals(bytes, ((Serialized) o).bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    /** The size in bytes, for weight bounds. */
    int size() {
      return bytes.length;
    }
  }

  /** Resolves classes through the cache manager's class loader. */
  private static final class LoaderObjectInputStream extends ObjectInputStream {
    private final ClassLoader classLoader;

    LoaderObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
      super(in);
      this.classLoader = classLoader;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      try {
        return Class.forName(desc.getName(), false, classLoader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }

  /** An estimate of the bytes one stored key or value takes, for weight bounds. */
  public static long weigh(Object stored) {
    if (stored instanceof Serialized) {
      return 16L + ((Serialized) stored).size();
    }
    if (stored instanceof String) {
      return 40L + ((String) stored).length();
    }
    return 16L;
  }
}
