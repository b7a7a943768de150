package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BssEval against mir_eval 0.7 on the fixtures written by udf/src/test/python/make_bss_fixtures.py,
 * plus the edge cases.
 */
class BssEvalTest {

  private static final double TOLERANCE_DB = 0.01;
  private static final String FIXTURES = "/bss/";

  /** One fixture: its signals and mir_eval's answer. */
  record Case(String name, int nsrc, int nsampl, BssEval.Result expected) {
    @Override
    public String toString() {
      return name + " (" + nsrc + " x " + nsampl + ")";
    }

    /** References then estimates, as stored (little-endian float32 rows). */
    float[][] signals() {
      try (InputStream in = BssEvalTest.class.getResourceAsStream(FIXTURES + name + ".f32")) {
        ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        float[][] rows = new float[2 * nsrc][nsampl];
        for (float[] row : rows) {
          bytes.asFloatBuffer().get(row);
          bytes.position(bytes.position() + 4 * nsampl);
        }
        assertThat(bytes.hasRemaining()).as("trailing bytes in %s", name).isFalse();
        return rows;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    BssEval.Result evaluate() {
      float[][] rows = signals();
      return BssEval.bssEvalSources(
          Arrays.copyOfRange(rows, 0, nsrc), Arrays.copyOfRange(rows, nsrc, 2 * nsrc));
    }
  }

  private static final Map<String, BssEval.Result> RESULTS = new ConcurrentHashMap<>();

  private static BssEval.Result resultOf(Case c) {
    return RESULTS.computeIfAbsent(c.name(), name -> c.evaluate());
  }

  static List<Case> cases() {
    try (InputStream in = BssEvalTest.class.getResourceAsStream(FIXTURES + "cases.tsv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(BssEvalTest::parseCase)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Case parseCase(String line) {
    String[] f = line.split("\t");
    return new Case(
        f[0],
        Integer.parseInt(f[1]),
        Integer.parseInt(f[2]),
        new BssEval.Result(
            doubles(f[3]),
            doubles(f[4]),
            doubles(f[5]),
            Arrays.stream(f[6].split(",")).mapToInt(Integer::parseInt).toArray()));
  }

  private static double[] doubles(String csv) {
    return Arrays.stream(csv.split(",")).mapToDouble(Double::parseDouble).toArray();
  }

  /** |actual - expected| per metric, 0 where both are the same infinity. */
  private static double maxDeviation(BssEval.Result expected, BssEval.Result actual) {
    double max = 0;
    double[][] e = {expected.sdr(), expected.sir(), expected.sar()};
    double[][] a = {actual.sdr(), actual.sir(), actual.sar()};
    for (int k = 0; k < 3; k++) {
      for (int j = 0; j < e[k].length; j++) {
        double d = e[k][j] == a[k][j] ? 0 : Math.abs(e[k][j] - a[k][j]);
        max = Math.max(max, Double.isNaN(d) ? Double.POSITIVE_INFINITY : d);
      }
    }
    return max;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void matchesMirEval(Case c) {
    BssEval.Result actual = resultOf(c);
    assertThat(actual.perm()).as("perm").containsExactly(c.expected().perm());
    assertThat(maxDeviation(c.expected(), actual))
        .as(
            "max |Δ| dB: expected sdr %s sir %s sar %s, got sdr %s sir %s sar %s",
            Arrays.toString(c.expected().sdr()),
            Arrays.toString(c.expected().sir()),
            Arrays.toString(c.expected().sar()),
            Arrays.toString(actual.sdr()),
            Arrays.toString(actual.sir()),
            Arrays.toString(actual.sar()))
        .isLessThanOrEqualTo(TOLERANCE_DB);
  }

  @Test
  void summarisesDeviationOverAllFixtures() {
    List<Case> cases = cases();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(24);
    double max = 0;
    String worst = "";
    for (Case c : cases) {
      BssEval.Result actual = resultOf(c);
      assertThat(actual.perm()).as("perm of %s", c).containsExactly(c.expected().perm());
      double d = maxDeviation(c.expected(), actual);
      if (d >= max) {
        max = d;
        worst = c.name();
      }
    }
    System.out.printf(
        "BSS-eval vs mir_eval 0.7: %d cases, max |Δ| = %.2g dB (%s)%n", cases.size(), max, worst);
    assertThat(max).isLessThanOrEqualTo(TOLERANCE_DB);
  }

  private static double[][] noise(long seed, int nsrc, int nsampl) {
    Random random = new Random(seed);
    double[][] x = new double[nsrc][nsampl];
    for (double[] row : x) {
      for (int t = 0; t < nsampl; t++) {
        row[t] = random.nextGaussian();
      }
    }
    return x;
  }

  private static double[][] plus(double[][] x, double scale, double[][] y) {
    double[][] z = new double[x.length][];
    for (int j = 0; j < x.length; j++) {
      z[j] = x[j].clone();
      for (int t = 0; t < z[j].length; t++) {
        z[j][t] += scale * y[j][t];
      }
    }
    return z;
  }

  @Test
  void perfectEstimateScoresAtRoundingLevel() {
    // mir_eval gives about +300 dB here, not +inf: the residuals are rounding errors
    double[][] refs = noise(1, 2, 3000);
    BssEval.Result r = BssEval.bssEvalSources(refs, refs);
    assertThat(Arrays.stream(r.sdr()).min().orElseThrow()).isGreaterThan(200);
    assertThat(Arrays.stream(r.sir()).min().orElseThrow()).isGreaterThan(200);
    assertThat(Arrays.stream(r.sar()).min().orElseThrow()).isGreaterThan(200);
    assertThat(r.perm()).containsExactly(0, 1);
  }

  @Test
  void singleSourceHasNoInterference() {
    double[][] refs = noise(2, 1, 2000);
    BssEval.Result r = BssEval.bssEvalSources(refs, plus(refs, 0.1, noise(3, 1, 2000)));
    assertThat(r.sir()).containsExactly(Double.POSITIVE_INFINITY);
    assertThat(r.sdr()[0]).isEqualTo(r.sar()[0]).isBetween(15.0, 25.0);
  }

  @Test
  void swappedEstimatesGiveSwappedPermutationAndSameScores() {
    double[][] refs = noise(4, 2, 2500);
    double[][] est = plus(refs, 0.3, noise(5, 2, 2500));
    BssEval.Result straight = BssEval.bssEvalSources(refs, est);
    BssEval.Result swapped = BssEval.bssEvalSources(refs, new double[][] {est[1], est[0]});
    assertThat(straight.perm()).containsExactly(0, 1);
    assertThat(swapped.perm()).containsExactly(1, 0);
    assertThat(swapped.sdr()).containsExactly(straight.sdr());
    assertThat(swapped.sir()).containsExactly(straight.sir());
    assertThat(swapped.sar()).containsExactly(straight.sar());
  }

  @Test
  void withoutPermutationEstimateJIsScoredAgainstReferenceJ() {
    double[][] refs = noise(6, 2, 2500);
    double[][] est = plus(refs, 0.3, noise(7, 2, 2500));
    BssEval.Result swapped = BssEval.bssEvalSources(refs, new double[][] {est[1], est[0]}, false);
    assertThat(swapped.perm()).containsExactly(0, 1);
    assertThat(Arrays.stream(swapped.sir()).max().orElseThrow()).isNegative();
  }

  @Test
  void bestPermutationFollowsTheDocumentedConvention() {
    // sir[estimate][reference]: estimate 2 fits reference 0, 0 fits 1, 1 fits 2
    double[][] sir = {{0, 20, 0}, {0, 0, 20}, {20, 0, 0}};
    assertThat(BssEval.bestPermutation(sir)).containsExactly(2, 0, 1);
    // ties: the first in lexicographic order, as np.argmax over itertools.permutations
    assertThat(BssEval.bestPermutation(new double[][] {{1, 1}, {1, 1}})).containsExactly(0, 1);
  }

  @Test
  void floatOverloadMatchesDouble() {
    double[][] refs = narrowed(noise(14, 2, 1500));
    double[][] est = narrowed(plus(refs, 0.2, noise(15, 2, 1500)));
    BssEval.Result wide = BssEval.bssEvalSources(refs, est);
    BssEval.Result narrow = BssEval.bssEvalSources(toFloat(refs), toFloat(est));
    assertThat(narrow.sdr()).containsExactly(wide.sdr());
    assertThat(narrow.sir()).containsExactly(wide.sir());
    assertThat(narrow.sar()).containsExactly(wide.sar());
    assertThat(narrow.perm()).containsExactly(wide.perm());
  }

  private static float[][] toFloat(double[][] x) {
    float[][] y = new float[x.length][];
    for (int j = 0; j < x.length; j++) {
      y[j] = new float[x[j].length];
      for (int t = 0; t < x[j].length; t++) {
        y[j][t] = (float) x[j][t];
      }
    }
    return y;
  }

  /** Rounded to float precision, so that the float overload sees the same values. */
  private static double[][] narrowed(double[][] x) {
    float[][] y = toFloat(x);
    double[][] z = new double[y.length][];
    for (int j = 0; j < y.length; j++) {
      z[j] = new double[y[j].length];
      for (int t = 0; t < y[j].length; t++) {
        z[j][t] = y[j][t];
      }
    }
    return z;
  }

  @Test
  void singularGramMatrixFallsBackToLeastSquares() {
    // rank 1: Cholesky fails; the least-squares solution still reproduces D
    DMatrixRMaj gram = new DMatrixRMaj(new double[][] {{1, 2}, {2, 4}});
    LinearSolverDense<DMatrixRMaj> solver = BssEval.Projector.factor(gram);
    DMatrixRMaj c = new DMatrixRMaj(2, 1);
    solver.solve(new DMatrixRMaj(new double[][] {{1}, {2}}), c);
    assertThat(c.data).containsExactly(new double[] {0.2, 0.4}, within(1e-12));
  }

  @Test
  void clipTooShortForTheFiltersHasNoArtefacts() {
    // nsampl + flen - 1 < 2 * flen: the delayed references span every signal of the
    // projection's length, G is singular and the artefacts are exactly 0 (mir_eval
    // reports rounding noise, about +220 dB, there)
    double[][] refs = noise(12, 2, 300);
    BssEval.Result r = BssEval.bssEvalSources(refs, plus(refs, 0.5, noise(13, 2, 300)));
    assertThat(Arrays.stream(r.sar()).min().orElseThrow()).isGreaterThan(150);
    assertThat(r.sdr()).containsExactly(r.sir(), within(1e-6));
  }

  @Test
  void silentSourcesAreRejected() {
    double[][] refs = noise(8, 2, 1000);
    double[][] silentRef = {refs[0], new double[1000]};
    assertThatThrownBy(() -> BssEval.bssEvalSources(silentRef, refs))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reference source 1 is silent (all zeros)");
    assertThatThrownBy(() -> BssEval.bssEvalSources(refs, silentRef))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("estimated source 1 is silent (all zeros)");
  }

  @Test
  void mismatchedShapesAreRejected() {
    double[][] two = noise(9, 2, 1000);
    assertThatThrownBy(() -> BssEval.bssEvalSources(two, noise(10, 3, 1000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 reference sources but 3 estimated sources");
    assertThatThrownBy(() -> BssEval.bssEvalSources(two, noise(11, 2, 999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("estimated source 0 has 999 samples");
    assertThatThrownBy(() -> BssEval.bssEvalSources(new double[0][], new double[0][]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no sources");
    assertThatThrownBy(() -> BssEval.bssEvalSources(new double[1][0], new double[1][0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no samples");
  }
}
