#!/usr/bin/env python3
"""Writes the scipy reference for StftTest (run from the repository root; needs numpy and scipy).

    python3 udf/src/test/python/make_stft_fixture.py

Files, little-endian float32, under udf/src/test/resources/stft/:
  signal.f32    4096 samples at 11025 Hz: three tones, a chirp and white noise, peak about 0.9
  spectrum.f32  the STFT of that signal, 512 bins x 17 frames, row-major by bin
                (index = bin * 17 + frame), each value as (real, imaginary)

scipy.signal.stft with window='hann' (periodic), nperseg=1022, noverlap=766 (hop 256), boundary='zeros'
(n_fft/2 zeros on both sides) and padded=False frames the signal exactly as librosa.stft(center=True,
pad_mode='constant'). scipy divides by the window sum; that factor is multiplied back to get the unscaled
sum_n x[n] w[n] exp(-2 pi i k n / N) that librosa and the Java Stft return.
"""
import os

import numpy as np
from scipy import signal as sps

N_FFT, HOP, RATE, LENGTH = 1022, 256, 11025, 4096
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "stft")


def test_signal():
    rng = np.random.default_rng(20180908)  # the paper's ECCV date; any fixed seed
    t = np.arange(LENGTH) / RATE
    x = (0.4 * np.sin(2 * np.pi * 440.0 * t)
         + 0.2 * np.sin(2 * np.pi * 1234.5 * t + 0.3)
         + 0.1 * np.sin(2 * np.pi * 5000.0 * t)
         + 0.1 * sps.chirp(t, f0=100.0, t1=t[-1], f1=4000.0)
         + 0.05 * rng.standard_normal(LENGTH))
    return x.astype(np.float32)


def main():
    x = test_signal()
    window = sps.get_window("hann", N_FFT)
    _, _, z = sps.stft(x.astype(np.float64), fs=RATE, window=window, nperseg=N_FFT, noverlap=N_FFT - HOP,
                       boundary="zeros", padded=False)
    z *= window.sum()
    assert z.shape == (N_FFT // 2 + 1, 1 + LENGTH // HOP), z.shape
    # The definition, directly: scipy's framing and scaling are what the docstring says.
    padded = np.pad(x.astype(np.float64), N_FFT // 2)
    frames = np.stack([padded[t * HOP:t * HOP + N_FFT] * window for t in range(z.shape[1])], axis=1)
    assert np.allclose(np.fft.rfft(frames, axis=0), z, rtol=0, atol=1e-9)
    os.makedirs(OUT, exist_ok=True)
    x.astype("<f4").tofile(os.path.join(OUT, "signal.f32"))
    np.stack([z.real, z.imag], axis=-1).astype("<f4").tofile(os.path.join(OUT, "spectrum.f32"))
    print(f"signal {x.shape}, spectrum {z.shape}, max |X| = {np.abs(z).max():.3f}")


if __name__ == "__main__":
    main()
