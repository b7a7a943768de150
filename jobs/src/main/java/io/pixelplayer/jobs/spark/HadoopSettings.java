package io.pixelplayer.jobs.spark;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's Hadoop settings (file systems, S3A credentials and endpoints) as plain values that
 * travel to the executors, where they become a {@link Configuration} again (built once per
 * deserialised copy).
 */
public final class HadoopSettings implements Serializable {
  private final Map<String, String> values;
  private transient Configuration configuration;

  private HadoopSettings(Map<String, String> values) {
    this.values = values;
  }

  public static HadoopSettings of(Configuration hadoop) {
    Map<String, String> values = new HashMap<>();
    hadoop.forEach(e -> values.put(e.getKey(), e.getValue()));
    return new HadoopSettings(values);
  }

  /** The settings as a configuration; treat it as read-only, it is shared. */
  public synchronized Configuration configuration() {
    if (configuration == null) {
      Configuration built = new Configuration(false);
      values.forEach(built::set);
      configuration = built;
    }
    return configuration;
  }
}
