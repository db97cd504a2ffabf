"""Entry script for the PyInstaller bundle: the same ``main`` as the ``reader`` command."""

import sys

from reader.app import main

if __name__ == "__main__":
    sys.exit(main())
