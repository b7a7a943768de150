package io.pixelplayer.jobs.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which videos a corpus holds: their ids, instruments, kind and split, decided from the seed alone
 * so that the same arguments always give the same corpus.
 *
 * <p>Solos cycle through the instruments so that each appears about equally often; each
 * instrument's solos are dealt to splits in the order of {@link #SPLIT_CYCLE}, so even a tiny
 * corpus has every instrument in train and (from its second solo on) in test. Duets pair two
 * different instruments at random. Non-music videos (kind {@value #NONE}, no instruments) cycle
 * through the {@link NonMusic} kinds the way solos cycle through instruments, and are dealt to
 * splits the same way. They are planned last, so a corpus without them is the corpus it always was.
 */
public final class CorpusPlan {
  /** train 60 %, test 20 %, val 20 % over each run of ten, and train/test first. */
  static final List<String> SPLIT_CYCLE =
      List.of("train", "test", "train", "val", "train", "train", "test", "train", "train", "val");

  /** The manifest kind of a video with no instrument in it (its instruments cell is empty). */
  public static final String NONE = "none";

  /**
   * One video to render. {@code instruments} are left to right; {@code seed} drives everything
   * random in it; {@code nonMusic} is what a video of kind {@value #NONE} holds, null for music.
   */
  public record VideoPlan(
      String videoId,
      String kind,
      String split,
      List<String> instruments,
      long seed,
      NonMusic nonMusic) {
    /** A music video. */
    public VideoPlan(
        String videoId, String kind, String split, List<String> instruments, long seed) {
      this(videoId, kind, split, instruments, seed, null);
    }
  }

  private CorpusPlan() {}

  public static List<VideoPlan> plan(
      List<String> instruments, int solos, int duets, int nonMusic, long seed) {
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("no instruments to render");
    }
    if (solos < 0 || duets < 0 || nonMusic < 0 || solos + duets + nonMusic == 0) {
      throw new IllegalArgumentException(
          "--solos "
              + solos
              + ", --duets "
              + duets
              + " and --nonmusic "
              + nonMusic
              + ": need at least one video, none negative");
    }
    if (duets > 0 && instruments.size() < 2) {
      throw new IllegalArgumentException("duets need at least two instruments, got " + instruments);
    }
    Random random = new Random(seed);
    List<VideoPlan> videos = new ArrayList<>();
    Map<String, Integer> solosSoFar = new HashMap<>();
    List<String> round = new ArrayList<>();
    for (int i = 0; i < solos; i++) {
      if (round.isEmpty()) {
        round.addAll(instruments);
        Collections.shuffle(round, random);
      }
      String instrument = round.remove(round.size() - 1);
      int nth = solosSoFar.merge(instrument, 1, Integer::sum) - 1;
      videos.add(
          new VideoPlan(
              String.format("solo-%04d", i + 1),
              "solo",
              SPLIT_CYCLE.get(nth % SPLIT_CYCLE.size()),
              List.of(instrument),
              random.nextLong()));
    }
    for (int i = 0; i < duets; i++) {
      int a = random.nextInt(instruments.size());
      int b = random.nextInt(instruments.size() - 1);
      if (b >= a) {
        b++;
      }
      videos.add(
          new VideoPlan(
              String.format("duet-%04d", i + 1),
              "duet",
              SPLIT_CYCLE.get(i % SPLIT_CYCLE.size()),
              List.of(instruments.get(a), instruments.get(b)),
              random.nextLong()));
    }
    List<NonMusic> kinds = new ArrayList<>();
    for (int i = 0; i < nonMusic; i++) {
      if (kinds.isEmpty()) {
        kinds.addAll(List.of(NonMusic.values()));
        Collections.shuffle(kinds, random);
      }
      NonMusic kind = kinds.remove(kinds.size() - 1);
      int nth = i / NonMusic.values().length;
      videos.add(
          new VideoPlan(
              String.format("none-%04d", i + 1),
              NONE,
              SPLIT_CYCLE.get(nth % SPLIT_CYCLE.size()),
              List.of(),
              random.nextLong(),
              kind));
    }
    return videos;
  }
}
