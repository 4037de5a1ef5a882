"""English verb forms the bullet rewriter needs: gerund and participle to simple past."""

# (gerund, simple past, past participle) of the irregular or consonant-doubling verbs that
# show up in resumes; regular verbs follow the suffix rules below.
_IRREGULAR = (
    ("beginning", "began", "begun"),
    ("bringing", "brought", "brought"),
    ("building", "built", "built"),
    ("buying", "bought", "bought"),
    ("choosing", "chose", "chosen"),
    ("cutting", "cut", "cut"),
    ("doing", "did", "done"),
    ("drawing", "drew", "drawn"),
    ("driving", "drove", "driven"),
    ("finding", "found", "found"),
    ("giving", "gave", "given"),
    ("growing", "grew", "grown"),
    ("holding", "held", "held"),
    ("keeping", "kept", "kept"),
    ("leading", "led", "led"),
    ("making", "made", "made"),
    ("meeting", "met", "met"),
    ("overseeing", "oversaw", "overseen"),
    ("putting", "put", "put"),
    ("rebuilding", "rebuilt", "rebuilt"),
    ("rewriting", "rewrote", "rewritten"),
    ("running", "ran", "run"),
    ("selling", "sold", "sold"),
    ("sending", "sent", "sent"),
    ("setting", "set", "set"),
    ("showing", "showed", "shown"),
    ("speaking", "spoke", "spoken"),
    ("spending", "spent", "spent"),
    ("taking", "took", "taken"),
    ("teaching", "taught", "taught"),
    ("undertaking", "undertook", "undertaken"),
    ("winning", "won", "won"),
    ("writing", "wrote", "written"),
)
_PAST_OF_GERUND = {gerund: past for gerund, past, _ in _IRREGULAR}
_PAST_OF_PARTICIPLE = {participle: past for _, past, participle in _IRREGULAR}

# Gerunds that usually name a field or a department ("billing infrastructure"), not an action.
# fmt: off
_NOUN_GERUNDS = frozenset(
    {
        "accounting", "banking", "billing", "branding", "caching", "computing", "engineering",
        "hosting", "licensing", "logging", "manufacturing", "marketing", "messaging", "networking",
        "packaging", "pricing", "routing", "streaming", "tooling", "trading",
    }
)
# fmt: on
_VOWELS = frozenset("aeiou")


def past_of_gerund(word: str) -> str | None:
    """Simple past of an action gerund ("managing" → "managed"); None for other words."""
    lower = word.lower()
    if not lower.endswith("ing") or len(lower) < 5 or lower in _NOUN_GERUNDS:
        return None
    if lower in _PAST_OF_GERUND:
        return _PAST_OF_GERUND[lower]
    stem = lower[:-3]
    if stem.endswith("y") and stem[-2] not in _VOWELS:
        return f"{stem[:-1]}ied"
    return f"{stem}ed"


def past_of_participle(word: str) -> str | None:
    """Simple past of a past participle ("written" → "wrote"); None for other words."""
    lower = word.lower()
    if lower in _PAST_OF_PARTICIPLE:
        return _PAST_OF_PARTICIPLE[lower]
    if lower.endswith("ed") and len(lower) > 3:
        return lower
    return None


def is_past(word: str) -> bool:
    """Whether `word` reads as a simple past verb ("shipped", "built")."""
    lower = word.lower()
    return (lower.endswith("ed") and len(lower) > 3) or lower in _PAST_OF_GERUND.values()
