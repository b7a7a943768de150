package io.pixelplayer.jobs.cli;

import io.pixelplayer.jobs.conf.PixelPlayerConf;
import io.pixelplayer.jobs.fs.FileUris;
import io.pixelplayer.jobs.fs.LocalCopy;
import io.pixelplayer.jobs.index.IndexSettings;
import io.pixelplayer.jobs.remix.RemixOutput;
import io.pixelplayer.jobs.remix.VideoRemix;
import io.pixelplayer.jobs.runtime.ExecutorModels;
import io.pixelplayer.jobs.runtime.ModelSettings;
import io.pixelplayer.jobs.spark.S3Settings;
import io.pixelplayer.model.Instruments;
import io.pixelplayer.model.infer.PixelPlayerModel;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "remix",
    sortOptions = false,
    description =
        "The video with one instrument louder or softer, picked by name (--gain NAME=DB, repeatable) or by clicking "
            + "it (--click X,Y --gain DB, X and Y in 0..1 of the frame). Only that instrument's separated sound changes; the "
            + "rest of the mix is left as it was. Writes the soundtrack (.wav) or the video with the new soundtrack (.mp4), "
            + "mono at the model's 11025 Hz.")
final class RemixCommand implements Callable<Integer> {
  @Option(
      names = "--video",
      required = true,
      paramLabel = "FILE|URI",
      description =
          "The video to remix: a file, or a Hadoop URI (s3a://bucket/video.mp4, hdfs://...).")
  String video;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The result: FILE.wav (the soundtrack) or FILE.mp4 (the video).")
  Path out;

  @Option(
      names = "--gain",
      required = true,
      paramLabel = "NAME=DB|DB",
      description =
          "NAME=DB: change that instrument by DB decibels (repeatable); with --click, DB alone.")
  List<String> gains = new ArrayList<>();

  @Option(
      names = "--click",
      paramLabel = "X,Y",
      description = "Pick the instrument at this point of the frame (0..1 from the left and top).")
  String click;

  @Option(
      names = "--model",
      paramLabel = "MODEL_DIR",
      description =
          "A trained model folder, local or a Hadoop URI (default: the shipped one, pixelplayer.model.dir).")
  String model;

  @Mixin DeviceOption device;

  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    String outName = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!outName.endsWith(".wav") && !outName.endsWith(".mp4")) {
      throw new IllegalArgumentException(
          "--out must end in .wav or .mp4, got " + out.getFileName());
    }
    String videoLocation = PixelPlayerConf.absoluteLocation(video);
    // A plain path comes back absolute; a URI (s3a://...) is checked when it is read.
    if (videoLocation.startsWith("/") && !Files.isRegularFile(Path.of(videoLocation)))
      throw new IllegalArgumentException("--video " + video + ": no such file");
    Path outFolder = out.toAbsolutePath().getParent();
    if (!Files.isDirectory(outFolder) || !Files.isWritable(outFolder)) {
      throw new IllegalArgumentException(
          "--out " + out + ": " + outFolder + " is not a folder that can be written to");
    }
    double[] point = click == null ? null : point(click);
    Map<String, Double> byName = point == null ? named(gains) : null;
    if (point != null && gains.size() != 1)
      throw new IllegalArgumentException("--click takes one --gain DB");

    PixelPlayerConf conf = common.conf();
    PrintWriter stdout = common.out();
    Configuration hadoop = S3Settings.hadoop(conf);
    org.apache.hadoop.fs.Path videoPath = new org.apache.hadoop.fs.Path(videoLocation);
    String videoUri = FileUris.of(videoPath.getFileSystem(hadoop).makeQualified(videoPath));
    try (ExecutorModels.Lease lease =
            ExecutorModels.acquire(
                ModelSettings.location(conf, model), null, device.device(), hadoop);
        LocalCopy local = LocalCopy.of(videoUri, hadoop)) {
      PixelPlayerModel loaded = lease.model();
      Path localVideo = local.path();
      IndexSettings settings = IndexSettings.from(conf, loaded.config());
      VideoRemix remix;
      try {
        remix =
            VideoRemix.analyse(
                localVideo,
                loaded,
                settings.clips().tiling(),
                settings.sources(),
                settings.batch());
      } catch (io.pixelplayer.jobs.ingest.IngestFailure e) {
        throw new IllegalStateException(video + " [" + e.stage().column() + "]: " + e.reason(), e);
      }
      Map<String, Integer> found = remix.instruments();
      stdout.printf(
          "found in %s: %s%n",
          videoPath.getName(),
          found.isEmpty()
              ? "no instrument"
              : String.join(
                  ", ",
                  found.entrySet().stream()
                      .map(e -> e.getKey() + " (" + e.getValue() + " clips)")
                      .toList()));
      if (point != null) {
        String picked = remix.instrumentAt(point[0], point[1]);
        stdout.printf(Locale.ROOT, "clicked (%.2f, %.2f): %s%n", point[0], point[1], picked);
        byName = Map.of(picked, decibels(gains.get(0)));
      }
      for (String name : byName.keySet()) {
        if (!found.containsKey(name))
          stdout.printf("note: no %s found in this video, nothing of it to change%n", name);
      }
      RemixOutput.write(localVideo, remix.render(byName), remix.sampleRate(), out);
      stdout.printf(
          "wrote %s (%s)%n",
          out,
          String.join(
              ", ",
              byName.entrySet().stream()
                  .map(e -> String.format(Locale.ROOT, "%s %+.1f dB", e.getKey(), e.getValue()))
                  .toList()));
      stdout.flush();
    }
    return 0;
  }

  private static Map<String, Double> named(List<String> gains) {
    Map<String, Double> byName = new LinkedHashMap<>();
    for (String gain : gains) {
      int eq = gain.indexOf('=');
      if (eq <= 0)
        throw new IllegalArgumentException(
            "--gain expects NAME=DB (or --click X,Y with --gain DB), got '" + gain + "'");
      byName.put(Instruments.named(gain.substring(0, eq)), decibels(gain.substring(eq + 1)));
    }
    return byName;
  }

  private static double decibels(String text) {
    try {
      double db = Double.parseDouble(text.strip());
      if (!Double.isFinite(db) || Math.abs(db) > 60) throw new NumberFormatException();
      return db;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--gain: '" + text + "' is not a number of decibels in -60..60");
    }
  }

  private static double[] point(String text) {
    String[] parts = text.split(",");
    try {
      if (parts.length != 2) throw new NumberFormatException();
      double x = Double.parseDouble(parts[0].strip());
      double y = Double.parseDouble(parts[1].strip());
      if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) throw new NumberFormatException();
      return new double[] {x, y};
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--click expects X,Y with both in 0..1, got '" + text + "'");
    }
  }
}
