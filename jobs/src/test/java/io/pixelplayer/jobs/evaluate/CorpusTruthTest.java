package io.pixelplayer.jobs.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.model.eval.EvaluationClip;
import io.pixelplayer.model.infer.StoredClip;
import io.pixelplayer.udf.Box;
import io.pixelplayer.udf.Wav;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The truth of samples/'s duet, cut to a clip that starts 1 s into the video. */
class CorpusTruthTest {
  private static final Path SAMPLES = Path.of(System.getProperty("pixelplayer.root"), "samples");

  @Test
  void cutsEachSourceToTheClipAndKeepsItsBoxes() throws Exception {
    float[] drum = Wav.read(SAMPLES.resolve("truth/duet-0002/0_drum.wav")).samples();
    float[] cello = Wav.read(SAMPLES.resolve("truth/duet-0002/1_cello.wav")).samples();
    // A clip running 1 s past the end of the video: the truth is padded with silence there, like
    // the clip.
    int length = drum.length;
    StoredClip clip =
        new StoredClip(
            "duet-0002",
            List.of("drum", "cello"),
            11025,
            new float[length],
            length - 11025,
            1.0,
            new double[] {1.0625, 1.1875},
            List.of(new byte[1], new byte[1]));

    EvaluationClip truth = new CorpusTruth(SAMPLES).of(clip);

    assertThat(truth.truth()).extracting(s -> s.instrument()).containsExactly("drum", "cello");
    assertThat(truth.truth().get(0).audio())
        .hasSize(length)
        .startsWith(Arrays.copyOfRange(drum, 11025, 11025 + 100))
        .endsWith(new float[11025]);
    assertThat(truth.truth().get(1).audio())
        .startsWith(Arrays.copyOfRange(cello, 11025, 11025 + 100));
    // boxes.csv has a row per 1/24 s; the box over frames at 1.0625 and 1.1875 s joins the rows
    // nearest them.
    List<String> rows = Files.readAllLines(SAMPLES.resolve("truth/duet-0002/boxes.csv"));
    Box expected = box(rows, 0, 1.0625).union(box(rows, 0, 1.1875));
    assertThat(truth.truth().get(0).boxOver(new double[] {1.0625, 1.1875})).isEqualTo(expected);
  }

  @Test
  void aCorpusWithoutTruthIsRefusedInOneLine(@TempDir Path dir) {
    assertThatThrownBy(() -> new CorpusTruth(dir))
        .hasMessage(
            "no ground truth in "
                + dir
                + " (truth/<video_id>/ as synth writes it): evaluation needs it");
  }

  @Test
  void aVideoWithoutTruthIsNamed() {
    StoredClip clip =
        new StoredClip(
            "solo-9999",
            List.of("drum"),
            11025,
            new float[10],
            10,
            0,
            new double[] {0},
            List.of(new byte[1]));
    assertThatThrownBy(() -> new CorpusTruth(SAMPLES).of(clip))
        .hasMessage("no ground truth for video solo-9999 in " + SAMPLES.resolve("truth"));
  }

  /** The box of {@code source} in the boxes.csv row whose time is nearest {@code t}. */
  private static Box box(List<String> rows, int source, double t) {
    String best = null;
    double distance = Double.MAX_VALUE;
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",");
      if (Integer.parseInt(cells[0]) == source
          && Math.abs(Double.parseDouble(cells[2]) - t) < distance) {
        distance = Math.abs(Double.parseDouble(cells[2]) - t);
        best = row;
      }
    }
    String[] cells = best.split(",");
    return new Box(
        Double.parseDouble(cells[3]),
        Double.parseDouble(cells[4]),
        Double.parseDouble(cells[5]),
        Double.parseDouble(cells[6]));
  }
}
