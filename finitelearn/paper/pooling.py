"""Max pooling for the students of Example 4.2, bit for bit ``torch.nn.MaxPool2d``, faster.

PyTorch is an optional dependency: this module imports it only when
:class:`MaxPool2d` is first looked up (a module ``__getattr__``), so that it can be
imported without torch; the class is then an attribute of the module like any other
(``pickle`` finds it by name).

>>> try:
...     import torch
... except ImportError:
...     torch = None
>>> if torch is not None:
...     from finitelearn.paper.pooling import MaxPool2d
...     x = torch.rand(2, 3, 9, 8)
...     assert torch.equal(MaxPool2d(2)(x), torch.nn.functional.max_pool2d(x, 2))
...     assert torch.equal(MaxPool2d(3, 1)(x), torch.nn.functional.max_pool2d(x, 3, 1))

PyTorch's CPU ``max_pool2d`` on a contiguous (N, C, H, W) float tensor runs its
``max_pool2d_with_indices`` kernel, which measured (torch 2.13.0, one thread, 50 x 16 x
100 x 100) 28 ms for the 2 x 2 pooling after the first convolution, six times the
convolution itself (4.7 ms), and 8.9 ms for the 3 x 3 stride-1 filter on 50 x 1 x 100 x
100: about half of every forward pass of the student.  The same maxima taken as
elementwise ``torch.maximum`` of strided views cost 2.7 ms and 0.2 ms.

Exactness (inputs without NaN).  A maximum is exact in floating point whatever the
order of the comparisons, so the values are identical to ``MaxPool2d``'s.  The fast
paths run only when no gradient is asked for (evaluation, and the filter, which is the
first layer: the images do not require a gradient); a training step's poolings run
torch's own kernel and its backward, so training is untouched.  (An exact fast 2 x 2
backward, each window's gradient to its first maximum in row-major order, was tried
and measured slower than torch's: 82 against 72 ms per training step.)  Every other
configuration (padding, dilation, ceil mode, indices, a non-contiguous or non-float
input) runs torch's kernel too.  ``tests/paper/test_example_4_2.py`` checks the values
against ``torch.nn.functional.max_pool2d``, ties and odd sizes included, and that
training gives the same records bit for bit.
"""

from __future__ import annotations

from typing import Any

__all__ = ["MaxPool2d"]


def __getattr__(name: str) -> Any:
    if name == "MaxPool2d":
        cls = _build()
        globals()["MaxPool2d"] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _build() -> type:
    import torch
    import torch.nn.functional as F

    def _pair(v: Any) -> tuple[int, int]:
        return (v, v) if isinstance(v, int) else tuple(v)  # type: ignore[return-value]

    def _fast_ok(module: torch.nn.MaxPool2d, x: torch.Tensor) -> bool:
        return (
            x.dim() == 4
            and x.dtype in (torch.float32, torch.float64)
            and x.device.type == "cpu"
            and x.is_contiguous()
            and _pair(module.padding) == (0, 0)
            and _pair(module.dilation) == (1, 1)
            and not module.ceil_mode
            and not module.return_indices
        )

    def _max2x2(x: torch.Tensor) -> torch.Tensor:
        """2 x 2 windows, stride 2, floor mode: an odd last row or column is dropped."""
        h, w = x.shape[-2] // 2 * 2, x.shape[-1] // 2 * 2
        cols = torch.maximum(x[..., :h, 0:w:2], x[..., :h, 1:w:2])  # (N, C, h, w/2), contiguous
        return torch.maximum(cols[..., 0::2, :], cols[..., 1::2, :])

    def _max3x3_stride1(x: torch.Tensor) -> torch.Tensor:
        rows = torch.maximum(torch.maximum(x[..., :, :-2], x[..., :, 1:-1]), x[..., :, 2:])
        return torch.maximum(torch.maximum(rows[..., :-2, :], rows[..., 1:-1, :]), rows[..., 2:, :])

    class MaxPool2d(torch.nn.MaxPool2d):
        """``torch.nn.MaxPool2d`` with exact fast paths for 2 x 2 stride 2 and 3 x 3 stride 1.

        The same arguments and the same results as ``torch.nn.MaxPool2d`` (see the
        module docstring); only the time differs.

        >>> import torch
        >>> from finitelearn.paper.pooling import MaxPool2d
        >>> pool = MaxPool2d(2)
        >>> isinstance(pool, torch.nn.MaxPool2d), pool
        (True, MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False))
        """

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            """The pooled ``x``: the fast path without gradient, else torch's kernel.

            >>> import torch
            >>> from finitelearn.paper.pooling import MaxPool2d
            >>> x = torch.arange(16.0).reshape(1, 1, 4, 4)
            >>> MaxPool2d(2)(x).tolist()
            [[[[5.0, 7.0], [13.0, 15.0]]]]
            """
            no_grad = not (torch.is_grad_enabled() and x.requires_grad)
            if no_grad and x.dim() == 4 and min(x.shape[-2:]) >= 3 and _fast_ok(self, x):
                k, s = _pair(self.kernel_size), _pair(self.stride)
                if k == (2, 2) and s == (2, 2):
                    return _max2x2(x)
                if k == (3, 3) and s == (1, 1):
                    return _max3x3_stride1(x)
            return F.max_pool2d(x, self.kernel_size, self.stride, self.padding, self.dilation,  # type: ignore[call-overload]  # return_indices is a bool, the stubs' overloads want a literal
                                ceil_mode=self.ceil_mode, return_indices=self.return_indices)

    MaxPool2d.__module__ = __name__
    MaxPool2d.__qualname__ = "MaxPool2d"  # pickle finds it as pooling.MaxPool2d
    return MaxPool2d
