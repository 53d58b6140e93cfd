"""The narrator's incise inside a quotation: «Nous ne partirons pas, a-t-il dit, avant».

Used by `quotes`. French press copy often keeps the guillemets open across a short
clause of narration set between commas: a verb of saying with its subject inverted
(«, poursuit-il,», «, a-t-elle ajouté,», «, estime le ministre,») or an attribution
(«, selon lui,», «, d'après le porte-parole,»). That clause is the journalist's, not the
speaker's: the quotation is its spans without it, and the page shows it as narration.

The rule is grammatical, not a list of phrases: a clause between a comma and the next
comma (or stop, or the end of the quotation), of at most `MAX_WORDS` words, that is
(1) a verb of saying inverted with a subject pronoun, (2) a compound past of one
inverted, (3) a verb of saying (simple or compound) followed by its subject, or (4)
«selon» / «d'après» and a person.
"""

from __future__ import annotations

import re
from functools import cache

MAX_WORDS = 9

# Verbs of saying, as the stems of regular -er verbs (present, imperfect, simple past,
# participle and future are built from them) ...
_ER_STEMS = [
    "ajout",
    "affirm",
    "annonc",
    "argument",
    "assur",
    "avou",
    "comment",
    "confi",
    "confirm",
    "conseill",
    "continu",
    "critiqu",
    "déclar",
    "déplor",
    "dénonc",
    "détaill",
    "énumér",
    "estim",
    "exclam",
    "expliqu",
    "insist",
    "interrog",
    "ironis",
    "jug",
    "lanc",
    "lâch",
    "martel",
    "nuanc",
    "not",
    "observ",
    "plaid",
    "précis",
    "protest",
    "racont",
    "raill",
    "rappel",
    "regrett",
    "relev",
    "rétorqu",
    "résum",
    "révél",
    "soulign",
    "suggér",
    "témoign",
    "tonn",
    "tranch",
    "murmur",
    "gliss",
    "souffl",
    "cri",
    "hurl",
    "indiqu",
    "rapport",
    "assén",
    "avanc",
    "object",
    "constat",
]
# ... and the forms of irregular ones.
_IRREGULAR = [
    "dit",
    "disent",
    "disait",
    "disaient",
    "dirent",
    "dira",
    "dire",
    "écrit",
    "écrivait",
    "écrivent",
    "écrivit",
    "poursuit",
    "poursuivent",
    "poursuivait",
    "poursuivi",
    "poursuivit",
    "reprend",
    "reprenait",
    "reprit",
    "repris",
    "répond",
    "répondent",
    "répondait",
    "répondit",
    "répondu",
    "reconnaît",
    "reconnaissait",
    "reconnut",
    "reconnu",
    "admet",
    "admettait",
    "admit",
    "admis",
    "conclut",
    "concluait",
    "conclu",
    "prévient",
    "prévenait",
    "prévint",
    "prévenu",
    "soutient",
    "soutenait",
    "soutint",
    "soutenu",
    "promet",
    "promit",
    "promis",
    "dément",
    "démentait",
    "démenti",
    "convient",
    "convenu",
    "maintient",
    "maintenu",
    "fait",
    "faisait",
    "fit",
    "lance",
    "lança",
    "lancé",
    "martèle",
    "martelé",
    "interroge",
    "interrogea",
    "interrogé",
    "juge",
    "jugea",
    "jugé",
    "rappelle",
    "rappela",
    "avertit",
    "avertissait",
    "averti",
    "sourit",
    "souriait",
    "souri",
    "s'exclame",
    "s'exclamait",
    "s'interroge",
    "s'insurge",
    "s'indigne",
    "s'emporte",
    "s'inquiète",
    "s'étonne",
    "s'amuse",
]
_ER_ENDINGS = ("e", "ent", "ait", "aient", "a", "èrent", "é", "ée", "és", "ées", "era")
_PRONOUN = r"(?:il|elle|ils|elles|on)"
_AUXILIARY = r"(?:a|ont|avait|avaient|aurait|auraient|aura|eut)"
_SUBJECT = (
    r"(?:(?:le|la|les|l['’]|un|une|son|sa|ses|leur|leurs|ce|cette|M\.|Mme|Mmes|MM\.|Me|Dr)"
    r"\s*[\w'’.-]+|[A-ZÀ-Ý][\w'’.-]*)"
)


@cache
def _pattern() -> re.Pattern[str]:
    forms = {stem + ending for stem in _ER_STEMS for ending in _ER_ENDINGS}
    forms.update(_IRREGULAR)
    verbs = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    verb = rf"(?:{verbs})"
    participle = verb  # participles are among the forms (ajouté, dit, poursuivi...)
    rest = r"(?:\s+[\w'’.-]+)*"
    clause = (
        rf"(?:{verb}-(?:t-)?{_PRONOUN}{rest}"  # poursuit-il, ajoute-t-elle
        rf"|{_AUXILIARY}-(?:t-)?{_PRONOUN}\s+{participle}{rest}"  # a-t-il dit
        rf"|s['’](?:est|sont|était)-(?:t-)?{_PRONOUN}\s+{participle}{rest}"  # s'est-il exclamé
        rf"|(?:{verb}|{_AUXILIARY}\s+{participle})\s+{_SUBJECT}{rest}"  # ajoute le ministre
        rf"|(?:selon|d['’]après)\s+(?:lui|elle|eux|elles|{_SUBJECT}){rest})"  # selon lui
    )
    return re.compile(rf"^{clause}$")


# A clause after a comma, up to the next comma, stop or end; a title's stop («M. Dupont»)
# is part of the clause, not its end.
_CANDIDATE = re.compile(
    r",\s+((?:[^,.;:!?«»“”\"‹›()\n]|(?<=\bM)\.|(?<=\bMM)\.|(?<=\bDr)\.|(?<=\bMe)\.)+?)"
    r"\s*(?=,|(?<!\bM)(?<!\bMM)(?<!\bDr)(?<!\bMe)[.;!?]|$)"
)


def find_incises(
    text: str, spans: list[tuple[int, int]]
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Split each span around the incises it holds: (the quoted spans, the incises).

    An incise runs from its opening comma to its closing comma (included) or up to the
    stop or end that closes it, which stays with the quotation's words.
    """
    words: list[tuple[int, int]] = []
    incises: list[tuple[int, int]] = []
    for start, end in spans:
        cursor = start
        for match in _CANDIDATE.finditer(text, start, end):
            clause = match.group(1)
            if len(clause.split()) > MAX_WORDS or not _pattern().match(clause):
                continue
            incise_end = match.end()
            if incise_end < end and text[incise_end] == ",":
                incise_end += 1
            if match.start() > cursor:
                words.append(_strip(text, cursor, match.start()))
            incises.append((match.start(), incise_end))
            cursor = incise_end
        if cursor < end:
            words.append(_strip(text, cursor, end))
    kept = tuple(span for span in words if span[0] < span[1])
    return kept or tuple(spans[:1]), tuple(incises)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
