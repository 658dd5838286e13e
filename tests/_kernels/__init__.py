"""Tests of finitelearn._kernels, one module per kernel module: every kernel against its
plain twin in tests/naive.py, on every small input and on hypothesis-drawn ones."""
