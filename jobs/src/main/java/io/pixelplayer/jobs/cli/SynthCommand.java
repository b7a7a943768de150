package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.spark.JobProgress;
import io.pixelplayer.jobs.synth.SoundFonts;
import io.pixelplayer.jobs.synth.SynthJob;
import io.pixelplayer.jobs.synth.SynthSettings;
import io.pixelplayer.jobs.synth.acoustics.AcousticsSettings;
import io.pixelplayer.jobs.synth.art.ArtLibrary;
import io.pixelplayer.jobs.synth.art.ContactSheet;
import io.pixelplayer.model.Instruments;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "synth",
    sortOptions = false,
    description =
        "Render a labelled synthetic music-video corpus: instruments from General MIDI SoundFonts (JDK "
            + "synthesizer) and open-licensed art, each moving with its own notes on varied backgrounds; solos and "
            + "side-by-side duets as H.264 + AAC MP4, with manifest.csv and per-source truth (audio and boxes); "
            + "optionally non-music videos, silent instruments and props in view.")
final class SynthCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Corpus folder to write (videos/, manifest.csv, truth/).")
  Path out;

  @Option(
      names = "--solos",
      paramLabel = "N",
      defaultValue = "42",
      description = "Solo videos (default: ${DEFAULT-VALUE}).")
  int solos;

  @Option(
      names = "--duets",
      paramLabel = "M",
      defaultValue = "10",
      description = "Duet videos (default: ${DEFAULT-VALUE}).")
  int duets;

  @Option(
      names = "--nonmusic",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Non-music videos (manifest kind 'none', no instruments): speech (espeak-ng), noise, tones, test "
              + "patterns or silence, about equally often (default: ${DEFAULT-VALUE}).")
  int nonMusic;

  @Option(
      names = "--silent-in-view",
      paramLabel = "SHARE",
      description =
          "Share of solos with a second instrument in view that does not play and is not in the tags "
              + "(default: pixelplayer.synth.silentInView).")
  Double silentInView;

  @Option(
      names = "--distractors",
      paramLabel = "SHARE",
      description =
          "Share of music videos with props in view (lamp, chair, plant, cup, book, window) "
              + "(default: pixelplayer.synth.distractors).")
  Double distractors;

  @Option(
      names = "--seconds",
      paramLabel = "S",
      defaultValue = "6",
      description = "Length of each video (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(
      names = "--seed",
      paramLabel = "X",
      defaultValue = "1",
      description = "Seed: the same arguments give the same corpus (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--soundfont",
      paramLabel = "FILE.sf2[,...]",
      split = ",",
      description =
          "General MIDI SoundFont(s); with several, each video is dealt one (about equally often, from the seed). "
              + "'builtin' (or 'jdk') names the JDK's own soundbank (default: FluidR3_GM from fluid-soundfont-gm). "
              + "TimGM6mb and csound's sf_GMbank are kept for evaluation: corpus.properties then says reserved_for_evaluation=true.")
  List<String> soundFonts;

  @Option(
      names = "--art",
      paramLabel = "DIR",
      description =
          "Folder of <instrument>.png pictures (RGBA) to use instead of the built-in art.")
  Path artDir;

  @Option(
      names = "--art-style",
      paramLabel = "NAME[,NAME]",
      split = ",",
      description =
          "Built-in art style(s): noto, twemoji, drawn (drawn by code, its look varied per video); several alternate from video to video (default: pixelplayer.synth.artStyle). "
              + "twemoji is kept for evaluation (reserved_for_evaluation=true in corpus.properties).")
  List<String> artStyles;

  @Option(
      names = "--instruments",
      paramLabel = "a,b,...",
      split = ",",
      description = "Only these instruments (default: all 21).")
  List<String> instruments;

  @Option(
      names = "--dry",
      description =
          "The dry sound: no room, microphone, compression, background noise, level drift, "
              + "detuning or tempo variety (pixelplayer.synth.acoustics=false; by default each video draws its own acoustics "
              + "from pixelplayer.synth.acoustics.*).")
  boolean dry;

  @Option(
      names = "--contact-sheet",
      paramLabel = "FILE.png",
      description =
          "Write a picture of every instrument in every built-in style (and --art's) and exit.")
  Path contactSheet;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    PixelPlayerConf conf = common.conf();
    if (dry) {
      conf = conf.with(AcousticsSettings.ENABLED, "false");
    }
    if (silentInView != null) {
      conf = conf.with(SynthSettings.SILENT_IN_VIEW, silentInView.toString());
    }
    if (distractors != null) {
      conf = conf.with(SynthSettings.DISTRACTORS, distractors.toString());
    }
    SynthSettings settings = SynthSettings.from(conf);
    PrintWriter stdout = common.out();
    List<String> chosen = instruments == null ? Instruments.ALL : Instruments.checked(instruments);
    if (contactSheet != null) {
      List<ArtLibrary> libraries = new ArrayList<>();
      ArtLibrary.styles().forEach(style -> libraries.add(ArtLibrary.builtIn(style)));
      if (artDir != null) {
        libraries.add(ArtLibrary.fromDirectory(artDir, chosen));
      }
      ContactSheet.write(contactSheet, libraries);
      stdout.println("wrote " + contactSheet);
      return 0;
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    SynthJob.plan(chosen, solos, duets, nonMusic, seconds, seed);
    List<String> styles = artStyles != null ? artStyles : List.of(settings.artStyle());
    List<ArtLibrary> arts =
        artDir != null
            ? List.of(ArtLibrary.fromDirectory(artDir, chosen))
            : styles.stream().map(ArtLibrary::builtIn).toList();
    try (SoundFonts dealt = SoundFonts.of(soundFonts)) {
      SynthJob.Result result =
          SynthJob.run(
              out,
              chosen,
              solos,
              duets,
              nonMusic,
              seconds,
              seed,
              settings,
              dealt,
              arts,
              conf.getDouble(JobProgress.INTERVAL_SECONDS),
              System.err);
      double minutes = result.mediaSeconds() / 60;
      stdout.printf(
          Locale.ROOT,
          "rendered %d videos (%.0f s of video, %d instruments, art %s, SoundFonts %s) into %s%n",
          result.videos(),
          result.mediaSeconds(),
          chosen.size(),
          artDir != null ? artDir : String.join("+", styles),
          String.join("+", dealt.names()),
          out);
      stdout.printf(
          Locale.ROOT,
          "  speed  %.1f s wall on %d threads: %.1fx real time%n",
          result.wallSeconds(),
          settings.renderThreads(),
          result.mediaSeconds() / result.wallSeconds());
      stdout.printf(
          Locale.ROOT,
          "  size   %.1f MB of video + %.1f MB of truth: %.2f MB per minute of video%n",
          result.videoBytes() / 1e6,
          result.truthBytes() / 1e6,
          (result.videoBytes() + result.truthBytes()) / 1e6 / minutes);
      stdout.flush();
    }
    return 0;
  }
}
