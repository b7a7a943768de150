package io.pixelplayer.jobs.synth;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The SoundFonts a corpus is rendered with, so that its sound is a distribution rather than one
 * timbre: each video is dealt one of them. Each file is parsed on first use (the built-in bank is
 * made at once) and then shared by every render thread (a {@link SoundFontRenderer} is
 * thread-safe); parsed, FluidR3 holds about 110 MB of heap, OPL-3 FM 130 MB, TimGM6mb 8 MB, the
 * built-in bank a few MB, so even all of them at once fit a default heap.
 */
public final class SoundFonts implements AutoCloseable {
  /** Words that name the JDK's built-in soundbank instead of a file. */
  private static final Set<String> BUILT_IN_WORDS = Set.of(SoundFontRenderer.BUILT_IN, "jdk");

  /**
   * SoundFonts kept for evaluation, never for training (by file name): TimGM6mb, and csound's
   * {@code sf_GMbank.sf2}, which is nearly the same bank (its instruments' spectra lie 1.3 dB from
   * TimGM6mb's on average, against 7 dB between TimGM6mb and FluidR3).
   */
  static final Set<String> RESERVED_FOR_EVALUATION = Set.of("timgm6mb.sf2", "sf_gmbank.sf2");

  /** Mixed into the corpus seed for dealing, so that the deal does not move the other draws. */
  private static final long DEAL_SALT = 0x50F7F0E7L;

  private final List<Path> files;
  private final AtomicReferenceArray<SoundFontRenderer> opened;

  private SoundFonts(List<Path> files) {
    this.files = files;
    this.opened = new AtomicReferenceArray<>(files.size());
    int builtIn = files.indexOf(null);
    if (builtIn >= 0) {
      // Made now, before any render thread runs: its making must have Math.random() to itself (see
      // Gervill).
      opened.set(builtIn, SoundFontRenderer.openBuiltIn());
    }
  }

  /**
   * The SoundFonts named: files ({@code .sf2}) or {@code builtin} (also {@code jdk}) for the JDK's
   * own bank; none for {@link SoundFontRenderer#DEFAULT_SOUNDFONT}. Every file is checked now (its
   * headers only), so that a bad one fails before any video is rendered.
   *
   * @throws IllegalArgumentException with a one-line reason for a missing, compressed or
   *     non-SoundFont file, or a SoundFont named twice
   */
  public static SoundFonts of(List<String> names) {
    List<Path> files = new ArrayList<>();
    for (String name :
        names == null || names.isEmpty()
            ? List.of(SoundFontRenderer.DEFAULT_SOUNDFONT.toString())
            : names) {
      String word = name.strip();
      // null stands for the built-in bank
      Path file = BUILT_IN_WORDS.contains(word.toLowerCase(Locale.ROOT)) ? null : Path.of(word);
      if (file != null) {
        SoundFontFile.check(file);
      }
      if (files.contains(file)) {
        throw new IllegalArgumentException(
            "SoundFont " + (file == null ? SoundFontRenderer.BUILT_IN : file) + " named twice");
      }
      files.add(file);
    }
    return new SoundFonts(Collections.unmodifiableList(files));
  }

  public int size() {
    return files.size();
  }

  /** Each SoundFont's name as the corpus records it: its file name, or {@code builtin}. */
  public List<String> names() {
    return files.stream().map(SoundFonts::name).toList();
  }

  /** The names of those among them kept for evaluation (see {@link #RESERVED_FOR_EVALUATION}). */
  public List<String> reservedForEvaluation() {
    return names().stream()
        .filter(name -> RESERVED_FOR_EVALUATION.contains(name.toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** The i-th SoundFont's renderer, parsed on first use by whichever thread asks first. */
  public SoundFontRenderer renderer(int i) {
    SoundFontRenderer renderer = opened.get(i);
    if (renderer != null) {
      return renderer;
    }
    synchronized (this) {
      renderer = opened.get(i);
      if (renderer == null) {
        Path file = files.get(i);
        renderer = file == null ? SoundFontRenderer.openBuiltIn() : SoundFontRenderer.open(file);
        opened.set(i, renderer);
      }
    }
    return renderer;
  }

  /**
   * Which SoundFont each of {@code videos} videos plays, from the seed alone: in rounds that hold
   * each SoundFont once, shuffled, so that every SoundFont is dealt about equally often and a
   * corpus with as many videos as SoundFonts uses each of them.
   */
  public List<Integer> deal(int videos, long seed) {
    Random random = new Random(seed ^ DEAL_SALT);
    List<Integer> dealt = new ArrayList<>(videos);
    List<Integer> round = new ArrayList<>();
    for (int v = 0; v < videos; v++) {
      if (round.isEmpty()) {
        for (int i = 0; i < files.size(); i++) {
          round.add(i);
        }
        Collections.shuffle(round, random);
      }
      dealt.add(round.remove(round.size() - 1));
    }
    return dealt;
  }

  /** Forgets every parsed SoundFont. */
  @Override
  public void close() {
    for (int i = 0; i < files.size(); i++) {
      SoundFontRenderer renderer = opened.getAndSet(i, null);
      if (renderer != null) {
        renderer.close();
      }
    }
  }

  private static String name(Path file) {
    return file == null ? SoundFontRenderer.BUILT_IN : file.getFileName().toString();
  }
}
