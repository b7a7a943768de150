package io.pixelplayer.jobs.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.synth.CorpusPlan.VideoPlan;
import io.pixelplayer.jobs.synth.MusicVideoRenderer.Rendering;
import io.pixelplayer.jobs.synth.art.ArtLibrary;
import io.pixelplayer.udf.Loudness;
import io.pixelplayer.udf.Wav;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonMusicTest {
  private static final PixelPlayerConf CONF = PixelPlayerConf.defaults();
  private static final SynthSettings SETTINGS = SynthSettings.from(CONF);
  private static final SynthSettings SEEN_NOT_HEARD =
      SynthSettings.from(
          CONF.with("pixelplayer.synth.silentInView", "1")
              .with("pixelplayer.synth.distractors", "1"));
  private static final List<ArtLibrary> NOTO = List.of(ArtLibrary.builtIn("noto"));
  private static SoundFonts soundFonts;

  @BeforeAll
  static void openSoundFont() {
    soundFonts = SoundFonts.of(List.of());
  }

  @AfterAll
  static void closeSoundFont() {
    soundFonts.close();
  }

  @Test
  void nonMusicVideosComeAfterTheMusicInEveryKindAboutEquallyOften() {
    List<String> instruments = List.of("cello", "flute", "drum");
    List<VideoPlan> music = CorpusPlan.plan(instruments, 3, 1, 0, 7);
    List<VideoPlan> plan = CorpusPlan.plan(instruments, 3, 1, 10, 7);

    assertThat(plan.subList(0, 4)).isEqualTo(music);
    List<VideoPlan> none = plan.subList(4, plan.size());
    assertThat(none)
        .allSatisfy(
            video -> {
              assertThat(video.kind()).isEqualTo(CorpusPlan.NONE);
              assertThat(video.instruments()).isEmpty();
              assertThat(video.videoId()).startsWith("none-");
            });
    Map<NonMusic, Integer> counts = new HashMap<>();
    none.forEach(video -> counts.merge(video.nonMusic(), 1, Integer::sum));
    assertThat(counts)
        .hasSize(NonMusic.values().length)
        .allSatisfy((kind, n) -> assertThat(n).isEqualTo(2));
    // each kind's first clip goes to train, its second to test, as solos are dealt per instrument
    assertThat(none.stream().map(VideoPlan::split).toList())
        .containsExactly(
            "train", "train", "train", "train", "train", "test", "test", "test", "test", "test");
  }

  @Test
  void aNonMusicCorpusHasNoInstrumentsNoSourcesAndIsTheSameForTheSameSeed(@TempDir Path dir)
      throws Exception {
    Path a = dir.resolve("a");
    SynthJob.run(a, List.of("cello"), 0, 0, 5, 2, 3, SETTINGS, soundFonts, NOTO, 60, null);
    SynthJob.run(
        dir.resolve("b"), List.of("cello"), 0, 0, 5, 2, 3, SETTINGS, soundFonts, NOTO, 60, null);

    List<String> manifest = Files.readAllLines(a.resolve("manifest.csv"));
    assertThat(manifest.subList(1, manifest.size()))
        .hasSize(5)
        .allSatisfy(
            line ->
                assertThat(line)
                    .matches("none-000[1-5],videos/none-000[1-5]\\.mp4,train,none,,2\\.0"));
    List<String> renders = Files.readAllLines(a.resolve(SynthJob.RENDERS));
    Map<String, String> contentOf = new HashMap<>();
    for (String line : renders.subList(1, renders.size())) {
      String[] cells = line.split(",", -1);
      contentOf.put(cells[0], cells[9]);
    }
    // one round of five clips holds every kind
    assertThat(contentOf.values().stream().map(content -> content.split(":")[0]))
        .containsExactlyInAnyOrder("speech", "noise", "tones", "test_pattern", "silence");
    for (String id : contentOf.keySet()) {
      Path truth = a.resolve("truth").resolve(id);
      try (Stream<Path> files = Files.list(truth)) {
        assertThat(files.map(file -> file.getFileName().toString()))
            .containsExactlyInAnyOrder("boxes.csv", MusicVideoRenderer.BACKGROUND);
      }
      assertThat(Files.readAllLines(truth.resolve("boxes.csv")))
          .containsExactly("source_index,instrument,t,x0,y0,x1,y1");
      // the background is the whole mixture
      double loudness =
          Loudness.rmsDb(Wav.read(truth.resolve(MusicVideoRenderer.BACKGROUND)).samples());
      String kind = contentOf.get(id).split(":")[0];
      if (kind.equals("silence")) {
        assertThat(loudness).as(id).isLessThan(-90);
      } else {
        assertThat(loudness).as(id + " " + contentOf.get(id)).isGreaterThan(-40);
      }
    }
    try (Stream<Path> files = Files.walk(a)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName()
            .toString()
            .equals(SynthJob.DESCRIPTION)) { // it records when it was made
          assertThat(Files.mismatch(file, dir.resolve("b").resolve(a.relativize(file))))
              .as(file.toString())
              .isEqualTo(-1L);
        }
      }
    }
  }

  @Test
  void withoutEspeakACorpusWithSpeechFailsInOneLineBeforeRendering(@TempDir Path dir) {
    SynthSettings noEspeak =
        SynthSettings.from(CONF.with("pixelplayer.synth.espeak", "/nonexistent/espeak-ng"));

    assertThatThrownBy(
            () ->
                SynthJob.run(
                    dir, List.of("cello"), 0, 0, 5, 2, 3, noEspeak, soundFonts, NOTO, 60, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/nonexistent/espeak-ng")
        .hasMessageContaining("install")
        .hasMessageContaining("pixelplayer.synth.espeak")
        .hasMessageNotContaining("\n");
    assertThat(dir.resolve("videos")).doesNotExist();
  }

  @Test
  void silentInstrumentsAndPropsAreInTheRecordButNotInTheTagsOrTheBoxes(@TempDir Path dir)
      throws Exception {
    SynthJob.run(
        dir,
        List.of("cello", "trumpet"),
        2,
        0,
        0,
        1,
        8,
        SEEN_NOT_HEARD,
        soundFonts,
        NOTO,
        60,
        null);

    List<String> manifest = Files.readAllLines(dir.resolve("manifest.csv"));
    List<String> renders = Files.readAllLines(dir.resolve(SynthJob.RENDERS));
    for (int i = 1; i < manifest.size(); i++) {
      String tag = manifest.get(i).split(",")[4];
      assertThat(tag).isIn("cello", "trumpet");
      String[] record = renders.get(i).split(",", -1);
      assertThat(record[10]).matches("[a-z_]+( [01]\\.\\d{4}){4}").doesNotStartWith(tag + " ");
      assertThat(record[11]).matches("[a-z]+( [01]\\.\\d{4}){4}(;[a-z]+( [01]\\.\\d{4}){4})*");
      List<String> boxes =
          Files.readAllLines(
              dir.resolve("truth").resolve(manifest.get(i).split(",")[0]).resolve("boxes.csv"));
      assertThat(boxes.subList(1, boxes.size()))
          .allSatisfy(row -> assertThat(row).startsWith("0," + tag + ","));
    }
  }

  @Test
  void silentInstrumentsAndPropsAreDrawnAndStandStill(@TempDir Path dir) throws Exception {
    VideoPlan solo = new VideoPlan("s", "solo", "train", List.of("trumpet"), 12);
    Rendering rendering =
        new MusicVideoRenderer(SEEN_NOT_HEARD, false)
            .render(solo, ArtLibrary.builtIn("noto"), soundFonts.renderer(0), 2, dir);

    assertThat(rendering.silentInstrument()).isNotNull();
    assertThat(rendering.distractors()).isNotEmpty();
    List<Scene.Seen> stills = new ArrayList<>(rendering.distractors());
    stills.add(rendering.silentInstrument());
    List<BufferedImage> frames = frames(dir.resolve("videos/s.mp4"), 0, 36);
    int background = mostCommon(frames.get(0));
    for (Scene.Seen still : stills) {
      // something is drawn in its box over the plain backdrop, and it does not move while the
      // trumpet plays
      assertThat(shareDiffering(frames.get(0), still.box(), background))
          .as(still.name())
          .isGreaterThan(0.15);
      assertThat(meanDifference(frames.get(0), frames.get(1), still.box()))
          .as(still.name())
          .isLessThan(3);
    }
  }

  /** Copies of the frames numbered {@code wanted} (ascending). */
  private static List<BufferedImage> frames(Path video, int... wanted) throws Exception {
    List<BufferedImage> frames = new ArrayList<>();
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      for (int f = 0; f <= wanted[wanted.length - 1]; f++) {
        BufferedImage image = converter.convert(grabber.grabImage());
        int number = f;
        if (Arrays.stream(wanted).anyMatch(w -> w == number)) {
          BufferedImage copy =
              new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
          copy.getGraphics().drawImage(image, 0, 0, null);
          frames.add(copy);
        }
      }
    }
    return frames;
  }

  private static int mostCommon(BufferedImage image) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) counts.merge(image.getRGB(x, y), 1, Integer::sum);
    }
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }

  /** The share of a box's pixels (x0, y0, x1, y1 in 0..1) that are far from a colour. */
  private static double shareDiffering(BufferedImage image, double[] box, int colour) {
    int differing = 0;
    int all = 0;
    for (int[] p : pixels(image, box)) {
      int rgb = image.getRGB(p[0], p[1]);
      int d =
          Math.abs(((rgb >> 16) & 255) - ((colour >> 16) & 255))
              + Math.abs(((rgb >> 8) & 255) - ((colour >> 8) & 255))
              + Math.abs((rgb & 255) - (colour & 255));
      differing += d > 40 ? 1 : 0;
      all++;
    }
    return differing / (double) all;
  }

  /** The mean absolute difference of two frames' channels inside a box. */
  private static double meanDifference(BufferedImage a, BufferedImage b, double[] box) {
    double sum = 0;
    int all = 0;
    for (int[] p : pixels(a, box)) {
      int x = a.getRGB(p[0], p[1]);
      int y = b.getRGB(p[0], p[1]);
      for (int shift = 0; shift <= 16; shift += 8)
        sum += Math.abs(((x >> shift) & 255) - ((y >> shift) & 255));
      all += 3;
    }
    return sum / all;
  }

  private static List<int[]> pixels(BufferedImage image, double[] box) {
    List<int[]> pixels = new ArrayList<>();
    for (int y = (int) (box[1] * image.getHeight()); y < (int) (box[3] * image.getHeight()); y++) {
      for (int x = (int) (box[0] * image.getWidth()); x < (int) (box[2] * image.getWidth()); x++)
        pixels.add(new int[] {x, y});
    }
    return pixels;
  }
}
