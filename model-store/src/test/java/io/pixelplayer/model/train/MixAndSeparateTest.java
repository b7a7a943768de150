package io.pixelplayer.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.pixelplayer.model.Instruments;
import io.pixelplayer.model.infer.FrameImages;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.udf.LogFrequencyWarp;
import io.pixelplayer.udf.Stft;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MixAndSeparateTest {
  /** 8191 samples: 32 STFT frames, 0.74 s. */
  private static final MixAndSeparate.Settings SMALL =
      new MixAndSeparate.Settings(2, 8191, 16, 3, 8, 3, false, false, 0, 0, 0);

  private static final int CLIP = 16384;

  private static List<StoredClip> noisePool(int videos) {
    List<StoredClip> pool = new ArrayList<>();
    for (int v = 0; v < videos; v++) pool.add(TestClips.noise("v" + v, List.of(), CLIP, v + 1));
    return pool;
  }

  @Test
  void nonMusicClipsAreTheLastSourceOfTheirShareOfMixturesTaggedAsNoInstrument() {
    List<StoredClip> music =
        List.of(
            TestClips.noise("cello", List.of("cello"), CLIP, 1),
            TestClips.noise("flute", List.of("flute"), CLIP, 2),
            TestClips.noise("drum", List.of("drum"), CLIP, 3));
    List<StoredClip> speech =
        List.of(
            TestClips.noise("speech", List.of(), CLIP, 4),
            TestClips.noise("hum", List.of(), CLIP, 5));

    TrainingBatch always =
        new MixAndSeparate(
                SMALL,
                music,
                List.of(),
                0,
                0,
                new MixAndSeparate.NonMusic(speech, 1),
                Instruments::index)
            .next(6, new Random(2));
    for (int b = 0; b < 6; b++) {
      assertThat(always.sources().get(2 * b).videoId()).isIn("cello", "flute", "drum");
      assertThat(always.tags()[2 * b]).isGreaterThanOrEqualTo(0);
      assertThat(always.sources().get(2 * b + 1).videoId()).isIn("speech", "hum");
      assertThat(always.tags()[2 * b + 1]).isEqualTo(TrainingBatch.NO_INSTRUMENT);
    }

    // Without non-music clips (or a share of 0) the batches are those of music alone, draw for
    // draw.
    TrainingBatch plain =
        new MixAndSeparate(SMALL, music, Instruments::index).next(4, new Random(9));
    TrainingBatch none =
        new MixAndSeparate(
                SMALL, music, List.of(), 0, 0, MixAndSeparate.NonMusic.NONE, Instruments::index)
            .next(4, new Random(9));
    assertThat(none.tags()).containsExactly(plain.tags());
    assertThat(none.targets()).containsExactly(plain.targets());
    assertThatThrownBy(() -> new MixAndSeparate.NonMusic(List.of(), 0.2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void batchArraysHaveTheDocumentedShapes() {
    MixAndSeparate.Settings three =
        new MixAndSeparate.Settings(3, 8191, 16, 3, 8, 3, true, true, 0, 0, 0);
    TrainingBatch batch =
        new MixAndSeparate(three, noisePool(4), Instruments::index).next(2, new Random(1));

    assertThat(three.stftFrames()).isEqualTo(32);
    assertThat(batch.mixtureShape()).containsExactly(2, 1, 16, 32);
    assertThat(batch.targetShape()).containsExactly(2, 3, 16, 32);
    assertThat(batch.frameShape()).containsExactly(2, 3, 3, 3, 8, 8);
    assertThat(batch.tagShape()).containsExactly(2, 3);
    assertThat(batch.audioInput()).hasSize(2 * 16 * 32);
    assertThat(batch.weights()).hasSize(2 * 16 * 32);
    assertThat(batch.targets()).hasSize(2 * 3 * 16 * 32);
    assertThat(batch.frames()).hasSize(2 * 3 * 3 * 3 * 8 * 8);
    assertThat(batch.tags()).hasSize(6);
    assertThat(batch.sources()).hasSize(6);
    assertThat(MixAndSeparate.Settings.paper().stftFrames()).isEqualTo(256);
    assertThat(MixAndSeparate.Settings.cpu().stftFrames()).isEqualTo(128);
  }

  @Test
  void spectrogramsAreThoseOfTheSumOfTheScaledSourcesOverN() {
    List<StoredClip> pool = noisePool(3);
    Map<String, StoredClip> byVideo =
        pool.stream().collect(Collectors.toMap(StoredClip::videoId, Function.identity()));
    TrainingBatch batch =
        new MixAndSeparate(SMALL, pool, Instruments::index).next(3, new Random(7));

    Stft stft = Stft.paper();
    LogFrequencyWarp warp = new LogFrequencyWarp(512, 16, 32);
    int cells = 16 * 32;
    int n = 2;
    for (int b = 0; b < 3; b++) {
      // Recompute the mixture from what the batch says it used: crop, gain, clip to [-1, 1], / N,
      // sum.
      float[] mixture = new float[8191];
      float[][] parts = new float[n][8191];
      for (int s = 0; s < n; s++) {
        TrainingBatch.MixedSource source = batch.sources().get(b * n + s);
        float[] audio = byVideo.get(source.videoId()).audio();
        float gain = (float) Math.pow(10, source.gainDb() / 20);
        for (int i = 0; i < source.cropValid(); i++) {
          parts[s][i] = Math.max(-1f, Math.min(1f, audio[source.cropOffset() + i] * gain)) / n;
          mixture[i] += parts[s][i];
        }
      }
      float[] mix = warp.warp(stft.forward(mixture).magnitude());
      for (int i = 0; i < cells; i++) {
        double m = mix[i] + 1e-10;
        // Magnitudes near 1: summing spectra instead of transforming the sum moves them by float
        // rounding.
        assertThat(Math.exp(batch.audioInput()[b * cells + i])).isCloseTo(m, within(1e-5));
        assertThat(batch.weights()[b * cells + i])
            .isCloseTo((float) Math.min(10, Math.max(1e-3, Math.log1p(m))), within(1e-5f));
      }
      for (int s = 0; s < n; s++) {
        float[] part = warp.warp(stft.forward(parts[s]).magnitude());
        for (int i = 0; i < cells; i++) {
          double margin = part[i] - 0.5 * (mix[i] + 1e-10);
          if (Math.abs(margin) < 1e-5) continue; // too close to call at that rounding
          assertThat(batch.targets()[(b * n + s) * cells + i])
              .as("mixture %d source %d cell %d", b, s, i)
              .isEqualTo(margin > 0 ? 1f : 0f);
        }
      }
    }
    assertThat(batch.sources()).allSatisfy(s -> assertThat(s.gainDb()).isBetween(-3.0, 3.0));
    assertThat(batch.sources().stream().map(TrainingBatch.MixedSource::gainDb).distinct())
        .hasSize(6);
  }

  /** Two videos, "low" and "high", each a sine exactly on log row 8 or 12 of 16. */
  private static List<StoredClip> sinesOnRows8And12() {
    double hzRow8 = linearBinOfLogRow(8, 16) * Stft.PAPER_SAMPLE_RATE / Stft.PAPER_FFT_SIZE;
    double hzRow12 = linearBinOfLogRow(12, 16) * Stft.PAPER_SAMPLE_RATE / Stft.PAPER_FFT_SIZE;
    return List.of(
        TestClips.sine("low", List.of(), hzRow8, 8191),
        TestClips.sine("high", List.of(), hzRow12, 8191));
  }

  @Test
  void eachSourceOwnsTheRowsOfItsSine() {
    // Sines exactly on log rows 8 and 12 of 16: each source is nearly all the mixture there, the
    // other nothing.
    List<StoredClip> pool = sinesOnRows8And12();
    MixAndSeparate.Settings noGain =
        new MixAndSeparate.Settings(2, 8191, 16, 1, 8, 0, false, false, 0, 0, 0);
    TrainingBatch batch =
        new MixAndSeparate(noGain, pool, Instruments::index).next(1, new Random(3));

    int low = batch.sources().get(0).videoId().equals("low") ? 0 : 1;
    int high = 1 - low;
    for (int t = 2; t < 30; t++) {
      assertThat(batch.targets()[low * 512 + 8 * 32 + t]).isEqualTo(1f);
      assertThat(batch.targets()[high * 512 + 8 * 32 + t]).isEqualTo(0f);
      assertThat(batch.targets()[low * 512 + 12 * 32 + t]).isEqualTo(0f);
      assertThat(batch.targets()[high * 512 + 12 * 32 + t]).isEqualTo(1f);
      // Each sine is 0.25 after / N: 0.25 * sum(hann) / 2 = 64 on a bin, less between bins, so
      // log1p about 4.
      assertThat(batch.weights()[8 * 32 + t]).isBetween(3.9f, 4.2f);
    }
  }

  @Test
  void colouredSourcesChangeTheirLevelsButStillOwnTheirRowsOfTheMixture() {
    List<StoredClip> pool = sinesOnRows8And12();
    MixAndSeparate.Settings coloured =
        new MixAndSeparate.Settings(2, 8191, 16, 1, 8, 0, false, false, 12, 0, 0);
    MixAndSeparate.Settings plain =
        new MixAndSeparate.Settings(2, 8191, 16, 1, 8, 0, false, false, 0, 0, 0);

    TrainingBatch batch =
        new MixAndSeparate(coloured, pool, Instruments::index).next(4, new Random(3));
    TrainingBatch before =
        new MixAndSeparate(plain, pool, Instruments::index).next(4, new Random(3));

    boolean levelsMoved = false;
    for (int b = 0; b < 4; b++) {
      int low = batch.sources().get(2 * b).videoId().equals("low") ? 0 : 1;
      for (int t = 2; t < 30; t++) {
        assertThat(batch.targets()[(2 * b + low) * 512 + 8 * 32 + t]).isEqualTo(1f);
        assertThat(batch.targets()[(2 * b + 1 - low) * 512 + 12 * 32 + t]).isEqualTo(1f);
      }
      float weight = batch.weights()[b * 512 + 8 * 32 + 16];
      levelsMoved |= Math.abs(weight - before.weights()[8 * 32 + 16]) > 0.1f;
    }
    assertThat(levelsMoved).isTrue();
  }

  @Test
  void silenceGivesTheEpsilonFloorAndNoTargetsAndNothingPastTheValidAudioIsHeard() {
    // Valid audio silent, loud samples after it: a crop that read past the valid audio would hear
    // them.
    List<StoredClip> pool = new ArrayList<>();
    for (String video : List.of("a", "b")) {
      float[] audio = new float[CLIP];
      for (int i = 4000; i < CLIP; i++) audio[i] = 0.9f;
      pool.add(TestClips.clip(video, List.of(), audio, 4000, 0));
    }
    TrainingBatch batch =
        new MixAndSeparate(SMALL, pool, Instruments::index).next(2, new Random(5));

    assertThat(batch.audioInput()).containsOnly((float) Math.log(1e-10f));
    assertThat(batch.weights()).containsOnly(1e-3f);
    assertThat(batch.targets()).containsOnly(0f);
    assertThat(batch.sources())
        .allSatisfy(
            s -> {
              assertThat(s.cropOffset()).isZero();
              assertThat(s.cropValid()).isEqualTo(4000);
            });
  }

  @Test
  void cropsStartAtRandomInsideTheValidAudio() {
    List<StoredClip> pool = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      StoredClip noise = TestClips.noise("v" + v, List.of(), CLIP, v);
      pool.add(
          new StoredClip(
              noise.videoId(),
              noise.instruments(),
              noise.sampleRate(),
              noise.audio(),
              12000,
              noise.startSeconds(),
              noise.frameTimes(),
              noise.framesJpeg()));
    }
    MixAndSeparate.Settings tiny =
        new MixAndSeparate.Settings(2, 8191, 4, 1, 2, 3, false, false, 0, 0, 0);
    TrainingBatch batch =
        new MixAndSeparate(tiny, pool, Instruments::index).next(12, new Random(11));

    assertThat(batch.sources())
        .allSatisfy(
            s -> {
              assertThat(s.cropValid()).isEqualTo(8191);
              assertThat(s.cropOffset()).isBetween(0, 12000 - 8191);
              assertThat(s.cropEnd() - s.cropStart())
                  .isCloseTo(8191.0 / TestClips.RATE, within(1e-9));
            });
    assertThat(
            batch.sources().stream().map(TrainingBatch.MixedSource::cropOffset).distinct().count())
        .isGreaterThan(20);
  }

  @Test
  void framesComeFromInsideTheCropAndAreNormalised() {
    MixAndSeparate.Settings jitterAndAugment =
        new MixAndSeparate.Settings(2, 8191, 16, 3, 8, 3, true, true, 0, 0, 0);
    List<StoredClip> pool = noisePool(3);
    Map<String, StoredClip> byVideo =
        pool.stream().collect(Collectors.toMap(StoredClip::videoId, Function.identity()));
    TrainingBatch batch =
        new MixAndSeparate(jitterAndAugment, pool, Instruments::index).next(4, new Random(2));

    int plane = 8 * 8;
    for (int slot = 0; slot < 8; slot++) {
      TrainingBatch.MixedSource source = batch.sources().get(slot);
      double[] times = byVideo.get(source.videoId()).frameTimes();
      assertThat(source.frameIndices()).hasSize(3).isSorted();
      for (int k = 0; k < 3; k++) {
        int index = source.frameIndices()[k];
        assertThat(times[index]).isBetween(source.cropStart(), source.cropEnd());
        Color colour = TestClips.frameColour(index);
        int[] rgb = {colour.getRed(), colour.getGreen(), colour.getBlue()};
        for (int c = 0; c < 3; c++) {
          int at = ((slot * 3 + k) * 3 + c) * plane;
          float expected = TestClips.normalised(rgb[c], c);
          for (int p = 0; p < plane; p++) {
            // JPEG moves a solid colour by a few levels at most.
            assertThat(batch.frames()[at + p])
                .isCloseTo(expected, within(4 / 255f / FrameImages.STD[c]));
          }
        }
      }
    }
  }

  @Test
  void mixturesNeverTakeTwoClipsOfOneVideo() {
    List<StoredClip> pool = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      for (int c = 0; c < 4; c++) pool.add(TestClips.noise("v" + v, List.of(), 2048, 10 * v + c));
    }
    MixAndSeparate.Settings three =
        new MixAndSeparate.Settings(3, 1023, 4, 1, 2, 3, false, false, 0, 0, 0);
    TrainingBatch batch =
        new MixAndSeparate(three, pool, Instruments::index).next(30, new Random(8));

    for (int b = 0; b < 30; b++) {
      assertThat(batch.sources().subList(3 * b, 3 * b + 3))
          .extracting(TrainingBatch.MixedSource::videoId)
          .containsExactlyInAnyOrder("v0", "v1", "v2");
    }
  }

  @Test
  void mixturesPreferDifferentInstrumentsAndSettleForDifferentVideos() {
    MixAndSeparate.Settings small =
        new MixAndSeparate.Settings(2, 1023, 4, 1, 2, 3, false, false, 0, 0, 0);
    List<StoredClip> pool = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      pool.add(TestClips.noise("violin-1", List.of("violin"), 2048, c));
      pool.add(TestClips.noise("violin-2", List.of("violin"), 2048, 10 + c));
    }
    pool.add(TestClips.noise("cello-1", List.of("cello"), 2048, 20));

    TrainingBatch batch =
        new MixAndSeparate(small, pool, Instruments::index).next(20, new Random(9));
    for (int b = 0; b < 20; b++) {
      assertThat(batch.sources().subList(2 * b, 2 * b + 2))
          .extracting(TrainingBatch.MixedSource::videoId)
          .contains("cello-1");
    }
    assertThat(batch.tags()).containsOnly(Instruments.index("violin"), Instruments.index("cello"));

    TrainingBatch violins =
        new MixAndSeparate(small, pool.subList(0, 6), Instruments::index).next(5, new Random(9));
    for (int b = 0; b < 5; b++) {
      assertThat(violins.sources().subList(2 * b, 2 * b + 2))
          .extracting(TrainingBatch.MixedSource::videoId)
          .containsExactlyInAnyOrder("violin-1", "violin-2");
    }
  }

  @Test
  void onlySingleInstrumentClipsGetATag() {
    List<StoredClip> pool =
        List.of(
            TestClips.noise("solo", List.of("cello"), 2048, 1),
            TestClips.noise("duet", List.of("flute", "piano"), 2048, 2),
            TestClips.noise("untagged", List.of(), 2048, 3));
    MixAndSeparate.Settings three =
        new MixAndSeparate.Settings(3, 1023, 4, 1, 2, 3, false, false, 0, 0, 0);
    TrainingBatch batch =
        new MixAndSeparate(three, pool, Instruments::index).next(1, new Random(1));

    for (int s = 0; s < 3; s++) {
      int expected =
          batch.sources().get(s).videoId().equals("solo")
              ? Instruments.index("cello")
              : TrainingBatch.NO_TAG;
      assertThat(batch.tags()[s]).isEqualTo(expected);
    }
  }

  @Test
  void theSameSeedGivesTheSameBatchAndAnotherSeedAnother() {
    MixAndSeparate.Settings random =
        new MixAndSeparate.Settings(2, 8191, 16, 3, 8, 3, true, true, 0, 0, 0);
    MixAndSeparate builder = new MixAndSeparate(random, noisePool(4), Instruments::index);

    TrainingBatch first = builder.next(3, new Random(42));
    TrainingBatch again = builder.next(3, new Random(42));
    TrainingBatch other = builder.next(3, new Random(43));

    assertThat(again).usingRecursiveComparison().isEqualTo(first);
    assertThat(other.audioInput()).isNotEqualTo(first.audioInput());
  }

  @Test
  void wrongPoolsAndSettingsAreRefusedWithTheReason() {
    List<StoredClip> oneVideo =
        List.of(
            TestClips.noise("only", List.of(), 2048, 1),
            TestClips.noise("only", List.of(), 2048, 2));
    assertThatThrownBy(() -> new MixAndSeparate(SMALL, oneVideo, Instruments::index))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the pool has clips of 1 video(s) [only]; mixtures of 2 sources need clips of at least 2 different videos");

    StoredClip at44k =
        new StoredClip(
            "fast",
            List.of(),
            44100,
            new float[100],
            100,
            0,
            new double[] {0},
            List.of(new byte[1]));
    assertThatThrownBy(
            () ->
                new MixAndSeparate(
                    SMALL,
                    List.of(at44k, TestClips.noise("b", List.of(), 2048, 1)),
                    Instruments::index))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("44100 Hz");
    assertThatThrownBy(
            () ->
                new MixAndSeparate(
                    SMALL,
                    List.of(TestClips.noise("a", List.of("kazoo"), 2048, 1)),
                    Instruments::index))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown instrument 'kazoo'");
    assertThatThrownBy(
            () -> new MixAndSeparate.Settings(1, 8191, 16, 3, 8, 3, false, false, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sources per mixture 1 < 2");
    assertThatThrownBy(
            () -> new MixAndSeparate.Settings(2, 8191, 16, 3, 8, 3, false, false, 0, 0, 91))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame turn range +-91.0 degrees not in 0..90");
    assertThatThrownBy(
            () -> new MixAndSeparate(SMALL, noisePool(2), Instruments::index).next(0, new Random()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batch size 0 must be positive");
    assertThatThrownBy(
            () ->
                new StoredClip(
                    "v",
                    List.of(),
                    TestClips.RATE,
                    new float[10],
                    10,
                    0,
                    new double[2],
                    List.of(new byte[1])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 frame times and 1 frames");
  }

  /**
   * The linear bin SoP's warp reads for log row {@code row} of {@code rows} (LogFrequencyWarp's
   * javadoc).
   */
  private static double linearBinOfLogRow(int row, int rows) {
    return (Math.pow(21, (double) row / (rows - 1)) - 1) / 20 * 511;
  }

  @Test
  void duetsCarryTheirLeftAndRightInstrumentsAsShown() {
    // Duet frames red on the left, blue on the right: mirrored ones must have their tags swapped.
    BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 24; y++) {
      for (int x = 0; x < 32; x++) image.setRGB(x, y, (x < 16 ? Color.RED : Color.BLUE).getRGB());
    }
    byte[] jpeg = TestClips.encode(image, "jpg");
    StoredClip duet =
        new StoredClip(
            "duet",
            List.of("cello", "flute"),
            TestClips.RATE,
            new float[CLIP],
            CLIP,
            0,
            new double[] {0.25, 0.75, 1.25},
            List.of(jpeg, jpeg, jpeg));
    MixAndSeparate.Settings augmented =
        new MixAndSeparate.Settings(2, 8191, 16, 3, 8, 3, false, true, 0, 0, 0);
    TrainingBatch batch =
        new MixAndSeparate(augmented, noisePool(3), List.of(duet), 16, 0, Instruments::index)
            .next(2, new Random(4));

    assertThat(batch.sceneFrameShape(batch.duets())).containsExactly(16, 3, 3, 8, 8);
    int cello = Instruments.index("cello");
    int flute = Instruments.index("flute");
    Set<Boolean> mirrored = new HashSet<>();
    for (int d = 0; d < 16; d++) {
      // Red channel of the first frame, left column against right column.
      int plane = d * 3 * 3 * 64;
      boolean redLeft =
          batch.duets().frames()[plane + 8 * 4] > batch.duets().frames()[plane + 8 * 4 + 7];
      mirrored.add(!redLeft);
      assertThat(new int[] {batch.duets().tags()[2 * d], batch.duets().tags()[2 * d + 1]})
          .containsExactly(redLeft ? new int[] {cello, flute} : new int[] {flute, cello});
    }
    assertThat(mirrored).containsExactlyInAnyOrder(true, false);
  }

  @Test
  void withoutDuetsTheBatchesAreAsBefore() {
    StoredClip duet = TestClips.noise("duet", List.of("cello", "flute"), CLIP, 9);
    TrainingBatch plain =
        new MixAndSeparate(SMALL, noisePool(3), Instruments::index).next(2, new Random(6));
    TrainingBatch none =
        new MixAndSeparate(SMALL, noisePool(3), List.of(duet), 0, 0, Instruments::index)
            .next(2, new Random(6));
    assertThat(none.audioInput()).containsExactly(plain.audioInput());
    assertThat(none.frames()).containsExactly(plain.frames());
    assertThat(none.duets().count()).isZero();
    assertThat(none.mosaics().count()).isZero();
    assertThatThrownBy(
            () ->
                new MixAndSeparate(
                    SMALL,
                    noisePool(3),
                    List.of(TestClips.noise("d", List.of("cello", "cello"), CLIP, 2)),
                    1,
                    0,
                    Instruments::index))
        .hasMessage(
            "duet clip of d is tagged [cello, cello]; a training duet needs two different instruments, left to right");
  }

  @Test
  void
      mosaicsShowTheirMixturesSourcesAndSilentSolosOfOtherInstrumentsInTheQuadrantsTheirTagsName() {
    // One solid colour per instrument; each quadrant's centre must have the colour of the
    // instrument its tag names.
    Map<String, Color> colours =
        Map.of(
            "cello",
            Color.RED,
            "flute",
            Color.GREEN,
            "violin",
            Color.BLUE,
            "drum",
            Color.WHITE,
            "tuba",
            Color.BLACK);
    List<StoredClip> pool = new ArrayList<>();
    colours.forEach(
        (instrument, colour) -> {
          byte[] jpeg = TestClips.solidJpeg(32, 32, colour);
          float[] noise =
              TestClips.noise(instrument, List.of(), CLIP, instrument.hashCode()).audio();
          pool.add(
              new StoredClip(
                  instrument + "-video",
                  List.of(instrument),
                  TestClips.RATE,
                  noise,
                  CLIP,
                  0,
                  new double[] {0.25, 0.75, 1.25},
                  List.of(jpeg, jpeg, jpeg)));
        });
    MixAndSeparate.Settings augmented =
        new MixAndSeparate.Settings(2, 8191, 16, 3, 8, 3, false, true, 0, 0, 0);
    // At most one mosaic a mixture.
    TrainingBatch batch =
        new MixAndSeparate(augmented, pool, List.of(), 0, 12, Instruments::index)
            .next(6, new Random(5));

    TrainingBatch.Scenes mosaics = batch.mosaics();
    assertThat(mosaics.count()).isEqualTo(6);
    assertThat(mosaics.columns()).isEqualTo(2);
    assertThat(mosaics.rows()).isEqualTo(2);
    assertThat(mosaics.sounding()).isTrue();
    assertThat(batch.sceneFrameShape(mosaics)).containsExactly(6, 3, 3, 8, 8);
    Map<Integer, String> byClass =
        colours.keySet().stream()
            .collect(Collectors.toMap(Instruments::index, Function.identity()));
    float[] sceneTargets = batch.sceneTargets(mosaics);
    int spectrogram = 16 * augmented.stftFrames();
    Set<String> silentSeen = new HashSet<>();
    Set<Integer> quadrantsOfFirstSource = new HashSet<>();
    for (int m = 0; m < 6; m++) {
      Set<String> mixed =
          Set.of(
              batch.sources().get(2 * m).instruments().get(0),
              batch.sources().get(2 * m + 1).instruments().get(0));
      Set<Integer> tags = new HashSet<>();
      List<Integer> shown = new ArrayList<>();
      for (int q = 0; q < 4; q++) {
        int tag = mosaics.tags()[4 * m + q];
        tags.add(tag);
        int source = mosaics.sources()[4 * m + q];
        float[] target =
            Arrays.copyOfRange(
                sceneTargets, (4 * m + q) * spectrogram, (4 * m + q + 1) * spectrogram);
        if (source == TrainingBatch.Scenes.SILENT) {
          assertThat(mixed)
              .as("a silent tile's instrument is not in its mixture")
              .doesNotContain(byClass.get(tag));
          silentSeen.add(byClass.get(tag));
          assertThat(target).containsOnly(0f);
        } else {
          shown.add(source);
          if (source == 0) quadrantsOfFirstSource.add(q);
          assertThat(byClass.get(tag))
              .isEqualTo(batch.sources().get(2 * m + source).instruments().get(0));
          assertThat(target)
              .containsExactly(
                  Arrays.copyOfRange(
                      batch.targets(),
                      (2 * m + source) * spectrogram,
                      (2 * m + source + 1) * spectrogram));
        }
        for (int k = 0; k < 3; k++) {
          // Pixel (4 * column + 1, 4 * row + 1) lies well inside its 4 x 4 quadrant of the 8 x 8
          // frame.
          int pixel = (4 * (q / 2) + 1) * 8 + 4 * (q % 2) + 1;
          int frame = (m * 3 + k) * 3 * 64;
          float[] expected = colours.get(byClass.get(tag)).getRGBColorComponents(null);
          for (int c = 0; c < 3; c++) {
            float value =
                mosaics.frames()[frame + c * 64 + pixel] * FrameImages.STD[c] + FrameImages.MEAN[c];
            assertThat(value)
                .as("mosaic %d quadrant %d frame %d channel %d", m, q, k, c)
                .isCloseTo(expected[c], within(0.1f));
          }
        }
      }
      assertThat(shown).as("each source of the mixture once").containsExactlyInAnyOrder(0, 1);
      assertThat(tags).as("four different instruments").hasSize(4);
    }
    assertThat(silentSeen).as("silent tiles of several instruments").hasSizeGreaterThan(2);
    assertThat(quadrantsOfFirstSource).as("sources in random quadrants").hasSizeGreaterThan(1);
    assertThatThrownBy(() -> batch.sceneTargets(batch.duets()))
        .hasMessage("these scenes have no sound");
    // Without mosaics, nothing is drawn for them: the batch is as before; with them the mixtures
    // are as before too.
    TrainingBatch plain =
        new MixAndSeparate(augmented, pool, List.of(), 0, 0, Instruments::index)
            .next(6, new Random(5));
    TrainingBatch first =
        new MixAndSeparate(augmented, pool, Instruments::index).next(6, new Random(5));
    assertThat(plain.frames()).containsExactly(first.frames());
    assertThat(batch.frames()).containsExactly(first.frames());
    assertThat(batch.audioInput()).containsExactly(first.audioInput());
    assertThat(
            new MixAndSeparate(augmented, pool, List.of(), 0, 2, Instruments::index)
                .next(6, new Random(5))
                .mosaics()
                .count())
        .isEqualTo(2);
    assertThatThrownBy(
            () ->
                new MixAndSeparate(
                    augmented, pool.subList(0, 3), List.of(), 0, 1, Instruments::index))
        .hasMessage(
            "1 mosaics per batch need solo clips of at least 4 instruments, an even frame size and at most 4 sources a mixture; "
                + "the pool has 3 instrument(s), frames of 8, mixtures of 2");
    MixAndSeparate.Settings five =
        new MixAndSeparate.Settings(5, 8191, 16, 3, 8, 3, false, true, 0, 0, 0);
    assertThatThrownBy(() -> new MixAndSeparate(five, pool, List.of(), 0, 1, Instruments::index))
        .hasMessage(
            "1 mosaics per batch need solo clips of at least 4 instruments, an even frame size and at most 4 sources a mixture; "
                + "the pool has 5 instrument(s), frames of 8, mixtures of 5");
  }
}
