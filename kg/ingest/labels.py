"""Field labels of digest entries in the wild, mapped to the record's fields.

Forks of the digest tool rename labels and translate them; a label is normalised
(lower case, no spaces/underscores/hyphens/dots) and looked up here. Labels not
listed are kept as they were written in ``Summary.extra``.
"""
from __future__ import annotations

import re

from kg.ingest.label_translations import TRANSLATED_BLOCK_LABELS, TRANSLATED_LABELS

_SYNONYMS: dict[str, tuple[str, ...]] = {
    "abstract": ("abstract", "originalabstract", "englishabstract", "abstract(en)", "paperabstract",
                 "摘要", "原文摘要", "英文摘要", "论文摘要", "論文摘要", "초록", "원문초록", "영문초록", "논문초록", "抄録", "概要"),
    "tldr": ("tl;dr", "tldr", "tl;dr;", "tl,dr", "要点", "一句话总结", "一句话概括", "太长不看", "要約",
             "요약", "한줄요약", "핵심요약", "세줄요약", "핵심"),
    "motivation": ("motivation", "motivations", "动机", "研究动机", "動機", "研究動機", "研究背景", "동기", "연구동기"),
    "method": ("method", "methods", "methodology", "approach", "方法", "研究方法", "手法", "提案手法", "방법", "방법론"),
    "result": ("result", "results", "结果", "实验结果", "結果", "実験結果", "결과", "실험결과"),
    "conclusion": ("conclusion", "conclusions", "结论", "結論", "まとめ", "결론"),
    "keywords": ("keywords", "keyword", "keyterms", "关键词", "关键字", "關鍵詞", "キーワード", "키워드", "핵심어"),
    "category": ("category", "categories", "maincategory", "primarycategory", "primary", "primarysubject", "subjects", "subject",
                 "主分类", "分类", "类别", "主类别", "主要分类", "分野", "カテゴリ", "カテゴリー", "主カテゴリ", "카테고리", "주카테고리", "분류", "주분류", "분야"),
    "comment": ("comment", "comments", "备注", "注释", "コメント", "코멘트", "비고"),
    "authors": ("authors", "author", "作者", "著者", "저자"),
    "translated_title": ("translatedtitle", "标题翻译", "中文标题", "翻译标题", "译题", "제목번역", "번역제목", "한국어제목"),
}

LABELS: dict[str, str] = {variant: canonical for canonical, variants in _SYNONYMS.items() for variant in variants}

# Labels that name where a paper is rather than what it says: digests without paper headings
# (kg.ingest.blocks) write the title and the link as fields or table columns ("| Title | Link |",
# "arXiv: 2601.11153 | cs.GT"). The heading reader does not use them: there the heading holds both.
# "Paper: [Title](url)" and "Paper: https://arxiv.org/abs/ID" both occur: a title field is read
# for its text, and the id is looked for everywhere, so "paper" is a title.
_BLOCK_SYNONYMS: dict[str, tuple[str, ...]] = {
    "title": ("title", "papertitle", "paper", "name", "标题", "论文", "论文标题", "論文標題", "题目", "タイトル", "論文",
              "論文名", "제목", "논문", "논문제목"),
    "link": ("link", "links", "url", "arxiv", "arxivid", "arxivlink", "arxivurl", "id", "pdf", "abs", "paperlink",
             "链接", "论文链接", "地址", "リンク", "링크", "논문링크"),
}
BLOCK_LABELS: dict[str, str] = {
    **LABELS, **{variant: canonical for canonical, variants in _BLOCK_SYNONYMS.items() for variant in variants}
}

_GLOSS_RE = re.compile(r"^([^()（）]+?)\s*[(（]([^()（）]+)[)）]\s*[:：]?\s*$")  # "Label (gloss)", "概要（英語原文）"
# "**【摘要】**:" is the label 摘要, "**W skrócie —**" the label "W skrócie"
_NORMALISE_RE = re.compile(r"[\s_\-.·【】〖〗［］\[\]—–:：]+")
# Forks decorate labels with emoji or symbols ("**📝 Abstract**:", "**🎯 Motivation**"): symbols
# (Unicode S*), variation selectors and joiners are not part of a label.
#: the symbol ranges as a regex character-class body (also what kg.ingest.entry strips before a cell)
SYMBOLS = "\u2190-\u2bff\ufe0e\ufe0f\u200d\U0001f000-\U0001faff"
_SYMBOLS_RE = re.compile(f"[{SYMBOLS}]+")
# "【标题】Title", "〖摘要〗text", "[TL;DR] text": a label in brackets opening a line, its value after
# it (a colon may follow). The readers take the ASCII form for a known label only: "[Title](url)" is
# a link and "[3] Title" a number, neither starts with a letter and a closing bracket followed by text.
BRACKET_LABEL = (
    r"(?P<bopen>[【〖［\[])(?P<klabel>(?:[" + SYMBOLS + r"]+[ \t]*)?[^\W\d][^\[\]【】〖〗［］\n]{0,29}?)[\]】〗］]"
    r"(?![(\[])[ \t]*+[:：]?[ \t]*+(?P<kvalue>[^\n]*)"
)
BRACKET_LABEL_RE = re.compile(BRACKET_LABEL)
_SEEN: dict[str, str | None] = {}
_SEEN_MAX = 4096


def canonical_label(label: str) -> str | None:
    """The record field a label stands for ("Main category" -> "category"), or ``None`` if unknown.

    A label with a gloss in parentheses stands for what either part names: "Röviden (TL;DR)",
    "Kivonat (angol eredeti)" (the part before is "Kivonat", an abstract).

    >>> canonical_label("초록"), canonical_label("TL;DR"), canonical_label("AI_Comments")
    ('abstract', 'tldr', None)
    >>> canonical_label("Коротко (TL;DR)"), canonical_label("Motiváció")
    ('tldr', 'motivation')
    """
    try:
        return _SEEN[label]
    except KeyError:
        pass
    key = LABELS.get(_normalise(label))
    if key is None and ("(" in label or "（" in label):
        m = _GLOSS_RE.match(label)
        if m is not None:
            key = LABELS.get(_normalise(m.group(1))) or LABELS.get(_normalise(m.group(2)))
    if len(_SEEN) < _SEEN_MAX:  # digests repeat a handful of labels; arbitrary text must not grow it forever
        _SEEN[label] = key
    return key


def block_label(label: str) -> str | None:
    """:func:`canonical_label`, and also "title" and "link" for the labels of :data:`_BLOCK_SYNONYMS`.

    >>> block_label("Authors"), block_label("arXiv"), block_label("タイトル"), block_label("Notes")
    ('authors', 'link', 'title', None)
    """
    return canonical_label(label) or BLOCK_LABELS.get(_normalise(label))


_LEAD_SYMBOLS_RE = re.compile(f"^[{SYMBOLS}\\s]+")


def lstrip_symbols(text: str) -> str:
    """``text`` without the emoji and symbols a fork puts before it ("📌 Title", "📄 Titre").

    >>> lstrip_symbols("📌 Small Wins Big"), lstrip_symbols("3D Gaussians")
    ('Small Wins Big', '3D Gaussians')
    """
    return _LEAD_SYMBOLS_RE.sub("", text) if text[:1] and not text[0].isalnum() else text


def _normalise(label: str) -> str:
    """``label`` as the tables list it: lower case, without spaces, ``_-.·`` and symbols.

    >>> _normalise("📝 Abstract"), _normalise("🛠️ Method"), _normalise("TL;DR")
    ('abstract', 'method', 'tl;dr')
    """
    return _NORMALISE_RE.sub("", _SYMBOLS_RE.sub("", label.lower()))


def _add_translations() -> None:
    """Translated labels (kg.ingest.label_translations) join both tables; a form listed for two fields is an error."""
    for table, translations in ((LABELS, TRANSLATED_LABELS), (BLOCK_LABELS, TRANSLATED_LABELS),
                                (BLOCK_LABELS, TRANSLATED_BLOCK_LABELS)):
        for canonical, variants in translations.items():
            for variant in variants:
                if table.setdefault(_normalise(variant), canonical) != canonical:
                    raise ValueError(f"the label {variant!r} is listed for two fields")


_add_translations()
