from govlens.cli import main

raise SystemExit(main())
