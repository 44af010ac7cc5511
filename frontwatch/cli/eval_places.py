"""`frontwatch eval-places`: the generated place test (every front-line place, every spelling)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from frontwatch.errors import InputError
from frontwatch.places.placetest import (
    CASES,
    GROUPS,
    LANGS,
    PlaceTestReport,
    Tally,
    generate,
    run,
    sample,
)

DEFAULT_SOURCE = Path("../shared/data/gazetteer")


@click.command("eval-places")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_SOURCE,
              show_default=True,
              help="Folder of the gazetteer source (ua_places.tsv.gz, ru_places.tsv.gz).")
@click.option("--sample", "size", type=int, default=0,
              help="Run every n-th sentence only, this many in all (0: the full test).")
@click.option("--lang", "langs", multiple=True, type=click.Choice(LANGS),
              help="Only these languages (repeatable).")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gazetteer file to test instead of the packaged one.")
@click.option("--misses", type=int, default=0, help="Print this many misses.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def eval_places(source: Path, size: int, langs: tuple[str, ...], gazetteer: Path | None,
                misses: int, as_json: bool) -> None:
    """Resolve generated sentences naming every populated place of the front-line oblasts
    and Russia's border oblasts, in en/fr/uk/ru, nominative/genitive/locative, former names
    and namesakes with the context that separates them; print accuracy per language, group
    and case.

    \b
    Example:
        frontwatch eval-places --sample 2000
        frontwatch eval-places --lang uk --misses 20
    """
    from frontwatch.places import Gazetteer, PlaceFinder

    if not (source / "ua_places.tsv.gz").is_file():
        raise InputError(str(source), "no ua_places.tsv.gz here (pass --source)")
    cases = sample(generate(source, langs=langs or LANGS), size)
    report = run(cases, PlaceFinder(Gazetteer.load(gazetteer)))
    if as_json:
        click.echo(json.dumps(report_as_dict(report), ensure_ascii=False, indent=1))
        return
    click.echo(f"{report.overall.total:,} sentences, {report.seconds:.1f} s "
               f"({1000 * report.seconds / max(1, report.overall.total):.2f} ms each)")
    click.echo(_row("overall", report.overall))
    for title, slices, order in (
        ("lang", report.by_lang, LANGS),
        ("group", report.by_group, GROUPS),
        ("case", report.by_case, CASES),
        ("lang case", report.by_lang_case, [f"{lang} {case}" for lang in LANGS for case in CASES]),
    ):
        for key in order:
            if key in slices:
                click.echo(_row(f"{title} {key}", slices[key]))
    for case, found in report.misses[:misses]:
        click.echo(f"MISS {case.lang} {case.case} {case.group}: {case.text[case.start:case.end]!r} "
                   f"-> {found}; wanted {case.name} ({case.geonameid})\n    {case.text}")


def _row(label: str, tally: Tally) -> str:
    return f"{label:<16} {tally.accuracy:6.3f}  ({tally.right:,}/{tally.total:,})"


def report_as_dict(report: PlaceTestReport) -> dict[str, object]:
    def table(slices: dict[str, Tally]) -> dict[str, object]:
        return {k: {"accuracy": round(t.accuracy, 4), "right": t.right, "total": t.total}
                for k, t in sorted(slices.items())}

    return {
        "overall": {"accuracy": round(report.overall.accuracy, 4), "right": report.overall.right,
                    "total": report.overall.total},
        "by_lang": table(report.by_lang), "by_group": table(report.by_group),
        "by_case": table(report.by_case), "by_lang_case": table(report.by_lang_case),
        "seconds": round(report.seconds, 2),
    }
