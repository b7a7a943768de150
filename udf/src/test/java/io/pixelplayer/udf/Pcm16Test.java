package io.pixelplayer.udf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class Pcm16Test {

  @Test
  void roundTripIsWithinHalfAQuantisationStep() {
    Random random = new Random(7);
    float[] x = new float[4096];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextFloat() * 2 - 1;
    }
    float[] y = Pcm16.decode(Pcm16.encode(x));
    for (int i = 0; i < x.length; i++) {
      assertThat(y[i]).isCloseTo(x[i], within(0.5f / 32768f + 1e-7f));
    }
  }

  @Test
  void clipsOutOfRangeAndStoresLittleEndian() {
    byte[] bytes = Pcm16.encode(new float[] {2f, -2f, 1f / 32768f});
    assertThat(bytes).containsExactly(0xff, 0x7f, 0x00, 0x80, 0x01, 0x00);
    assertThat(Pcm16.decode(bytes)).containsExactly(32767f / 32768f, -1f, 1f / 32768f);
  }

  @Test
  void oddByteCountIsRefused() {
    assertThatThrownBy(() -> Pcm16.decode(new byte[3]))
        .hasMessageContaining("even number of bytes, got 3");
  }
}
