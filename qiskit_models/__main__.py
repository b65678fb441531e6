"""``python -m qiskit_models``: the ``qiskit-models`` command."""

import sys

from qiskit_models.cli import main

if __name__ == "__main__":
    sys.exit(main())
