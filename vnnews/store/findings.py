"""What of one article's analysis is stored: the language stage's actors, roles and mentions, and the events.

Actors are stored with every alias the gazetteer knows beside the ones the article used, so an actor can be looked
up by any of its names ("Russia", "Nga") whichever the articles happened to print.
"""

from __future__ import annotations

from vnnews import events as eventing
from vnnews.events import Event, Quote
from vnnews.language import Analysis
from vnnews.language.gazetteer import load as gazetteer
from vnnews.store.records import Findings, KnownActor, SeenRole


def findings(
    analysis: Analysis, events: list[Event], quotes: list[Quote], published: str | None, language_version: str
) -> Findings:
    """Actors with all their known aliases, the roles the article shows on its publication date, mentions (named
    and role phrases), dates, events and quotes."""
    known = gazetteer().actors
    actors = analysis.actors
    seen = (published or "")[:10] or None

    def name_of(actor_id: str | None) -> str | None:
        actor = actors.get(actor_id or "") or known.get(actor_id or "")
        return actor.name if actor else actor_id

    def role_text(title: str, org: str | None) -> str:
        return f"{title}, {name_of(org)}" if org else title

    phrases = {(e.actor_id, e.role): e.text for e in analysis.role_mentions if e.role}
    roles = [
        SeenRole(
            actor.id,
            role.title,
            role.org,
            name_of(role.org),
            phrases.get((actor.id, role_text(role.title, role.org))),
            seen,
            inferred=False,
        )
        for actor in actors.values()
        for role in actor.roles
    ]
    for mention in analysis.role_mentions:
        if mention.inferred and mention.actor_id and mention.role:
            title, _, org = mention.role.partition(", ")
            roles.append(SeenRole(mention.actor_id, title, None, org or None, mention.text, seen, inferred=True))
    return Findings(
        language_version=language_version,
        events_version=eventing.PIPELINE_VERSION,
        actors=[
            KnownActor(a.id, a.name, a.kind, [*a.aliases, *(known[a.id].aliases if a.id in known else [])])
            for a in actors.values()
        ],
        roles=roles,
        entities=[*analysis.entities, *analysis.role_mentions],
        dates=analysis.dates,
        events=events,
        quotes=quotes,
    )
