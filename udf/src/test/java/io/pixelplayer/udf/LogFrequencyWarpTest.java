package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogFrequencyWarpTest {
  private static final LogFrequencyWarp PAPER = LogFrequencyWarp.paper();

  @Test
  void paperSizes() {
    assertThat(PAPER.linearBins()).isEqualTo(512);
    assertThat(PAPER.logBins()).isEqualTo(256);
    assertThat(PAPER.frames()).isEqualTo(256);
    assertThat(PAPER.warp(new float[512 * 256])).hasSize(256 * 256);
    assertThat(PAPER.unwarp(new float[256 * 256])).hasSize(512 * 256);
  }

  @Test
  void firstAndLastRowsMapToFirstAndLastRows() {
    float[] linear = random(512 * 256, 1);
    float[] log = random(256 * 256, 2);

    float[] warped = PAPER.warp(linear);
    float[] unwarped = PAPER.unwarp(log);

    for (int t = 0; t < 256; t++) {
      assertThat(warped[t]).isEqualTo(linear[t]);
      assertThat(warped[255 * 256 + t]).isEqualTo(linear[511 * 256 + t]);
      assertThat(unwarped[t]).isEqualTo(log[t]);
      assertThat(unwarped[511 * 256 + t]).isEqualTo(log[255 * 256 + t]);
    }
  }

  /** Resampling a ramp of row numbers returns the coordinate each output row reads from. */
  @Test
  void rowsReadTheCoordinatesOfTheFormula() {
    float[] warpedRows = firstFrame(PAPER.warp(rowNumbers(512)));
    float[] unwarpedRows = firstFrame(PAPER.unwarp(rowNumbers(256)));

    for (int i : new int[] {0, 1, 25, 64, 128, 200, 254, 255}) {
      double linearRow = (Math.pow(21, i / 255.0) - 1) / 20 * 511;
      assertThat(warpedRows[i]).as("log row %d", i).isCloseTo((float) linearRow, within(1e-3f));
    }
    for (int j : new int[] {0, 1, 10, 100, 256, 400, 510, 511}) {
      double logRow = Math.log(1 + 20 * j / 511.0) / Math.log(21) * 255;
      assertThat(unwarpedRows[j]).as("linear row %d", j).isCloseTo((float) logRow, within(1e-3f));
    }
    // The lowest log rows are packed below the first linear bin; the highest are about 6 bins
    // apart.
    assertThat(warpedRows[1]).isCloseTo(0.307f, within(1e-3f));
    assertThat(warpedRows[255] - warpedRows[254]).isCloseTo(6.37f, within(0.01f));
  }

  @Test
  void mappingIsStrictlyIncreasing() {
    float[] warpedRows = firstFrame(PAPER.warp(rowNumbers(512)));
    float[] unwarpedRows = firstFrame(PAPER.unwarp(rowNumbers(256)));

    for (int i = 1; i < warpedRows.length; i++)
      assertThat(warpedRows[i]).isGreaterThan(warpedRows[i - 1]);
    for (int j = 1; j < unwarpedRows.length; j++)
      assertThat(unwarpedRows[j]).isGreaterThan(unwarpedRows[j - 1]);
  }

  @Test
  void constantsStayConstant() {
    float[] linear = new float[512 * 256];
    Arrays.fill(linear, 0.37f);
    float[] log = new float[256 * 256];
    Arrays.fill(log, 0.37f);

    for (float value : PAPER.warp(linear)) assertThat(value).isCloseTo(0.37f, within(1e-6f));
    for (float value : PAPER.unwarp(log)) assertThat(value).isCloseTo(0.37f, within(1e-6f));
  }

  @Test
  void unwarpUndoesWarpForSpectraSmoothInLogFrequency() {
    int frames = 4;
    LogFrequencyWarp warp = new LogFrequencyWarp(512, 256, frames);
    float[] linear = new float[512 * frames];
    for (int k = 0; k < 512; k++) {
      // A position on the log axis in [0, 1]; two slow cycles over the whole band, one phase per
      // frame.
      double u = Math.log(1 + 20 * k / 511.0) / Math.log(21);
      for (int t = 0; t < frames; t++)
        linear[k * frames + t] = (float) (1 + 0.5 * Math.cos(4 * Math.PI * u + t));
    }

    float[] restored = warp.unwarp(warp.warp(linear));

    double error = StftTest.maxAbsDifference(linear, restored);
    System.out.printf(
        "Log-frequency unwarp(warp(x)) for x smooth in log frequency: max |error| = %.1e%n", error);
    assertThat(error).isLessThan(5e-3);
  }

  @Test
  void agreesWithNumpyGridSample() {
    LogFrequencyWarp warp = new LogFrequencyWarp(512, 256, 8);

    double warpError =
        StftTest.maxAbsDifference(
            TestResources.floats("/warp/warped.f32"),
            warp.warp(TestResources.floats("/warp/linear.f32")));
    double unwarpError =
        StftTest.maxAbsDifference(
            TestResources.floats("/warp/unwarped.f32"),
            warp.unwarp(TestResources.floats("/warp/log.f32")));

    System.out.printf(
        "Log-frequency warp vs numpy grid_sample (values in [0, 1)): max |Δ| warp = %.1e, unwarp = %.1e%n",
        warpError, unwarpError);
    assertThat(warpError).isLessThan(1e-6);
    assertThat(unwarpError).isLessThan(1e-6);
  }

  @Test
  void rejectsBadSizes() {
    assertThatThrownBy(() -> new LogFrequencyWarp(1, 256, 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linear bins 1");
    assertThatThrownBy(() -> new LogFrequencyWarp(512, 0, 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("log bins 0");
    assertThatThrownBy(() -> new LogFrequencyWarp(512, 256, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("frames 0");
    assertThatThrownBy(() -> PAPER.warp(new float[256 * 256]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 512 rows x 256 frames");
    assertThatThrownBy(() -> PAPER.unwarp(null)).isInstanceOf(IllegalArgumentException.class);
  }

  private static float[] rowNumbers(int rows) {
    float[] ramp = new float[rows * 256];
    for (int i = 0; i < ramp.length; i++) ramp[i] = i / 256;
    return ramp;
  }

  private static float[] firstFrame(float[] values) {
    float[] column = new float[values.length / 256];
    for (int row = 0; row < column.length; row++) column[row] = values[row * 256];
    return column;
  }

  private static float[] random(int length, long seed) {
    Random random = new Random(seed);
    float[] values = new float[length];
    for (int i = 0; i < length; i++) values[i] = random.nextFloat();
    return values;
  }
}
