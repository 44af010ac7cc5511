"""The eval scorer on invented gold articles and hand-built predictions."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.errors import InputError
from frontwatch.eval.score import (
    EvalReport,
    GoldCorpus,
    default_same_region,
    is_coreference,
    load_gold,
    report_as_dict,
    score,
)
from frontwatch.records import (
    Actor,
    Claim,
    Document,
    Extraction,
    PartialDate,
    Place,
    PlaceMention,
    Source,
    Stance,
)

TEXT_A = (
    "Le ministère russe affirme avoir pris Ugledar le 3 mars. "
    "Kyiv dément et dit que les combats continuent à Vougledar. "
    "Des blindés russes avancent vers Novoselivka."
)
TEXT_B = "The army says it repelled an assault on Kupiansk. The town is calm, a mayor said."

VUHLEDAR = Place(690823, "Vuhledar", 47.78, 37.25, "Donetsk Oblast", "UA", "PPLA3")
KUPIANSK = Place(704147, "Kupiansk", 49.71, 37.61, "Kharkiv Oblast", "UA", "PPLA2")
NOVOSELIVKA_KH = Place(1, "Novoselivka", 49.9, 36.9, "Kharkiv Oblast", "UA", "PPL")
NOVOSELIVKA_DN = Place(2, "Novoselivka", 48.0, 37.5, "Donetsk Oblast", "UA", "PPL")


def _gold_claim(**fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "place": "Vuhledar", "place_mention": "Ugledar", "admin1": "Donetsk Oblast",
        "kind": "capture", "actor": "RU", "stance": "asserts",
        "source": "Russian Ministry of Defence", "source_side": "RU", "date": "2023-03-03",
        "evidence": "Le ministère russe affirme avoir pris Ugledar le 3 mars.",
    }
    base.update(fields)
    return base


def _write(folder: Path, doc_id: str, text: str, claims: list[dict[str, Any]],
           *, lang: str = "fr", published: str | None = "2023-03-05") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    article = {"id": doc_id, "lang": lang, "url": f"https://example.org/{doc_id}",
               "published": published, "published_hint": "2023-03-05", "text": text,
               "claims": claims}
    (folder / f"{doc_id}.json").write_text(json.dumps(article, ensure_ascii=False), "utf-8")


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    root = tmp_path / "gold"
    _write(root / "fr", "fr-a", TEXT_A, [
        _gold_claim(),
        _gold_claim(kind="capture", stance="denies", source="Ukrainian General Staff",
                    source_side="UA", place_mention="Vougledar", date="2023-03",
                    evidence="Kyiv dément et dit que les combats continuent à Vougledar."),
        _gold_claim(kind="fighting", source="Ukrainian General Staff", source_side="UA",
                    place_mention="Vougledar", date="2023-03",
                    evidence="Kyiv dément et dit que les combats continuent à Vougledar."),
        _gold_claim(place="Novoselivka", place_mention="Novoselivka", kind="advance",
                    source="narrator", source_side="third", date=None, uncertain=True,
                    evidence="Des blindés russes avancent vers Novoselivka."),
    ])
    _write(root / "en", "en-b", TEXT_B, [
        _gold_claim(place="Kupiansk", place_mention="Kupiansk", admin1="Kharkiv Oblast",
                    kind="repelled", source="Ukrainian Army", source_side="UA", date=None,
                    evidence="The army says it repelled an assault on Kupiansk."),
        _gold_claim(place="Kupiansk", place_mention="The town", admin1="Kharkiv Oblast",
                    kind="presence", actor="UA", source="mayor", source_side="UA",
                    date="2023", evidence="The town is calm, a mayor said."),
    ], lang="en", published=None)
    return root


def _claim(doc: str, place: Place, kind: str, *, actor: Actor = "RU",
           stance: Stance = "asserts", source: Source | None = None,
           mention: str = "", date: str | None = None, evidence: str = "e",
           span: tuple[int, int] = (0, 1)) -> Claim:
    return Claim(
        doc=doc, place=place, place_mention=mention or place.name, kind=kind, actor=actor,
        stance=stance, source=source or Source("Russian Ministry of Defence", "RU"),
        date=PartialDate.parse(date) if date else None, evidence=evidence,
        evidence_start=span[0], evidence_end=span[1], confidence=0.9,
    )


def _run(corpus: GoldCorpus, claims: dict[str, list[Claim]],
         mentions: dict[str, list[PlaceMention]] | None = None) -> EvalReport:
    extractions = [
        Extraction(g.document, tuple((mentions or {}).get(g.document.id, ())),
                   tuple(claims.get(g.document.id, ())))
        for g in corpus.documents
    ]
    return score(corpus, extractions)


def test_eval_score_load_gold_builds_documents_without_hints(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    assert [g.set_name for g in corpus.documents] == ["en", "fr"]
    assert set(corpus.hashes) == {"en", "fr"}
    doc = corpus.documents[1].document
    assert doc == Document(id="fr-a", text=TEXT_A, origin=doc.origin,
                           url="https://example.org/fr-a", lang="fr",
                           published=PartialDate(2023, 3, 5))
    assert corpus.documents[0].document.published is None
    assert load_gold(gold_dir / "fr").hashes == {"fr": corpus.hashes["fr"]}


def test_eval_score_bad_gold_file_names_it(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text('{"id": "x", "text": "t", "claims": [{}]}', "utf-8")
    with pytest.raises(InputError, match="x.json"):
        load_gold(tmp_path)


def test_eval_score_exact_and_transliterated_matches(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    vuhledar_ru = Place(690823, "Ugledar", 47.78, 37.25, "Donetsk Oblast", "UA", "PPLA3")
    report = _run(corpus, {"fr-a": [
        _claim("fr-a", VUHLEDAR, "capture", date="2023-03-03"),
        _claim("fr-a", vuhledar_ru, "fighting", source=Source("Ukrainian General Staff", "UA"),
               date="2023-03-04"),
    ]})
    fr = report.by_lang["fr"].counts
    assert (fr.tp, fr.fp, fr.fn) == (2, 0, 1)
    assert report.by_lang["fr"].counts.precision == 1.0


def test_eval_score_predicted_mention_matches_gold_place(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    odd = Place(690823, "Vugledarskyi", 47.78, 37.25, "Donetsk Oblast", "UA", "PPLA3")
    report = _run(corpus, {"fr-a": [_claim("fr-a", odd, "capture", mention="Ugledar")]})
    assert report.by_lang["fr"].counts.tp == 1


def test_eval_score_wrong_oblast_does_not_match(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    elsewhere = Place(9, "Vuhledar", 49.0, 36.0, "Kharkiv Oblast", "UA", "PPL")
    report = _run(corpus, {"fr-a": [_claim("fr-a", elsewhere, "capture")]})
    counts = report.by_lang["fr"].counts
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 3)


@pytest.mark.parametrize("variant", ["Donetska Oblast", "Donetsk region", "Донецкая область"])
def test_eval_score_region_variants_agree(variant: str) -> None:
    assert default_same_region(variant, "Donetsk Oblast")
    assert not default_same_region(variant, "Luhansk Oblast")


def test_eval_score_uncertain_gold_counts_neither_way(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    report = _run(corpus, {"fr-a": [
        _claim("fr-a", NOVOSELIVKA_DN, "advance", source=Source.narrator()),
        _claim("fr-a", NOVOSELIVKA_KH, "advance", source=Source.narrator()),
    ]})
    counts = report.by_lang["fr"].counts
    assert (counts.tp, counts.fp, counts.fn, counts.ignored) == (0, 1, 3, 1)
    assert not any(m.place == "Novoselivka" and m.type == "fn" for m in report.misses)


def test_eval_score_date_at_gold_precision(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    report = _run(corpus, {"fr-a": [
        _claim("fr-a", VUHLEDAR, "capture", date="2023-03-04"),
        _claim("fr-a", VUHLEDAR, "fighting", source=Source("Ukrainian General Staff", "UA"),
               date="2023-03-28"),
        _claim("fr-a", VUHLEDAR, "capture", stance="denies",
               source=Source("Ukrainian General Staff", "UA"), date="2023"),
    ], "en-b": [
        _claim("en-b", KUPIANSK, "repelled", source=Source("Ukrainian Army", "UA"),
               date="2021-01-01"),
    ]})
    # Day-precise gold needs the day, month-precise gold the month; a year is too coarse.
    assert (report.overall.date.correct, report.overall.date.total) == (1, 3)
    assert report.by_lang.get("en") is not None and report.by_lang["en"].date.total == 0


def test_eval_score_source_side_accuracy(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    report = _run(corpus, {"en-b": [
        _claim("en-b", KUPIANSK, "repelled", source=Source("Ukrainian Army", "UA")),
        _claim("en-b", KUPIANSK, "presence", actor="UA", source=Source("TASS", "RU")),
    ]})
    assert report.by_lang["en"].counts.tp == 2
    side = report.by_lang["en"].source_side
    assert (side.correct, side.total) == (1, 2)
    assert report.by_source_side["UA"].source_side.total == 2


def test_eval_score_sources_pair_one_to_one(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    ua = Source("Ukrainian General Staff", "UA")
    report = _run(corpus, {"fr-a": [
        _claim("fr-a", VUHLEDAR, "capture"),
        _claim("fr-a", VUHLEDAR, "capture"),
        _claim("fr-a", VUHLEDAR, "capture", source=Source("Some blogger", "RU")),
        _claim("fr-a", VUHLEDAR, "fighting", source=ua),
    ]})
    counts = report.by_lang["fr"].counts
    assert report.duplicates == 1
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)
    assert {m.source for m in report.misses if m.type == "fp"} == {"Some blogger"}


def test_eval_score_per_kind_breakdown(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    report = _run(corpus, {"fr-a": [_claim("fr-a", VUHLEDAR, "capture")],
                           "en-b": [_claim("en-b", KUPIANSK, "advance")]})
    capture, advance = report.by_kind["capture"].counts, report.by_kind["advance"].counts
    assert (capture.tp, capture.fn, capture.fp) == (1, 1, 0)
    assert (advance.tp, advance.fn, advance.fp) == (0, 0, 1)
    assert report.by_kind["repelled"].counts.recall == 0.0
    kinds = report_as_dict(report)["by_kind"]
    assert isinstance(kinds, dict) and list(kinds)[:2] == ["capture", "presence"]


def test_eval_score_misses_list_gold_and_predicted_evidence(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    report = _run(corpus, {"en-b": [
        _claim("en-b", KUPIANSK, "capture", evidence="an invented sentence"),
    ]})
    fps = [m for m in report.misses if m.type == "fp"]
    fns = [m for m in report.misses if m.type == "fn"]
    assert [(m.doc, m.kind, m.evidence) for m in fps] == [
        ("en-b", "capture", "an invented sentence")]
    assert len(fns) == 5
    assert {"en-b", "fr-a"} == {m.doc for m in fns}
    first = next(m for m in fns if m.kind == "repelled")
    assert first.evidence.startswith("The army says") and first.source_side == "UA"


def test_eval_score_place_resolution_by_mention_and_coreference(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    vug = TEXT_A.index("Vougledar")
    ugl = TEXT_A.index("Ugledar")
    town = TEXT_B.index("The town")
    report = _run(
        corpus,
        {"en-b": [_claim("en-b", KUPIANSK, "presence", actor="UA",
                         span=(town, town + 20))]},
        {"fr-a": [PlaceMention(vug, vug + 9, "Vougledar", VUHLEDAR, 1.0, "test"),
                  PlaceMention(ugl, ugl + 7, "Ugledar", KUPIANSK, 1.0, "test")]},
    )
    fr = report.by_lang["fr"].place_resolution
    en = report.by_lang["en"].place_resolution
    # Both "Vougledar" claims resolve; "Ugledar" went to the wrong town.
    assert (fr.correct, fr.total) == (2, 3)
    # "The town" is checked through the claim whose evidence covers it.
    assert (en.correct, en.total) == (1, 2)


def _with_references(corpus: GoldCorpus, doc_id: str, references: list[PlaceMention]) -> EvalReport:
    extractions = [Extraction(g.document, references=tuple(references) if g.document.id == doc_id else ())
                   for g in corpus.documents]
    return score(corpus, extractions)


def test_eval_score_a_pointer_resolves_through_the_back_reference_read_there(gold_dir: Path) -> None:
    """With no claim over its sentence, "The town" is resolved when the extractor read those
    words, there, as the gold place; another town, or the same words elsewhere, are not."""
    corpus = load_gold(gold_dir)
    town = TEXT_B.index("The town")
    right = PlaceMention(town, town + 8, "The town", KUPIANSK, 0.8, "coref")
    wrong = PlaceMention(town, town + 8, "The town", VUHLEDAR, 0.8, "coref")
    elsewhere = PlaceMention(0, 8, "The army", KUPIANSK, 0.8, "coref")
    outcomes = {}
    for name, references in (("right", [right]), ("wrong", [wrong]), ("elsewhere", [elsewhere]),
                             ("none", [])):
        en = _with_references(corpus, "en-b", references).by_lang["en"].place_resolution
        outcomes[name] = (en.correct, en.total)
    assert outcomes == {"right": (1, 2), "wrong": (0, 2), "elsewhere": (0, 2), "none": (0, 2)}


def test_eval_score_an_unspotted_capitalised_mention_resolves_through_a_back_reference(gold_dir: Path) -> None:
    """A capitalised gold mention that no name was spotted for ("Western blocks" opening a
    sentence) counts as resolved when the extractor read those words there as the gold
    place; a name spotted and resolved elsewhere stays a miss."""
    corpus = load_gold(gold_dir)
    ugl = TEXT_A.index("Ugledar")
    read_back = PlaceMention(ugl, ugl + 7, "Ugledar", VUHLEDAR, 0.8, "part")
    spotted = PlaceMention(ugl, ugl + 7, "Ugledar", KUPIANSK, 1.0, "test")
    outcomes = {}
    for name, mentions in (("unspotted", ()), ("spotted elsewhere", (spotted,))):
        extractions = [Extraction(g.document, mentions if g.document.id == "fr-a" else (),
                                  references=(read_back,) if g.document.id == "fr-a" else ())
                       for g in corpus.documents]
        fr = score(corpus, extractions).by_lang["fr"].place_resolution
        outcomes[name] = (fr.correct, fr.total)
    assert outcomes == {"unspotted": (1, 3), "spotted elsewhere": (0, 3)}


@pytest.mark.parametrize(("mention", "pointer"), [
    ("The town", True), ("la ville du même nom", True), ("там", True), ("y", True),
    ("Toutes ces villes", True), ("All three towns", True), ("Усі ці села", True),
    ("the Kharkiv region", False), ("L'oblast de Lougansk", False), ("Kupiansk", False),
])
def test_eval_score_a_pointer_is_no_name(mention: str, pointer: bool) -> None:
    """A gold mention is a back-reference when it has no name in it; "the Kharkiv region"
    names its place, so it is checked against the mentions the extractor resolved."""
    assert is_coreference(mention) is pointer


def test_eval_score_same_name_is_injectable(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)

    def exact(a: str, b: str) -> bool:
        return a.casefold() == b.casefold()

    ugledar = Place(690823, "Ugledar", 47.78, 37.25, "Donetsk Oblast", "UA", "PPLA3")
    extractions = [Extraction(corpus.documents[1].document, (),
                              (_claim("fr-a", ugledar, "fighting", mention="Ugledar",
                                      source=Source("Ukrainian General Staff", "UA")),))]
    assert score(corpus, extractions, same_name=exact).overall.counts.tp == 0
    assert score(corpus, extractions).overall.counts.tp == 1


def test_eval_cli_scores_jsonl_predictions(gold_dir: Path, tmp_path: Path) -> None:
    lines = [
        {"type": "claim", "doc": "fr-a", "kind": "capture", "actor": "RU", "stance": "asserts",
         "place": {"name": "Vuhledar", "geonameid": 690823, "lat": 47.78, "lon": 37.25,
                   "admin1": "Donetsk Oblast"},
         "place_mention": "Ugledar", "source": {"name": "Russian MoD", "side": "RU"},
         "date": "2023-03-03", "evidence": "invented", "evidence_start": 0,
         "evidence_end": 8, "confidence": 0.8},
        {"type": "claim", "doc": "en-b", "kind": "advance", "actor": "RU",
         "stance": "asserts",
         "place": {"name": "Kupiansk", "geonameid": 704147, "lat": 49.7, "lon": 37.6,
                   "admin1": "Kharkiv Oblast"},
         "place_mention": "Kupiansk", "source": {"name": "TASS", "side": "RU"},
         "date": None, "evidence": "a made-up line", "evidence_start": 0,
         "evidence_end": 5, "confidence": 0.5},
    ]
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text("\n".join(json.dumps(x) for x in lines) + "\n", "utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(gold_dir), "--predictions", str(predictions),
                                 "--json", "--misses"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["overall"]["tp"] == 1 and data["overall"]["fp"] == 1
    assert any(m["evidence"] == "a made-up line" for m in data["misses"])
    table = runner.invoke(cli, ["eval", str(gold_dir), "--predictions", str(predictions),
                                "--misses"])
    assert table.exit_code == 0, table.output
    assert "overall" in table.stdout and "FP" in table.stdout and "a made-up line" in table.stdout


def test_eval_score_pairing_keeps_sources_aligned(tmp_path: Path) -> None:
    evidence = "Le ministère russe affirme avoir pris Ugledar le 3 mars."
    _write(tmp_path / "fr", "fr-c", TEXT_A, [
        _gold_claim(),
        _gold_claim(source="narrator", source_side="third"),
        _gold_claim(source="Ukrainian military", source_side="UA", uncertain=True),
    ])
    corpus = load_gold(tmp_path)
    report = _run(corpus, {"fr-c": [
        _claim("fr-c", VUHLEDAR, "capture", source=Source("Ukrainian military", "UA"),
               evidence=evidence),
        _claim("fr-c", VUHLEDAR, "capture", evidence=evidence),
        _claim("fr-c", VUHLEDAR, "capture", source=Source.narrator(), evidence=evidence),
    ]})
    counts, side = report.overall.counts, report.overall.source_side
    assert (counts.tp, counts.fp, counts.fn, counts.ignored) == (2, 0, 0, 1)
    assert (side.correct, side.total) == (2, 2)


def test_eval_score_misses_name_wrong_side_date_and_place(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    ugl = TEXT_A.index("Ugledar")
    report = _run(
        corpus,
        {"fr-a": [_claim("fr-a", VUHLEDAR, "capture", source=Source("Some outlet", "third"),
                         date="2023-03-04")]},
        {"fr-a": [PlaceMention(ugl, ugl + 7, "Ugledar", KUPIANSK, 1.0, "test")]},
    )
    by_type = {(m.type, m.doc, m.kind, m.place_mention): m for m in report.misses}
    side = by_type["side", "fr-a", "capture", "Ugledar"]
    assert side.source_side == "RU" and side.note == "predicted Some outlet [third]"
    assert by_type["date", "fr-a", "capture", "Ugledar"].note == "predicted 2023-03-04"
    place = by_type["place", "fr-a", "capture", "Ugledar"]
    assert place.note == "resolved to Kupiansk (Kharkiv Oblast, 704147)"
    assert by_type["place", "en-b", "repelled", "Kupiansk"].note == "not spotted"


def test_eval_score_capital_city_region_is_the_city() -> None:
    assert default_same_region("Kyiv", "Kyiv City")
    assert default_same_region("Sevastopol City", "Sevastopol")
    assert not default_same_region("Kyiv City", "Kharkiv Oblast")
