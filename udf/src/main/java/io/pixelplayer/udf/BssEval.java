package io.pixelplayer.udf;

import java.util.Arrays;
import java.util.Objects;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * BSS-eval v3 source-separation metrics (SDR, SIR, SAR): a pure-Java port of {@code
 * mir_eval.separation.bss_eval_sources} (mir_eval 0.7, itself a port of the BSS_EVAL 3.0 MATLAB
 * toolbox; Vincent, Gribonval &amp; Févotte, IEEE TASLP 14(4), 2006).
 *
 * <p>The math is mir_eval's, step for step: each estimate is projected by least squares onto the
 * span of the references delayed by 0..511 samples (all references, and each reference alone); the
 * Gram matrix G and the correlations D come from zero-padded FFTs; the projections split the
 * estimate into target, interference and artefacts; the energy ratios give SDR, SIR and SAR in dB,
 * +∞ where a denominator is exactly 0; and the permutation maximises the mean SIR over all
 * permutations, first maximum in {@code itertools.permutations} order.
 *
 * <p>Only the work is arranged differently: mir_eval rebuilds and re-solves G for every (estimate,
 * reference) pair, but G depends on the references alone, so it is built and Cholesky-factored once
 * per call (it is a Gram matrix, hence symmetric positive definite), as are its diagonal blocks
 * G_jj for the single-reference projections. Where Cholesky fails (G singular: a clip shorter than
 * nsrc * 512 - 511 samples, or a reference that is a short filtering of another), an SVD
 * least-squares solve takes over, like mir_eval's {@code np.linalg.lstsq} fallback (mir_eval
 * reaches it only on an exactly zero LU pivot; any solution of G c = D gives the same projections,
 * so the metrics still agree). Results agree with mir_eval to rounding, about 1e-5 dB on the
 * fixtures of BssEvalTest; a metric that is itself rounding noise (an exact 0 residual, reported as
 * 200-300 dB) cannot be reproduced digit for digit by either side.
 */
public final class BssEval {

  /** Length of the time-invariant distortion filters allowed (mir_eval's flen). */
  static final int FILTER_LENGTH = 512;

  /** mir_eval's MAX_SOURCES: the permutation search alone is factorial in the count. */
  static final int MAX_SOURCES = 100;

  /**
   * Metrics in mir_eval's layout: entry {@code j} of {@code sdr}, {@code sir} and {@code sar}
   * scores reference source {@code j} against estimated source {@code perm[j]}. Without the
   * permutation search {@code perm} is the identity.
   */
  public record Result(double[] sdr, double[] sir, double[] sar, int[] perm) {
    @Override
    public String toString() {
      return "Result[sdr="
          + Arrays.toString(sdr)
          + ", sir="
          + Arrays.toString(sir)
          + ", sar="
          + Arrays.toString(sar)
          + ", perm="
          + Arrays.toString(perm)
          + "]";
    }
  }

  private BssEval() {}

  /** {@link #bssEvalSources(double[][], double[][], boolean)} with the permutation search. */
  public static Result bssEvalSources(double[][] references, double[][] estimates) {
    return bssEvalSources(references, estimates, true);
  }

  /** Float samples, widened exactly to double. */
  public static Result bssEvalSources(float[][] references, float[][] estimates) {
    return bssEvalSources(references, estimates, true);
  }

  /** Float samples, widened exactly to double. */
  public static Result bssEvalSources(
      float[][] references, float[][] estimates, boolean computePermutation) {
    return bssEvalSources(widen(references), widen(estimates), computePermutation);
  }

  /**
   * @param references true sources, one row of samples per source
   * @param estimates estimated sources, same shape as {@code references}
   * @param computePermutation find the best matching of estimates to references (mean SIR); if
   *     false, estimate {@code j} is scored against reference {@code j}
   * @throws IllegalArgumentException if the shapes differ, there are no sources or no samples, or a
   *     source is silent (all zeros) — which mir_eval rejects too
   */
  public static Result bssEvalSources(
      double[][] references, double[][] estimates, boolean computePermutation) {
    validate(references, estimates);
    int nsrc = references.length;
    Projector projector = new Projector(references);
    Criteria[] matched = new Criteria[nsrc];
    int[] perm = new int[nsrc];
    if (computePermutation) {
      // every (estimate e, reference r) pair, then the matching with the best mean SIR
      Criteria[][] pairs = new Criteria[nsrc][nsrc];
      double[][] sir = new double[nsrc][nsrc];
      for (int e = 0; e < nsrc; e++) {
        Projector.Estimate estimate = projector.estimate(estimates[e]);
        for (int r = 0; r < nsrc; r++) {
          pairs[e][r] = estimate.criteria(r);
          sir[e][r] = pairs[e][r].sir();
        }
      }
      perm = bestPermutation(sir);
      for (int r = 0; r < nsrc; r++) {
        matched[r] = pairs[perm[r]][r];
      }
    } else {
      for (int j = 0; j < nsrc; j++) {
        matched[j] = projector.estimate(estimates[j]).criteria(j);
        perm[j] = j;
      }
    }
    return new Result(
        Arrays.stream(matched).mapToDouble(Criteria::sdr).toArray(),
        Arrays.stream(matched).mapToDouble(Criteria::sir).toArray(),
        Arrays.stream(matched).mapToDouble(Criteria::sar).toArray(),
        perm);
  }

  /** The three energy ratios of one estimate against one reference, in dB. */
  record Criteria(double sdr, double sir, double sar) {}

  /**
   * The permutation maximising the mean of {@code sir[perm[r]][r]}: all permutations in
   * lexicographic order (itertools' order), the first maximum wins, as np.argmax.
   */
  static int[] bestPermutation(double[][] sir) {
    int n = sir.length;
    int[] perm = new int[n];
    Arrays.setAll(perm, i -> i);
    int[] best = perm.clone();
    double bestMean = meanMatched(sir, perm);
    while (nextPermutation(perm)) {
      double mean = meanMatched(sir, perm);
      if (mean > bestMean) {
        bestMean = mean;
        best = perm.clone();
      }
    }
    return best;
  }

  private static double meanMatched(double[][] sir, int[] perm) {
    double sum = 0;
    for (int r = 0; r < perm.length; r++) {
      sum += sir[perm[r]][r];
    }
    return sum / perm.length;
  }

  /** Steps to the next permutation in lexicographic order; false after the last one. */
  private static boolean nextPermutation(int[] p) {
    int i = p.length - 2;
    while (i >= 0 && p[i] >= p[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = p.length - 1;
    while (p[j] <= p[i]) {
      j--;
    }
    swap(p, i, j);
    for (int lo = i + 1, hi = p.length - 1; lo < hi; lo++, hi--) {
      swap(p, lo, hi);
    }
    return true;
  }

  private static void swap(int[] p, int i, int j) {
    int t = p[i];
    p[i] = p[j];
    p[j] = t;
  }

  /** mir_eval's {@code _safe_db}: +∞ for a zero denominator, never a division warning. */
  static double safeDb(double num, double den) {
    return den == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(num / den);
  }

  /** mir_eval's {@code validate}, with a message naming the offending source. */
  static void validate(double[][] references, double[][] estimates) {
    Objects.requireNonNull(references, "references");
    Objects.requireNonNull(estimates, "estimates");
    if (references.length != estimates.length) {
      throw new IllegalArgumentException(
          "shape mismatch: "
              + references.length
              + " reference sources but "
              + estimates.length
              + " estimated sources");
    }
    if (references.length == 0) {
      throw new IllegalArgumentException("no sources: need at least one reference and estimate");
    }
    if (references.length > MAX_SOURCES) {
      throw new IllegalArgumentException(
          references.length + " sources, more than the " + MAX_SOURCES + " allowed");
    }
    int nsampl = Objects.requireNonNull(references[0], "reference source 0").length;
    if (nsampl == 0) {
      throw new IllegalArgumentException("sources have no samples");
    }
    checkRows("reference", references, nsampl);
    checkRows("estimated", estimates, nsampl);
  }

  private static void checkRows(String kind, double[][] sources, int nsampl) {
    for (int j = 0; j < sources.length; j++) {
      double[] s = Objects.requireNonNull(sources[j], kind + " source " + j);
      if (s.length != nsampl) {
        throw new IllegalArgumentException(
            "shape mismatch: "
                + kind
                + " source "
                + j
                + " has "
                + s.length
                + " samples, reference source 0 has "
                + nsampl);
      }
      if (isSilent(s)) {
        // mir_eval: a silent reference makes the evaluation ambiguous, a silent
        // estimate makes the least-squares system underdetermined
        throw new IllegalArgumentException(kind + " source " + j + " is silent (all zeros)");
      }
    }
  }

  private static boolean isSilent(double[] s) {
    for (double v : s) {
      if (v != 0) {
        return false;
      }
    }
    return true;
  }

  private static double[][] widen(float[][] sources) {
    Objects.requireNonNull(sources, "sources");
    double[][] wide = new double[sources.length][];
    for (int j = 0; j < sources.length; j++) {
      float[] s = Objects.requireNonNull(sources[j], "source " + j);
      wide[j] = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        wide[j][i] = s[i];
      }
    }
    return wide;
  }

  /**
   * Least-squares projections onto the references delayed by 0..flen-1 samples (mir_eval's {@code
   * _project}), with everything that depends only on the references computed once: their spectra, G
   * and its factorisations.
   *
   * <p>Spectra are JTransforms' packed real FFTs of length {@code nfft}, a power of two at least
   * {@code nsampl + flen - 1}, so the circular correlations and convolutions below equal the linear
   * ones over the lags and samples used.
   */
  static final class Projector {
    private final int nsrc;
    private final int nsampl;
    private final int flen = FILTER_LENGTH;

    /** Length of the projections: the estimate plus the tail of a flen-tap filter. */
    private final int projLen;

    private final int nfft;
    private final DoubleFFT_1D fft;
    private final double[][] refSpectra;

    /** Solves G c = D: the projection on all references together. */
    private final LinearSolverDense<DMatrixRMaj> allSolver;

    /** Solves G_jj c = D_j: the projection on reference j alone. */
    private final LinearSolverDense<DMatrixRMaj>[] oneSolvers;

    @SuppressWarnings("unchecked")
    Projector(double[][] references) {
      nsrc = references.length;
      nsampl = references[0].length;
      projLen = nsampl + flen - 1;
      nfft = Integer.highestOneBit(projLen - 1) << 1; // 2^ceil(log2(projLen)); projLen >= flen > 1
      fft = new DoubleFFT_1D(nfft);
      refSpectra = new double[nsrc][];
      for (int i = 0; i < nsrc; i++) {
        refSpectra[i] = spectrum(references[i]);
      }
      DMatrixRMaj gram = gram();
      allSolver = factor(gram);
      // one source: G_00 is G and P_0 is P (see Estimate.criteria), nothing more to factor
      oneSolvers = new LinearSolverDense[nsrc == 1 ? 0 : nsrc];
      for (int j = 0; j < oneSolvers.length; j++) {
        oneSolvers[j] =
            factor(
                CommonOps_DDRM.extract(gram, j * flen, (j + 1) * flen, j * flen, (j + 1) * flen));
      }
    }

    /**
     * G[(p,a),(q,b)] = &lt;s_p delayed by a, s_q delayed by b&gt; = xcorr(s_q, s_p)[a - b]. Filled
     * symmetrically from the upper blocks (mir_eval fills each pair of blocks from one correlation
     * too; the two agree to rounding).
     */
    private DMatrixRMaj gram() {
      int n = nsrc * flen;
      DMatrixRMaj gram = new DMatrixRMaj(n, n);
      for (int p = 0; p < nsrc; p++) {
        for (int q = p; q < nsrc; q++) {
          double[] lag = crossCorrelation(refSpectra[q], refSpectra[p]);
          for (int a = 0; a < flen; a++) {
            for (int b = 0; b < flen; b++) {
              double v = lag[Math.floorMod(a - b, nfft)];
              gram.unsafe_set(p * flen + a, q * flen + b, v);
              gram.unsafe_set(q * flen + b, p * flen + a, v);
            }
          }
        }
      }
      return gram;
    }

    /** Cholesky for the Gram matrix; SVD least squares (mir_eval's lstsq) if singular. */
    static LinearSolverDense<DMatrixRMaj> factor(DMatrixRMaj gram) {
      LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(gram.numRows);
      if (cholesky.setA(cholesky.modifiesA() ? gram.copy() : gram)) {
        return cholesky;
      }
      LinearSolverDense<DMatrixRMaj> leastSquares = LinearSolverFactory_DDRM.pseudoInverse(true);
      if (!leastSquares.setA(gram.copy())) {
        throw new ArithmeticException("SVD of the BSS-eval Gram matrix did not converge");
      }
      return leastSquares;
    }

    /** Everything that depends on one estimate: its correlations and full projection. */
    Estimate estimate(double[] samples) {
      return new Estimate(samples);
    }

    final class Estimate {
      private final double[] samples;

      /** D[(i,a)] = &lt;s_i delayed by a, estimate&gt;. */
      private final double[] correlations;

      /** Projection on all references (mir_eval: s_true + e_spat + e_interf). */
      private final double[] projAll;

      private Estimate(double[] samples) {
        this.samples = samples;
        double[] spectrum = spectrum(samples);
        correlations = new double[nsrc * flen];
        for (int i = 0; i < nsrc; i++) {
          double[] lag = crossCorrelation(refSpectra[i], spectrum);
          for (int a = 0; a < flen; a++) {
            correlations[i * flen + a] = lag[Math.floorMod(-a, nfft)];
          }
        }
        projAll = filterReferences(solve(allSolver, correlations), 0);
      }

      /**
       * The criteria of this estimate against reference j (mir_eval's {@code _bss_decomp_mtifilt}
       * and {@code _bss_source_crit}). With the projections P_j (on reference j) and P (on all):
       * s_true + e_spat = P_j, e_interf = P - P_j, e_artif = estimate - P.
       */
      Criteria criteria(int j) {
        // one source: reusing P keeps the interference exactly 0 (SIR = +inf), as in
        // mir_eval, whose two projections are then the same computation
        double[] projOne =
            nsrc == 1
                ? projAll
                : filterReferences(
                    solve(
                        oneSolvers[j], Arrays.copyOfRange(correlations, j * flen, (j + 1) * flen)),
                    j);
        double target = 0;
        double distortion = 0; // e_interf + e_artif = estimate - P_j
        double interference = 0;
        double projected = 0;
        double artefacts = 0;
        for (int t = 0; t < projLen; t++) {
          double x = t < nsampl ? samples[t] : 0;
          target += projOne[t] * projOne[t];
          distortion += (x - projOne[t]) * (x - projOne[t]);
          interference += (projAll[t] - projOne[t]) * (projAll[t] - projOne[t]);
          projected += projAll[t] * projAll[t];
          artefacts += (x - projAll[t]) * (x - projAll[t]);
        }
        return new Criteria(
            safeDb(target, distortion), safeDb(target, interference), safeDb(projected, artefacts));
      }
    }

    private static double[] solve(LinearSolverDense<DMatrixRMaj> solver, double[] rhs) {
      DMatrixRMaj x = new DMatrixRMaj(rhs.length, 1);
      solver.solve(DMatrixRMaj.wrap(rhs.length, 1, rhs.clone()), x);
      return x.data;
    }

    /**
     * Σ_i filters_i * s_(first + i), the first projLen samples of the full convolution (mir_eval's
     * fftconvolve loop); {@code filters} holds consecutive flen-tap filters.
     */
    private double[] filterReferences(double[] filters, int first) {
      double[] sum = new double[nfft];
      for (int i = 0; i < filters.length / flen; i++) {
        double[] h = new double[nfft];
        System.arraycopy(filters, i * flen, h, 0, flen);
        fft.realForward(h);
        multiplyAdd(h, refSpectra[first + i], sum);
      }
      fft.realInverse(sum, true);
      return Arrays.copyOf(sum, projLen);
    }

    /** Packed spectrum of the signal zero-padded to nfft. */
    private double[] spectrum(double[] samples) {
      double[] s = Arrays.copyOf(samples, nfft);
      fft.realForward(s);
      return s;
    }

    /** Circular cross-correlation r[k] = Σ_t x(t + k) y(t), from packed spectra. */
    private double[] crossCorrelation(double[] xSpectrum, double[] ySpectrum) {
      double[] r = new double[nfft];
      r[0] = xSpectrum[0] * ySpectrum[0];
      r[1] = xSpectrum[1] * ySpectrum[1];
      for (int k = 2; k < nfft; k += 2) {
        double xr = xSpectrum[k];
        double xi = xSpectrum[k + 1];
        double yr = ySpectrum[k];
        double yi = ySpectrum[k + 1];
        r[k] = xr * yr + xi * yi; // x * conj(y)
        r[k + 1] = xi * yr - xr * yi;
      }
      fft.realInverse(r, true);
      return r;
    }

    /** acc += x * y on packed spectra (element 1 is the real Nyquist bin). */
    private static void multiplyAdd(double[] x, double[] y, double[] acc) {
      acc[0] += x[0] * y[0];
      acc[1] += x[1] * y[1];
      for (int k = 2; k < x.length; k += 2) {
        acc[k] += x[k] * y[k] - x[k + 1] * y[k + 1];
        acc[k + 1] += x[k] * y[k + 1] + x[k + 1] * y[k];
      }
    }
  }
}
