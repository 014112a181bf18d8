"""Interaction and services: channels, letters and their replies, mailboxes, service guides."""
