"""
Theorems 4.2 and 4.3: passive against active teacher
====================================================

Queries until one teacher of {f_S : 1 in S} is left, for d = 2..7: statistical-query
students against the adversarial oracle (tolerance 1/8) and data-query students against
the paper's d + 1. The full run is ``finitelearn scaling --d-min 2 --d-max 16`` (under a minute).
"""

import finitelearn as fl

records = fl.run_scaling(range(2, 8), "1/8", progress=False)
print(fl.experiments.format_table(records))
fig = fl.plot_scaling(records)
