package io.polycache.provider.store;

/** What an unconditional write did, so the core needs no second round trip to tell. */
public enum WriteStatus {
  /** There was no entry; one was created. */
  CREATED,
  /** An entry was there; it was replaced. */
  UPDATED
}
