package io.pixelplayer.jobs.ingest;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
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
}
