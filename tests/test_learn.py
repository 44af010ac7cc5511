"""Training and cross-validating the claim model: reproducible files, grouped folds, held floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from frontwatch.claims import Extractor
from frontwatch.claims.lexicon import lexicon_digest
from frontwatch.claims.model import DEFAULT_MODEL, load_model
from frontwatch.cli import cli
from frontwatch.eval.score import load_gold
from frontwatch.learn import cross_validate, folds
from frontwatch.learn.fit import data_hash
from frontwatch.places import Gazetteer
from frontwatch.records import Document

pytest.importorskip("sklearn", reason="training needs the [train] extra")

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "train"

# Cross-validated floors on the shared training articles (5 folds), a little under what the
# shipped extractor measured: a change that loses generalisation fails here, not on dev.
CV_FLOORS = {"f1": 0.76, "source_side": 0.90, "date": 0.85}

PLACES = {
    "Avdiivka": "Donetsk Oblast", "Pokrovsk": "Donetsk Oblast", "Toretsk": "Donetsk Oblast",
    "Kupiansk": "Kharkiv Oblast", "Vovchansk": "Kharkiv Oblast", "Robotyne": "Zaporizhzhia Oblast",
    "Chasiv Yar": "Donetsk Oblast", "Vuhledar": "Donetsk Oblast",
}

# (text, [(place, kind, actor, stance, evidence)]): invented reports, a claim or two each and
# a sentence that names a place without any claim about it.
ARTICLES_EN = [
    ("Russian troops captured Avdiivka after a long siege. Shelling damaged houses in Kupiansk.",
     [("Avdiivka", "capture", "RU", "asserts", "Russian troops captured Avdiivka after a long siege.")]),
    ("Ukrainian forces recaptured Robotyne in the south. A bridge near Vuhledar was rebuilt.",
     [("Robotyne", "capture", "UA", "asserts", "Ukrainian forces recaptured Robotyne in the south.")]),
    ("Fierce fighting continues in Toretsk. Volunteers brought water to Pokrovsk.",
     [("Toretsk", "fighting", "RU", "asserts", "Fierce fighting continues in Toretsk.")]),
    ("Russian units captured Vovchansk on Monday. Schools in Kupiansk stayed closed.",
     [("Vovchansk", "capture", "RU", "asserts", "Russian units captured Vovchansk on Monday.")]),
    ("Heavy fighting is under way in Chasiv Yar. Trains to Pokrovsk run again.",
     [("Chasiv Yar", "fighting", "RU", "asserts", "Heavy fighting is under way in Chasiv Yar.")]),
    ("Russian forces captured Vuhledar in October. Markets in Toretsk reopened briefly.",
     [("Vuhledar", "capture", "RU", "asserts", "Russian forces captured Vuhledar in October.")]),
]
ARTICLES_FR = [
    ("Les forces russes ont pris Pokrovsk. Des bénévoles ont livré du pain à Kupiansk.",
     [("Pokrovsk", "capture", "RU", "asserts", "Les forces russes ont pris Pokrovsk.")]),
    ("De violents combats se poursuivent à Kupiansk. Une école a rouvert à Vovchansk.",
     [("Kupiansk", "fighting", "RU", "asserts", "De violents combats se poursuivent à Kupiansk.")]),
    ("Les troupes ukrainiennes ont libéré Robotyne. Un pont a été réparé près de Toretsk.",
     [("Robotyne", "capture", "UA", "asserts", "Les troupes ukrainiennes ont libéré Robotyne.")]),
    ("L'armée russe a pris Avdiivka. Des trains circulent de nouveau vers Chasiv Yar.",
     [("Avdiivka", "capture", "RU", "asserts", "L'armée russe a pris Avdiivka.")]),
]


def _write_gold(root: Path) -> Path:
    for lang, articles in (("en", ARTICLES_EN), ("fr", ARTICLES_FR)):
        folder = root / lang
        folder.mkdir(parents=True)
        for n, (text, claims) in enumerate(articles):
            doc_id = f"{lang}-{n:02d}"
            gold: list[dict[str, Any]] = [
                {"place": place, "place_mention": place, "admin1": PLACES[place], "kind": kind,
                 "actor": actor, "stance": stance, "source": "narrator", "source_side": "third",
                 "date": None, "evidence": evidence}
                for place, kind, actor, stance, evidence in claims
            ]
            article = {"id": doc_id, "lang": lang, "url": f"https://example.org/{doc_id}",
                       "published": "2024-05-20", "text": text, "claims": gold}
            (folder / f"{doc_id}.json").write_text(json.dumps(article, ensure_ascii=False), "utf-8")
    return root


@pytest.fixture(scope="module")
def gold_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write_gold(tmp_path_factory.mktemp("gold"))


@pytest.mark.models
def test_learn_train_writes_the_same_bytes_from_the_same_articles(gold_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "model.json"
    runner = CliRunner()
    first = runner.invoke(cli, ["train", str(gold_dir), "-o", str(target)])
    assert first.exit_code == 0, first.output
    once = target.read_bytes()
    again = runner.invoke(cli, ["train", str(gold_dir), "-o", str(target)])
    assert again.exit_code == 0, again.output
    assert target.read_bytes() == once
    meta = json.loads(once)["meta"]
    assert meta["data_sha256"] == data_hash(load_gold(gold_dir).hashes)
    assert meta["lexicon"] == lexicon_digest()
    assert meta["command"] == f"frontwatch train {gold_dir.as_posix()} -o {target.as_posix()}"
    assert meta["claims"] == sum(len(claims) for _, claims in ARTICLES_EN + ARTICLES_FR)


@pytest.mark.models
def test_learn_trained_model_reads_a_new_report(gold_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "model.json"
    result = CliRunner().invoke(cli, ["train", str(gold_dir), "-o", str(target)])
    assert result.exit_code == 0, result.output
    document = Document(id="new", text="Russian soldiers captured Toretsk. Buses to Kupiansk were cancelled.",
                        lang="en", url="", published=None)
    (extraction,) = Extractor(model=target).extract([document])
    found = {(c.place.name, c.kind, c.actor, c.stance) for c in extraction.claims}
    assert found == {("Toretsk", "capture", "RU", "asserts")}


def test_learn_folds_hold_every_article_once_and_every_language(gold_dir: Path) -> None:
    corpus = load_gold(gold_dir)
    parts = folds(corpus, 2)
    ids = [doc_id for part in parts for doc_id in part]
    assert sorted(ids) == sorted(g.document.id for g in corpus.documents)
    assert all({doc_id[:2] for doc_id in part} == {"en", "fr"} for part in parts)
    assert folds(corpus, 2) == parts
    assert folds(corpus, 2, seed=1) != parts
    with pytest.raises(ValueError, match="at least 2 folds"):
        folds(corpus, 1)


@pytest.mark.models
def test_learn_eval_cv_scores_each_held_fold(gold_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "--cv", "2", str(gold_dir)])
    assert result.exit_code == 0, result.output
    assert "10 articles, extractor cross-validated, 2 folds" in " ".join(result.output.split())
    assert "F1 per fold: fold 1" in result.output and "fold 2" in result.output


@pytest.mark.models
def test_learn_eval_cv_repeats_reports_each_fold_seed_and_their_mean(gold_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "--cv", "2", "--repeats", "2", "--json", str(gold_dir)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    seeds = report["by_seed"]
    assert [s["seed"] for s in seeds] == [0, 1]
    assert seeds[0]["f1"] == report["pooled"]["overall"]["f1"]
    assert report["mean_over_seeds"]["f1"] == pytest.approx((seeds[0]["f1"] + seeds[1]["f1"]) / 2, abs=1e-4)
    assert set(report["mean_over_seeds"]["by_lang"]) == {"en", "fr"}
    text = CliRunner().invoke(cli, ["eval", "--cv", "2", "--repeats", "2", str(gold_dir)]).output
    assert "F1 per fold seed: seed 0" in text and "F1 mean over 2 fold seeds:" in text


def test_learn_eval_repeats_needs_cross_validation(gold_dir: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "--repeats", "3", str(gold_dir)])
    assert result.exit_code == 2
    assert "--repeats needs --cv K" in result.output


def test_learn_shipped_model_was_trained_with_the_current_lexicons() -> None:
    meta = load_model(str(DEFAULT_MODEL)).meta
    assert meta["lexicon"] == lexicon_digest(), "lexicons changed: run `frontwatch train ../shared/eval/train`"
    if TRAIN.is_dir():
        assert meta["data_sha256"] == data_hash(load_gold(TRAIN).hashes)


@pytest.mark.models
@pytest.mark.skipif(not TRAIN.is_dir(), reason="the shared training articles are not here")
def test_learn_cross_validation_on_train_holds_its_floors() -> None:
    corpus = load_gold(TRAIN)
    gazetteer = Gazetteer.load()
    found = list(Extractor(gazetteer=gazetteer).candidates([gold.document for gold in corpus.documents]))
    pooled = cross_validate(corpus, found, {"gazetteer": gazetteer}, k=5).pooled.overall
    figures = {"f1": pooled.counts.f1, "source_side": pooled.source_side.value, "date": pooled.date.value}
    assert all((figures[name] or 0.0) >= floor for name, floor in CV_FLOORS.items()), figures
