"""The paper's examples and figures (Ma & Ying, Sections 3.3 and 4.2, Appendix A)."""

from . import figure_3_2
from .figure_3_2 import figure_3_2_left, figure_3_2_right
