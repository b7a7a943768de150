package io.pixelplayer.jobs.synth.art;

import java.awt.Color;

/**
 * What a drawn part is made of, with its base colour in each emoji style: Noto's from the Material
 * Design palette that Noto emoji use, Twemoji's from the Twemoji palette. The drawn style starts
 * from the Noto colour and varies it within what the part's {@link Family} plausibly looks like.
 */
enum Material {
  LIGHT_WOOD(0xFFCC80, 0xD99E82, Family.WOOD),
  KOA(0xFFA726, 0xF4900C, Family.WOOD),
  VARNISHED_MAPLE(0xC0622F, 0xC1694F, Family.WOOD),
  BASSOON_MAPLE(0xA1452C, 0xBE5A3C, Family.WOOD),
  BROWN_WOOD(0xA65F3E, 0x8A4B38, Family.WOOD),
  DARK_WOOD(0x5D4037, 0x662113, Family.WOOD),
  ROSEWOOD(0x9C4A2F, 0x8A4B38, Family.WOOD),
  PAULOWNIA(0xEFC48B, 0xFFD983, Family.WOOD),
  EBONY(0x37474F, 0x292F33, Family.BLACK),
  HOLE(0x3E2723, 0x292F33, Family.BLACK),
  IVORY(0xFFF8E1, 0xFFE8B6, Family.PALE),
  REED(0xDDB36B, 0xFFCC4D, Family.WOOD),
  STRING(0xB0BEC5, 0xCCD6DD, Family.METAL),
  SILVER(0xCFD8DC, 0xCCD6DD, Family.METAL),
  BRASS(0xFFCA28, 0xFFAC33, Family.BRASS),
  BRASS_THROAT(0xC79100, 0xF4900C, Family.BRASS),
  /**
   * Valves and slides: a tone darker where the flat look has no outline to set them off the tubing
   * behind.
   */
  VALVE_BRASS(0xFFCA28, 0xF4900C, Family.BRASS),
  TARTAN(0xC62828, 0xDD2E44, Family.DYED),
  TARTAN_BAND(0x1B5E20, 0xA0041E, Family.DYED),
  TARTAN_LINE(0xFFEB3B, 0xFFCC4D, Family.DYED),
  SNAKESKIN(0xEEDDB9, 0xFFE8B6, Family.PALE),
  SNAKESKIN_SCALE(0x6D4C41, 0x8A4B38, Family.WOOD),
  BASS_FINISH(0xE53935, 0x3B88C3, Family.DYED),
  PICKGUARD(0xFAFAFA, 0xF5F8FA, Family.PALE),
  MALLET_HEAD(0xE53935, 0x66757F, Family.DYED),
  // Parts of the instruments that only the drawn style draws (the emoji styles show emoji of them).
  DRUM_HEAD(0xF5F0E6, Family.PALE),
  DRUM_SHELL(0xD32F2F, Family.DYED),
  CONGA_WOOD(0xB5651D, Family.WOOD),
  BELLOWS(0x263238, Family.DYED),
  ACCORDION_CASE(0xC62828, Family.DYED),
  PIANO_CASE(0x3E2A22, Family.WOOD),
  PEARL(0xF3EEE8, Family.PALE);

  /** Kinds of surface, each with its own range of plausible colours in the drawn style. */
  enum Family {
    WOOD,
    BLACK,
    PALE,
    METAL,
    BRASS,
    /** Paint, lacquer, plastic and cloth: any hue. */
    DYED
  }

  private final Color noto;
  private final Color twemoji;
  private final Family family;

  Material(int noto, int twemoji, Family family) {
    this.noto = new Color(noto);
    this.twemoji = new Color(twemoji);
    this.family = family;
  }

  /** A part only the drawn style draws: it has no emoji colours of its own. */
  Material(int base, Family family) {
    this(base, base, family);
  }

  Color in(Look look) {
    return look.colour(this);
  }

  Color noto() {
    return noto;
  }

  Color twemoji() {
    return twemoji;
  }

  Family family() {
    return family;
  }
}
