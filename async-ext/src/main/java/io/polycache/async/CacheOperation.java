package io.polycache.async;

/**
 * The cache operations a {@link CachePlugin} sees: one constant per data operation of
 * {@link javax.cache.Cache} and {@link AsyncCache}. Overloads that differ in meaning get their own
 * constant ({@code remove(key)} is {@link #REMOVE}, {@code remove(key, oldValue)} is
 * {@link #REMOVE_IF_EQUAL}); overloads that only add a time-to-live share one ({@code put(k, v)}
 * and {@code put(k, v, ttl)} are both {@link #PUT}).
 */
public enum CacheOperation {
  GET("get", Scope.KEY),
  GET_ALL("getAll", Scope.KEYS),
  CONTAINS_KEY("containsKey", Scope.KEY),
  LOAD_ALL("loadAll", Scope.KEYS),
  PUT("put", Scope.KEY),
  GET_AND_PUT("getAndPut", Scope.KEY),
  PUT_ALL("putAll", Scope.KEYS),
  PUT_IF_ABSENT("putIfAbsent", Scope.KEY),
  /** {@link AsyncCache#add}: write if absent, fail with {@link KeyExistsException} otherwise. */
  ADD("add", Scope.KEY),
  /** {@code remove(key)}. */
  REMOVE("remove", Scope.KEY),
  /** {@code remove(key, oldValue)}: remove only while the entry holds {@code oldValue}. */
  REMOVE_IF_EQUAL("remove", Scope.KEY),
  GET_AND_REMOVE("getAndRemove", Scope.KEY),
  /** {@code replace(key, value)}. */
  REPLACE("replace", Scope.KEY),
  /** {@code replace(key, oldValue, newValue)}. */
  REPLACE_IF_EQUAL("replace", Scope.KEY),
  GET_AND_REPLACE("getAndReplace", Scope.KEY),
  /** {@code removeAll(keys)}. */
  REMOVE_ALL("removeAll", Scope.KEYS),
  /** {@code removeAll()}: every entry, with writer and events. */
  REMOVE_ALL_ENTRIES("removeAll", Scope.CACHE),
  REMOVE_BY_PREFIX("removeByPrefix", Scope.CACHE),
  CLEAR("clear", Scope.CACHE),
  INVOKE("invoke", Scope.KEY),
  INVOKE_ALL("invokeAll", Scope.KEYS),
  INCREMENT("increment", Scope.KEY),
  EXPIRE("expire", Scope.KEY);

  /** What an operation's {@link CacheCall#keys()} hold. */
  public enum Scope {
    /** Exactly one key. */
    KEY,
    /** The keys given (possibly none). */
    KEYS,
    /** No key: the operation works on the whole cache. */
    CACHE
  }

  private final String methodName;
  private final Scope scope;

  CacheOperation(String methodName, Scope scope) {
    this.methodName = methodName;
    this.scope = scope;
  }

  /** Whether the operation names one key, several, or none. */
  public Scope scope() {
    return scope;
  }

  /** The name of the Java method that performs it ({@code "get"}, {@code "getAll"}, ...). */
  public String methodName() {
    return methodName;
  }
}
