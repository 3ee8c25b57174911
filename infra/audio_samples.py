"""Real recordings made on the spot (a tone, encoded by PyAV as phones and apps encode speech),
for tests and benchmarks that need audio of a given format and length."""

from __future__ import annotations

import io
import math
from array import array

import av


def recording(container: str, codec: str, seconds: float = 1.0, rate: int = 48_000) -> bytes:
    """A real recording, a 440 Hz tone, encoded by PyAV (as phones and apps make them)."""
    count = int(rate * seconds)
    tone = array("h", (int(9000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(count)))
    frame = av.AudioFrame(format="s16", layout="mono", samples=count)
    frame.planes[0].update(tone.tobytes())
    frame.sample_rate = rate
    out = io.BytesIO()
    with av.open(out, "w", format=container) as target:
        stream = target.add_stream(codec, rate=rate, layout="mono")
        resampler = av.AudioResampler(
            format=stream.codec_context.format.name, layout="mono", rate=rate
        )
        for resampled in resampler.resample(frame):
            target.mux(stream.encode(resampled))
        target.mux(stream.encode(None))
    return out.getvalue()


def decoded_seconds(data: bytes) -> float:
    """How long the audio in `data` lasts, decoded."""
    with av.open(io.BytesIO(data), mode="r") as source:
        stream = source.streams.audio[0]
        samples = sum(frame.samples for frame in source.decode(stream))
        return samples / (stream.codec_context.sample_rate or 1)
