package io.polycache.provider.internal;

import java.net.URI;

/** URIs as Polycache shows them: in messages, {@code toString()} and MBean names. */
public final class Uris {

  private Uris() {}

  /** {@code uri} as text, with the password of {@code user:password@} (if any) removed. */
  public static String redact(URI uri) {
    String text = uri.toString();
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null) {
      String authority = uri.getRawAuthority();
      int at = authority == null ? -1 : authority.lastIndexOf('@');
      userInfo = at < 0 ? null : authority.substring(0, at);
    }
    if (userInfo == null) {
      return text;
    }
    int colon = userInfo.indexOf(':');
    String kept = colon < 0 ? "" : userInfo.substring(0, colon);
    if (colon < 0) {
      // a lone user-info part is a password in redis://secret@host
      return text.replace(userInfo + "@", "");
    }
    return text.replace(userInfo + "@", kept.isEmpty() ? "" : kept + "@");
  }

}
