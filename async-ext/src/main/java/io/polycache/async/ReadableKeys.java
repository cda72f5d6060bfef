package io.polycache.async;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The default {@link KeyBuilder}: a call's text, {@code name(arg, arg)}. Sets and maps without
 * an order of their own are sorted by text so that two equal sets give one key in every JVM.
 */
final class ReadableKeys implements KeyBuilder<String> {

  static final ReadableKeys INSTANCE = new ReadableKeys();

  /** Whether a class declares or inherits a {@code toString} other than {@code Object}'s. */
  private static final ClassValue<Boolean> HAS_TO_STRING = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      try {
        return type.getMethod("toString").getDeclaringClass() != Object.class;
      } catch (NoSuchMethodException e) {
        return false;
      }
    }
  };

  private ReadableKeys() {}

  @Override
  public String build(String function, List<?> arguments) {
    StringBuilder key = new StringBuilder(function.length() + 16 * arguments.size() + 2);
    key.append(function).append('(');
    String separator = "";
    for (Object argument : arguments) {
      key.append(separator);
      render(argument, key);
      separator = ", ";
    }
    return key.append(')').toString();
  }

  private static void render(Object o, StringBuilder out) {
    if (o == null) {
      out.append("null");
    } else if (o instanceof CharSequence) {
      quote(o.toString(), '"', out);
    } else if (o instanceof Character) {
      quote(o.toString(), '\'', out);
    } else if (o instanceof Number || o instanceof Boolean) {
      out.append(o);
    } else if (o instanceof Enum) {
      out.append(((Enum<?>) o).name());
    } else if (o.getClass().isArray()) {
      out.append('[');
      int length = Array.getLength(o);
      for (int i = 0; i < length; i++) {
        if (i > 0) {
          out.append(", ");
        }
        render(Array.get(o, i), out);
      }
      out.append(']');
    } else if (o instanceof Set && !(o instanceof SortedSet)) {
      out.append('{');
      join(sortedTexts((Collection<?>) o), out);
      out.append('}');
    } else if (o instanceof Collection) {
      out.append('[');
      String separator = "";
      for (Object element : (Collection<?>) o) {
        out.append(separator);
        render(element, out);
        separator = ", ";
      }
      out.append(']');
    } else if (o instanceof Map) {
      out.append('{');
      List<String> entries = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
        StringBuilder entry = new StringBuilder();
        render(e.getKey(), entry);
        entry.append('=');
        render(e.getValue(), entry);
        entries.add(entry.toString());
      }
      if (!(o instanceof SortedMap)) {
        entries.sort(null);
      }
      join(entries, out);
      out.append('}');
    } else if (HAS_TO_STRING.get(o.getClass())) {
      out.append(o);
    } else {
      throw new IllegalArgumentException("Cannot build a stable key from a "
          + o.getClass().getName() + ": it does not override toString, so its text changes"
          + " from one JVM to the next; override toString or give the cached function a"
          + " KeyBuilder");
    }
  }

  private static List<String> sortedTexts(Collection<?> elements) {
    List<String> texts = new ArrayList<>(elements.size());
    for (Object element : elements) {
      StringBuilder text = new StringBuilder();
      render(element, text);
      texts.add(text.toString());
    }
    texts.sort(null);
    return texts;
  }

  private static void join(List<String> texts, StringBuilder out) {
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) {
        out.append(", ");
      }
      out.append(texts.get(i));
    }
  }

  private static void quote(String text, char quote, StringBuilder out) {
    out.append(quote);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == quote || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append(quote);
  }

  @Override
  public String toString() {
    return "KeyBuilder.readable()";
  }
}
