"""The finitelearn exception hierarchy.

Every error raised for bad input is a :class:`FinitelearnError` and also a subclass of
the built-in :class:`ValueError` or :class:`TypeError`, so callers may catch either.
Messages name the argument, the value given and what is allowed.
"""

from __future__ import annotations

__all__ = [
    "FinitelearnError",
    "InvalidArgument",
    "InvalidType",
    "DomainMismatch",
    "TooLarge",
    "QueryBudgetExceeded",
    "UndefinedProbability",
    "MissingExtra",
]


class FinitelearnError(Exception):
    """Base class of every error finitelearn raises on purpose."""


class InvalidArgument(FinitelearnError, ValueError):
    """An argument has the right type but a value that is not allowed."""


class InvalidType(FinitelearnError, TypeError):
    """An argument has a type that is not allowed."""


class DomainMismatch(InvalidArgument):
    """Two objects live on different domains (e.g. functions on different d)."""


class TooLarge(InvalidArgument):
    """The tables the request needs would not fit in this machine's memory."""


class QueryBudgetExceeded(FinitelearnError, RuntimeError):
    """A student asked an oracle for more queries than its budget allows."""


class UndefinedProbability(FinitelearnError, ZeroDivisionError):
    """A conditional probability whose condition has probability zero."""


class MissingExtra(FinitelearnError, ImportError):
    """An optional dependency (e.g. PyTorch, the ``nn`` extra) is not installed."""
