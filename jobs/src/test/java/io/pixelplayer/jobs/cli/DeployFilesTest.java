package io.pixelplayer.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pixelplayer.jobs.conf.PixelPlayerConf;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * The cluster set-ups of deploy/k8s and deploy/emr, which cannot run here: each file parses, and
 * the classes, verbs, options, settings and paths it names exist.
 */
class DeployFilesTest {
  private static final Path ROOT = Path.of(System.getProperty("pixelplayer.root"));
  private static final Path K8S = ROOT.resolve("deploy/k8s");
  private static final Path EMR = ROOT.resolve("deploy/emr");

  private static String read(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) found.add(m.group(1));
    return found;
  }

  /** The verb after the jar in a spark-submit line, and the options given to it. */
  private static void assertVerbAndOptionsExist(String verb, List<String> options) {
    CommandLine command = PixelPlayerCli.commandLine().getSubcommands().get(verb);
    assertThat(command).as("verb " + verb).isNotNull();
    for (String option : options) {
      assertThat(command.getCommandSpec().findOption(option)).as(verb + " " + option).isNotNull();
    }
  }

  private static void assertSettingsDocumented(String text) {
    for (String key : all(Pattern.compile("(pixelplayer\\.[A-Za-z.]+)="), text)) {
      assertThat(PixelPlayerConf.documentedKeys()).as(key).contains(key);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> container(Path template) throws Exception {
    Map<String, Object> pod = new Yaml().load(read(template));
    assertThat(pod).containsEntry("apiVersion", "v1").containsEntry("kind", "Pod");
    List<Map<String, Object>> containers =
        (List<Map<String, Object>>) ((Map<String, Object>) pod.get("spec")).get("containers");
    assertThat(containers).hasSize(1);
    return containers.get(0);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theKubernetesFilesNameWhatExists() throws Exception {
    assertThat(container(K8S.resolve("driver-pod-template.yaml")))
        .containsEntry("name", "spark-kubernetes-driver");
    Map<String, Object> executor = container(K8S.resolve("executor-pod-template.yaml"));
    assertThat(executor).containsEntry("name", "spark-kubernetes-executor");
    Map<String, Object> limits =
        (Map<String, Object>) ((Map<String, Object>) executor.get("resources")).get("limits");
    assertThat(limits).containsEntry("nvidia.com/gpu", 1);

    String submit = read(K8S.resolve("submit.sh"));
    String dockerfile = read(K8S.resolve("Dockerfile"));
    List<String> copied = all(Pattern.compile("(?m)^COPY (\\S+) \\S+$"), dockerfile);
    List<String> installed = all(Pattern.compile("(?m)^COPY \\S+ (\\S+)$"), dockerfile);
    // What the image copies exists here (the jar once mvn -Pshaded package built it).
    for (String source : copied) {
      if (source.startsWith("jobs/target/")) {
        assertThat(source).matches("jobs/target/pixelplayer-jobs-[0-9.]+(-SNAPSHOT)?-spark\\.jar");
      } else {
        assertThat(ROOT.resolve(source)).as(source).exists();
      }
    }
    // What the submission names in the image is what the image installs.
    assertThat(installed)
        .contains(
            "/opt/pixelplayer/pixelplayer-jobs-spark.jar", "/opt/pixelplayer/gpu-discovery.sh");
    assertThat(submit)
        .contains("local:///opt/pixelplayer/pixelplayer-jobs-spark.jar")
        .contains("discoveryScript=/opt/pixelplayer/gpu-discovery.sh");
    List<String> templates = all(Pattern.compile("podTemplateFile=\"\\$HERE/([^\"]+)\""), submit);
    assertThat(templates).containsExactly("driver-pod-template.yaml", "executor-pod-template.yaml");
    for (String main : all(Pattern.compile("--class (\\S+)"), submit)) Class.forName(main);
    assertSettingsDocumented(submit);

    // The discovery script answers in Spark's format, with no GPU as with some.
    Process discovery =
        new ProcessBuilder("bash", K8S.resolve("gpu-discovery.sh").toString())
            .redirectErrorStream(true)
            .start();
    JsonNode gpus = new ObjectMapper().readTree(discovery.getInputStream());
    assertThat(discovery.waitFor()).isZero();
    assertThat(gpus.get("name").asText()).isEqualTo("gpu");
    assertThat(gpus.get("addresses").isArray()).isTrue();
  }

  @Test
  void theEmrStepNamesWhatExists() throws Exception {
    JsonNode steps = new ObjectMapper().readTree(read(EMR.resolve("step.json")));
    assertThat(steps.isArray()).isTrue();
    String line = steps.get(0).get("Args").get(2).asText();
    Matcher submit =
        Pattern.compile("--class (\\S+) .* (s3://\\S+\\.jar) (\\w+) (.*)$").matcher(line);
    assertThat(submit.find()).as(line).isTrue();
    Class.forName(submit.group(1));
    List<String> options = all(Pattern.compile("(--[a-z-]+)"), submit.group(4));
    assertThat(options).contains("--input", "--warehouse", "--model");
    assertVerbAndOptionsExist(submit.group(3), options);
    // The JVM flags file the step reads is the one the bootstrap action installs.
    assertThat(line).contains("/opt/pixelplayer/jvm.options");
    assertThat(read(EMR.resolve("bootstrap.sh"))).contains("/opt/pixelplayer/jvm.options");
    assertSettingsDocumented(line);
  }

  @Test
  void everyDeployScriptParses() throws Exception {
    List<Path> scripts;
    try (var files = Files.walk(ROOT.resolve("deploy"))) {
      scripts = files.filter(f -> f.toString().endsWith(".sh")).toList();
    }
    assertThat(scripts).hasSizeGreaterThanOrEqualTo(6);
    for (Path script : scripts) {
      Process check =
          new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
      String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor()).as(script + ": " + out).isZero();
    }
  }

  @Test
  void theKubernetesSubmissionRunsARealVerb() throws Exception {
    String submit = read(K8S.resolve("submit.sh"));
    String usage = all(Pattern.compile("(?m)^#.*submit\\.sh (\\w+)"), submit).get(0);
    assertVerbAndOptionsExist(usage, List.of("--input", "--warehouse", "--model"));
  }
}
