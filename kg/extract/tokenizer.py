"""A regex tokenizer for the extraction pipeline (about ten times faster than spaCy's rule tokenizer).

The extractor needs token boundaries only where names start and end, so one regex is
enough: a run of letters/digits (with inner dots, "Qwen2.5", "3.1") is a token, every
other non-space character is a token of its own ("LoRA" "-" "based", "(" "GRPO" ")"),
and whitespace other than one space after a token is kept as a token ("\\n"), so
``doc.text`` is exactly the input. Gazetteer patterns are tokenized by the same
tokenizer, so matching is consistent by construction.

Speed: the pipeline's texts have single spaces (see :func:`kg.extract.text.clean_text`),
and no token holds a space or reaches across one, so a text is the space-separated chunks
("(GRPO),") tokenized one by one, each chunk's last token followed by the space. Chunks
recur from paper to paper ("the", "model,"), so each chunk's token ids are remembered
and a text becomes a Doc through C-level lookups instead of one regex match per token.
"""
from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.vocab import Vocab

_TOKEN = re.compile(r"([^\W_]+(?:\.[^\W_]+)*|\S|\s)( ?)")
# Distinct chunks remembered (their token ids); past this the memo starts afresh.
_MAX_MEMO = 500_000


class _SpacePattern(dict):
    """Byte length of a chunk's ids -> its tokens' spaces: none but after the last token."""

    def __missing__(self, size: int) -> bytes:
        pattern = self[size] = b"\0" * (size // 8 - 1) + b"\1"
        return pattern


class RegexTokenizer:
    """Callable like ``nlp.tokenizer``: ``text -> Doc`` (and ``pipe`` for many texts)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        # chunk -> the StringStore ids of its tokens as 8-byte integers: a text's ids are then one
        # bytes join (a tuple of ints would touch every int object, scattered in memory)
        self._memo: dict[str, bytes] = {}
        self._spaces = _SpacePattern()

    def __call__(self, text: str) -> Doc:
        chunks = text.split(" ")
        if "" in chunks:  # a space at either end or two in a row: the plain regex path
            return self._doc(_TOKEN.findall(text), text)
        memo = self._memo
        if len(memo) > _MAX_MEMO:
            memo.clear()
        parts = list(map(memo.get, chunks))  # one lookup per chunk: each is a cache miss or two
        if None in parts:
            self._fill(parts, chunks)
        # Doc only iterates over its words and spaces: the ids as a memoryview of 8-byte integers and the
        # spaces as a bytearray of 0/1 spare two lists of a few hundred objects per text
        orths = memoryview(b"".join(parts)).cast("Q")
        spaces = bytearray(b"".join(map(self._spaces.__getitem__, map(len, parts))))
        spaces[-1] = 0  # the last chunk has no space after it
        return self._finish(Doc(self.vocab, words=orths, spaces=spaces), text)

    def _fill(self, parts: list[bytes | None], chunks: list[str]) -> None:
        """Tokenize the chunks new to the memo (``None`` in ``parts``, found by C-level scans)."""
        try:
            i = parts.index(None)
            while True:
                parts[i] = self._remember(chunks[i])
                i = parts.index(None, i + 1)
        except ValueError:  # no None left
            pass

    def _remember(self, chunk: str) -> bytes:
        """Tokenize one chunk (the same matches as inside a text: no match spans a space)."""
        ids = self._memo.get(chunk)  # the chunk may occur twice in one text
        if ids is None:
            words = [w for w, _ in _TOKEN.findall(chunk)]
            ids = self._memo[chunk] = array("Q", map(self.vocab.strings.add, words)).tobytes()
        return ids

    def _doc(self, pairs: list[tuple[str, str]], text: str) -> Doc:
        """A Doc from (word, gap) regex matches; a gap is " " or ""."""
        words = [w for w, _ in pairs]
        spaces = [bool(g) for _, g in pairs]
        return self._finish(Doc(self.vocab, words=words, spaces=spaces), text)

    @staticmethod
    def _finish(doc: Doc, text: str) -> Doc:
        doc.user_data["kg_text"] = text  # spaCy rebuilds doc.text from tokens on each access
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize many texts (``batch_size`` is accepted for spaCy compatibility)."""
        for text in texts:
            yield self(text)
