"""The question index: paraphrases find their entry, a word no entry knows pulls the score
down, and nothing at all matches an unrelated question."""

from ai.question_index import QuestionIndex, content_words

ENTRIES = [
    (
        ["Which skills do I have?", "which technologies do I know"],
        "Python, Django and Kubernetes.",
    ),
    (["What was my last job?", "what is my current role"], "Engineer at Acme Analytics."),
    (["What did I do at Acme Analytics?"], "Led the migration of services."),
    (["How do I upload a resume?"], ""),
]


def test_content_words_fold_synonyms_and_endings():
    assert content_words("Where is my CV? What's my position?") == ["resume", "job"]
    assert content_words("How long have I worked?") == ["long", "work"]


def test_a_paraphrase_finds_its_entry():
    index = QuestionIndex(ENTRIES)

    assert index.best("what's my current position").position == 1
    assert index.best("How do I upload my CV?").position == 3


def test_an_answer_word_counts_as_known():
    hit = QuestionIndex(ENTRIES).best("Do I know Python?")

    assert hit.position == 0
    assert hit.similarity >= 0.8


def test_an_unknown_word_pulls_the_score_down():
    known = QuestionIndex(ENTRIES).best("What did I do at Acme Analytics?")
    unknown = QuestionIndex(ENTRIES).best("What was my salary at Acme Analytics?")

    assert known.similarity == 1.0
    assert unknown.position == 2
    assert unknown.similarity < 0.7


def test_an_unrelated_question_matches_nothing():
    assert QuestionIndex(ENTRIES).best("What is the capital of France?").position is None
    assert QuestionIndex(ENTRIES).best("   ").similarity == 0.0
    assert QuestionIndex([]).best("skills").position is None
