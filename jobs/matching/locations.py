"""A location as the set of places it names, so "London, United Kingdom" meets "London, UK".

A location is read as its comma-separated parts ("New York, NY, USA" → new york, ny, us), each
one place. Country names are folded to one spelling, and a US state or Canadian province code
ending a location ("Austin, TX") brings its country, so a preference for "USA" meets a job in
Austin. Countries, states and provinces are broad places: sharing one means the same country
(a move, still), sharing any other place (a city) means near.
"""

import functools
import re

from resumes.parsing.places import CANADIAN_PROVINCES, COUNTRIES, US_STATES

_PARTS = re.compile(r"\s*(?:[,/|()·;]|\s[-\u2013\u2014]\s)\s*")
# One spelling per country.
_COUNTRY_SPELLINGS = {
    "uk": ("united kingdom", "great britain", "britain", "england", "scotland", "wales", "gb"),
    "us": ("united states of america", "united states", "usa", "u.s.a.", "u.s."),
    "germany": ("deutschland",),
    "netherlands": ("the netherlands", "nederland", "holland"),
    "spain": ("españa",),
    "italy": ("italia",),
    "brazil": ("brasil",),
    "mexico": ("méxico",),
    "austria": ("österreich",),
    "switzerland": ("schweiz", "suisse"),
    "uae": ("united arab emirates",),
    "czechia": ("czech republic",),
    "turkey": ("türkiye",),
}
_COUNTRY_OF = {s: country for country, spellings in _COUNTRY_SPELLINGS.items() for s in spellings}
# Words in a location that name no place ("Greater London Area", "Berlin (hybrid)").
_NOT_PLACES = frozenset(
    {
        *("remote", "hybrid", "onsite", "on-site", "office", "based", "in", "the"),
        *("greater", "metro", "metropolitan", "area", "region", "anywhere", "worldwide"),
        "global",
    }
)


@functools.lru_cache(maxsize=65536)
def location_places(location: str | None) -> frozenset[str]:
    """The places a location names, casefolded; empty when it names none."""
    places: set[str] = set()
    for part in _PARTS.split((location or "").casefold()):
        place = " ".join(word for word in part.split() if word not in _NOT_PLACES)
        if place:
            places.add(_COUNTRY_OF.get(place, place))
    places |= _region_country(places, location or "")
    return frozenset(places)


def _region_country(places: set[str], location: str) -> set[str]:
    """ "Austin, TX" → {"us"}: a state or province code ending the location names its country."""
    last = location.rsplit(",", 1)[-1].strip().casefold() if "," in location else ""
    if last in US_STATES and last in places:
        return {"us"}
    if last in CANADIAN_PROVINCES and last in places:
        return {"canada"}
    return set()


def is_broad_place(place: str) -> bool:
    """A country, US state or Canadian province (as location_places spells them)."""
    return place in _BROAD_PLACES


_BROAD_PLACES = frozenset(
    {*(_COUNTRY_OF.get(name, name) for name in COUNTRIES), *_COUNTRY_SPELLINGS}
    | US_STATES
    | CANADIAN_PROVINCES
)
