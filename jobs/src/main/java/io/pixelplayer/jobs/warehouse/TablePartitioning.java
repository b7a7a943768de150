package io.pixelplayer.jobs.warehouse;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;

/**
 * How a warehouse's tables are partitioned when it creates them (an existing table keeps its spec).
 * {@code bench warehouse} measures the choices on the queries users run and on nightly replaces.
 *
 * @param scheme {@code none}: no table partitioned; {@code instrument}: {@code sources} by its
 *     instrument; {@code uri-bucket}: {@code clips}, {@code sources} and {@code pixel_maps} by a
 *     hash bucket of their video's uri, the key a nightly run replaces rows by; {@code
 *     instrument+uri-bucket}: {@code sources} by instrument, {@code clips} and {@code pixel_maps}
 *     by the bucket of uri
 * @param buckets hash buckets of {@code uri-bucket}
 */
public record TablePartitioning(String scheme, int buckets) implements Serializable {
  public static final String SCHEME = "pixelplayer.warehouse.partitioning";
  public static final String BUCKETS = "pixelplayer.warehouse.partitionBuckets";

  public static final String NONE = "none";
  public static final String INSTRUMENT = "instrument";
  public static final String URI_BUCKET = "uri-bucket";
  public static final String INSTRUMENT_URI_BUCKET = INSTRUMENT + "+" + URI_BUCKET;

  /** Every scheme. */
  public static final List<String> SCHEMES =
      List.of(NONE, INSTRUMENT, URI_BUCKET, INSTRUMENT_URI_BUCKET);

  /** The partitioning of conf/pixelplayer.properties. */
  public static final TablePartitioning DEFAULT = new TablePartitioning(INSTRUMENT_URI_BUCKET, 16);

  public TablePartitioning {
    scheme = scheme.trim().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException(
          "setting " + SCHEME + "=" + scheme + " must be one of " + String.join(", ", SCHEMES));
    }
    if (buckets < 1) {
      throw new IllegalArgumentException("setting " + BUCKETS + "=" + buckets + " must be >= 1");
    }
  }

  public static TablePartitioning from(PixelPlayerConf conf) {
    return new TablePartitioning(conf.getString(SCHEME), conf.getInt(BUCKETS));
  }

  /** The partition spec of table {@code name}, whose schema is {@code schema}. */
  PartitionSpec spec(String name, Schema schema) {
    PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
    boolean byInstrument = scheme.equals(INSTRUMENT) || scheme.equals(INSTRUMENT_URI_BUCKET);
    boolean byUri = scheme.equals(URI_BUCKET) || scheme.equals(INSTRUMENT_URI_BUCKET);
    switch (name) {
      case WarehouseTables.SOURCES -> {
        if (byInstrument) spec.identity("instrument");
        else if (byUri) spec.bucket("uri", buckets);
      }
      case WarehouseTables.CLIPS, WarehouseTables.PIXEL_MAPS -> {
        if (byUri) spec.bucket("uri", buckets);
      }
      default -> {}
    }
    return spec.build();
  }

  @Override
  public String toString() {
    return scheme.contains(URI_BUCKET) ? scheme + "(" + buckets + ")" : scheme;
  }
}
