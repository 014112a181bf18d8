"""What the browser saw: the desktop and phone renders of a homepage (Lighthouse-style metrics, layout, axe)."""
