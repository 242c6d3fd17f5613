"""The stage-cost benchmark runs end to end and reports every stage against the parse."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import stage_cost


def test_without_a_corpus_it_measures_the_bundled_samples(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stage_cost.main(["--corpus", str(tmp_path / "absent"), "--articles", "2", "--rounds", "1"])

    printed = capsys.readouterr().out
    assert "newsdesk/samples" in printed
    assert "articles: 2," in printed
    for stage in ("parse", "entities", "quotes", "amounts", "dates", "summary", "keywords"):
        assert f"\n{stage} " in printed
    assert "quotes cost" in printed


def test_a_corpus_folder_is_read_recursively_without_its_readme(tmp_path: Path) -> None:
    (tmp_path / "politics").mkdir()
    (tmp_path / "politics" / "001.txt").write_text("Ministers met on Monday.", encoding="utf-8")
    (tmp_path / "README.TXT").write_text("About this corpus.", encoding="utf-8")

    source, texts = stage_cost.corpus_texts(tmp_path, limit=10)

    assert source == str(tmp_path)
    assert texts == ["Ministers met on Monday."]


def test_nonsense_counts_are_refused() -> None:
    with pytest.raises(SystemExit):
        stage_cost.main(["--articles", "0"])
