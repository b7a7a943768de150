#!/usr/bin/env python3
"""Writes the numpy reference for LogFrequencyWarpTest (run from the repository root; needs numpy).

    python3 udf/src/test/python/make_warp_fixture.py

Reproduces SoP's utils.warpgrid and the F.grid_sample it feeds (bilinear, padding_mode='zeros', the
align_corners=True behaviour of PyTorch < 1.3) on a full 2-D grid, in float32 as PyTorch does on the CPU.

Files, little-endian float32, row-major (index = row * 8 + frame), under udf/src/test/resources/warp/:
  linear.f32        512 x 8 random magnitudes in [0, 1)
  warped.f32        256 x 8: grid_sample(linear, warpgrid(1, 256, 8, warp=True))
  log.f32           256 x 8 random mask values in [0, 1)
  unwarped.f32      512 x 8: grid_sample(log, warpgrid(1, 512, 8, warp=False))
"""
import os

import numpy as np

LINEAR, LOG, FRAMES = 512, 256, 8
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "warp")


def warpgrid(ho, wo, warp=True):
    """SoP's utils.warpgrid for a batch of one: (ho, wo, 2) with (x, y) in [-1, 1]."""
    xv, yv = np.meshgrid(np.linspace(-1, 1, wo), np.linspace(-1, 1, ho))
    if warp:
        grid_y = (np.power(21, (yv + 1) / 2) - 11) / 10
    else:
        grid_y = np.log(yv * 10 + 11) / np.log(21) * 2 - 1
    return np.stack([xv, grid_y], axis=-1).astype(np.float32)


def grid_sample(image, grid):
    """F.grid_sample(image[None, None], grid[None], 'bilinear', 'zeros', align_corners=True)[0, 0]."""
    h, w = image.shape
    one, two = np.float32(1), np.float32(2)
    ix = ((grid[..., 0] + one) / two) * np.float32(w - 1)
    iy = ((grid[..., 1] + one) / two) * np.float32(h - 1)
    x0, y0 = np.floor(ix).astype(np.int64), np.floor(iy).astype(np.int64)
    out = np.zeros(grid.shape[:2], dtype=np.float32)
    for dy in (0, 1):
        for dx in (0, 1):
            xs, ys = x0 + dx, y0 + dy
            weight = (np.abs(ix - (x0 + 1 - dx)) * np.abs(iy - (y0 + 1 - dy))).astype(np.float32)
            inside = (xs >= 0) & (xs < w) & (ys >= 0) & (ys < h)
            values = image[np.clip(ys, 0, h - 1), np.clip(xs, 0, w - 1)]
            out += np.where(inside, values * weight, np.float32(0))
    return out


def main():
    rng = np.random.default_rng(2018)
    linear = rng.random((LINEAR, FRAMES), dtype=np.float32)
    log = rng.random((LOG, FRAMES), dtype=np.float32)
    warped = grid_sample(linear, warpgrid(LOG, FRAMES, warp=True))
    unwarped = grid_sample(log, warpgrid(LINEAR, FRAMES, warp=False))
    # A row index ramp is sampled exactly at the grid's coordinates: row 0 maps to 0, the last to the last.
    ramp = grid_sample(np.repeat(np.arange(LINEAR, dtype=np.float32)[:, None], FRAMES, axis=1),
                       warpgrid(LOG, FRAMES, warp=True))
    assert ramp[0, 0] == 0 and abs(ramp[-1, 0] - (LINEAR - 1)) < 1e-3, ramp[[0, -1], 0]
    os.makedirs(OUT, exist_ok=True)
    for name, array in [("linear", linear), ("warped", warped), ("log", log), ("unwarped", unwarped)]:
        array.astype("<f4").tofile(os.path.join(OUT, name + ".f32"))
    print(f"warped {warped.shape}, unwarped {unwarped.shape}")


if __name__ == "__main__":
    main()
