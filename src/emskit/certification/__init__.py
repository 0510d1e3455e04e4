"""Certification: readiness, the certification cycle, audit time."""
