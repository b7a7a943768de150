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
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Renders one planned video into a corpus folder: {@code videos/<id>.mp4} and its truth,
 * {@code truth/<id>/<i>_<instrument>.wav} (each source's part of the mix, mono, at the model's rate) and
 * {@code truth/<id>/boxes.csv} (each source's box in every frame), and {@code truth/<id>/background.wav} when the
 * video's acoustics add background noise.
 */
final class MusicVideoRenderer {
  /** The noise under the music, in the mixture but in no source's truth: truths plus this make the mixture. */
  static final String BACKGROUND = "background.wav";
  private static final long ACOUSTICS_SALT = 0xAC0057L;
  private static final long CAMERA_SALT = 0xCA3E7AL;
  private static final long ART_SALT = 0xA27L;

  private final SynthSettings settings;
  private final boolean clutter;

  /**
   * @param clutter backgrounds of every kind, occlusion, sensor noise and the camera's look (off only for tests
   *                that need a plain picture)
   */
  MusicVideoRenderer(SynthSettings settings, boolean clutter) {
    this.settings = settings;
    this.clutter = clutter;
  }

  /**
   * @return the video's acoustics, as drawn
   */
  Acoustics render(VideoPlan video, ArtLibrary art, SoundFontRenderer soundFont, double seconds, Path corpus)
      throws IOException {
    Random random = new Random(video.seed());
    // Drawn from a stream of their own, so that the dry sound (acoustics off) is what it always was.
    Acoustics acoustics = Acoustics.draw(settings.acoustics(), video.instruments().size(), new Random(video.seed() ^ ACOUSTICS_SALT));
    Composer.Style style = new Composer.Style(acoustics.tempoFactor(), acoustics.legatoShift());
    List<Score> scores = new ArrayList<>();
    List<float[]> dry = new ArrayList<>();
    List<BufferedImage> pictures = new ArrayList<>();
    for (int s = 0; s < video.instruments().size(); s++) {
      String instrument = video.instruments().get(s);
      Score score = Composer.compose(instrument, seconds, random.nextLong(), style);
      scores.add(score);
      dry.add(soundFont.render(score, settings.audioRate(), acoustics.detuneCents()[s]));
      // Every instrument of a video gets the same variation seed: one video, one look (in a style that varies).
      pictures.add(art.picture(instrument, new Random(video.seed() ^ ART_SALT)));
    }
    Soundtrack soundtrack = Soundtrack.mix(dry, random, acoustics, settings.audioRate());
    Camera camera = clutter && settings.camera().enabled()
        ? new Camera(settings.camera(), settings.width(), settings.height(), new Random(video.seed() ^ CAMERA_SALT))
        : null;
    Scene scene = new Scene(settings.width(), settings.height(), pictures, scores, random, clutter, camera);

    Path truth = Files.createDirectories(corpus.resolve("truth").resolve(video.videoId()));
    int factor = settings.audioRate() / settings.truthRate();
    for (int s = 0; s < scores.size(); s++) {
      float[] mono = Resampler.downsample(soundtrack.sourceMono(s), factor);
      Wav.write(truth.resolve(s + "_" + video.instruments().get(s) + ".wav"), SampledAudio.mono(mono, settings.truthRate()),
          Wav.Encoding.PCM_16);
    }
    if (soundtrack.backgroundMono() != null) {
      Wav.write(truth.resolve(BACKGROUND), SampledAudio.mono(Resampler.downsample(soundtrack.backgroundMono(), factor),
          settings.truthRate()), Wav.Encoding.PCM_16);
    }

    Path file = Files.createDirectories(corpus.resolve("videos")).resolve(video.videoId() + ".mp4");
    int frames = (int) Math.round(seconds * settings.fps());
    try (BufferedWriter boxes = Files.newBufferedWriter(truth.resolve("boxes.csv"), StandardCharsets.UTF_8);
        MusicVideoWriter writer = new MusicVideoWriter(file, settings.width(), settings.height(), settings.fps(),
            settings.videoBitrate(), settings.audioRate(), settings.audioBitrate(), soundtrack.stereo())) {
      boxes.write("source_index,instrument,t,x0,y0,x1,y1\n");
      for (int f = 0; f < frames; f++) {
        double t = f / settings.fps();
        writer.writeFrame(scene.frameAt(t, f));
        for (int s = 0; s < scene.sources(); s++) {
          double[] box = scene.boxAt(s, t);
          boxes.write(String.format(Locale.ROOT, "%d,%s,%.4f,%.4f,%.4f,%.4f,%.4f%n", s, video.instruments().get(s), t,
              box[0], box[1], box[2], box[3]));
        }
      }
    }
    return acoustics;
  }
}
