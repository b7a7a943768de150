package io.pixelplayer.jobs.synth;

import io.pixelplayer.jobs.synth.acoustics.BackgroundNoise;
import io.pixelplayer.udf.Biquad;
import io.pixelplayer.udf.Resampler;
import io.pixelplayer.udf.SampledAudio;
import java.io.IOException;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * The dry sound of a non-music video, before its room and microphone: speech, noise, tones, a
 * line-up tone or silence, {@code seconds} long at the render rate. {@code variety} names what was
 * drawn (for renders.csv).
 */
record NonMusicSound(float[] samples, String variety) {
  /** espeak-ng voices: English accents mostly, a few other languages reading the same words. */
  static final List<String> LANGUAGES =
      List.of(
          "en-us",
          "en-gb",
          "en-gb-scotland",
          "en-gb-x-rp",
          "en-gb-x-gbclan",
          "en-029",
          "de",
          "fr",
          "es",
          "nl");

  /** espeak-ng voice variants: male, female and odd voices. */
  static final List<String> VARIANTS =
      List.of(
          "m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5", "croak", "klatt",
          "whisper");

  private static final List<String> WORDS =
      List.of(
          "the",
          "a",
          "this",
          "that",
          "our",
          "every",
          "some",
          "no",
          "morning",
          "evening",
          "report",
          "weather",
          "train",
          "station",
          "river",
          "garden",
          "window",
          "table",
          "letter",
          "market",
          "city",
          "village",
          "road",
          "bridge",
          "engine",
          "result",
          "number",
          "question",
          "answer",
          "meeting",
          "lesson",
          "chapter",
          "figure",
          "system",
          "water",
          "paper",
          "picture",
          "minute",
          "people",
          "children",
          "doctor",
          "teacher",
          "is",
          "was",
          "will be",
          "seems",
          "looks",
          "remains",
          "becomes",
          "opens",
          "closes",
          "arrives",
          "leaves",
          "turns",
          "shows",
          "explains",
          "follows",
          "changes",
          "green",
          "quiet",
          "early",
          "late",
          "small",
          "large",
          "simple",
          "careful",
          "strange",
          "important",
          "north",
          "south",
          "today",
          "tomorrow",
          "again",
          "slowly",
          "quickly",
          "here",
          "there",
          "before",
          "after",
          "during",
          "because",
          "and",
          "but",
          "then",
          "so",
          "with",
          "from",
          "under",
          "over",
          "seven",
          "twelve",
          "three",
          "hundred",
          "percent",
          "first",
          "second",
          "next",
          "last");
  private static final int[] DTMF_ROWS = {697, 770, 852, 941};
  private static final int[] DTMF_COLUMNS = {1209, 1336, 1477, 1633};

  /** Fade-in and fade-out of bursts, so they start and stop without clicks. */
  private static final double RAMP_SECONDS = 0.004;

  static NonMusicSound make(NonMusic kind, double seconds, int rate, Random random, Espeak espeak)
      throws IOException {
    int n = (int) Math.round(seconds * rate);
    return switch (kind) {
      case SPEECH -> speech(n, rate, random, espeak);
      case NOISE -> noise(n, rate, random);
      case TONES -> tones(n, rate, random);
      case TEST_PATTERN -> {
        // the line-up tone, sometimes broken for a moment every few seconds, as broadcast idents do
        boolean broken = random.nextBoolean();
        float[] tone = new float[n];
        for (int i = 0; i < n; i++) {
          boolean off = broken && (i / (double) rate) % 3.0 > 2.75;
          tone[i] = off ? 0 : (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / rate));
        }
        yield new NonMusicSound(tone, broken ? "1khz_ident" : "1khz");
      }
      case SILENCE -> new NonMusicSound(new float[n], "silence");
    };
  }

  private static NonMusicSound speech(int n, int rate, Random random, Espeak espeak)
      throws IOException {
    String voice =
        LANGUAGES.get(random.nextInt(LANGUAGES.size()))
            + "+"
            + VARIANTS.get(random.nextInt(VARIANTS.size()));
    int wordsPerMinute = 120 + random.nextInt(100);
    int pitch = 20 + random.nextInt(60);
    SampledAudio spoken =
        espeak.speak(sentences(random, 1 + n / rate * 4), voice, wordsPerMinute, pitch);
    if (rate % spoken.sampleRate() != 0) {
      throw new IllegalStateException(
          "espeak-ng speaks at " + spoken.sampleRate() + " Hz, not a divisor of " + rate + " Hz");
    }
    float[] voiced = Resampler.upsample(spoken.samples(), rate / spoken.sampleRate());
    float[] out = new float[n];
    int lead = (int) (rate * 0.4 * random.nextDouble());
    System.arraycopy(voiced, 0, out, lead, Math.max(0, Math.min(voiced.length, n - lead)));
    return new NonMusicSound(out, voice);
  }

  /** Random sentences of 4 to 10 words, about {@code words} words in all. */
  static String sentences(Random random, int words) {
    StringBuilder text = new StringBuilder();
    while (words > 0) {
      int length = 4 + random.nextInt(7);
      text.append(phrase(random, length)).append(random.nextInt(4) == 0 ? "? " : ". ");
      words -= length;
    }
    return text.toString().strip();
  }

  /**
   * {@code words} random words, the first capitalised, no punctuation (a slide's title or bullet).
   */
  static String phrase(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = WORDS.get(random.nextInt(WORDS.size()));
      text.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
    }
    return text.toString();
  }

  private static NonMusicSound noise(int n, int rate, Random random) {
    float[] white = new float[n];
    for (int i = 0; i < n; i++) white[i] = (float) random.nextGaussian();
    return switch (random.nextInt(5)) {
      case 0 -> new NonMusicSound(white, "white");
      case 1 -> new NonMusicSound(pink(white), "pink");
      case 2 -> new NonMusicSound(brown(white), "brown");
      case 3 -> new NonMusicSound(BackgroundNoise.roomTone(n, rate, random), "room_tone");
      default -> new NonMusicSound(traffic(white, rate, random), "traffic");
    };
  }

  /** -3 dB an octave (Paul Kellet's economy filter). */
  private static float[] pink(float[] white) {
    float[] out = new float[white.length];
    double b0 = 0;
    double b1 = 0;
    double b2 = 0;
    for (int i = 0; i < white.length; i++) {
      b0 = 0.99765 * b0 + white[i] * 0.0990460;
      b1 = 0.96300 * b1 + white[i] * 0.2965164;
      b2 = 0.57000 * b2 + white[i] * 1.0526913;
      out[i] = (float) (b0 + b1 + b2 + white[i] * 0.1848);
    }
    return out;
  }

  /** -6 dB an octave: leaky integration of white noise. */
  private static float[] brown(float[] white) {
    float[] out = new float[white.length];
    double level = 0;
    for (int i = 0; i < white.length; i++) {
      level = 0.998 * level + 0.06 * white[i];
      out[i] = (float) level;
    }
    return out;
  }

  /** A muffled rumble that swells as cars pass, every one to four seconds. */
  private static float[] traffic(float[] white, int rate, Random random) {
    float[] rumble = Biquad.highShelf(rate, 400, -20).filter(brown(white));
    double seconds = white.length / (double) rate;
    int cars = 1 + (int) (seconds / (1 + 3 * random.nextDouble()));
    double[] passes = new double[cars];
    double[] widths = new double[cars];
    for (int c = 0; c < cars; c++) {
      passes[c] = seconds * random.nextDouble();
      widths[c] = 0.4 + 1.2 * random.nextDouble();
    }
    for (int i = 0; i < rumble.length; i++) {
      double t = i / (double) rate;
      double swell = 0.3;
      for (int c = 0; c < cars; c++)
        swell += Math.exp(-0.5 * Math.pow((t - passes[c]) / widths[c], 2));
      rumble[i] *= (float) swell;
    }
    return rumble;
  }

  private static NonMusicSound tones(int n, int rate, Random random) {
    float[] out = new float[n];
    switch (random.nextInt(5)) {
      case 0 -> {
        double hertz = 200 * Math.pow(12, random.nextDouble());
        for (int i = 0; i < n; i++)
          out[i] = (float) (0.5 * Math.sin(2 * Math.PI * hertz * i / rate));
        return new NonMusicSound(out, "sine");
      }
      case 1 -> {
        // band-limited: the odd harmonics below 0.45 of the rate
        double hertz = 100 * Math.pow(10, random.nextDouble());
        for (int k = 1; k * hertz < 0.45 * rate; k += 2) {
          for (int i = 0; i < n; i++)
            out[i] += (float) (0.4 / k * Math.sin(2 * Math.PI * k * hertz * i / rate));
        }
        return new NonMusicSound(out, "square");
      }
      case 2 -> {
        for (int start = (int) (0.2 * rate * random.nextDouble()); start < n; ) {
          int length = (int) (rate * (0.07 + 0.13 * random.nextDouble()));
          int row = DTMF_ROWS[random.nextInt(4)];
          int column = DTMF_COLUMNS[random.nextInt(4)];
          burst(
              out,
              start,
              length,
              rate,
              i ->
                  0.3
                      * (Math.sin(2 * Math.PI * row * i / rate)
                          + Math.sin(2 * Math.PI * column * i / rate)));
          start +=
              length
                  + (int)
                      (rate
                          * (random.nextInt(5) == 0
                              ? 0.4 + 0.6 * random.nextDouble()
                              : 0.05 + 0.15 * random.nextDouble()));
        }
        return new NonMusicSound(out, "dtmf");
      }
      case 3 -> {
        // logarithmic sweeps, repeated
        double from = 100 + 200 * random.nextDouble();
        double to = 4000 + 8000 * random.nextDouble();
        int period = (int) (rate * (0.5 + 1.5 * random.nextDouble()));
        double phase = 0;
        for (int i = 0; i < n; i++) {
          phase += 2 * Math.PI * from * Math.pow(to / from, (i % period) / (double) period) / rate;
          out[i] = (float) (0.5 * Math.sin(phase));
        }
        return new NonMusicSound(out, "chirp");
      }
      default -> {
        double hertz = 500 + 2000 * random.nextDouble();
        int length = (int) (rate * (0.08 + 0.3 * random.nextDouble()));
        int period = length + (int) (rate * (0.2 + random.nextDouble()));
        for (int start = 0; start < n; start += period) {
          burst(out, start, length, rate, i -> 0.5 * Math.sin(2 * Math.PI * hertz * i / rate));
        }
        return new NonMusicSound(out, "beeps");
      }
    }
  }

  /**
   * Adds {@code wave} from {@code start} for {@code length} samples (cut at the end), with short
   * ramps.
   */
  private static void burst(
      float[] out, int start, int length, int rate, IntToDoubleFunction wave) {
    int ramp = (int) (RAMP_SECONDS * rate);
    for (int i = 0; i < length && start + i < out.length; i++) {
      double gain = Math.min(1, Math.min(i, length - 1 - i) / (double) ramp);
      out[start + i] += (float) (gain * wave.applyAsDouble(i));
    }
  }
}
