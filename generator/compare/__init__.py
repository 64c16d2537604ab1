"""Comparing model sets: ``parity`` (are these SDKs in sync?) and ``diff`` (what does this
schema change break?), with their reports, the code verdicts of ``surface`` and git revisions."""
