"""Type aliases for the arguments users pass (docs/design.md, Conventions).

>>> from finitelearn.typing import Tolerance, Point, Subset
>>> int in Point.__args__
True
"""

from __future__ import annotations

import os
from fractions import Fraction
from typing import Sequence, Union

import numpy as np

__all__ = ["Number", "Tolerance", "Point", "Subset", "Seed", "PathLike"]

#: An exact number as finitelearn reads it: int, Fraction, a decimal string ('1/3',
#: '0.125') or a float (read as its shortest decimal).
Number = Union[int, Fraction, str, float]
#: A statistical query's tolerance alpha: a Number, or (for the scaling experiment) an
#: expression in d such as '1/d'.
Tolerance = Union[int, Fraction, str, float]
#: A point of a finite domain: its index, or its coordinates (bits on the cube).
Point = Union[int, Sequence[int], Sequence[Fraction]]
#: A subset S of coordinates: 0-based coordinates, or an int mask (bit i set iff i in S).
Subset = Union[int, Sequence[int], frozenset, set]
#: A seed: an int >= 0 or a numpy Generator.
Seed = Union[int, np.random.Generator]
#: A file or folder path.
PathLike = Union[str, "os.PathLike[str]"]
