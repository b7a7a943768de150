package io.pixelplayer.jobs.synth;

import io.pixelplayer.udf.SampledAudio;
import io.pixelplayer.udf.Wav;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The espeak-ng speech synthesizer, run as a process ({@code pixelplayer.synth.espeak}): the speech
 * of non-music videos. Its output is the same for the same text and voice.
 */
final class Espeak {
  private static final long TIMEOUT_SECONDS = 60;

  private final String binary;

  Espeak(String binary) {
    this.binary = binary;
  }

  /** Fails in one line, before any rendering, when the synthesizer cannot be run. */
  void check() {
    try {
      run(List.of(binary, "--version"));
    } catch (IOException e) {
      throw new IllegalStateException(
          "espeak-ng is needed for speech in non-music videos but '"
              + binary
              + "' cannot be run: install it (apt-get install espeak-ng) or set pixelplayer.synth.espeak");
    }
  }

  /**
   * {@code text} spoken by {@code voice} (a language with an optional {@code +variant}) at {@code
   * wordsPerMinute}, pitch 0..99; mono, at espeak-ng's own rate.
   */
  SampledAudio speak(String text, String voice, int wordsPerMinute, int pitch) throws IOException {
    Path wav = Files.createTempFile("pixelplayer-speech", ".wav");
    try {
      run(
          List.of(
              binary,
              "-w",
              wav.toString(),
              "-v",
              voice,
              "-s",
              Integer.toString(wordsPerMinute),
              "-p",
              Integer.toString(pitch),
              "--",
              text));
      return Wav.read(wav);
    } finally {
      Files.deleteIfExists(wav);
    }
  }

  private static void run(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
      }
      if (process.exitValue() != 0) {
        throw new IOException(
            command.get(0)
                + " failed (exit "
                + process.exitValue()
                + "): "
                + new String(output, StandardCharsets.UTF_8).strip());
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }
}
