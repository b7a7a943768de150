package io.pixelplayer.jobs.conf;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The project's settings: the documented defaults of {@code conf/pixelplayer.properties} (shipped
 * in the jar), overlaid by a user file, overlaid by {@code key=value} overrides. Immutable; lives
 * on the driver, executors get plain values built from it.
 */
public final class PixelPlayerConf {
  /** Classpath location of the defaults (conf/pixelplayer.properties, copied in by the build). */
  static final String DEFAULTS_RESOURCE = "io/pixelplayer/conf/pixelplayer.properties";

  /** Environment variable naming a user settings file. */
  public static final String FILE_ENV = "PIXELPLAYER_CONF";

  /** The rate every job resamples audio to: the models' rate, shared by ingest, index and synth. */
  public static final String AUDIO_SAMPLE_RATE = "pixelplayer.audio.sampleRate";

  private final Map<String, String> values;

  /**
   * Keys read so far: every documented key must be read by some job (a test holds the code to it).
   */
  private final Set<String> read = ConcurrentHashMap.newKeySet();

  private PixelPlayerConf(Map<String, String> values) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
  }

  /** The defaults alone. */
  public static PixelPlayerConf defaults() {
    return new PixelPlayerConf(loadDefaults());
  }

  /**
   * Defaults, then {@code userFile} (may be null), then {@code overrides} ("key=value" each).
   *
   * @throws IllegalArgumentException on an unknown key, a malformed override or an unreadable file
   */
  public static PixelPlayerConf load(Path userFile, List<String> overrides) {
    Map<String, String> merged = loadDefaults();
    if (userFile != null) {
      Properties user = new Properties();
      try (Reader in = Files.newBufferedReader(userFile, StandardCharsets.UTF_8)) {
        user.load(in);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "cannot read settings file " + userFile + ": " + e.getMessage(), e);
      }
      user.stringPropertyNames()
          .forEach(k -> put(merged, k, user.getProperty(k), "settings file " + userFile));
    }
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--conf expects key=value, got '" + override + "'");
      }
      put(merged, override.substring(0, eq).trim(), override.substring(eq + 1).trim(), "--conf");
    }
    return new PixelPlayerConf(merged);
  }

  /** These settings with {@code key} set to {@code value} (a documented key). */
  public PixelPlayerConf with(String key, String value) {
    Map<String, String> changed = new TreeMap<>(values);
    put(changed, key, value, "code");
    return new PixelPlayerConf(changed);
  }

  private static void put(Map<String, String> merged, String key, String value, String origin) {
    if (!merged.containsKey(key) && !key.startsWith("spark.")) {
      throw new IllegalArgumentException(
          "unknown setting '"
              + key
              + "' in "
              + origin
              + " (the settings are listed in conf/pixelplayer.properties)");
    }
    merged.put(key, value);
  }

  private static Map<String, String> loadDefaults() {
    Properties defaults = new Properties();
    try (InputStream in =
        PixelPlayerConf.class.getClassLoader().getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "settings defaults " + DEFAULTS_RESOURCE + " missing from the classpath");
      }
      defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read settings defaults: " + e.getMessage(), e);
    }
    Map<String, String> map = new TreeMap<>();
    defaults.stringPropertyNames().forEach(k -> map.put(k, defaults.getProperty(k).trim()));
    return map;
  }

  public String getString(String key) {
    read.add(key);
    String value = values.get(key);
    if (value == null) {
      // Reading an undocumented key is a programming error: every tunable must be in the defaults
      // file.
      throw new IllegalStateException(
          "setting '" + key + "' is not documented in conf/pixelplayer.properties");
    }
    return value;
  }

  public int getInt(String key) {
    return parse(key, Integer::parseInt, "a whole number");
  }

  public long getLong(String key) {
    return parse(key, Long::parseLong, "a whole number");
  }

  public double getDouble(String key) {
    return parse(key, Double::parseDouble, "a number");
  }

  public boolean getBoolean(String key) {
    String value = getString(key);
    if (value.equalsIgnoreCase("true")) return true;
    if (value.equalsIgnoreCase("false")) return false;
    throw new IllegalArgumentException("setting " + key + "=" + value + " is not true or false");
  }

  private <T> T parse(String key, Function<String, T> parser, String kind) {
    String value = getString(key);
    try {
      return parser.apply(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("setting " + key + "=" + value + " is not " + kind);
    }
  }

  /**
   * A path setting, made absolute: a relative one is taken from the project root (system property
   * {@code pixelplayer.root}) if set, else from the working directory (under spark-submit), so that
   * executors, which run elsewhere, read the same file.
   */
  public Path getPath(String key) {
    Path path = Path.of(getString(key));
    String root = System.getProperty("pixelplayer.root");
    return path.isAbsolute() || root == null ? path.toAbsolutePath() : Path.of(root).resolve(path);
  }

  /**
   * A path or URI setting: a URI with a scheme (s3a://, file:, hdfs://) as it is, a plain path as
   * {@link #getPath}.
   */
  public String getLocation(String key) {
    String value = getString(key);
    return value.matches(URI_WITH_SCHEME) ? value : getPath(key).toString();
  }

  private static final String URI_WITH_SCHEME = "^[a-zA-Z][a-zA-Z0-9+.-]*:.*";

  /**
   * A location given on the command line: a URI with a scheme as it is, a plain path made absolute
   * from the working directory (executors run elsewhere).
   */
  public static String absoluteLocation(String value) {
    return value.matches(URI_WITH_SCHEME) ? value : Path.of(value).toAbsolutePath().toString();
  }

  public List<String> getList(String key) {
    return List.of(getString(key).split("\\s*,\\s*")).stream().filter(s -> !s.isEmpty()).toList();
  }

  /** The settings in force whose keys start with {@code prefix}, keys sorted. */
  public Map<String, String> under(String prefix) {
    Map<String, String> found = new TreeMap<>();
    values.forEach(
        (key, value) -> {
          if (key.startsWith(prefix)) found.put(key, value);
        });
    return found;
  }

  /** The documented keys (those of conf/pixelplayer.properties). */
  public static Set<String> documentedKeys() {
    return Collections.unmodifiableSet(loadDefaults().keySet());
  }

  /** The keys read from these settings so far. */
  public Set<String> keysRead() {
    return Set.copyOf(read);
  }

  /** The {@code spark.*} keys given by the user, to be passed to Spark unchanged. */
  public Map<String, String> sparkSettings() {
    return under("spark.");
  }
}
