"""Differential compatibility suite against the intervalues 0.4.0 release (issue 14)."""
