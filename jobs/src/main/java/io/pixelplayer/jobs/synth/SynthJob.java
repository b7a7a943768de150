package io.pixelplayer.jobs.synth;

import io.pixelplayer.jobs.synth.CorpusPlan.VideoPlan;
import io.pixelplayer.jobs.synth.MusicVideoRenderer.Rendering;
import io.pixelplayer.jobs.synth.acoustics.Acoustics;
import io.pixelplayer.jobs.synth.acoustics.AcousticsSettings;
import io.pixelplayer.jobs.synth.art.ArtLibrary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code synth}: renders a labelled corpus in the layout of CONTRACT.md (videos/, manifest.csv,
 * truth/), one video per core at a time. The same arguments give the same manifest and the same
 * audio. With several art styles, videos take them in turn; with several SoundFonts, each music
 * video is dealt one ({@link SoundFonts#deal}). Non-music videos (kind {@value CorpusPlan#NONE})
 * come after the music. Beside the manifest, {@value #RENDERS} says what each video was rendered
 * with.
 */
public final class SynthJob {
  /** The file beside manifest.csv that says how a synthetic corpus was generated. */
  public static final String DESCRIPTION = "corpus.properties";

  /**
   * The file beside manifest.csv that says, per video, what it was rendered with: SoundFont, art
   * style, the main acoustics drawn (tempo factor, RT60, tilt, SNR of the background noise, hum,
   * compression ratio), what a non-music video holds ({@code kind:sound:picture}), and what is in
   * view but silent: a silent instrument and props, each as {@code name x0 y0 x1 y1} (its box at t
   * = 0, in 0..1 of the frame; props {@code ;}-joined).
   */
  public static final String RENDERS = "renders.csv";

  /**
   * The key of {@value #DESCRIPTION} that is true when the corpus holds assets kept for evaluation.
   */
  public static final String RESERVED_FOR_EVALUATION = "reserved_for_evaluation";

  private SynthJob() {}

  /** What a run made. */
  public record Result(
      int videos, double mediaSeconds, double wallSeconds, long videoBytes, long truthBytes) {}

  public static Result run(
      Path out,
      List<String> instruments,
      int solos,
      int duets,
      int nonMusic,
      double seconds,
      long seed,
      SynthSettings settings,
      SoundFonts soundFonts,
      List<ArtLibrary> arts,
      double progressIntervalSeconds,
      PrintStream progress)
      throws IOException {
    List<VideoPlan> plan = plan(instruments, solos, duets, nonMusic, seconds, seed);
    if (arts.isEmpty()) {
      throw new IllegalArgumentException("no art to draw the instruments with");
    }
    if (plan.stream().anyMatch(video -> video.nonMusic() == NonMusic.SPEECH)) {
      new Espeak(settings.espeak()).check();
    }
    // Music videos come first in the plan and alone are dealt SoundFonts, so the deal is what it
    // was without non-music.
    List<Integer> soundFontOf = soundFonts.deal(solos + duets, seed);
    long start = System.nanoTime();
    Files.createDirectories(out);
    MusicVideoRenderer renderer = new MusicVideoRenderer(settings, true);
    Rendering[] renderings = new Rendering[plan.size()];
    AtomicInteger done = new AtomicInteger();
    long[] lastPrint = {System.nanoTime()};
    ExecutorService pool =
        Executors.newFixedThreadPool(
            settings.renderThreads(),
            r -> {
              Thread t = new Thread(r, "synth-render");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < plan.size(); i++) {
        VideoPlan video = plan.get(i);
        // Several art styles alternate from video to video.
        ArtLibrary art = arts.get(i % arts.size());
        int index = i;
        futures.add(
            pool.submit(
                () -> {
                  SoundFontRenderer soundFont =
                      video.nonMusic() == null ? soundFonts.renderer(soundFontOf.get(index)) : null;
                  renderings[index] = renderer.render(video, art, soundFont, seconds, out);
                  int n = done.incrementAndGet();
                  synchronized (lastPrint) {
                    long now = System.nanoTime();
                    if (progress != null
                        && (now - lastPrint[0] >= progressIntervalSeconds * 1e9
                            || n == plan.size())) {
                      lastPrint[0] = now;
                      double elapsed = (now - start) / 1e9;
                      progress.printf(
                          Locale.ROOT,
                          "synth: %d/%d videos, %.2f videos/s, ETA %.0f s%n",
                          n,
                          plan.size(),
                          n / elapsed,
                          elapsed / n * (plan.size() - n));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      throw new IOException(cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
    writeManifest(out, plan, seconds);
    writeRenders(out, plan, soundFonts, soundFontOf, arts, renderings);
    writeDescription(
        out, instruments, solos, duets, nonMusic, seconds, seed, soundFonts, arts, settings);
    long videoBytes = 0;
    long truthBytes = 0;
    for (VideoPlan video : plan) {
      videoBytes += Files.size(out.resolve("videos").resolve(video.videoId() + ".mp4"));
      try (Stream<Path> truth = Files.list(out.resolve("truth").resolve(video.videoId()))) {
        for (Path file : truth.toList()) {
          truthBytes += Files.size(file);
        }
      }
    }
    return new Result(
        plan.size(),
        plan.size() * seconds,
        (System.nanoTime() - start) / 1e9,
        videoBytes,
        truthBytes);
  }

  /**
   * The videos to render; checks the arguments (cheap, so callers check before loading a
   * SoundFont).
   */
  public static List<VideoPlan> plan(
      List<String> instruments, int solos, int duets, int nonMusic, double seconds, long seed) {
    if (!(seconds >= 1 && seconds <= 600)) {
      throw new IllegalArgumentException("--seconds " + seconds + " not in 1..600");
    }
    return CorpusPlan.plan(instruments, solos, duets, nonMusic, seed);
  }

  /**
   * {@value #DESCRIPTION}: how the corpus was generated, so a model trained on it can say what it
   * learnt from (training copies it beside the weights). {@code reserved_for_evaluation} is true
   * when any SoundFont or art style kept for evaluation was used ({@code reserved_assets} names
   * them): a model must not train on such a corpus.
   */
  private static void writeDescription(
      Path out,
      List<String> instruments,
      int solos,
      int duets,
      int nonMusic,
      double seconds,
      long seed,
      SoundFonts soundFonts,
      List<ArtLibrary> arts,
      SynthSettings settings)
      throws IOException {
    AcousticsSettings acoustics = settings.acoustics();
    List<String> reserved = new ArrayList<>(soundFonts.reservedForEvaluation());
    arts.stream()
        .filter(ArtLibrary::reservedForEvaluation)
        .map(ArtLibrary::style)
        .forEach(reserved::add);
    Properties description = new Properties();
    description.setProperty("generator", "pixelplayer synth");
    description.setProperty("seed", Long.toString(seed));
    description.setProperty("soundfont", String.join(",", soundFonts.names()));
    description.setProperty("art", String.join(",", arts.stream().map(ArtLibrary::style).toList()));
    description.setProperty(RESERVED_FOR_EVALUATION, Boolean.toString(!reserved.isEmpty()));
    description.setProperty("reserved_assets", String.join(",", reserved));
    description.setProperty("instruments", String.join(",", instruments));
    description.setProperty("solos", Integer.toString(solos));
    description.setProperty("duets", Integer.toString(duets));
    description.setProperty("nonmusic", Integer.toString(nonMusic));
    description.setProperty("silentInView", Double.toString(settings.silentInViewShare()));
    description.setProperty("distractors", Double.toString(settings.distractorShare()));
    description.setProperty("seconds", Double.toString(seconds));
    // The ranges the acoustics were drawn from, by their names in conf/pixelplayer.properties.
    for (RecordComponent range : AcousticsSettings.class.getRecordComponents()) {
      try {
        String key =
            range.getName().equals("enabled") ? "acoustics" : "acoustics." + range.getName();
        description.setProperty(key, String.valueOf(range.getAccessor().invoke(acoustics)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read the acoustics setting " + range.getName(), e);
      }
    }
    description.setProperty("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    try (Writer writer =
        Files.newBufferedWriter(out.resolve(DESCRIPTION), StandardCharsets.UTF_8)) {
      description.store(writer, "How this corpus was generated");
    }
  }

  private static void writeRenders(
      Path out,
      List<VideoPlan> plan,
      SoundFonts soundFonts,
      List<Integer> soundFontOf,
      List<ArtLibrary> arts,
      Rendering[] renderings)
      throws IOException {
    try (BufferedWriter renders =
        Files.newBufferedWriter(out.resolve(RENDERS), StandardCharsets.UTF_8)) {
      renders.write(
          "video_id,soundfont,art,tempo_factor,rt60_s,tilt_db,snr_db,hum_hz,compression_ratio,"
              + "content,silent_instrument,distractors\n");
      for (int i = 0; i < plan.size(); i++) {
        Rendering rendering = renderings[i];
        Acoustics a = rendering.acoustics();
        boolean music = plan.get(i).nonMusic() == null;
        renders.write(
            String.format(
                Locale.ROOT,
                "%s,%s,%s,%.3f,%.3f,%.2f,%s,%.0f,%.2f,%s,%s,%s%n",
                plan.get(i).videoId(),
                music ? soundFonts.names().get(soundFontOf.get(i)) : "",
                music ? arts.get(i % arts.size()).style() : "",
                a.tempoFactor(),
                a.rt60Seconds(),
                a.tiltDb(),
                a.noisy() ? String.format(Locale.ROOT, "%.1f", a.snrDb()) : "",
                a.humHz(),
                a.compressionRatio(),
                rendering.content(),
                rendering.silentInstrument() == null ? "" : seen(rendering.silentInstrument()),
                String.join(";", rendering.distractors().stream().map(SynthJob::seen).toList())));
      }
    }
  }

  private static String seen(Scene.Seen seen) {
    double[] box = seen.box();
    return String.format(
        Locale.ROOT, "%s %.4f %.4f %.4f %.4f", seen.name(), box[0], box[1], box[2], box[3]);
  }

  private static void writeManifest(Path out, List<VideoPlan> plan, double seconds)
      throws IOException {
    try (BufferedWriter manifest =
        Files.newBufferedWriter(out.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
      manifest.write("video_id,path,split,kind,instruments,seconds\n");
      for (VideoPlan video : plan) {
        manifest.write(
            String.format(
                Locale.ROOT,
                "%s,videos/%s.mp4,%s,%s,%s,%s%n",
                video.videoId(),
                video.videoId(),
                video.split(),
                video.kind(),
                String.join(";", video.instruments()),
                seconds));
      }
    }
  }
}
