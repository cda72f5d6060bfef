package io.polycache.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AsyncQuickStartTest {

  @Test
  void asyncQuickStart_showsFuturesTtlAddPrefixRemovalAndCounters() throws Exception {
    String printed = ExampleOutput.of(AsyncQuickStart::run);
    assertTrue(printed.contains("get user:1:name -> Ada"), printed);
    assertTrue(printed.contains("getAll -> {user:1:name=Ada, user:2:name=Grace}"), printed);
    assertTrue(printed.contains("add user:1:name -> KeyExistsException"), printed);
    assertTrue(printed.contains("removeByPrefix(\"user:1:\") -> 2 entries"), printed);
    assertTrue(printed.contains("increment page:/home -> 42"), printed);
    assertTrue(printed.contains("synchronous().get(\"user:2:name\") -> Grace"), printed);
  }
}
