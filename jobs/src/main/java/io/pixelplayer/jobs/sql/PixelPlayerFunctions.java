package io.pixelplayer.jobs.sql;

import ai.djl.inference.Predictor;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.runtime.ExecutorModels;
import io.pixelplayer.jobs.runtime.ModelSettings;
import io.pixelplayer.jobs.spark.HadoopSettings;
import io.pixelplayer.jobs.spark.TaskDevice;
import io.pixelplayer.model.infer.ClipAnalysis;
import io.pixelplayer.model.infer.ClipInput;
import io.pixelplayer.model.infer.PixelPlayerModel;
import io.pixelplayer.model.infer.SourceFinder;
import io.pixelplayer.udf.MaskSeparation;
import io.pixelplayer.udf.Masks;
import io.pixelplayer.udf.PixelEnergyMap;
import io.pixelplayer.udf.Stft;
import io.pixelplayer.udf.spark.SignalFunctions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Every PixelPlayer function for users' own Spark SQL, in one call: {@code
 * PixelPlayerFunctions.register(spark)}. The signal functions of {@link SignalFunctions}, and
 * these, backed by the model (one per executor JVM, shared):
 *
 * <pre>
 *   pp_instruments(samples ARRAY&lt;FLOAT&gt;, frames ARRAY&lt;BINARY&gt;)
 *       -> ARRAY&lt;STRUCT&lt;instrument, confidence, energy_share, x, y&gt;&gt;   the sources the index job would find
 *   pp_energy_map(samples, frames) -> STRUCT&lt;height, width, energy ARRAY&lt;FLOAT&gt;&gt;      per-pixel sound energy
 *   pp_separate(samples, frames) -> ARRAY&lt;STRUCT&lt;instrument, samples ARRAY&lt;FLOAT&gt;&gt;&gt;  each source's own audio
 * </pre>
 *
 * {@code samples}: mono audio at 11025 Hz (e.g. {@code pp_pcm16_decode(audio)} of ingest's clips),
 * of which the model hears its crop (3 s at scale cpu) from the start; {@code frames}: the clip's
 * frames as JPEG, in time order, covering the samples evenly as a video's frames do (ingest's clips
 * are so). The model sees the frames {@link ClipInput#ofScene} picks for what it hears, as the
 * index job does. Row at a time: for whole archives the index job batches instead.
 */
public final class PixelPlayerFunctions implements Serializable {
  static final StructType INSTRUMENT =
      new StructType()
          .add("instrument", DataTypes.StringType)
          .add("confidence", DataTypes.DoubleType)
          .add("energy_share", DataTypes.DoubleType)
          .add("x", DataTypes.DoubleType)
          .add("y", DataTypes.DoubleType);
  static final StructType ENERGY_MAP =
      new StructType()
          .add("height", DataTypes.IntegerType)
          .add("width", DataTypes.IntegerType)
          .add("energy", DataTypes.createArrayType(DataTypes.FloatType, false));
  static final StructType SEPARATED =
      new StructType()
          .add("instrument", DataTypes.StringType)
          .add("samples", DataTypes.createArrayType(DataTypes.FloatType, false));

  private final ModelSettings model;
  private final HadoopSettings hadoopSettings;

  private PixelPlayerFunctions(ModelSettings model, HadoopSettings hadoopSettings) {
    this.model = model;
    this.hadoopSettings = hadoopSettings;
  }

  /**
   * Registers every function with the default settings and the shipped model
   * (conf/pixelplayer.properties).
   */
  public static void register(SparkSession spark) {
    register(spark, PixelPlayerConf.defaults());
  }

  /**
   * Registers every function with {@code conf}'s model, device and source settings ({@link
   * ModelSettings}).
   */
  public static void register(SparkSession spark, PixelPlayerConf conf) {
    SignalFunctions.register(spark);
    PixelPlayerFunctions functions =
        new PixelPlayerFunctions(
            ModelSettings.from(conf),
            HadoopSettings.of(spark.sparkContext().hadoopConfiguration()));
    spark
        .udf()
        .register(
            "pp_instruments",
            (UDF2<Seq<?>, Seq<?>, List<Row>>) functions::instruments,
            DataTypes.createArrayType(INSTRUMENT, false));
    spark
        .udf()
        .register("pp_energy_map", (UDF2<Seq<?>, Seq<?>, Row>) functions::energyMap, ENERGY_MAP);
    spark
        .udf()
        .register(
            "pp_separate",
            (UDF2<Seq<?>, Seq<?>, List<Row>>) functions::separate,
            DataTypes.createArrayType(SEPARATED, false));
  }

  List<Row> instruments(Seq<?> samples, Seq<?> frames) throws Exception {
    return analyse(
        samples,
        frames,
        (model, input, analysis) -> {
          List<Row> rows = new ArrayList<>();
          for (SourceFinder.Source s : new SourceFinder(this.model.sources()).find(analysis, 0)) {
            rows.add(
                RowFactory.create(
                    s.instrument(),
                    s.confidence(),
                    s.energyShare(),
                    s.centroid().x(),
                    s.centroid().y()));
          }
          return rows;
        });
  }

  Row energyMap(Seq<?> samples, Seq<?> frames) throws Exception {
    return analyse(
        samples,
        frames,
        (model, input, analysis) -> {
          PixelEnergyMap map = SourceFinder.soundMap(analysis, 0);
          return RowFactory.create(map.height(), map.width(), map.energy());
        });
  }

  List<Row> separate(Seq<?> samples, Seq<?> frames) throws Exception {
    return analyse(
        samples,
        frames,
        (model, input, analysis) -> {
          MaskSeparation separation = new MaskSeparation(Stft.paper(), model.translator().warp());
          List<Row> rows = new ArrayList<>();
          int length = Math.min(input.mixture().length, model.config().cropSamples());
          for (SourceFinder.Source s : new SourceFinder(this.model.sources()).find(analysis, 0)) {
            float[] padded = Arrays.copyOf(input.mixture(), model.config().cropSamples());
            rows.add(
                RowFactory.create(
                    s.instrument(),
                    Arrays.copyOf(
                        separation.separate(padded, s.mask(), Masks.PAPER_THRESHOLD), length)));
          }
          return rows;
        });
  }

  private interface Answer<T> {
    T from(PixelPlayerModel model, ClipInput input, ClipAnalysis analysis);
  }

  private <T> T analyse(Seq<?> samples, Seq<?> frames, Answer<T> answer) throws Exception {
    if (samples == null || frames == null) return null;
    List<byte[]> jpegs = new ArrayList<>();
    for (Object frame : CollectionConverters.asJava(frames)) {
      if (frame != null) jpegs.add((byte[]) frame);
    }
    float[] audio = SignalFunctions.floats(samples);
    if (jpegs.isEmpty() || audio.length == 0) return null;
    try (ExecutorModels.Lease lease =
            ExecutorModels.acquire(
                model.modelUri(),
                null,
                TaskDevice.resolve(model.device()),
                hadoopSettings.configuration());
        Predictor<ClipInput, ClipAnalysis> predictor = lease.model().newPredictor()) {
      ClipInput input =
          ClipInput.ofScene(
              audio,
              ClipInput.evenFrameTimes(jpegs.size(), audio.length),
              jpegs,
              lease.model().config());
      return answer.from(lease.model(), input, predictor.predict(input));
    }
  }
}
