import sys

from robocole.cli import main

sys.exit(main())
