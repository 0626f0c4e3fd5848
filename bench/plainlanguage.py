"""How long the plain-language check takes on 1,000 items; prints the figures.

    PYTHONPATH=plugins .venv/bin/python -m bench.plainlanguage [ITEMS]

The texts are sentences of the real content, mixed per item, plus per paragraph a compound of two of
its words and a made-up word that no list knows (the slowest path: every compound split is tried);
both keep the caches from flattering the figures. Run it in a fresh process: the first figures are
the cold ones a build pays once. Times are CPU seconds of this process, which other load on the
machine disturbs less than wall-clock time; rendering the same Markdown with markdown-it, which
every build does, is printed beside them as a yardstick.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from werkplaatsen.system.places import ROOT

SYLLABLES = ("ka", "lo", "ver", "mid", "stra", "pen", "dul", "ros", "kwe", "tij", "bon", "sel")


def corpus_sentences() -> list[str]:
    """Every sentence-like line of the real content's bodies and text fields."""
    sentences = []
    for path in sorted((ROOT / "content").rglob("*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---", 2)
        values = [value for value in yaml.safe_load(front).values() if isinstance(value, str)]
        for text in [*values, *body.split("\n")]:
            if len(text.split()) > 4 and not text.startswith(("#", "-", "|")):
                sentences += [part.strip() + "." for part in text.split(". ") if part.strip()]
    return sentences


def made_up_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 6)))


def items(count: int, rng: random.Random) -> list[tuple[str, str, str]]:
    """(title, summary, Markdown body): four sections of a heading, a paragraph and a list."""
    pool = corpus_sentences()
    vocabulary = sorted({word.lower() for sentence in pool for word in sentence.split() if word.isalpha()})
    made = []
    for number in range(count):
        def paragraph():
            compound = rng.choice(vocabulary) + rng.choice(vocabulary)
            return " ".join(rng.sample(pool, 4)) + f" Het trio noemt dat {compound} {made_up_word(rng)}."
        body = "\n\n".join(f"## Deel {part} van item {number}\n\n{paragraph()}\n\n- {rng.choice(pool)}\n- "
                           f"{rng.choice(pool)}" for part in range(1, 5))
        made.append((f"Item {number}: {rng.choice(pool)}", rng.choice(pool), body))
    return made


def main(count: int = 1000) -> None:
    rng = random.Random(20)
    generated = items(count, rng)
    render = MarkdownIt().render
    before_markdown = time.process_time()
    html = [render(body) for _, _, body in generated]
    markdown = time.process_time() - before_markdown
    names = [f"Persoon {n} Achternaam{n}" for n in range(count // 20)]

    started = time.process_time()
    from werkplaatsen.plainlanguage import Checker, aggregate, blocks_from_html, warm_up
    imported = time.process_time()
    warm_up()
    warmed = time.process_time()
    checker = Checker(names)
    made_checker = time.process_time()

    def check_all() -> list:
        reports = []
        for (title, summary, _), page in zip(generated, html):
            reports += [checker.check([title], "titel"), checker.check([summary], "samenvatting"),
                        checker.check(blocks_from_html(page), "tekst")]
        return reports

    reports = check_all()
    cold = time.process_time()
    check_all()
    warm = time.process_time()
    single = []
    for number in rng.sample(range(count), 20):
        before = time.process_time()
        title, summary, _ = generated[number]
        checker.check([title], "titel"), checker.check([summary], "samenvatting")
        checker.check(blocks_from_html(html[number]), "tekst")
        single.append(time.process_time() - before)

    site = aggregate(reports)
    print(f"items: {count}, texts: {site.texts}, sentences: {site.sentences}, words: {site.words}, "
          f"findings: {sum(site.findings.values())}")
    print(f"import of the package:                {imported - started:6.3f} s")
    print(f"loading hyphenation and frequencies:  {warmed - imported:6.3f} s")
    print(f"word lists and accepted names:        {made_checker - warmed:6.3f} s")
    print(f"checking every text, cold caches:     {cold - made_checker:6.3f} s  "
          f"({(cold - made_checker) / count * 1000:.2f} ms per item)")
    print(f"total a cold build pays:              {cold - started:6.3f} s")
    print(f"checking every text again, warm:      {warm - cold:6.3f} s")
    print(f"one item again (preview), median:     {statistics.median(single) * 1000:6.2f} ms")
    print(f"yardstick, markdown-it on the bodies: {markdown:6.3f} s  (cold check / markdown: "
          f"{(cold - made_checker) / markdown:.2f}, warm: {(warm - cold) / markdown:.2f})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
