"""Checks on the built site as a reader gets it: in Chromium, on disk, and over HTTP."""
