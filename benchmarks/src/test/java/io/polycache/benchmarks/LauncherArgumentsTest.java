package io.polycache.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LauncherArgumentsTest {

  @Test
  void parse_modeOnly_isACompleteRunIntoTheDefaultFolders() {
    Launcher.Arguments arguments = Launcher.Arguments.parse(new String[] {"quick"});
    assertEquals("quick", arguments.mode());
    assertTrue(arguments.complete());
    assertFalse(arguments.idleAsIs());
    assertEquals(Path.of("results").toAbsolutePath().normalize(), arguments.results());
    assertEquals(Path.of("..", "docs").toAbsolutePath().normalize(), arguments.docs());
  }

  @Test
  void parse_narrowedOrProfiled_isNotACompleteRun() {
    Launcher.Arguments arguments = Launcher.Arguments.parse(new String[] {
        "quick", "--include", "RedisSync.get", "--param", "target=polycache", "--prof", "stack",
        ""});
    assertFalse(arguments.complete());
    assertEquals("RedisSync.get", arguments.include());
    assertEquals(List.of("target=polycache"), arguments.params());
    assertEquals(List.of("stack"), arguments.profilers());
  }

  @Test
  void parse_idleAsIs_isStillACompleteRun() {
    Launcher.Arguments arguments = Launcher.Arguments.parse(new String[] {"full", "--idle-as-is"});
    assertTrue(arguments.idleAsIs());
    assertTrue(arguments.complete());
  }

  @Test
  void parse_badArguments_areRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> Launcher.Arguments.parse(new String[] {"fast"}));
    assertThrows(IllegalArgumentException.class,
        () -> Launcher.Arguments.parse(new String[] {"quick", "--include"}));
    assertThrows(IllegalArgumentException.class,
        () -> Launcher.Arguments.parse(new String[] {"quick", "--param", "target"}));
    assertThrows(IllegalArgumentException.class,
        () -> Launcher.Arguments.parse(new String[] {"quick", "--bogus"}));
  }
}
