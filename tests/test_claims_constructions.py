"""One test per linguistic construction, in each language the construction is common in.

The sentences are written for these tests. Each asserts what a reader would: the place,
the kind, whose forces, asserted or denied, and which side says it. They check that the
extractor reads the construction (passive voice, pluperfect, a nominalised trigger, an
attempt, a purpose, a negation, a speaker named in the next sentence, a place that only
locates another), whatever the wording of the articles the model was trained on.
"""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def keys(extractor, text: str, lang: str) -> set[tuple[str, str, str, str, str]]:  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    claims = next(extractor.extract([document])).claims
    return {(c.place.name, c.kind, c.actor, c.stance, c.source.side) for c in claims}


def readings(extractor, text: str, lang: str, place: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Kind, actor and stance of every claim the text makes about `place`."""
    return {(kind, actor, stance) for name, kind, actor, stance, _ in keys(extractor, text, lang) if name == place}


def candidates_in(extractor, text: str, lang: str):  # type: ignore[no-untyped-def]
    """The claim candidates of `text`, before the model decides on them."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    return next(extractor.candidates([document]))[1]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("en", "Kupiansk was captured by Russian forces, the Russian defence ministry said.",
                 ("Kupyansk", "capture", "RU", "asserts", "RU"), id="passive-en"),
    pytest.param("fr", "Pokrovsk a été pris par les troupes russes, selon le ministère russe de la Défense.",
                 ("Pokrovsk", "capture", "RU", "asserts", "RU"), id="passive-fr"),
    pytest.param("uk", "Покровськ був захоплений російськими військами, заявили в Міноборони РФ.",
                 ("Pokrovsk", "capture", "RU", "asserts", "RU"), id="passive-uk"),
    pytest.param("ru", "Покровск был захвачен российскими войсками, сообщило Минобороны России.",
                 ("Pokrovsk", "capture", "RU", "asserts", "RU"), id="passive-ru"),
    pytest.param("fr", "Les forces russes avaient pris Vouhledar en octobre 2024.",
                 ("Vuhledar", "capture", "RU", "asserts", "third"), id="pluperfect-fr"),
    pytest.param("en", "Russian troops had seized Vuhledar in October 2024.",
                 ("Vuhledar", "capture", "RU", "asserts", "third"), id="pluperfect-en"),
    pytest.param("en", "Russia's defence ministry announced the capture of Kurakhove.",
                 ("Kurakhove", "capture", "RU", "asserts", "RU"), id="nominalisation-en"),
    pytest.param("fr", "Le ministère russe de la Défense a annoncé la prise de Kourakhové.",
                 ("Kurakhove", "capture", "RU", "asserts", "RU"), id="nominalisation-fr"),
    pytest.param("uk", "Міноборони РФ заявило про захоплення Курахового.",
                 ("Kurakhove", "capture", "RU", "asserts", "RU"), id="nominalisation-uk-genitive"),
    pytest.param("ru", "Минобороны России сообщило об освобождении Курахово.",
                 ("Kurakhove", "capture", "RU", "asserts", "RU"), id="nominalisation-ru"),
    pytest.param("en", "Russian troops did not enter Kupiansk, the Ukrainian military said.",
                 ("Kupyansk", "presence", "RU", "denies", "UA"), id="negated-en"),
    pytest.param("fr", "Les troupes russes ne sont pas entrées dans Koupiansk, a déclaré l'armée ukrainienne.",
                 ("Kupyansk", "presence", "RU", "denies", "UA"), id="negated-fr"),
    pytest.param("uk", "Російські війська не заходили до Куп'янська, заявили в Генштабі ЗСУ.",
                 ("Kupyansk", "presence", "RU", "denies", "UA"), id="negated-uk"),
    pytest.param("ru", "Российские войска не входили в Купянск, заявили в Генштабе ВСУ.",
                 ("Kupyansk", "presence", "RU", "denies", "UA"), id="negated-ru"),
    pytest.param("en", "Russian troops entered the eastern part of Siversk. This was reported by the Ukrainian "
                       "General Staff.", ("Siversk", "presence", "RU", "asserts", "UA"), id="next-sentence-en"),
    pytest.param("uk", "Російські війська увійшли у східну частину Сіверська. Про це повідомив Генштаб ЗСУ.",
                 ("Siversk", "presence", "RU", "asserts", "UA"), id="next-sentence-uk"),
    pytest.param("fr", "Les troupes russes sont entrées dans Kourakhové, selon l'état-major ukrainien.",
                 ("Kurakhove", "presence", "RU", "asserts", "UA"), id="feminine-participle-fr"),
    pytest.param("en", "A Russian commander said his unit had not yet taken Chasiv Yar.",
                 ("Chasiv Yar", "capture", "RU", "denies", "RU"), id="speaker-own-unit-en"),
    pytest.param("fr", "Un commandant russe a affirmé que son unité n'avait pas encore pris Tchassiv Iar.",
                 ("Chasiv Yar", "capture", "RU", "denies", "RU"), id="speaker-own-unit-fr"),
    pytest.param("en", "Ukrainian officials said the village of Zalizne is now in Russian hands.",
                 ("Zalizne", "capture", "RU", "asserts", "UA"), id="side-inside-the-phrase-en"),
    pytest.param("fr", "Selon l'armée ukrainienne, Irpin est encore aux mains des Russes.",
                 ("Irpin", "capture", "RU", "asserts", "UA"), id="side-after-the-phrase-fr"),
    pytest.param("en", "Russian bloggers said Ukrainian paratroopers, backed by drones, had crossed the river and "
                       "entered Krynky.", ("Krynky", "presence", "UA", "asserts", "RU"),
                 id="side-s-troops-as-subject-en"),
    pytest.param("en", "Ukraine's army said Avdiivka is now in the hands of Russian forces.",
                 ("Avdiyivka", "capture", "RU", "asserts", "UA"), id="in-the-hands-of-en"),
    pytest.param("en", "Ukraine's army said Avdiivka is now in enemy hands.",
                 ("Avdiyivka", "capture", "RU", "asserts", "UA"), id="in-enemy-hands-en"),
    pytest.param("fr", "Selon Kiev, Avdiivka est désormais entre les mains de l'armée russe.",
                 ("Avdiyivka", "capture", "RU", "asserts", "UA"), id="entre-les-mains-fr"),
    pytest.param("en", "Ukrainian drones struck a fuel depot in Russian-occupied Berdyansk on Monday.",
                 ("Berdyansk", "capture", "RU", "asserts", "third"), id="side-compound-after-in-en"),
    pytest.param("en", "Artillery fire hit Ukrainian-held Robotyne overnight.",
                 ("Robotyne", "capture", "UA", "asserts", "third"), id="side-compound-before-name-en"),
    pytest.param("en", "Glide bombs fell on Kyiv-controlled Kostiantynivka.",
                 ("Kostyantynivka", "capture", "UA", "asserts", "third"), id="capital-compound-en"),
    pytest.param("en", "If the assault succeeds, the brigade will stand 80 kilometres from Russian-occupied Mariupol.",
                 ("Mariupol", "capture", "RU", "asserts", "third"), id="side-compound-under-a-condition-en"),
    pytest.param("fr", "Les unités ukrainiennes reculent face à l'avancée russe en direction de Pokrovsk.",
                 ("Pokrovsk", "advance", "RU", "asserts", "third"), id="side-inside-a-nominal-after-face-a-fr"),
    pytest.param("en", "Ukrainian units are holding out against the Russian advance toward Pokrovsk.",
                 ("Pokrovsk", "advance", "RU", "asserts", "third"), id="side-inside-a-nominal-after-against-en"),
    pytest.param("en", "Kyiv's brigades are struggling with the Russian offensive on Pokrovsk.",
                 ("Pokrovsk", "fighting", "RU", "asserts", "third"), id="side-inside-a-nominal-after-with-en"),
])
def test_claims_construction_is_read(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                     expected: tuple[str, str, str, str, str]) -> None:
    assert expected in keys(extractor, text, lang)


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Russian forces are trying to capture Chasiv Yar, the Ukrainian military said.", "Chasiv Yar",
                 id="en"),
    pytest.param("fr", "Les troupes russes tentent de s'emparer de Tchassiv Iar, selon l'armée ukrainienne.",
                 "Chasiv Yar", id="fr"),
    pytest.param("uk", "Російські війська намагаються захопити Часів Яр, повідомили в ЗСУ.", "Chasiv Yar", id="uk"),
])
def test_claims_attempt_is_fighting_not_capture(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    found = keys(extractor, text, lang)
    assert (place, "fighting", "RU", "asserts", "UA") in found
    assert not [k for k in found if k[1] == "capture"]


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "L'armée russe concentre des troupes afin de prendre Pokrovsk.", id="fr"),
    pytest.param("en", "Russia is massing troops in order to capture Pokrovsk.", id="en"),
    pytest.param("en", "Russia plans to seize Pokrovsk by the summer.", id="en-plan"),
    pytest.param("fr", "La Russie prévoit de s'emparer de Pokrovsk d'ici l'été.", id="fr-plan"),
    pytest.param("fr", "L'état-major envisage de reprendre Pokrovsk au printemps.", id="fr-envisage"),
    pytest.param("uk", "Росія планує захопити Покровськ до літа.", id="uk-plan"),
    pytest.param("ru", "Россия планирует захватить Покровск к лету.", id="ru-plan"),
])
def test_claims_purpose_is_no_capture(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [k for k in keys(extractor, text, lang) if k[1] == "capture"]


@pytest.mark.parametrize(("lang", "text", "prospect"), [
    pytest.param("en", "Russian troops took Hirnyk, which opened the way to an assault on Kurakhove.", "Kurakhove",
                 id="open-the-way-en"),
    pytest.param("en", "The fall of Siversk is a stepping stone towards taking Sloviansk.", "Slovyansk",
                 id="stepping-stone-en"),
    pytest.param("fr", "Les forces russes ont pris Hirnyk, ce qui ouvre la voie vers la prise de Kourakhove.",
                 "Kurakhove", id="ouvrir-la-voie-fr"),
    pytest.param("uk", "Російські війська захопили Гірник, що відкрило шлях до штурму Курахового.", "Kurakhove",
                 id="open-the-way-uk"),
    pytest.param("ru", "Российские войска захватили Горняк, что открыло путь к штурму Курахово.", "Kurakhove",
                 id="open-the-way-ru"),
])
def test_claims_a_way_opened_to_a_place_is_a_prospect_not_a_report(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, prospect: str) -> None:
    """What a gain opens the way to is what may come next: nothing is reported of it yet."""
    assert readings(extractor, text, lang, prospect) == set()


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Ukrainian forces prevented Russian troops from capturing Chasiv Yar.", "Chasiv Yar",
                 id="prevent-from-en"),
    pytest.param("en", "The army averted the fall of Bakhmut.", "Bakhmut", id="avert-noun-en"),
    pytest.param("fr", "Les forces ukrainiennes ont empêché la prise de Tchassiv Iar.", "Chasiv Yar",
                 id="empecher-noun-fr"),
    pytest.param("fr", "L'armée ukrainienne a empêché les Russes de prendre Robotyne.", "Robotyne",
                 id="empecher-de-fr"),
    pytest.param("uk", "Українські захисники не дали окупантам захопити Вербове.", "Verbove",
                 id="not-let-uk"),
    pytest.param("uk", "ЗСУ завадили росіянам увійти до Часового Яру.", "Chasiv Yar", id="prevent-uk"),
    pytest.param("ru", "ВСУ не дали российским войскам захватить Работино.", "Robotyne", id="not-let-ru"),
    pytest.param("ru", "Украинские войска не допустили захвата Кременной.", "Kreminna", id="not-allow-noun-ru"),
])
def test_claims_prevented_capture_is_no_claim(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """What a side kept from happening did not happen: no capture, no presence, no denial."""
    assert readings(extractor, text, lang, place) == set()


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "The Ukrainian withdrawal let Russian troops enter Robotyne.", id="let-en"),
    pytest.param("uk", "Відступ ЗСУ дозволив російським військам зайти в Роботине.", id="allow-uk"),
])
def test_claims_letting_an_entry_reports_it(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A verb of letting prevents only when negated: what it lets happen is reported."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, "Robotyne")


@pytest.mark.parametrize(("lang", "text", "target", "locator"), [
    pytest.param("en", "Russian troops took the village of Dachne in the Dnipropetrovsk region, the ministry said.",
                 "Dachne", "Dnipropetrovsk Oblast", id="en"),
    pytest.param("fr", "Les troupes russes ont pris le village de Datchne, dans la région de Dnipropetrovsk, "
                       "selon Moscou.", "Dachne", "Dnipropetrovsk Oblast", id="fr"),
    pytest.param("fr", "Moscou a revendiqué la prise de Novotoretské, un village situé à 15 kilomètres de "
                       "Pokrovsk.", "Novotoretske", "Pokrovsk", id="situated-fr"),
    pytest.param("ru", "Минобороны России сообщило об освобождении села Новоторецкое, расположенного недалеко "
                       "от Покровска.", "Novotoretske", "Pokrovsk", id="situated-ru"),
    pytest.param("uk", "У Міноборони РФ заявили про захоплення села Новоторецьке, розташованого неподалік "
                       "Покровська.", "Novotoretske", "Pokrovsk", id="situated-uk"),
])
def test_claims_locator_is_no_target(extractor, lang: str, text: str, target: str, locator: str) -> None:  # type: ignore[no-untyped-def]
    places = {k[0] for k in keys(extractor, text, lang) if k[1] == "capture"}
    assert target in places
    assert locator not in places


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Fighting raged around Myrnohrad, a town east of Pokrovsk which Russian forces have "
                       "enveloped from almost all sides.", id="en"),
    pytest.param("en", "Kyiv and Moscow gave conflicting accounts of fighting around Myrnohrad, an embattled town "
                       "east of Pokrovsk which Moscow's troops have enveloped from almost every side.",
                 id="en-described-noun"),
])
def test_claims_relative_clause_on_a_description_is_not_about_its_reference_point(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    assert ("advance", "RU", "asserts") in readings(extractor, text, lang, "Myrnohrad")
    assert not readings(extractor, text, lang, "Pokrovsk")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Мирноград, місто на схід від Покровська, яке російські війська майже оточили.", id="uk"),
    pytest.param("ru", "Курахово, село недалеко от Покровска, которое российские войска почти окружили.", id="ru"),
])
def test_claims_relative_word_that_cannot_stand_for_the_place_is_about_the_description(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """The relative word's gender ("яке": neuter) fits "місто", not Покровськ before it."""
    assert not readings(extractor, text, lang, "Pokrovsk")


@pytest.mark.parametrize(("lang", "repulse", "capture"), [
    pytest.param("en", "Ukrainian forces repelled three Russian assaults west of Pokrovsk, the General Staff said.",
                 "Russian troops captured a village 5 km north of Pokrovsk, the Russian defence ministry said.",
                 id="en"),
    pytest.param("fr", "Les forces ukrainiennes ont repoussé trois assauts russes à l'ouest de Pokrovsk, selon "
                       "l'état-major.", "Les troupes russes ont pris un village à 5 km au nord de Pokrovsk, selon "
                                    "Moscou.", id="fr"),
    pytest.param("uk", "Сили оборони відбили три штурми росіян на захід від Покровська, повідомив Генштаб.",
                 "Російські війська захопили село за 5 км на північ від Покровська, заявили в Міноборони РФ.",
                 id="uk"),
    pytest.param("ru", "ВСУ отразили три атаки российских войск западнее Покровска, сообщил Генштаб ВСУ.",
                 "Российские войска заняли село в 5 км к северу от Покровска, сообщило Минобороны России.",
                 id="ru"),
])
def test_claims_point_nearby_is_where_a_fight_happens_not_what_was_taken(  # type: ignore[no-untyped-def]
        extractor, lang: str, repulse: str, capture: str) -> None:
    assert ("repelled", "RU", "asserts") in readings(extractor, repulse, lang, "Pokrovsk")
    assert not readings(extractor, capture, lang, "Pokrovsk")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Ukrainian forces withstood a powerful Russian attack near Yablunivka last week.", id="en"),
    pytest.param("uk", "Українські захисники вистояли під потужним штурмом росіян біля Яблунівки.", id="uk"),
    pytest.param("ru", "ВСУ выстояли под мощной атакой российских войск у Яблоновки.", id="ru"),
])
def test_claims_withstood_attack_is_the_attacker_repelled(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("repelled", "RU", "asserts") in readings(extractor, text, lang, "Yablunivka")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russian forces fought their way into the centre of Toretsk, the governor said.",
                 id="en-way-into"),
    pytest.param("fr", "Les troupes russes se sont frayé un chemin jusqu'au centre de Toretsk.", id="fr-way-into"),
    pytest.param("ru", "Штурмовые группы пробились в центр Торецка.", id="ru-way-into"),
    pytest.param("uk", "Штурмовики пробилися до центру Торецька.", id="uk-way-into"),
    pytest.param("en", "Russian forces were reinforcing their positions in Toretsk, the Ukrainian military said.",
                 id="en-positions"),
    pytest.param("ru", "Российские войска закрепили свои позиции в Торецке, сообщили в Минобороны.", id="ru-positions"),
    pytest.param("uk", "Росіяни зміцнили свої позиції в Торецьку, повідомили в Генштабі.", id="uk-positions"),
    pytest.param("en", "Russian troops moved into Toretsk on Friday, the governor said.", id="en-moved-into"),
    pytest.param("uk", "Росіяни відновили втрачені позиції в центрі Торецька, повідомили в Генштабі.",
                 id="uk-regained-positions"),
    pytest.param("ru", "Российские войска восстановили утраченные позиции в Торецке, сообщили в Минобороны.",
                 id="ru-regained-positions"),
    pytest.param("fr", "Les troupes russes tiennent désormais des positions à Toretsk, selon l'ISW.",
                 id="fr-hold-positions"),
])
def test_claims_forcing_a_way_in_or_holding_positions_is_a_presence(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    assert readings(extractor, text, lang, "Toretsk") == {("presence", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russian troops circle in on Pokrovsk, the Ukrainian army said.", id="en"),
    pytest.param("ru", "Российские войска рвутся к Покровску.", id="ru"),
    pytest.param("uk", "Російські війська рвуться до Покровська.", id="uk"),
])
def test_claims_pressing_toward_a_place_is_an_advance(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert readings(extractor, text, lang, "Pokrovsk") == {("advance", "RU", "asserts")}


def test_claims_title_topic_before_a_colon_names_no_actor(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Ukraine: Russia claims the capture of Hrabovske in the Sumy region\n"
            "The Russian defence ministry published its daily report on Monday.")
    assert readings(extractor, text, "en", "Hrabovske") == {("capture", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Українські військові залишили Авдіївку, щоб зберегти життя бійців.", id="uk"),
    pytest.param("ru", "Украинские военные оставили Авдеевку, чтобы сохранить жизни бойцов.", id="ru"),
    pytest.param("fr", "Les soldats ukrainiens ont quitté Avdiïvka pour sauver des vies, a indiqué l'armée.", id="fr"),
])
def test_claims_withdrawal_is_the_other_sides_gain(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Withdrawals are annotated as uncertain, so the model learns nothing from them; the side
    that left never gains the place."""
    assert readings(extractor, text, lang, "Avdiyivka") == {("capture", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Ukrainian troops withdrew from Kurakhove after weeks of fighting.", id="en-from"),
    pytest.param("fr", "Les unités ukrainiennes se sont retirées de Kourakhove.", id="fr-de"),
    pytest.param("uk", "Українські підрозділи відійшли з Курахового.", id="uk-z"),
    pytest.param("ru", "Украинские подразделения вышли из Курахово.", id="ru-iz"),
])
def test_claims_leaving_a_town_is_an_inferred_capture(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """The place a named side moves out of is the other side's, by inference: shown, with the
    confidence of an inference rather than a statement."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    claims = next(extractor.extract([document])).claims
    assert {(c.place.name, c.kind, c.actor, c.stance) for c in claims} == {("Kurakhove", "capture", "RU", "asserts")}
    assert all(c.confidence <= 0.5 for c in claims)


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Ukrainian units withdrew to Kostiantynivka.", id="en-to"),
    pytest.param("fr", "Les unités ukrainiennes se sont repliées sur Kostiantynivka.", id="fr-sur"),
    pytest.param("uk", "Українські підрозділи відійшли до Костянтинівки.", id="uk-do"),
    pytest.param("ru", "Украинские подразделения отошли к Константиновке.", id="ru-k"),
    pytest.param("en", "Several families abandoned Kostiantynivka last week.", id="en-no-side"),
    pytest.param("en", "Ukrainian authorities ordered the evacuation of Kostiantynivka.", id="en-evacuation"),
    pytest.param("fr", "Les autorités ukrainiennes ont ordonné l'évacuation de Kostiantynivka.", id="fr-evacuation"),
])
def test_claims_no_capture_where_a_side_withdraws_to_or_civilians_leave(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """Falling back to a town, or civilians leaving it, says nothing of who holds it."""
    assert not readings(extractor, text, lang, "Kostiantynivka")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russian forces captured a village near Velyka Novosilka.", id="en-near"),
    pytest.param("fr", "Les forces russes ont pris un village près de Velyka Novosilka.", id="fr-pres-de"),
    pytest.param("uk", "Російські війська захопили село біля Великої Новосілки.", id="uk-bilia"),
    pytest.param("ru", "Российские войска захватили село возле Великой Новоселки.", id="ru-vozle"),
])
def test_claims_a_capture_near_a_town_is_not_of_the_town(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not readings(extractor, text, lang, "Velyka Novosilka")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Окупанти вийшли на околиці Великої Новосілки.", id="uk-vyishly-na"),
    pytest.param("ru", "Российские войска вышли на окраины Великой Новоселки.", id="ru-vyshli-na"),
])
def test_claims_coming_out_onto_a_place_is_reaching_it_not_leaving(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"Вийшли на" / "вышли на" is reaching a place; only "вийшли з" / "вышли из" leaves one."""
    assert readings(extractor, text, lang, "Velyka Novosilka") == {("presence", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Курахове перебуває під російською окупацією з січня.", id="uk"),
    pytest.param("ru", "Курахово находится под российской оккупацией с января.", id="ru"),
])
def test_claims_a_place_under_occupation_is_held_not_entered(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """The place is the subject of "is" there: no troops are said to be in it, it is held."""
    assert readings(extractor, text, lang, "Kurakhove") == {("capture", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("ru", "В 28-й бригаде заявили, что Курахово оккупировано не полностью.", id="ru-after"),
    pytest.param("uk", "У 28-й бригаді заявили, що Курахове окуповане не повністю.", id="uk-after"),
    pytest.param("fr", "La 28e brigade affirme que Kourakhove n'est pas entièrement occupée.", id="fr"),
])
def test_claims_not_fully_occupied_denies_the_capture(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert readings(extractor, text, lang, "Kurakhove") == {("capture", "RU", "denies")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Бої тривають, тож із заявами про захоплення Курахового ворог поспішив, - сказав речник ЗСУ.",
                 id="uk-rushed"),
    pytest.param("ru", "Бои идут, так что с заявлениями о захвате Курахово противник поторопился, - сказал "
                       "представитель ВСУ.", id="ru-rushed"),
    pytest.param("uk", "Речник ЗСУ запевнив, що російські війська досі далекі від захоплення Курахового.",
                 id="uk-far-from"),
    pytest.param("ru", "Представитель ВСУ заверил, что российские войска еще далеки от захвата Курахово.",
                 id="ru-far-from"),
    pytest.param("en", "A Ukrainian army spokesman said Russian troops were still far from capturing Kurakhove.",
                 id="en-far-from"),
    pytest.param("fr", "Un porte-parole de l'armée ukrainienne a assuré que les troupes russes étaient encore loin "
                       "de prendre Kourakhove.", id="fr-far-from"),
])
def test_claims_a_claim_made_too_soon_denies_the_capture(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Rushing to claim a town, or being far from taking it, says it has not been taken."""
    found = keys(extractor, text, lang)
    assert ("Kurakhove", "capture", "RU", "denies", "UA") in found
    assert ("Kurakhove", "capture", "RU", "asserts", "UA") not in found


@pytest.mark.parametrize(("lang", "text", "side"), [
    pytest.param("en", '"Pokrovsk is ours," a Ukrainian soldier said.', "UA", id="en"),
    pytest.param("uk", '"Покровськ наш", - сказав український військовий.', "UA", id="uk-straight-quotes"),
    pytest.param("ru", '"Покровск наш", - сказал российский военный.', "RU", id="ru-straight-quotes"),
])
def test_claims_the_town_is_ours_is_a_capture_by_the_speakers_side(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, side: str) -> None:
    assert readings(extractor, text, lang, "Pokrovsk") == {("capture", side, "asserts")}

@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Velyka Novosilka remains under Ukrainian control, the army said.", id="en-adjective"),
    pytest.param("en", "Velyka Novosilka remains under full control of Ukraine, the army said.", id="en-full"),
])
def test_claims_remaining_under_control_is_holding_not_being_there(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    assert readings(extractor, text, lang, "Velyka Novosilka") == {("capture", "UA", "asserts")}

def test_claims_prendre_d_assaut_is_storming_not_taking(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Les Russes prennent d'assaut Velyka Novosilka depuis des semaines."
    assert readings(extractor, text, "fr", "Velyka Novosilka") == {("fighting", "RU", "asserts")}

@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Російські війська захопили Велику Новосілку та Времівку, заявили в Москві.", id="uk"),
    pytest.param("ru", "Российские войска освободили Великую Новоселку и Времевку, сообщили в Москве.", id="ru"),
])
def test_claims_the_city_where_a_claim_is_made_is_not_taken(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    found = keys(extractor, text, lang)
    assert {(place, kind) for place, kind, *_ in found} == {("Velyka Novosilka", "capture"), ("Vremivka", "capture")}

@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("en", "Heavy fighting continues near Velyka Novosilka.", ("fighting", "RU", "asserts"),
                 id="en-fighting-near"),
    pytest.param("uk", "Тривають бої біля Великої Новосілки.", ("fighting", "RU", "asserts"), id="uk-fighting-near"),
    pytest.param("ru", "Фронт проходит возле Великой Новоселки, которую российские войска захватили в январе.",
                 ("capture", "RU", "asserts"), id="ru-relative-clause-about-the-town"),
])
def test_claims_near_a_town_still_fights_for_it(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                expected: tuple[str, str, str]) -> None:
    """Fighting near a town is fighting for it, and a relative clause about the town speaks of it."""
    assert readings(extractor, text, lang, "Velyka Novosilka") == {expected}

@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Residents have left Velyka Novosilka, a village that Russian forces captured in January.",
                 id="en-appos"),
    pytest.param("fr", "Les habitants ont quitté Velyka Novosilka, un village que les forces russes ont pris en "
                       "janvier.", id="fr-noun-after-comma"),
])
def test_claims_a_relative_clause_on_a_noun_beside_the_town_speaks_of_it(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"X, a village that Russian forces captured": the village is X, so the clause is about X
    (the French parser hangs "un village" on the verb, not on the town)."""
    assert ("capture", "RU", "asserts") in readings(extractor, text, lang, "Velyka Novosilka")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Ukraine's military rejected Russian reports that Siversk had fallen.", id="en"),
    pytest.param("fr", "L'armée ukrainienne a rejeté les déclarations russes sur la chute de Siversk.", id="fr"),
    pytest.param("uk", "Українські військові відкинули заяви росіян про захоплення Сіверська.", id="uk"),
])
def test_claims_rejected_reports_are_a_denial_by_who_rejects_them(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    found = keys(extractor, text, lang)
    assert ("Siversk", "capture", "RU", "denies", "UA") in found
    assert not any(stance == "asserts" and side == "UA" for _, _, _, stance, side in found)


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "The Ukrainian General Staff said nothing confirms the Kremlin's claims that Huliaipole had "
                       "been captured.", id="en"),
    pytest.param("fr", "L'état-major ukrainien affirme qu'aucun élément ne confirme les déclarations du Kremlin "
                       "selon lesquelles Houliaïpole aurait été prise.", id="fr"),
    pytest.param("uk", "Генштаб ЗСУ заявив, що ніщо не підтверджує заяви Кремля про захоплення Гуляйполя.", id="uk"),
    pytest.param("ru", "Генштаб ВСУ заявил, что ничто не подтверждает заявления Кремля о взятии Гуляйполя.", id="ru"),
])
def test_claims_nothing_confirms_the_claim_is_a_denial(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"No fact confirms the Kremlin's claims" refutes them, as "denies" does; it is not the
    "has not confirmed" of a side that will not say."""
    found = keys(extractor, text, lang)
    assert ("Hulyaypole", "capture", "RU", "denies", "UA") in found
    assert not any(stance == "asserts" and side == "UA" for _, _, _, stance, side in found)


def test_claims_the_denier_is_who_denies_not_whom_it_accuses(extractor) -> None:  # type: ignore[no-untyped-def]
    """"…, a claim that Kyiv denied, accusing Moscow of …": Kyiv denies; Moscow, named after
    the denial, is what Kyiv goes on to say."""
    text = ("Valery Gerasimov announced that Russia had taken Siversk, a claim Kyiv denied that day, "
            "accusing Moscow of lying.")
    found = keys(extractor, text, "en")
    assert ("Siversk", "capture", "RU", "denies", "UA") in found
    assert ("Siversk", "capture", "RU", "denies", "RU") not in found


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "The Ukrainian General Staff said reports of the capture of Kupiansk were false.", id="en"),
    pytest.param("fr", "L'état-major ukrainien a démenti les informations sur la prise de Koupiansk.", id="fr"),
    pytest.param("uk", "Генштаб ЗСУ спростував заяви про захоплення Куп'янська.", id="uk"),
    pytest.param("ru", "Генштаб ВСУ опроверг сообщения о захвате Купянска.", id="ru"),
])
def test_claims_reports_a_side_denies_are_the_other_sides_claim(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """Whose reports the sentence does not say; Ukraine's denial answers Russia's claim, and
    both are kept, each with its side."""
    found = keys(extractor, text, lang)
    assert ("Kupyansk", "capture", "RU", "denies", "UA") in found
    assert ("Kupyansk", "capture", "RU", "asserts", "RU") in found


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russian forces have advanced on the border between the Kharkiv and Luhansk regions, the ISW "
                       "said.", id="en"),
    pytest.param("uk", "Російські війська просунулися на кордоні між Харківською та Луганською областями, "
                       "повідомили в ISW.", id="uk"),
    pytest.param("ru", "Российские войска продвинулись на границе между Харьковской и Луганской областями, "
                       "сообщает ISW.", id="ru"),
])
def test_claims_places_a_border_runs_between_are_no_targets(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    named = {name for name, *_ in keys(extractor, text, lang)}
    assert not named & {"Kharkiv", "Kharkiv Oblast", "Luhansk Oblast"}


def test_claims_subject_of_a_pluperfect_acts_whatever_the_parser_labels_it(extractor) -> None:  # type: ignore[no-untyped-def]
    """The parser labels "Les Russes" a passive subject although "avaient pris" is active."""
    text = "Les Russes avaient finalement pris Koupiansk en février."
    assert readings(extractor, text, "fr", "Kupyansk") == {("capture", "RU", "asserts")}


def test_claims_a_name_before_a_plural_place_noun_is_no_place_of_its_own(extractor) -> None:  # type: ignore[no-untyped-def]
    """"the Donetsk cities of X and Y": Donetsk says where they are, it was not taken."""
    text = "In 2024 Russia captured the Donetsk cities of Avdiivka and Vuhledar."
    named = {name for name, kind, *_ in keys(extractor, text, "en") if kind == "capture"}
    assert {"Avdiyivka", "Vuhledar"} <= named
    assert "Donetsk" not in named


@pytest.mark.parametrize(("lang", "prisoners", "taken"), [
    pytest.param("en", "Russian soldiers executed captured Ukrainian soldiers near Selydove, prosecutors said.",
                 "Ukrainian soldiers captured the village of Robotyne, the General Staff said.", id="en"),
    pytest.param("fr", "Selon le parquet, des soldats russes ont exécuté trois militaires ukrainiens capturés "
                       "près de Selydove.",
                 "Les soldats ukrainiens ont capturé le village de Robotyne.", id="fr"),
])
def test_claims_captured_soldiers_are_prisoners_not_a_captured_place(  # type: ignore[no-untyped-def]
        extractor, lang: str, prisoners: str, taken: str) -> None:
    assert not keys(extractor, prisoners, lang)
    assert ("capture", "UA", "asserts") in readings(extractor, taken, lang, "Robotyne")


@pytest.mark.parametrize(("lang", "text", "place", "side"), [
    pytest.param("ru", "Соледар находится под контролем ВС России, сообщили в Минобороны.", "Soledar", "RU",
                 id="ru-is-under-control"),
    pytest.param("en", "Ukraine's military said its forces remained in control of Siversk.", "Siversk", "UA",
                 id="en-remained-in-control"),
    pytest.param("uk", "Вся територія Куп'янська знаходиться під контролем ЗСУ, заявив Канашевич.", "Kupyansk", "UA",
                 id="uk-whole-territory"),
    # Being in all of a place, "whole" in any case, is holding it.
    pytest.param("uk", "Російські війська перебувають на всій території Вовчанська.", "Vovchansk", "RU",
                 id="uk-in-all-of-it"),
    pytest.param("ru", "Российские войска находятся на всей территории Волчанска.", "Vovchansk", "RU",
                 id="ru-in-all-of-it"),
])
def test_claims_a_place_under_a_sides_control_is_held_whole(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, side: str) -> None:
    """"X находится под контролем Y" is a capture: the verb of being there is no presence
    of its own, and "the whole territory" of a place is not a part of it."""
    assert readings(extractor, text, lang, place) == {("capture", side, "asserts")}


def test_claims_capture_in_a_since_phrase_is_no_attempt(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Since capturing X, they pushed on": the push governs the phrase but tries nothing on X."""
    text = "Since capturing Avdiivka in February, Russian forces have pushed west toward Pokrovsk."
    assert readings(extractor, text, "en", "Avdiyivka") == {("capture", "RU", "asserts")}


def test_claims_forces_pushed_back_were_repelled_forces_pushed_out_lost_the_place(extractor) -> None:  # type: ignore[no-untyped-def]
    back = "The Ukrainian army said it had pushed Russian forces back from the outskirts of Kharkiv."
    out = "Ukrainian troops drove Russian forces out of Robotyne, the General Staff said."
    assert readings(extractor, back, "en", "Kharkiv") == {("repelled", "RU", "asserts")}
    assert readings(extractor, out, "en", "Robotyne") == {("capture", "UA", "asserts")}


def test_claims_a_place_that_locates_cities_is_no_claim_of_its_own(extractor) -> None:  # type: ignore[no-untyped-def]
    """"the two largest cities in Donetsk still under Ukrainian control": Donetsk says where
    they are; the city of Donetsk is not said to be held."""
    text = ("Kramatorsk and Slovyansk are the two largest cities in Donetsk still under Ukrainian control, "
            "the governor said.")
    named = {name for name, *_ in keys(extractor, text, "en")}
    assert "Donetsk" not in named
    assert {"Kramatorsk", "Slovyansk"} <= named


def test_claims_back_reference_means_the_place_a_trigger_was_about(extractor) -> None:  # type: ignore[no-untyped-def]
    # "the town" in the last sentence is Kurakhove, the place the capture was about, not
    # Pokrovsk, named more often and last, but only in the description of Kurakhove.
    text = ("Pokrovsk has been shelled for weeks. Volunteers still bring bread to Pokrovsk. "
            "Moscow said its units had taken Kurakhove, a small town on the road to the city of "
            "Pokrovsk. A Ukrainian officer disputed this, saying fighting in the town went on.")
    found = keys(extractor, text, "en")
    assert ("Kurakhove", "fighting", "RU", "asserts", "UA") in found
    assert not any(place == "Pokrovsk" and kind == "fighting" for place, kind, *_ in found)


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Російська артилерія тиждень обстрілює Сіверськ. За словами мера, російські війська вже зайшли "
                       "на околиці - ситуація складна.", id="uk"),
    pytest.param("ru", "Российская артиллерия неделю обстреливает Северск. По словам мэра, российские войска уже вошли "
                       "в западные кварталы - ситуация сложная.", id="ru"),
])
def test_claims_a_part_of_a_town_before_a_spaced_hyphen_refers_back(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """A spaced hyphen is a dash in Ukrainian and Russian texts: "на околиці - ..." ends the
    phrase, so the outskirts are those of the town named before, as before a comma."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, "Siversk")


def test_claims_a_noun_with_an_adjective_before_the_name_is_that_name(extractor) -> None:  # type: ignore[no-untyped-def]
    # "la ville stratégique de Pokrovsk" names Pokrovsk: "la ville" is its head noun, not a
    # back-reference to the town taken before.
    text = ("Les troupes russes ont pris Selydove la semaine dernière. Elles se rapprochent désormais de la "
            "ville stratégique de Pokrovsk, selon l'état-major ukrainien.")
    assert ("advance", "RU", "asserts") in readings(extractor, text, "fr", "Pokrovsk")
    assert not any(kind == "advance" for kind, *_ in readings(extractor, text, "fr", "Selydove"))


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Москва заявила, що її підрозділи захопили Курахове на дорозі до міста Покровськ. Український "
                       "офіцер це заперечив, за його словами, бої в місті тривають.", id="uk"),
    pytest.param("ru", "Москва заявила, что ее подразделения взяли Курахово на дороге к городу Покровск. Украинский "
                       "офицер это опроверг, по его словам, бои в городе продолжаются.", id="ru"),
])
def test_claims_a_back_reference_means_the_first_of_equally_salient_places(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """Two towns of one sentence, each a trigger's argument and each named once: "the town"
    after it is the one the sentence is about, named first, not the landmark named last."""
    assert any(kind == "fighting" for kind, *_ in readings(extractor, text, lang, "Kurakhove"))
    assert not any(kind == "fighting" for kind, *_ in readings(extractor, text, lang, "Pokrovsk"))


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russian troops pushed into Siversk on Monday. If they take the town and nearby Zvanivka, "
                       "they will threaten Sloviansk. The mayor said fighting in the town went on.", id="en"),
    pytest.param("fr", "Les troupes russes sont entrées lundi dans Siversk. Si elles prennent la ville et le village "
                       "voisin de Zvanivka, elles menaceront Sloviansk. Selon le maire, les combats dans la ville "
                       "se poursuivent.", id="fr"),
    pytest.param("uk", "Російські війська увійшли в Сіверськ у понеділок. Якщо вони захоплять місто і сусідню "
                       "Званівку, то загрожуватимуть Слов'янську. За словами мера, бої в місті тривають.", id="uk"),
])
def test_claims_a_back_reference_keeps_the_place_the_last_one_meant(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"The town" twice means one town: the places an "if" clause names in between are only
    what might be taken, not what the story is about."""
    assert ("fighting", "RU", "asserts") in readings(extractor, text, lang, "Siversk")
    assert not readings(extractor, text, lang, "Slovyansk")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Ukrainian officials said the villages of Pivnichne, Zalizne and Druzhba east of Toretsk "
                       "are now in Russian hands.", id="list-en"),
    pytest.param("uk", "За даними DeepState, села Північне, Залізне та Дружба на схід від Торецька тепер під "
                       "контролем росіян.", id="list-uk"),
])
def test_claims_every_listed_place_shares_the_trigger(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    captured = {place for place, kind, actor, stance, _ in keys(extractor, text, lang)
                if (kind, actor, stance) == ("capture", "RU", "asserts")}
    assert {"Pivnichne", "Zalizne", "Druzhba"} <= captured
    assert "Toretsk" not in captured


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Ukrainian troops repelled a Russian assault near Chasiv Yar.", id="en"),
    pytest.param("fr", "Les troupes ukrainiennes ont repoussé un assaut russe près de Tchassiv Iar.", id="fr"),
    pytest.param("uk", "Українські воїни відбили штурм окупантів поблизу Часового Яру.", id="uk"),
    pytest.param("ru", "Украинские военные отразили штурм российских войск у Часова Яра.", id="ru"),
])
def test_claims_repelled_assault_is_one_claim(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """The annotation records a repelled assault as that, not also as fighting."""
    assert readings(extractor, text, lang, "Chasiv Yar") == {("repelled", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russian forces failed to take Chasiv Yar, the Ukrainian army said.", id="en-failed-to"),
    pytest.param("fr", "Les forces russes n'ont pas réussi à prendre Tchassiv Iar, selon l'armée ukrainienne.",
                 id="fr-negated-success"),
    pytest.param("uk", "Російським військам не вдалося захопити Часів Яр, заявили в ЗСУ.", id="uk-negated-success"),
    pytest.param("uk", "Росіяни намагалися закріпитися в Часовому Яру, однак успіху не мали, заявили в ЗСУ.",
                 id="uk-attempt-without-success"),
    pytest.param("ru", "Российским войскам не удалось взять Часов Яр, заявили в ВСУ.", id="ru-negated-success"),
    pytest.param("en", "Russian troops tried to break into Chasiv Yar but were beaten back, the Ukrainian army said.",
                 id="en-attempt-beaten-back"),
    pytest.param("fr", "Les troupes russes ont tenté d'entrer dans Tchassiv Iar, mais ont été repoussées, selon "
                       "l'armée ukrainienne.", id="fr-attempt-repoussees"),
    pytest.param("uk", "Окупанти намагалися прорватися до Часового Яру, але були відкинуті, заявили в ЗСУ.",
                 id="uk-attempt-vidkynuti"),
    pytest.param("ru", "Российские войска пытались прорваться к Часову Яру, но были отброшены, заявили в ВСУ.",
                 id="ru-attempt-otbrosheny"),
    pytest.param("en", "Russian troops tried to break into Chasiv Yar but were stopped, the Ukrainian army said.",
                 id="en-attempt-stopped"),
    pytest.param("uk", "Окупанти намагалися прорватися до Часового Яру, але були зупинені, заявили в ЗСУ.",
                 id="uk-attempt-zupynenyi"),
    pytest.param("ru", "Российские войска пытались прорваться к Часову Яру, но были остановлены, заявили в ВСУ.",
                 id="ru-attempt-ostanovleny"),
])
def test_claims_failed_attempt_is_repelled(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A failed attempt is recorded as the attacker repelled, not as a denied capture."""
    assert keys(extractor, text, lang) == {("Chasiv Yar", "repelled", "RU", "asserts", "UA")}


@pytest.mark.parametrize(("lang", "text", "place", "side"), [
    pytest.param("en", "Russian troops made a futile attempt to capture Kupiansk, the Ukrainian army said.",
                 "Kupyansk", "RU", id="en-attempt-governs"),
    pytest.param("fr", "Les Russes ont fait une tentative ratée de prendre Koupiansk, selon l'armée ukrainienne.",
                 "Kupyansk", "RU", id="fr-attempt-governs"),
    pytest.param("uk", "Росіяни здійснили марну спробу захопити Куп'янськ, повідомили в ЗСУ.",
                 "Kupyansk", "RU", id="uk-attempt-beside"),
    pytest.param("ru", "ВСУ предприняли тщетную попытку контратаковать у Курахово, заявили в Минобороны России.",
                 "Kurakhove", "UA", id="ru-attempt-beside"),
])
def test_claims_attempt_qualified_as_failed_is_repelled(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, side: str) -> None:
    """The failure can qualify the attempt rather than the trigger ("an unsuccessful attempt
    to capture X"), and the parse may hang the trigger on the verb that takes the attempt
    ("made a futile attempt to take X"): the attempt failed, so the side is repelled."""
    assert readings(extractor, text, lang, place) == {("repelled", side, "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "The defenders repel daily Russian attempts to enter Kupiansk.", id="en-repel-attempts"),
    pytest.param("fr", "Les défenseurs repoussent chaque jour les tentatives russes d'entrer dans Koupiansk.",
                 id="fr-repoussent-tentatives"),
    pytest.param("uk", "Вогнем артилерії відбиваються всі спроби противника захопити Куп'янськ, повідомили в ЗСУ.",
                 id="uk-reflexive-passive"),
    pytest.param("ru", "Все попытки противника захватить Купянск отражаются, заявили в ВСУ.",
                 id="ru-reflexive-passive"),
])
def test_claims_attempt_a_repelling_verb_governs_is_repelled(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A verb of repelling that takes the attempt ("repel attempts to enter X", "відбиваються
    всі спроби захопити X") says the attempt failed: its side is repelled, not fighting."""
    assert readings(extractor, text, lang, "Kupyansk") == {("repelled", "RU", "asserts")}


def test_claims_attempt_not_said_to_fail_is_no_repulse(extractor) -> None:  # type: ignore[no-untyped-def]
    """An attempt without a failure word is a fight for the place, not a repulse."""
    assert readings(extractor, "Росіяни здійснили спробу захопити Куп'янськ, повідомили в ЗСУ.", "uk",
                    "Kupyansk") == {("fighting", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "Les Russes contrôlent la majeure partie de Vouhledar.", id="fr-unknown-verb-form"),
    pytest.param("fr", "La Russie contrôle désormais une partie de Vouhledar.", id="fr-part-of"),
    pytest.param("en", "Russia now controls most of Vuhledar.", id="en-most-of"),
    pytest.param("en", "Russian troops now control the lion’s share of the town of Vuhledar.", id="en-lions-share"),
    pytest.param("en", "Russian forces hold the bulk of Vuhledar, the governor said.", id="en-bulk-of"),
    pytest.param("fr", "Les forces russes contrôlent désormais l’essentiel de la ville de Vouhledar.",
                 id="fr-essentiel"),
    pytest.param("fr", "L'armée russe revendique le contrôle des trois-quarts de Vouhledar.", id="fr-trois-quarts"),
    pytest.param("en", "Two thirds of Vuhledar are under Russian control, a Ukrainian officer said.",
                 id="en-fraction"),
    pytest.param("fr", "Les deux tiers de Vouhledar sont sous contrôle russe, a indiqué un officier ukrainien.",
                 id="fr-fraction"),
    pytest.param("uk", "Дві третини Вугледара перебувають під контролем росіян, повідомив український офіцер.",
                 id="uk-fraction"),
    pytest.param("ru", "Две трети Угледара находятся под контролем российских войск, сообщил украинский офицер.",
                 id="ru-fraction"),
])
def test_claims_part_of_a_place_is_a_presence(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Holding part of a town is a presence there; "partie de X" is no origin ("parti de X")."""
    assert readings(extractor, text, lang, "Vuhledar") == {("presence", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text", "place", "wrong"), [
    pytest.param("ru", "ВСУ потеряли контроль над Угледаром, признали в Киеве.", "Vuhledar",
                 ("capture", "UA", "asserts"), id="ru-lost-control"),
    pytest.param("en", "Heavy fighting is raging for control of Chasiv Yar, the governor said.", "Chasiv Yar",
                 ("capture", "UA", "asserts"), id="en-fighting-for-control"),
    pytest.param("fr", "De violents combats font rage pour le contrôle de Tchassiv Iar.", "Chasiv Yar",
                 ("capture", "UA", "asserts"), id="fr-fighting-for-control"),
    pytest.param("ru", "Российские войска вышли к окраинам Покровска.", "Pokrovsk",
                 ("presence", "UA", "asserts"), id="ru-reached-is-no-withdrawal"),
])
def test_claims_reading_the_construction_excludes(extractor, lang: str, text: str, place: str,  # type: ignore[no-untyped-def]
                                                 wrong: tuple[str, str, str]) -> None:
    """Lost control is no control; a fight for control is no capture; "вышли к" reaches."""
    assert wrong not in readings(extractor, text, lang, place)


def test_claims_irregular_form_the_lemmatizer_misses(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "The Ukrainian army retook the village of Klishchiivka, south of Bakhmut."
    assert ("capture", "UA", "asserts") in readings(extractor, text, "en", "Klyshchiivka")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russia's defence ministry claimed the capture of Toretsk, but the 28th brigade denied it.",
                 id="en"),
    pytest.param("fr", "Le ministère russe de la Défense a revendiqué la prise de Toretsk, mais la 28e brigade a "
                       "démenti.", id="fr"),
    pytest.param("uk", "Міноборони РФ заявило про захоплення Торецька, однак у 28-й бригаді це заперечують.", id="uk"),
])
def test_claims_denial_after_but_answers_the_claim(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"X claimed Y, but Z denied it": Russia asserts the capture and a Ukrainian speaker denies it."""
    said = {k for k in keys(extractor, text, lang) if k[0] == "Toretsk"}
    assert said == {("Toretsk", "capture", "RU", "asserts", "RU"), ("Toretsk", "capture", "RU", "denies", "UA")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Zelensky refused to acknowledge the loss of Chasiv Yar.", id="en-loss-of"),
    pytest.param("fr", "Zelensky a refusé de reconnaître la perte de Tchassiv Iar.", id="fr-perte-de"),
    pytest.param("uk", "Зеленський відмовився визнати втрату Часового Яру.", id="uk-vtratu"),
    pytest.param("ru", "Зеленский отказался признать потерю Часова Яра.",
                 id="ru-poteri-goroda"),
])
def test_claims_loss_of_a_place_is_the_other_sides_capture(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """The noun of losing, like its verb: Ukraine's loss of a town is Russia's capture."""
    assert readings(extractor, text, lang, "Chasiv Yar") == {("capture", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "The enemy has sustained heavy losses near Bakhmut.", id="en"),
    pytest.param("fr", "L'ennemi a subi de lourdes pertes près de Bakhmout.", id="fr"),
    pytest.param("uk", "Ворог зазнав значних втрат біля Бахмута.", id="uk"),
    pytest.param("ru", "Противник понес большие потери под Бахмутом.", id="ru"),
    pytest.param("en", "The loss of life in Bakhmut has been enormous, the governor said.", id="en-loss-of-life"),
    pytest.param("fr", "La perte de vies humaines à Bakhmout est énorme.", id="fr-perte-de-vies"),
    pytest.param("uk", "Втрату техніки під Бахмутом визнали в росії.", id="uk-vtratu-tekhniky"),
])
def test_claims_casualties_are_no_lost_place(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Losses in the plural, and the loss of lives or equipment, are casualties: no claim (the
    annotation counts none)."""
    assert keys(extractor, text, lang) == set()


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("fr", "Les villages de Vysokopillia et Myrolioubivka sont désormais sous bannière ukrainienne, "
                       "selon l'armée.", "Myroliubivka", id="fr-sous-banniere"),
    pytest.param("en", "Vysokopillia is again under the Ukrainian flag, the general staff said.", "Vysokopillya",
                 id="en-under-the-flag"),
    pytest.param("uk", "Високопілля знову під українським прапором, заявили у ЗСУ.", "Vysokopillya",
                 id="uk-pid-praporom"),
    pytest.param("ru", "Высокополье снова под украинским флагом, заявили в ВСУ.", "Vysokopillya",
                 id="ru-pod-flagom"),
])
def test_claims_under_a_sides_flag_is_held(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert readings(extractor, text, lang, place) == {("capture", "UA", "asserts")}


def test_claims_feminine_past_the_dictionary_reads_as_an_adjective(extractor) -> None:  # type: ignore[no-untyped-def]
    """"зайшла" is first an adjective ("зайшлий") in the dictionary: a group that entered is there."""
    text = "У ЗСУ повідомили, що до Вербового зайшла група російських піхотинців."
    assert readings(extractor, text, "uk", "Verbove") == {("presence", "RU", "asserts")}


@pytest.mark.parametrize("text", [
    "Российские войска зашли в Волчанск.",
    "По данным Минобороны, штурмовые группы зашли в Волчанск с севера.",
])
def test_claims_past_tense_over_an_imperative_of_the_same_form(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """"зашли" is in the dictionary as often the imperative of "заслать" as the past of
    "зайти": troops that entered a town are reported there."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, "ru", "Vovchansk")


def test_claims_uk_grammar_words_are_not_read_as_nouns(extractor) -> None:  # type: ignore[no-untyped-def]
    """The Ukrainian dictionary scores the note "до", the noun "як" (a yak) and the
    preposition or conjunction alike: the grammar word is the one news text means, so "Як
    пояснив він" (as he explained) names no speaker "Як", and "під"/"до" head no noun."""
    doc = extractor.pipeline("uk")("Як пояснив він, бої тривають під Бахмутом і до того.")
    assert {t.text: t.pos_ for t in doc if t.text in ("Як", "під", "до")} == {
        "Як": "PART", "під": "ADP", "до": "ADP"}
    document = Document(id="t", text=("Речник угруповання Назар Волошин заявив, що ситуація складна. "
                                      "Як пояснив він, бої тривають у Лимані."),
                        lang="uk", published=PartialDate.parse("2025-02-07"))
    claims = next(extractor.extract([document])).claims
    assert claims and all(c.source.name != "Як" for c in claims)


def test_claims_clearing_as_a_noun_is_a_capture_word(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Russia's defence ministry said its forces had completed the clearing of Soledar."
    assert readings(extractor, text, "en", "Soledar") == {("capture", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Голова Центру протидії дезінформації повідомив, що Сили оборони звільнили Роботине.",
                 id="uk"),
    pytest.param("ru", "В Центре противодействия дезинформации заявили, что ВСУ освободили Работино.", id="ru"),
    pytest.param("en", "The Center for Countering Disinformation said Ukrainian forces liberated Robotyne.", id="en"),
])
def test_claims_a_denial_word_in_a_sources_name_denies_nothing(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Disinformation" in the name of the Ukrainian centre that reports a liberation is no
    denial of it, and the centre speaks for the Ukrainian authorities."""
    assert keys(extractor, text, lang) == {("Robotyne", "capture", "UA", "asserts", "UA")}


@pytest.mark.parametrize(("lang", "text", "place", "side"), [
    pytest.param("uk", "Блогери стверджують, що Покровськ на 90% перебуває під контролем росіян.",
                 "Pokrovsk", "RU", id="uk-share-before-the-trigger"),
    pytest.param("ru", "Военкоры пишут, что Покровск на 90% находится под контролем российских войск.",
                 "Pokrovsk", "RU", id="ru-share-before-the-trigger"),
    pytest.param("en", "Pokrovsk is now 80% under Russian control, the governor said.", "Pokrovsk", "RU",
                 id="en-share-before-the-trigger"),
    pytest.param("fr", "Pokrovsk est désormais contrôlée à 80 % par les forces russes, selon le gouverneur.",
                 "Pokrovsk", "RU", id="fr-share-after-the-trigger"),
    pytest.param("uk", "Фактично всю територію Часового Яру контролюють ЗСУ, заявив речник.", "Chasiv Yar", "UA",
                 id="uk-virtually-all"),
    pytest.param("en", "Ukrainian forces control almost all of Chasiv Yar.", "Chasiv Yar", "UA", id="en-almost-all"),
    pytest.param("fr", "Les forces ukrainiennes contrôlent la quasi-totalité de Tchassiv Iar.", "Chasiv Yar", "UA",
                 id="fr-quasi-totalite"),
    pytest.param("ru", "ВСУ контролируют практически всю территорию Часова Яра.", "Chasiv Yar", "UA",
                 id="ru-practically-all"),
])
def test_claims_a_share_or_almost_all_of_a_place_is_a_presence(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, side: str) -> None:
    """"99% of X" wherever the share stands, and "almost all of X", are not all of it."""
    assert readings(extractor, text, lang, place) == {("presence", side, "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "All enemy attempts to capture Bakhmut are being repelled by artillery fire.", id="en"),
    pytest.param("ru", "Все попытки противника захватить Бахмут отбиваются огнём артиллерии.", id="ru"),
    pytest.param("en", "All Russian attempts to seize Bakhmut have been repelled.", id="en-perfect-passive"),
    pytest.param("fr", "Toutes les tentatives russes de prendre Bakhmout ont été repoussées.", id="fr-perfect-passive"),
    pytest.param("ru", "Все попытки российских войск захватить Бахмут были отбиты.", id="ru-past-passive"),
])
def test_claims_attempts_being_repelled_failed(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """An attempt repelled in the present tense failed, as one repelled in the past did."""
    assert readings(extractor, text, lang, "Bakhmut") == {("repelled", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text", "kind"), [
    pytest.param("fr", "Selon l'armée ukrainienne, les affirmations russes sur le contrôle de la moitié de "
                       "Kostiantynivka sont inventées.", "presence", id="fr-inventes"),
    pytest.param("en", "Claims that Russian troops captured Kostiantynivka are fabricated, the Ukrainian army said.",
                 "capture", id="en-fabricated"),
    pytest.param("uk", "Заяви про захоплення Костянтинівки вигадані, заявили в ЗСУ.", "capture", id="uk-vyhadani"),
    pytest.param("ru", "В ВСУ назвали сообщения о захвате Константиновки частью информационно-психологической "
                       "операции противника.", "capture", id="ru-psyops"),
])
def test_claims_a_report_called_made_up_is_denied(extractor, lang: str, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    """Calling a report invented, fabricated or a psychological operation denies it."""
    assert (kind, "RU", "denies") in readings(extractor, text, lang, "Kostyantynivka")


def test_claims_own_forces_in_a_clause_someone_else_says_are_that_speakers(extractor) -> None:  # type: ignore[no-untyped-def]
    """"its troops" in Russian commanders' statement are Russian troops, though the sentence
    is the Ukrainian military's."""
    text = ("Kyiv's army said its units still held Siversk, brushing aside a statement by Russian generals "
            "that their soldiers had seized the town.")
    said = {(k[1], k[2], k[4]) for k in keys(extractor, text, "en") if k[0] == "Siversk" and k[3] == "asserts"}
    assert said == {("capture", "UA", "UA"), ("capture", "RU", "RU")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("en", "Kyiv says Moscow has massed two armies east of the city on a drive to capture Pokrovsk.",
                 {("fighting", "RU", "asserts")}, id="en-drive-to"),
    pytest.param("en", "Russian forces managed to capture Pokrovsk, the ministry said.", {("capture", "RU", "asserts")},
                 id="en-managed-to-is-done"),
    pytest.param("fr", "Les soldats russes ont reçu des médailles pour avoir pris Pokrovsk.",
                 {("capture", "RU", "asserts")}, id="fr-pour-avoir-pris-is-done"),
])
def test_claims_a_clause_of_purpose_reports_no_capture(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, expected: set[tuple[str, str, str]]) -> None:
    """"troops on a drive to capture X" fight for it; "managed to capture X" took it."""
    assert readings(extractor, text, lang, "Pokrovsk") == expected


def test_claims_a_village_in_a_regions_name_is_in_the_region(extractor) -> None:  # type: ignore[no-untyped-def]
    """"the village in Kharkiv" names the region the village lies in, not the city."""
    text = "Residents returned to Hrakove after Ukrainian soldiers retook the village in Kharkiv last September."
    assert {k[0] for k in keys(extractor, text, "en")} == {"Hrakove"}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("en", "Russian forces are said to have captured Pokrovsk.", ("capture", "RU", "asserts"),
                 id="en-said-to-have"),
    pytest.param("en", "Ukrainian troops were ordered to retake Pokrovsk.", ("fighting", "UA", "asserts"),
                 id="en-ordered-to"),
    pytest.param("fr", "Les soldats russes ont été décorés pour avoir pris Pokrovsk.", ("capture", "RU", "asserts"),
                 id="fr-pour-avoir"),
])
def test_claims_subject_of_a_passive_verb_above_is_the_subject_of_the_clause_below(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    """A passive verb's subject is the agent of the infinitive it controls, not its patient."""
    assert expected in readings(extractor, text, lang, "Pokrovsk")


def test_claims_a_statement_that_does_not_correspond_to_reality_is_denied(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Moscow's claim that its soldiers had taken Huliaipole does not correspond to reality, the Ukrainian "
            "General Staff said.")
    said = {k for k in keys(extractor, text, "en") if k[0] == "Hulyaypole"}
    assert ("Hulyaypole", "capture", "RU", "denies", "UA") in said
    assert ("Hulyaypole", "capture", "RU", "asserts", "RU") in said


def test_claims_a_denial_does_not_reach_what_the_speaker_goes_on_to_confirm(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Kyiv dément que Pokrovsk soit encerclée et confirme que la défense de Myrnohrad continue."
    assert readings(extractor, text, "fr", "Myrnohrad") == {("fighting", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "У ЗСУ наголосили, що немає жодних росіян у Куп'янську.",
                 id="uk-nemaie-rosiian"),
    pytest.param("uk", "У ЗСУ запевнили, що росіян у Куп'янську зараз немає.", id="uk-rosiian-nemaie"),
    pytest.param("ru", "Российских военных в Купянске нет, заявили в ВСУ.", id="ru"),
    pytest.param("en", "There are no Russian troops in Kupiansk, the Ukrainian military said.", id="en"),
    pytest.param("fr", "Il n'y a pas de soldats russes à Koupiansk, a assuré l'armée ukrainienne.", id="fr"),
])
def test_claims_no_troops_in_a_place_denies_their_presence(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"There are no Russians in X": a Russian presence in X, denied by who says it."""
    assert keys(extractor, text, lang) == {("Kupyansk", "presence", "RU", "denies", "UA")}


def test_claims_no_sense_in_a_place_is_no_claim(extractor) -> None:  # type: ignore[no-untyped-def]
    assert keys(extractor, "У Куп'янську немає сенсу чекати, сказав мер.", "uk") == set()


@pytest.mark.parametrize(("lang", "text", "kind"), [
    pytest.param("ru", "Российские подразделения по-прежнему зачищают Соледар.", "presence",
                 id="ru-zachishchat"),
    pytest.param("ru", "Зачистка Соледара продолжается, сообщили в Минобороны России.", "presence",
                 id="ru-zachistka"),
    pytest.param("uk", "Російські підрозділи досі зачищають Соледар.", "presence", id="uk-zachyshchaty"),
    pytest.param("ru", "Российские войска полностью зачистили Соледар.", "capture", id="ru-zachistili"),
    pytest.param("uk", "Російські війська зачистили Соледар.", "capture", id="uk-zachystyly"),
])
def test_claims_clearing_under_way_is_a_presence_cleared_is_a_capture(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, kind: str) -> None:
    """The imperfective and the noun ("зачищать", "зачистка") say the clearing goes on: the
    side is there; the perfective ("зачистили") says it is done: the side holds the place."""
    assert readings(extractor, text, lang, "Soledar") == {(kind, "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("en", "Russian forces captured Avdiivka using a newly invented glide bomb.",
                 {("Avdiyivka", "capture", "RU", "asserts")}, id="en-invented-weapon"),
    pytest.param("uk", "Російські війська захопили Авдіївку, як показує вигаданий серіал.",
                 {("Avdiyivka", "capture", "RU", "asserts")}, id="uk-vyhadanyi-serial"),
    pytest.param("en", "There were no Russian strikes on Kupiansk overnight.", set(), id="en-no-strikes"),
    pytest.param("fr", "Il n'y a pas de frappes russes à Koupiansk cette nuit.", set(), id="fr-pas-de-frappes"),
    pytest.param("uk", "У Куп'янську немає ударів ворога вже тиждень.", set(), id="uk-nemaie-udariv"),
])
def test_claims_words_of_denial_and_absence_only_where_they_apply(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, expected: set[tuple[str, str, str, str]]) -> None:
    """An invented weapon denies nothing, and no strikes on a place says nothing of who is there."""
    assert {k[:4] for k in keys(extractor, text, lang)} == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russian troops captured Chasiv Yar and Toretsk in 2025. Fighting for these towns had gone "
           "on for over a year."),
    ("fr", "Les troupes russes ont pris Tchassiv Iar et Toretsk. Les combats pour ces deux villes avaient "
           "duré plus d’un an."),
    ("uk", "Російські війська захопили Часів Яр і Торецьк. Бої за ці міста тривали понад рік."),
    ("ru", "Российские войска заняли Часов Яр и Торецк. Бои за эти города шли больше года."),
])
def test_claims_a_plural_back_reference_means_every_place_of_the_list_before(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"These towns", "ці міста": the fighting is about both places just listed (and the
    Ukrainian "міста" is a plural here, not "of the city")."""
    for place in ("Chasiv Yar", "Toretsk"):
        assert ("fighting", "RU", "asserts") in readings(extractor, text, lang, place), place


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Kyiv still holds parts of the Donetsk, Zaporizhzhia and Kherson regions. Russian troops are "
           "attacking in all three regions, the Ukrainian General Staff said."),
    ("fr", "Kiev tient encore une partie des régions de Donetsk, de Zaporijjia et de Kherson. Les troupes russes "
           "attaquent dans ces trois régions, selon l'état-major ukrainien."),
    ("uk", "Україна досі контролює частину Донецької, Запорізької та Херсонської областей. Російські війська "
           "атакують у цих трьох областях, повідомив Генштаб ЗСУ."),
    ("ru", "Украина всё ещё контролирует часть Донецкой, Запорожской и Херсонской областей. Российские войска "
           "атакуют во всех трёх областях, сообщил Генштаб ВСУ."),
])
def test_claims_a_plural_back_reference_to_regions_means_every_region_of_the_list_before(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"All three regions", "ces trois régions": the regions just listed, as "these towns" are
    the towns."""
    for place in ("Donetsk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"):
        assert ("fighting", "RU", "asserts") in readings(extractor, text, lang, place), place


def referred(extractor, text: str, lang: str, words: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The places the candidates built on a back-reference's words stand for."""
    candidates = candidates_in(extractor, text, lang)
    return {c.target.mention.place.name for c in candidates if text[c.target.start:c.target.end] == words}


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("en", "Russian troops attacked Chasiv Yar and Toretsk, near Kramatorsk. Both towns were captured in the end.",
     "Both towns"),
    ("fr", "Les troupes russes ont attaqué Tchassiv Iar et Toretsk, près de Kramatorsk. Ces deux villes ont "
           "finalement été prises.", "Ces deux villes"),
    ("uk", "Російські війська атакували Часів Яр і Торецьк біля Краматорська. Обидва міста зрештою захопили.",
     "Обидва міста"),
    ("ru", "Российские войска атаковали Часов Яр и Торецк под Краматорском. Оба города в итоге были захвачены.",
     "Оба города"),
])
def test_claims_a_plural_back_reference_leaves_out_the_place_its_list_lies_near(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, words: str) -> None:
    """"X and Y, near Z. Both towns...": the towns listed, not the town that only says where
    they lie, and as many as the number word says."""
    assert referred(extractor, text, lang, words) == {"Chasiv Yar", "Toretsk"}


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("en", "Russian forces attacked Chasiv Yar and Toretsk. Both towns, west of Horlivka, were captured by Russia.",
     "Both towns"),
    ("fr", "Les forces russes ont attaqué Tchassiv Iar et Toretsk. Ces deux villes, au nord de Horlivka, ont été "
           "prises par la Russie.", "Ces deux villes"),
])
def test_claims_a_plural_back_reference_before_a_set_off_locator_is_read(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, words: str) -> None:
    """"Both towns, west of Horlivka": the comma sets the locator apart; "towns" is no head
    noun of the name after it ("the town of Horlivka")."""
    assert referred(extractor, text, lang, words) == {"Chasiv Yar", "Toretsk"}


@pytest.mark.parametrize(("lang", "text", "words"), [
    ("en", "Russian troops captured Chasiv Yar and Toretsk. These towns fell after months of fighting there.",
     "there"),
    ("fr", "Les troupes russes ont pris Tchassiv Iar et Toretsk. Ces villes sont tombées après les combats qui y "
           "ont fait rage.", "y"),
    ("uk", "Російські війська захопили Часів Яр і Торецьк. Ці міста зруйновані боями, що там точилися.", "там"),
    ("ru", "Российские войска заняли Часов Яр и Торецк. Эти города разрушены боями, которые там шли.", "там"),
])
def test_claims_a_place_pronoun_after_a_plural_back_reference_means_its_whole_list(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, words: str) -> None:
    """"These towns ... the fighting there": "there" is both towns, not the last one named."""
    assert referred(extractor, text, lang, words) == {"Chasiv Yar", "Toretsk"}


def test_claims_none_of_the_regions_listed_before_is_held(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Do not hold any of the four regions" denies the capture of each region listed."""
    text = ("Moscow claims the Donetsk, Luhansk, Zaporizhzhia and Kherson regions. Russian forces do not fully "
            "hold any of the four regions.")
    for place in ("Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"):
        assert ("capture", "RU", "denies") in readings(extractor, text, "en", place), place


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russia's failed assault on Kupiansk cost it dozens of tanks, the brigade said."),
    ("fr", "L'assaut raté des Russes sur Koupiansk leur a coûté des dizaines de chars, selon la brigade."),
    ("ru", "Безуспешная атака на Купянск стоила россиянам десятков танков, заявили в бригаде."),
])
def test_claims_a_failed_assault_is_a_repelled_one(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """The failure is an adjective of the assault's noun, not a verb above it."""
    assert ("repelled", "RU", "asserts") in readings(extractor, text, lang, "Kupyansk")
    assert ("fighting", "RU", "asserts") not in readings(extractor, text, lang, "Kupyansk")


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "L'artillerie russe a visé Popasna pendant tout le mois de mars. Selon le gouverneur, les soldats "
           "russes sont entrés mardi dans la petite ville."),
    ("fr", "L'artillerie russe a visé Popasna pendant tout le mois de mars. Selon le gouverneur, les soldats "
           "russes sont entrés mardi dans cette même ville."),
    ("uk", "Російська артилерія обстрілювала Попасну весь березень. За словами губернатора, у вівторок "
           "російські солдати зайшли в невелике місто."),
    ("ru", "Российская артиллерия весь март обстреливала Попасную. По словам губернатора, во вторник "
           "российские солдаты вошли в небольшой город."),
])
def test_claims_a_back_reference_with_an_adjective_before_its_noun(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"La petite ville", "невелике місто" refer back to the town named before as "la ville"
    and "місто" do: a size or "même" before the noun changes nothing."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, "Popasna")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "L'artillerie russe a visé Berestove toute la semaine. D'après l'état-major ukrainien, les "
                       "troupes russes sont entrées jeudi dans le hameau.", id="fr-hameau"),
    pytest.param("ru", "Минобороны России сообщило о продвижении у Берестового. Российские войска вошли в "
                       "деревню, заявили в ведомстве.", id="ru-derevnya-accusative"),
])
def test_claims_every_word_for_a_village_refers_back(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"Le hameau", "деревню" refer back to the village named before, as "le village" and
    "село" do: the lists hold every word for a settlement, in every case."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, "Berestove")


@pytest.mark.parametrize("text", [
    "Les soldats ukrainiens qui tiennent Koupiansk repoussent chaque jour des assauts russes, selon la brigade.",
    "Les unités ukrainiennes contrôlent toujours Koupiansk et repoussent chaque nuit des groupes russes.",
])
def test_claims_a_trigger_in_the_subject_of_a_repulse_is_not_what_was_repelled(  # type: ignore[no-untyped-def]
        extractor, text: str) -> None:
    """"The soldiers who hold X repel assaults": holding X is a claim of its own, not the
    assault the repulse covers (the French parser tags "contrôlent" as an adjective of the
    subject, which puts it under "repoussent" too)."""
    found = readings(extractor, text, "fr", "Kupyansk")
    assert ("capture", "UA", "asserts") in found
    assert ("repelled", "RU", "asserts") in found


def test_claims_meme_si_concedes_a_fact_it_does_not_suppose_one(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Même si" + indicative is "even though": the clause reports that Ukraine still holds
    the town; a plain "si" stays a condition."""
    said = ("Les troupes russes pressent Koupiansk, même si la ville reste pour l'instant tenue par "
            "l'armée ukrainienne.")
    supposed = "Si la ville restait tenue par l'armée ukrainienne, Koupiansk serait un verrou."
    assert ("capture", "UA", "asserts") in readings(extractor, said, "fr", "Kupyansk")
    assert ("capture", "UA", "asserts") not in readings(extractor, supposed, "fr", "Kupyansk")


@pytest.mark.parametrize("text", [
    "Ukraine's army dismissed the statement by the Russian command that it had allegedly captured Huliaipole.",
    "Ukraine's army dismissed the Russian command's statement that they had allegedly captured Huliaipole.",
])
def test_claims_a_denied_statement_is_also_its_author_s_claim(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """Whichever order names the claim's author ("the statement by the Russian command", "the
    Russian command's statement"), the record keeps both: Russia asserts the capture,
    Ukraine's army denies it."""
    found = keys(extractor, text, "en")
    assert ("Hulyaypole", "capture", "RU", "denies", "UA") in found
    assert ("Hulyaypole", "capture", "RU", "asserts", "RU") in found


def test_claims_a_denial_ends_where_an_english_statement_without_that_begins(  # type: ignore[no-untyped-def]
        extractor) -> None:
    """"Kyiv denied Moscow's assertions, saying Ukraine still controls X": English drops the
    "that", but the speech verb after the comma still opens Kyiv's own statement, which
    asserts its control and so denies the Russian capture; with no comma ("denied reports
    Russian troops had taken X") the denial reaches the report."""
    said = keys(extractor, "Kyiv denied Moscow's assertions, saying Ukraine still controls Kupiansk.", "en")
    assert ("Kupyansk", "capture", "UA", "asserts", "UA") in said
    assert ("Kupyansk", "capture", "UA", "denies", "UA") not in said
    reports = keys(extractor, "Kyiv denied reports Russian troops had taken Kupiansk.", "en")
    assert ("Kupyansk", "capture", "RU", "denies", "UA") in reports


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les soldats ukrainiens décrivent une avancée russe lente vers Pokrovsk."),
    ("en", "Ukrainian soldiers of the 47th brigade describe the slow Russian advance towards Pokrovsk."),
])
def test_claims_the_side_named_in_the_trigger_s_own_phrase_acts(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"Une avancée russe", "the Russian advance": the phrase that holds the trigger names
    who advances, whoever else the sentence names (here the Ukrainian soldiers who tell it)."""
    assert ("advance", "RU", "asserts") in readings(extractor, text, lang, "Pokrovsk")
    assert ("advance", "UA", "asserts") not in readings(extractor, text, lang, "Pokrovsk")


def test_claims_taking_up_positions_in_a_town_is_a_presence(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Take up positions in X" is being there, not taking X: the idiom wins over "take"."""
    text = "Russian troops took up positions in Vovchansk, the local police chief said."
    assert ("presence", "RU", "asserts") in readings(extractor, text, "en", "Vovchansk")
    assert ("capture", "RU", "asserts") not in readings(extractor, text, "en", "Vovchansk")


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Fighting goes on around Kurakhove. \u201cThe enemy is moving into the town,\u201d Donetsk "
           "Governor Vadym Filashkin said."),
    ("fr", "Les combats se poursuivent autour de Koupiansk. \u00ab L'ennemi entre dans la ville \u00bb, "
           "Kharkiv reste calme, a dit le gouverneur."),
])
def test_claims_a_back_reference_before_a_quote_s_end_is_not_the_next_name_s_head(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"The town," Donetsk Governor X said: the back-reference closes the quote; the name after
    the quote mark begins another phrase, so "the town" still means the place named before
    (as it would not in "the town of Donetsk")."""
    place = "Kurakhove" if lang == "en" else "Kupyansk"
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, place)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Russian forces had hoped to capture Kupiansk before winter, the Ukrainian command said."),
    ("en", "Moscow wanted to take Kupiansk by the autumn."),
    ("fr", "Les forces russes voulaient prendre Koupiansk avant l'hiver, selon l'état-major ukrainien."),
    ("fr", "Les Russes espèrent prendre Koupiansk avant l'hiver, selon l'état-major ukrainien."),
    ("uk", "Російські війська хотіли захопити Куп'янськ до зими, заявили в Генштабі ЗСУ."),
    ("ru", "Российские войска хотели захватить Купянск до зимы, заявили в Генштабе ВСУ."),
])
def test_claims_a_wish_to_take_a_town_is_no_claim(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Hoped to capture X", "voulaient prendre X", "хотіли захопити X": a wish, past or
    present, says what did not (yet) happen, like a plan or a purpose."""
    assert readings(extractor, text, lang, "Kupyansk") == set()


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("en", "Ukrainian forces have recaptured Robotyne, a village on the road to the Russian-occupied south.",
     "Robotyne"),
    ("en", "Huliaipole lies near the border of the partially occupied Donetsk region, the governor said.",
     "Hulyaypole"),
    ("uk", "Гуляйполе розташоване біля кордону частково окупованої Донецької області, повідомив голова ОВА.",
     "Hulyaypole"),
    ("ru", "Гуляйполе расположено у границы частично оккупированной Донецкой области, сообщил глава ОВА.",
     "Hulyaypole"),
])
def test_claims_an_adjective_of_another_noun_says_nothing_of_the_place(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """"The Russian-occupied south", "the partially occupied region": the participle qualifies
    its own noun, which is not the town the sentence is about, so Russia holding the town
    is no claim."""
    assert ("capture", "RU", "asserts") not in readings(extractor, text, lang, place)


@pytest.mark.parametrize("text", [
    "Les forces russes ont pris Kourakhové, dans l'est ukrainien.",
    "Moscou a revendiqué la prise de Kourakhové, une ville de l'est ukrainien.",
    "Selon Moscou, les troupes russes se sont emparées de Kourakhové, dans l'Est ukrainien.",
])
def test_claims_the_ukrainian_east_is_a_region_not_a_statement(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Dans l'est ukrainien" is a noun phrase (the Ukrainian east), not "X est ukrainien"
    (X is Ukrainian): the Russian capture is the only claim."""
    assert readings(extractor, text, "fr", "Kurakhove") == {("capture", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text", "places"), [
    ("fr", "Dans les directions de Berdiansk et de Mélitopol, huit localités ont été libérées, a dit la "
           "vice-ministre.", ("Berdyansk", "Melitopol")),
    ("fr", "Dans le secteur de Koupiansk, trois villages ont été repris par l'armée russe.", ("Kupyansk",)),
    ("en", "Ukrainian troops liberated two square kilometres on the Bakhmut front last week.", ("Bakhmut",)),
])
def test_claims_a_front_sector_named_after_a_town_is_not_the_town(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, places: tuple[str, ...]) -> None:
    """"Les directions de X et de Y", "the X front": a sector of the front takes its name from a
    town, but what was liberated there lies elsewhere in it; the town itself is not taken."""
    for place in places:
        assert not {kind for kind, _, _ in readings(extractor, text, lang, place)} & {"capture", "presence"}


def test_claims_en_direction_de_is_still_a_way_towards_the_town(extractor) -> None:  # type: ignore[no-untyped-def]
    """"En direction de X" is a heading, not a sector: the advance towards X stays."""
    text = "Les forces russes avancent en direction de Pokrovsk, selon l'état-major ukrainien."
    assert ("advance", "RU", "asserts") in readings(extractor, text, "fr", "Pokrovsk")


@pytest.mark.parametrize(("text", "region", "kind"), [
    ("Russian troops have occupied the Kursk region's border districts, the governor said.",
     "Kursk Oblast", "presence"),
    ("Russian troops have occupied the Sumy region's border districts, the governor said.",
     "Sumy Oblast", "presence"),
    ("Russian troops have occupied the whole of the Luhansk region, the Russian defence ministry said.",
     "Luhansk Oblast", "capture"),
])
def test_claims_ground_taken_in_a_region_is_a_presence_unless_all_of_it(  # type: ignore[no-untyped-def]
        extractor, text: str, region: str, kind: str) -> None:
    """A side that occupies ground in a region is present in part of it (the annotation's
    presence); only "the whole of X region" is the region taken."""
    assert {k for k, _, _ in readings(extractor, text, "en", region)} == {kind}


@pytest.mark.parametrize(("lang", "text"), [
    ("ru", "Бои идут за Часов Яр. С начала года группировка войск «Центр» освободила 81 населенный пункт, "
           "заявил Герасимов."),
    ("uk", "Бої тривають за Часів Яр. Угруповання «Центр» звільнило цього року 81 населений пункт, "
           "заявив Герасимов."),
])
def test_claims_a_counted_settlement_noun_refers_back_to_no_place(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"Освободила 81 населенный пункт": a number before the noun counts places; it is no
    back-reference to the town named before, which stays fought for, not taken."""
    found = readings(extractor, text, lang, "Chasiv Yar")
    assert ("fighting", "RU", "asserts") in found
    assert ("capture", "RU", "asserts") not in found


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les forces russes ont progressé dans le nord-est de Selydove, selon l'ISW."),
    ("ru", "Российские войска продвинулись на востоке Селидово, сообщает ISW."),
])
def test_claims_advancing_in_a_quarter_of_the_town_is_being_in_it(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"Dans le nord-est de X", "на востоке X": the east of the town is inside it (unlike "à
    l'est de X", "к востоку от X", beside it), so the advance there is a presence."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, "Selydove")


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("en", "The fall of Toretsk could let Moscow push on toward Kostiantynivka, an analyst said.",
     "Toretsk"),
    ("en", "Losing Lyman would be a major setback for Moscow, analysts say.", "Lyman"),
    ("fr", "La prise de Selydove aura sans doute épuisé les troupes russes.", "Selydove"),
])
def test_claims_an_event_that_would_bring_something_is_not_reported(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """"The fall of X could allow…", "la prise de X aura épuisé…": the trigger is the subject
    of a modal, future or conditional predicate; what the event would bring is said, not
    that it happened."""
    assert ("capture", "RU", "asserts") not in readings(extractor, text, lang, place)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Fighting raged around Soledar on Monday. Russian troops have entered the western districts, the "
           "Ukrainian military said."),
    ("fr", "Des combats ont eu lieu autour de Soledar lundi. Les troupes russes sont entrées dans les quartiers "
           "ouest, a déclaré l'armée ukrainienne."),
    ("uk", "Бої тривали навколо Соледара в понеділок. Російські війська зайшли на околиці, заявили в "
           "Генштабі ЗСУ."),
    ("ru", "Бои шли вокруг Соледара в понедельник. Российские войска вошли в западные кварталы, заявили в "
           "Генштабе ВСУ."),
])
def test_claims_a_part_of_the_town_named_without_it_is_that_town(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"Entered the western districts", "зайшли на околиці": a part of a town with no name
    after it is a part of the town named last, so being there is a presence in it."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, "Soledar")


@pytest.mark.parametrize(("lang", "text", "elsewhere"), [
    ("en", "Russian troops attacked Soledar. Ukrainian forces entered the outskirts of Bakhmut.", "Soledar"),
    ("ru", "Бои шли за Суджу. Украинские военные также достигли окраин рабочего поселка Коренево.", "Sudzha"),
    ("en", "Russian troops attacked Soledar. The Center group advanced toward Pokrovsk, the ministry said.",
     "Soledar"),
])
def test_claims_a_part_of_another_place_is_not_the_town_named_last(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, elsewhere: str) -> None:
    """"The outskirts of Bakhmut", "окраин рабочего поселка Коренево": a part whose place is
    named after it is that place's; "the Center group" is a unit, not a town centre."""
    assert not {k for k, _, _ in readings(extractor, text, lang, elsewhere)} - {"fighting"}


@pytest.mark.parametrize(("text", "place", "kind"), [
    ("Les combats font rage à Velyka Novosilka. L'armée russe affirme avoir pris le contrôle du village.",
     "Velyka Novosilka", "capture"),
    ("Les forces russes ont atteint Myrnohrad. Des groupes d'assaut russes sont entrés dans l'agglomération, "
     "selon l'armée ukrainienne.", "Myrnohrad", "presence"),
])
def test_claims_fr_a_back_reference_after_a_contracted_article_is_one_too(  # type: ignore[no-untyped-def]
        extractor, text: str, place: str, kind: str) -> None:
    """"Du village", "au village", "l'agglomération": the article contracted or elided, the
    noun still refers back to the place named before."""
    assert (kind, "RU", "asserts") in readings(extractor, text, "fr", place)


def test_claims_fr_y_compris_refers_back_to_no_place(extractor) -> None:  # type: ignore[no-untyped-def]
    """« Y compris » means "including": its « y » is no pronoun for the town named before, so
    fighting "on the whole front, including at night" is no fighting in that town."""
    text = ("L'armée russe a pris Pokrovsk en décembre. "
            "Les combats se poursuivent sur tout le front, y compris la nuit.")
    assert readings(extractor, text, "fr", "Pokrovsk") == {("capture", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text", "taken", "not_taken"), [
    ("en", "Russian forces captured Rivnopillia, threatening to take Huliaipole, the ministry said.",
     "Rivnopillia", "Hulyaypole"),
    ("fr", "Les forces russes ont conquis Rivnopillia, menaçant de prendre Houliaïpole, selon le ministère.",
     "Rivnopillia", "Hulyaypole"),
    ("en", "Russian troops seized Kurakhove and could soon take Pokrovsk, analysts said.", "Kurakhove", "Pokrovsk"),
    ("en", "Ukrainian forces retook Robotyne, hoping to reach Tokmak next.", "Robotyne", "Tokmak"),
])
def test_claims_a_place_inside_a_threat_or_a_wish_is_taken_by_no_other_verb(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, taken: str, not_taken: str) -> None:
    """"Captured X, threatening to take Y", "seized X and could soon take Y": Y is the
    argument of a threat, a possibility or a wish, and inside that clause's scope; the
    verb that took X does not take Y with it."""
    actor = "UA" if taken == "Robotyne" else "RU"
    assert ("capture", actor, "asserts") in readings(extractor, text, lang, taken)
    assert ("capture", actor, "asserts") not in readings(extractor, text, lang, not_taken)


def test_claims_attacks_coordinated_under_a_repulse_are_repelled_not_fought(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Repelled 38 attacks near X and another 5 attacks near Y": the second "attacks" is
    coordinated with the first, so the repulse governs both; Y saw attacks repelled, not a
    separate fight."""
    text = ("According to the commander, Ukrainian troops repelled 38 enemy attacks in the vicinity of Avdiivka "
            "and another 5 attacks near Pervomaiske and Nevelske.")
    assert readings(extractor, text, "en", "Pervomaiske") == {("repelled", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "The town of Siversk is under Ukrainian fire control, the army said.", id="en"),
    pytest.param("en", "Siversk is under the fire control of Russian troops, the army said.", id="en-of"),
    pytest.param("fr", "La ville de Siversk est sous le contrôle de tir des forces russes, selon l'armée.", id="fr"),
    pytest.param("uk", "У Генштабі додали, що місто Сіверськ перебуває під вогневим контролем українських "
                 "військових.", id="uk"),
    pytest.param("ru", "В Генштабе добавили, что город Северск находится под огневым контролем российских войск.",
                 id="ru"),
])
def test_claims_fire_control_is_no_control_of_the_ground(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A town "under fire control" is within a side's range of fire, not held by it."""
    assert readings(extractor, text, lang, "Siversk") == set()


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Siversk is under Ukrainian control, the army said.", id="en"),
    pytest.param("uk", "Місто Сіверськ перебуває під контролем українських військових, заявили в Генштабі.",
                 id="uk-town-opening-the-sentence"),
])
def test_claims_plain_control_is_still_held(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("capture", "UA", "asserts") in readings(extractor, text, lang, "Siversk")


@pytest.mark.parametrize(("lang", "text", "place", "expected"), [
    pytest.param("uk", "Українські війська продовжують контрнаступ біля Роботиного, повідомив Генштаб ЗСУ.",
                 "Robotyne", ("advance", "UA", "asserts"), id="uk-counteroffensive"),
    pytest.param("ru", "ВСУ ведут контрнаступление под Работино, сообщили в Генштабе ВСУ.",
                 "Robotyne", ("advance", "UA", "asserts"), id="ru-counteroffensive"),
    pytest.param("ru", "Российские войска оттеснили ВСУ от Волчанска, сообщило Минобороны России.",
                 "Vovchansk", ("repelled", "UA", "asserts"), id="ru-pushed-back"),
])
def test_claims_counteroffensive_and_pushing_back_belong_to_their_word_families(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, expected: tuple[str, str, str]) -> None:
    """"Контрнаступ(ление)" is an advance and "оттеснить" a repulse, like "counteroffensive"
    and "відтіснити" in the other languages' families."""
    assert expected in readings(extractor, text, lang, place)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("ru", "Российские войска отбили Кузьминовку, сообщило Минобороны России.",
                 ("capture", "RU", "asserts"), id="ru-retook-the-village"),
    pytest.param("uk", "Українські військові відбили село Кузьминівка, повідомив Генштаб ЗСУ.",
                 ("capture", "UA", "asserts"), id="uk-retook-the-village-named-in-apposition"),
    pytest.param("ru", "ВСУ отбили атаку у Кузьминовки, сообщили в Генштабе ВСУ.",
                 ("repelled", "RU", "asserts"), id="ru-repelled-an-attack-near-it"),
    pytest.param("uk", "Сили оборони відбили атаку біля Кузьминівки, повідомив Генштаб ЗСУ.",
                 ("repelled", "RU", "asserts"), id="uk-repelled-an-attack-near-it"),
])
def test_claims_a_place_as_the_object_of_otbit_is_retaken_not_an_attack_repelled(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    """"Отбить атаку" repels an attack; "отбить Кузьминовку" retakes the village, by the
    side that is the subject."""
    assert readings(extractor, text, lang, "Kuzmynivka") == {expected}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russian forces are planning to capture Kupiansk, analysts said.", id="en-planning"),
    pytest.param("en", "Russian forces, aiming to capture Kupiansk, shelled the town, analysts said.", id="en-aiming"),
    pytest.param("fr", "Les troupes russes, espérant prendre Koupiansk, ont bombardé la ville.", id="fr-esperant"),
])
def test_claims_every_form_of_an_intention_makes_no_claim(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Planning to", "aiming to", "espérant": an intention, in any of its forms, reports no
    capture and no fight (shelling is none either)."""
    assert readings(extractor, text, lang, "Kupyansk") == set()


def test_claims_a_denied_claim_in_the_singular_is_still_the_claimant_s(extractor) -> None:  # type: ignore[no-untyped-def]
    """"L'affirmation russe" like "les affirmations russes": the denial records the claim
    of the side it names."""
    text = "L'armée ukrainienne a démenti l'affirmation russe sur la prise de Koupiansk."
    found = keys(extractor, text, "fr")
    assert ("Kupyansk", "capture", "RU", "denies", "UA") in found
    assert ("Kupyansk", "capture", "RU", "asserts", "RU") in found


@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("en", "Russian troops are breaking into Kupiansk, the army said.",
                 ("presence", "RU", "asserts"), id="en-breaking-into"),
    pytest.param("en", "Ukrainian forces are winning back Kupiansk, the army said.",
                 ("capture", "UA", "asserts"), id="en-winning-back"),
])
def test_claims_every_form_of_a_listed_phrase_reads_alike(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, expected: tuple[str, str, str]) -> None:
    """"Breaking into" like "broke into", "winning back" like "won back": a phrase listed in
    some of its forms is read in all of them."""
    assert expected in readings(extractor, text, lang, "Kupyansk")



@pytest.mark.parametrize(("lang", "text", "place", "outcome"), [
    pytest.param("en", "Russian forces advanced on Memryk and captured it, the Russian defence ministry said.",
                 "Memryk", "capture", id="advance-then-capture-en"),
    pytest.param("fr", "Les forces russes ont progressé vers Memryk puis s'en sont emparées, selon le ministère "
                       "russe de la Défense.", "Memryk", "capture", id="advance-then-capture-fr"),
    pytest.param("ru", "Российские войска продвинулись к Мемрику и взяли его, сообщило Минобороны России.",
                 "Memryk", "capture", id="advance-then-capture-ru"),
    pytest.param("en", "Russian troops stormed Nevelske but were repelled, the General Staff said.",
                 "Nevelske", "repelled", id="attack-then-repulse-en"),
    pytest.param("uk", "Російські війська штурмували Невельське, але були відкинуті, повідомив Генштаб.",
                 "Nevelske", "repelled", id="attack-then-repulse-uk"),
])
def test_claims_a_step_and_its_outcome_in_one_sentence_are_the_outcome(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, outcome: str) -> None:
    """"Advanced on X and captured it" is the capture; "stormed X but were repelled" the
    repulse: the advance and the attack are steps of the one statement."""
    assert readings(extractor, text, lang, place) == {(outcome, "RU", "asserts")}


@pytest.mark.parametrize(("text", "both"), [
    pytest.param("Russian troops advanced toward Memryk, the Russian defence ministry said on Monday. On Tuesday "
                 "it said they had captured Memryk.", {"advance", "capture"}, id="two-sentences"),
    pytest.param("Russian troops entered Memryk and captured it, the Russian defence ministry said.",
                 {"presence", "capture"}, id="presence-and-capture"),
])
def test_claims_statements_an_outcome_does_not_subsume_stay(extractor, text: str,  # type: ignore[no-untyped-def]
                                                              both: set[str]) -> None:
    """An advance told in its own sentence, or an entry beside the capture, stays a claim."""
    assert {kind for kind, _, _ in readings(extractor, text, "en", "Memryk")} == both


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Ukrainian units hold their lines and are destroying the occupiers on the approaches "
                       "to Siversk, the brigade said.", id="en"),
    pytest.param("fr", "Les forces ukrainiennes détruisent l'ennemi aux abords de Siversk, selon la brigade.", id="fr"),
    pytest.param("uk", "Українські воїни знищують окупантів на підступах до Сіверська, повідомили в бригаді.", id="uk"),
])
def test_claims_attackers_destroyed_on_the_approaches_were_repelled(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """Destroying the enemy on a town's approaches is its assault on the town repelled."""
    assert ("repelled", "RU", "asserts") in readings(extractor, text, lang, "Siversk")


@pytest.mark.parametrize(("lang", "text", "place", "side"), [
    pytest.param("uk", "Генштаб повідомив про невдалі атаки росіян біля Невельського.", "Nevelske", "RU", id="uk"),
    pytest.param("ru", "Минобороны России сообщило о безуспешных атаках ВСУ у Нью-Йорка.", "Nyu-York", "UA", id="ru"),
    pytest.param("fr", "Le ministère russe affirme que les assauts ukrainiens sur Krynky ont échoué.", "Krynky", "UA",
                 id="fr"),
])
def test_claims_the_side_whose_attack_failed_is_the_one_repelled(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, side: str) -> None:
    """"Unsuccessful Russian attacks", "the Ukrainian assaults failed": the side named with
    the failure is the one repelled, unlike the subject of "repelled", who did the repelling."""
    assert readings(extractor, text, lang, place) == {("repelled", side, "asserts")}


def sides_named(extractor, text: str, lang: str) -> dict[tuple[str, str], str]:  # type: ignore[no-untyped-def]
    """The side the sentence's words name as each trigger's actor, per place (the reading the
    claim model starts from)."""
    candidates = candidates_in(extractor, text, lang)
    return {(c.target.mention.place.name, text[c.trigger.start:c.trigger.end]): c.prior_actor for c in candidates}


@pytest.mark.parametrize(("lang", "text", "place", "trigger", "side"), [
    pytest.param("en", "Ukrainian soldiers were still resisting the attack on Soledar.", "Soledar", "attack", "RU",
                 id="noun-under-resisting-en"),
    pytest.param("en", "Ukrainian troops repelled attempts to capture Kupiansk.", "Kupyansk", "capture", "RU",
                 id="verb-under-repelling-en"),
    pytest.param("en", "In reality, reports from the Russian army about the capture of Huliaipole are not "
                       "confirmed by facts, the Ukrainian General Staff said.",
                 "Hulyaypole", "capture", "RU", id="reports-from-a-side-en"),
    pytest.param("en", "Ukrainian troops retook Kupiansk from the Russians.", "Kupyansk", "retook", "UA",
                 id="taken-from-a-side-en"),
    pytest.param("en", "Russian troops launched attacks on Kupiansk.", "Kupyansk", "attacks", "RU",
                 id="noun-under-a-light-verb-en"),
    pytest.param("ru", "Идет поиск ДРГ противника, которые проникли в Покровск, сообщили в ВСУ.", "Pokrovsk",
                 "проникли", "RU", id="relative-pronoun-for-the-enemy-ru"),
    pytest.param("fr", "Les combattants de Kiev, qui ont repris Robotyne, tiennent leurs positions.", "Robotyne",
                 "repris", "UA", id="relative-pronoun-for-the-fighters-fr"),
    pytest.param("uk", "Сьогодні до Херсону зайшли українські війська.", "Kherson", "зайшли", "UA",
                 id="subject-after-a-verb-of-motion-uk"),
    pytest.param("ru", "Вчера в Купянск вошли украинские подразделения, сообщил Генштаб ВСУ.", "Kupyansk", "вошли",
                 "UA", id="subject-after-a-verb-of-motion-ru"),
    pytest.param("en", "Moscow said it had repelled Ukrainian units near Sudzha.", "Sudzha", "repelled", "UA",
                 id="object-of-repelling-en"),
    pytest.param("ru", "Минобороны России заявило, что отразило украинские подразделения у Суджи.", "Sudzha",
                 "отразило", "UA", id="object-of-repelling-ru"),
    pytest.param("uk", "У Міноборони РФ заявили, що відбили українські підрозділи біля Суджі.", "Sudzha",
                 "відбили", "UA", id="object-of-repelling-uk"),
    pytest.param("fr", "Les troupes ukrainiennes ont repoussé une attaque russe près de Koupiansk. Elles se "
                       "rapprochent maintenant de Robotyne.", "Robotyne", "rapprochent", "UA",
                 id="pronoun-for-the-last-subject-fr"),
    pytest.param("en", "Ukrainian troops repelled a Russian assault near Kupiansk on Monday. They are now closing "
                       "in on Robotyne.", "Robotyne", "closing in", "UA", id="pronoun-for-the-last-subject-en"),
    pytest.param("uk", "Українські війська відбили російський штурм біля Куп'янська. Згодом звільнили Роботине.",
                 "Robotyne", "звільнили", "UA", id="no-subject-for-the-last-subject-uk"),
    pytest.param("ru", "Украинские войска отбили российский штурм у Купянска. Затем освободили Работино.",
                 "Robotyne", "освободили", "UA", id="no-subject-for-the-last-subject-ru"),
    pytest.param("en", "Russia said on Sunday it had taken full control of Avdiivka after Ukrainian troops "
                       "withdrew.\nThe fall of Avdiivka is the biggest gain since it captured Bakhmut in May 2023.",
                 "Bakhmut", "captured", "RU", id="pronoun-for-the-main-subject-before-en"),
    pytest.param("fr", "Les forces russes progressent, forçant les unités ukrainiennes à se retrancher à Kourakhove.",
                 "Kurakhove", "retrancher", "UA", id="object-controls-the-infinitive-fr"),
    pytest.param("fr", "Les forces russes reculent devant des unités ukrainiennes avançant vers Robotyne.", "Robotyne",
                 "avançant", "UA", id="noun-of-an-active-participle-fr"),
    pytest.param("fr", "Andriïvka a été débarrassée des troupes russes, selon l'état-major ukrainien.", "Andriyivka",
                 "débarrassée", "UA", id="rid-of-a-side-fr"),
    pytest.param("en", "\"The adversary still remains in Bakhmut,\" Prigozhin said.", "Bakhmut", "remains", "UA",
                 id="the-adversary-en"),
])
def test_the_side_the_words_name(extractor, lang: str, text: str, place: str, trigger: str,  # type: ignore[no-untyped-def]
                                 side: str) -> None:
    assert sides_named(extractor, text, lang)[(place, trigger)] == side


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Ukrainian soldiers are destroying Russian assault groups inside Huliaipole, the General Staff "
                       "said.", "Hulyaypole", id="en"),
    pytest.param("fr", "Les soldats ukrainiens détruisent les groupes d'infanterie ennemis à l'intérieur de "
                       "Houliaïpole, selon l'état-major.", "Hulyaypole", id="fr"),
    pytest.param("uk", "Українські воїни знищують штурмові групи противника в Гуляйполі, повідомили в Генштабі.",
                 "Hulyaypole", id="uk"),
    pytest.param("ru", "Украинские военные уничтожают штурмовые группы противника в Гуляйполе, сообщили в Генштабе "
                       "ВСУ.", "Hulyaypole", id="ru"),
    pytest.param("uk", "Противник був знищений у забудові на території Сіверська, повідомили в бригаді.", "Siversk",
                 id="passive-uk"),
    pytest.param("fr", "L'ennemi a été éliminé à Siversk, selon la brigade.", "Siversk", id="passive-fr"),
])
def test_claims_enemy_troops_destroyed_in_a_place_are_there(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """Destroying the enemy's groups inside a town says they are in it: a Russian presence,
    whether the sentence names who destroys them or only the destroyed."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, place)


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Active military operations are underway in Huliaipole, the governor said.", id="en"),
    pytest.param("fr", "La situation à Houliaïpole est difficile, mais l'opération défensive se poursuit, selon "
                       "l'état-major ukrainien.", id="fr"),
    pytest.param("uk", "Оборонна операція в Гуляйполі триває, повідомили в Генштабі.", id="uk"),
    pytest.param("ru", "Оборонительная операция в Гуляйполе продолжается, сообщили в Генштабе ВСУ.", id="ru"),
])
def test_claims_military_operations_in_a_place_are_fighting(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """A defensive or military operation under way in a town is fighting there, the Russian
    side attacking."""
    assert ("fighting", "RU", "asserts") in readings(extractor, text, lang, "Hulyaypole")


def test_claims_the_special_military_operation_is_no_fighting(extractor) -> None:  # type: ignore[no-untyped-def]
    """The war's own name says nothing about fighting in the place it is said of."""
    assert readings(extractor, "Russia's special military operation in Huliaipole continues.", "en",
                    "Hulyaypole") == set()


def test_claims_a_town_sacked_by_a_side_was_taken_by_it(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Sacked by Russian forces": the town was taken, by the side the agent names."""
    assert ("capture", "RU", "asserts") in readings(
        extractor, "Kherson was the only regional capital sacked by Russian forces.", "en", "Kherson")


@pytest.mark.parametrize(("lang", "text", "place", "kind"), [
    pytest.param("ru", "Российские военные сбросили украинский флаг со здания горсовета в Селидово.",
                 "Selydove", "capture", id="ru"),
    pytest.param("fr", "Les soldats russes ont arraché le drapeau ukrainien à Koupiansk.",
                 "Kupyansk", "presence", id="fr"),
])
def test_claims_whoever_tears_down_a_sides_flag_acts(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, kind: str) -> None:
    """Soldiers who tear down the other side's flag act, not the side the flag names."""
    found = readings(extractor, text, lang, place)
    assert (kind, "RU", "asserts") in found
    assert not any(actor == "UA" for _, actor, _ in found)


@pytest.mark.parametrize("text", [
    pytest.param("Russia's bid for Chasiv Yar failed, the Ukrainian army said.", id="bid-failed"),
    pytest.param("Russian forces failed at Chasiv Yar, the Ukrainian army said.", id="forces-failed"),
])
def test_claims_failing_side_is_the_one_repelled_en(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """A side that failed at a place is the side repelled there, as "échouer" is in French."""
    assert readings(extractor, text, "en", "Chasiv Yar") == {("repelled", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("uk", "Російські війська тримають в облозі Часів Яр, повідомив Генштаб ЗСУ.",
                 ("fighting", "RU", "asserts"), id="siege-uk"),
    pytest.param("ru", "Российские войска продолжают осаду Часова Яра, сообщил Генштаб ВСУ.",
                 ("fighting", "RU", "asserts"), id="siege-ru"),
    pytest.param("uk", "Українські сили контратакували біля Часового Яру, повідомили в Генштабі ЗСУ.",
                 ("fighting", "UA", "asserts"), id="counterattack-uk"),
    pytest.param("ru", "ВСУ провели контратаку у Часова Яра, сообщило Минобороны России.",
                 ("fighting", "UA", "asserts"), id="counterattack-ru"),
])
def test_claims_siege_and_counterattack_are_fighting(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                     expected: tuple[str, str, str]) -> None:
    """A siege or a counterattack is combat for the place, with the besieger or the counterattacker attacking."""
    assert expected in readings(extractor, text, lang, "Chasiv Yar")


@pytest.mark.parametrize("text", [
    pytest.param("Les forces ukrainiennes ont refoulé les troupes russes près de Tchassiv Iar, "
                 "a indiqué l'état-major ukrainien.", id="active"),
    pytest.param("Près de Tchassiv Iar, l'ennemi a été refoulé, selon l'état-major ukrainien.", id="passive"),
])
def test_claims_pushed_back_side_is_repelled_fr(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """« Refouler » is pushing the attackers back, as « repousser » is: the side pushed back was repelled."""
    assert readings(extractor, text, "fr", "Chasiv Yar") == {("repelled", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Ukrainian forces are trying to break through to Russian-occupied Berdyansk.", "Berdyansk",
                 id="attempt-en"),
    pytest.param("en", "Ukrainian troops hope to reach Russian-occupied Melitopol by the summer.", "Melitopol",
                 id="hope-en"),
])
def test_claims_participle_on_the_place_escapes_the_attempt(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """"Trying to reach Russian-occupied X": the participle says who holds X, whatever the
    sentence attempts; its capture is not turned into the holder's fight for X. (What the
    attempting side's own verb says of X is another candidate's reading.)"""
    found = readings(extractor, text, lang, place)
    assert ("capture", "RU", "asserts") in found
    assert ("fighting", "RU", "asserts") not in found


@pytest.mark.parametrize(("text", "first", "second"), [
    pytest.param("Moscou a revendiqué la prise de Koupiansk, ainsi que celle de Pokrovsk.", "Kupyansk", "Pokrovsk",
                 id="ainsi-que-celle-de"),
    pytest.param("Le Kremlin a salué la conquête de Vouhledar et celle de Kourakhové.", "Vuhledar", "Kurakhove",
                 id="et-celle-de"),
])
def test_claims_pronoun_for_the_trigger_lists_the_place_fr(  # type: ignore[no-untyped-def]
        extractor, text: str, first: str, second: str) -> None:
    """« La prise de X, ainsi que celle de Y »: « celle » repeats « la prise », so Y is listed
    with X on the same trigger and shares its reading."""
    candidates = candidates_in(extractor, text, "fr")
    listed = {c.target.mention.place.name: c.target for c in candidates}
    assert listed[second].list_head == listed[first].anchor


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "According to her, the Ukrainian Armed Forces have not captured Urozhaine.", "Urozhaine",
                 id="en"),
    pytest.param("fr", "Selon elle, les forces armées ukrainiennes n'ont pas repris Robotyne.", "Robotyne", id="fr"),
])
def test_claims_speaker_named_as_subject_acts(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    """A side's forces that the attribution takes for the speaker still say whose forces act
    when they are the subject of the trigger, not of a speech verb."""
    assert ("capture", "UA", "denies") in readings(extractor, text, lang, place)
    assert not any(actor == "RU" for _, actor, _ in readings(extractor, text, lang, place))


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russian forces captured Avdiivka, the Russian defence ministry said. Ukraine's army, in "
                       "a post on Telegram, described the report as staged propaganda.", id="en-described-as"),
    pytest.param("en", "Russian forces captured Avdiivka, the Russian defence ministry said. Ukraine's army called "
                       "the claim fake.", id="en-called-fake"),
    pytest.param("uk", "Російські війська захопили Авдіївку, заявили в Міноборони РФ. У ЗСУ назвали це фейком.",
                 id="uk-nazvaly-feikom"),
    pytest.param("ru", "Российские войска захватили Авдеевку, заявили в Минобороны России. В ВСУ назвали это "
                       "фейком.", id="ru-nazvali-feikom"),
])
def test_claims_who_judges_a_statement_false_denies_it(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A verb of judging ("described ... as", "назвали") names who speaks: the
    Ukrainian army denies the capture Russia claimed, not the outlet."""
    said = {k for k in keys(extractor, text, lang) if k[0] == "Avdiyivka" and k[3] == "denies"}
    assert said == {("Avdiyivka", "capture", "RU", "denies", "UA")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Zelensky said Ukrainian forces had retaken Izium. The ISW confirmed it.", id="en"),
    pytest.param("fr", "Le président Zelensky a affirmé que l'Ukraine avait pris le contrôle d'Izioum. Une "
                       "affirmation confirmée par l'ISW.", id="fr-confirmee-par"),
    pytest.param("uk", "Зеленський заявив, що ЗСУ звільнили Ізюм. Це підтвердили аналітики ISW.", id="uk"),
    pytest.param("ru", "Зеленский заявил, что ВСУ освободили Изюм. Это подтвердили аналитики ISW.", id="ru"),
])
def test_claims_a_confirmation_makes_the_statement_the_confirmers(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"X said Y. Z confirmed it.": the capture is Ukraine's word and the ISW's too."""
    said = {k for k in keys(extractor, text, lang) if k[0] == "Izyum"}
    assert said == {("Izyum", "capture", "UA", "asserts", "UA"), ("Izyum", "capture", "UA", "asserts", "third")}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Despite heavy Russian shelling, Ukrainian units continued their advance towards Kupiansk, the "
                       "Russian ministry said.", "Kupyansk", id="en"),
    pytest.param("fr", "Malgré les bombardements russes, les unités ukrainiennes ont poursuivi leur avancée vers "
                       "Koupiansk, selon le ministère russe de la Défense.", "Kupyansk", id="fr"),
    pytest.param("ru", "Несмотря на российские обстрелы, украинские подразделения продолжили своё наступление на "
                       "Купянск, сообщило Минобороны России.", "Kupyansk", id="ru"),
])
def test_claims_a_possessive_before_the_trigger_noun_names_its_side(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """"Their advance", « leur avancée », "своё наступление": the possessive stands for the
    subject of the verb above the noun, so the side is read from the words, whatever a side
    named nearer the noun ("Russian shelling") or the speaker's side would suggest."""
    candidates = candidates_in(extractor, text, lang)
    advances = [c for c in candidates if c.trigger.rule.kind == "advance" and c.target.mention.place.name == place]
    assert advances and all(c.prior_actor == "UA" and c.explicit_actor for c in advances)
    assert ("advance", "UA", "asserts") in readings(extractor, text, lang, place)


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("fr", "L'armée ukrainienne a démenti les affirmations russes, bien que des combats se poursuivent à "
                 "Pokrovsk.", "Pokrovsk", id="concessive-fr"),
    pytest.param("en", "The Ukrainian military denied the Russian claims, although fighting continues in Pokrovsk.",
                 "Pokrovsk", id="concessive-en"),
    pytest.param("uk", "ЗСУ спростували заяви росіян, хоча бої тривають у Покровську.", "Pokrovsk", id="concessive-uk"),
    pytest.param("ru", "ВСУ опровергли заявления россиян, хотя бои продолжаются в Покровске.", "Pokrovsk",
                 id="concessive-ru"),
])
def test_claims_a_concessive_clause_is_outside_the_denial(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    """"Although fighting goes on" concedes the fight: the denial of the main clause does not reach it."""
    found = readings(extractor, text, lang, place)
    assert ("fighting", "RU", "asserts") in found
    assert all(stance == "asserts" for _, _, stance in found)


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "Les autorités ukrainiennes n'ont pas confirmé la perte de Myrnohrad.", id="fr"),
    pytest.param("en", "The Ukrainian military has not confirmed the loss of Myrnohrad.", id="en"),
])
def test_claims_a_loss_not_confirmed_is_the_enemys_capture_denied(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A side that does not confirm its own loss denies the other side's capture: the
    negation does not turn the loss back into the speaker's own capture."""
    assert readings(extractor, text, lang, "Myrnohrad") == {("capture", "RU", "denies")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("ru", "Российские войска устранили угрозу своему флангу и вошли в Работино.", id="ru"),
    pytest.param("uk", "Російські війська усунули загрозу своєму флангу і зайшли в Роботине.", id="uk"),
])
def test_claims_a_threat_removed_is_no_hypothetical(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A threat makes a claim unreal when it is a threat to take or encircle ("угроза
    окружения"), not when the word names a danger the troops dealt with."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, "Robotyne")


@pytest.mark.parametrize(("lang", "text", "side"), [
    pytest.param("uk", "Село Роботине звільнено силами ЗСУ, заявили в Міноборони Росії.", "UA", id="uk-forces"),
    pytest.param("ru", "По данным Генштаба ВСУ, село Работино было захвачено подразделениями российской армии.",
                 "RU", id="ru-units"),
    pytest.param("ru", "Село Работино освобождено силами российской армии, сообщил Генштаб ВСУ.", "RU", id="ru-forces"),
])
def test_claims_forces_named_after_a_passive_are_its_agent(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, side: str) -> None:
    """"Звільнено силами X", "захвачено подразделениями X": the side after these words took
    the place, though the parse hangs it on the verb only as a complement and the speaker is
    of the other side."""
    candidates = candidates_in(extractor, text, lang)
    captures = [c for c in candidates if c.trigger.rule.kind == "capture" and c.target.mention.place.name == "Robotyne"]
    assert captures and all(c.prior_actor == side and c.explicit_actor for c in captures)
    assert ("capture", side, "asserts") in readings(extractor, text, lang, "Robotyne")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "L'armée ukrainienne n'a pas confirmé la chute de Kourakhove.", id="fr"),
    pytest.param("en", "Ukrainian forces have not confirmed the fall of Kurakhove.", id="en"),
    pytest.param("uk", "Українські військові спростували захоплення Курахового.", id="uk"),
    pytest.param("ru", "Украинские военные опровергли захват Курахово.", id="ru"),
])
def test_claims_the_subject_of_a_denial_claims_no_act_it_names(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A side that denies or does not confirm "the fall of X" answers for the report, it did
    not take the town: the capture denied is the other side's."""
    captures = [c for c in candidates_in(extractor, text, lang) if c.trigger.rule.kind == "capture"]
    assert captures and all(c.prior_actor == "RU" for c in captures)
    assert readings(extractor, text, lang, "Kurakhove") == {("capture", "RU", "denies")}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "Le ministère ukrainien de la Défense n'a toujours pas confirmé avoir repris Snihourivka.",
                 id="fr"),
    pytest.param("en", "The Ukrainian defence ministry did not confirm having retaken Snihurivka.", id="en"),
])
def test_claims_an_act_a_side_does_not_confirm_doing_stays_its_own(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Has not confirmed having retaken X": the speaker is the one who would have acted, so
    the negation does not hand the capture to the other side."""
    assert readings(extractor, text, lang, "Snihurivka") == {("capture", "UA", "denies")}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("fr", "Le village se situe à 30 kilomètres de Koupiansk, cible depuis des mois d'attaques russes.",
                 "Kupyansk", id="reference-point-fr"),
    pytest.param("en", "The village lies 30 km from Kupiansk, the target of Russian attacks for months.",
                 "Kupyansk", id="reference-point-en"),
    pytest.param("fr", "Les troupes russes encerclent Pokrovsk, épicentre des combats sur le front est.",
                 "Pokrovsk", id="apposition-fr"),
    pytest.param("en", "For months Ocheretyne has been a focal point of heavy fighting.",
                 "Ocheretyne", id="copula-en"),
    pytest.param("uk", "Покровськ став епіцентром боїв на сході.", "Pokrovsk", id="copula-uk"),
    pytest.param("ru", "Очеретино — эпицентр боев на востоке.", "Ocheretyne", id="copula-ru"),
])
def test_claims_a_noun_said_of_a_place_makes_it_the_scene(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    """"X, the epicentre of the fighting", "X has been a focal point of fighting": the fighting
    is at X, though the parse hangs X beside the trigger, and though X also tells where
    something else lies ("30 km from X, the target of attacks")."""
    fights = [c for c in candidates_in(extractor, text, lang)
              if c.trigger.rule.kind == "fighting" and c.target.mention.place.name == place]
    assert fights and all("scene_of" in c.features and not c.reference for c in fights)


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Russian forces have captured the centre of Vuhledar, the Russian defence ministry said.",
                 "Vuhledar", id="centre-of-en"),
    pytest.param("fr", "Les forces russes contrôlent désormais les rues de Pokrovsk, selon le ministère russe de la "
                 "Défense.", "Pokrovsk", id="streets-of-fr"),
    pytest.param("uk", "Російські війська захопили центр Покровська, заявили в Міноборони РФ.", "Pokrovsk",
                 id="centre-genitive-uk"),
    pytest.param("ru", "Российские войска заняли центр Часова Яра, сообщило Минобороны России.", "Chasiv Yar",
                 id="centre-genitive-ru"),
])
def test_claims_a_part_of_a_place_taken_is_a_presence(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    """"Captured the centre of X", "заняли центр X": the side holds a part of the place the
    trigger governs, not the whole place."""
    found = readings(extractor, text, lang, place)
    assert ("presence", "RU", "asserts") in found
    assert ("capture", "RU", "asserts") not in found


def test_claims_a_clause_on_a_part_word_is_about_the_place(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Вошли в центр X, который армия РФ захватила": the relative clause the parser hangs
    on the part word tells what befell the whole place."""
    found = readings(extractor, "Украинские войска вновь вошли в центр Торецка, который армия России захватила "
                     "месяц назад.", "ru", "Toretsk")
    assert ("capture", "RU", "asserts") in found
    assert ("presence", "UA", "asserts") in found


@pytest.mark.parametrize(("lang", "text", "region", "reading"), [
    ("en", "Tabaivka lies near the border with the partially occupied Luhansk region, the governor said.",
     "Luhansk Oblast", ("presence", "RU", "asserts")),
    ("fr", "Moscou a repris la ville de Soudja, dans la région russe de Koursk envahie par l'armée "
           "ukrainienne l'été dernier.", "Kursk Oblast", ("presence", "UA", "asserts")),
    ("uk", "Табаївка розташована біля кордону з частково окупованою Луганською областю, повідомив голова ОВА.",
     "Luhansk Oblast", ("presence", "RU", "asserts")),
])
def test_claims_a_participle_of_holding_on_a_region_is_a_presence_there(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, region: str, reading: tuple[str, str, str]) -> None:
    """"The partially occupied X region", "the Russian-controlled parts of the X region": the
    participle says a side holds ground in the region, whatever else the region locates."""
    assert reading in readings(extractor, text, lang, region)


def test_claims_a_participle_on_a_noun_in_apposition_is_not_the_regions(extractor) -> None:  # type: ignore[no-untyped-def]
    """"The recently captured settlement of X, Y Oblast": the participle describes the
    settlement, not the region that locates it."""
    text = "Ukrainian troops entered the recently captured settlement of Robotyne, Zaporizhzhia Oblast."
    assert readings(extractor, text, "en", "Zaporizhzhia Oblast") == set()


def test_claims_a_back_reference_followed_by_in_is_not_named_by_that_place(extractor) -> None:  # type: ignore[no-untyped-def]
    """"the village in Kharkiv" says where the village lies: "the village" is still the one
    named before (Grakove), not a name for Kharkiv."""
    text = ("Villagers gathered in the square of Grakove village after Ukrainian troops took control of "
            "the village in Kharkiv region last week.")
    found = {(text[c.target.start:c.target.end], c.target.mention.place.name)
             for c in candidates_in(extractor, text, "en") if c.trigger.rule.kind == "capture"}
    assert ("the village", "Hrakove") in found


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Officials said the Russian army lost more than 250 soldiers in Huliaipole over the weekend.",
                 "Hulyaypole", id="en-soldiers"),
    pytest.param("fr", "Selon Moscou, l'Ukraine aurait perdu 80 % de ses troupes à Kourakhove.", "Kurakhove",
                 id="fr-share-of-troops"),
    pytest.param("ru", "Враг потерял до 3 330 боевиков в Работино.", "Robotyne", id="ru-fighters"),
])
def test_claims_losses_counted_in_a_place_lose_no_place(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    """"Lost more than 250 soldiers in X" counts casualties: X is where they fell, not a
    place lost, so no side took it."""
    assert not any(kind == "capture" for kind, *_ in readings(extractor, text, lang, place))


@pytest.mark.parametrize(("lang", "text", "place", "actor"), [
    pytest.param("en", "Ukraine lost Avdiivka in February.", "Avdiyivka", "RU", id="en"),
    pytest.param("ru", "ВСУ потеряли Авдеевку.", "Avdiyivka", "RU", id="ru"),
])
def test_claims_losing_a_place_is_the_other_side_s_capture(extractor, lang: str, text: str, place: str,  # type: ignore[no-untyped-def]
                                                           actor: str) -> None:
    assert ("capture", actor, "asserts") in readings(extractor, text, lang, place)
