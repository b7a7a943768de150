package io.pixelplayer.jobs.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks that a file is a SoundFont the JDK synthesizer can play, from its RIFF chunk headers alone
 * (the sample data, 140 MB for FluidR3, is skipped).
 *
 * <p>A SoundFont 2 file is a RIFF form of type {@code sfbk} holding three lists: {@code INFO} (with
 * the format version {@code ifil}), {@code sdta} (the samples) and {@code pdta} (presets, with the
 * sample headers {@code shdr}). A compressed SoundFont ("SF3", MuseScore's Ogg Vorbis samples) has
 * the same layout, with {@code ifil} version 3 and bit 0x10 set in its samples' types. Gervill
 * reads it without complaint but plays the compressed bytes as raw PCM, that is as white noise, so
 * it is refused here by its extension, its version or its sample types.
 */
final class SoundFontFile {

  private static final int SAMPLE_HEADER_BYTES = 46;
  private static final int SAMPLE_TYPE_OFFSET = 44;
  private static final int COMPRESSED_SAMPLE = 0x10;

  private SoundFontFile() {}

  /**
   * Throws an {@link IllegalArgumentException} with a one-line reason unless {@code path} is a
   * playable SF2.
   */
  static void check(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(
          "SoundFont not found: " + path + " (install fluid-soundfont-gm or pass --soundfont)");
    }
    if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sf3"))
      throw compressed(path);
    try (FileChannel file = FileChannel.open(path)) {
      ByteBuffer riff = read(file, 0, 12);
      if (riff == null || !fourCc(riff, 0).equals("RIFF") || !fourCc(riff, 8).equals("sfbk")) {
        throw notSoundFont(path);
      }
      long end = Math.min(file.size(), 8 + Integer.toUnsignedLong(riff.getInt(4)));
      int version = -1;
      boolean presets = false;
      for (long at = 12; at + 12 <= end; ) {
        ByteBuffer list = read(file, at, 12);
        long size = Integer.toUnsignedLong(list.getInt(4));
        long next = at + 8 + size + (size & 1); // RIFF chunks are padded to an even length
        if (fourCc(list, 0).equals("LIST") && next <= end) {
          String type = fourCc(list, 8);
          if (type.equals("INFO")) version = version(file, at + 12, at + 8 + size);
          if (type.equals("pdta")) {
            presets = true;
            if (hasCompressedSamples(file, at + 12, at + 8 + size)) throw compressed(path);
          }
        }
        at = next;
      }
      if (version < 0 || !presets) throw notSoundFont(path);
      if (version >= 3) throw compressed(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read SoundFont " + path + ": " + e.getMessage(), e);
    }
  }

  /** The major version in the INFO list's {@code ifil} chunk, -1 if it has none. */
  private static int version(FileChannel file, long from, long to) throws IOException {
    for (long at = from; at + 12 <= to; ) {
      ByteBuffer chunk = read(file, at, 12);
      long size = Integer.toUnsignedLong(chunk.getInt(4));
      if (fourCc(chunk, 0).equals("ifil") && size >= 4)
        return Short.toUnsignedInt(chunk.getShort(8));
      at += 8 + size + (size & 1);
    }
    return -1;
  }

  /**
   * Whether any sample header in the pdta list's {@code shdr} chunk marks its sample as compressed.
   */
  private static boolean hasCompressedSamples(FileChannel file, long from, long to)
      throws IOException {
    for (long at = from; at + 8 <= to; ) {
      ByteBuffer chunk = read(file, at, 8);
      long size = Integer.toUnsignedLong(chunk.getInt(4));
      if (fourCc(chunk, 0).equals("shdr") && at + 8 + size <= to) {
        ByteBuffer headers = read(file, at + 8, (int) size);
        for (int h = 0; h + SAMPLE_HEADER_BYTES <= size; h += SAMPLE_HEADER_BYTES) {
          if ((headers.getShort(h + SAMPLE_TYPE_OFFSET) & COMPRESSED_SAMPLE) != 0) return true;
        }
        return false;
      }
      at += 8 + size + (size & 1);
    }
    return false;
  }

  /** {@code length} little-endian bytes at {@code position}; null if the file ends before. */
  private static ByteBuffer read(FileChannel file, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (file.read(buffer, position + buffer.position()) < 0) return null;
    }
    return buffer.flip();
  }

  private static String fourCc(ByteBuffer buffer, int offset) {
    byte[] code = new byte[4];
    buffer.get(offset, code);
    return new String(code, StandardCharsets.ISO_8859_1);
  }

  private static IllegalArgumentException compressed(Path path) {
    return new IllegalArgumentException(
        path
            + " is a compressed .sf3 SoundFont; the JDK synthesizer renders "
            + "those as noise: use an .sf2");
  }

  private static IllegalArgumentException notSoundFont(Path path) {
    return new IllegalArgumentException(path + " is not a SoundFont 2 file");
  }
}
