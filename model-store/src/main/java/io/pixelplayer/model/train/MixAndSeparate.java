package io.pixelplayer.model.train;

import io.pixelplayer.model.infer.FrameImages;
import io.pixelplayer.model.infer.FramePicker;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.model.net.PixelPlayerNet;
import io.pixelplayer.udf.ComplexSpectrogram;
import io.pixelplayer.udf.LogFrequencyWarp;
import io.pixelplayer.udf.Masks;
import io.pixelplayer.udf.Stft;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * Builds Mix-and-Separate training batches from a pool of clips, as SoP's {@code MUSICMixDataset}
 * and {@code NetWrapper.forward} do (the spectrogram part moved from the GPU to here).
 *
 * <p>Each mixture takes N clips, drawn uniformly from the pool, of N different videos (SoP may draw
 * one video twice; mixing a video with itself teaches nothing), and among those, when possible,
 * clips whose instrument tags share nothing (clips without tags match anything), so that the
 * network is rarely asked to tell a violin from another violin. From each clip a crop of {@code
 * cropSamples} starts at a uniformly random sample of its valid audio (at 0 when the valid audio is
 * shorter than a crop; past it the crop is silent), gets a random gain uniform in [-gainDb,
 * +gainDb] dB, is clipped to [-1, 1] and divided by N; the mixture is their sum (SoP: {@code audio
 * *= scale; clip; audio /= N; sum}, with its scale uniform in 0.5..1.5, about -6..+3.5 dB).
 *
 * <p>Spectrograms: the paper's STFT of each scaled source and of the mixture (their sum: the STFT
 * is linear), magnitudes warped to {@code logBins} log-frequency rows, and then, as SoP after
 * warping ({@code mag_mix + 1e-10}): targets {@code source > 0.5 * mixture} ({@link
 * Masks#idealBinary}), weights {@code clamp(log1p(mixture), 1e-3, 10)}, input {@code log(mixture)}.
 *
 * <p>Frames: {@code framesPerSource} stored frames per source, those nearest the centres of equal
 * parts of the crop's valid time span (SoP takes frames a fixed stride apart around the audio's
 * centre; spreading them over the crop keeps every frame inside the audio it goes with), optionally
 * each moved by -1, 0 or +1 stored frame when that stays inside the span; then {@link FrameImages}.
 *
 * <p>Duets (not in SoP): optionally each batch also carries a few duet clips for the instrument
 * head alone, tagged left to right, so that it must tell where each instrument is, not only that it
 * is there. And mosaics, a pixel-level Mix-and-Separate: mosaic m shows the frames of mixture m's N
 * sources and of 4 - N solos of other instruments that are not in the mixture, each shrunk to half
 * size, in random quadrants of one frame; each quadrant must name its instrument and its pixels
 * must separate from mixture m what that instrument plays (nothing, for a silent one). So the head
 * must tell top from bottom at a finer scale, and pixels that show no sounding instrument learn to
 * keep no sound, which the max-pooled clip feature never teaches them ({@link
 * TrainingBatch.Scenes}).
 *
 * <p>Deterministic: a batch depends only on the pool, the settings and the {@link Random} passed
 * in. Thread-safe: nothing is mutated after construction, so several threads may build batches with
 * their own {@code Random}s.
 */
public final class MixAndSeparate {
  /** Solo clips in a mosaic (a 2 x 2 grid), so the fewest instruments mosaics need. */
  public static final int MOSAIC_TILES = 4;

  /** Tries of plain rejection sampling before scanning the whole pool for a clip that fits. */
  private static final int DRAW_TRIES = 32;

  /**
   * What a mixture is made of.
   *
   * @param sourcesPerMix N, clips per mixture, at least 2 (paper 2)
   * @param cropSamples audio crop per source at 11025 Hz; STFT frames = 1 + cropSamples / 256
   *     (65535 gives 256, 32767 gives 128)
   * @param logBins log-frequency rows of spectrograms, masks and weights (paper 256)
   * @param framesPerSource video frames per source (paper 3)
   * @param frameSize side of the square frames in pixels (paper 224)
   * @param gainDb sources get a random gain uniform in +-gainDb dB, 0 to 24
   * @param jitterFrames move each picked frame by a random -1, 0 or +1 stored frame (not in SoP)
   * @param augmentFrames SoP's training image augmentation: enlarge by 1.1, random square crop,
   *     random horizontal flip (same for all frames of a source); else resize and centre crop
   * @param colourDb each source's spectrum randomly coloured, tilt and resonances drawn in ±
   *     colourDb dB ({@link SpectralColouring}; not in SoP), 0 to 24; 0 none
   * @param frameHueDegrees each clip's frames recoloured, hue turned by up to ± this ({@link
   *     FrameColourJitter}; not in SoP), 0 to 180; 0 none
   * @param frameTurnDegrees each clip's frames turned by up to ± this and zoomed by ±20 % ({@link
   *     FrameWarp}; not in SoP), 0 to 90; 0 neither
   */
  public record Settings(
      int sourcesPerMix,
      int cropSamples,
      int logBins,
      int framesPerSource,
      int frameSize,
      double gainDb,
      boolean jitterFrames,
      boolean augmentFrames,
      double colourDb,
      double frameHueDegrees,
      double frameTurnDegrees) {

    public Settings {
      if (sourcesPerMix < 2)
        throw new IllegalArgumentException("sources per mixture " + sourcesPerMix + " < 2");
      if (cropSamples < 1)
        throw new IllegalArgumentException("crop of " + cropSamples + " samples must be positive");
      if (logBins < 2) throw new IllegalArgumentException("log-frequency bins " + logBins + " < 2");
      if (framesPerSource < 1)
        throw new IllegalArgumentException("frames per source " + framesPerSource + " < 1");
      if (frameSize < 1)
        throw new IllegalArgumentException("frame size " + frameSize + " must be positive");
      if (!(gainDb >= 0 && gainDb <= 24))
        throw new IllegalArgumentException("gain range +-" + gainDb + " dB not in 0..24");
      if (!(colourDb >= 0 && colourDb <= 24))
        throw new IllegalArgumentException("colouring range +-" + colourDb + " dB not in 0..24");
      if (!(frameHueDegrees >= 0 && frameHueDegrees <= 180))
        throw new IllegalArgumentException(
            "frame hue range +-" + frameHueDegrees + " degrees not in 0..180");
      if (!(frameTurnDegrees >= 0 && frameTurnDegrees <= 90))
        throw new IllegalArgumentException(
            "frame turn range +-" + frameTurnDegrees + " degrees not in 0..90");
    }

    /**
     * The paper: 2 sources, 65535 samples (256 frames), 256 log bins, 3 frames of 224 px, +-3 dB.
     */
    public static Settings paper() {
      return new Settings(
          2, 65535, LogFrequencyWarp.PAPER_LOG_BINS, 3, 224, 3, false, true, 0, 0, 0);
    }

    /**
     * A CPU-sized variant: 2 sources, 32767 samples (128 frames), 128 log bins, 3 frames of 112 px,
     * +-3 dB.
     */
    public static Settings cpu() {
      return new Settings(2, 32767, 128, 3, 112, 3, false, true, 0, 0, 0);
    }

    /** STFT frames T of a crop. */
    public int stftFrames() {
      return 1 + cropSamples / Stft.PAPER_HOP_LENGTH;
    }
  }

  private final Settings settings;

  /** The music clips, then the non-music ones. */
  private final List<StoredClip> pool;

  private final int musicClips;
  private final double nonMusicShare;
  private final int[] videoOf;
  private final int[] tagOf;
  private final List<StoredClip> duets;
  private final int[][] duetTags;
  private final int duetsPerBatch;
  private final int mosaicsPerBatch;

  /**
   * Pool indices of the clips of each tag that occurs, for drawing mosaic tiles of different
   * instruments.
   */
  private final int[][] clipsByTag;

  private final Stft stft = Stft.paper();
  private final SpectralColouring colouring;
  private final FrameColourJitter jitter;
  private final FrameWarp turn;
  private final LogFrequencyWarp warp;
  private final FrameImages images;
  private final FrameImages tiles;

  /**
   * @param pool the clips to mix; they must come from at least N different videos and be at {@value
   *     Stft#PAPER_SAMPLE_RATE} Hz
   * @param classIndex instrument name to class index of the recognition head (e.g. {@code
   *     Instruments::index}); asked for every clip with exactly one instrument, at construction
   */
  public MixAndSeparate(
      Settings settings, List<StoredClip> pool, ToIntFunction<String> classIndex) {
    this(settings, pool, List.of(), 0, 0, classIndex);
  }

  /**
   * With {@code duetsPerBatch} duet clips per batch for the instrument head ({@link
   * TrainingBatch.Scenes}), drawn uniformly from {@code duets}: clips of exactly two different
   * instruments, tagged left to right; and mosaics of the first {@code mosaicsPerBatch} mixtures of
   * each batch (at most one per mixture), their silent tiles pool clips of instruments none of the
   * mixture's sources has (drawn uniformly among the instruments, then among their clips), which
   * needs at most four sources per mixture, a frame size divisible by 2 and tagged solos of at
   * least four instruments in the pool.
   */
  public MixAndSeparate(
      Settings settings,
      List<StoredClip> pool,
      List<StoredClip> duets,
      int duetsPerBatch,
      int mosaicsPerBatch,
      ToIntFunction<String> classIndex) {
    this(settings, pool, duets, duetsPerBatch, mosaicsPerBatch, NonMusic.NONE, classIndex);
  }

  /**
   * Clips that show and sound like no instrument (speech, noise, tones, test patterns), and the
   * share of mixtures whose last source is one of them, drawn uniformly: its frames must separate
   * its own sound like any source's, and the instrument head must say of them that they show no
   * instrument ({@link TrainingBatch#NO_INSTRUMENT}).
   */
  public record NonMusic(List<StoredClip> clips, double share) {
    public static final NonMusic NONE = new NonMusic(List.of(), 0);

    public NonMusic {
      if (clips == null)
        throw new IllegalArgumentException("non-music clips are null (use an empty list)");
      clips = List.copyOf(clips);
      if (!(share >= 0 && share <= 1))
        throw new IllegalArgumentException("non-music share " + share + " not in [0, 1]");
      if (share > 0 && clips.isEmpty())
        throw new IllegalArgumentException(
            "a non-music share of " + share + " needs non-music clips");
    }
  }

  /** With {@code nonMusic} mixed into some mixtures as well. */
  public MixAndSeparate(
      Settings settings,
      List<StoredClip> pool,
      List<StoredClip> duets,
      int duetsPerBatch,
      int mosaicsPerBatch,
      NonMusic nonMusic,
      ToIntFunction<String> classIndex) {
    if (settings == null) throw new IllegalArgumentException("settings are null");
    if (pool == null || pool.isEmpty())
      throw new IllegalArgumentException("the clip pool is null or empty");
    if (classIndex == null) throw new IllegalArgumentException("class index function is null");
    if (nonMusic == null)
      throw new IllegalArgumentException("non-music clips are null (use NonMusic.NONE)");
    this.settings = settings;
    // Non-music clips follow the music in one pool, so that every clip of a mixture has an index
    // there.
    this.musicClips = pool.size();
    this.pool = java.util.stream.Stream.concat(pool.stream(), nonMusic.clips().stream()).toList();
    this.nonMusicShare = nonMusic.share();
    this.videoOf = new int[this.pool.size()];
    this.tagOf = new int[this.pool.size()];
    Map<String, Integer> videos = new HashMap<>();
    for (int i = 0; i < this.pool.size(); i++) {
      StoredClip clip = this.pool.get(i);
      if (clip.sampleRate() != Stft.PAPER_SAMPLE_RATE) {
        throw new IllegalArgumentException(
            "clip "
                + i
                + " of "
                + clip.videoId()
                + " is at "
                + clip.sampleRate()
                + " Hz; the paper's STFT needs "
                + Stft.PAPER_SAMPLE_RATE
                + " Hz");
      }
      videoOf[i] = videos.computeIfAbsent(clip.videoId(), id -> videos.size());
      tagOf[i] = i < musicClips ? tag(clip, classIndex) : TrainingBatch.NO_INSTRUMENT;
    }
    if (videos.size() < settings.sourcesPerMix()) {
      throw new IllegalArgumentException(
          "the pool has clips of "
              + videos.size()
              + " video(s) "
              + videos.keySet()
              + "; mixtures of "
              + settings.sourcesPerMix()
              + " sources need clips of at least "
              + settings.sourcesPerMix()
              + " different videos");
    }
    if (duetsPerBatch < 0 || (duetsPerBatch > 0 && (duets == null || duets.isEmpty()))) {
      throw new IllegalArgumentException(
          duetsPerBatch
              + " duets per batch from "
              + (duets == null ? 0 : duets.size())
              + " duet clips");
    }
    this.duets = List.copyOf(duets);
    this.duetTags = new int[this.duets.size()][];
    for (int i = 0; i < duetTags.length; i++) {
      List<String> names = this.duets.get(i).instruments();
      if (names.size() != 2 || names.get(0).equals(names.get(1))) {
        throw new IllegalArgumentException(
            "duet clip of "
                + this.duets.get(i).videoId()
                + " is tagged "
                + names
                + "; a training duet needs two different instruments, left to right");
      }
      duetTags[i] =
          new int[] {classIndex.applyAsInt(names.get(0)), classIndex.applyAsInt(names.get(1))};
    }
    this.duetsPerBatch = duetsPerBatch;
    Map<Integer, List<Integer>> byTag = new TreeMap<>();
    for (int i = 0; i < tagOf.length; i++) {
      if (tagOf[i] >= 0) byTag.computeIfAbsent(tagOf[i], t -> new ArrayList<>()).add(i);
    }
    this.clipsByTag =
        byTag.values().stream()
            .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
            .toArray(int[][]::new);
    if (mosaicsPerBatch < 0
        || (mosaicsPerBatch > 0
            && (clipsByTag.length < MOSAIC_TILES
                || settings.frameSize() % 2 != 0
                || settings.sourcesPerMix() > MOSAIC_TILES))) {
      throw new IllegalArgumentException(
          mosaicsPerBatch
              + " mosaics per batch need solo clips of at least "
              + MOSAIC_TILES
              + " instruments, an even frame size and at most "
              + MOSAIC_TILES
              + " sources a mixture; the pool has "
              + clipsByTag.length
              + " instrument(s), frames of "
              + settings.frameSize()
              + ", mixtures of "
              + settings.sourcesPerMix());
    }
    this.mosaicsPerBatch = mosaicsPerBatch;
    this.warp = new LogFrequencyWarp(stft.bins(), settings.logBins(), settings.stftFrames());
    this.colouring =
        settings.colourDb() > 0
            ? new SpectralColouring(settings.colourDb(), Stft.PAPER_SAMPLE_RATE)
            : null;
    this.jitter =
        settings.frameHueDegrees() > 0 ? new FrameColourJitter(settings.frameHueDegrees()) : null;
    this.turn = settings.frameTurnDegrees() > 0 ? new FrameWarp(settings.frameTurnDegrees()) : null;
    this.images = new FrameImages(settings.frameSize());
    this.tiles = new FrameImages(Math.max(1, settings.frameSize() / 2));
  }

  public Settings settings() {
    return settings;
  }

  /** A batch of {@code batchSize} mixtures, every random choice taken from {@code rng}. */
  public TrainingBatch next(int batchSize, Random rng) {
    if (batchSize < 1)
      throw new IllegalArgumentException("batch size " + batchSize + " must be positive");
    if (rng == null) throw new IllegalArgumentException("random source is null");
    int n = settings.sourcesPerMix();
    int bins = settings.logBins();
    int frames = settings.stftFrames();
    int spectrogram = bins * frames;
    int imagesPerSource =
        settings.framesPerSource() * 3 * settings.frameSize() * settings.frameSize();
    if ((long) batchSize * n * imagesPerSource > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a batch of "
              + batchSize
              + " mixtures needs "
              + (long) batchSize * n * imagesPerSource
              + " frame values, more than one Java array holds");
    }
    float[] audioInput = new float[batchSize * spectrogram];
    float[] weights = new float[batchSize * spectrogram];
    float[] targets = new float[batchSize * n * spectrogram];
    float[] frameValues = new float[batchSize * n * imagesPerSource];
    int[] tags = new int[batchSize * n];
    List<TrainingBatch.MixedSource> sources = new ArrayList<>(batchSize * n);
    int[][] mixed = new int[batchSize][];
    int[][][] mixedFrames = new int[batchSize][n][];

    for (int b = 0; b < batchSize; b++) {
      int[] clips = drawClips(rng);
      mixed[b] = clips;
      ComplexSpectrogram[] parts = new ComplexSpectrogram[n];
      for (int s = 0; s < n; s++) {
        int slot = b * n + s;
        StoredClip clip = pool.get(clips[s]);
        int offset = randomOffset(clip, rng);
        int valid = validFrom(clip, offset);
        double gainDb = (2 * rng.nextDouble() - 1) * settings.gainDb();
        parts[s] = stft.forward(scaledCrop(clip, offset, valid, gainDb));
        // Draws nothing when off: batches without colouring stay as they were.
        if (colouring != null) parts[s] = colouring.apply(parts[s], rng);

        double from = clip.secondsAt(offset);
        double to = clip.secondsAt(offset + valid);
        int[] picked =
            FramePicker.pick(
                clip.frameTimes(),
                from,
                to,
                settings.framesPerSource(),
                settings.jitterFrames(),
                rng);
        mixedFrames[b][s] = picked;
        loadFrames(images, clip, picked, rng, frameValues, slot * imagesPerSource);
        tags[slot] = tagOf[clips[s]];
        sources.add(
            new TrainingBatch.MixedSource(
                clip.videoId(), clip.instruments(), offset, valid, gainDb, from, to, picked));
      }

      float[] mixtureMagnitude = warp.warp(sum(parts).magnitude());
      for (int s = 0; s < n; s++) {
        float[] sourceMagnitude = warp.warp(parts[s].magnitude());
        float[] mask = Masks.idealBinary(sourceMagnitude, mixtureMagnitude);
        System.arraycopy(mask, 0, targets, (b * n + s) * spectrogram, spectrogram);
      }
      for (int i = 0; i < spectrogram; i++) {
        double magnitude = mixtureMagnitude[i] + Masks.MIXTURE_EPSILON;
        audioInput[b * spectrogram + i] = PixelPlayerNet.logMagnitude(mixtureMagnitude[i]);
        weights[b * spectrogram + i] = (float) Math.min(10, Math.max(1e-3, Math.log1p(magnitude)));
      }
    }
    return new TrainingBatch(
        batchSize,
        n,
        bins,
        frames,
        settings.framesPerSource(),
        settings.frameSize(),
        audioInput,
        weights,
        targets,
        frameValues,
        tags,
        sources,
        duets(imagesPerSource, rng),
        mosaics(mixed, mixedFrames, imagesPerSource, rng));
  }

  /**
   * The batch's duet clips: frames spread over a random crop's span as for a source, SoP's
   * augmentation; a mirrored frame swaps which instrument is left. Draws nothing from {@code rng}
   * when there are none.
   */
  private TrainingBatch.Scenes duets(int imagesPerSource, Random rng) {
    if (duetsPerBatch == 0) return TrainingBatch.Scenes.none(2, 1);
    float[] values = new float[duetsPerBatch * imagesPerSource];
    int[] tags = new int[2 * duetsPerBatch];
    for (int d = 0; d < duetsPerBatch; d++) {
      int i = rng.nextInt(duets.size());
      boolean flipped =
          loadFrames(
              images,
              duets.get(i),
              randomCropFrames(duets.get(i), rng),
              rng,
              values,
              d * imagesPerSource);
      tags[2 * d] = duetTags[i][flipped ? 1 : 0];
      tags[2 * d + 1] = duetTags[i][flipped ? 0 : 1];
    }
    return new TrainingBatch.Scenes(duetsPerBatch, 2, 1, values, tags, new int[0]);
  }

  /**
   * The batch's mosaics, one for each of its first mixtures: the mixture's sources, with the frames
   * they have there, and silent solos of instruments none of the sources has (frames spread over a
   * random crop's span), each tile with SoP's augmentation of its own, shrunk to half the frame
   * size and put in a random quadrant. Draws nothing from {@code rng} when there are none.
   */
  private TrainingBatch.Scenes mosaics(
      int[][] mixed, int[][][] mixedFrames, int imagesPerSource, Random rng) {
    if (mosaicsPerBatch == 0) return TrainingBatch.Scenes.none(2, 2);
    int count = Math.min(mosaicsPerBatch, mixed.length);
    int n = settings.sourcesPerMix();
    int perFrame = images.values();
    float[] values = new float[count * imagesPerSource];
    int[] tags = new int[MOSAIC_TILES * count];
    int[] shown = new int[MOSAIC_TILES * count];
    float[] tile = new float[settings.framesPerSource() * tiles.values()];
    for (int m = 0; m < count; m++) {
      int[] quadrants = shuffled(MOSAIC_TILES, rng);
      int[] sources = mixed[m];
      int[] others =
          IntStream.range(0, clipsByTag.length)
              .filter(
                  t -> Arrays.stream(sources).noneMatch(c -> tagOf[c] == tagOf[clipsByTag[t][0]]))
              .toArray();
      for (int t = 0; t < MOSAIC_TILES; t++) {
        int index;
        int[] picked;
        if (t < n) {
          index = sources[t];
          picked = mixedFrames[m][t];
        } else {
          // A partial Fisher-Yates shuffle: the silent tiles are of different instruments.
          int swap = t - n + rng.nextInt(others.length - (t - n));
          int chosen = others[swap];
          others[swap] = others[t - n];
          others[t - n] = chosen;
          int[] clips = clipsByTag[chosen];
          index = clips[rng.nextInt(clips.length)];
          picked = randomCropFrames(pool.get(index), rng);
        }
        loadFrames(tiles, pool.get(index), picked, rng, tile, 0);
        int q = quadrants[t];
        tags[MOSAIC_TILES * m + q] = tagOf[index];
        shown[MOSAIC_TILES * m + q] = t < n ? t : TrainingBatch.Scenes.SILENT;
        for (int k = 0; k < settings.framesPerSource(); k++) {
          pasteQuadrant(tile, k * tiles.values(), q, values, m * imagesPerSource + k * perFrame);
        }
      }
    }
    return new TrainingBatch.Scenes(count, 2, 2, values, tags, shown);
  }

  /** A random permutation of 0..size-1. */
  private static int[] shuffled(int size, Random rng) {
    int[] order = IntStream.range(0, size).toArray();
    for (int i = size - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int kept = order[i];
      order[i] = order[j];
      order[j] = kept;
    }
    return order;
  }

  /**
   * Copies the half-size CHW image at {@code tile[from..]} into quadrant {@code q} of the CHW frame
   * at {@code frame[to..]}.
   */
  private void pasteQuadrant(float[] tile, int from, int q, float[] frame, int to) {
    int size = settings.frameSize();
    int half = size / 2;
    int corner = to + (q / 2) * half * size + (q % 2) * half;
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < half; y++) {
        System.arraycopy(
            tile, from + (c * half + y) * half, frame, corner + c * size * size + y * size, half);
      }
    }
  }

  /**
   * Where a random crop of {@code clip} starts: uniform over its valid audio, 0 when that is
   * shorter than a crop.
   */
  private int randomOffset(StoredClip clip, Random rng) {
    return clip.validSamples() > settings.cropSamples()
        ? rng.nextInt(clip.validSamples() - settings.cropSamples() + 1)
        : 0;
  }

  /**
   * Samples of a crop starting at {@code offset} inside the clip's valid audio (the rest is
   * silence).
   */
  private int validFrom(StoredClip clip, int offset) {
    return Math.min(settings.cropSamples(), clip.validSamples() - offset);
  }

  /**
   * The stored frames spread over a random crop of {@code clip}'s valid audio, as for a mixed
   * source.
   */
  private int[] randomCropFrames(StoredClip clip, Random rng) {
    int offset = randomOffset(clip, rng);
    int valid = validFrom(clip, offset);
    return FramePicker.pick(
        clip.frameTimes(),
        clip.secondsAt(offset),
        clip.secondsAt(offset + valid),
        settings.framesPerSource(),
        settings.jitterFrames(),
        rng);
  }

  /**
   * The crop as it is in the mixture: gain, clipped to [-1, 1] (as SoP), divided by N; silent past
   * the valid audio.
   */
  private float[] scaledCrop(StoredClip clip, int offset, int valid, double gainDb) {
    float gain = (float) Math.pow(10, gainDb / 20);
    float share = 1f / settings.sourcesPerMix();
    float[] part = new float[settings.cropSamples()];
    float[] audio = clip.audio();
    for (int i = 0; i < valid; i++) {
      part[i] = Math.max(-1f, Math.min(1f, audio[offset + i] * gain)) * share;
    }
    return part;
  }

  /**
   * The mixture's spectrogram: the STFT is linear, so the sum of the sources' spectrograms is the
   * STFT of their sum (to float rounding), and one of N + 1 transforms, a third of the batch's time
   * at N = 2, is saved.
   */
  private static ComplexSpectrogram sum(ComplexSpectrogram[] parts) {
    float[] re = parts[0].real();
    float[] im = parts[0].imaginary();
    for (int s = 1; s < parts.length; s++) {
      float[] partRe = parts[s].real();
      float[] partIm = parts[s].imaginary();
      for (int i = 0; i < re.length; i++) {
        re[i] += partRe[i];
        im[i] += partIm[i];
      }
    }
    return ComplexSpectrogram.of(parts[0].bins(), parts[0].frames(), re, im);
  }

  /**
   * Loads the picked frames at {@code frameImages}' size with one placement for all; returns
   * whether they were mirrored.
   */
  private boolean loadFrames(
      FrameImages frameImages, StoredClip clip, int[] picked, Random rng, float[] out, int offset) {
    FrameImages.Placement placement =
        settings.augmentFrames()
            ? FrameImages.Placement.random(rng)
            : FrameImages.Placement.CENTRED;
    int perFrame = frameImages.values();
    for (int k = 0; k < picked.length; k++) {
      try {
        frameImages.load(clip.framesJpeg().get(picked[k]), placement, out, offset + k * perFrame);
      } catch (IllegalArgumentException | UncheckedIOException e) {
        // Say which clip: the image error alone does not lead back to the bad row of the cache.
        throw new IllegalArgumentException(
            "stored frame "
                + picked[k]
                + " of the clip of video "
                + clip.videoId()
                + " starting at "
                + clip.startSeconds()
                + " s: "
                + e.getMessage(),
            e);
      }
    }
    // Each draws nothing when off: batches without it stay as they were.
    if (turn != null) turn.apply(out, offset, picked.length, frameImages.size(), rng);
    if (jitter != null) jitter.apply(out, offset, picked.length, frameImages.size(), rng);
    return placement.flip();
  }

  /** N clips of different videos, preferring ones with no instrument in common. */
  private int[] drawClips(Random rng) {
    int n = settings.sourcesPerMix();
    int[] chosen = new int[n];
    chosen[0] = rng.nextInt(musicClips);
    Set<String> instruments = new HashSet<>(pool.get(chosen[0]).instruments());
    for (int s = 1; s < n; s++) {
      int[] sofar = Arrays.copyOf(chosen, s);
      IntPredicate otherVideo = i -> Arrays.stream(sofar).noneMatch(c -> videoOf[c] == videoOf[i]);
      IntPredicate otherInstruments =
          i -> otherVideo.test(i) && Collections.disjoint(instruments, pool.get(i).instruments());
      int pick = draw(otherInstruments, rng);
      chosen[s] = pick >= 0 ? pick : draw(otherVideo, rng);
      instruments.addAll(pool.get(chosen[s]).instruments());
    }
    // No random draw without non-music clips: batches of music alone stay as they were.
    if (nonMusicShare > 0 && rng.nextDouble() < nonMusicShare) {
      chosen[n - 1] = musicClips + rng.nextInt(pool.size() - musicClips);
    }
    return chosen;
  }

  /**
   * A music clip uniformly among those that fit, or -1 if none does: rejection sampling (fast when
   * most fit), then a scan (when few do); both give the same distribution.
   */
  private int draw(IntPredicate fits, Random rng) {
    for (int t = 0; t < DRAW_TRIES; t++) {
      int i = rng.nextInt(musicClips);
      if (fits.test(i)) return i;
    }
    int[] fitting = IntStream.range(0, musicClips).filter(fits).toArray();
    return fitting.length == 0 ? -1 : fitting[rng.nextInt(fitting.length)];
  }

  /**
   * The class of a clip with exactly one instrument; {@link TrainingBatch#NO_TAG} for none or
   * several.
   */
  private static int tag(StoredClip clip, ToIntFunction<String> classIndex) {
    List<String> names = clip.instruments().stream().distinct().toList();
    if (names.size() != 1) return TrainingBatch.NO_TAG;
    int index = classIndex.applyAsInt(names.get(0));
    if (index < 0) {
      throw new IllegalArgumentException(
          "class index " + index + " of instrument '" + names.get(0) + "' is negative");
    }
    return index;
  }
}
