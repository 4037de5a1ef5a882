"""Word lists the scorer reads: stop words, synonyms, hedges, filler, sentiment.

Kept small and written for interview answers about software work. A synonym group maps
every member to its first word, so "invoke" meets "call" and "remove" meets "delete".
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words that carry no content. Unlike ai/taxonomy/stop_words.txt this keeps the
# words that decide a CS answer: "first", "last", "out", "before", "not", "only", "same".
STOP_WORDS = _words(
    """
    a about above across again against almost also although am among an and another any
    anyone anything are around as at be because been being both but by can could did do does
    doing done during either else etc ever for from further had has have having here how
    however i if in into is it its just like may me might most much must my myself of
    off often on onto or other others our ours ourselves own per perhaps please quite rather
    really several shall should since so some such than that the their theirs them themselves
    then there these they this those though through thus to too toward towards until upon us
    very via was we well were what whatever when whenever where whereas wherever whether which
    while who whom whose why will with would yet you your yours yourself yourselves e.g i.e eg
    ie get gets getting got let lets say says said seem seems thing things something use
    uses used using
    someone basically actually literally kind sort lot lots simply
    """
)

# Said when one is not sure; each lowers the answer's confidence rating.
HEDGES = (
    "maybe",
    "perhaps",
    "probably",
    "possibly",
    "i think",
    "i guess",
    "i suppose",
    "i believe",
    "not sure",
    "not certain",
    "might be",
    "kind of",
    "sort of",
    "i'm not sure",
    "i am not sure",
)
DONT_KNOW = ("i don't know", "i do not know", "no idea", "not sure at all", "dont know")
ASSERTIVE = (
    "definitely",
    "clearly",
    "certainly",
    "i decided",
    "i led",
    "i built",
    "i designed",
    "i owned",
    "i made sure",
    "i would",
    "i will",
    "i always",
    "we shipped",
    "i delivered",
    "i proposed",
)
FILLER = _words(
    "um umm uh uhh er erm like basically actually literally whatever stuff honestly anyway "
    "yeah okay ok so"
)
# Words that give an answer structure: order, cause, contrast, example, conclusion.
STRUCTURE = _words(
    "first firstly second secondly third then next finally because therefore so since "
    "however but although whereas instead example instance e.g such result overall "
    "specifically which means"
)
NEGATIONS = _words("not no never cannot can't don't doesn't isn't aren't won't nor")

POSITIVE = _words(
    """
    achieve achieved success successful successfully improve improved improvement enjoy
    enjoyed happy glad proud excited love loved great excellent effective effectively
    resolved solved learned grew growth win won benefit benefited positive appreciate
    appreciated thrilled delighted rewarding opportunity confident motivated helpful
    """
)
NEGATIVE = _words(
    """
    fail failed failure hate hated terrible awful bad worst frustrated frustrating angry
    annoyed annoying blame blamed boring stupid useless impossible disaster hopeless unfair
    quit toxic lazy incompetent miserable upset stressed regret
    """
)

# Each group: canonical first, then words a candidate may use instead (before stemming).
SYNONYM_GROUPS = (
    ("function", "method", "procedure", "subroutine", "routine"),
    ("call", "invoke", "invocation", "calling"),
    ("run", "execute", "execution", "perform"),
    ("create", "make", "construct", "instantiate", "generate", "build"),
    ("delete", "remove", "erase", "removal", "deletion", "drop"),
    ("change", "modify", "alter", "update", "mutate", "edit", "modification"),
    ("store", "save", "hold", "keep", "contain", "storage"),
    ("fast", "quick", "quickly", "rapid", "speedy", "faster", "quicker", "speed"),
    ("slow", "slower", "sluggish"),
    ("large", "big", "bigger", "larger", "greater", "higher", "huge"),
    ("small", "smaller", "little", "lower", "tiny", "fewer"),
    ("start", "begin", "beginning", "commence"),
    ("end", "finish", "stop", "terminate", "termination"),
    ("error", "bug", "defect", "fault", "mistake", "flaw"),
    ("find", "search", "locate", "lookup", "look"),
    ("show", "display", "present"),
    ("location", "address", "place", "spot"),
    ("index", "bucket", "slot", "position"),
    ("initialize", "initial", "default", "initialise", "init", "starting"),
    ("copy", "duplicate", "clone", "replica"),
    ("convert", "translate", "transform", "turn", "map"),
    ("program", "software", "application", "app"),
    ("check", "test", "verify", "validate", "examine"),
    ("half", "halve", "halves", "halving", "halved", "divide", "split", "cut"),
    ("element", "item", "entry", "member"),
    ("size", "length", "capacity"),
    ("template", "blueprint", "design", "plan", "mold", "mould"),
    ("order", "sort", "sorted", "ordered", "arrange"),
    ("pointer", "reference", "link", "links"),
    ("memory", "ram"),
    ("team", "colleague", "teammate", "coworker"),
    ("customer", "client", "user"),
    ("goal", "objective", "target", "aim"),
    ("problem", "issue", "challenge"),
    ("manager", "boss", "supervisor", "lead"),
    ("deadline", "timeline", "due"),
    ("feedback", "review", "critique"),
    ("measure", "metric", "track", "monitor", "monitoring"),
    ("increase", "grow", "raise", "boost"),
    ("reduce", "decrease", "lower", "cut", "shrink", "minimize"),
    ("secure", "protect", "safeguard"),
    ("fix", "repair", "resolve", "solve"),
)

# Irregular forms the stemmer cannot reach by suffixes.
IRREGULAR = {
    "indices": "index",
    "vertices": "vertex",
    "matrices": "matrix",
    "children": "child",
    "analyses": "analysis",
    "criteria": "criterion",
    "data": "data",
    "gave": "give",
    "given": "give",
    "wrote": "write",
    "written": "write",
    "ran": "run",
    "built": "build",
    "made": "make",
    "kept": "keep",
    "held": "hold",
    "found": "find",
    "led": "lead",
    "taught": "teach",
    "thought": "think",
    "chose": "choose",
    "chosen": "choose",
    "went": "go",
    "was": "be",
    "were": "be",
    "cut": "cut",
    "split": "split",
    "put": "put",
    "set": "set",
    "bus": "bus",
    "status": "status",
    "process": "process",
    "access": "access",
    "class": "class",
    "analysis": "analysis",
    "basis": "basis",
    "axis": "axis",
}

# Third-person pronouns all read as "they" and titles are dropped: who did it never
# changes a score.
PRONOUNS = _words("he she him her his hers himself herself they them their theirs themselves")
TITLES = ("mr", "mrs", "ms", "mx", "sir", "madam")
