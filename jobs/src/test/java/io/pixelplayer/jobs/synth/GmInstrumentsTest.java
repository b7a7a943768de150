package io.pixelplayer.jobs.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixelplayer.model.Instruments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GmInstrumentsTest {

  @Test
  void everyInstrumentOfTheVocabularyHasAProgram() {
    assertThat(GmInstruments.names()).isEqualTo(Instruments.ALL);
    assertThat(GmInstruments.all()).extracting(GmInstrument::name).isEqualTo(GmInstruments.names());
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> GmInstruments.byName("kazoo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown instrument 'kazoo' (known: accordion, acoustic_guitar, ")
        .hasMessageEndingWith("violin, xylophone)");
    assertThatThrownBy(() -> GmInstruments.byName(null))
        .hasMessageStartingWith("unknown instrument 'null'");
  }

  @Test
  void drumsAndCongasPlayTheStandardKitOnThePercussionChannel() {
    for (String name : List.of("drum", "congas")) {
      GmInstrument instrument = GmInstruments.byName(name);
      assertThat(instrument.percussion()).isTrue();
      assertThat(instrument.midiChannel()).isEqualTo(9);
      assertThat(instrument.program()).isZero();
    }
    assertThat(GmInstruments.byName("congas").drumKeys())
        .extracting(GmInstrument.DrumKey::key)
        .containsExactly(62, 63, 64);
    assertThat(GmInstruments.byName("drum").drumKeys())
        .extracting(GmInstrument.DrumKey::key)
        .contains(36, 38, 42, 46);
    assertThat(GmInstruments.all())
        .filteredOn(i -> !i.percussion())
        .allSatisfy(i -> assertThat(i.midiChannel()).isZero())
        .allSatisfy(i -> assertThat(i.drumKeys()).isEmpty());
  }

  @Test
  void everyPitchedInstrumentHasAProgramOfItsOwnAndARegisterOfAtLeastAnOctaveAndAHalf() {
    List<GmInstrument> pitched = GmInstruments.all().stream().filter(i -> !i.percussion()).toList();

    assertThat(pitched).hasSize(19);
    assertThat(pitched).extracting(GmInstrument::program).doesNotHaveDuplicates();
    assertThat(pitched)
        .allSatisfy(i -> assertThat(i.highKey() - i.lowKey()).isGreaterThanOrEqualTo(14));
    assertThat(GmInstruments.all())
        .filteredOn(GmInstrument::chordal)
        .extracting(GmInstrument::name)
        .containsExactlyInAnyOrder("accordion", "acoustic_guitar", "guzheng", "piano", "ukulele");
  }

  @Test
  void theDocumentedTableIsTheCodesTable() throws IOException {
    String doc;
    try (InputStream in = GmInstruments.class.getResourceAsStream("INSTRUMENTS.md")) {
      assertThat(in).as("INSTRUMENTS.md next to GmInstruments").isNotNull();
      doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String table = GmInstruments.markdownTable();

    assertThat(table.lines()).hasSize(2 + 21);
    assertThat(doc)
        .as("INSTRUMENTS.md must end with GmInstruments.markdownTable()")
        .endsWith(table);
  }

  @Test
  void noteNamesUseScientificPitch() {
    assertThat(GmInstruments.noteName(60)).isEqualTo("C4");
    assertThat(GmInstruments.noteName(69)).isEqualTo("A4");
    assertThat(GmInstruments.noteName(21)).isEqualTo("A0");
    assertThat(GmInstruments.noteName(34)).isEqualTo("A#1");
  }
}
