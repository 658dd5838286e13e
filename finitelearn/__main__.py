"""``python -m finitelearn`` runs the ``finitelearn`` command."""

from .cli import run

if __name__ == "__main__":  # importing this module (a tool, a spawned process) runs nothing
    run()
