"""Every git call emskit makes, through gitpython (imported only by the commands that need it)."""

from __future__ import annotations

from pathlib import Path


def in_work_tree(path: Path) -> bool:
    import git

    try:
        git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return False
    return True


def init_repository(path: Path) -> None:
    import git

    git.Repo.init(path)


def available() -> bool:
    try:
        import git  # noqa: F401 - gitpython raises ImportError when no git executable is found
    except ImportError:
        return False
    return True


def export_at(path: Path, ref: str, dest: Path) -> Path:
    """Write the content of ``path`` (a folder in a git work tree) as of commit ``ref`` into
    ``dest``, without touching the work tree. Returns the folder to read (``dest``)."""
    import io
    import tarfile

    import git

    from emskit.errors import UsageError

    try:
        repo = git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise UsageError(
            f"{path} is not in a git repository, so there is no {ref!r} to compare with"
        ) from None
    try:
        commit = repo.commit(ref)
    except (git.BadName, ValueError, git.GitCommandError):
        raise UsageError(f"{ref!r} is not a commit, branch or tag of this git repository") from None
    top = Path(repo.working_tree_dir or path).resolve()
    inside = path.resolve().relative_to(top).as_posix()
    treeish = commit.hexsha if inside == "." else f"{commit.hexsha}:{inside}"
    stream = io.BytesIO()
    try:
        repo.archive(stream, treeish=treeish, format="tar")
    except git.GitCommandError:
        raise UsageError(f"the repository folder {inside!r} did not exist at {ref!r}") from None
    stream.seek(0)
    with tarfile.open(fileobj=stream) as archive:
        archive.extractall(dest, filter=_safe_member)
    return dest


def _safe_member(member, dest):  # type: ignore[no-untyped-def]
    """tarfile's 'data' filter, skipping (not failing on) links that would leave ``dest``:
    a commit is user data, and one bad link must not stop the rest being read."""
    import tarfile

    try:
        return tarfile.data_filter(member, dest)
    except tarfile.FilterError:
        return None


def state(path: Path) -> tuple[str | None, bool]:
    """(HEAD commit id, whether the work tree under ``path`` is clean); (None, False) outside git."""
    import git

    try:
        repo = git.Repo(path, search_parent_directories=True)
        commit = repo.head.commit.hexsha
    except (git.InvalidGitRepositoryError, git.NoSuchPathError, ValueError):
        return None, False
    top = Path(repo.working_tree_dir or path).resolve()
    inside = path.resolve().relative_to(top).as_posix()
    dirty = repo.is_dirty(untracked_files=True, path=None if inside == "." else inside)
    return commit, not dirty


def resolve_commit(path: Path, ref: str) -> str:
    import git

    from emskit.errors import UsageError

    try:
        return git.Repo(path, search_parent_directories=True).commit(ref).hexsha
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise UsageError(f"{path} is not in a git repository, so there is no {ref!r}") from None
    except (git.BadName, ValueError, git.GitCommandError):
        raise UsageError(f"{ref!r} is not a commit, branch or tag of this git repository") from None


def file_histories(
    path: Path, files: list[str], until: str | None = None
) -> dict[str, list[tuple[str, str, str, str]]]:
    """For each file (relative to ``path``): its commits, newest first, as (commit, ISO date,
    author, subject), up to ``until`` (a commit) or HEAD. One git call for all files."""
    import git

    try:
        repo = git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return {}
    top = Path(repo.working_tree_dir or path).resolve()
    prefix = path.resolve().relative_to(top).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    wanted = {prefix + f: f for f in files}
    out: dict[str, list[tuple[str, str, str, str]]] = {f: [] for f in files}
    try:
        log = repo.git.log(
            until or "HEAD", "--format=\x01%H\x02%as\x02%an\x02%s", "--name-only", "--", *wanted
        )
    except git.GitCommandError:
        return out
    for chunk in log.split("\x01")[1:]:
        header, _, names = chunk.partition("\n")
        commit, date, author, subject = header.split("\x02", 3)
        for name in names.split():
            if name in wanted:
                out[wanted[name]].append((commit, date, author, subject))
    return out
