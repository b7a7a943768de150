package io.pixelplayer.jobs.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which videos a corpus holds: their ids, instruments, kind and split, decided from the seed alone so that
 * the same arguments always give the same corpus.
 *
 * <p>Solos cycle through the instruments so that each appears about equally often; each instrument's solos
 * are dealt to splits in the order of {@link #SPLIT_CYCLE}, so even a tiny corpus has every instrument in
 * train and (from its second solo on) in test. Duets pair two different instruments at random.
 */
public final class CorpusPlan {
  /** train 60 %, test 20 %, val 20 % over each run of ten, and train/test first. */
  static final List<String> SPLIT_CYCLE =
      List.of("train", "test", "train", "val", "train", "train", "test", "train", "train", "val");

  /** One video to render. {@code instruments} are left to right; {@code seed} drives everything random in it. */
  public record VideoPlan(String videoId, String kind, String split, List<String> instruments, long seed) {}

  private CorpusPlan() {}

  public static List<VideoPlan> plan(List<String> instruments, int solos, int duets, long seed) {
    if (instruments.isEmpty()) {
      throw new IllegalArgumentException("no instruments to render");
    }
    if (solos < 0 || duets < 0 || solos + duets == 0) {
      throw new IllegalArgumentException("--solos " + solos + " and --duets " + duets + ": need at least one video, none negative");
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
      videos.add(new VideoPlan(String.format("solo-%04d", i + 1), "solo", SPLIT_CYCLE.get(nth % SPLIT_CYCLE.size()),
          List.of(instrument), random.nextLong()));
    }
    for (int i = 0; i < duets; i++) {
      int a = random.nextInt(instruments.size());
      int b = random.nextInt(instruments.size() - 1);
      if (b >= a) {
        b++;
      }
      videos.add(new VideoPlan(String.format("duet-%04d", i + 1), "duet", SPLIT_CYCLE.get(i % SPLIT_CYCLE.size()),
          List.of(instruments.get(a), instruments.get(b)), random.nextLong()));
    }
    return videos;
  }
}
