import sys

from dgcli.cli import main

sys.exit(main())
