"""Entity-free English prose from the standard library's docstrings.

The interpreter running this script ships megabytes of plain English. Sentences with
capitalised words in mid-sentence are kept only when those words are frequent in the corpus
(technical terms like "Unicode"), so the harvested text is overwhelmingly free of names and
places and can serve as negative training data without labels.
"""

from __future__ import annotations

import ast
import re
import sysconfig
from collections import Counter
from pathlib import Path

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_BAD = re.compile(r"[()\[\]{}=<>_`*#|\\/:@$%^~\"]|\.\w|\d{3,}|>>>|--")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def _docstrings(root: Path, limit_files: int) -> list[str]:
    out: list[str] = []
    skip = {"test", "tests", "site-packages", "idlelib", "lib2to3"}
    files = sorted(p for p in root.rglob("*.py") if not skip & set(p.relative_to(root).parts))
    for path in files[:limit_files]:
        try:
            tree = ast.parse(path.read_text(encoding="utf-8", errors="ignore"))
        except (SyntaxError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node)
                if doc:
                    out.append(doc)
    return out


def _roots() -> list[Path]:
    """The standard library, then the installed packages (minus Faker, whose sources hold
    name and address lists that must not become unlabelled negatives)."""
    site = Path(sysconfig.get_paths()["purelib"])
    packages = sorted(p for p in site.iterdir() if p.is_dir() and not p.name.startswith(("faker", "_"))
                      and "dist-info" not in p.name)
    return [Path(sysconfig.get_paths()["stdlib"]), *packages]


def harvest(limit_files: int = 300) -> list[str]:
    """Sentences of 5-35 words, deterministic order, no code-looking fragments."""
    docs: list[str] = []
    for i, root in enumerate(_roots()):
        docs.extend(_docstrings(root, 4000 if i == 0 else limit_files))
    sentences: list[str] = []
    for doc in docs:
        for para in re.split(r"\n\s*\n", doc):
            para = " ".join(para.split())
            for s in _SENT.split(para):
                words = s.split()
                if 5 <= len(words) <= 35 and not _BAD.search(s) and s[-1:] in ".!?":
                    sentences.append(s)
    caps = Counter(w for s in sentences for w in _WORD.findall(s)[1:] if w[0].isupper())
    keep: list[str] = []
    seen: set[str] = set()
    for s in sentences:
        mids = [w for w in _WORD.findall(s)[1:] if w[0].isupper() and w != "I" and not w.isupper()]
        if all(caps[w] >= 25 for w in mids) and s not in seen:
            seen.add(s)
            keep.append(s)
    return keep


def _inflections(word: str) -> set[str]:
    stem = word[:-1] if word.endswith("e") else word
    return {word, word + "s", word + "es", stem + "ed", stem + "ing", word + "d", word + "ly", word + "er"}


def common_words(texts: list[str], min_count: int = 2) -> list[str]:
    """Lowercase words seen at least `min_count` times in the prose, plus Faker's list of about
    a thousand everyday English words (its lorem provider) and their regular inflections."""
    from faker.providers.lorem.en_US import Provider as Lorem

    counts = Counter(w for t in texts for w in _WORD.findall(t) if w.islower())
    words = {w for w, c in counts.items() if c >= min_count and len(w) > 1}
    for w in Lorem.word_list:
        words |= _inflections(w)
    return sorted(words)
