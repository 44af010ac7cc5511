"""Who a claim is attributed to: titles that give a side, quotes, pronouns, background sentences.

Short reports written for these tests; each checks the source a reader would expect.
"""

from __future__ import annotations

import pytest

from frontwatch.claims.attribution import attribute, registry_hits
from frontwatch.claims.lexicon import load_lexicon
from frontwatch.records import Document, PartialDate, Source


def claims_of(extractor, text: str, lang: str):  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2024-10-14"))
    return next(extractor.extract([document])).claims


def sources_of(extractor, text: str, lang: str, place: str, kind: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(c.source.name, c.source.side) for c in claims_of(extractor, text, lang)
            if c.place.name == place and c.kind == kind}


def statements_of(extractor, text: str, lang: str, place: str, kind: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Who makes each claim of that kind about the place, and whether they assert or deny it."""
    return {(c.source.name, c.stance) for c in claims_of(extractor, text, lang)
            if c.place.name == place and c.kind == kind}


def sides_of(extractor, text: str, lang: str, place: str, kind: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {side for _, side in sources_of(extractor, text, lang, place, kind)}


TITLES = [
    pytest.param(
        "en",
        "Mykola Bondar, head of the Pokrovsk city military administration, said on Monday that Russian "
        "troops had entered the eastern outskirts of Pokrovsk.",
        "Pokrovsk", "presence",
        id="en-city-military-administration",
    ),
    pytest.param(
        "en",
        "Iryna Kovalchuk, press secretary of the Kostiantynivka community, said fierce fighting was under "
        "way in Chasiv Yar.",
        "Chasiv Yar", "fighting",
        id="en-community-spokesperson",
    ),
    pytest.param(
        "fr",
        "Mykola Bondar, chef de l'administration militaire de la ville, a déclaré lundi que les troupes "
        "russes étaient entrées dans les faubourgs de Pokrovsk.",
        "Pokrovsk", "presence",
        id="fr-administration-militaire",
    ),
]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "place", "kind"), TITLES)
def test_attribution_title_names_a_ukrainian_office(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                    place: str, kind: str) -> None:
    assert sides_of(extractor, text, lang, place, kind) == {"UA"}


@pytest.mark.models
def test_attribution_quoted_group_name_in_a_title(extractor) -> None:  # type: ignore[no-untyped-def]
    """The quotes around "Tavria" do not hide that its spokesman speaks for Ukraine."""
    text = ("Ukrainian units pulled back from a village near Kurakhove, Taras Melnyk, spokesman for the "
            "“Tavria” operational group, said on television.\n\n"
            "Melnyk said that Russian forces had entered the southern part of Kurakhove.")
    assert sides_of(extractor, text, "en", "Kurakhove", "presence") == {"UA"}


@pytest.mark.models
def test_attribution_straight_quotes_over_sentences(extractor) -> None:  # type: ignore[no-untyped-def]
    """A quote opened with a plain '"' runs until the next one, where its speaker is named."""
    text = ('"We had to pull our soldiers back. Nobody is left behind. The Russians have entered the '
            'eastern districts of Lysychansk. Our lines hold," Haidai said.')
    assert sources_of(extractor, text, "en", "Lysychansk", "presence") == {("Serhiy Haidai", "UA")}


@pytest.mark.models
def test_attribution_quote_closed_without_a_name_keeps_later_speakers_out(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('"Part of Huliaipole is held by Russian forces," one soldier said. '
            "According to Russia's defence ministry, its forces also advanced towards Stepnohirsk.")
    assert sides_of(extractor, text, "en", "Hulyaypole", "presence") == {"third"}
    assert sides_of(extractor, text, "en", "Stepnohirsk", "advance") == {"RU"}


@pytest.mark.models
def test_attribution_paraphrase_between_two_quotes_of_one_speaker(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('"Our troops moved to new positions," Haidai said.\n\n'
            "The Russians are advancing on Lysychansk from two directions.\n\n"
            '"The city is hard to storm," he added.')
    assert sources_of(extractor, text, "en", "Lysychansk", "advance") == {("Serhiy Haidai", "UA")}


@pytest.mark.models
def test_attribution_pronoun_with_an_adverb_before_its_verb(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("« Nos unités tiennent tout Soledar », a déclaré Evguéni Prigojine.\n\n"
            "Il a toutefois ajouté que des combats se poursuivaient à Bakhmout.")
    assert sources_of(extractor, text, "fr", "Bakhmut", "fighting") == {("Wagner Group", "RU")}


@pytest.mark.models
def test_attribution_background_sentence_is_the_outlets(extractor) -> None:  # type: ignore[no-untyped-def]
    """"This means…" comments on what was said: the speaker before it is not carried into it."""
    text = ("Генштаб ВСУ сообщил, что российские войска вошли в Купянск. "
            "Это означает, что Купянск, захваченный в 2022 году, снова под угрозой.")
    assert sources_of(extractor, text, "ru", "Kupyansk", "capture") == {("narrator", "third")}


def speakers_of(text: str, sentences: list[tuple[int, int]], lang: str = "en") -> list[str]:
    lex = load_lexicon(lang)
    registry = [registry_hits(text[start:end], lex, start) for start, end in sentences]
    return [source.name for source, _ in attribute(text, sentences, [], lex, Source.narrator("third"), registry)]


def test_attribution_carries_a_speaker_to_the_next_sentence_but_not_into_a_comment() -> None:
    """The same rules on hand-made sentence spans, without the parsing models."""
    text = "Serhiy Haidai said the town held. The enemy keeps shelling it."
    assert speakers_of(text, [(0, 33), (34, len(text))]) == ["Serhiy Haidai", "Serhiy Haidai"]
    text = "Serhiy Haidai said the town held. This means the front is stable."
    assert speakers_of(text, [(0, 33), (34, len(text))]) == ["Serhiy Haidai", "narrator"]


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "Le président Volodymyr Zelensky a remercié les militaires ukrainiens qui ont libéré Izioum.",
                 id="fr"),
    pytest.param("en", "President Volodymyr Zelensky thanked the Ukrainian military, which liberated Izium.", id="en"),
])
def test_the_thanked_unit_is_not_the_speaker(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2022-09-12"))
    claims = next(extractor.extract([document])).claims
    assert claims
    assert {c.source.name for c in claims} == {"Volodymyr Zelensky"}


def sides_at(extractor, text: str, lang: str) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    """The sides attribution gives each place's claim candidates (before the model decides)."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2024-10-14"))
    _, candidates = next(extractor.candidates([document]))
    found: dict[str, set[str]] = {}
    for candidate in candidates:
        found.setdefault(candidate.target.mention.place.name, set()).add(candidate.speaker.side)
    return found


SUBJECTS = [
    pytest.param("en", "Kyiv says its forces have entered the outskirts of Kupiansk.", "Kupyansk", "UA",
                 id="en-capital-as-subject"),
    pytest.param("fr", "Les Ukrainiens affirment avoir repris le village de Robotyne.", "Robotyne", "UA",
                 id="fr-nationality-as-subject"),
    pytest.param("ru", "Москва заявила, что её войска вошли в Торецк.", "Toretsk", "RU", id="ru-capital-as-subject"),
    pytest.param("uk", "Київ заявив, що українські сили відбили атаку на Часів Яр.", "Chasiv Yar", "UA",
                 id="uk-capital-as-subject"),
    pytest.param("uk", "28-ма бригада заявила, що Торецьк не окупований повністю.", "Toretsk", "UA",
                 id="uk-numbered-brigade"),
    pytest.param("en", "Russian forces have broken into the centre of Toretsk, said Andriy Melnyk, spokesman for "
                 "the Ukrainian army's 24th brigade.", "Toretsk", "UA", id="en-forces-yield-to-a-closer-name"),
    pytest.param("en", "The Russian Defence Ministry's claim that its forces had captured Kurakhove could not be "
                 "verified.", "Kurakhove", "RU", id="en-author-of-a-speech-noun"),
    pytest.param("uk", "В оперативному командуванні «Схід» повідомили, що окупанти намагаються зайти в Сіверськ.",
                 "Siversk", "UA", id="uk-speaker-in-the-locative"),
    pytest.param("en", "Moscow's announcement came after remarks by Valery Gerasimov, who claimed Russian units "
                 "had taken Vovchansk.", "Vovchansk", "RU", id="en-relative-pronoun-subject"),
    pytest.param("ru", "По словам советника главы Донецкой Народной Республики по вопросам обороны Ивана Петрова, "
                 "российские подразделения вошли в Курахово.", "Kurakhove", "RU", id="ru-long-title-after-po-slovam"),
    pytest.param("fr", "Une vidéo montre Evguéni Prigojine devant la mairie. « Nos hommes ont pris Bakhmout », "
                 "clame-t-il.", "Bakhmut", "RU", id="fr-inverted-il-after-a-quote"),
    pytest.param("uk", "Як повідомляє Українська правда, російські війська зайшли в Торецьк.", "Toretsk", "third",
                 id="uk-ukrainian-media-are-no-side"),
    pytest.param("fr", "Le ministère russe de la Défense a parlé de combats. Des unités ukrainiennes sont entrées "
                 "dans Vovtchansk a fait savoir l'armée ukrainienne.", "Vovchansk", "UA",
                 id="fr-army-named-after-its-verb-closes-the-sentence"),
    pytest.param("fr", "Le ministère russe a annoncé la prise de Kourakhovo.", "Kurakhove", "RU",
                 id="fr-ministry-named-by-its-country-alone"),
    pytest.param("fr", "Le ministère ukrainien a indiqué que ses troupes avaient repris Robotyne.", "Robotyne", "UA",
                 id="fr-ukrainian-ministry-named-by-its-country-alone"),
]


@pytest.mark.models
def test_attribution_a_source_named_inside_a_quote_does_not_speak_for_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('The General Staff of Ukraine stated that "the enemy keeps lying about its gains. In reality, the '
            "Kremlin's reports about the capture of Siversk are not confirmed by any facts.\"")
    assert sides_at(extractor, text, "en")["Siversk"] == {"UA"}


@pytest.mark.models
def test_attribution_pronoun_takes_the_last_source_of_its_gender(extractor) -> None:  # type: ignore[no-untyped-def]
    """'Elle' is Russia, the feminine subject before it, not Kyiv, the last speaker."""
    text = ("Selon Kyiv, les troupes russes ont progressé près de Koupiansk. La Russie, qui a perdu beaucoup "
            "d'hommes, contrôle environ un cinquième du territoire ukrainien. Elle affirme tenir la quasi-totalité "
            "de la région de Louhansk.")
    found = sides_at(extractor, text, "fr")
    assert found["Kupyansk"] == {"UA"}
    assert found["Luhansk Oblast"] == {"RU"}


@pytest.mark.models
def test_attribution_bare_title_speaks_for_the_side_that_introduced_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('Ukraine\'s army denied the claim. "Fighting continues near Tabaivka," army spokesman Petro Kovalenko '
            "said.")
    assert sides_at(extractor, text, "en")["Tabaivka"] == {"UA"}


NEXT_SENTENCE = [
    pytest.param("uk", "Російські війська просунулися до околиць Торецька. Бої тривають у центрі Часового Яру.\n"
                 "Про це повідомив Генштаб ЗСУ.", id="uk-pro-tse-povidomyv"),
    pytest.param("ru", "Российские войска продвинулись к окраинам Торецка. Бои идут в центре Часова Яра.\n"
                 "Об этом сообщил Генштаб ВСУ.", id="ru-ob-etom-soobshchil"),
]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), NEXT_SENTENCE)
def test_attribution_source_named_after_a_paragraph_speaks_for_all_of_it(extractor, lang: str,  # type: ignore[no-untyped-def]
                                                                        text: str) -> None:
    found = sides_at(extractor, text, lang)
    assert found["Toretsk"] == {"UA"}
    assert found["Chasiv Yar"] == {"UA"}


@pytest.mark.models
def test_attribution_speaker_announced_with_a_colon_speaks_for_the_lines_after(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Що повідомив Генштаб:\n\nРосіяни зайшли в Грабовське\n\nУ селі тривають бої"
    assert sides_at(extractor, text, "uk")["Hrabovske"] == {"UA"}


CARRIED_ON = [
    pytest.param("fr", "Le chef d'état-major russe Valéri Guérassimov a revendiqué la prise de Koupiansk. "
                 "D'autres villages seraient tombés près de Siversk.", "Siversk", "RU", id="fr-reported-conditional"),
    pytest.param("uk", "Речник Сил оборони Півдня Владислав Волошин розповів про бої біля Роботиного. "
                 "Також тривають бої за Торецьк.", "Toretsk", "UA", id="uk-takozh"),
    pytest.param("fr", "Nos troupes ont libéré Kourakhovo. L'ennemi a fui vers l'ouest. Nos unités avancent vers "
                 "Dachne.", "Dachne", "RU", id="fr-partisan-narrator"),
]

# What a pronoun, an impersonal verb or a relay line refers back to, and what is the outlet's own.
REFERRED = [
    pytest.param("uk", "Речник Сил оборони Півдня Владислав Волошин виступив у телемарафоні. За його словами, "
                 "російська штурмова група зайшла в Роботине.", "Robotyne", "UA", id="uk-za-yoho-slovamy"),
    pytest.param("ru", "Соответствующее видео опубликовал 16 армейский корпус ВСУ. Там отметили, что бои за Купянск "
                 "продолжаются.", "Kupyansk", "UA", id="ru-tam-otmetili"),
    pytest.param("en", "The Russian Defence Ministry said its forces had taken Uspenovka. The village of Borki was "
                 "captured later in the week.", "Birky", "third", id="en-background-is-not-carried"),
    pytest.param("ru", "Ранее сообщалось, что российские подразделения вошли в Торецк.", "Toretsk", "third",
                 id="ru-reported-earlier-by-no-one"),
    pytest.param("uk", " \n\nУ Покровську тривають бої з російськими штурмовими групами.\n\nПро це повідомляє "
                 "Суспільне з посиланням на Генштаб.\n\nВорог атакував поблизу Торецька.", "Toretsk", "UA",
                 id="uk-article-relays-its-source"),
]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "place", "side"), SUBJECTS + CARRIED_ON + REFERRED)
def test_attribution_speaker_of_a_place(extractor, lang: str, text: str, place: str,  # type: ignore[no-untyped-def]
                                        side: str) -> None:
    """The subject of the speech verb speaks; a sentence that carries on a report keeps its speaker."""
    assert sides_at(extractor, text, lang)[place] == {side}


def test_attribution_source_after_a_paragraph_covers_it_but_not_the_one_before() -> None:
    """The same rules on hand-made sentence spans, without the parsing models."""
    text = ("Serhiy Haidai said the town held.\n\nRussian troops advanced near Toretsk. Fighting goes on in the "
            "centre.\nThis was reported by the Ukrainian General Staff.")
    first = text.index("Russian")
    second = text.index("Fighting")
    third = text.index("This")
    spans = [(0, 33), (first, second - 1), (second, third - 1), (third, len(text))]
    assert speakers_of(text, spans) == ["Serhiy Haidai"] + ["Ukrainian General Staff"] * 3


@pytest.mark.models
def test_attribution_person_named_again_in_another_case_keeps_the_title_side(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Андрій Канашевич" and, later, "Канашевича" are one person; his title gave his side."""
    text = ("Очільник міської військової адміністрації Андрій Канашевич розповів про ситуацію у місті. "
            "На околицях Куп'янська, за словами Канашевича, тривають бої.")
    document = Document(id="t", text=text, lang="uk", published=PartialDate.parse("2024-10-14"))
    _, candidates = next(extractor.candidates([document]))
    assert {(c.speaker.side, "Канашевич" in c.speaker.name) for c in candidates} == {("UA", True)}


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "trigger"), [
    pytest.param("en", "Ukrainian troops entered Kherson on Friday, two days after Russia announced its retreat from "
                 "the city.", "entered", id="en-after-russia-announced"),
    pytest.param("fr", "Les soldats ukrainiens ont repris Izioum, au point que le Kremlin a admis un repli de ses "
                 "troupes.", "repris", id="fr-au-point-que"),
])
def test_attribution_speech_verb_of_a_subordinate_clause_speaks_only_for_it(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                                          trigger: str) -> None:
    """The outlet says the main clause; the country speaks only in its own clause."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2024-10-14"))
    _, candidates = next(extractor.candidates([document]))
    sides = {c.speaker.side for c in candidates if text[c.trigger.start:c.trigger.end] == trigger}
    assert sides == {"third"}


@pytest.mark.models
def test_attribution_side_speaking_of_its_own_advance(extractor) -> None:  # type: ignore[no-untyped-def]
    """The troops that report are the troops that advance: naming the speaker does not hide
    whose forces act."""
    claims = claims_of(extractor, "Ukrainian troops reported successful advances near Robotyne on Tuesday.", "en")
    assert [(c.place.name, c.kind, c.actor, c.source.side) for c in claims] == [("Robotyne", "advance", "UA", "UA")]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "place", "kind", "expected"), [
    pytest.param("fr", "Les blogueurs militaires russes de Rybar ont fait état d'avancées près de Niou-York.",
                 "Nyu-York", "advance", ("Rybar", "RU"), id="fr-faire-etat-de"),
    pytest.param("uk", "Вчора російські війська увійшли до Селидового, повідомили українські посадовці.",
                 "Selydove", "presence", ("Ukrainian authorities", "UA"), id="uk-officials-after-the-verb"),
])
def test_attribution_reporting_phrases(extractor, lang: str, text: str, place: str, kind: str,  # type: ignore[no-untyped-def]
                                       expected: tuple[str, str]) -> None:
    assert sources_of(extractor, text, lang, place, kind) == {expected}


@pytest.mark.parametrize(("lang", "text", "speaker"), [
    pytest.param("uk", 'Дослівно DeepState: "Мапу оновлено. Ворог просунувся поблизу Степового".', "DeepState",
                 id="uk-verbatim"),
    pytest.param("fr", "Hanna Maliar : « Nos forces avancent au sud de Robotyne. »", "Hanna Maliar",
                 id="fr-name-colon"),
])
def test_a_name_a_quote_follows_after_a_colon_speaks_it(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                         speaker: str) -> None:
    """'X: «…»' needs no speech verb: the name before the colon speaks the quote, on to its
    last sentence."""
    claims = claims_of(extractor, text, lang)
    assert claims and {c.source.name for c in claims} == {speaker}


@pytest.mark.parametrize("text", [
    "Russian pro-war bloggers had reported that Russian troops raised their flag in the centre of Toretsk.",
    "Pro-war Russian bloggers reported that Russian troops raised their flag in the centre of Toretsk.",
])
def test_pro_war_bloggers_are_russian_milbloggers(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert sources_of(extractor, text, "en", "Toretsk", "presence") == {("Russian milbloggers", "RU")}


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("ru", "Минобороны России сообщило о взятии Часова Яра. В ведомстве добавили, что город взяли под "
           "контроль бойцы группировки «Юг».", "Chasiv Yar"),
    ("ru", "Минобороны России сообщило об успехах на фронте. По данным ведомства, Новопавловку заняли "
           "подразделения группировки «Центр».", "Novopavlivka"),
    ("uk", "Міноборони Росії повідомило про успіхи на фронті. За даними відомства, Новопавлівку зайняли "
           "підрозділи угруповання «Центр».", "Novopavlivka"),
])
def test_attribution_the_ministry_in_any_case_is_the_ministry_named_before(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """"В ведомстве уточнили", "по данным ведомства": the word for the body, in whatever case,
    refers back to the ministry named before; the outlet does not claim the capture itself."""
    assert sources_of(extractor, text, lang, place, "capture") == {("Russian Ministry of Defence", "RU")}


@pytest.mark.parametrize(("lang", "named", "denied"), [
    ("en", "Russia's defence ministry said on Monday that its troops had captured Kupiansk.",
     "Ukraine's military denied Russian claims that Kupiansk had fallen."),
    ("fr", "Le ministère russe de la Défense a affirmé lundi avoir pris Koupiansk.",
     "L'armée ukrainienne a démenti les affirmations russes sur la prise de Koupiansk."),
])
def test_attribution_a_side_s_unnamed_claim_is_its_named_source_s(  # type: ignore[no-untyped-def]
        extractor, lang: str, named: str, denied: str) -> None:
    """"Kyiv denied Russian claims that X fell": the claim denied belongs to Russia's unnamed
    sources, unless the article names who in Russia made it; then it is that source's
    statement, not a second one."""
    both = statements_of(extractor, named + " " + denied, lang, "Kupyansk", "capture")
    assert ("Russian Ministry of Defence", "asserts") in both
    assert ("Russian sources", "asserts") not in both
    assert ("Russian sources", "asserts") in statements_of(extractor, denied, lang, "Kupyansk", "capture")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Ukraine's army rejected the report, saying fighting near Tabaivka went on. \"Fighting continues "
           "near Tabaivka,\" spokesman Volodymyr Fityo said."),
    ("fr", "L'armée ukrainienne affirme que les combats se poursuivent à Tabaïvka. « Les combats continuent à "
           "Tabaïvka », a déclaré le porte-parole Volodymyr Fityo."),
])
def test_attribution_a_side_s_catch_all_source_next_to_its_named_speaker_is_that_speaker(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"Ukraine's army said X. 'X,' spokesman Fityo said": the army is how the article
    introduces its spokesman, one statement, his."""
    assert statements_of(extractor, text, lang, "Tabaivka", "fighting") == {("Volodymyr Fityo", "asserts")}


def test_attribution_a_catch_all_source_far_from_a_named_one_stays_its_own(extractor) -> None:  # type: ignore[no-untyped-def]
    """Sentences apart, the army and the General Staff are two reports of the same fight."""
    text = ("Ukraine's army said fighting near Tabaivka went on. Kupiansk was quiet overnight. Civilians were "
            "evacuated from Borova. Buses left at dawn. Fighting continues near Tabaivka, the General Staff of "
            "Ukraine's armed forces said.")
    assert statements_of(extractor, text, "en", "Tabaivka", "fighting") == {
        ("Ukrainian military", "asserts"), ("Ukrainian General Staff", "asserts")}


@pytest.mark.parametrize(("lang", "quotation", "said"), [
    ("fr", "« Nos unités contrôlent désormais tout le village de Krasna Hora. »",
     "Le chef de Wagner, Evgueni Prigojine, a revendiqué lundi la prise de Krasna Hora par ses hommes."),
    ("en", "“Our units now control all of Krasna Hora.”",
     "Wagner chief Yevgeny Prigozhin claimed on Monday that his fighters had seized Krasna Hora."),
])
def test_attribution_a_quotation_without_a_speaker_is_not_the_outlet_s_claim(  # type: ignore[no-untyped-def]
        extractor, lang: str, quotation: str, said: str) -> None:
    """Words in quotation marks are someone's, never the outlet's: when the article credits
    the statement they make to a named source, they are that source's statement, not a
    second one in the outlet's voice."""
    both = statements_of(extractor, quotation + " " + said, lang, "Krasna Hora", "capture")
    assert ("narrator", "asserts") not in both
    assert ("Wagner Group", "asserts") in both


def test_attribution_a_headline_restating_a_sourced_claim_is_not_a_second_claim(extractor) -> None:  # type: ignore[no-untyped-def]
    """A headline says in the outlet's voice what the article under it credits to a source:
    one statement, the source's. A headline whose claim the article credits to no one
    stays the outlet's."""
    body = "Russia's defence ministry said on Monday that its troops had captured Kupiansk."
    headline = "Russian forces capture Kupiansk\n"

    def asserted_by(text: str) -> set[str]:
        return {name for name, stance in statements_of(extractor, text, "en", "Kupyansk", "capture")
                if stance == "asserts"}

    assert asserted_by(headline + body) == {"Russian Ministry of Defence"}
    assert "narrator" in asserted_by(headline + "Fighting went on around the town for months.")


@pytest.mark.parametrize(("lang", "text", "place", "denier"), [
    pytest.param("fr", "Le Kremlin a annoncé la prise de Koupiansk, des affirmations démenties par l'état-major "
                       "ukrainien.", "Kupyansk", "Ukrainian General Staff", id="fr-feminine-plural-participle"),
    pytest.param("en", "The Ukrainian army said it still controls Siversk, dismissing Moscow's statement that Russian "
                       "units had taken the town.", "Siversk", "Ukrainian military", id="en-gerund"),
])
def test_attribution_every_form_of_a_denial_verb_denies(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, denier: str) -> None:
    """"Démenties", "dismissing": each inflection of a denial verb denies the claim it is
    about, not only the forms first listed."""
    assert (denier, "denies") in statements_of(extractor, text, lang, place, "capture")


def test_attribution_a_speech_verb_in_the_gerund_opens_its_own_statement(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Kyiv denied that the Russian army had seized X, insisting that ...": "insisting" says
    something new; the denial stays Kyiv's, and the claim it denies stays Russia's assertion,
    not a Russian denial of Russia's own capture."""
    text = ("Kyiv on Tuesday denied that the Russian army had seized Pokrovsk, insisting that its "
            "soldiers still hold the north of the town.")
    found = {(c.actor, c.stance, c.source.side) for c in claims_of(extractor, text, "en")
             if c.place.name == "Pokrovsk" and c.kind == "capture"}
    assert ("RU", "denies", "UA") in found
    assert ("RU", "asserts", "RU") in found
    assert ("RU", "denies", "RU") not in found


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "\"The enemy says it has captured Tabaivka. That is not true,\" Ukrainian army "
                       "spokesman Volodymyr Fityo said.", "Tabaivka", id="en-quoted"),
    pytest.param("fr", "« L'ennemi affirme avoir pris Tabaïvka. C'est faux », a déclaré le porte-parole de "
                       "l'armée ukrainienne Volodymyr Fitio.", "Tabaivka", id="fr-quoted"),
    pytest.param("uk", "Речник Сил оборони півдня України Владислав Волошин заявив, що противник стверджує, "
                       "ніби захопив Гуляйполе.", "Hulyaypole", id="uk-reported"),
    pytest.param("ru", "«Противник заявляет, что российские войска захватили Курахово. Это неправда», — сказал "
                       "представитель ВСУ Виктор Трегубов.", "Kurakhove", id="ru-quoted"),
])
def test_attribution_the_enemys_claim_is_not_the_speakers(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """A Ukrainian spokesman reporting what "the enemy claims" passes on the Russian side's
    claim: the capture is asserted by the Russian side, never by the spokesman."""
    found = {(c.source.side, c.stance) for c in claims_of(extractor, text, lang)
             if c.place.name == place and c.kind == "capture" and c.actor == "RU"}
    assert ("RU", "asserts") in found
    assert ("UA", "asserts") not in found


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "place", "claimant"), [
    pytest.param("en", "The Russian Ministry of Defence said on Sunday that its forces had captured Velyka Novosilka. "
                       "Ukrainian spokesman Viktor Trehubov refuted claims in Russian media about the capture of "
                       "Velyka Novosilka.", "Velyka Novosilka", "Russian Ministry of Defence", id="en-same-side"),
    pytest.param("en", "DeepState reported that Russian forces had taken control of Vremivka. "
                       "Ukrainian officials denied claims about the capture of Vremivka.",
                 "Vremivka", "DeepState", id="en-other-side"),
    pytest.param("fr", "Le ministère russe de la Défense a annoncé la prise de Koupiansk. Kyiv a démenti les "
                       "affirmations des médias russes sur la prise de Koupiansk.",
                 "Kupyansk", "Russian Ministry of Defence", id="fr-same-side"),
])
def test_attribution_a_denied_claim_is_the_quoted_sources(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, claimant: str) -> None:
    """The claims a denial answers are the statement the article quotes a source for, not a
    second one by the media or unnamed sources the denial mentions."""
    asserted = {c.source.name for c in claims_of(extractor, text, lang)
                if c.place.name == place and c.kind == "capture" and c.stance == "asserts"}
    assert asserted == {claimant}


@pytest.mark.parametrize("lang, text", [
    ("ru", "Российские войска освободили Купянск, заявил начальник Генштаба ВС РФ генерал армии Валерий "
           "Герасимов. \"Российские войска освободили Купянск\", - сказал Герасимов."),
])
def test_attribution_a_title_named_in_apposition_is_the_person_it_names(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"The chief of the General Staff, general Valery Gerasimov": the chief is Gerasimov, so
    his statement and his quote by name are one claim, his."""
    assert sources_of(extractor, text, lang, "Kupyansk", "capture") == {("Valery Gerasimov", "RU")}


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "Selon l'Institute of War américain, les forces russes sont entrées dans Toretsk.", id="fr"),
    pytest.param("en", "According to the Institute of War, Russian forces have entered Toretsk.", id="en"),
])
def test_attribution_the_institute_named_short_is_the_isw(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Reporters shorten the Institute for the Study of War; the statement is still the ISW's."""
    _, candidates = next(extractor.candidates([Document(id="t", text=text, lang=lang,
                                                        published=PartialDate.parse("2024-10-14"))]))
    assert {c.speaker.name for c in candidates if c.target.mention.place.name == "Toretsk"} == {"ISW"}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Russian forces capture Kupiansk\nRussia's defence ministry said on Monday that its troops had "
                       "captured Kupiansk. Earlier, Russian forces had captured Kupiansk after a week of heavy "
                       "fighting.", "Kupyansk", id="en"),
    pytest.param("uk", "Росіяни захопили Куп'янськ\nМіністерство оборони Росії заявило, що його війська захопили "
                       "Куп'янськ. Раніше російські війська захопили Куп'янськ після тижня важких боїв.",
                 "Kupyansk", id="uk"),
])
def test_attribution_the_outlet_saying_in_the_body_what_its_headline_says_keeps_its_claim(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """A headline that restates a named source is no claim of the outlet's, but the outlet
    saying the same in the article's own sentences is: the headline repeating it takes
    nothing away from the body."""
    both = statements_of(extractor, text, lang, place, "capture")
    assert ("narrator", "asserts") in both
    assert ("Russian Ministry of Defence", "asserts") in both


@pytest.mark.models
@pytest.mark.parametrize(("text", "speaker"), [
    pytest.param("Vladyslav Voloshyn, spokesman for Ukraine's Southern Defense Forces, spoke on Sunday. "
                 "The spokesman for the Southern Defense Forces said that Ukrainian forces repelled an attack on "
                 "Huliaipole.", "Vladyslav Voloshyn", id="the-person-named-with-the-title"),
    pytest.param("Vladyslav Voloshyn, spokesman for Ukraine's Southern Defense Forces, spoke on Sunday. "
                 "A spokesman for the Russian Defence Ministry said that Russian forces repelled an attack on "
                 "Huliaipole.", "Russian Ministry of Defence", id="another-sides-title-is-its-body"),
    pytest.param("The spokesman for the Southern Defense Forces said that Ukrainian forces repelled an attack on "
                 "Huliaipole.", "Ukrainian military", id="no-person-named-before"),
])
def test_attribution_a_title_naming_its_body_is_the_person_named_with_it(  # type: ignore[no-untyped-def]
        extractor, text: str, speaker: str) -> None:
    """"The spokesman for the Southern Defense Forces said" is the spokesman the article named,
    not a statement of the body; a title of the other side's body, or one the article never
    put a name to, stays the body's."""
    assert {name for name, _ in sources_of(extractor, text, "en", "Hulyaypole", "repelled")} == {speaker}


UNNAMED_PERSONS = [
    pytest.param(
        "uk",
        "Сили оборони звільнили Куп'янськ.\n\n"
        "«Ми звільнили Куп'янськ», – сказав військовослужбовець.",
        id="uk-dash-after-the-quote",
    ),
    pytest.param(
        "en",
        "Ukrainian forces have liberated Kupiansk.\n\n"
        '"We liberated Kupiansk," a serviceman in the video says.',
        id="en-a-serviceman-in-the-video",
    ),
    pytest.param(
        "en",
        "Ukrainian forces have liberated Kupiansk.\n\n"
        '"We liberated Kupiansk," says one of the soldiers in the video.',
        id="en-one-of-the-soldiers",
    ),
    pytest.param(
        "fr",
        "Les forces ukrainiennes ont libéré Koupiansk.\n\n"
        "« Nous avons libéré Koupiansk », a déclaré l'un des militaires.",
        id="fr-inverted-after-the-quote",
    ),
    pytest.param(
        "fr",
        "Les forces ukrainiennes ont libéré Koupiansk.\n\n"
        "L'un des soldats affirme que les forces ukrainiennes ont libéré Koupiansk.",
        id="fr-one-of-the-soldiers-as-subject",
    ),
]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text"), UNNAMED_PERSONS)
def test_attribution_a_person_known_only_by_a_title_speaks_apart_from_the_outlet(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """A soldier who says what the outlet says is a second source of the statement, not the
    outlet again: the two stay two claims."""
    speakers = statements_of(extractor, text, lang, "Kupyansk", "capture")
    assert len(speakers) == 2
    assert ("narrator", "asserts") in speakers


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "speaker"), [
    pytest.param("uk", "Про це заявив начальник відділу зв'язків з громадськістю оперативного командування Олег "
                       "Петренко. \"Російські підрозділи закріплюються у північній частині Грабовського\", "
                       "- додав він.",
                 "Олег Петренко", id="uk-title-then-name"),
    pytest.param("ru", "Об этом заявил начальник отдела по связям с общественностью оперативного командования Олег "
                       "Петренко. \"Российские подразделения закрепляются в северной части Грабовского\", "
                       "- добавил он.",
                 "Олег Петренко", id="ru-title-then-name"),
    pytest.param("en", "The news came from the head of the press office of the operational command Oleh Petrenko. "
                       "According to him, Russian troops entered Hrabovske.",
                 "Oleh Petrenko", id="en-according-to-him"),
])
def test_attribution_a_title_followed_by_a_name_is_that_person(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                                  speaker: str) -> None:
    """A long title and then the person's name: he speaks, not "the chief" nor the troops
    his next sentence is about ("According to him, Russian troops…")."""
    assert {name for name, _ in sources_of(extractor, text, lang, "Hrabovske", "presence")} == {speaker}


def test_attribution_pronoun_refers_back_to_a_registry_person(extractor) -> None:  # type: ignore[no-untyped-def]
    """A source the registry knows by name is a person when the name tagger says so: "she" in
    the next sentence is her, not the outlet."""
    text = ("Deputy Defence Minister Hanna Maliar said fighting continued near Bakhmut. "
            "She added that Ukrainian troops had liberated Robotyne.")
    assert sources_of(extractor, text, "en", "Robotyne", "capture") == {("Hanna Maliar", "UA")}
