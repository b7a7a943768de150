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
 * @param clips how videos are cut into clips
 * @param extensions lower-case file extensions taken for videos
 * @param maxTasks most Spark tasks one run is split into
 */
public record IngestSettings(ClipSpec clips, Set<String> extensions, int maxTasks)
    implements Serializable {
  // The keys, documented in conf/pixelplayer.properties.
  public static final String CLIP_SAMPLES = "pixelplayer.audio.clipSamples";
  public static final String CLIP_HOP_SAMPLES = "pixelplayer.ingest.clipHopSamples";
  public static final String FRAMES_PER_SECOND = "pixelplayer.ingest.framesPerSecond";
  public static final String FRAME_WIDTH = "pixelplayer.ingest.frameWidth";
  public static final String FRAME_HEIGHT = "pixelplayer.ingest.frameHeight";
  public static final String JPEG_QUALITY = "pixelplayer.ingest.jpegQuality";
  public static final String SILENCE_DB = "pixelplayer.ingest.silenceDb";
  public static final String MIN_CLIP_FRACTION = "pixelplayer.ingest.minClipFraction";
  public static final String MAX_SECONDS = "pixelplayer.ingest.maxSeconds";
  public static final String EXTENSIONS = "pixelplayer.ingest.extensions";
  public static final String MAX_TASKS = "pixelplayer.ingest.maxTasks";
  public static final String N_FFT = "pixelplayer.stft.nFft";
  public static final String HOP = "pixelplayer.stft.hop";

  public static IngestSettings from(PixelPlayerConf conf) {
    requireTheModelsAudio(conf);
    ClipSpec clips =
        new ClipSpec(
            conf.getInt(PixelPlayerConf.AUDIO_SAMPLE_RATE),
            conf.getInt(CLIP_SAMPLES),
            conf.getInt(CLIP_HOP_SAMPLES),
            conf.getDouble(FRAMES_PER_SECOND),
            conf.getInt(FRAME_WIDTH),
            conf.getInt(FRAME_HEIGHT),
            conf.getInt(JPEG_QUALITY),
            conf.getDouble(SILENCE_DB),
            conf.getDouble(MIN_CLIP_FRACTION),
            conf.getDouble(MAX_SECONDS));
    Set<String> extensions =
        conf.getList(EXTENSIONS).stream()
            .map(e -> e.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
            .collect(Collectors.toUnmodifiableSet());
    int maxTasks = conf.getInt(MAX_TASKS);
    if (maxTasks < 1) {
      throw new IllegalArgumentException(
          "setting " + MAX_TASKS + "=" + maxTasks + " must be at least 1");
    }
    return new IngestSettings(clips, extensions, maxTasks);
  }

  /**
   * The networks hear mono audio at 11025 Hz through the paper's STFT (n_fft 1022, hop 256): every
   * model was trained on that, so settings that say otherwise are refused, in one line, rather than
   * giving wrong separations.
   */
  static void requireTheModelsAudio(PixelPlayerConf conf) {
    int[] trained = {Stft.PAPER_SAMPLE_RATE, Stft.PAPER_FFT_SIZE, Stft.PAPER_HOP_LENGTH};
    String[] keys = {PixelPlayerConf.AUDIO_SAMPLE_RATE, N_FFT, HOP};
    for (int i = 0; i < keys.length; i++) {
      int value = conf.getInt(keys[i]);
      if (value != trained[i]) {
        throw new IllegalArgumentException(
            "setting "
                + keys[i]
                + "="
                + value
                + " does not match the models, which were trained on "
                + trained[i]
                + " (11025 Hz audio, STFT n_fft 1022, hop 256)");
      }
    }
  }
}
