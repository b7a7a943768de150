package io.pixelplayer.jobs.ingest;

/**
 * What the container says about a video, read when it is opened (before decoding). The decoded
 * length is reported separately by {@link ClipReader#decodedSeconds()}: headers can lie (a
 * truncated file keeps the full length in its header).
 *
 * <p>{@code fps} and {@code headerSeconds} are NaN when the container does not give them; the audio
 * fields describe the source track, before resampling and mixing to mono.
 */
public record VideoInfo(
    int width,
    int height,
    double fps,
    int audioRate,
    int audioChannels,
    String videoCodec,
    String audioCodec,
    double headerSeconds) {}
