"""Code links: GitHub, GitLab and Hugging Face URLs, normalised to ``https://<host>/<owner>/<repo>``."""
from __future__ import annotations

import re

_URL = re.compile(
    r"(?:https?://)?(?:www\.)?(github\.com|gitlab\.com|huggingface\.co)/"
    r"((?:spaces/|datasets/)?[A-Za-z0-9][\w.\-]*)/([A-Za-z0-9][\w.\-]*)",
    re.IGNORECASE,
)
_NOT_OWNERS = frozenset({"orgs", "topics", "features", "about", "login", "sponsors", "settings", "search", "papers", "docs", "blog"})


def normalise_repo(host: str, owner: str, repo: str) -> str | None:
    """``https://github.com/owner/repo`` from URL parts, or None for non-repository pages.

    Lower-cases the host (owner and repo keep their case: GitHub shows them so),
    drops a ``.git`` suffix and trailing punctuation.
    """
    host = host.lower()
    repo = re.sub(r"\.git$", "", repo.rstrip(".,;:)"))
    owner = owner.rstrip("/")
    if not repo or owner.lower() in _NOT_OWNERS:
        return None
    return f"https://{host}/{owner}/{repo}"


# Every match of _URL holds one of these, whatever its case: ends of the hosts without the letters
# (i, k, s) that case-insensitive matching also pairs with other characters ("ı", "K", "ſ")
_HOST_TAILS = ("hub.com", "lab.com", "face.co")


def find_repos(*texts: str) -> tuple[str, ...]:
    """All distinct code links in the texts, in order of first appearance.

    Args:
        texts: abstract, comment, ... (any may be empty).

    Returns:
        Normalised URLs, e.g. ``("https://github.com/owner/repo",)``.
    """
    out: dict[str, None] = {}
    for text in texts:
        if not text or ".co" not in text:
            continue
        low = text.lower()
        if not any(h in low for h in _HOST_TAILS):  # most ".co"s are other sites' ".com": no regex over them
            continue
        for m in _URL.finditer(text):
            url = normalise_repo(*m.groups())
            if url:
                out.setdefault(url, None)
    return tuple(out)
