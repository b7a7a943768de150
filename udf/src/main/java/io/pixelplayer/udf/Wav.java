package io.pixelplayer.udf;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes RIFF WAVE files on streams (the jobs read Hadoop FileSystem streams) and paths.
 *
 * <p>Reads integer PCM of 8 (unsigned), 16, 24 and 32 bits and IEEE float of 32 and 64 bits, plain
 * or as {@code WAVE_FORMAT_EXTENSIBLE}, any channel count. Integers of b bits are scaled by
 * 2^-(b-1) into [-1, 1); floats are returned as stored. A data chunk whose size is 0xFFFFFFFF
 * (written by streaming encoders that could not seek back) runs to the end of the stream; a final
 * incomplete frame is dropped. Anything else that is not a well-formed WAV file, including one cut
 * short, is an {@link IOException} with a one-line reason.
 *
 * <p>Writes any of the same encodings, without the extensible header. Integer encodings round
 * {@code x * 2^(b-1)} and clip to their range (so +1.0 becomes the largest code, 32767 for 16
 * bits).
 *
 * <p>Streams are neither buffered nor closed here: the caller owns them.
 */
public final class Wav {
  /** How samples are stored in a file. */
  public enum Encoding {
    PCM_U8(FORMAT_PCM, 8),
    PCM_16(FORMAT_PCM, 16),
    PCM_24(FORMAT_PCM, 24),
    PCM_32(FORMAT_PCM, 32),
    FLOAT_32(FORMAT_FLOAT, 32),
    FLOAT_64(FORMAT_FLOAT, 64);

    final int formatTag;
    final int bytes;

    Encoding(int formatTag, int bits) {
      this.formatTag = formatTag;
      this.bytes = bits / 8;
    }

    public int bitsPerSample() {
      return bytes * 8;
    }

    static Encoding of(int formatTag, int bits) {
      for (Encoding encoding : values()) {
        if (encoding.formatTag == formatTag && encoding.bitsPerSample() == bits) return encoding;
      }
      return null;
    }

    float read(ByteBuffer in) {
      return switch (this) {
        case PCM_U8 -> ((in.get() & 0xFF) - 128) / 128f;
        case PCM_16 -> in.getShort() / 32768f;
        case PCM_24 -> ((in.get() & 0xFF) | (in.get() & 0xFF) << 8 | in.get() << 16) / 8388608f;
        case PCM_32 -> (float) (in.getInt() / 2147483648.0);
        case FLOAT_32 -> in.getFloat();
        case FLOAT_64 -> (float) in.getDouble();
      };
    }

    void write(ByteBuffer out, float sample) {
      switch (this) {
        case PCM_U8 -> out.put((byte) (integer(sample) + 128));
        case PCM_16 -> out.putShort((short) integer(sample));
        case PCM_24 -> {
          int value = (int) integer(sample);
          out.put((byte) value).put((byte) (value >> 8)).put((byte) (value >> 16));
        }
        case PCM_32 -> out.putInt((int) integer(sample));
        case FLOAT_32 -> out.putFloat(sample);
        case FLOAT_64 -> out.putDouble(sample);
      }
    }

    private long integer(float sample) {
      double scale = 1L << (bitsPerSample() - 1);
      return Math.max(-(long) scale, Math.min((long) scale - 1, Math.round(sample * scale)));
    }
  }

  private static final int FORMAT_PCM = 1;
  private static final int FORMAT_FLOAT = 3;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  // Bytes 2..15 of every KSDATAFORMAT_SUBTYPE GUID; bytes 0..1 hold the format tag.
  private static final byte[] SUBFORMAT_GUID_TAIL = {
    0x00,
    0x00,
    0x00,
    0x00,
    0x10,
    0x00,
    (byte) 0x80,
    0x00,
    0x00,
    (byte) 0xAA,
    0x00,
    0x38,
    (byte) 0x9B,
    0x71
  };
  private static final long UNKNOWN_DATA_SIZE = 0xFFFFFFFFL;
  private static final int BLOCK_BYTES = 1 << 16;
  private static final int MAX_FMT_BYTES = 1 << 10;

  private Wav() {}

  /** Reads a WAV file from the current position of {@code in}, up to the end of its data chunk. */
  public static SampledAudio read(InputStream in) throws IOException {
    if (in == null) throw new IllegalArgumentException("input stream is null");
    byte[] start = in.readNBytes(12);
    if (start.length < 12) throw new IOException("not a WAV file: only " + start.length + " bytes");
    ByteBuffer riff = ByteBuffer.wrap(start);
    String riffId = chunkId(riff, 0);
    if (riffId.equals("RIFX") || riffId.equals("RF64")) {
      throw new IOException(
          "unsupported WAV variant " + riffId + " (only RIFF WAVE files are read)");
    }
    if (!riffId.equals("RIFF") || !chunkId(riff, 8).equals("WAVE")) {
      throw new IOException("not a WAV file: starts with '" + riffId + "', not 'RIFF....WAVE'");
    }
    Format format = null;
    while (true) {
      ByteBuffer header = readChunkHeader(in, format == null ? "fmt" : "data");
      String id = chunkId(header, 0);
      long size = Integer.toUnsignedLong(header.getInt(4));
      if (id.equals("fmt ")) {
        if (size > MAX_FMT_BYTES)
          throw new IOException("corrupt WAV file: fmt chunk of " + size + " bytes");
        format = Format.parse(readFully(in, (int) size, "fmt chunk"), size);
        skip(in, size & 1, id);
      } else if (id.equals("data")) {
        if (format == null)
          throw new IOException("corrupt WAV file: data chunk before the fmt chunk");
        return new SampledAudio(readSamples(in, format, size), format.sampleRate, format.channels);
      } else {
        skip(in, size + (size & 1), id); // chunks are padded to an even length
      }
    }
  }

  /** Reads a whole WAV file. */
  public static SampledAudio read(Path path) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), BLOCK_BYTES)) {
      return read(in);
    }
  }

  /**
   * Writes {@code audio} as a complete WAV file.
   *
   * @throws IllegalArgumentException if a sample is NaN or infinite, or the file would pass the
   *     format's 4 GiB
   */
  public static void write(OutputStream out, SampledAudio audio, Encoding encoding)
      throws IOException {
    if (out == null || audio == null || encoding == null) {
      throw new IllegalArgumentException("output stream, audio and encoding are all required");
    }
    float[] samples = audio.samples();
    for (int i = 0; i < samples.length; i++) {
      if (!Float.isFinite(samples[i])) {
        throw new IllegalArgumentException(
            "sample " + i + " is " + samples[i] + "; WAV samples must be finite");
      }
    }
    boolean isFloat = encoding.formatTag == FORMAT_FLOAT;
    long dataBytes = (long) samples.length * encoding.bytes;
    int fmtBytes = isFloat ? 18 : 16;
    // Float files carry a fact chunk (frame count), as the format requires for non-PCM data.
    int headerBytes = 12 + 8 + fmtBytes + (isFloat ? 12 : 0) + 8;
    long riffSize = headerBytes - 8 + dataBytes + (dataBytes & 1);
    if (riffSize > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(
          dataBytes + " bytes of samples exceed what a WAV file can hold (4 GiB)");
    }
    int blockAlign = audio.channels() * encoding.bytes;
    if (blockAlign > 0xFFFF || (long) audio.sampleRate() * blockAlign > 0xFFFFFFFFL) {
      throw new IllegalArgumentException(
          audio.channels()
              + " channels at "
              + audio.sampleRate()
              + " Hz of "
              + encoding
              + " do not fit a WAV header");
    }
    ByteBuffer header = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
    header.put(ascii("RIFF")).putInt((int) riffSize).put(ascii("WAVE"));
    header
        .put(ascii("fmt "))
        .putInt(fmtBytes)
        .putShort((short) encoding.formatTag)
        .putShort((short) audio.channels())
        .putInt(audio.sampleRate())
        .putInt(audio.sampleRate() * blockAlign)
        .putShort((short) blockAlign)
        .putShort((short) encoding.bitsPerSample());
    if (isFloat) {
      header.putShort((short) 0);
      header.put(ascii("fact")).putInt(4).putInt(audio.frames());
    }
    header.put(ascii("data")).putInt((int) dataBytes);
    out.write(header.array());

    ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    for (float sample : samples) {
      if (block.remaining() < encoding.bytes) {
        out.write(block.array(), 0, block.position());
        block.clear();
      }
      encoding.write(block, sample);
    }
    if ((dataBytes & 1) == 1) block.put((byte) 0); // chunks are padded to an even length
    out.write(block.array(), 0, block.position());
  }

  /** Writes {@code audio} to a file, replacing it. */
  public static void write(Path path, SampledAudio audio, Encoding encoding) throws IOException {
    try (OutputStream out = Files.newOutputStream(path)) {
      write(out, audio, encoding);
    }
  }

  /** What the fmt chunk says. */
  private record Format(Encoding encoding, int channels, int sampleRate) {
    static Format parse(ByteBuffer fmt, long size) throws IOException {
      if (size < 16)
        throw new IOException("corrupt WAV file: fmt chunk of " + size + " bytes, need 16");
      int tag = fmt.getShort(0) & 0xFFFF;
      int channels = fmt.getShort(2) & 0xFFFF;
      long sampleRate = Integer.toUnsignedLong(fmt.getInt(4));
      int blockAlign = fmt.getShort(12) & 0xFFFF;
      int bits = fmt.getShort(14) & 0xFFFF;
      if (tag == FORMAT_EXTENSIBLE) {
        if (size < 40)
          throw new IOException(
              "corrupt WAV file: extensible fmt chunk of " + size + " bytes, need 40");
        for (int i = 0; i < SUBFORMAT_GUID_TAIL.length; i++) {
          if (fmt.get(26 + i) != SUBFORMAT_GUID_TAIL[i]) {
            throw new IOException(
                "unsupported WAV encoding: extensible sub-format is not a standard format tag");
          }
        }
        tag = fmt.getShort(24) & 0xFFFF;
      }
      Encoding encoding = Encoding.of(tag, bits);
      if (encoding == null) {
        throw new IOException(
            String.format(
                "unsupported WAV encoding: format tag 0x%04X with %d bits per sample (PCM 8/16/24/32 or float 32/64 only)",
                tag, bits));
      }
      if (channels < 1) throw new IOException("corrupt WAV file: 0 channels");
      if (sampleRate < 1 || sampleRate > Integer.MAX_VALUE) {
        throw new IOException("corrupt WAV file: sample rate " + sampleRate + " Hz");
      }
      if (blockAlign != channels * encoding.bytes) {
        throw new IOException(
            "corrupt WAV file: block align "
                + blockAlign
                + " bytes does not match "
                + channels
                + " channels of "
                + bits
                + " bits");
      }
      return new Format(encoding, channels, (int) sampleRate);
    }
  }

  private static float[] readSamples(InputStream in, Format format, long declaredBytes)
      throws IOException {
    int frameBytes = format.channels * format.encoding.bytes;
    if (declaredBytes == UNKNOWN_DATA_SIZE) {
      byte[] rest = in.readAllBytes();
      return readSamples(
          new ByteArrayInputStream(rest), format, rest.length - rest.length % frameBytes);
    }
    long frames = declaredBytes / frameBytes;
    if (frames * format.channels > Integer.MAX_VALUE - 8) {
      throw new IOException(
          "WAV data chunk of " + declaredBytes + " bytes is too long to read into memory");
    }
    float[] samples = new float[(int) (frames * format.channels)];
    byte[] block = new byte[Math.max(frameBytes, BLOCK_BYTES / frameBytes * frameBytes)];
    ByteBuffer buffer = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN);
    long bytesRead = 0;
    int next = 0;
    while (next < samples.length) {
      int wanted =
          (int) Math.min(block.length, (long) (samples.length - next) * format.encoding.bytes);
      int got = in.readNBytes(block, 0, wanted);
      bytesRead += got;
      if (got < wanted) {
        throw new IOException(
            "truncated WAV file: data chunk declares "
                + declaredBytes
                + " bytes, stream ended after "
                + bytesRead);
      }
      buffer.clear().limit(got);
      while (buffer.hasRemaining()) samples[next++] = format.encoding.read(buffer);
    }
    return samples;
  }

  private static ByteBuffer readChunkHeader(InputStream in, String expecting) throws IOException {
    byte[] header = new byte[8];
    int got = in.readNBytes(header, 0, 8);
    if (got == 0)
      throw new IOException("corrupt WAV file: ended before its " + expecting + " chunk");
    if (got < 8) throw new IOException("truncated WAV file: ended inside a chunk header");
    return ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static ByteBuffer readFully(InputStream in, int length, String what) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length < length) {
      throw new IOException(
          "truncated WAV file: " + what + " needs " + length + " bytes, got " + bytes.length);
    }
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static void skip(InputStream in, long bytes, String chunk) throws IOException {
    try {
      in.skipNBytes(bytes);
    } catch (EOFException e) {
      throw new IOException("truncated WAV file: ended inside the '" + chunk + "' chunk");
    }
  }

  /**
   * A four-character chunk id, non-printable bytes shown as '?' so that messages stay on one line.
   */
  private static String chunkId(ByteBuffer bytes, int offset) {
    char[] id = new char[4];
    for (int i = 0; i < 4; i++) {
      int b = bytes.get(offset + i) & 0xFF;
      id[i] = b >= 0x20 && b < 0x7F ? (char) b : '?';
    }
    return new String(id);
  }

  private static byte[] ascii(String id) {
    return id.getBytes(StandardCharsets.US_ASCII);
  }
}
