"""An evidence file that is empty: 0 bytes, or nothing but blanks and newlines.

The file exists, so EMS105 is satisfied, but it proves nothing: an auditor who opens an empty
discharge permit or training record rejects it as no evidence at all. Every evidence path is
read (records' ``evidence:``, licences and contracts, the application materials of
``certification.application``); safety data sheets are EMS601's.

Passes::

    evidence: [evidence/permits/discharge-permit.pdf]      # the scanned permit

Fails::

    evidence: [evidence/permits/discharge-permit.pdf]      # a 0-byte file
"""

from collections.abc import Iterator

from emskit.analysis import Analysis
from emskit.finding import Finding
from emskit.judgements.evidence_files import empty_evidence
from emskit.rule import ERROR, Rule

RULE = Rule("EMS107", "evidence-empty", ERROR, ("7.5.3",), __doc__ or "")


def check(ctx: Analysis) -> Iterator[Finding]:
    for evidence, shortfall in empty_evidence(ctx):
        yield RULE.at(evidence.file, evidence.loc, shortfall.reason, ids=evidence.ids)
