"""A fictional person's resume, used to preview a template before a person picks it.

Every name, employer and address here is invented; the summary says so, the domains are
reserved example domains, and the phone number is in the 555-01xx range set aside for fiction.
"""

SAMPLE_DOCUMENT: dict = {
    "name": "Alex Sample",
    "headline": "Senior Software Engineer",
    "contact": {
        "email": "alex.sample@example.com",
        "phone": "+1 555 0100",
        "location": "Springfield",
        "links": {
            "linkedin": "https://www.linkedin.com/in/alex-sample-example",
            "github": "https://github.com/alex-sample-example",
        },
    },
    "summary": (
        "Sample data: a fictional resume to preview this template. Senior Software Engineer "
        "with 8 years of experience building web services in Python and Django, leading small "
        "teams and keeping production systems fast and observable."
    ),
    "skills": {
        "languages": ["Python", "SQL", "TypeScript"],
        "frameworks": ["Django", "FastAPI", "React"],
        "databases": ["PostgreSQL", "Redis"],
        "cloud": ["AWS"],
        "devops": ["Docker", "GitHub Actions", "Kubernetes"],
        "testing": ["pytest"],
        "methodologies": ["Agile", "Code Review"],
    },
    "experience": [
        {
            "title": "Senior Software Engineer",
            "company": "Example Logistics Ltd",
            "location": "Springfield",
            "start": "2021-03",
            "end": None,
            "current": True,
            "bullets": [
                "Led a team of 5 engineers rebuilding the shipment-tracking API in Django, "
                "cutting p95 latency from 900 ms to 180 ms.",
                "Designed an event pipeline on PostgreSQL and Redis that handles 2 million "
                "status updates a day.",
                "Introduced contract tests and a review checklist, halving production "
                "incidents within 6 months.",
                "Mentored 3 junior developers through their first on-call rotations.",
            ],
        },
        {
            "title": "Software Engineer",
            "company": "Sample Retail Group",
            "location": "Shelbyville",
            "start": "2017-06",
            "end": "2021-02",
            "current": False,
            "bullets": [
                "Built the order-management service used by 40 stores, in Python and PostgreSQL.",
                "Migrated 12 cron jobs to a queue-based worker fleet on Docker, removing "
                "nightly failures.",
                "Wrote the React dashboard that store managers use to track daily stock.",
            ],
        },
        {
            "title": "Junior Developer",
            "company": "Placeholder Studio",
            "location": "Springfield",
            "start": "2015-09",
            "end": "2017-05",
            "current": False,
            "bullets": [
                "Maintained 8 client websites and automated their deployments.",
                "Added pytest suites to legacy code, raising coverage from 20% to 75%.",
            ],
        },
    ],
    "education": [
        {
            "degree": "BSc",
            "field": "Computer Science",
            "institution": "Example State University",
            "start": "2011",
            "end": "2015",
            "grade": "First-class honours",
        }
    ],
    "certifications": [
        {"name": "Cloud Developer Certificate", "issuer": "Example Training Board", "year": 2022},
    ],
    "languages": [
        {"language": "English", "proficiency": "native"},
        {"language": "Spanish", "proficiency": "professional"},
    ],
}
