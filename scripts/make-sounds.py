#!/usr/bin/env python3
"""Synthesises the game's sounds into assets/sounds/ as small 16-bit mono
WAV files at 22050 Hz. Standard library only, with a fixed seed, so the
same script always writes the same files.

Usage: scripts/make-sounds.py [OUT_DIR]

Which file plays for which happening is said in assets/sounds/sounds.yaml,
not here: this script only makes the sounds themselves.
"""
import math
import os
import random
import struct
import sys
import wave

RATE = 22050
TAU = 2 * math.pi


def silence(seconds):
    return [0.0] * int(seconds * RATE)


def mix_into(dst, src, at=0.0, gain=1.0):
    """Adds SRC into DST starting AT seconds in, growing DST if needed."""
    start = int(at * RATE)
    if len(dst) < start + len(src):
        dst.extend([0.0] * (start + len(src) - len(dst)))
    for i, v in enumerate(src):
        dst[start + i] += v * gain
    return dst


def envelope(n, attack, decay):
    """Attack in seconds, then an exponential decay with time constant DECAY."""
    a = max(1, int(attack * RATE))
    out = []
    for i in range(n):
        if i < a:
            out.append(0.5 - 0.5 * math.cos(math.pi * i / a))
        else:
            out.append(math.exp(-(i - a) / (decay * RATE)))
    return out


def fade_tail(samples, seconds):
    """Brings the last SECONDS down to zero so no sound ends on a step."""
    n = min(len(samples), int(seconds * RATE))
    for i in range(n):
        samples[len(samples) - n + i] *= 0.5 + 0.5 * math.cos(math.pi * (i + 1) / n)
    return samples


def bell(freq, seconds, decay, partials=((1.0, 1.0), (2.0, 0.35), (2.76, 0.18), (5.4, 0.06))):
    """A soft bell: a few partials, the higher ones dying sooner."""
    n = int(seconds * RATE)
    env = envelope(n, 0.006, decay)
    out = []
    for i in range(n):
        t = i / RATE
        v = 0.0
        for ratio, amp in partials:
            v += amp * math.sin(TAU * freq * ratio * t) * math.exp(-t * ratio * 0.9)
        out.append(v * env[i])
    return out


def tone(freq, seconds, attack=0.01, decay=0.2, shape="sine"):
    n = int(seconds * RATE)
    env = envelope(n, attack, decay)
    out = []
    phase = 0.0
    for i in range(n):
        f = freq(i / RATE) if callable(freq) else freq
        phase += TAU * f / RATE
        if shape == "sine":
            v = math.sin(phase)
        elif shape == "triangle":
            v = 2 / math.pi * math.asin(math.sin(phase))
        else:  # a soft-edged saw: a few harmonics only, never harsh
            v = sum(math.sin(phase * k) / k for k in range(1, 6)) * 0.6
        out.append(v * env[i])
    return out


def lowpass(samples, cutoff):
    """One-pole low-pass; CUTOFF in Hz, or a function of the sample index."""
    out, y = [], 0.0
    for i, x in enumerate(samples):
        c = cutoff(i) if callable(cutoff) else cutoff
        a = 1 - math.exp(-TAU * c / RATE)
        y += a * (x - y)
        out.append(y)
    return out


def noise(rng, n):
    return [rng.uniform(-1.0, 1.0) for _ in range(n)]


def normalise(samples, peak):
    top = max(abs(v) for v in samples) or 1.0
    return [v * peak / top for v in samples]


def seamless(make, seconds, overlap):
    """A loop of SECONDS: MAKE(n) gives n samples of a steady sound; the
    part past the loop's end is cross-faded into its start, so the last
    sample runs on into the first without a seam."""
    n, f = int(seconds * RATE), int(overlap * RATE)
    raw = make(n + f)
    out = raw[:n]
    for i in range(f):
        w = 0.5 - 0.5 * math.cos(math.pi * i / f)  # fade in the start
        out[i] = raw[i] * w + raw[n + i] * math.sqrt(max(0.0, 1 - w * w))
    return out


def write(out_dir, name, samples):
    path = os.path.join(out_dir, name)
    frames = bytearray()
    for v in samples:
        frames += struct.pack("<h", max(-32767, min(32767, int(round(v * 32767)))))
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))
    return len(frames) + 44


# ---- the sounds ------------------------------------------------------------


def click(rng):
    """A short, soft tick: a damped blip over a breath of noise."""
    n = int(0.035 * RATE)
    blip = tone(1800, 0.035, attack=0.001, decay=0.006)
    hiss = lowpass(noise(rng, n), 3000)
    env = envelope(n, 0.0005, 0.004)
    out = [blip[i] * 0.7 + hiss[i] * env[i] * 0.5 for i in range(n)]
    return fade_tail(normalise(out, 0.35), 0.01)


def week_end(rng):
    """A low two-note chime, falling a fourth: the week is done."""
    out = silence(1.25)
    mix_into(out, bell(329.63, 0.8, 0.35), 0.0, 1.0)
    mix_into(out, bell(246.94, 0.95, 0.45), 0.28, 1.0)
    return fade_tail(normalise(out[: int(1.25 * RATE)], 0.5), 0.15)


def alert_blackout(rng):
    """Power going down: a falling tone that sags and dies, twice."""
    out = []
    for k, at in enumerate((0.0, 0.55)):
        start = 420.0 - k * 60
        s = tone(lambda t, s0=start: s0 * math.exp(-t * 2.2), 0.6, attack=0.01, decay=0.3, shape="saw")
        mix_into(out, lowpass(s, 1400), at)
    return fade_tail(normalise(out, 0.5), 0.08)


def alert_shortage(rng):
    """Two pairs of short, level beeps: something is running out."""
    out = silence(1.0)
    for at in (0.0, 0.16, 0.5, 0.66):
        mix_into(out, tone(660, 0.12, attack=0.005, decay=0.06, shape="triangle"), at)
    return fade_tail(normalise(out, 0.45), 0.05)


def alert_fault(rng):
    """A broken machine: three rough buzzes, low and uneven."""
    out = silence(1.0)
    for k, at in enumerate((0.0, 0.28, 0.56)):
        n = int(0.2 * RATE)
        buzz = tone(140 - 12 * k, 0.2, attack=0.005, decay=0.12, shape="saw")
        grit = lowpass(noise(rng, n), 900)
        env = envelope(n, 0.005, 0.08)
        mix_into(out, [buzz[i] + grit[i] * env[i] * 0.6 for i in range(n)], at)
    return fade_tail(normalise(lowpass(out, 2000), 0.5), 0.05)


def alert_unrest(rng):
    """Trouble among the crew: two drum hits under a tense tritone."""
    out = silence(1.1)
    for at in (0.0, 0.3):
        n = int(0.35 * RATE)
        drum = tone(lambda t: 90 * math.exp(-t * 6) + 45, 0.35, attack=0.002, decay=0.09)
        mix_into(out, drum, at, 1.0)
        hit = lowpass(noise(rng, n), 500)
        env = envelope(n, 0.001, 0.03)
        mix_into(out, [hit[i] * env[i] for i in range(n)], at, 0.8)
    mix_into(out, tone(233.08, 0.9, attack=0.25, decay=0.35, shape="triangle"), 0.15, 0.35)
    mix_into(out, tone(329.63, 0.9, attack=0.25, decay=0.35, shape="triangle"), 0.15, 0.35)
    return fade_tail(normalise(out, 0.5), 0.1)


def alert_arrival(rng):
    """Something has come in: three bright notes rising."""
    out = silence(1.0)
    for at, f in ((0.0, 523.25), (0.12, 659.25), (0.24, 783.99)):
        mix_into(out, bell(f, 0.7, 0.25, ((1.0, 1.0), (2.0, 0.2), (3.0, 0.05))), at)
    return fade_tail(normalise(out, 0.45), 0.1)


def alert_launch(rng):
    """A launch window opens: a rising whoosh that ends on a ping."""
    n = int(0.7 * RATE)
    sweep = lowpass(noise(rng, n), lambda i: 200 + 2600 * (i / n) ** 2)
    env = [math.sin(math.pi * i / n) ** 2 for i in range(n)]
    out = [sweep[i] * env[i] * 2.0 for i in range(n)]
    mix_into(out, bell(1046.5, 0.45, 0.15, ((1.0, 1.0), (2.0, 0.15))), 0.55, 0.6)
    return fade_tail(normalise(out, 0.45), 0.08)


def event(rng):
    """News waits for an answer: a soft minor chord that swells and fades."""
    out = silence(1.4)
    for f, at in ((220.0, 0.0), (261.63, 0.07), (329.63, 0.14), (440.0, 0.21)):
        mix_into(out, tone(f, 1.15, attack=0.18, decay=0.45, shape="triangle"), at, 0.5)
    return fade_tail(normalise(lowpass(out, 1800), 0.45), 0.2)


LOOP_WIND = 6.0
LOOP_HUM = 4.0


def wind(rng):
    """Martian wind: noise under a slowly moving filter, in gusts. Each
    movement repeats a whole number of times in the loop."""

    def make(n):
        src = noise(rng, n)

        def cutoff(i):
            t = i / RATE
            return 380 + 260 * math.sin(TAU * t / LOOP_WIND * 2) + 140 * math.sin(TAU * t / LOOP_WIND * 5 + 1.3)

        body = lowpass(lowpass(src, cutoff), 900)
        out = []
        for i, v in enumerate(body):
            t = i / RATE
            gust = 0.65 + 0.25 * math.sin(TAU * t / LOOP_WIND * 3 + 0.4) + 0.1 * math.sin(TAU * t / LOOP_WIND * 7)
            out.append(v * gust)
        return out

    return normalise(seamless(make, LOOP_WIND, 1.0), 0.45)


def machinery(rng):
    """The base's machines: a low hum with its harmonics and a slow throb;
    every frequency fits the loop a whole number of times."""

    def make(n):
        rumble = lowpass(lowpass(noise(rng, n), 160), 160)
        out = []
        for i in range(n):
            t = i / RATE
            hum = (math.sin(TAU * 55 * t) + 0.5 * math.sin(TAU * 110 * t + 0.5)
                   + 0.25 * math.sin(TAU * 165 * t + 1.1) + 0.08 * math.sin(TAU * 330 * t))
            throb = 0.85 + 0.15 * math.sin(TAU * t / LOOP_HUM * 2)
            out.append(hum * throb * 0.6 + rumble[i] * 4.0)
        return out

    return normalise(seamless(make, LOOP_HUM, 0.5), 0.4)


SOUNDS = [
    ("click.wav", click),
    ("week_end.wav", week_end),
    ("alert_blackout.wav", alert_blackout),
    ("alert_shortage.wav", alert_shortage),
    ("alert_fault.wav", alert_fault),
    ("alert_unrest.wav", alert_unrest),
    ("alert_arrival.wav", alert_arrival),
    ("alert_launch.wav", alert_launch),
    ("event.wav", event),
    ("wind.wav", wind),
    ("machinery.wav", machinery),
]


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "assets", "sounds")
    os.makedirs(out_dir, exist_ok=True)
    total = 0
    for name, make in SOUNDS:
        # Each sound its own stream, so changing one leaves the others as they are.
        rng = random.Random("happy-valley:" + name)
        size = write(out_dir, name, make(rng))
        total += size
        print(f"{name}: {size // 1024} KiB")
    print(f"total: {total // 1024} KiB")


if __name__ == "__main__":
    main()
