package io.pixelplayer.jobs.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.ingest.ClipReader;
import io.pixelplayer.jobs.ingest.ClipSpec;
import io.pixelplayer.jobs.ingest.DecodedClip;
import io.pixelplayer.jobs.synth.CorpusPlan.VideoPlan;
import io.pixelplayer.jobs.synth.art.ArtLibrary;
import io.pixelplayer.udf.Wav;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthJobTest {
  private static final SynthSettings SETTINGS = SynthSettings.from(PixelPlayerConf.defaults());
  private static SoundFonts soundFonts;
  private static SoundFontRenderer soundFont;

  @BeforeAll
  static void openSoundFont() {
    soundFonts = SoundFonts.of(List.of());
    soundFont = soundFonts.renderer(0);
  }

  @AfterAll
  static void closeSoundFont() {
    soundFonts.close();
  }

  private static SynthJob.Result synth(Path out, long seed) throws Exception {
    return SynthJob.run(
        out,
        List.of("cello", "trumpet", "xylophone", "drum"),
        3,
        1,
        0,
        2.5,
        seed,
        SETTINGS,
        soundFonts,
        List.of(ArtLibrary.builtIn("noto"), ArtLibrary.builtIn("twemoji")),
        60,
        null);
  }

  @Test
  void theSameArgumentsGiveTheSameManifestAndAudio(@TempDir Path dir) throws Exception {
    synth(dir.resolve("a"), 5);
    synth(dir.resolve("b"), 5);
    assertThat(Files.readString(dir.resolve("a/manifest.csv")))
        .isEqualTo(Files.readString(dir.resolve("b/manifest.csv")));
    List<Path> truths;
    try (Stream<Path> files = Files.walk(dir.resolve("a/truth"))) {
      truths = files.filter(Files::isRegularFile).toList();
    }
    // per solo a wav, the background and boxes.csv; for the duet two wavs, the background and
    // boxes.csv
    assertThat(truths).hasSize(3 * 3 + 4);
    for (Path a : truths) {
      Path b = dir.resolve("b").resolve(dir.resolve("a").relativize(a));
      assertThat(Files.mismatch(a, b)).as(a.toString()).isEqualTo(-1L);
    }
    synth(dir.resolve("c"), 6);
    assertThat(
            Files.mismatch(
                dir.resolve("a/truth/solo-0001/boxes.csv"),
                dir.resolve("c/truth/solo-0001/boxes.csv")))
        .isNotEqualTo(-1L);
  }

  @Test
  void manifestFollowsTheContract(@TempDir Path dir) throws Exception {
    SynthJob.Result result = synth(dir, 1);
    List<String> lines = Files.readAllLines(dir.resolve("manifest.csv"));
    assertThat(lines.get(0)).isEqualTo("video_id,path,split,kind,instruments,seconds");
    assertThat(lines).hasSize(5);
    assertThat(lines.get(4))
        .matches("duet-0001,videos/duet-0001\\.mp4,(train|val|test),duet,[a-z_]+;[a-z_]+,2\\.5");
    assertThat(result.videos()).isEqualTo(4);
    for (String line : lines.subList(1, lines.size())) {
      assertThat(dir.resolve(line.split(",")[1])).isNotEmptyFile();
    }
    // How the corpus was made, for the models trained on it.
    Properties description = new Properties();
    try (var reader = Files.newBufferedReader(dir.resolve(SynthJob.DESCRIPTION))) {
      description.load(reader);
    }
    assertThat(description)
        .containsEntry("seed", "1")
        .containsEntry("soundfont", "FluidR3_GM.sf2")
        .containsEntry("art", "noto,twemoji")
        .containsEntry("instruments", "cello,trumpet,xylophone,drum")
        .containsEntry("solos", "3")
        .containsEntry("duets", "1")
        .containsEntry("seconds", "2.5")
        .containsKey("created")
        // twemoji is kept for evaluation
        .containsEntry(SynthJob.RESERVED_FOR_EVALUATION, "true")
        .containsEntry("reserved_assets", "twemoji");
    assertThat(description)
        .containsEntry("acoustics", "true")
        .containsEntry("acoustics.rt60MaxSeconds", "1.2");
    List<String> renders = Files.readAllLines(dir.resolve(SynthJob.RENDERS));
    assertThat(renders.get(0))
        .isEqualTo(
            "video_id,soundfont,art,tempo_factor,rt60_s,tilt_db,snr_db,hum_hz,compression_ratio,content,silent_instrument,distractors");
    assertThat(renders.subList(1, renders.size()))
        .hasSize(4)
        .satisfiesExactly(
            line -> assertThat(line).startsWith("solo-0001,FluidR3_GM.sf2,noto,"),
            line -> assertThat(line).startsWith("solo-0002,FluidR3_GM.sf2,twemoji,"),
            line -> assertThat(line).startsWith("solo-0003,FluidR3_GM.sf2,noto,"),
            line -> assertThat(line).startsWith("duet-0001,FluidR3_GM.sf2,twemoji,"));
  }

  @Test
  void eachVideoIsDealtOneOfSeveralSoundFontsAndTheCorpusSaysWhichAreReserved(@TempDir Path dir)
      throws Exception {
    try (SoundFonts several =
        SoundFonts.of(
            List.of(
                SoundFontRenderer.DEFAULT_SOUNDFONT.toString(),
                "builtin",
                "/usr/share/sounds/sf2/TimGM6mb.sf2"))) {
      SynthJob.run(
          dir,
          List.of("flute"),
          3,
          0,
          0,
          1.5,
          4,
          SETTINGS,
          several,
          List.of(ArtLibrary.builtIn("noto")),
          60,
          null);
    }
    List<String> renders = Files.readAllLines(dir.resolve(SynthJob.RENDERS));
    assertThat(renders.subList(1, renders.size()).stream().map(line -> line.split(",")[1]))
        .containsExactlyInAnyOrder("FluidR3_GM.sf2", "builtin", "TimGM6mb.sf2");
    assertThat(
            renders.subList(1, renders.size()).stream().map(line -> line.split(",")[4]).distinct())
        .hasSize(3); // RT60s
    Properties description = new Properties();
    try (var reader = Files.newBufferedReader(dir.resolve(SynthJob.DESCRIPTION))) {
      description.load(reader);
    }
    assertThat(description)
        .containsEntry("soundfont", "FluidR3_GM.sf2,builtin,TimGM6mb.sf2")
        .containsEntry(SynthJob.RESERVED_FOR_EVALUATION, "true")
        .containsEntry("reserved_assets", "TimGM6mb.sf2");
  }

  @Test
  void theSourcesAddUpToTheVideosSoundtrack(@TempDir Path dir) throws Exception {
    VideoPlan duet = new VideoPlan("d", "duet", "test", List.of("violin", "tuba"), 11);
    new MusicVideoRenderer(SETTINGS, true)
        .render(duet, ArtLibrary.builtIn("twemoji"), soundFont, 3, dir);
    float[] sum = new float[3 * 11025];
    // the background noise is in the mixture, in no source's truth
    for (String name : List.of("0_violin.wav", "1_tuba.wav", MusicVideoRenderer.BACKGROUND)) {
      float[] source = Wav.read(dir.resolve("truth/d").resolve(name)).samples();
      assertThat(source).hasSize(sum.length);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += source[i];
      }
    }
    float[] decoded;
    try (ClipReader reader =
        new ClipReader(
            dir.resolve("videos/d.mp4").toString(),
            new ClipSpec(11025, sum.length, sum.length, 1, 32, 32, 80, -60, 0.9, 60))) {
      DecodedClip clip = reader.next();
      decoded = clip.audio();
    }
    // Aligned (the best lag is 0) and equal within the AAC codec's error.
    assertThat(bestLag(sum, decoded, 50)).isZero();
    double signal = 0;
    double error = 0;
    for (int i = 0; i < sum.length; i++) {
      signal += sum[i] * sum[i];
      error += (sum[i] - decoded[i]) * (sum[i] - decoded[i]);
    }
    double snrDb = 10 * Math.log10(signal / error);
    System.out.printf("synth truth vs decoded soundtrack: SNR %.1f dB%n", snrDb);
    assertThat(snrDb).isGreaterThan(20);
  }

  @Test
  void boxesSurroundTheInstrumentInTheRenderedFrames(@TempDir Path dir) throws Exception {
    VideoPlan solo = new VideoPlan("s", "solo", "train", List.of("cello"), 3);
    new MusicVideoRenderer(SETTINGS, false)
        .render(solo, ArtLibrary.builtIn("noto"), soundFont, 2, dir);
    List<String> boxes = Files.readAllLines(dir.resolve("truth/s/boxes.csv"));
    assertThat(boxes).hasSize(1 + (int) Math.round(2 * SETTINGS.fps()));
    try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(dir.resolve("videos/s.mp4").toFile());
        Java2DFrameConverter converter = new Java2DFrameConverter()) {
      grabber.start();
      int checked = 0;
      for (int f = 0; f < boxes.size() - 1; f++) {
        Frame frame = grabber.grabImage();
        if (f % 12 != 0) {
          continue;
        }
        String[] cells = boxes.get(1 + f).split(",");
        double[] truth = {
          Double.parseDouble(cells[3]),
          Double.parseDouble(cells[4]),
          Double.parseDouble(cells[5]),
          Double.parseDouble(cells[6])
        };
        double[] seen = foreground(converter.convert(frame));
        assertThat(iou(truth, seen))
            .as("frame %d: truth %s, seen %s", f, List.of(cells), java.util.Arrays.toString(seen))
            .isGreaterThan(0.8);
        checked++;
      }
      assertThat(checked).isEqualTo(4);
    }
  }

  /** The box of pixels that differ from the (plain) background, taken at the frame's corner. */
  private static double[] foreground(BufferedImage image) {
    int background = image.getRGB(0, 0);
    int x0 = image.getWidth();
    int y0 = image.getHeight();
    int x1 = -1;
    int y1 = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int d =
            Math.abs(((rgb >> 16) & 255) - ((background >> 16) & 255))
                + Math.abs(((rgb >> 8) & 255) - ((background >> 8) & 255))
                + Math.abs((rgb & 255) - (background & 255));
        if (d > 60) {
          x0 = Math.min(x0, x);
          y0 = Math.min(y0, y);
          x1 = Math.max(x1, x + 1);
          y1 = Math.max(y1, y + 1);
        }
      }
    }
    return new double[] {
      x0 / (double) image.getWidth(),
      y0 / (double) image.getHeight(),
      x1 / (double) image.getWidth(),
      y1 / (double) image.getHeight()
    };
  }

  private static double iou(double[] a, double[] b) {
    double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    double inter = Math.max(0, w) * Math.max(0, h);
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
  }

  private static int bestLag(float[] a, float[] b, int maxLag) {
    int best = 0;
    double bestValue = -Double.MAX_VALUE;
    for (int lag = -maxLag; lag <= maxLag; lag++) {
      double dot = 0;
      for (int i = Math.max(0, -lag); i < a.length && i + lag < b.length; i++) {
        dot += a[i] * b[i + lag];
      }
      if (dot > bestValue) {
        bestValue = dot;
        best = lag;
      }
    }
    return best;
  }
}
