package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.udf.Stft;
import java.io.Serializable;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ingest settings, read once on the driver from {@link PixelPlayerConf}.
 *
 * @param clips      how videos are cut into clips
 * @param extensions lower-case file extensions taken for videos
 * @param maxTasks   most Spark tasks one run is split into
 */
public record IngestSettings(ClipSpec clips, Set<String> extensions, int maxTasks) implements Serializable {

  public static IngestSettings from(PixelPlayerConf conf) {
    requireTheModelsAudio(conf);
    ClipSpec clips = new ClipSpec(
        conf.getInt("pixelplayer.audio.sampleRate"),
        conf.getInt("pixelplayer.audio.clipSamples"),
        conf.getInt("pixelplayer.ingest.clipHopSamples"),
        conf.getDouble("pixelplayer.ingest.framesPerSecond"),
        conf.getInt("pixelplayer.ingest.frameWidth"),
        conf.getInt("pixelplayer.ingest.frameHeight"),
        conf.getInt("pixelplayer.ingest.jpegQuality"),
        conf.getDouble("pixelplayer.ingest.silenceDb"),
        conf.getDouble("pixelplayer.ingest.minClipFraction"),
        conf.getDouble("pixelplayer.ingest.maxSeconds"));
    Set<String> extensions = conf.getList("pixelplayer.ingest.extensions").stream()
        .map(e -> e.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
        .collect(Collectors.toUnmodifiableSet());
    int maxTasks = conf.getInt("pixelplayer.ingest.maxTasks");
    if (maxTasks < 1) {
      throw new IllegalArgumentException("setting pixelplayer.ingest.maxTasks=" + maxTasks + " must be at least 1");
    }
    return new IngestSettings(clips, extensions, maxTasks);
  }

  /**
   * The networks hear mono audio at 11025 Hz through the paper's STFT (n_fft 1022, hop 256): every model was trained on
   * that, so settings that say otherwise are refused, in one line, rather than giving wrong separations.
   */
  static void requireTheModelsAudio(PixelPlayerConf conf) {
    int[] trained = {Stft.PAPER_SAMPLE_RATE, Stft.PAPER_FFT_SIZE, Stft.PAPER_HOP_LENGTH};
    String[] keys = {"pixelplayer.audio.sampleRate", "pixelplayer.stft.nFft", "pixelplayer.stft.hop"};
    for (int i = 0; i < keys.length; i++) {
      int value = conf.getInt(keys[i]);
      if (value != trained[i]) {
        throw new IllegalArgumentException("setting " + keys[i] + "=" + value + " does not match the models, which were trained on "
            + trained[i] + " (11025 Hz audio, STFT n_fft 1022, hop 256)");
      }
    }
  }
}
