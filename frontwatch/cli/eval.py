"""`frontwatch eval`: score the extractor on gold articles and hold it to pinned floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from frontwatch.errors import InputError
from frontwatch.eval import gate
from frontwatch.eval.score import (
    EvalReport,
    GoldCorpus,
    Slice,
    load_gold,
    report_as_dict,
    score,
)
from frontwatch.records import (
    KINDS,
    Claim,
    Document,
    Extraction,
    PartialDate,
    Place,
    PlaceMention,
    Source,
)


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--misses", is_flag=True,
              help="List every false negative and false positive, wrong side or date on a "
                   "matched claim, and unresolved gold toponym.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score `frontwatch extract --jsonl` output instead of running the extractor.")
@click.option("--gate", "run_gate", is_flag=True,
              help="Exit 1 when a set is under its pinned floors or its gold files changed.")
@click.option("--update-baseline", is_flag=True,
              help="Raise the pinned floors to this run and re-pin the gold hashes.")
@click.option("--allow-regression", is_flag=True,
              help="With --update-baseline: allow lowering a floor (needs --reason).")
@click.option("--reason", help="Why the baseline moves; kept in the baseline's history.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Baseline file (default: the one shipped in frontwatch/eval).")
@click.option("--epsilon", type=float, default=None,
              help="Tolerance under a floor before the gate fails [default: the baseline's].")
@click.option("--cv", "folds", type=click.IntRange(min=2), default=None, metavar="K",
              help="K-fold cross-validation grouped by article: train a model on K-1 folds, "
                   "score the held fold; print the pooled figures and each fold's.")
@click.option("--repeats", type=click.IntRange(min=1), default=1, show_default=True, metavar="N",
              help="With --cv: also cross-validate with fold seeds 1..N-1 and print the F1 of "
                   "each seed and their mean (one split of 150 articles moves F1 by about 0.003).")
def eval_command(
    gold_dir: Path,
    misses: bool,
    as_json: bool,
    predictions: Path | None,
    run_gate: bool,
    update_baseline: bool,
    allow_regression: bool,
    reason: str | None,
    baseline_path: Path | None,
    epsilon: float | None,
    folds: int | None,
    repeats: int,
) -> None:
    """Score claim extraction against gold articles (P/R/F1, source side, date, places).

    \b
    Example:
        frontwatch eval gold/dev --misses
        frontwatch eval gold/dev --gate
        frontwatch eval gold/dev --update-baseline --reason "new trigger lexicon"
        frontwatch eval --cv 5 gold/train
        frontwatch eval --cv 5 --repeats 5 gold/train
    """
    if allow_regression and not reason:
        raise click.UsageError("--allow-regression needs --reason TEXT")
    if folds is not None and (predictions or run_gate or update_baseline):
        raise click.UsageError("--cv trains its own models: it cannot be combined with "
                               "--predictions, --gate or --update-baseline")
    if repeats > 1 and folds is None:
        raise click.UsageError("--repeats needs --cv K")
    corpus = load_gold(gold_dir)
    gazetteer = _gazetteer()
    if folds is not None:
        _cross_validate(corpus, gazetteer, folds, repeats, misses=misses, as_json=as_json)
        return
    if predictions is not None:
        extractions = read_predictions(predictions, corpus)
    else:
        try:
            from frontwatch.claims import Extractor
        except ImportError as exc:
            raise click.ClickException(
                f"the claim extractor cannot be loaded ({exc}); score saved "
                "`frontwatch extract --jsonl` output with --predictions FILE"
            ) from exc
        extractor = Extractor(gazetteer=gazetteer)
        docs = [gold.document for gold in corpus.documents]
        extractions = list(extractor.extract(docs))
    report = score(corpus, extractions, gazetteer=gazetteer)

    if as_json:
        click.echo(json.dumps(report_as_dict(report, misses=misses), ensure_ascii=False,
                              indent=2))
    else:
        _render(report, misses=misses)

    baseline = gate.load_baseline(baseline_path)
    tolerance = float(baseline.get("epsilon", 0.01)) if epsilon is None else epsilon
    if update_baseline:
        updated = gate.update_baseline(
            report, baseline, allow_regression=allow_regression, reason=reason, epsilon=tolerance
        )
        gate.save_baseline(updated, baseline_path)
        click.echo(f"baseline updated for sets: {', '.join(sorted(report.by_set))}", err=True)
    elif run_gate:
        failures = gate.check(report, baseline, epsilon=tolerance)
        for failure in failures:
            click.echo(f"gate: {failure}", err=True)
        if failures:
            sys.exit(1)
        click.echo("gate: every set is at or above its floors", err=True)


def _cross_validate(corpus: GoldCorpus, gazetteer: Any, folds: int, repeats: int, *, misses: bool,
                    as_json: bool) -> None:
    """The report of fold seed 0 and, with `repeats` > 1, the F1 of each further fold seed:
    which articles share a fold moves the figure by more than many changes do."""
    from frontwatch.claims import Extractor
    from frontwatch.learn import cross_validate

    extractor = Extractor(gazetteer=gazetteer)
    found = list(extractor.candidates([gold.document for gold in corpus.documents]))
    results = [cross_validate(corpus, found, {"gazetteer": gazetteer}, k=folds, seed=seed)
               for seed in range(repeats)]
    result = results[0]
    langs = sorted(result.pooled.by_lang)
    f1s = [r.pooled.overall.counts.f1 for r in results]
    by_lang = {lang: [r.pooled.by_lang[lang].counts.f1 for r in results] for lang in langs}
    seeds = [{"seed": seed, "f1": _rounded(f1), "by_lang": {lang: _rounded(by_lang[lang][seed]) for lang in langs}}
             for seed, f1 in enumerate(f1s)]
    mean = {"f1": _rounded(_mean(f1s)),
            "by_lang": {lang: _rounded(_mean(values)) for lang, values in by_lang.items()}}
    if as_json:
        click.echo(json.dumps({"folds": folds, "pooled": report_as_dict(result.pooled, misses=misses),
                               "by_fold": [report_as_dict(r, misses=False) for r in result.folds],
                               "by_seed": seeds, "mean_over_seeds": mean},
                              ensure_ascii=False, indent=2))
        return
    result.pooled.extractor_version = f"cross-validated, {folds} folds"
    _render(result.pooled, misses=misses)
    click.echo("F1 per fold: " + "  ".join(
        f"fold {i + 1} {_pct(r.overall.counts.f1)} ("
        + ", ".join(f"{lang} {_pct(r.by_lang[lang].counts.f1)}" for lang in langs if lang in r.by_lang) + ")"
        for i, r in enumerate(result.folds)))
    if repeats > 1:
        click.echo("F1 per fold seed: " + "  ".join(f"seed {seed} {_pct(f1)}" for seed, f1 in enumerate(f1s)))
        click.echo(f"F1 mean over {repeats} fold seeds: {_pct(_mean(f1s))} ("
                   + ", ".join(f"{lang} {_pct(_mean(values))}" for lang, values in by_lang.items()) + ")")


def _rounded(value: float | None) -> float | None:
    """Four decimals, as the report's own figures."""
    return None if value is None else round(value, 4)


def _mean(values: list[float | None]) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) / len(known) if known else None


def _gazetteer() -> Any:
    from frontwatch.places import Gazetteer

    return Gazetteer.load()


def read_predictions(path: Path, corpus: GoldCorpus) -> list[Extraction]:
    """Extractions rebuilt from `frontwatch extract --jsonl [--with-mentions]` lines."""
    docs: dict[str, Document] = {g.document.id: g.document for g in corpus.documents}
    claims: dict[str, list[Claim]] = {doc_id: [] for doc_id in docs}
    mentions: dict[str, list[PlaceMention]] = {doc_id: [] for doc_id in docs}
    references: dict[str, list[PlaceMention]] = {doc_id: [] for doc_id in docs}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                doc_id = str(row["doc"])
                if doc_id not in docs:
                    continue
                if row.get("type", "claim") in ("mention", "reference"):
                    found = mentions if row.get("type") == "mention" else references
                    found[doc_id].append(PlaceMention(
                        int(row["start"]), int(row["end"]), str(row["text"]),
                        _place(row["place"]), 1.0, "jsonl",
                    ))
                elif row.get("type", "claim") == "claim":
                    claims[doc_id].append(_claim(row))
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}:{number}", f"not a claim line ({exc})") from exc
    return [
        Extraction(docs[d], tuple(mentions[d]), tuple(claims[d]), references=tuple(references[d]))
        for d in docs
    ]


def _place(raw: dict[str, Any]) -> Place:
    return Place(
        geonameid=int(raw.get("geonameid") or 0), name=str(raw["name"]),
        lat=float(raw.get("lat") or 0.0), lon=float(raw.get("lon") or 0.0),
        admin1=str(raw.get("admin1") or ""), country=str(raw.get("country") or ""),
        feature=str(raw.get("feature") or "PPL"),
    )


def _claim(row: dict[str, Any]) -> Claim:
    source = row.get("source") or {}
    return Claim(
        doc=str(row["doc"]), place=_place(row["place"]),
        place_mention=str(row.get("place_mention") or ""), kind=str(row["kind"]),
        actor=row["actor"], stance=row["stance"],
        source=Source(str(source.get("name", "narrator")), source.get("side", "third")),
        date=PartialDate.parse(row["date"]) if row.get("date") else None,
        evidence=str(row.get("evidence") or ""),
        evidence_start=int(row.get("evidence_start", -1)),
        evidence_end=int(row.get("evidence_end", -1)),
        confidence=float(row.get("confidence", 1.0)),
    )


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}"


def _acc(part: Slice, name: str) -> str:
    acc = getattr(part, name)
    return "—" if acc.value is None else f"{_pct(acc.value)} ({acc.correct}/{acc.total})"


def _render(report: EvalReport, *, misses: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=160)
    title = f"{report.documents} articles"
    if report.extractor_version:
        title += f", extractor {report.extractor_version}"
    if report.duplicates:
        title += f", {report.duplicates} repeated predictions collapsed"
    table = Table(title=title)
    for column in ("", "P", "R", "F1", "TP", "FP", "FN", "unc.", "source side", "date",
                   "place res."):
        table.add_column(column, justify="left" if not column else "right")

    def row(label: str, part: Slice, *, end_section: bool = False) -> None:
        c = part.counts
        table.add_row(
            label, _pct(c.precision), _pct(c.recall), _pct(c.f1), str(c.tp), str(c.fp),
            str(c.fn), str(c.ignored), _acc(part, "source_side"), _acc(part, "date"),
            _acc(part, "place_resolution"), end_section=end_section,
        )

    row("overall", report.overall, end_section=True)
    groups: list[tuple[str, dict[str, Slice], list[str]]] = [
        ("set", report.by_set, sorted(report.by_set)),
        ("lang", report.by_lang, sorted(report.by_lang)),
        ("kind", report.by_kind,
         sorted(report.by_kind, key=lambda k: (KINDS.index(k) if k in KINDS else 99, k))),
        ("side", report.by_source_side, sorted(report.by_source_side)),
    ]
    for prefix, parts, keys in groups:
        if prefix == "set" and len(keys) < 2:
            continue
        for i, key in enumerate(keys):
            row(f"{prefix} {key}", parts[key], end_section=i == len(keys) - 1)
    console.print(table)
    if misses:
        for miss in report.misses:
            label = miss.type.upper()
            console.print(
                f"[bold]{label}[/bold] {miss.doc}  {miss.kind} {miss.actor} {miss.stance} "
                f"{miss.place} ({miss.admin1}) as {miss.place_mention!r}  "
                f"source={miss.source} [{miss.source_side}]  date={miss.date or '—'}",
                markup=True,
            )
            if miss.note:
                console.print(f"    {miss.note}", markup=False)
            console.print(f"    {miss.evidence}", markup=False)
