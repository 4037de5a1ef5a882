"""Where the conversation stands, read from the user's last message with word lists.

- `end`: the user is done ("thanks, that's all", "bye");
- `frustrated`: the user says the answers do not help ("useless", "that's wrong");
- `continue`: anything else (the seeds' value for an ongoing conversation).
The same words always give the same value.
"""

import re

CONTINUE = "continue"
END = "end"
FRUSTRATED = "frustrated"
SENTIMENTS = (CONTINUE, END, FRUSTRATED)

_CLOSINGS = re.compile(
    r"\b(?:bye|goodbye|good night|see you|that'?s all|that is all|nothing else|no more "
    r"questions|i'?m done|we'?re done|end (?:the )?chat)\b"
)
_FRUSTRATION = re.compile(
    r"\b(?:useless|wrong|not helpful|unhelpful|doesn'?t help|does not help|stupid|annoying|"
    r"frustrat\w*|terrible|awful|makes no sense|not what i asked|you don'?t understand)\b"
)


def sentiment_of(text: str) -> str:
    """`end`, `frustrated` or `continue` for the user's message."""
    words = " ".join(text.casefold().replace("\u2019", "'").split())
    if _FRUSTRATION.search(words):
        return FRUSTRATED
    if _CLOSINGS.search(words):
        return END
    return CONTINUE
