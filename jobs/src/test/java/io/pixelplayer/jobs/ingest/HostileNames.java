package io.pixelplayer.jobs.ingest;

import java.util.List;

/**
 * File names (without extension) that real archives hold and that break code treating paths as
 * text.
 */
public final class HostileNames {
  /**
   * Spaces, URI escapes and reserved characters, quotes, shell syntax, control characters, other
   * scripts.
   */
  public static final List<String> ALL =
      List.of(
          "good one",
          "100%",
          "50%20off",
          "say \"hi\"",
          "<tag>",
          "#1",
          "what?",
          "[draft]",
          "line\nbreak",
          "$(touch pwned)",
          "it's; rm -rf x",
          "a:b",
          "back\\slash",
          "tab\there",
          "チェロ 🎻",
          ".hidden",
          "-dash");

  private HostileNames() {}
}
