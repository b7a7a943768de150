package io.pixelplayer.jobs.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoundFontsTest {
  private static final String FLUID = SoundFontRenderer.DEFAULT_SOUNDFONT.toString();
  private static final String TIM_GM6MB = "/usr/share/sounds/sf2/TimGM6mb.sf2";

  @Test
  void noneNamedIsFluidR3AndTheBuiltInBankHasTwoNames() {
    try (SoundFonts fonts = SoundFonts.of(List.of())) {
      assertThat(fonts.names()).containsExactly("FluidR3_GM.sf2");
    }
    try (SoundFonts fonts = SoundFonts.of(List.of(FLUID, "builtin"))) {
      assertThat(fonts.names()).containsExactly("FluidR3_GM.sf2", "builtin");
    }
    try (SoundFonts fonts = SoundFonts.of(List.of("JDK"))) {
      assertThat(fonts.names()).containsExactly("builtin");
      assertThat(fonts.renderer(0).name()).isEqualTo("builtin");
    }
  }

  @Test
  void eachSoundFontIsDealtAboutEquallyOftenTheSameWayForTheSameSeed() {
    try (SoundFonts fonts = SoundFonts.of(List.of(FLUID, "builtin", TIM_GM6MB))) {
      List<Integer> dealt = fonts.deal(30, 7);

      assertThat(fonts.deal(30, 7)).isEqualTo(dealt);
      assertThat(fonts.deal(30, 8)).isNotEqualTo(dealt);
      for (int i = 0; i < 3; i++) {
        assertThat(Collections.frequency(dealt, i)).isEqualTo(10);
        // every round of three holds each once
        assertThat(Collections.frequency(dealt.subList(0, 3), i)).isEqualTo(1);
      }
    }
  }

  @Test
  void evaluationSoundFontsAreNamedAsReserved() {
    try (SoundFonts fonts = SoundFonts.of(List.of(FLUID, TIM_GM6MB, "builtin"))) {
      assertThat(fonts.reservedForEvaluation()).containsExactly("TimGM6mb.sf2");
    }
    try (SoundFonts fonts = SoundFonts.of(List.of(FLUID, "builtin"))) {
      assertThat(fonts.reservedForEvaluation()).isEmpty();
    }
  }

  @Test
  void badListsFailBeforeAnythingIsParsed(@TempDir Path dir) throws Exception {
    Path sf3 = Files.write(dir.resolve("x.sf3"), new byte[64]);

    assertThatThrownBy(() -> SoundFonts.of(List.of(FLUID, sf3.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.sf3");
    assertThatThrownBy(() -> SoundFonts.of(List.of("builtin", "jdk")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SoundFont builtin named twice");
  }
}
