package io.pixelplayer.jobs.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A committed run of the index job, as its commit marker {@code _runs/<run_id>.properties} records
 * it. Run ids sort in the order the runs started.
 *
 * @param runId {@code run-} and the start time in UTC to the millisecond
 * @param full a full run (index) replaces the whole warehouse; an incremental one (nightly) adds to
 *     it
 * @param details what the run did (input, model version, counts, times), for people reading the log
 */
public record WarehouseRun(String runId, boolean full, Map<String, String> details) {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  public WarehouseRun {
    details = Map.copyOf(new TreeMap<>(details));
  }

  /** A fresh run id for a run starting at {@code start}. */
  public static String newId(Instant start) {
    return "run-" + ID_TIME.format(start);
  }

  String toProperties() {
    Properties properties = new Properties();
    properties.setProperty("run_id", runId);
    properties.setProperty("kind", full ? "full" : "incremental");
    details.forEach(properties::setProperty);
    StringWriter text = new StringWriter();
    try {
      properties.store(text, "PixelPlayer warehouse run: committed");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return text.toString();
  }

  void write(OutputStream out) throws IOException {
    out.write(toProperties().getBytes(StandardCharsets.ISO_8859_1));
  }

  static WarehouseRun read(InputStream in) throws IOException {
    Properties properties = new Properties();
    properties.load(new StringReader(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)));
    Map<String, String> details = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> details.put(k, properties.getProperty(k)));
    String runId = details.remove("run_id");
    String kind = details.remove("kind");
    if (runId == null || kind == null) throw new IOException("a run marker without run_id or kind");
    return new WarehouseRun(runId, kind.equals("full"), details);
  }
}
