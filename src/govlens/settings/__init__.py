"""Settings: every knob in :mod:`govlens.settings.default_settings`, overridden by the campaign file,
then by the command line, frozen before a run and stored with its results."""
from govlens.settings.settings import PRIORITIES, Settings

__all__ = ["PRIORITIES", "Settings"]
