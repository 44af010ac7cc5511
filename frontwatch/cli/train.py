"""`frontwatch train`: learn the claim model from hand-annotated articles."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from frontwatch.claims.model import DEFAULT_MODEL
from frontwatch.errors import ConfigError


@click.command("train")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the model [default: the one shipped in the package].")
def train(gold_dir: Path, output: Path | None) -> None:
    """Train the claim model on gold articles (the schema `frontwatch eval` reads).

    The same articles give the same file, byte for byte; the file records the hash of the
    articles and the lexicons it was learned from, and the command that rebuilds it. It
    needs scikit-learn (`pip install 'frontwatch[train]'`); applying the model does not.

    \b
    Example:
        frontwatch train ../shared/eval/train -o frontwatch/data/claim_model.json
        frontwatch eval --cv 5 ../shared/eval/train
    """
    from frontwatch.claims import Extractor
    from frontwatch.claims.lexicon import lexicon_digest
    from frontwatch.eval.score import PlaceRules, load_gold
    from frontwatch.learn import examples
    from frontwatch.learn.fit import train as train_model
    from frontwatch.places import Gazetteer

    corpus = load_gold(gold_dir)
    gazetteer = Gazetteer.load()
    extractor = Extractor(gazetteer=gazetteer)
    found = list(extractor.candidates([gold.document for gold in corpus.documents]))
    labelled = list(examples(corpus, found, PlaceRules(gazetteer=gazetteer)))
    target = output or DEFAULT_MODEL
    command = f"frontwatch train {gold_dir.as_posix()} -o {target.name if output is None else output.as_posix()}"
    model = train_model(labelled, corpus.hashes, command=command, lexicon=lexicon_digest())
    try:
        target.write_text(model.to_json(), encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{target}: cannot write the model ({exc.strerror or exc})") from exc
    claims = int(model.meta.get("claims", 0))
    click.echo(f"{target}: {len(corpus.documents)} articles, {len(labelled)} candidates, "
               f"{claims} of them claims", err=True)
    sys.exit(0)
