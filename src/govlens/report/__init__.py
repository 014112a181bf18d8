"""Report stage: the notice, scorecards and data exports, rendered only from the store."""
