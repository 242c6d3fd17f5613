"""Articles not in English are refused before the English pipeline makes nonsense of them."""

from __future__ import annotations

import pytest

from newsdesk.errors import NotEnglish
from newsdesk.language import MIN_FUNCTION_WORD_SHARE, ensure_english, measure
from tests.support import SHARED_DIR

ENGLISH = (
    "The council voted on Thursday to close two of the town's libraries, a decision that "
    "residents said would leave older people without a place to read. The mayor, who had "
    "opposed the plan, told reporters that the budget left her no choice."
)

FOREIGN = {
    "French": (
        "Le conseil municipal a voté jeudi la fermeture de deux bibliothèques de la ville, une "
        "décision qui, selon les habitants, privera les personnes âgées d'un lieu de lecture. "
        "Le maire, qui s'était opposé au projet, a déclaré que le budget ne lui laissait pas "
        "le choix."
    ),
    "Turkish": (
        "Belediye meclisi perşembe günü kentteki iki kütüphanenin kapatılmasına karar verdi; "
        "mahalle sakinleri bu kararın yaşlıları okuma yerinden yoksun bırakacağını söyledi. "
        "Plana karşı çıkan belediye başkanı, bütçenin kendisine başka seçenek bırakmadığını "
        "gazetecilere anlattı."
    ),
    "Spanish": (
        "El ayuntamiento votó el jueves el cierre de dos bibliotecas de la ciudad, una decisión "
        "que, según los vecinos, dejará a las personas mayores sin un lugar para leer. La "
        "alcaldesa, que se había opuesto al plan, dijo que el presupuesto no le dejaba opción."
    ),
    "German": (
        "Der Stadtrat hat am Donnerstag beschlossen, zwei Bibliotheken der Stadt zu schließen, "
        "eine Entscheidung, die nach Ansicht der Anwohner älteren Menschen einen Ort zum Lesen "
        "nimmt. Die Bürgermeisterin, die gegen den Plan war, sagte, der Haushalt lasse ihr "
        "keine Wahl."
    ),
    "Chinese": (
        "市议会星期四投票决定关闭本市的两座图书馆。居民们说，这个决定将使老年人失去读书的地方。"
        "曾经反对这一计划的市长对记者说，预算让她别无选择。"
    ),
    "Russian": (
        "Городской совет в четверг проголосовал за закрытие двух библиотек, и жители говорят, "
        "что пожилые люди останутся без места для чтения. Мэр, выступавшая против плана, "
        "сказала журналистам, что бюджет не оставил ей выбора."
    ),
}


def test_english_prose_is_accepted() -> None:
    ensure_english(ENGLISH)


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_other_languages_are_refused_with_a_reason(language: str) -> None:
    with pytest.raises(NotEnglish, match="does not look like English") as raised:
        ensure_english(FOREIGN[language])
    assert raised.value.code == "not_english"
    assert "English text only" in str(raised.value)


def test_the_script_is_named_when_it_is_not_latin() -> None:
    with pytest.raises(NotEnglish, match="CYRILLIC"):
        ensure_english(FOREIGN["Russian"])


def test_texts_too_short_to_judge_are_let_through() -> None:
    ensure_english("Bonjour tout le monde, merci beaucoup.")


def test_an_english_article_quoting_a_foreign_sentence_is_english() -> None:
    ensure_english(ENGLISH + ' She added in French: "Je regrette cette décision." ' + ENGLISH)


def test_only_the_opening_is_read() -> None:
    evidence = measure(ENGLISH * 200)
    assert evidence.words < 1_000


def test_english_news_articles_in_shared_data_all_pass() -> None:
    files = sorted((SHARED_DIR / "eval" / "corpus" / "bbc").glob("*/*.txt"))
    if not files:
        pytest.skip("the BBC corpus in ../shared/eval is absent")
    lowest = min(
        measure(path.read_text(encoding="utf-8", errors="replace")).function_word_share
        for path in files
    )
    assert lowest >= MIN_FUNCTION_WORD_SHARE
