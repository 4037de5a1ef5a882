"""Place names, to tell a location ("Berlin, Germany", "Austin, TX") from other header text."""

import re

from resumes.parsing.vocabulary import company_score, title_score


def _names(text: str, separator: str = "|") -> frozenset[str]:
    return frozenset(name.strip().lower() for name in text.split(separator) if name.strip())


US_STATES = _names(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR",
    " ",
)
CANADIAN_PROVINCES = _names("AB BC MB NB NL NS NT NU ON PE QC SK YT", " ")
COUNTRIES = _names(
    "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|"
    "Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|"
    "Bolivia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|"
    "Cambodia|Cameroon|Canada|Cape Verde|Chad|Chile|China|Colombia|Congo|Costa Rica|"
    "Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominican Republic|"
    "Ecuador|Egypt|El Salvador|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|"
    "Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Guyana|Haiti|Honduras|Hong Kong|Hungary|"
    "Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|"
    "Jordan|Kazakhstan|Kenya|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|"
    "Libya|Liechtenstein|Lithuania|Luxembourg|Macau|Madagascar|Malawi|Malaysia|Maldives|"
    "Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|"
    "Mozambique|Myanmar|Namibia|Nepal|Netherlands|The Netherlands|New Zealand|Nicaragua|"
    "Niger|Nigeria|North Macedonia|Norway|Oman|Pakistan|Palestine|Panama|Papua New Guinea|"
    "Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi Arabia|"
    "Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|"
    "South Africa|South Korea|Korea|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|"
    "Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Trinidad and Tobago|Tunisia|Turkey|"
    "Türkiye|Turkmenistan|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|"
    "England|Scotland|Wales|Northern Ireland|United States|USA|US|U.S.|U.S.A.|Uruguay|"
    "Uzbekistan|Venezuela|Vietnam|Viet Nam|Yemen|Zambia|Zimbabwe|Deutschland|España|"
    "Italia|Brasil|México|Nederland|Österreich|Schweiz|Suisse|Sverige|Norge|Danmark|Polska"
)
# Cities often written without a country in a resume header or a job line.
CITIES = _names(
    "Amsterdam|Athens|Atlanta|Auckland|Austin|Bangalore|Bengaluru|Bangkok|Barcelona|"
    "Beijing|Berlin|Bogotá|Boston|Brussels|Bucharest|Budapest|Buenos Aires|Cairo|"
    "Cape Town|Chicago|Copenhagen|Dallas|Delhi|New Delhi|Denver|Dubai|Dublin|Edinburgh|"
    "Frankfurt|Geneva|Glasgow|Hamburg|Helsinki|Hong Kong|Houston|Hyderabad|Istanbul|"
    "Jakarta|Johannesburg|Kraków|Krakow|Kyiv|Lagos|Lisbon|London|Los Angeles|Lyon|Madrid|"
    "Manchester|Manila|Melbourne|Mexico City|Miami|Milan|Montreal|Montréal|Moscow|Mumbai|"
    "Munich|München|Nairobi|New York|New York City|NYC|Oslo|Ottawa|Paris|Philadelphia|"
    "Portland|Prague|Pune|Rome|Rotterdam|San Diego|San Francisco|San Jose|Santiago|"
    "São Paulo|Sao Paulo|Seattle|Seoul|Shanghai|Shenzhen|Singapore|Stockholm|Sydney|"
    "Taipei|Tallinn|Tel Aviv|Tokyo|Toronto|Vancouver|Vienna|Warsaw|Washington|Zurich|Zürich|"
    "Palo Alto|Mountain View|Menlo Park|Redwood City|Santa Clara|San Mateo|Santa Monica|"
    "Santa Barbara|Ann Arbor|Las Vegas|New Orleans|Salt Lake City|San Antonio|Fort Worth|"
    "Kansas City|St. Louis|Saint Louis|Oklahoma City|Baton Rouge|Des Moines|El Paso|"
    "Long Beach|Virginia Beach|Colorado Springs|Chapel Hill|Little Rock|Grand Rapids|"
    "Jersey City|New Haven|Fort Lauderdale|St. Paul|Saint Paul|Sioux Falls|Cedar Rapids|"
    "San Marcos|Santa Fe|Los Gatos|Coral Gables|Boca Raton|West Palm Beach|Silver Spring"
)
REMOTE_WORDS = frozenset({"remote", "hybrid", "on-site", "onsite", "remote-first", "worldwide"})

_PLACE_WORD = re.compile(r"^[^\W\d_][\w.'\u2019 -]*$")
# "Cardinal Logistics, Inc. Columbus": the only comma before the city is a legal suffix's.
_SUFFIX_BEFORE_CITY = re.compile(
    r"^[^,]+,\s*(?:inc|llc|ltd|corp|co|plc|gmbh|llp|pllc|p\.c|s\.a)\.?\s+[^,]+$", re.I
)
_ZIP = re.compile(r"\s+(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)$")


def is_location(text: str) -> bool:
    """True for "City, ST", "City, Country", "City, Region, Country" or a well-known city."""
    text = text.strip().strip("()").strip()
    if not text or len(text) > 60:
        return False
    if text.lower() in REMOTE_WORDS or text.lower() in CITIES:
        return True
    parts = [part.strip() for part in text.split(",")]
    if not 2 <= len(parts) <= 3 or not all(_is_place_name(part) for part in parts[:-1]):
        return False
    last = _ZIP.sub("", parts[-1])
    if last.isupper() and last.lower() in US_STATES | CANADIAN_PROVINCES:
        return True
    return last.lower() in COUNTRIES


def _is_place_name(text: str) -> bool:
    """A city or region name; "Acme Ltd" or "Senior Engineer" are not."""
    return bool(_PLACE_WORD.match(text)) and not (company_score(text) or title_score(text))


def glued_place(text: str) -> tuple[str, str] | None:
    """ "Airbnb San Francisco, CA" → ("Airbnb", "San Francisco, CA"): a name and its place
    on one line with only a space between (right-aligned places in a PDF's text layer).

    The city is a known one (the longest that fits), else the last word.
    """
    head, comma, tail = text.rpartition(",")
    words = head.split()
    if not comma or len(words) < 2 or ("," in head and not _SUFFIX_BEFORE_CITY.search(head)):
        return None
    cut = next(
        (len(words) - size for size in (3, 2, 1) if " ".join(words[-size:]).lower() in CITIES),
        None,
    )
    if cut is None:
        cut = len(words) - 1
    if cut == 0:
        return None
    return " ".join(words[:cut]), f"{' '.join(words[cut:])},{tail}"


def trailing_location(text: str) -> tuple[str, str | None]:
    """Split "Acme GmbH, Berlin, Germany" into ("Acme GmbH", "Berlin, Germany")."""
    parts = text.split(",")
    for size in (3, 2, 1):
        if len(parts) > size:
            tail = ",".join(parts[-size:]).strip()
            if is_location(tail):
                return ",".join(parts[:-size]).strip(), tail
    return text, None
