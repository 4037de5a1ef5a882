"""Words that tell a job title from an employer, and a school from anything else."""

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TITLE_WORDS = _words(
    """
    engineer engineering developer programmer architect manager director lead head designer
    analyst scientist consultant specialist administrator admin nurse intern internship
    assistant associate officer coordinator technician teacher lecturer professor researcher
    editor writer accountant auditor advisor adviser executive representative agent founder
    co-founder cofounder owner cto ceo cfo coo cio vp president chief principal staff senior
    junior trainee apprentice supervisor therapist physician doctor pharmacist clerk cashier
    chef cook driver operator mechanic electrician sre devops qa tester recruiter paralegal
    attorney lawyer instructor tutor volunteer fellow postdoc student freelance freelancer
    contractor partner strategist producer illustrator photographer mentor counselor
    counsellor worker aide caregiver midwife paramedic dentist hygienist secretary
    receptionist planner buyer economist statistician mathematician biologist chemist
    physicist marketer marketing sales support product project program programme owner
    full-stack fullstack frontend front-end backend back-end software data machine learning
    ux ui graphic visual web mobile cloud security network systems database infrastructure
    platform reliability technical solutions customer success account business operations
    registered charge clinical care pediatric icu er surgical practitioner medical barista
    waiter waitress server bartender cleaner carer housekeeper laborer labourer warehouse
    """
)
COMPANY_WORDS = _words(
    """
    inc inc. llc llp ltd ltd. limited gmbh ag sa s.a. plc corp corp. corporation company co
    co. group holdings labs lab technologies technology systems solutions software studio
    studios agency bank hospital clinic university college school institute foundation
    partners consulting consultancy services health healthcare media ventures capital
    network networks games foods bv b.v. oy ab srl spa s.p.a. pty kg se nhs trust council
    ministry department startup industries international global enterprises analytics
    digital logistics insurance pharma pharmaceuticals motors airlines energy pvt
    """
)
INSTITUTION_WORDS = re.compile(
    r"\b(?:university|université|universität|universidad|università|universiteit|"
    r"universidade|uniwersytet|college|institute|institut|instituto|school|academy|"
    r"polytechnic|politecnico|politécnica|hochschule|école|ecole|conservatory|conservatoire|"
    r"seminary|lycée|gymnasium|faculty|campus)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w.&'-]+")


def words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def title_score(text: str) -> int:
    return sum(word in TITLE_WORDS for word in words(text))


def company_score(text: str) -> int:
    return sum(word in COMPANY_WORDS for word in words(text)) + 2 * bool(
        INSTITUTION_WORDS.search(text)
    )
