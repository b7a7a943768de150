package io.pixelplayer.jobs.warehouse;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import java.io.Serializable;

/**
 * Where a warehouse's tables are registered. By default in a catalog of the warehouse's own that
 * needs no server (Iceberg's Hadoop catalog on the warehouse URI); or in a catalog service the user
 * configured as a Spark catalog ({@code
 * spark.sql.catalog.NAME=org.apache.iceberg.spark.SparkCatalog} with its type: rest, jdbc, glue,
 * hive, nessie), under a namespace. Either way the tables' files lie under the warehouse URI.
 *
 * @param sparkCatalog the Spark catalog's name, or empty for the warehouse's own
 * @param namespace the namespace of the tables in that catalog (unused for the warehouse's own)
 */
public record WarehouseCatalog(String sparkCatalog, String namespace) implements Serializable {
  /** A configured Spark catalog that holds the tables; empty: the warehouse's own catalog. */
  public static final String CATALOG = "pixelplayer.warehouse.catalog";

  /** The namespace of the tables in that catalog. */
  public static final String NAMESPACE = "pixelplayer.warehouse.namespace";

  /** The warehouse's own catalog. */
  public static final WarehouseCatalog OWN = new WarehouseCatalog("", "");

  public WarehouseCatalog {
    if (!sparkCatalog.isEmpty() && !namespace.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "setting " + NAMESPACE + "=" + namespace + " must be a name of letters, digits and _");
    }
    if (!sparkCatalog.isEmpty() && !sparkCatalog.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "setting " + CATALOG + "=" + sparkCatalog + " must be a name of letters, digits and _");
    }
  }

  public static WarehouseCatalog from(PixelPlayerConf conf) {
    return new WarehouseCatalog(conf.getString(CATALOG), conf.getString(NAMESPACE));
  }

  boolean own() {
    return sparkCatalog.isEmpty();
  }
}
