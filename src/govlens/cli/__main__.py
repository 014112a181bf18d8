import sys

from govlens.cli.entry import main

sys.exit(main())
