"""Decoding settings: Argos's length penalty and the beam sizes the reader offers.

The one definition of the default beam and of the beams the command line and the settings
accept. Light to import (the GUI's settings read it before the first paint).
"""

from __future__ import annotations

from reader.core.errors import InvalidBeamSize

LENGTH_PENALTY = 0.2  # Argos's value
DEFAULT_BEAM_SIZE = 4  # Argos's value: "Accurate"
FAST_BEAM_SIZE = 1  # greedy decoding: "Fast"
BEAM_SIZES = (1, 2, 4)  # every beam the command line and the settings accept


def check_beam_size(value: object) -> int:
    """``value`` as a beam size the reader offers; ``InvalidBeamSize`` otherwise."""
    try:
        beam = int(str(value).strip())
    except ValueError:
        raise InvalidBeamSize(str(value), BEAM_SIZES) from None
    if beam not in BEAM_SIZES:
        raise InvalidBeamSize(str(value), BEAM_SIZES)
    return beam
