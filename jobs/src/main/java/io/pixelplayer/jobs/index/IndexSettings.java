package io.pixelplayer.jobs.index;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.ingest.ClipSpec;
import io.pixelplayer.jobs.ingest.IngestSettings;
import io.pixelplayer.jobs.runtime.ModelSettings;
import io.pixelplayer.jobs.warehouse.WarehouseLock;
import io.pixelplayer.model.infer.SourceFinder;
import io.pixelplayer.model.net.ModelConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * The index job's settings, read once on the driver; executors get these plain values.
 *
 * @param input how videos are listed and cut: clips as long as the model hears (its crop), frames
 *     as ingest keeps them
 * @param batch clips per forward pass
 * @param sources which instruments count as a clip's sources, and their boxes
 * @param stems whether each source's separated audio is written as a WAV
 * @param device auto, cpu or gpu
 * @param lockTimeout a warehouse lock not refreshed for this long was left by a run that died
 */
public record IndexSettings(
    IngestSettings input,
    int batch,
    SourceFinder.Settings sources,
    boolean stems,
    String device,
    Duration lockTimeout)
    implements Serializable {
  /** Clips analysed per forward pass. */
  public static final String BATCH = "pixelplayer.index.batch";

  /** Samples between the starts of consecutive clips; 0 = the clip length. */
  public static final String CLIP_HOP_SAMPLES = "pixelplayer.index.clipHopSamples";

  /** Whether each source's separated audio is written as a WAV. */
  public static final String STEMS = "pixelplayer.index.stems";

  public IndexSettings {
    if (batch < 1)
      throw new IllegalArgumentException("setting " + BATCH + "=" + batch + " must be at least 1");
  }

  public static IndexSettings from(PixelPlayerConf conf, ModelConfig model) {
    IngestSettings ingest = IngestSettings.from(conf);
    ClipSpec base = ingest.clips();
    int clip = model.cropSamples();
    int hop = conf.getInt(CLIP_HOP_SAMPLES);
    if (hop < 0)
      throw new IllegalArgumentException(
          "setting " + CLIP_HOP_SAMPLES + "=" + hop + " must be 0 (the clip length) or more");
    ClipSpec clips = base.withWindows(clip, hop == 0 ? clip : hop, base.minClipFraction());
    return new IndexSettings(
        new IngestSettings(clips, ingest.extensions(), ingest.maxTasks()),
        conf.getInt(BATCH),
        ModelSettings.sources(conf),
        conf.getBoolean(STEMS),
        conf.getString(ModelSettings.DEVICE),
        WarehouseLock.timeout(conf));
  }

  public ClipSpec clips() {
    return input.clips();
  }
}
