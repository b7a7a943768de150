package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WavTest {
  @ParameterizedTest
  @EnumSource(Wav.Encoding.class)
  void roundTripsMonoAndStereo(Wav.Encoding encoding) throws IOException {
    boolean integer = encoding.name().startsWith("PCM");
    // Integer codes cover [-1, 1 - step] and lose at most half a step (or a float rounding for 32
    // bits);
    // floats come back exactly, out-of-range values included.
    double step = integer ? 1.0 / (1L << (encoding.bitsPerSample() - 1)) : 0;
    double tolerance = Math.max(step / 2, integer ? Math.ulp(1f) / 2 : 0);
    for (int channels : new int[] {1, 2, 5}) {
      SampledAudio audio =
          new SampledAudio(StftTest.noise(999 * channels, channels), 11025, channels);

      SampledAudio read = Wav.read(new ByteArrayInputStream(bytes(audio, encoding)));

      assertThat(read.sampleRate()).isEqualTo(11025);
      assertThat(read.channels()).isEqualTo(channels);
      float[] expected = integer ? clip(audio.samples(), (float) (1 - step)) : audio.samples();
      assertThat(StftTest.maxAbsDifference(expected, read.samples()))
          .isLessThanOrEqualTo(tolerance);
    }
  }

  @Test
  void sixteenBitWritingClipsToTheLargestCodes() throws IOException {
    SampledAudio loud = SampledAudio.mono(new float[] {1.5f, -1.5f, 1f, -1f, 0.5f}, 8000);

    byte[] file = bytes(loud, Wav.Encoding.PCM_16);
    ByteBuffer data = ByteBuffer.wrap(file, 44, 10).order(ByteOrder.LITTLE_ENDIAN);

    assertThat(
            new short[] {
              data.getShort(), data.getShort(), data.getShort(), data.getShort(), data.getShort()
            })
        .containsExactly(
            (short) 32767, (short) -32768, (short) 32767, (short) -32768, (short) 16384);
    assertThat(Wav.read(new ByteArrayInputStream(file)).samples())
        .containsExactly(32767 / 32768f, -1f, 32767 / 32768f, -1f, 0.5f);
  }

  @Test
  void readsWhatJavaSoundWrites() throws IOException {
    short[] codes = {0, 1000, -1000, 32767, -32768, 12345};
    ByteBuffer pcm = ByteBuffer.allocate(codes.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short code : codes) pcm.putShort(code);
    AudioFormat format = new AudioFormat(22050, 16, 2, true, false);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    AudioSystem.write(
        new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, codes.length / 2),
        AudioFileFormat.Type.WAVE,
        file);

    SampledAudio audio = Wav.read(new ByteArrayInputStream(file.toByteArray()));

    assertThat(audio.sampleRate()).isEqualTo(22050);
    assertThat(audio.channels()).isEqualTo(2);
    float[] expected = new float[codes.length];
    for (int i = 0; i < codes.length; i++) expected[i] = codes[i] / 32768f;
    assertThat(audio.samples()).containsExactly(expected);
    assertThat(audio.toMono().samples())
        .containsExactly(1000 / 65536f, (32767 - 1000) / 65536f, (12345 - 32768) / 65536f);
  }

  @Test
  void javaSoundReadsWhatWeWrite() throws Exception {
    SampledAudio audio = new SampledAudio(StftTest.music(2000), 11025, 2);

    for (Wav.Encoding encoding : new Wav.Encoding[] {Wav.Encoding.PCM_16, Wav.Encoding.FLOAT_32}) {
      try (AudioInputStream in =
          AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes(audio, encoding)))) {
        AudioFormat format = in.getFormat();
        assertThat(format.getSampleRate()).isEqualTo(11025f);
        assertThat(format.getChannels()).isEqualTo(2);
        assertThat(format.getSampleSizeInBits()).isEqualTo(encoding.bitsPerSample());
        assertThat(in.getFrameLength()).isEqualTo(1000);
        ByteBuffer data = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : audio.samples()) {
          float read = encoding == Wav.Encoding.PCM_16 ? data.getShort() / 32768f : data.getFloat();
          assertThat(read).isCloseTo(sample, within(1 / 32768f));
        }
      }
    }
  }

  @Test
  void readsExtensibleTwentyFourBitWithThreeChannelsAndSkipsOtherChunks() throws IOException {
    ByteBuffer fmt =
        ByteBuffer.allocate(40)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putShort((short) 0xFFFE)
            .putShort((short) 3)
            .putInt(48000)
            .putInt(48000 * 9)
            .putShort((short) 9)
            .putShort((short) 24)
            .putShort((short) 22)
            .putShort((short) 24)
            .putInt(0x7)
            .putShort((short) 1)
            .put(
                new byte[] {
                  0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71
                });
    byte[] data = {
      0,
      0,
      0x40,
      0,
      0,
      (byte) 0xC0,
      (byte) 0xFF,
      (byte) 0xFF,
      0x7F, // 0.5, -0.5, max
      1,
      0,
      0,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      0,
      0,
      (byte) 0x80
    }; // 1, -1 code, -1.0
    byte[] file = riff(chunk("fmt ", fmt.array()), chunk("LIST", new byte[7]), chunk("data", data));

    SampledAudio audio = Wav.read(new ByteArrayInputStream(file));

    assertThat(audio.sampleRate()).isEqualTo(48000);
    assertThat(audio.channels()).isEqualTo(3);
    assertThat(audio.samples())
        .containsExactly(0.5f, -0.5f, 8388607 / 8388608f, 1 / 8388608f, -1 / 8388608f, -1f);
    assertThat(audio.toMono().samples()[0])
        .isCloseTo((0.5f - 0.5f + 8388607 / 8388608f) / 3, within(1e-7f));
  }

  @Test
  void readsEightBitUnsignedAndSixtyFourBitFloat() throws IOException {
    byte[] unsigned =
        riff(
            chunk("fmt ", fmt(1, 1, 8000, 8)),
            chunk("data", new byte[] {(byte) 128, 0, (byte) 255}));
    ByteBuffer doubles =
        ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putDouble(0.25).putDouble(-2);
    byte[] float64 = riff(chunk("fmt ", fmt(3, 1, 8000, 64)), chunk("data", doubles.array()));

    assertThat(Wav.read(new ByteArrayInputStream(unsigned)).samples())
        .containsExactly(0f, -1f, 127 / 128f);
    assertThat(Wav.read(new ByteArrayInputStream(float64)).samples()).containsExactly(0.25f, -2f);
  }

  @Test
  void streamedFileOfUnknownLengthIsReadToItsEnd() throws IOException {
    byte[] file =
        bytes(SampledAudio.mono(new float[] {0.25f, -0.25f, 0.5f}, 8000), Wav.Encoding.PCM_16);
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(4, -1).putInt(40, -1);

    assertThat(Wav.read(new ByteArrayInputStream(file)).samples())
        .containsExactly(0.25f, -0.25f, 0.5f);
  }

  @Test
  void truncatedFileIsAnIOException() throws IOException {
    byte[] file = bytes(SampledAudio.mono(new float[1000], 8000), Wav.Encoding.PCM_16);

    assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(Arrays.copyOf(file, 1500))))
        .isInstanceOf(IOException.class)
        .hasMessage("truncated WAV file: data chunk declares 2000 bytes, stream ended after 1456");
    assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(Arrays.copyOf(file, 30))))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("truncated WAV file: fmt chunk");
    assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(Arrays.copyOf(file, 40))))
        .isInstanceOf(IOException.class)
        .hasMessage("truncated WAV file: ended inside a chunk header");
    assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(Arrays.copyOf(file, 36))))
        .isInstanceOf(IOException.class)
        .hasMessage("corrupt WAV file: ended before its data chunk");
  }

  @Test
  void otherInputIsAnIOExceptionWithAReason() {
    assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(IOException.class)
        .hasMessage("not a WAV file: only 0 bytes");
    assertThatThrownBy(
            () ->
                Wav.read(
                    new ByteArrayInputStream(
                        "ID3\u0003\u0000\u0000 some mp3 data"
                            .getBytes(StandardCharsets.ISO_8859_1))))
        .isInstanceOf(IOException.class)
        .hasMessage("not a WAV file: starts with 'ID3?', not 'RIFF....WAVE'");
    assertThatThrownBy(
            () -> Wav.read(new ByteArrayInputStream(riff(chunk("fmt ", fmt(2, 1, 8000, 4))))))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("unsupported WAV encoding: format tag 0x0002 with 4 bits");
    assertThatThrownBy(
            () -> Wav.read(new ByteArrayInputStream(riff(chunk("fmt ", fmt(1, 1, 8000, 12))))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("with 12 bits");
    assertThatThrownBy(() -> Wav.read(new ByteArrayInputStream(riff(chunk("data", new byte[4])))))
        .isInstanceOf(IOException.class)
        .hasMessage("corrupt WAV file: data chunk before the fmt chunk");
    assertThatThrownBy(
            () -> Wav.read(new ByteArrayInputStream(riff(chunk("fmt ", fmt(1, 0, 8000, 16))))))
        .isInstanceOf(IOException.class)
        .hasMessage("corrupt WAV file: 0 channels");
    assertThatThrownBy(
            () ->
                Wav.read(
                    new ByteArrayInputStream(
                        riff(chunk("fmt ", Arrays.copyOf(fmt(1, 1, 8000, 16), 14))))))
        .isInstanceOf(IOException.class)
        .hasMessage("corrupt WAV file: fmt chunk of 14 bytes, need 16");
  }

  @Test
  void writingRejectsNonFiniteSamples() {
    SampledAudio audio = SampledAudio.mono(new float[] {0f, Float.NaN}, 8000);

    assertThatThrownBy(() -> bytes(audio, Wav.Encoding.FLOAT_32))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sample 1 is NaN");
  }

  @Test
  void pathsRoundTrip(@TempDir Path dir) throws IOException {
    SampledAudio audio = SampledAudio.mono(StftTest.music(5000), Stft.PAPER_SAMPLE_RATE);
    Path file = dir.resolve("clip.wav");

    Wav.write(file, audio, Wav.Encoding.FLOAT_32);

    assertThat(Wav.read(file)).isEqualTo(audio);
  }

  private static byte[] bytes(SampledAudio audio, Wav.Encoding encoding) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Wav.write(out, audio, encoding);
    return out.toByteArray();
  }

  private static float[] clip(float[] samples, float max) {
    float[] clipped = new float[samples.length];
    for (int i = 0; i < samples.length; i++) clipped[i] = Math.max(-1f, Math.min(max, samples[i]));
    return clipped;
  }

  /** A 16-byte fmt chunk body. */
  private static byte[] fmt(int tag, int channels, int rate, int bits) {
    int blockAlign = channels * bits / 8;
    return ByteBuffer.allocate(16)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) tag)
        .putShort((short) channels)
        .putInt(rate)
        .putInt(rate * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) bits)
        .array();
  }

  private static byte[] chunk(String id, byte[] body) {
    ByteBuffer chunk =
        ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
    return chunk.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body).array();
  }

  private static byte[] riff(byte[]... chunks) {
    int size = 4 + Arrays.stream(chunks).mapToInt(c -> c.length).sum();
    ByteBuffer file =
        ByteBuffer.allocate(8 + size)
            .order(ByteOrder.LITTLE_ENDIAN)
            .put("RIFF".getBytes(StandardCharsets.US_ASCII))
            .putInt(size)
            .put("WAVE".getBytes(StandardCharsets.US_ASCII));
    for (byte[] chunk : chunks) file.put(chunk);
    return file.array();
  }
}
