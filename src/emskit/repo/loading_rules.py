"""Rules whose check is the loader itself: syntax, encoding, schema, layout, missing content.

They live in the registry like every other rule, so their level can be changed and they are
documented and described in SARIF the same way.
"""

from emskit.rule import ERROR, WARNING, Rule

YAML_SYNTAX = Rule(
    "EMS001",
    "yaml-syntax",
    ERROR,
    ("7.5.3",),
    """
A YAML file that cannot be read: syntax errors, duplicate keys, several documents,
tags, undefined aliases, alias expansion beyond 10,000 nodes, nesting beyond 100 levels.

Passes::

    aspects:
      - {id: ASP-001, activity: Painting, aspect: VOC, impact: [Air], condition: normal}

Fails (duplicate key)::

    aspects:
      - {id: ASP-001, id: ASP-002}
""",
)

UNREADABLE_FILE = Rule(
    "EMS002",
    "unreadable-file",
    ERROR,
    ("7.5.3",),
    """
A file that is not UTF-8, is larger than the configured limit, or cannot be opened.

Passes: a UTF-8 file (a BOM and CRLF line ends are accepted).

Fails: a file saved in GBK or Latin-1 with non-ASCII text; a 60 MB monitoring export.
""",
)

SCHEMA = Rule(
    "EMS003",
    "schema",
    ERROR,
    ("7.5.2",),
    """
A value that does not fit the repository format: a missing required field, an unknown key,
a wrong type, a value not in the allowed list, an invalid id, date or period.

Passes::

    - {id: ASP-001, activity: Painting, aspect: VOC, impact: [Air], condition: normal}

Fails (unknown key ``sevrity``, and ``norml`` is not a condition)::

    - {id: ASP-001, activity: Painting, aspect: VOC, impact: [Air], condition: norml, sevrity: 4}
""",
)

MISSING_CONTENT = Rule(
    "EMS004",
    "missing-content",
    WARNING,
    ("7.5.1",),
    """
A part of the EMS that is empty or absent: an empty or comments-only file, or no file at all
for a part the standard asks documented information for, or a value still holding the
``TODO`` placeholder of ``emskit init`` or ``emskit new``. Probably unfinished work.

Passes: ``policy.yaml`` holding the approved policy.

Fails: ``policy.yaml`` that holds only comments, no ``aspects/`` folder, or
``description: "TODO: what happened"`` in an incident.
""",
)

MISPLACED_FILE = Rule(
    "EMS005",
    "misplaced-file",
    WARNING,
    ("7.5.3",),
    """
A YAML file outside the layout, which emskit would otherwise silently ignore.

Passes: ``aspects/paint-shop.yaml``.

Fails: ``aspect/paint-shop.yaml`` (singular folder) or ``records/audit/AUD-2026-01.yaml``.
""",
)

CSV_FORMAT = Rule(
    "EMS006",
    "csv-format",
    ERROR,
    ("9.1.1",),
    """
A monitoring CSV row that cannot be read: missing header columns, a row with too few or too
many fields, a date that is not YYYY-MM-DD, a value that is not a finite number.

Passes::

    date,indicator,value,site,note
    2026-01-31,IND-VOC,1.02,SITE-MAIN,

Fails::

    2026-01-31,IND-VOC,nan,SITE-MAIN,
""",
)

PATH_OUTSIDE = Rule(
    "EMS007",
    "path-outside-repository",
    ERROR,
    ("7.5.3",),
    """
A file of the layout, or anything in ``templates/``, that is a symbolic link resolving outside
the repository. It is not read: a repository must be complete in itself and must not expose
other files (a template linked to ``/etc`` would put the machine's files into the pack).

Passes: ``aspects/site-b.yaml`` linking to ``shared/site-b.yaml`` inside the repository.

Fails: ``aspects/site-b.yaml`` linking to ``/etc/passwd``.
""",
)

RULES = (
    YAML_SYNTAX,
    UNREADABLE_FILE,
    SCHEMA,
    MISSING_CONTENT,
    MISPLACED_FILE,
    CSV_FORMAT,
    PATH_OUTSIDE,
)
