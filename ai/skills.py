"""Skill taxonomy, and extraction of the skills a text mentions.

The taxonomy is data kept in this repository: ``ai/taxonomy/<category>.txt``, one skill a
line, ``Name | alias, alias | implied skill, implied skill`` (a line starting with ``#`` is a
comment). A written form, the name or an alias, may carry marks in front:

* ``=`` matches only in exactly that case: ``=Excel``, so "excel at" is not Excel.
* ``~`` matches only in a skills-like context: ``=~Go`` counts in "Python, Go", "written in Go",
  "Go developer", "Languages: Go" or a line of its own, never in "Go to market" or
  "Go-getter". These are the written forms that are also common words or names.
* ``^`` matches only where the resume lists its skills: under a skills heading, after
  "Skills:", on a line of its own, or listed beside a skill without marks. These are the
  qualities prose uses as ordinary words ("proactive", "creative", "adaptable"): a summary
  calling someone "results-driven" does not state a skill.
* ``>`` is a form that implies the skill without stating it ("user experience" for UX
  Design): it counts for matching (`extract_skills(text, implied=True)`), never in a
  profile's list of skills.

Extraction blanks URLs and e-mail addresses, lower-cases the text once and runs one regex
compiled from a character trie of every written form. The trie makes the longest form win
("React Native" over "React", "JavaScript" over "Java", "C++" over "C"), and the boundaries
know symbols: C is not found in C++, C# or Objective-C, .NET is found in "VB.NET" only as
VB.NET. Only then are case and context checked, for the few marked forms.
"""

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = (
    "languages",
    "frameworks",
    "databases",
    "cloud",
    "devops",
    "data_ml",
    "testing",
    "tools",
    "methodologies",
    "healthcare",
    "finance",
    "office_admin",
    "legal",
    "sales_marketing",
    "education",
    "hospitality",
    "design",
    "trades",
    "soft_skills",
)
CATEGORY_LABELS = {
    "languages": "Languages",
    "frameworks": "Frameworks & Libraries",
    "databases": "Databases",
    "cloud": "Cloud",
    "devops": "DevOps",
    "data_ml": "Data & ML",
    "testing": "Testing",
    "tools": "Tools",
    "methodologies": "Methodologies",
    "healthcare": "Healthcare",
    "finance": "Finance & Accounting",
    "office_admin": "Office & Administration",
    "legal": "Legal",
    "sales_marketing": "Sales & Marketing",
    "education": "Education & Training",
    "hospitality": "Hospitality",
    "design": "Design",
    "trades": "Trades",
    "soft_skills": "Soft Skills",
}
TAXONOMY_DIR = Path(__file__).resolve().parent / "taxonomy"


@dataclass(frozen=True)
class Skill:
    """One skill of the taxonomy; `implies` holds canonical names ("Django" implies "Python")."""

    name: str
    category: str
    aliases: tuple[str, ...]
    implies: tuple[str, ...]


@dataclass(frozen=True)
class SkillMention:
    """Where a text mentions a skill: text[start:end] == surface, as written."""

    name: str
    category: str
    start: int
    end: int
    surface: str
    stated: bool = True  # False for a form that only implies the skill (the ">" mark)


@dataclass(frozen=True)
class _Form:
    """How one lower-cased written form is matched."""

    skill: Skill
    exact: frozenset[str] | None  # the only spellings accepted; None accepts any case
    needs_context: bool
    listed_only: bool = False
    implied_only: bool = False


def _key(text: str) -> str:
    return " ".join(text.lower().split())


class Taxonomy:
    """Every skill, looked up by name or alias in any case, with the compiled matcher."""

    def __init__(self, skills: Iterable[Skill], forms: dict[str, _Form]) -> None:
        self._skills = tuple(skills)
        self._forms = forms
        self.pattern = re.compile(r"(?<![\w@#+.&-])" + _trie_pattern(forms) + r"(?![\w+#@]|\.\w)")

    def get(self, name_or_alias: str) -> Skill | None:
        form = self._forms.get(_key(name_or_alias))
        return form.skill if form else None

    def form(self, surface: str) -> _Form | None:
        return self._forms.get(_key(surface))

    def __len__(self) -> int:
        return len(self._skills)

    def __iter__(self) -> Iterator[Skill]:
        return iter(self._skills)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of the words, longest first, branching one character at a time."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _node_pattern(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A word that ends here is tried after its longer continuations: longest match first.
    return f"(?:{body})?" if "" in node else body


def _split(field: str) -> list[str]:
    return [part.strip() for part in field.split(",") if part.strip()]


_MARKS = "=~^>"


def _marked(text: str) -> tuple[str, str]:
    """'=~Go' → ('Go', '=~'): the written form and its marks."""
    marks = text[: len(text) - len(text.lstrip(_MARKS))]
    return " ".join(text[len(marks) :].split()), marks


def _add_form(forms: dict[str, _Form], skill: Skill, written: tuple[str, str]) -> None:
    text, marks = written
    key = _key(text)
    spelling = frozenset({text}) if "=" in marks else None
    form = _Form(skill, spelling, "~" in marks, "^" in marks, ">" in marks)
    known = forms.get(key)
    if known is None:
        forms[key] = form
        return
    if known.skill != skill:
        raise ValueError(f"{text!r} names both {known.skill.name!r} and {skill.name!r}")
    merged = None if known.exact is None or spelling is None else known.exact | spelling
    forms[key] = _Form(
        skill,
        merged,
        known.needs_context and form.needs_context,
        known.listed_only and form.listed_only,
        known.implied_only and form.implied_only,
    )


def _read_category(path: Path, category: str) -> Iterator[tuple[Skill, list]]:
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("|")]
        if len(fields) > 3 or not fields[0]:
            raise ValueError(f"{path.name}:{number}: expected 'Name | aliases | implies'")
        fields += [""] * (3 - len(fields))
        written = [_marked(fields[0])] + [_marked(alias) for alias in _split(fields[1])]
        aliases = tuple(text for text, _ in written[1:])
        yield Skill(written[0][0], category, aliases, tuple(_split(fields[2]))), written


def load_taxonomy(directory: Path = TAXONOMY_DIR) -> Taxonomy:
    """Read and check the taxonomy files; ValueError names the first problem found."""
    skills: list[Skill] = []
    forms: dict[str, _Form] = {}
    for category in CATEGORIES:
        path = directory / f"{category}.txt"
        for skill, written in _read_category(path, category):
            skills.append(skill)
            for form in written:
                _add_form(forms, skill, form)
    names = {skill.name for skill in skills}
    for skill in skills:
        unknown = [name for name in skill.implies if name not in names or name == skill.name]
        if unknown:
            raise ValueError(f"{skill.name!r} implies unknown or itself: {unknown}")
    return Taxonomy(skills, forms)


@functools.cache
def taxonomy() -> Taxonomy:
    """The shipped taxonomy, loaded and compiled once per process."""
    return load_taxonomy()


# URLs and e-mail addresses name no skills ("github.com/jane/react-app"). Each alternative
# starts only where a word starts (the lookbehinds), which keeps the scan linear.
_LINK = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w.-])(?:[\w-]+\.)+(?:com|org|io|dev|me|co|ai|app|edu|gov)/\S*",
    re.IGNORECASE,
)
# Context is read this far around a mention, so long lines cost no more than short ones.
_LINE_WINDOW = 80
_JOINER = re.compile(r"\s*(?:(?:[,;/|+&()]|\band\b|\bor\b)\s*)+", re.IGNORECASE)
_COMPOUND_AFTER = re.compile(r"[-&'\u2019]\w")
_COMPOUND_BEFORE = re.compile(r"\w[-&'\u2019]$")
_DATE_AFTER = re.compile(r"\s+(?:(?:19|20)\d\d|semester|term|season|quarter|break)\b", re.I)
_WORD_BEFORE = re.compile(r"\b(in|with|using|via|including)[ \t]+$", re.IGNORECASE)
_HEADING = re.compile(
    r"(?:skill|language|technolog|stack|tool|framework|librar|platform|database|cloud|devops"
    r"|proficien|expertise|competenc)[^:\n]{0,30}:\s*$",
    re.IGNORECASE,
)
# A following word that makes a common word a skill: "Go developer", "Chef cookbooks".
_TECH_WORD_AFTER = re.compile(
    r"[ \t]+(?:programming|languages?|developers?|development|dev|engineers?|engineering"
    r"|programmers?|code|codebase|coding|services?|microservices|backend|frontend|apps?"
    r"|applications?|apis?|sdk|library|libraries|frameworks?|modules?|packages?|scripts?"
    r"|scripting|pipelines?|jobs|clusters?|stack|projects|experience|expertise|proficiency"
    r"|runtime|servers?|plugins?|templates|cookbooks|manifests|playbooks|charts|dashboards"
    r"|queries|components|tests|testing|automation|builds?|deployments?|infrastructure"
    r"|workflows|integrations?|expert|ecosystem|toolchain|tooling"
    r"|cli|compiler|interpreter|notebooks|models|schemas?|databases?|instances|monitoring"
    r"|agents|migrations?)\b",
    re.IGNORECASE,
)


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters lower-case to two ("İ"); keep those as they are so offsets still hold.
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


def _scan(text: str) -> list[tuple[_Form, int, int]]:
    """Every written form found, in order, that passes its case check."""
    found = []
    tax = taxonomy()
    blanked = _LINK.sub(lambda match: " " * len(match.group()), text)
    for match in tax.pattern.finditer(_lower_same_length(blanked)):
        surface = text[match.start() : match.end()]
        form = tax.form(surface)
        if form is not None and (form.exact is None or " ".join(surface.split()) in form.exact):
            found.append((form, match.start(), match.end()))
    return found


def _joined(gap: str) -> bool:
    return len(gap) <= 12 and _JOINER.fullmatch(gap) is not None


def _next_to(found: list, other: int, gap: str) -> bool:
    """Whether found[other], `gap` away, makes a list with the mention: 'Python, Go', 'C/C++'."""
    if not 0 <= other < len(found):
        return False
    if _joined(gap):
        return True
    # Only a space between: the neighbour must be a skill that is never a plain word.
    return gap in (" ", "\t") and not found[other][0].needs_context


def _listed(text: str, found: list, index: int) -> bool:
    start, end = found[index][1], found[index][2]
    previous = found[index - 1][2] if index > 0 else start
    following = found[index + 1][1] if index + 1 < len(found) else end
    return _next_to(found, index - 1, text[previous:start]) or _next_to(
        found, index + 1, text[end:following]
    )


def _line_start(text: str, start: int) -> int:
    """Where the mention's line starts, looking back at most _LINE_WINDOW characters."""
    window_start = max(0, start - _LINE_WINDOW)
    newline = text.rfind("\n", window_start, start)
    return newline + 1 if newline >= 0 else window_start


def _own_line(text: str, start: int, end: int) -> bool:
    line_end = text.find("\n", end, end + _LINE_WINDOW)
    if line_end < 0:
        line_end = min(len(text), end + _LINE_WINDOW)
    line = text[_line_start(text, start) : line_end]
    return line.strip(" \t\r-*•·▪◦,.;") == text[start:end]


def _in_context(text: str, found: list, index: int) -> bool:
    """Whether a word that is also plain English is used as a skill here."""
    start, end = found[index][1], found[index][2]
    after, before = text[end : end + 40], text[max(0, start - 40) : start]
    if _COMPOUND_AFTER.match(after) or _COMPOUND_BEFORE.search(before):
        return False  # "Go-getter", "R&D", "Go's"
    if _DATE_AFTER.match(after):
        return False  # "Spring 2021", "Spring semester"
    return (
        _listed(text, found, index)
        or _WORD_BEFORE.search(before) is not None
        or _TECH_WORD_AFTER.match(after) is not None
        or _HEADING.search(text, _line_start(text, start), start) is not None
        or _own_line(text, start, end)
    )


# A line that heads a section, and the sections whose lines list skills.
_SECTION_HEADING = re.compile(r"^[^\S\n]*[^\W\d_][^\n:.,;]{1,40}:?[^\S\n]*$")
_SKILLS_HEADING = re.compile(
    r"skill|competenc|expertise|strengths|qualities|abilities|proficienc|technolog|tools",
    re.IGNORECASE,
)
_OTHER_HEADING = re.compile(
    r"^\W*(?:summary|profile|objective|about|experience|employment|work|career|education"
    r"|projects|certifications?|licen[cs]es|awards|honou?rs|volunteer\w*|publications"
    r"|interests|references|professional|clinical|teaching|relevant)\b",
    re.IGNORECASE,
)
MAX_HEADING_CHARS = 45  # longer lines are not headings and are not searched as such
MAX_LIST_LINE = 400  # characters a listed skill may stand from the start of its line
MAX_LINES_UP = 60  # lines searched upwards for the heading of a mention's section


def _heading_kind(line: str) -> str | None:
    """ "skills" for a skills heading, "other" for another section's heading, else None."""
    if len(line) > MAX_HEADING_CHARS or not _SECTION_HEADING.match(line):
        return None
    if _OTHER_HEADING.match(line):
        return "other"
    return "skills" if _SKILLS_HEADING.search(line) else None


def _under_skills_heading(text: str, start: int, memo: dict[int, bool]) -> bool:
    """Whether the nearest section heading above the mention's line heads a skills list.

    `memo` holds the answer per line end for one text: each line is read once however
    many mentions share its section, which keeps extraction linear.
    """
    line_start = text.rfind("\n", max(0, start - MAX_LIST_LINE), start) + 1
    if line_start == 0 and start > MAX_LIST_LINE:
        return False  # deep inside a long line: prose, not a list under a heading
    visited = []
    end, answer = line_start - 1, False
    while end > 0 and len(visited) < MAX_LINES_UP:
        if end in memo:
            answer = memo[end]
            break
        visited.append(end)
        newline = text.rfind("\n", 0, end)
        if kind := _heading_kind(text[newline + 1 : end]):
            answer = kind == "skills"
            break
        end = newline
    for position in visited:
        memo[position] = answer
    return answer


def _in_skill_list(text: str, found: list, index: int, memo: dict[int, bool]) -> bool:
    """Whether a quality that prose uses as a plain word is listed as a skill here."""
    start, end = found[index][1], found[index][2]
    if _HEADING.search(text, _line_start(text, start), start) or _own_line(text, start, end):
        return True
    for other in (index - 1, index + 1):
        if 0 <= other < len(found) and not _marked_form(found[other][0]):
            low, high = sorted((other, index))
            if _joined(text[found[low][2] : found[high][1]]):
                return True
    return _under_skills_heading(text, start, memo)


def _marked_form(form: _Form) -> bool:
    return form.needs_context or form.listed_only or form.implied_only


def _counts(text: str, found: list, index: int, memo: dict[int, bool]) -> bool:
    form = found[index][0]
    if form.listed_only:
        return _in_skill_list(text, found, index, memo)
    return not form.needs_context or _in_context(text, found, index)


def extract_skill_mentions(text: str) -> list[SkillMention]:
    """Every mention of a skill in the text, in order, with its offsets.

    A mention by a form that only implies its skill has `stated` False.
    """
    found = _scan(text)
    memo: dict[int, bool] = {}
    return [
        SkillMention(
            form.skill.name, form.skill.category, start, end, text[start:end], not form.implied_only
        )
        for index, (form, start, end) in enumerate(found)
        if _counts(text, found, index, memo)
    ]


def extract_skills(text: str, *, implied: bool = False) -> list[str]:
    """Canonical names of the skills the text states, in order of first mention, once each.

    With `implied`, also the skills that only an implying form names ("user experience" for
    UX Design): for matching, never for a profile.
    """
    mentions = extract_skill_mentions(text)
    return list(dict.fromkeys(m.name for m in mentions if implied or m.stated))


def canonical(name: str) -> str | None:
    """The canonical name for a skill name or alias in any case, None when unknown."""
    skill = taxonomy().get(name)
    return skill.name if skill else None


def is_plain_word(word: str) -> bool:
    """Whether a written form is also an ordinary word ("Sales", "Patience"), not a name."""
    form = taxonomy().form(word)
    return form is not None and form.listed_only


def category_of(name: str) -> str | None:
    """The category of a skill name or alias in any case, None when unknown."""
    skill = taxonomy().get(name)
    return skill.category if skill else None


def skills_by_category(names: Iterable[str]) -> dict[str, list[str]]:
    """Known skills grouped by category in CATEGORIES order, sorted; unknown names dropped."""
    grouped: dict[str, set[str]] = {}
    for name in names:
        skill = taxonomy().get(name)
        if skill:
            grouped.setdefault(skill.category, set()).add(skill.name)
    return {
        category: sorted(grouped[category], key=lambda name: (name.casefold(), name))
        for category in CATEGORIES
        if category in grouped
    }


def expand_implied(names: Iterable[str]) -> set[str]:
    """The names (canonical when known) plus every skill they imply, transitively."""
    tax = taxonomy()
    pending = [canonical(name) or name for name in names]
    expanded: set[str] = set()
    while pending:
        name = pending.pop()
        if name in expanded:
            continue
        expanded.add(name)
        skill = tax.get(name)
        if skill:
            pending.extend(skill.implies)
    return expanded
