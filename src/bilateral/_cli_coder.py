"""The commands that run the coder alone, without a store: ``evaluate`` and ``explain`` (registered on the
main group by ``cli.py``)."""

from __future__ import annotations

import json

import click

from bilateral._cli_support import filter_options, new_coder, stdout_console


@click.command()
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@click.option("--predictions", type=click.Path(dir_okay=False), default=None,
              help="Also write the predicted events (JSONL) here.")
@filter_options
def evaluate(gold: str, as_json: bool, predictions: str | None, learned_filter: bool,
             filter_threshold: float | None, syntax: bool) -> None:
    """Score the coder on a labelled JSONL set (same metrics as the reference scorer)."""
    from bilateral.coding.evaluate import evaluate as run_evaluation

    metrics = run_evaluation(gold, new_coder(False, learned_filter, filter_threshold, syntax),
                              predictions_out=predictions)
    if as_json:
        click.echo(json.dumps(metrics))
    else:
        for k, v in metrics.items():
            click.echo(f"{k:26} {v}")


@click.command()
@click.argument("sentence")
@click.option("--date", default=None, metavar="DATE")
@click.option("--why-not", "why_not", is_flag=True,
              help="Also list every candidate the rules proposed and dropped: the stage, the rule and the words.")
@filter_options
def explain(sentence: str, date: str | None, why_not: bool, learned_filter: bool,
            filter_threshold: float | None, syntax: bool) -> None:
    """Code one sentence and show each event with the dictionary entries and cues behind it."""
    from dataclasses import asdict

    coder = new_coder(True, learned_filter, filter_threshold, syntax)
    if why_not:
        explanation = coder.explain_sentence(sentence, date=date)
        events_, rejections = explanation.events, explanation.rejections
    else:
        events_, rejections = coder.code_sentence(sentence, date=date), []
    console = stdout_console()
    if not events_:
        console.print("no event coded")
    for i, ev in enumerate(events_, start=1):
        rec = ev.to_record()
        s, t = ev.span
        console.print(f"[bold]event {i}[/bold]: {rec['source']} → {rec['target']}  cameo {rec['cameo']} "
                      f"(quad {rec['quad_class']}, goldstein {rec['goldstein']})  {rec['status']} · "
                      f"{rec['channel']}  plover {rec['plover']}", highlight=False)
        console.print(f"  evidence: {ev.sentence[s:t]!r} [{s}:{t}]", highlight=False)
        if ev.trace is not None:
            for k, v in asdict(ev.trace).items():
                if v:
                    console.print(f"  {k}: {v}", highlight=False)
    if not why_not:
        return
    if not rejections:
        console.print("no candidate dropped")
        return
    console.print(f"[bold]dropped[/bold]: {len(rejections)} candidate(s)", highlight=False)
    for r in rejections:
        where = f" (tokens {r.tokens[0]}-{r.tokens[1]})" if r.tokens is not None else ""
        score = f" (score {r.score:.2f})" if r.score is not None else ""
        console.print(f"  {r.stage} · {r.reason}{score}: {r.words!r}{where} {r.detail}", highlight=False)
        if r.event is not None:
            rec = r.event.to_record()
            console.print(f"      would have been {rec['source']} → {rec['target']} cameo {rec['cameo']} "
                          f"{rec['status']} · {rec['channel']}", highlight=False)


