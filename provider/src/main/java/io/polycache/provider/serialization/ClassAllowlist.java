package io.polycache.provider.serialization;

import io.polycache.async.serialization.SerializerContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The classes the java format may read and write for one role of one cache, matched by name so
 * that a refused class is never loaded. Built once per serializer from the JDK value types, the
 * configured type, the cache's patterns and the JVM-wide system property; immutable afterwards.
 */
final class ClassAllowlist {

  /** The JVM-wide list of extra patterns, separated by {@code ,} or {@code ;}. */
  static final String PROPERTY = "polycache.serialization.allow";

  private static final Set<String> JDK_CLASSES = Set.of(
      "java.lang.Object", "java.lang.Boolean", "java.lang.Byte", "java.lang.Character",
      "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
      "java.lang.Double", "java.lang.Number", "java.lang.String", "java.lang.Enum",
      "java.lang.String$CaseInsensitiveComparator",
      "java.math.BigInteger", "java.math.BigDecimal", "java.math.RoundingMode",
      "java.math.MathContext",
      "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque", "java.util.HashMap",
      "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.HashSet",
      "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.EnumMap",
      "java.util.EnumSet$SerializationProxy", "java.util.CollSer", "java.util.Arrays$ArrayList",
      "java.util.AbstractMap$SimpleEntry", "java.util.AbstractMap$SimpleImmutableEntry",
      "java.util.Collections$ReverseComparator", "java.util.Collections$ReverseComparator2",
      // Map$Entry only appears as the array type HashMap and HashSet check their table size
      // against; an interface, never instantiated.
      "java.util.Map$Entry", "java.util.Date", "java.util.UUID", "java.util.Locale",
      "java.util.Currency",
      "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentHashMap$Segment",
      "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.ConcurrentSkipListMap",
      "java.util.concurrent.ConcurrentSkipListSet", "java.util.concurrent.TimeUnit",
      // the key the JSR-107 annotations generate; its parameters are checked like any value
      "io.polycache.provider.annotation.DefaultGeneratedCacheKey");

  /** Nested-class families of {@code java.util} matched by name prefix. */
  private static final List<String> JDK_PREFIXES = List.of(
      "java.util.ImmutableCollections$", "java.util.Collections$Unmodifiable",
      "java.util.Collections$Synchronized", "java.util.Collections$Empty",
      "java.util.Collections$Singleton");

  private static final List<String> JDK_PACKAGE_TREES = List.of("java.time.");

  private final Set<String> classes = new HashSet<>();
  private final Set<String> packages = new HashSet<>();
  private final List<String> packageTrees = new ArrayList<>();

  private ClassAllowlist() {}

  /**
   * The allowlist of {@code context}: the JDK value types, the configured type (unless
   * {@code Object}), {@code context.allowedClasses()} and the patterns of the system property
   * {@value #PROPERTY} as it is now.
   *
   * @throws IllegalArgumentException when a pattern is malformed; the message names the cache
   *     and where the pattern came from
   */
  static ClassAllowlist of(SerializerContext<?> context) {
    ClassAllowlist list = new ClassAllowlist();
    Class<?> type = context.type();
    while (type.isArray()) {
      type = type.getComponentType();
    }
    if (type != Object.class && !type.isPrimitive()) {
      list.classes.add(type.getName());
    }
    for (String pattern : context.allowedClasses()) {
      list.add(pattern, context.cacheName(), "allowedClasses");
    }
    String property = System.getProperty(PROPERTY, "");
    for (String pattern : property.split("[,;]")) {
      if (!pattern.isBlank()) {
        list.add(pattern.strip(), context.cacheName(), "system property " + PROPERTY);
      }
    }
    return list;
  }

  private void add(String pattern, String cacheName, String source) {
    String problem = problemOf(pattern);
    if (problem != null) {
      throw new IllegalArgumentException("Cache " + cacheName + ": " + source
          + " holds the class pattern \"" + pattern + "\", which " + problem
          + "; use com.example.Order (one class), com.example.* (a package) or com.example.**"
          + " (a package and its sub-packages)");
    }
    if (pattern.endsWith(".**")) {
      packageTrees.add(pattern.substring(0, pattern.length() - 2));
    } else if (pattern.endsWith(".*")) {
      packages.add(pattern.substring(0, pattern.length() - 2));
    } else {
      classes.add(pattern);
    }
  }

  private static String problemOf(String pattern) {
    if (pattern == null || pattern.isEmpty()) {
      return "is empty";
    }
    String name = pattern;
    if (name.endsWith(".**")) {
      name = name.substring(0, name.length() - 3);
    } else if (name.endsWith(".*")) {
      name = name.substring(0, name.length() - 2);
    }
    if (name.isEmpty() || name.equals("*") || name.equals("**")) {
      return "would allow every class";
    }
    for (String part : name.split("\\.", -1)) {
      if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0))) {
        return "is not a class or package name";
      }
      for (int i = 1; i < part.length(); i++) {
        if (!Character.isJavaIdentifierPart(part.charAt(i))) {
          return "is not a class or package name";
        }
      }
    }
    return null;
  }

  /**
   * Whether the class named {@code className} (as {@link Class#getName()} spells it, arrays
   * included) may be read or written. An array is allowed when its element type is; arrays of
   * primitives always are.
   */
  boolean allows(String className) {
    String name = elementName(className);
    if (name == null) {
      return true;
    }
    if (name.isEmpty()) {
      return false;
    }
    if (JDK_CLASSES.contains(name) || classes.contains(name)) {
      return true;
    }
    for (String prefix : JDK_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    for (String tree : JDK_PACKAGE_TREES) {
      if (name.startsWith(tree)) {
        return true;
      }
    }
    int lastDot = name.lastIndexOf('.');
    if (lastDot > 0 && packages.contains(name.substring(0, lastDot))) {
      return true;
    }
    for (String tree : packageTrees) {
      if (name.startsWith(tree)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The element class name of an array class name, the name itself for a class, {@code null}
   * for an array of primitives, and {@code ""} for a name that is neither.
   */
  static String elementName(String className) {
    if (!className.startsWith("[")) {
      return className;
    }
    int dims = 0;
    while (dims < className.length() && className.charAt(dims) == '[') {
      dims++;
    }
    String element = className.substring(dims);
    if (element.length() == 1 && "ZBCSIJFD".contains(element)) {
      return null;
    }
    if (element.length() > 2 && element.charAt(0) == 'L' && element.endsWith(";")) {
      return element.substring(1, element.length() - 1);
    }
    return "";
  }

  /**
   * The sentence telling a user how to allow {@code className}, e.g. {@code Allow it with
   * allowedClasses "com.example.Order" or the package "com.example.*" (...)}.
   */
  static String howToAllow(String className) {
    String name = elementName(className);
    if (name == null || name.isEmpty()) {
      name = className;
    }
    int lastDot = name.lastIndexOf('.');
    String choices = lastDot > 0
        ? "\"" + name + "\" or the package \"" + name.substring(0, lastDot) + ".*\""
        : "\"" + name + "\"";
    return "Allow it with allowedClasses " + choices + " (system property " + PROPERTY
        + ", the manager option allowedClasses, or the cache's allowedClasses option)";
  }
}
