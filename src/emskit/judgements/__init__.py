"""The questions an auditor asks of the records, each answered by one function.

`emskit check` (rules/), `emskit gap` (clauses/evidence/) and `emskit ready`
(certification/readiness.py) ask many of the same questions: is this nonconformity's
effectiveness checked after its actions closed? Does this incident have a nonconformity? Is
this objective on the right side of its baseline? Each question is answered here, once, from an
Analysis, as a list of Shortfalls (empty: the records satisfy it). The three consumers only
decide how to say it: a finding at the record's line, a "partial" clause, a failing rule.

Modules are named by the subject they judge (nonconformities.py, objectives.py, ...); they
import the analysis, the repository and the model, never rules, clauses or certification.
"""
