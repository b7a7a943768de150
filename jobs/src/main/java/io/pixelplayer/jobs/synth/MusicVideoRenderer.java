package io.pixelplayer.jobs.synth;

import io.pixelplayer.jobs.media.MusicVideoWriter;
import io.pixelplayer.jobs.synth.CorpusPlan.VideoPlan;
import io.pixelplayer.jobs.synth.acoustics.Acoustics;
import io.pixelplayer.jobs.synth.art.ArtLibrary;
import io.pixelplayer.udf.Resampler;
import io.pixelplayer.udf.SampledAudio;
import io.pixelplayer.udf.Wav;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Renders one planned video into a corpus folder: {@code videos/<id>.mp4} and its truth, {@code
 * truth/<id>/<i>_<instrument>.wav} (each source's part of the mix, mono, at the model's rate) and
 * {@code truth/<id>/boxes.csv} (each source's box in every frame), and {@code
 * truth/<id>/background.wav} when the video's acoustics add background noise. A non-music video has
 * no source: its whole sound is its background and its boxes.csv is a header alone.
 */
final class MusicVideoRenderer {
  /**
   * The noise under the music, in the mixture but in no source's truth: truths plus this make the
   * mixture.
   */
  static final String BACKGROUND = "background.wav";

  private static final long ACOUSTICS_SALT = 0xAC0057L;
  private static final long CAMERA_SALT = 0xCA3E7AL;
  private static final long STILLS_SALT = 0x5711L;
  private static final long ART_SALT = 0xA27L;

  /** Props in a scene that has them. */
  private static final int MOST_PROPS = 3;

  /** What a video was rendered with (renders.csv). */
  record Rendering(
      Acoustics acoustics,
      String content,
      Scene.Seen silentInstrument,
      List<Scene.Seen> distractors) {}

  private final SynthSettings settings;
  private final boolean clutter;
  private final Espeak espeak;

  /**
   * @param clutter backgrounds of every kind, occlusion, sensor noise and the camera's look (off
   *     only for tests that need a plain picture)
   */
  MusicVideoRenderer(SynthSettings settings, boolean clutter) {
    this.settings = settings;
    this.clutter = clutter;
    this.espeak = new Espeak(settings.espeak());
  }

  Rendering render(
      VideoPlan video, ArtLibrary art, SoundFontRenderer soundFont, double seconds, Path corpus)
      throws IOException {
    return video.nonMusic() != null
        ? renderNonMusic(video, seconds, corpus)
        : renderMusic(video, art, soundFont, seconds, corpus);
  }

  private Rendering renderMusic(
      VideoPlan video, ArtLibrary art, SoundFontRenderer soundFont, double seconds, Path corpus)
      throws IOException {
    Random random = new Random(video.seed());
    // Drawn from a stream of their own, so that the dry sound (acoustics off) is what it always
    // was.
    Acoustics acoustics =
        Acoustics.draw(
            settings.acoustics(),
            video.instruments().size(),
            new Random(video.seed() ^ ACOUSTICS_SALT));
    Composer.Style style = new Composer.Style(acoustics.tempoFactor(), acoustics.legatoShift());
    List<Score> scores = new ArrayList<>();
    List<float[]> dry = new ArrayList<>();
    List<BufferedImage> pictures = new ArrayList<>();
    for (int s = 0; s < video.instruments().size(); s++) {
      String instrument = video.instruments().get(s);
      Score score = Composer.compose(instrument, seconds, random.nextLong(), style);
      scores.add(score);
      dry.add(soundFont.render(score, settings.audioRate(), acoustics.detuneCents()[s]));
      // Every instrument of a video gets the same variation seed: one video, one look (in a style
      // that varies).
      pictures.add(art.picture(instrument, new Random(video.seed() ^ ART_SALT)));
    }
    Soundtrack soundtrack = Soundtrack.mix(dry, random, acoustics, settings.audioRate());
    Camera camera = camera(video);
    Backdrop.Kind kind = Backdrop.Kind.values()[random.nextInt(Backdrop.Kind.values().length)];
    BufferedImage backdrop =
        Backdrop.draw(
            clutter ? kind : Backdrop.Kind.PLAIN, settings.width(), settings.height(), random);
    // The silent instrument and the props come from a stream of their own, so that without them a
    // video is what it was.
    Random stills = new Random(video.seed() ^ STILLS_SALT);
    Scene.Still silent = silentInstrument(video, art, stills);
    List<Scene.Still> props =
        stills.nextDouble() < settings.distractorShare() ? props(stills) : List.of();
    Scene scene =
        new Scene(
            settings.width(),
            settings.height(),
            (g, t) -> g.drawImage(backdrop, 0, 0, null),
            pictures,
            scores,
            random,
            clutter,
            silent,
            props,
            stills,
            camera);

    Map<String, float[]> truths = new LinkedHashMap<>();
    for (int s = 0; s < scores.size(); s++) {
      truths.put(s + "_" + video.instruments().get(s) + ".wav", soundtrack.sourceMono(s));
    }
    if (soundtrack.backgroundMono() != null) {
      truths.put(BACKGROUND, soundtrack.backgroundMono());
    }
    write(video, truths, soundtrack.stereo(), scene, seconds, corpus);
    List<Scene.Seen> seen = scene.stillsAt(0);
    return new Rendering(
        acoustics,
        "",
        silent == null ? null : seen.get(0),
        seen.subList(silent == null ? 0 : 1, seen.size()));
  }

  /**
   * Speech, noise, tones, a test pattern or silence, through the video's camera, room and
   * microphone.
   */
  private Rendering renderNonMusic(VideoPlan video, double seconds, Path corpus)
      throws IOException {
    Random random = new Random(video.seed());
    // No background noise: the sound is itself what a microphone hears when nothing plays.
    Acoustics acoustics =
        Acoustics.draw(
            settings.acoustics().withoutNoise(), 1, new Random(video.seed() ^ ACOUSTICS_SALT));
    NonMusicSound sound =
        NonMusicSound.make(video.nonMusic(), seconds, settings.audioRate(), random, espeak);
    Soundtrack soundtrack =
        Soundtrack.mix(List.of(sound.samples()), random, acoustics, settings.audioRate());
    NonMusicFootage footage =
        new NonMusicFootage(
            video.nonMusic(),
            settings.width(),
            settings.height(),
            sound.samples(),
            settings.audioRate(),
            random);
    Scene scene =
        new Scene(
            settings.width(),
            settings.height(),
            footage,
            List.of(),
            List.of(),
            random,
            clutter,
            null,
            List.of(),
            random,
            camera(video));
    write(
        video,
        Map.of(BACKGROUND, soundtrack.sourceMono(0)),
        soundtrack.stereo(),
        scene,
        seconds,
        corpus);
    String content = video.nonMusic().label() + ":" + sound.variety() + ":" + footage.variety();
    return new Rendering(acoustics, content, null, List.of());
  }

  private Camera camera(VideoPlan video) {
    return clutter && settings.camera().enabled()
        ? new Camera(
            settings.camera(),
            settings.width(),
            settings.height(),
            new Random(video.seed() ^ CAMERA_SALT))
        : null;
  }

  /** In a share of solos, another instrument of the art style stands beside the player, silent. */
  private Scene.Still silentInstrument(VideoPlan video, ArtLibrary art, Random random) {
    if (video.instruments().size() != 1 || !(random.nextDouble() < settings.silentInViewShare())) {
      return null;
    }
    List<String> others =
        art.instruments().stream().filter(i -> !video.instruments().contains(i)).sorted().toList();
    if (others.isEmpty()) {
      return null;
    }
    String instrument = others.get(random.nextInt(others.size()));
    return new Scene.Still(
        instrument, art.picture(instrument, new Random(video.seed() ^ ART_SALT)));
  }

  /** One to {@value #MOST_PROPS} different props. */
  private List<Scene.Still> props(Random random) {
    List<Prop> kinds = new ArrayList<>(Arrays.asList(Prop.values()));
    Collections.shuffle(kinds, random);
    List<Scene.Still> props = new ArrayList<>();
    for (Prop prop : kinds.subList(0, 1 + random.nextInt(MOST_PROPS))) {
      props.add(new Scene.Still(prop.label(), prop.draw(settings.height() / 2, random)));
    }
    return props;
  }

  /**
   * The truth files (name to the mono signal at the render rate), the video and its sources' boxes.
   */
  private void write(
      VideoPlan video,
      Map<String, float[]> truths,
      float[] stereo,
      Scene scene,
      double seconds,
      Path corpus)
      throws IOException {
    Path truth = Files.createDirectories(corpus.resolve("truth").resolve(video.videoId()));
    int factor = settings.audioRate() / settings.truthRate();
    for (Map.Entry<String, float[]> file : truths.entrySet()) {
      Wav.write(
          truth.resolve(file.getKey()),
          SampledAudio.mono(Resampler.downsample(file.getValue(), factor), settings.truthRate()),
          Wav.Encoding.PCM_16);
    }
    Path file = Files.createDirectories(corpus.resolve("videos")).resolve(video.videoId() + ".mp4");
    int frames = (int) Math.round(seconds * settings.fps());
    try (BufferedWriter boxes =
            Files.newBufferedWriter(truth.resolve("boxes.csv"), StandardCharsets.UTF_8);
        MusicVideoWriter writer =
            new MusicVideoWriter(
                file,
                settings.width(),
                settings.height(),
                settings.fps(),
                settings.videoBitrate(),
                settings.audioRate(),
                settings.audioBitrate(),
                stereo)) {
      boxes.write("source_index,instrument,t,x0,y0,x1,y1\n");
      for (int f = 0; f < frames; f++) {
        double t = f / settings.fps();
        writer.writeFrame(scene.frameAt(t, f));
        for (int s = 0; s < scene.sources(); s++) {
          double[] box = scene.boxAt(s, t);
          boxes.write(
              String.format(
                  Locale.ROOT,
                  "%d,%s,%.4f,%.4f,%.4f,%.4f,%.4f%n",
                  s,
                  video.instruments().get(s),
                  t,
                  box[0],
                  box[1],
                  box[2],
                  box[3]));
        }
      }
    }
  }
}
