package io.pixelplayer.jobs.runtime;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.model.infer.SourceFinder;
import java.io.Serializable;

/**
 * What every job that runs the model reads from the settings: which model, on which device, and
 * which of its answers count as a clip's sources.
 *
 * @param modelUri the model folder, local or a Hadoop URI
 * @param device auto, cpu or gpu
 * @param sources which instruments count as a clip's sources, and their boxes
 */
public record ModelSettings(String modelUri, String device, SourceFinder.Settings sources)
    implements Serializable {
  /** The trained model's folder (default: the shipped one). */
  public static final String MODEL_DIR = "pixelplayer.model.dir";

  /** auto, cpu or gpu. */
  public static final String DEVICE = "pixelplayer.device";

  /**
   * An instrument is one of a clip's sources when the instrument head gives it at least this
   * probability.
   */
  public static final String MIN_CONFIDENCE = "pixelplayer.index.minConfidence";

  /** At most this many sources per clip, the most confident first. */
  public static final String MAX_SOURCES = "pixelplayer.index.maxSources";

  /**
   * A source's box holds the cells of its energy map with at least this share of the map's peak.
   */
  public static final String BOX_FRACTION = "pixelplayer.index.boxFraction";

  /** The model a verb's {@code --model} names ({@code given}), or the configured one when null. */
  public static String location(PixelPlayerConf conf, String given) {
    return given != null ? PixelPlayerConf.absoluteLocation(given) : conf.getLocation(MODEL_DIR);
  }

  public static ModelSettings from(PixelPlayerConf conf) {
    return new ModelSettings(conf.getLocation(MODEL_DIR), conf.getString(DEVICE), sources(conf));
  }

  /** Which instruments count as a clip's sources. */
  public static SourceFinder.Settings sources(PixelPlayerConf conf) {
    return new SourceFinder.Settings(
        conf.getDouble(MIN_CONFIDENCE), conf.getInt(MAX_SOURCES), conf.getDouble(BOX_FRACTION));
  }
}
