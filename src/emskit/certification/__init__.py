"""Certification: readiness, the certification cycle, audit time, the implementation roadmap."""
