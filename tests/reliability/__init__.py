"""Reliability: the fault matrix, secret hygiene, deadlines, bounded bodies, hostile input, downloads."""
