package io.polycache.provider.store.memcached;

/** What the failure of a spymemcached operation names; asked only once it failed. */
interface SpySubject {

  /** The server ({@code host:port} as configured) the operation went to. */
  String server();

  /** What was asked, as {@code get of key "k"}. */
  String what();
}
