package io.pixelplayer.udf.spark;

import io.pixelplayer.udf.Box;
import io.pixelplayer.udf.Loudness;
import io.pixelplayer.udf.Pcm16;
import io.pixelplayer.udf.PixelEnergyMap;
import io.pixelplayer.udf.Stft;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The pure signal functions of this module as Spark SQL functions: a thin adapter that binds SQL
 * types and forwards. {@link #register} adds them all to a session:
 *
 * <pre>
 *   pp_pcm16_decode(audio BINARY) -> ARRAY&lt;FLOAT&gt;                 16-bit little-endian PCM (ingest's audio column) to samples
 *   pp_loudness_db(samples ARRAY&lt;FLOAT&gt;) -> DOUBLE                 RMS loudness in dBFS
 *   pp_magnitude_spectrogram(samples ARRAY&lt;FLOAT&gt;) -> ARRAY&lt;ARRAY&lt;FLOAT&gt;&gt;  |STFT| (the paper's: n_fft 1022, hop 256), one array per frequency bin
 *   pp_energy_peak(energy ARRAY&lt;FLOAT&gt;, height INT, width INT) -> STRUCT&lt;x, y&gt;        the loudest cell's centre (0..1)
 *   pp_energy_centroid(energy ARRAY&lt;FLOAT&gt;, height INT, width INT) -> STRUCT&lt;x, y&gt;    the energy-weighted centre
 *   pp_energy_box(energy ARRAY&lt;FLOAT&gt;, height INT, width INT, fraction DOUBLE) -> STRUCT&lt;x0, y0, x1, y1&gt;
 * </pre>
 *
 * The energy functions take a {@code pixel_maps} row's {@code energy, height, width}. NULL in, NULL
 * out.
 */
public final class SignalFunctions {
  public static final StructType POINT =
      new StructType().add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType);
  public static final StructType BOX =
      new StructType()
          .add("x0", DataTypes.DoubleType)
          .add("y0", DataTypes.DoubleType)
          .add("x1", DataTypes.DoubleType)
          .add("y1", DataTypes.DoubleType);

  private SignalFunctions() {}

  public static void register(SparkSession spark) {
    spark
        .udf()
        .register(
            "pp_pcm16_decode",
            new Pcm16Decode(),
            DataTypes.createArrayType(DataTypes.FloatType, false));
    spark.udf().register("pp_loudness_db", new LoudnessDb(), DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "pp_magnitude_spectrogram",
            new MagnitudeSpectrogram(),
            DataTypes.createArrayType(
                DataTypes.createArrayType(DataTypes.FloatType, false), false));
    spark.udf().register("pp_energy_peak", new EnergyPoint(false), POINT);
    spark.udf().register("pp_energy_centroid", new EnergyPoint(true), POINT);
    spark.udf().register("pp_energy_box", new EnergyBox(), BOX);
  }

  /** A SQL array of floats as a Java array (Spark hands arrays to Java UDFs as Scala sequences). */
  public static float[] floats(Seq<?> values) {
    List<?> list = CollectionConverters.asJava(values);
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object v = list.get(i);
      if (v == null) throw new IllegalArgumentException("a NULL element at index " + i);
      out[i] = ((Number) v).floatValue();
    }
    return out;
  }

  /**
   * SQL numbers reach Java UDFs as they were typed (a literal 0.5 is a DECIMAL): any number is
   * taken.
   */
  private static Number number(Object value, String what) {
    if (value instanceof Number n) return n;
    throw new IllegalArgumentException(what + " must be a number, got " + value);
  }

  private static PixelEnergyMap map(Seq<?> energy, Object height, Object width) {
    return PixelEnergyMap.of(
        number(height, "height").intValue(), number(width, "width").intValue(), floats(energy));
  }

  static final class Pcm16Decode implements UDF1<byte[], float[]> {
    @Override
    public float[] call(byte[] audio) {
      return audio == null ? null : Pcm16.decode(audio);
    }
  }

  static final class LoudnessDb implements UDF1<Seq<?>, Double> {
    @Override
    public Double call(Seq<?> samples) {
      return samples == null ? null : Loudness.rmsDb(floats(samples));
    }
  }

  static final class MagnitudeSpectrogram implements UDF1<Seq<?>, float[][]> {
    @Override
    public float[][] call(Seq<?> samples) {
      if (samples == null) return null;
      Stft stft = Stft.paper();
      float[] signal = floats(samples);
      float[] magnitude = stft.forward(signal).magnitude();
      int frames = magnitude.length / stft.bins();
      float[][] byBin = new float[stft.bins()][frames];
      for (int b = 0; b < stft.bins(); b++)
        System.arraycopy(magnitude, b * frames, byBin[b], 0, frames);
      return byBin;
    }
  }

  /** The loudest cell's centre, or the energy-weighted centre. */
  static final class EnergyPoint implements UDF3<Seq<?>, Object, Object, Row> {
    private final boolean centroid;

    EnergyPoint(boolean centroid) {
      this.centroid = centroid;
    }

    @Override
    public Row call(Seq<?> energy, Object height, Object width) {
      if (energy == null || height == null || width == null) return null;
      PixelEnergyMap map = map(energy, height, width);
      PixelEnergyMap.Point p = centroid ? map.centroid() : map.peak();
      return RowFactory.create(p.x(), p.y());
    }
  }

  static final class EnergyBox implements UDF4<Seq<?>, Object, Object, Object, Row> {
    @Override
    public Row call(Seq<?> energy, Object height, Object width, Object fraction) {
      if (energy == null || height == null || width == null || fraction == null) return null;
      Box b = map(energy, height, width).box(number(fraction, "fraction").doubleValue());
      return RowFactory.create(b.x0(), b.y0(), b.x1(), b.y1());
    }
  }
}
