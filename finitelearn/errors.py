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
    "SchedulerUnreachable",
]


class FinitelearnError(Exception):
    """Base class of every error finitelearn raises on purpose.

    >>> import finitelearn as fl
    >>> try:
    ...     fl.points(3.0)
    ... except fl.FinitelearnError as e:
    ...     print(type(e).__name__)
    InvalidType
    """


class InvalidArgument(FinitelearnError, ValueError):
    """An argument has the right type but a value that is not allowed.

    >>> import finitelearn as fl
    >>> issubclass(fl.InvalidArgument, ValueError)
    True
    >>> fl.parity(3, {5})
    Traceback (most recent call last):
        ...
    finitelearn.errors.InvalidArgument: S={5} is not allowed: 0-based coordinates in 0..2 for d=3
    """


class InvalidType(FinitelearnError, TypeError):
    """An argument has a type that is not allowed.

    >>> import finitelearn as fl
    >>> issubclass(fl.InvalidType, TypeError)
    True
    >>> fl.points(3.0)
    Traceback (most recent call last):
        ...
    finitelearn.errors.InvalidType: d=3.0 has type float, expected an int
    """


class DomainMismatch(InvalidArgument):
    """Two objects live on different domains (e.g. functions on different d).

    >>> import finitelearn as fl
    >>> issubclass(fl.DomainMismatch, fl.InvalidArgument)
    True
    >>> fl.parity(3, {0}) ^ fl.parity(4, {0})
    Traceback (most recent call last):
        ...
    finitelearn.errors.DomainMismatch: f is on d=3 and g on d=4: both must be on the same {0,1}^d
    """


class TooLarge(InvalidArgument):
    """The tables the request needs would not fit in this machine's memory.

    >>> import finitelearn as fl
    >>> issubclass(fl.TooLarge, fl.InvalidArgument)
    True
    """


class QueryBudgetExceeded(FinitelearnError, RuntimeError):
    """A student asked an oracle for more queries than its budget allows.

    >>> import finitelearn as fl
    >>> issubclass(fl.QueryBudgetExceeded, RuntimeError)
    True
    """


class UndefinedProbability(FinitelearnError, ZeroDivisionError):
    """A conditional probability whose condition has probability zero.

    >>> import finitelearn as fl
    >>> issubclass(fl.UndefinedProbability, ZeroDivisionError)
    True
    """


class MissingExtra(FinitelearnError, ImportError):
    """An optional dependency (e.g. PyTorch, the ``nn`` extra) is not installed.

    >>> import finitelearn as fl
    >>> issubclass(fl.MissingExtra, ImportError)
    True
    """


class SchedulerUnreachable(FinitelearnError, ConnectionError):
    """No Dask scheduler answers at the address given (``finitelearn.dask_engine``, ``--scheduler``).

    >>> import finitelearn as fl
    >>> issubclass(fl.SchedulerUnreachable, ConnectionError)
    True
    """
