package io.pixelplayer.jobs.index;

import ai.djl.Device;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.runtime.ExecutorModels;
import io.pixelplayer.jobs.warehouse.Warehouse;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Index runs with the shipped model on the CPU, as the tests need them. */
final class ShippedModelIndex {
  static final Path ROOT = Path.of(System.getProperty("pixelplayer.root"));
  static final String MODEL = ROOT.resolve("model-store/model").toString();

  private ShippedModelIndex() {}

  static IndexJob.Result index(
      SparkSession spark,
      Path input,
      Warehouse warehouse,
      boolean incremental,
      PixelPlayerConf conf)
      throws Exception {
    return index(spark, input, warehouse, incremental, conf, null);
  }

  /**
   * A run whose tasks analyse clips with {@code taskModel} (null: the shipped model, as index
   * does).
   */
  static IndexJob.Result index(
      SparkSession spark,
      Path input,
      Warehouse warehouse,
      boolean incremental,
      PixelPlayerConf conf,
      TaskModel.Source taskModel)
      throws Exception {
    try (ExecutorModels.Lease lease =
        ExecutorModels.acquire(
            MODEL, null, Device.cpu(), spark.sparkContext().hadoopConfiguration())) {
      IndexSettings settings =
          IndexSettings.from(conf.with("pixelplayer.device", "cpu"), lease.model().config());
      IndexJob.ModelRef model = new IndexJob.ModelRef(MODEL, lease.model().version());
      TaskModel.Source analyser =
          taskModel != null
              ? taskModel
              : TaskModel.shared(MODEL, model.version(), settings.device());
      return IndexJob.run(
          spark, settings, input.toString(), warehouse, model, analyser, incremental, 60, null);
    }
  }

  static String version(SparkSession spark) throws Exception {
    try (ExecutorModels.Lease lease =
        ExecutorModels.acquire(
            MODEL, null, Device.cpu(), spark.sparkContext().hadoopConfiguration())) {
      return lease.model().version();
    }
  }
}
