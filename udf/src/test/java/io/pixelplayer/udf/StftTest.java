package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StftTest {
  private static final Stft PAPER = Stft.paper();

  @Test
  void paperClipGives512BinsBy256Frames() {
    ComplexSpectrogram spectrogram = PAPER.forward(new float[65535]);

    assertThat(spectrogram.bins()).isEqualTo(512);
    assertThat(spectrogram.frames()).isEqualTo(256);
    assertThat(PAPER.bins()).isEqualTo(512);
    assertThat(PAPER.frames(65535)).isEqualTo(256);
    assertThat(PAPER.frames(65536)).isEqualTo(257);
  }

  @Test
  void paperClipRoundTripsNoise() {
    float[] noise = noise(65535, 1);

    double error = maxAbsDifference(noise, PAPER.inverse(PAPER.forward(noise), noise.length));

    System.out.printf("STFT round trip (65535 samples): max |error| = %.1e%n", error);
    assertThat(error).isLessThan(1e-6);
  }

  @Test
  void paperClipRoundTripsMusic() {
    float[] music = music(65535);

    double error = maxAbsDifference(music, PAPER.inverse(PAPER.forward(music), music.length));

    System.out.printf(
        "STFT round trip (65535 samples of plucked notes): max |error| = %.1e%n", error);
    assertThat(error).isLessThan(1e-6);
  }

  @ParameterizedTest(name = "n_fft {0}, hop {1}, {2} samples")
  @CsvSource({
    "1022, 256, 1",
    "1022, 256, 300",
    "1022, 256, 1022",
    "1022, 256, 4097",
    "1022, 256, 11025",
    "512, 128, 5000",
    "16, 4, 37",
    "64, 32, 1000",
    "2, 1, 10"
  })
  void otherLengthsAndSizesRoundTrip(int fftSize, int hop, int length) {
    Stft stft = new Stft(fftSize, hop);
    float[] noise = noise(length, length);

    float[] restored = stft.inverse(stft.forward(noise), length);

    assertThat(maxAbsDifference(noise, restored)).isLessThan(1e-6);
  }

  @Test
  void shorterInverseIsAPrefixAndLongerIsZeroExtended() {
    float[] noise = noise(4096, 2);
    ComplexSpectrogram spectrogram = PAPER.forward(noise);

    float[] prefix = PAPER.inverse(spectrogram, 1000);
    float[] extended = PAPER.inverse(spectrogram, 10000);

    assertThat(maxAbsDifference(Arrays.copyOf(noise, 1000), prefix)).isLessThan(1e-6);
    // The last frame is centred on sample 4096 and reaches 511 samples further.
    assertThat(Arrays.copyOfRange(extended, 4096 + 511, 10000)).containsOnly(0f);
  }

  @Test
  void toneOnABinGivesTheHannPeakAndItsTwoNeighbours() {
    int bin = 100;
    float[] tone = new float[65535];
    for (int n = 0; n < tone.length; n++)
      tone[n] = (float) (0.5 * Math.cos(2 * Math.PI * bin * n / 1022.0));

    ComplexSpectrogram spectrogram = PAPER.forward(tone);
    float[] magnitude = spectrogram.magnitude();
    int frame = 128;

    // A cosine of amplitude A on bin k gives A/2 sum(w) = A N / 4 there and A N / 8 on each
    // neighbour.
    assertThat(magnitude[bin * 256 + frame]).isCloseTo(0.5f * 1022 / 4, within(1e-3f));
    assertThat(magnitude[(bin + 1) * 256 + frame]).isCloseTo(0.5f * 1022 / 8, within(1e-3f));
    assertThat(magnitude[(bin - 1) * 256 + frame]).isCloseTo(0.5f * 1022 / 8, within(1e-3f));
    assertThat(magnitude[(bin + 2) * 256 + frame]).isLessThan(1e-3f);
    assertThat(magnitude[0 * 256 + frame]).isLessThan(1e-3f);
  }

  @Test
  void everyFrameKeepsTheEnergyOfItsWindowedSamples() {
    float[] music = music(8000);
    ComplexSpectrogram spectrogram = PAPER.forward(music);
    int bins = spectrogram.bins();
    int frames = spectrogram.frames();

    for (int t = 0; t < frames; t++) {
      double timeEnergy = 0;
      for (int n = 0; n < 1022; n++) {
        int i = t * 256 + n - 511;
        double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / 1022);
        double sample = i >= 0 && i < music.length ? music[i] * w : 0;
        timeEnergy += sample * sample;
      }
      // Parseval on a one-sided spectrum: bins other than DC and Nyquist stand for two.
      double spectralEnergy = 0;
      for (int k = 0; k < bins; k++) {
        double power =
            Math.pow(spectrogram.real(k, t), 2) + Math.pow(spectrogram.imaginary(k, t), 2);
        spectralEnergy += (k == 0 || k == bins - 1 ? 1 : 2) * power;
      }
      assertThat(spectralEnergy / 1022).isCloseTo(timeEnergy, within(1e-5 * timeEnergy + 1e-9));
    }
  }

  @Test
  void agreesWithScipy() {
    float[] signal = TestResources.floats("/stft/signal.f32");
    float[] scipy = TestResources.floats("/stft/spectrum.f32");

    ComplexSpectrogram spectrogram = PAPER.forward(signal);

    assertThat(spectrogram.bins() * spectrogram.frames() * 2).isEqualTo(scipy.length);
    double maxDifference = 0;
    double maxMagnitude = 0;
    for (int i = 0; i < scipy.length / 2; i++) {
      double dRe = spectrogram.re[i] - scipy[2 * i];
      double dIm = spectrogram.im[i] - scipy[2 * i + 1];
      maxDifference = Math.max(maxDifference, Math.hypot(dRe, dIm));
      maxMagnitude = Math.max(maxMagnitude, Math.hypot(scipy[2 * i], scipy[2 * i + 1]));
    }
    System.out.printf(
        "STFT vs scipy (4096 samples, 512 x 17): max |Δ| = %.1e (relative to max magnitude %.1f: %.1e)%n",
        maxDifference, maxMagnitude, maxDifference / maxMagnitude);
    assertThat(maxDifference / maxMagnitude).isLessThan(1e-6);
  }

  @Test
  void oneInstanceServesSeveralThreads() throws Exception {
    float[] signal = music(8192);
    float[] expected = PAPER.forward(signal).real();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<float[]>> results = new ArrayList<>();
      for (int i = 0; i < 12; i++) results.add(pool.submit(() -> PAPER.forward(signal).real()));
      for (Future<float[]> result : results) assertThat(result.get()).containsExactly(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void rejectsBadSizes() {
    assertThatThrownBy(() -> new Stft(1021, 256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FFT size 1021");
    assertThatThrownBy(() -> new Stft(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Stft(1022, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hop length 0");
    assertThatThrownBy(() -> new Stft(1022, 512))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("hop length 512 not in 1..511");
    assertThatThrownBy(() -> PAPER.forward(new float[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("signal length 0");
    assertThatThrownBy(() -> PAPER.inverse(new Stft(512, 128).forward(new float[100]), 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("257 bins");
  }

  static float[] noise(int length, long seed) {
    Random random = new Random(seed);
    float[] noise = new float[length];
    for (int i = 0; i < length; i++) noise[i] = (float) (random.nextGaussian() * 0.25);
    return noise;
  }

  /**
   * Plucked notes of a scale: harmonics under decaying envelopes, as instruments in MUSIC sound.
   */
  static float[] music(int length) {
    float[] music = new float[length];
    double[] notes = {220.0, 246.9, 277.2, 293.7, 329.6, 370.0, 415.3, 440.0};
    int noteLength = 5000;
    for (int i = 0; i < length; i++) {
      double f0 = notes[(i / noteLength) % notes.length];
      double t = (i % noteLength) / (double) Stft.PAPER_SAMPLE_RATE;
      double sample = 0;
      for (int h = 1; h <= 6; h++) sample += Math.sin(2 * Math.PI * h * f0 * t) / h;
      music[i] = (float) (0.4 * Math.exp(-4 * t) * sample);
    }
    return music;
  }

  static double maxAbsDifference(float[] expected, float[] actual) {
    assertThat(actual).hasSameSizeAs(expected);
    double max = 0;
    for (int i = 0; i < expected.length; i++)
      max = Math.max(max, Math.abs(expected[i] - actual[i]));
    return max;
  }
}
