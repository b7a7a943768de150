package io.pixelplayer.jobs.synth;

import io.pixelplayer.jobs.synth.CorpusPlan.VideoPlan;
import io.pixelplayer.jobs.synth.art.ArtLibrary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
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
 * {@code synth}: renders a labelled corpus in the layout of CONTRACT.md (videos/, manifest.csv, truth/),
 * one video per core at a time. The same arguments give the same manifest and the same audio. With several
 * art styles, videos take them in turn.
 */
public final class SynthJob {
  /** The file beside manifest.csv that says how a synthetic corpus was generated. */
  public static final String DESCRIPTION = "corpus.properties";

  private SynthJob() {}

  /** What a run made. */
  public record Result(int videos, double mediaSeconds, double wallSeconds, long videoBytes, long truthBytes) {}

  public static Result run(Path out, List<String> instruments, int solos, int duets, double seconds, long seed,
      SynthSettings settings, SoundFontRenderer soundFont, List<ArtLibrary> arts, double progressIntervalSeconds,
      PrintStream progress) throws IOException {
    List<VideoPlan> plan = plan(instruments, solos, duets, seconds, seed);
    long start = System.nanoTime();
    Files.createDirectories(out);
    if (arts.isEmpty()) {
      throw new IllegalArgumentException("no art to draw the instruments with");
    }
    MusicVideoRenderer renderer = new MusicVideoRenderer(settings, soundFont, true);
    AtomicInteger done = new AtomicInteger();
    long[] lastPrint = {System.nanoTime()};
    ExecutorService pool = Executors.newFixedThreadPool(settings.renderThreads(), r -> {
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
        futures.add(pool.submit(() -> {
          renderer.render(video, art, seconds, out);
          int n = done.incrementAndGet();
          synchronized (lastPrint) {
            long now = System.nanoTime();
            if (progress != null && (now - lastPrint[0] >= progressIntervalSeconds * 1e9 || n == plan.size())) {
              lastPrint[0] = now;
              double elapsed = (now - start) / 1e9;
              progress.printf(Locale.ROOT, "synth: %d/%d videos, %.2f videos/s, ETA %.0f s%n", n, plan.size(), n / elapsed,
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
    writeDescription(out, instruments, solos, duets, seconds, seed, soundFont, arts);
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
    return new Result(plan.size(), plan.size() * seconds, (System.nanoTime() - start) / 1e9, videoBytes, truthBytes);
  }

  /** The videos to render; checks the arguments (cheap, so callers check before loading a SoundFont). */
  public static List<VideoPlan> plan(List<String> instruments, int solos, int duets, double seconds, long seed) {
    if (!(seconds >= 1 && seconds <= 600)) {
      throw new IllegalArgumentException("--seconds " + seconds + " not in 1..600");
    }
    return CorpusPlan.plan(instruments, solos, duets, seed);
  }

  /**
   * {@value #DESCRIPTION}: how the corpus was generated, so a model trained on it can say what it learnt from
   * (training copies it beside the weights).
   */
  private static void writeDescription(Path out, List<String> instruments, int solos, int duets, double seconds, long seed,
      SoundFontRenderer soundFont, List<ArtLibrary> arts) throws IOException {
    Properties description = new Properties();
    description.setProperty("generator", "pixelplayer synth");
    description.setProperty("seed", Long.toString(seed));
    description.setProperty("soundfont", soundFont.soundFont().getFileName().toString());
    description.setProperty("art", String.join(",", arts.stream().map(ArtLibrary::style).toList()));
    description.setProperty("instruments", String.join(",", instruments));
    description.setProperty("solos", Integer.toString(solos));
    description.setProperty("duets", Integer.toString(duets));
    description.setProperty("seconds", Double.toString(seconds));
    description.setProperty("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    try (Writer writer = Files.newBufferedWriter(out.resolve(DESCRIPTION), StandardCharsets.UTF_8)) {
      description.store(writer, "How this corpus was generated");
    }
  }

  private static void writeManifest(Path out, List<VideoPlan> plan, double seconds) throws IOException {
    try (BufferedWriter manifest = Files.newBufferedWriter(out.resolve("manifest.csv"), StandardCharsets.UTF_8)) {
      manifest.write("video_id,path,split,kind,instruments,seconds\n");
      for (VideoPlan video : plan) {
        manifest.write(String.format(Locale.ROOT, "%s,videos/%s.mp4,%s,%s,%s,%s%n", video.videoId(), video.videoId(),
            video.split(), video.kind(), String.join(";", video.instruments()), seconds));
      }
    }
  }
}
