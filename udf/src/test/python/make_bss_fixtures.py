#!/usr/bin/python3
"""Writes the BSS-eval fixtures that BssEvalTest checks the Java port against.

Run from anywhere with the system python (it has mir_eval 0.7):

    /usr/bin/python3 udf/src/test/python/make_bss_fixtures.py

Output, under udf/src/test/resources/bss/:
  <case>.f32  references then estimates, each source a row of nsampl
              little-endian float32 samples (2 * nsrc rows in all);
  cases.tsv   one line per case: name, nsrc, nsampl, then the sdr, sir,
              sar and perm lists of mir_eval.separation.bss_eval_sources,
              comma-separated, doubles in round-trip repr ("Infinity" for inf).

mir_eval runs on exactly the stored float32 values cast to float64, so the
Java side sees the same input. Everything is seeded: reruns are byte-identical.
"""
import os
import sys

try:
    import numpy as np
    import scipy.signal
    import mir_eval
    import mir_eval.separation
except ImportError as e:
    sys.exit("make_bss_fixtures.py needs numpy, scipy and mir_eval (0.7) "
             "for this python (%s): %s" % (sys.executable, e))

SR = 11025
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                   "..", "resources", "bss")


# ---------------------------------------------------------------- signals

def white(rng, n):
    return rng.standard_normal(n)


def coloured(rng, n):
    """Noise through a random low-order IIR: a strongly non-flat spectrum."""
    pole = rng.uniform(0.5, 0.95) * rng.choice([-1.0, 1.0])
    b = rng.standard_normal(4)
    return scipy.signal.lfilter(b, [1.0, -pole], rng.standard_normal(n))


def fir(rng, taps):
    """A short random FIR with a dominant first tap (a mild colouration)."""
    h = 0.3 * rng.standard_normal(taps) / np.arange(1, taps + 1)
    h[0] = 1.0
    return h


def filt(h, x):
    return scipy.signal.lfilter(h, [1.0], x)


def note(n, f0, start, dur, rng, partials=8, vibrato=0.0):
    """A harmonic note: partials 1/k, attack/decay envelope, optional vibrato."""
    t = np.arange(n) / SR
    local = t - start
    env = np.where(local < 0, 0.0, 1.0)
    attack = 0.01 + 0.03 * rng.uniform()
    env = env * np.clip(local / attack, 0.0, 1.0) * np.exp(-np.maximum(local, 0) * 3.0 / dur)
    env[local > dur] *= np.exp(-(local[local > dur] - dur) * 40.0)
    phase_mod = vibrato * np.sin(2 * np.pi * 5.5 * t) / 5.5
    x = np.zeros(n)
    for k in range(1, partials + 1):
        fk = f0 * k
        if fk > SR / 2 * 0.95:
            break
        x += (rng.uniform(0.5, 1.0) / k) * np.sin(2 * np.pi * fk * t + k * f0 * phase_mod
                                                  + rng.uniform(0, 2 * np.pi))
    return env * x


def melody(rng, n, pitches, vibrato, partials=8):
    """Consecutive notes over n samples."""
    x = np.zeros(n)
    seg = n / SR / len(pitches)
    for i, f0 in enumerate(pitches):
        x += note(n, f0, i * seg, seg * 0.9, rng, partials, vibrato)
    return x


def tf_mask(refs, j, rng, power, mask_noise):
    """Ratio-mask separation from the mixture: the leakage/smearing artefacts
    of a real (imperfect) spectrogram-mask separator."""
    mix = refs.sum(axis=0)
    kw = dict(fs=SR, nperseg=512, noverlap=384)
    specs = [np.abs(scipy.signal.stft(r, **kw)[2]) ** power for r in refs]
    mask = specs[j] / (sum(specs) + 1e-12)
    mask = np.clip(mask + mask_noise * rng.standard_normal(mask.shape), 0, 1)
    _, _, zmix = scipy.signal.stft(mix, **kw)
    est = scipy.signal.istft(mask * zmix, **kw)[1]
    return est[: refs.shape[1]] if est.size >= refs.shape[1] else np.pad(est, (0, refs.shape[1] - est.size))


def scale_to(x, rms):
    return x * (rms / np.sqrt(np.mean(x ** 2)))


# ------------------------------------------------------------------ cases

def random_case(seed, nsrc, n, leak, noise, colour, taps, perm=None):
    """Estimates = filtered reference + leakage of the others + white noise;
    perm reorders the estimates (estimate i is built from reference perm[i])."""
    rng = np.random.default_rng(seed)
    refs = np.stack([(coloured if colour else white)(rng, n) for _ in range(nsrc)])
    refs = np.stack([scale_to(r, rng.uniform(0.3, 1.0)) for r in refs])
    est = []
    for j in range(nsrc):
        e = filt(fir(rng, taps), refs[j]) if taps else refs[j].copy()
        for k in range(nsrc):
            if k != j:
                e += leak * rng.uniform(0.5, 1.5) * filt(fir(rng, 3), refs[k])
        e += noise * np.sqrt(np.mean(refs[j] ** 2)) * rng.standard_normal(n)
        est.append(e)
    est = np.stack(est)
    if perm is not None:
        est = est[list(perm)]
    return refs, est


PITCHES = [[220.0, 246.9, 261.6], [329.6, 392.0, 349.2, 440.0], [130.8, 164.8],
           [523.3, 587.3, 659.3, 698.5, 784.0], [98.0, 110.0, 123.5]]


def musical_case(seed, nsrc, n, leak, noise, taps, power, mask_noise,
                 vibrato=4.0, floor=1e-3):
    """References: synthetic melodies (different registers, vibrato, a little
    breath noise floor so that G stays comfortably conditioned unless floor=0).
    Estimates: spectrogram ratio-mask separation, then a short FIR, extra
    leakage of the other sources and additive noise."""
    rng = np.random.default_rng(seed)
    refs = []
    for j in range(nsrc):
        pitches = PITCHES[(seed + 2 * j) % len(PITCHES)]
        r = melody(rng, n, pitches, vibrato * (j + 1) / nsrc, partials=6 + 2 * j)
        r += floor * np.sqrt(np.mean(r ** 2)) * rng.standard_normal(n)
        refs.append(scale_to(r, rng.uniform(0.1, 0.5)))
    refs = np.stack(refs)
    est = []
    for j in range(nsrc):
        e = tf_mask(refs, j, rng, power, mask_noise) if power else refs[j].copy()
        if taps:
            e = filt(fir(rng, taps), e)
        for k in range(nsrc):
            if k != j:
                e += leak * refs[k]
        e += noise * np.sqrt(np.mean(refs[j] ** 2)) * rng.standard_normal(n)
        est.append(e)
    return refs, np.stack(est)


def cases():
    # (a) noise references, SDR from about -10 to +30 dB
    yield "rand_white_clean", random_case(1, 2, 4000, leak=0.01, noise=0.01, colour=False, taps=0)
    yield "rand_white_leak", random_case(2, 2, 6000, leak=0.3, noise=0.05, colour=False, taps=4)
    yield "rand_white_noisy", random_case(3, 2, 8000, leak=0.1, noise=1.0, colour=False, taps=8)
    yield "rand_white_bad", random_case(4, 2, 5000, leak=1.2, noise=2.0, colour=False, taps=16)
    yield "rand_coloured_clean", random_case(5, 2, 7000, leak=0.03, noise=0.02, colour=True, taps=6)
    yield "rand_coloured_leak", random_case(6, 2, 9000, leak=0.5, noise=0.1, colour=True, taps=32)
    yield "rand_coloured_noisy", random_case(7, 2, 9000, leak=0.2, noise=0.7, colour=True, taps=12)
    yield "rand_coloured_longfir", random_case(8, 2, 8000, leak=0.05, noise=0.05, colour=True, taps=600)
    yield "rand_swapped", random_case(9, 2, 6000, leak=0.2, noise=0.1, colour=False, taps=4, perm=(1, 0))
    yield "rand_n3_white", random_case(10, 3, 6000, leak=0.2, noise=0.2, colour=False, taps=4)
    yield "rand_n3_coloured", random_case(11, 3, 5000, leak=0.4, noise=0.3, colour=True, taps=8)
    # a 3-cycle tells perm from its inverse, unlike a swap
    yield "rand_n3_cycled", random_case(12, 3, 4500, leak=0.15, noise=0.1, colour=True, taps=4, perm=(1, 2, 0))
    yield "rand_n1", random_case(13, 1, 4000, leak=0.0, noise=0.3, colour=True, taps=8)
    yield "rand_short", random_case(14, 2, 600, leak=0.2, noise=0.2, colour=False, taps=4)
    # (b) synthetic music, imperfect separations
    yield "music_mask_soft", musical_case(21, 2, 8000, leak=0.0, noise=0.0, taps=0, power=1.0, mask_noise=0.0)
    yield "music_mask_wiener", musical_case(22, 2, 9000, leak=0.0, noise=0.01, taps=0, power=2.0, mask_noise=0.05)
    yield "music_mask_noisy", musical_case(23, 2, 8000, leak=0.05, noise=0.05, taps=0, power=1.0, mask_noise=0.2)
    yield "music_leak", musical_case(24, 2, 8000, leak=0.3, noise=0.0, taps=0, power=0, mask_noise=0)
    yield "music_fir_noise", musical_case(25, 2, 7000, leak=0.1, noise=0.3, taps=8, power=0, mask_noise=0)
    yield "music_all_artefacts", musical_case(26, 2, 9000, leak=0.1, noise=0.1, taps=5, power=1.5, mask_noise=0.1)
    yield "music_binaryish", musical_case(27, 2, 6000, leak=0.0, noise=0.0, taps=3, power=8.0, mask_noise=0.0)
    yield "music_bad", musical_case(28, 2, 8000, leak=0.8, noise=1.0, taps=10, power=0.5, mask_noise=0.3)
    yield "music_n3_mask", musical_case(29, 3, 7000, leak=0.0, noise=0.02, taps=0, power=1.0, mask_noise=0.05)
    yield "music_n3_leak", musical_case(30, 3, 6000, leak=0.2, noise=0.1, taps=4, power=0, mask_noise=0)
    # pure partials without a noise floor: a badly conditioned G (the hard case)
    yield "music_pure_tones", musical_case(31, 2, 8000, leak=0.1, noise=0.01, taps=3, power=1.0,
                                           mask_noise=0.0, vibrato=0.0, floor=0.0)
    yield "music_pure_tones_leak", musical_case(32, 2, 6000, leak=0.2, noise=0.0, taps=0, power=0,
                                                mask_noise=0.0, vibrato=0.0, floor=0.0)


def fmt(values):
    return ",".join("Infinity" if v == np.inf else "-Infinity" if v == -np.inf
                    else repr(float(v)) for v in values)


def main():
    os.makedirs(OUT, exist_ok=True)
    fallbacks = []
    lstsq = np.linalg.lstsq

    def counting_lstsq(*args, **kwargs):  # mir_eval's fallback when solve() fails
        fallbacks.append(name)
        return lstsq(*args, **kwargs)
    np.linalg.lstsq = counting_lstsq

    lines = []
    total = 0
    for name, (refs, est) in cases():
        refs32 = refs.astype("<f4")
        est32 = est.astype("<f4")
        data = np.concatenate([refs32, est32]).tobytes()
        with open(os.path.join(OUT, name + ".f32"), "wb") as f:
            f.write(data)
        total += len(data)
        sdr, sir, sar, perm = mir_eval.separation.bss_eval_sources(
            refs32.astype(np.float64), est32.astype(np.float64))
        nsrc, nsampl = refs.shape
        lines.append("\t".join([name, str(nsrc), str(nsampl), fmt(sdr), fmt(sir), fmt(sar),
                                ",".join(str(int(p)) for p in perm)]))
        print("%-24s n=%d len=%5d sdr=%s sir=%s sar=%s perm=%s" % (
            name, nsrc, nsampl, np.round(sdr, 2), np.round(sir, 2), np.round(sar, 2), perm))
    with open(os.path.join(OUT, "cases.tsv"), "w") as f:
        f.write("# mir_eval %s bss_eval_sources; columns: name nsrc nsampl sdr sir sar perm\n"
                % mir_eval.__version__)
        f.write("\n".join(lines) + "\n")
    print("%d cases, %.2f MB of signals; lstsq fallbacks: %s"
          % (len(lines), total / 1e6, sorted(set(fallbacks)) or "none"))


if __name__ == "__main__":
    main()
