package io.pixelplayer.jobs.ingest;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short human reasons for files that cannot be opened. JavaCV's exceptions carry only FFmpeg's
 * error code (every unreadable file is "Invalid data found when processing input"); FFmpeg's own
 * explanation goes to its process-wide log. So the file is looked at here: an MP4 whose top-level
 * boxes hold no {@code moov} index is a truncated or unfinished recording, anything else FFmpeg
 * rejects is not a video it knows.
 */
final class OpenFailures {
  static final String NOT_FOUND = "file not found";
  static final String NOT_A_FILE = "not a regular file";
  static final String EMPTY = "empty file (0 bytes)";
  static final String UNKNOWN_FORMAT = "not a video: FFmpeg could not detect the format";
  static final String MOOV_MISSING = "truncated or incomplete MP4: moov atom not found";
  static final String MP4_UNREADABLE = "damaged MP4: FFmpeg could not read it";

  private static final Pattern ERROR_CODE = Pattern.compile("\\berror (-?\\d+)\\b");

  /**
   * Boxes an MP4 or QuickTime file starts with (ftyp, or older files without it); anything else is
   * no MP4.
   */
  private static final Set<String> MP4_FIRST_BOXES =
      Set.of("ftyp", "wide", "free", "skip", "mdat", "moov");

  /**
   * Top-level boxes read at most: a real MP4 has a handful, garbage stops at the first implausible
   * one.
   */
  private static final int MAX_BOXES = 256;

  private OpenFailures() {}

  /** Why the file cannot even be handed to FFmpeg, or null if it can. */
  static String beforeOpening(Path file) {
    if (!Files.exists(file)) return NOT_FOUND;
    if (!Files.isRegularFile(file)) return NOT_A_FILE;
    try {
      return Files.size(file) == 0 ? EMPTY : null;
    } catch (IOException e) {
      return "cannot read the file: " + e.getMessage();
    }
  }

  /** Why FFmpeg could not open the file, from the exception {@code start()} threw. */
  static String afterFailedStart(Path file, Exception failure) {
    String message = String.valueOf(failure.getMessage());
    if (message.startsWith("avformat_open_input()")) {
      int code = errorCode(message);
      return code == AVERROR_INVALIDDATA
          ? unparsableReason(file)
          : "FFmpeg could not open the file: " + describe(code);
    }
    if (message.startsWith("avformat_find_stream_info()")) {
      return "FFmpeg could not read the stream information: " + describe(errorCode(message));
    }
    return "FFmpeg: " + withoutHints(message, file);
  }

  /** A JavaCV message without the hint about log callbacks and without the local path. */
  static String withoutHints(String message, Path file) {
    return message
        .replace(" (For more details, make sure FFmpegLogCallback.set() has been called.)", "")
        .replace(" (Has setFormat() been called?)", "")
        .replace("\"" + file + "\"", "the file");
  }

  private static int errorCode(String message) {
    Matcher matcher = ERROR_CODE.matcher(message);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  private static String describe(int code) {
    if (code == 0) return "unknown error";
    byte[] text = new byte[128];
    if (av_strerror(code, text, text.length) < 0) return "error " + code;
    int length = 0;
    while (length < text.length && text[length] != 0) length++;
    return new String(text, 0, length, StandardCharsets.UTF_8);
  }

  /** FFmpeg found the data invalid: tell a cut-off MP4 from a file that is no video at all. */
  private static String unparsableReason(Path file) {
    boolean isMp4 = false;
    boolean hasMoov = false;
    try (FileChannel channel = FileChannel.open(file)) {
      long size = channel.size();
      ByteBuffer header = ByteBuffer.allocate(16);
      long position = 0;
      for (int boxes = 0; boxes < MAX_BOXES && position + 8 <= size; boxes++) {
        header.clear();
        channel.read(header, position);
        header.flip();
        String type = boxType(header);
        if (type == null || (boxes == 0 && !MP4_FIRST_BOXES.contains(type))) break;
        isMp4 = true;
        hasMoov |= type.equals("moov");
        long length = Integer.toUnsignedLong(header.getInt(0));
        if (length == 1 && header.limit() >= 16) length = header.getLong(8); // 64-bit box size
        if (length < 8) break; // 0: the box runs to the end of the file; less: not a box
        position += length;
      }
    } catch (IOException e) {
      return "cannot read the file: " + e.getMessage();
    }
    if (!isMp4) return UNKNOWN_FORMAT;
    return hasMoov ? MP4_UNREADABLE : MOOV_MISSING;
  }

  /** The four-letter type of an MP4 box, or null if those bytes are not one. */
  private static String boxType(ByteBuffer header) {
    if (header.limit() < 8) return null;
    char[] type = new char[4];
    for (int i = 0; i < 4; i++) {
      int c = header.get(4 + i) & 0xff;
      if (c < 0x20 || c > 0x7e) return null;
      type[i] = (char) c;
    }
    return new String(type);
  }
}
