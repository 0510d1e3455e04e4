"""Two revisions of one EMS compared in its own terms: records, significance, obligations,
clauses, readiness and check findings. Each module compares one kind of judgement; the use
case (``emskit.commands.diff``) builds both sides and hands them here."""
