package io.polycache.provider.serialization;

import io.polycache.async.serialization.SerializationException;
import io.polycache.async.serialization.SerializerContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.OutputStream;

/**
 * Java serialization behind a {@link ClassAllowlist}, shared by the java value serializer and the
 * tagged key format. Classes are checked by name before they are loaded (so a refused class is
 * never loaded, let alone constructed), again by an {@link ObjectInputFilter} that also bounds
 * depth and array sizes, and on write, so a value that could not be read back is never stored.
 */
final class JavaSerialization {

  private final String cacheName;
  private final String role;
  private final ClassLoader classLoader;
  private final ClassAllowlist allowlist;
  private final long maxDepth;
  private final long maxArrayLength;

  JavaSerialization(SerializerContext<?> context, long maxDepth, long maxArrayLength) {
    this.cacheName = context.cacheName();
    this.role = context.role();
    this.classLoader = context.classLoader();
    this.allowlist = ClassAllowlist.of(context);
    this.maxDepth = maxDepth;
    this.maxArrayLength = maxArrayLength;
  }

  byte[] write(Object object) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    String refused;
    boolean proxy;
    try (GuardedOutput out = new GuardedOutput(bytes)) {
      out.writeObject(object);
      refused = out.refused;
      proxy = out.proxy;
    } catch (NotSerializableException e) {
      throw new SerializationException("Cache " + cacheName + ": cannot write the " + role
          + " of class " + object.getClass().getName() + " with the java serializer: class "
          + e.getMessage() + " is not Serializable. Make it implement java.io.Serializable"
          + " (or mark that field transient), or configure the json serializer for this cache",
          e);
    } catch (IOException e) {
      throw new SerializationException("Cache " + cacheName + ": cannot write the " + role
          + " of class " + object.getClass().getName() + " with the java serializer: " + e, e);
    }
    if (proxy) {
      throw new SerializationException("Cache " + cacheName + ": refused to serialize a " + role
          + " holding the dynamic proxy " + refused + " (the java serializer never reads proxies)");
    }
    if (refused != null) {
      throw new SerializationException("Cache " + cacheName + ": refused to serialize " + role
          + " class " + refused + " (not in the allowlist, so it could not be read back). "
          + ClassAllowlist.howToAllow(refused));
    }
    return bytes.toByteArray();
  }

  Object read(byte[] bytes, int offset, int length) {
    GuardedInput in = null;
    try {
      in = new GuardedInput(new ByteArrayInputStream(bytes, offset, length));
      Object object = in.readObject();
      if (object == null) {
        throw new SerializationException("Cache " + cacheName + ": the stored " + role
            + " holds a Java-serialized null, which Polycache never writes; remove the entry");
      }
      return object;
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      if (e instanceof SerializationException) {
        throw (SerializationException) e;
      }
      String refusal = in == null ? null : in.refusal;
      if (refusal != null) {
        throw new SerializationException("Cache " + cacheName + ": " + refusal, e);
      }
      if (e instanceof ClassNotFoundException) {
        throw new SerializationException("Cache " + cacheName + ": cannot read a stored " + role
            + ": class " + e.getMessage() + " is allowed but the cache manager's class loader"
            + " does not find it", e);
      }
      throw new SerializationException("Cache " + cacheName + ": cannot read a stored " + role
          + " with the java serializer (the bytes are not a Java-serialized object this"
          + " version can read): " + e, e);
    } finally {
      if (in != null) {
        try {
          in.close();
        } catch (IOException ignored) {
          // a byte-array stream does not fail on close
        }
      }
    }
  }

  private String refusedMessage(String className) {
    return "refused to deserialize " + role + " class " + className
        + " (not in the allowlist). " + ClassAllowlist.howToAllow(className);
  }

  private static final class RefusedClassException extends InvalidClassException {
    private static final long serialVersionUID = 1L;

    RefusedClassException(String className) {
      super(className, "not in the allowlist");
    }
  }

  /**
   * Notes the first class the reading side would refuse. It does not throw there: a failed
   * write makes ObjectOutputStream serialize its own exception into the stream, and throwing
   * for that exception's class would hide the real failure.
   */
  private final class GuardedOutput extends ObjectOutputStream {

    private String refused;
    private boolean proxy;

    GuardedOutput(OutputStream out) throws IOException {
      super(out);
    }

    @Override
    protected void annotateClass(Class<?> type) {
      if (refused == null && !allowlist.allows(type.getName())) {
        refused = type.getName();
      }
    }

    @Override
    protected void annotateProxyClass(Class<?> type) {
      if (refused == null) {
        refused = type.getName();
        proxy = true;
      }
    }
  }

  /** Resolves through the cache's class loader, checking every name before it is loaded. */
  private final class GuardedInput extends ObjectInputStream {

    private String refusal;

    GuardedInput(InputStream in) throws IOException {
      super(in);
      try {
        setObjectInputFilter(this::check);
      } catch (IllegalStateException e) {
        // A JVM-wide filter factory already fixed this stream's filter. The allowlist still
        // holds, as resolveClass checks every name; only the depth and array limits are then
        // the factory's.
      }
    }

    private ObjectInputFilter.Status check(ObjectInputFilter.FilterInfo info) {
      ObjectInputFilter jvmWide = ObjectInputFilter.Config.getSerialFilter();
      if (jvmWide != null && jvmWide.checkInput(info) == ObjectInputFilter.Status.REJECTED) {
        refusal = "refused to deserialize a " + role + " by the JVM-wide filter (jdk.serialFilter)"
            + (info.serialClass() == null ? "" : " at class " + info.serialClass().getName());
        return ObjectInputFilter.Status.REJECTED;
      }
      if (info.depth() > maxDepth) {
        refusal = "refused to deserialize a " + role + " nested deeper than " + maxDepth
            + " objects";
        return ObjectInputFilter.Status.REJECTED;
      }
      if (info.arrayLength() > maxArrayLength) {
        refusal = "refused to deserialize a " + role + " holding an array of "
            + info.arrayLength() + " elements (the limit is " + maxArrayLength + ")";
        return ObjectInputFilter.Status.REJECTED;
      }
      Class<?> type = info.serialClass();
      if (type == null) {
        return ObjectInputFilter.Status.UNDECIDED;
      }
      if (!allowlist.allows(type.getName())) {
        refusal = refusedMessage(type.getName());
        return ObjectInputFilter.Status.REJECTED;
      }
      return ObjectInputFilter.Status.ALLOWED;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc)
        throws IOException, ClassNotFoundException {
      String name = desc.getName();
      if (!allowlist.allows(name)) {
        refusal = refusedMessage(name);
        throw new RefusedClassException(name);
      }
      return Class.forName(name, false, classLoader);
    }

    @Override
    protected Class<?> resolveProxyClass(String[] interfaces) throws IOException {
      String names = String.join(", ", interfaces);
      refusal = "refused to deserialize a " + role + " that is a dynamic proxy of " + names
          + " (proxies are never allowed)";
      throw new RefusedClassException("proxy of " + names);
    }
  }
}
