"""Facts for the LLM gateway and the local writers, one builder per task."""

NAME = "Alex Morgan"
EMAIL = "alex.morgan@example.com"
PHONE = "+44 20 7946 0958"


def candidate(**changes) -> dict:
    base = {
        "name": NAME,
        "email": EMAIL,
        "phone": PHONE,
        "location": "Leeds",
        "current_title": "Backend Developer",
        "total_experience_years": 5.5,
        "skills": ["Python", "Django", "PostgreSQL", "Docker", "React"],
        "matched_skills": ["Python", "Django", "PostgreSQL"],
        "experience": [
            {
                "title": "Backend Developer",
                "company": "Globex",
                "start": "2021-03",
                "end": None,
                "bullets": [
                    "Mentored junior developers",
                    "Built a Django REST API serving 2 million requests a day",
                ],
            },
            {
                "title": "Junior Developer",
                "company": "Initech",
                "start": "2018-09",
                "end": "2021-02",
                "bullets": ["Reduced PostgreSQL query times by 40% with better indexes."],
            },
        ],
        "education": [
            {"degree": "BSc", "field": "Computer Science", "institution": "University of Leeds"}
        ],
        "certifications": [{"name": "AWS Certified Developer", "issuer": "Amazon", "year": 2022}],
    }
    return {**base, **changes}


def job(**changes) -> dict:
    base = {
        "title": "Senior Backend Engineer",
        "company": "Acme",
        "description": "We build payments software with Python, Django and PostgreSQL.",
        "required_skills": ["Python", "Django", "PostgreSQL", "Kubernetes"],
    }
    return {**base, **changes}


def cover_letter_facts(tone: str = "professional", **changes) -> dict:
    return {"tone": tone, "candidate": candidate(), "job": job(), **changes}


def profile(**changes) -> dict:
    base = {
        "summary": "Backend developer who likes clean APIs.",
        "skills": {
            "languages": ["Go", "Python", "SQL"],
            "frameworks": ["Django"],
            "databases": ["PostgreSQL", "Redis"],
            "devops": ["Docker"],
        },
        "experience": candidate()["experience"],
        "total_experience_years": 5.5,
        "education": candidate()["education"],
        "certifications": candidate()["certifications"],
        "languages": [],
        "sections": ["summary", "experience", "education", "skills"],
    }
    return {**base, **changes}


def ats_score(**breakdown) -> dict:
    scores = {"formatting": 90, "keywords": 65, "sections": 80, "readability": 72, "impact": 45}
    return {
        "overall": 70,
        "breakdown": {**scores, **breakdown},
        "weights": {
            "formatting": 0.2,
            "keywords": 0.3,
            "sections": 0.15,
            "readability": 0.15,
            "impact": 0.2,
        },
        "deductions": [
            {
                "category": "impact",
                "rule": "few_numbers",
                "points": 12,
                "detail": "only 1 of 3 bullets includes a number",
            },
            {
                "category": "keywords",
                "rule": "missing_keywords",
                "points": 8,
                "detail": "Kubernetes from the job description is missing",
            },
        ],
    }


def skill_match() -> dict:
    return {
        "total_required_skills": 4,
        "matched_skills": ["Python", "Django", "PostgreSQL"],
        "missing_required_skills": ["Kubernetes"],
        "missing_preferred_skills": [],
        "match_percentage": 75.0,
        "strengths": [],
        "areas_for_improvement": [],
    }


def review_facts(**changes) -> dict:
    base = {
        "profile": profile(),
        "ats_score": ats_score(),
        "skill_match": skill_match(),
        "job_title": "Senior Backend Engineer",
    }
    return {**base, **changes}


def bullet_facts() -> dict:
    return {
        "role_title": "Backend Engineer",
        "keywords": ["Python", "Kafka"],
        "bullets": [
            {
                "id": "b1",
                "text": "Responsible for the billing service",
                "issues": ["weak_verb", "no_number"],
            },
            {
                "id": "b2",
                "text": "Cut AWS costs by 20% by moving batch jobs to Kafka",
                "issues": [],
            },
        ],
    }


def gap_facts(**changes) -> dict:
    base = {
        "job_title": "Senior Backend Engineer",
        "match_percentage": 75.0,
        "matched_skills": ["Python", "Django", "PostgreSQL"],
        "missing_required_skills": ["Kubernetes"],
        "missing_preferred_skills": ["Terraform"],
        "estimated_hours": 40,
    }
    return {**base, **changes}


def live_question_facts() -> dict:
    return {
        "phase": "resume",
        "job_title": "Backend Engineer",
        "experience": {
            "title": "Senior Software Engineer",
            "company": "Acme Analytics",
            "bullets": ["Led the migration of 14 services to Kubernetes"],
        },
    }


FACTS_BY_TASK = {
    "resume_review": review_facts,
    "cover_letter": cover_letter_facts,
    "bullet_rewrites": bullet_facts,
    "gap_assessment": gap_facts,
    "live_interview_question": live_question_facts,
}
