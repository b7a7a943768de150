package io.pixelplayer.jobs.synth.art;

import java.awt.Color;

/**
 * What a drawn part is made of, with its base colour in each art style: Noto's from the Material Design
 * palette that Noto emoji use, Twemoji's from the Twemoji palette.
 */
enum Material {
  LIGHT_WOOD(0xFFCC80, 0xD99E82),
  KOA(0xFFA726, 0xF4900C),
  VARNISHED_MAPLE(0xC0622F, 0xC1694F),
  BASSOON_MAPLE(0xA1452C, 0xBE5A3C),
  BROWN_WOOD(0xA65F3E, 0x8A4B38),
  DARK_WOOD(0x5D4037, 0x662113),
  ROSEWOOD(0x9C4A2F, 0x8A4B38),
  PAULOWNIA(0xEFC48B, 0xFFD983),
  EBONY(0x37474F, 0x292F33),
  HOLE(0x3E2723, 0x292F33),
  IVORY(0xFFF8E1, 0xFFE8B6),
  REED(0xDDB36B, 0xFFCC4D),
  STRING(0xB0BEC5, 0xCCD6DD),
  SILVER(0xCFD8DC, 0xCCD6DD),
  BRASS(0xFFCA28, 0xFFAC33),
  BRASS_THROAT(0xC79100, 0xF4900C),
  /** Valves and slides: a tone darker where the flat look has no outline to set them off the tubing behind. */
  VALVE_BRASS(0xFFCA28, 0xF4900C),
  TARTAN(0xC62828, 0xDD2E44),
  TARTAN_BAND(0x1B5E20, 0xA0041E),
  TARTAN_LINE(0xFFEB3B, 0xFFCC4D),
  SNAKESKIN(0xEEDDB9, 0xFFE8B6),
  SNAKESKIN_SCALE(0x6D4C41, 0x8A4B38),
  BASS_FINISH(0xE53935, 0x3B88C3),
  PICKGUARD(0xFAFAFA, 0xF5F8FA),
  MALLET_HEAD(0xE53935, 0x66757F);

  private final Color noto;
  private final Color twemoji;

  Material(int noto, int twemoji) {
    this.noto = new Color(noto);
    this.twemoji = new Color(twemoji);
  }

  Color in(Look look) {
    return look == Look.NOTO ? noto : twemoji;
  }
}
