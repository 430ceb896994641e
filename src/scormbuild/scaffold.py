"""`scormbuild new`: the files of a small course that builds at once and shows every feature."""

from __future__ import annotations

import datetime
import re

EXAMPLE_FRAMEWORK = "voorbeeldkader"

_FRAMEWORK = '''\
# A competence framework as data. Ids are stable: never renumber them.
id = "{framework}"
title = "Voorbeeldkader"
publisher = "Vul hier de uitgever van het kader in"
version = "1"
source = "Vervang dit voorbeeld door het echte kader"
language = "nl"
description = "Een klein voorbeeldkader om mee te beginnen."

[[clusters]]
id = "vk-contact"
number = "1"
title = "Contact maken"
description = "In gesprek komen en blijven met de mensen voor wie je werkt."

[[clusters.competences]]
id = "vk-1.1"
number = "1.1"
title = "Legt contact op een open en respectvolle manier."

[[clusters.competences]]
id = "vk-1.2"
number = "1.2"
title = "Is duidelijk over de eigen rol en wat iemand kan verwachten."
'''

_COURSE = '''\
id = "{course}"
title = "{title}"
description = "Beschrijf in een of twee zinnen wat deze cursus de deelnemer oplevert."
language = "nl"
framework = "{framework}"
version = "0.1.0"
date = {date}
audience = ["sociaal werkers"]
levels = ["hbo"]
stages = ["startbekwaam"]
authors = ["Vul je naam in"]
licence = "CC BY-SA 4.0"
keywords = ["voorbeeld"]
'''

_MODULE = '''\
title = "Eerste contact"
description = "Je oefent hoe je een eerste gesprek open en duidelijk begint."
competences = {competences}
keywords = ["eerste gesprek"]
duration = 20
'''

_PAGE = '''\
+++
title = "Welkom"
+++
Dit is de eerste pagina van je module. Schrijf in gewone **Markdown**.

## Wat je leert

- hoe je een gesprek opent;
- hoe je uitlegt wat je rol is.

Lees daarna [de casus](02-casus.md).
'''

_CASE = '''\
+++
title = "Casus"
+++
> "Ik weet niet of u mij kunt helpen," zegt mevrouw Jansen.

Wat zeg je als eerste terug? Denk erover na en maak dan de toets.
'''

_QUIZ = '''\
mastery_score = 70
attempts = 0
shuffle = true

[[questions]]
id = "eerste-reactie"
type = "single"
competence = "{first}"
prompt = "Mevrouw Jansen twijfelt of je haar kunt helpen. Wat doe je eerst?"
correct = "b"
feedback_correct = "Goed: je laat haar eerst vertellen wat er speelt."
feedback_incorrect = "Begin met luisteren: pas dan weet je wat ze nodig heeft."

[[questions.options]]
id = "a"
text = "Je legt meteen uit welke regelingen er zijn."
feedback = "Te snel: je weet nog niet wat er speelt."

[[questions.options]]
id = "b"
text = "Je vraagt wat haar zorgen baart."
feedback = "Juist: een open vraag geeft haar de ruimte."

[[questions]]
id = "rol-uitleggen"
type = "truefalse"
competence = "{second}"
prompt = "Je rol uitleggen kan wachten tot het tweede gesprek."
correct = false
feedback_correct = "Klopt: wie weet wat jij doet, weet wat hij kan verwachten."
feedback_incorrect = "Leg je rol meteen uit, dan weet iemand wat hij kan verwachten."
'''

_RESOURCES = '''\
[[resources]]
id = "eigen-werkwijze"
title = "De werkwijze van je eigen organisatie"
kind = "handreiking"
purpose = "Zoek op hoe jouw organisatie een eerste gesprek aanpakt."
competences = {competences}
'''


def course_files(course_id: str, title: str, framework: str | None,
                 competences: tuple[str, str] | None, today: datetime.date) -> dict[str, str]:
    """Files of a new course, relative to its folder. Without `framework` an example framework
    is included in the course's own frameworks/ folder."""
    files: dict[str, str] = {}
    framework_id = framework or EXAMPLE_FRAMEWORK
    first, second = competences or ("vk-1.1", "vk-1.2")
    if framework is None:
        files[f"frameworks/{EXAMPLE_FRAMEWORK}.toml"] = _FRAMEWORK.format(framework=framework_id)
    listed = f'["{first}", "{second}"]' if first != second else f'["{first}"]'
    files["course.toml"] = _COURSE.format(course=course_id, title=title, framework=framework_id,
                                          date=today.isoformat())
    files["01-eerste-contact/module.toml"] = _MODULE.format(competences=listed)
    files["01-eerste-contact/01-welkom.md"] = _PAGE
    files["01-eerste-contact/02-casus.md"] = _CASE
    files["01-eerste-contact/quiz.toml"] = _QUIZ.format(first=first, second=second)
    files["01-eerste-contact/aan-de-slag.toml"] = _RESOURCES.format(competences=f'["{first}"]')
    return files


def course_id_from(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "cursus"
