from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One thing the assistant knows: the question it answers, other ways people ask it,
    and the answer, written only from the user's records or the product's help."""

    question: str
    answer: str
    phrasings: tuple[str, ...] = ()
    # A record's answer names what it is about ("Python", "Acme"), so a question may match
    # its words; help answers mention much they do not answer ("your phone number").
    answer_matches: bool = True

    @property
    def askings(self) -> tuple[str, ...]:
        return (self.question, *self.phrasings)

    def as_fact(self) -> dict:
        return {"question": self.question, "answer": self.answer}
