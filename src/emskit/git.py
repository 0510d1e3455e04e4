"""Every git call emskit makes: the git binary, run read-only and hardened.

A repository handed to emskit may carry a hostile ``.git/config`` (an archive of someone else's
checkout): git can run commands named there (``core.fsmonitor``, ``filter.*``, hooks, textconv,
pagers, ``gpg.program`` for signatures). Every call goes through ``_run``, which overrides or
disables each of them on the command line (the highest-priority config), never reaches the
network, and reads machine output (``-z``: NUL-separated, never quoted).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from emskit.errors import UsageError

# Config that could run a program on the read commands used here, neutralised for every call.
_HARDENING = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.sshCommand=false",
    "core.gitProxy=false",
    "core.askPass=false",
    "core.alternateRefsCommand=false",
    "credential.helper=",
    "protocol.allow=never",
    "diff.external=",
    "log.showSignature=false",
    "gpg.program=false",
    "status.showUntrackedFiles=all",
    "submodule.recurse=false",
    "core.untrackedCache=false",
    "core.quotePath=false",
)
_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "GIT_OPTIONAL_LOCKS": "0",  # status must not rewrite the index (nor run index hooks)
    "GIT_LITERAL_PATHSPECS": "1",  # a file named '*.md' or ':x' is that file, not a pattern
    "GIT_NO_REPLACE_OBJECTS": "1",  # read the commit as it is, not a local substitute
    "LC_ALL": "C",  # stable messages to recognise ("dubious ownership")
    "LANGUAGE": "C",
}
SHALLOW_WARNING = (
    "this is a shallow clone (history cut off): document revisions count only the approvals "
    "in the commits present (they may be too low), and dates, authors and changes after "
    "approval come from those commits; fetch the full history (e.g. 'fetch-depth: 0') first"
)
# One commit of `git log -z`: \x01, its id, then \x02-separated fields (the subject is free text).
_HEADER = re.compile(rb"\x01(?:[0-9a-f]{40}|[0-9a-f]{64})\x02")
_ARGUMENT_BYTES = 100_000  # paths per git call: well below any system's command-line limit


class GitError(UsageError):
    """git refused or failed in a way the user must act on."""


@dataclass(frozen=True)
class Checkout:
    """What git says about the work tree holding the EMS folder."""

    commit: str | None  # HEAD, None outside git or before the first commit
    clean: bool  # no uncommitted change under the EMS folder
    shallow: bool  # history cut off: revisions counted from it are too low


def available() -> bool:
    return shutil.which("git") is not None


def _run(cwd: Path, *args: str, stdin: bytes | None = None, filters: Iterable[str] = ()) -> bytes:
    """Run git with the hardening; stdout as bytes. A refusal for ownership is a GitError."""
    if not available():
        raise GitError("git was not found on PATH: install git to use this option")
    config = [*_HARDENING, *(f"filter.{name}.{key}=" for name in filters for key in _FILTER_KEYS)]
    command = ["git", "--no-pager", *(a for c in config for a in ("-c", c)), *args]
    done = subprocess.run(
        command,
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env={**os.environ, **_ENV},
        check=False,
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace")
        if "dubious ownership" in message:
            raise GitError(_dubious(cwd))
        raise _Failed(message.strip())
    return done.stdout


_FILTER_KEYS = ("clean", "smudge", "process", "required")


class _Failed(Exception):
    """git exited non-zero for a reason the caller turns into its own message."""


def _dubious(path: Path) -> str:
    return (
        f"git refuses to read {path}: it is owned by another user (dubious ownership); if you "
        f"trust it, run: git config --global --add safe.directory {path.resolve()}"
    )


def _top(path: Path) -> Path | None:
    """The work tree's top folder, or None outside git (a GitError for dubious ownership)."""
    try:
        out = _run(path, "rev-parse", "--show-toplevel")
    except _Failed:
        return None
    return Path(os.fsdecode(out.rstrip(b"\n"))).resolve()


def _inside(path: Path, top: Path) -> str:
    return path.resolve().relative_to(top).as_posix()


def in_work_tree(path: Path) -> bool:
    try:
        return _top(path) is not None
    except GitError:
        return True  # someone else's repository: certainly not ours to 'git init' over


def init_repository(path: Path) -> None:
    _run(path, "init", "-q")


def resolve_commit(path: Path, ref: str) -> str:
    """The commit id ``ref`` names (any revision syntax git knows); exit 2 when it names none."""
    if not ref.strip():
        raise UsageError("the revision is empty: give a commit, branch or tag")
    if not available():
        raise GitError(f"git was not found on PATH, so {ref!r} cannot be read: install git")
    if _top(path) is None:
        raise UsageError(f"{path} is not in a git repository, so there is no {ref!r}")
    try:
        out = _run(path, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}")
    except _Failed:
        raise UsageError(f"{ref!r} is not a commit, branch or tag of this git repository") from None
    return out.decode("ascii").strip()


def state(path: Path) -> Checkout:
    """HEAD, cleanliness and shallowness of the work tree under ``path``; outside git (or
    without git) no commit. Raises GitError when git refuses the repository's owner."""
    commit = head(path)
    top = _top(path) if commit else None
    if commit is None or top is None:
        return Checkout(None, False, False)
    inside = _inside(path, top)
    status = _run(top, "status", "--porcelain=v1", "-z", "--untracked-files=all",
        "--ignore-submodules=all", "--", inside, filters=_filter_names(top))  # fmt: skip
    return Checkout(commit, not _changes(status, top), is_shallow(top))


def head(path: Path) -> str | None:
    """HEAD's commit; None outside git or before the first commit (GitError: refused)."""
    if not available() or _top(path) is None:
        return None
    try:
        return _run(path, "rev-parse", "--verify", "--quiet", "HEAD^{commit}").decode().strip()
    except _Failed:
        return None  # no commit yet


def _changes(status: bytes, top: Path) -> list[str]:
    """The changed or untracked files of ``git status -z``, less the packs emskit wrote:
    a pack built inside the repository must not make the next pack refuse as dirty."""
    from emskit.repo.pack_output import within_pack_output

    entries = iter(status.split(b"\0"))
    changed: list[str] = []
    cache: dict[str, bool] = {}
    for entry in entries:
        if not entry:
            continue
        code, name = entry[:2], os.fsdecode(entry[3:])
        if b"R" in code or b"C" in code:
            next(entries, None)  # a rename's or copy's second name is its source
        if not within_pack_output(top, name, cache):
            changed.append(name)
    return changed


def last_commit_date(path: Path) -> str | None:
    """The date (YYYY-MM-DD, committer's) of the newest commit touching ``path``; None outside
    git, before the first commit, or without git."""
    top = _top(path) if available() else None
    if top is None:
        return None
    try:
        out = _run(
            top, "log", "-1", "--no-show-signature", "--format=%cs", "--", _inside(path, top)
        )
    except _Failed:
        return None
    return out.decode("ascii", "replace").strip() or None


def is_shallow(path: Path) -> bool:
    """Whether the clone's history is cut off (``git clone --depth N``, CI checkouts)."""
    return _run(path, "rev-parse", "--is-shallow-repository").strip() == b"true"


def _filter_names(top: Path) -> list[str]:
    """Configured filter drivers: status would run their clean command on changed files."""
    try:
        out = _run(top, "config", "-z", "--name-only", "--get-regexp", r"^filter\.")
    except _Failed:
        return []  # no such key
    names = {
        n.split(".", 1)[1].rsplit(".", 1)[0]
        for n in out.decode("utf-8", "replace").split("\0")
        if n
    }
    return sorted(names)


def export_at(path: Path, ref: str, dest: Path) -> Path:
    """Write the content of ``path`` (a folder in a git work tree) as of commit ``ref`` into
    ``dest``, from the commit's blobs as stored (no export attributes, no filters), without
    touching the work tree. Returns the folder to read (``dest``)."""
    commit = resolve_commit(path, ref)
    top = _top(path)
    assert top is not None  # resolve_commit found the repository
    inside = _inside(path, top)
    spec = f"{commit}^{{tree}}" if inside == "." else f"{commit}:{inside}^{{tree}}"
    try:
        tree = _run(top, "rev-parse", "--verify", "--quiet", "--end-of-options", spec)
    except _Failed:
        raise UsageError(f"the repository folder {inside!r} did not exist at {ref!r}") from None
    listing = _run(top, "ls-tree", "-r", "-z", "--full-tree", tree.decode().strip())
    blobs: list[tuple[str, str, PurePosixPath]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, oid = meta.decode().split(" ")
        rel = PurePosixPath(os.fsdecode(name))
        # git's own fsck rejects these; a crafted object might not have been checked.
        if (
            kind == "blob"
            and rel.parts
            and all(p not in ("", ".", "..", ".git") for p in rel.parts)
        ):
            blobs.append((mode, oid, rel))
    dest.mkdir(parents=True, exist_ok=True)
    for (mode, _, rel), data in zip(blobs, _blob_contents(top, [b[1] for b in blobs]), strict=True):
        target = dest.joinpath(*rel.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        if mode == "120000":
            _link_inside(target, os.fsdecode(data), dest)
        else:
            target.write_bytes(data)
    return dest


def _link_inside(target: Path, link: str, dest: Path) -> None:
    """Recreate a committed symlink only if it stays inside ``dest``: a commit is user data,
    and a link out of it must not reach the machine's files."""
    resolved = (target.parent / link).resolve()
    if not os.path.isabs(link) and resolved.is_relative_to(dest.resolve()):
        os.symlink(link, target)


def _blob_contents(top: Path, oids: list[str]) -> Iterator[bytes]:
    """The raw content of each blob, in order, from one ``git cat-file --batch``."""
    if not oids:
        return
    config = [a for c in _HARDENING for a in ("-c", c)]
    process = subprocess.Popen(
        ["git", "--no-pager", *config, "cat-file", "--batch", "--buffer"],
        cwd=top,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **_ENV},
    )
    assert process.stdin is not None and process.stdout is not None
    stdin = process.stdin

    def feed() -> None:  # a thread, so a full stdout pipe never deadlocks a full stdin pipe
        try:
            stdin.write(b"".join(oid.encode() + b"\n" for oid in oids))
            stdin.close()
        except OSError:
            pass  # git stopped reading: the reader below says why

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    try:
        for _ in oids:
            header = process.stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob":
                raise UsageError(f"git could not read a blob of the commit ({header!r})")
            data = process.stdout.read(int(header[2]))
            process.stdout.read(1)  # the newline after each object
            yield data
    finally:
        # Stopped early or finished: git must not wait on a pipe nobody reads any more.
        process.stdout.close()
        if process.poll() is None:
            process.kill()
        writer.join()
        process.wait()


@dataclass(frozen=True)
class FileChange:
    """One commit's change of one file: who, when, and the blob before and after it (against
    the first parent; "" where the file did not exist on that side)."""

    commit: str
    date: str  # author date, YYYY-MM-DD
    author: str
    email: str
    subject: str
    file: str  # as the caller named it (relative to its folder)
    old: str
    new: str


def file_changes(path: Path, files: list[str], until: str | None = None) -> list[FileChange]:
    """Every change of the files (relative to ``path``), newest first, up to ``until`` (a
    commit) or HEAD: one ``git log`` per batch of their folders. Nothing outside git or
    before the first commit. Merges add no change of their own (each side's do)."""
    top = _top(path) if available() else None
    if top is None or not files:
        return []
    prefix = "" if (inside := _inside(path, top)) == "." else inside + "/"
    wanted = {prefix + f: f for f in files}
    folders = {prefix + (f.rpartition("/")[0] or f) for f in files}  # a few: a fast pathspec
    out: list[FileChange] = []
    for batch in _batches(sorted(folders)):
        try:
            log = _run(top, "log", "-z", "--raw", "--no-abbrev", "--no-renames", "--no-textconv",
                "--no-ext-diff", "--no-show-signature", "--format=\x01%H\x02%as\x02%an\x02%ae\x02%s",
                until or "HEAD", "--", *batch)  # fmt: skip
        except _Failed:
            return []
        out += _parse_changes(log, wanted)
    return out  # each file is in one batch: its changes stay in git's order


def _parse_changes(log: bytes, wanted: dict[str, str]) -> list[FileChange]:
    out: list[FileChange] = []
    header: list[str] = []
    blobs: tuple[str, str] = ("", "")
    for token in log.split(b"\0"):
        if _HEADER.match(token):
            header = token[1:].decode("utf-8", "replace").split("\x02", 4)
        elif token.startswith((b":", b"\n:")):  # ":100644 100644 OLD NEW M"
            meta = token.decode("ascii", "replace").split()
            blobs = tuple(o if o.strip("0") else "" for o in meta[2:4])  # type: ignore[assignment]
        elif header and (file := wanted.get(os.fsdecode(token))) is not None:
            out.append(FileChange(*header, file, *blobs))  # type: ignore[call-arg]
    return out


def read_blobs(path: Path, oids: list[str]) -> dict[str, bytes]:
    """The content of each blob (one ``git cat-file --batch`` for all of them)."""
    top = _top(path) if available() else None
    unique = sorted(set(oids))
    if top is None or not unique:
        return {}
    return dict(zip(unique, _blob_contents(top, unique), strict=True))


def file_histories(
    path: Path, files: list[str], until: str | None = None
) -> dict[str, list[tuple[str, str, str, str]]]:
    """Each file's commits, newest first, as (commit, ISO date, author, subject)."""
    out: dict[str, list[tuple[str, str, str, str]]] = {f: [] for f in files}
    for c in file_changes(path, files, until):
        out[c.file].append((c.commit, c.date, c.author, c.subject))
    return out


def _batches(paths: list[str]) -> Iterator[list[str]]:
    batch: list[str] = []
    size = 0
    for path in paths:
        if batch and size + len(path) + 1 > _ARGUMENT_BYTES:
            yield batch
            batch, size = [], 0
        batch.append(path)
        size += len(os.fsencode(path)) + 1
    if batch:
        yield batch
