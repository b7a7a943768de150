/**
 * The PixelPlayer networks as DJL blocks, sized by a {@link io.pixelplayer.model.net.ModelConfig}:
 * the whole model is {@link io.pixelplayer.model.net.PixelPlayerNet} (one {@code .params} file);
 * its parts are the video net, the audio U-Net, the synthesizer and the instrument head. Written
 * against {@code ai.djl.*} only.
 */
package io.pixelplayer.model.net;
