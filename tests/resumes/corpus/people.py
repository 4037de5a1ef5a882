"""Fictional people of the layout corpus: what each resume says, and what a reader takes
from it. Every name, employer detail, e-mail and phone number here is made up (phones use
the reserved 555-01xx range).

A person is written once and rendered in one layout (see `layouts.py`). `stated` lists the
canonical names of every skill the resume states (in a skills list, a bullet or the
summary); `traps` lists names that appear in it but are not skills of the person (former
employers, schools, vendors in certificate names).
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Job:
    title: str
    company: str
    location: str
    start: str  # as written: "Jan 2021", "2019"
    end: str  # "Present" for a current job
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Degree:
    degree: str  # as written, and as the parser must return it
    field: str | None
    school: str
    location: str
    start: str | None
    end: str


@dataclass(frozen=True)
class Person:
    key: str
    profession: str
    layout: str
    name: str
    headline: str
    email: str
    phone: str  # as written, odd characters included
    location: str
    summary: str
    jobs: tuple[Job, ...]
    education: tuple[Degree, ...]
    skills: tuple[tuple[str, str], ...]  # (group label, items as written)
    stated: tuple[str, ...]
    credentials: str = ""  # post-nominals written after the name
    certifications: tuple[str, ...] = ()
    traps: tuple[str, ...] = ()
    expected_phone: str | None = None  # when the written phone has odd characters
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def phone_label(self) -> str:
        return self.expected_phone or self.phone


SOFTWARE = (
    Person(
        key="backend_moderncv",
        profession="software",
        layout="moderncv",
        name="Tomasz Wierzbicki",
        headline="Backend Engineer",
        email="tomasz.wierzbicki@example.com",
        phone="+1 (415) 555-0142",
        location="San Francisco, CA",
        summary="Backend engineer who builds payment services in Go and Python.",
        jobs=(
            Job(
                "Senior Backend Engineer",
                "Ledgerline Payments Inc.",
                "San Francisco, CA",
                "2021",
                "Present",
                (
                    "Built a ledger service in Go and PostgreSQL handling 4M transactions a day",
                    "Ran Kafka consumers on Kubernetes with Terraform-managed AWS infrastructure",
                ),
            ),
            Job(
                "Software Engineer",
                "Notion",
                "New York, NY",
                "2017",
                "2021",
                (
                    "Wrote Python services with Django and Celery",
                    "Cut Redis memory use by 35% with a new caching scheme",
                ),
            ),
        ),
        education=(
            Degree("MEng", "Computer Science", "Cornell University", "Ithaca, NY", "2016", "2017"),
            Degree(
                "BS", "Computer Science", "Rutgers University", "New Brunswick, NJ", "2012", "2016"
            ),
        ),
        skills=(
            ("Languages", "Go, Python, SQL"),
            ("Infrastructure", "PostgreSQL, Kafka, Kubernetes, Terraform, AWS, Docker"),
        ),
        stated=(
            "Go",
            "Python",
            "SQL",
            "PostgreSQL",
            "Kafka",
            "Kubernetes",
            "Terraform",
            "AWS",
            "Docker",
            "Django",
            "Celery",
            "Redis",
            "Caching Strategies",
        ),
        traps=("Notion",),
    ),
    Person(
        key="frontend_awesomecv",
        profession="software",
        layout="awesome_cv",
        name="Priyanka Deshmukh",
        headline="Frontend Engineer",
        email="priyanka.d@example.com",
        phone="(206) 555-0177",
        location="Seattle, WA",
        summary="Frontend engineer focused on accessible React applications.",
        jobs=(
            Job(
                "Frontend Engineer",
                "Figma",
                "San Francisco, CA",
                "Mar 2022",
                "Present",
                (
                    "Built editor panels in React and TypeScript used by 2M designers",
                    "Added end-to-end tests with Playwright and unit tests with Jest",
                ),
            ),
            Job(
                "Web Developer",
                "Brightleaf Media, LLC",
                "Seattle, WA",
                "Jun 2019",
                "Feb 2022",
                (
                    "Shipped responsive sites in HTML, CSS and JavaScript",
                    "Set up GitHub Actions pipelines for 12 repositories",
                ),
            ),
        ),
        education=(
            Degree(
                "B.S.", "Informatics", "University of Washington", "Seattle, WA", "2015", "2019"
            ),
        ),
        skills=(
            ("Frontend", "React, TypeScript, JavaScript, HTML, CSS, Redux"),
            ("Testing", "Jest, Playwright, Cypress"),
        ),
        stated=(
            "React",
            "TypeScript",
            "JavaScript",
            "HTML",
            "CSS",
            "Redux",
            "Jest",
            "Playwright",
            "Cypress",
            "GitHub Actions",
            "End-to-End Testing",
            "Unit Testing",
        ),
        traps=("Figma",),
    ),
    Person(
        key="data_two_column",
        profession="software",
        layout="two_column",
        name="Olusegun Adeyemi",
        headline="Data Scientist",
        email="olu.adeyemi@example.com",
        phone="312\u00a0555\u00a00163",
        expected_phone="312 555 0163",
        location="Chicago, IL",
        summary="Data scientist building forecasting and experimentation tools.",
        jobs=(
            Job(
                "Data Scientist",
                "Groupon",
                "Chicago, IL",
                "Jan 2020",
                "Present",
                (
                    "Designed A/B testing guardrails in Python and SQL for 300 experiments a year",
                    "Trained demand forecasting models with scikit-learn and XGBoost",
                ),
            ),
            Job(
                "Data Analyst",
                "New Relic",
                "Portland, OR",
                "Jul 2017",
                "Dec 2019",
                ("Built Tableau dashboards over Snowflake for the sales team",),
            ),
        ),
        education=(
            Degree("M.S.", "Statistics", "University of Chicago", "Chicago, IL", "2015", "2017"),
            Degree("B.Sc.", "Mathematics", "University of Lagos", "Lagos, Nigeria", "2010", "2014"),
        ),
        skills=(("Skills", "Python, SQL, R, pandas, scikit-learn, XGBoost, Tableau, Snowflake"),),
        stated=(
            "Python",
            "SQL",
            "R",
            "pandas",
            "scikit-learn",
            "XGBoost",
            "Tableau",
            "Snowflake",
            "A/B Testing",
            "Forecasting",
            "Statistics",
        ),
        traps=("New Relic", "Experimental Design"),
    ),
    Person(
        key="devops_word",
        profession="software",
        layout="word_docx",
        name="Karin Lindqvist",
        headline="Site Reliability Engineer",
        email="karin.lindqvist@example.com",
        phone="+46 70 555 0119",
        location="Stockholm, Sweden",
        summary="SRE who keeps large Kubernetes platforms boring.",
        jobs=(
            Job(
                "Site Reliability Engineer",
                "Klarna Bank AB",
                "Stockholm, Sweden",
                "Sep 2020",
                "Present",
                (
                    "Ran 40 Kubernetes clusters with Argo CD and Helm",
                    "Built Prometheus and Grafana alerting that halved pages",
                ),
            ),
            Job(
                "Systems Engineer",
                "Oracle Svenska AB",
                "Stockholm, Sweden",
                "Aug 2016",
                "Aug 2020",
                ("Automated Linux fleet setup with Ansible and Bash",),
            ),
        ),
        education=(
            Degree(
                "M.Sc.",
                "Computer Science",
                "KTH Royal Institute of Technology",
                "Stockholm, Sweden",
                "2014",
                "2016",
            ),
        ),
        skills=(
            ("Platform", "Kubernetes, Helm, Argo CD, Terraform, Google Cloud"),
            ("Observability", "Prometheus, Grafana"),
            ("Scripting", "Bash, Python, Ansible"),
        ),
        certifications=(
            "Oracle Certified Associate, Java SE 8 Programmer (2017)",
            "Certified Kubernetes Administrator (CKA), CNCF, 2021",
        ),
        stated=(
            "Kubernetes",
            "Helm",
            "Argo CD",
            "Terraform",
            "Google Cloud",
            "Prometheus",
            "Grafana",
            "Bash",
            "Python",
            "Ansible",
            "Linux",
            "Java",
            "Observability",
            "Site Reliability Engineering",
        ),
        traps=("Oracle Database",),
    ),
    Person(
        key="mobile_gdocs",
        profession="software",
        layout="gdocs_docx",
        name="Diego Fernández",
        headline="iOS Engineer",
        email="diego.fernandez@example.com",
        phone="512\u2011555\u20110134",
        expected_phone="512-555-0134",
        location="Austin, TX",
        summary="iOS engineer shipping Swift apps with millions of users.",
        jobs=(
            Job(
                "iOS Engineer",
                "Bumble Inc.",
                "Austin, TX",
                "May 2021",
                "Present",
                (
                    "Rebuilt onboarding in SwiftUI, lifting completion by 12%",
                    "Wrote XCTest suites and ran them in CI with Fastlane",
                ),
            ),
            Job(
                "Mobile Developer",
                "Whole Foods Market",
                "Austin, TX",
                "Jan 2018",
                "Apr 2021",
                ("Built the store app in Swift and Objective-C",),
            ),
        ),
        education=(
            Degree(
                "B.S.",
                "Computer Science",
                "Texas State University",
                "San Marcos, TX",
                "2014",
                "2017",
            ),
        ),
        skills=(("Skills", "Swift, SwiftUI, Objective-C, Xcode, XCTest, Fastlane, Git"),),
        stated=("Swift", "SwiftUI", "Objective-C", "Xcode", "XCTest", "Fastlane", "Git", "iOS"),
    ),
    Person(
        key="fullstack_text",
        profession="software",
        layout="text",
        name="Hannah Okafor",
        headline="Full-Stack Developer",
        email="hannah.okafor@example.com",
        phone="0161 555 0190",
        location="Manchester, UK",
        summary="Full-stack developer building Django and Vue products for charities.",
        jobs=(
            Job(
                "Full-Stack Developer",
                "Hive Digital Ltd",
                "Manchester, UK",
                "Feb 2022",
                "Present",
                (
                    "Built donation flows in Django and Vue.js with Stripe payments",
                    "Moved hosting to Docker on Azure",
                ),
            ),
            Job(
                "Junior Developer",
                "Codeworks, Inc.",
                "Leeds, UK",
                "Sep 2019",
                "Jan 2022",
                ("Maintained PHP and Laravel sites", "Wrote MySQL reports"),
            ),
        ),
        education=(
            Degree(
                "BSc",
                "Software Engineering",
                "University of Salford",
                "Salford, UK",
                "2016",
                "2019",
            ),
        ),
        skills=(
            (
                "Skills",
                "Python, Django, Vue.js, JavaScript, PHP, Laravel, MySQL, Docker, Microsoft Azure",
            ),
        ),
        stated=(
            "Python",
            "Django",
            "Vue.js",
            "JavaScript",
            "PHP",
            "Laravel",
            "MySQL",
            "Docker",
            "Microsoft Azure",
            "Stripe",
        ),
    ),
)

MORE_SOFTWARE = (
    Person(
        key="ml_sidebar",
        profession="software",
        layout="sidebar",
        name="Mei-Ling Zhou",
        headline="Machine Learning Engineer",
        email="meiling.zhou@example.com",
        phone="617.555.0121",
        expected_phone=None,
        location="Boston, MA",
        summary="ML engineer putting NLP models into production.",
        jobs=(
            Job(
                "Machine Learning Engineer",
                "Wayfair",
                "Boston, MA",
                "Aug 2021",
                "Present",
                (
                    "Served PyTorch ranking models behind FastAPI at 5k requests a second",
                    "Built feature pipelines with Apache Spark and Airflow",
                ),
            ),
            Job(
                "Research Assistant",
                "MIT CSAIL",
                "Cambridge, MA",
                "Sep 2019",
                "Jul 2021",
                ("Fine-tuned transformer models for NLP with Hugging Face Transformers",),
            ),
        ),
        education=(
            Degree(
                "MEng",
                "Electrical Engineering and Computer Science",
                "Massachusetts Institute of Technology",
                "Cambridge, MA",
                "2019",
                "2021",
            ),
            Degree("B.S.", "Computer Science", "Tufts University", "Medford, MA", "2015", "2019"),
        ),
        skills=(
            ("ML", "PyTorch, Hugging Face Transformers, NLP, scikit-learn"),
            ("Data", "Apache Spark, Airflow, SQL"),
            ("Serving", "FastAPI, Docker, Python"),
        ),
        stated=(
            "PyTorch",
            "Hugging Face Transformers",
            "Natural Language Processing",
            "scikit-learn",
            "Apache Spark",
            "Apache Airflow",
            "SQL",
            "FastAPI",
            "Docker",
            "Python",
            "Transformer Models",
            "Machine Learning",
        ),
    ),
    Person(
        key="java_moderncv",
        profession="software",
        layout="moderncv",
        name="Rafael Mendes",
        headline="Java Developer",
        email="rafael.mendes@example.com",
        phone="+351 21 555 0187",
        location="Lisbon, Portugal",
        summary="Java developer building banking back ends with Spring Boot.",
        jobs=(
            Job(
                "Senior Java Developer",
                "Millennium Systems, S.A.",
                "Lisbon, Portugal",
                "2020",
                "Present",
                (
                    "Built Spring Boot microservices on Oracle and PostgreSQL",
                    "Introduced JUnit and Mockito tests to 30 services",
                ),
            ),
            Job(
                "Java Developer",
                "Critical Software",
                "Coimbra, Portugal",
                "2016",
                "2020",
                ("Maintained Java EE applications and Maven builds",),
            ),
        ),
        education=(
            Degree(
                "B.E.",
                "Computer Engineering",
                "University of Coimbra",
                "Coimbra, Portugal",
                "2012",
                "2016",
            ),
        ),
        skills=(
            ("Back end", "Java, Spring Boot, Hibernate, Maven, JUnit, Mockito"),
            ("Data", "PostgreSQL, Oracle Database"),
        ),
        stated=(
            "Java",
            "Spring Boot",
            "Hibernate",
            "Apache Maven",
            "JUnit",
            "Mockito",
            "PostgreSQL",
            "Oracle Database",
            "Microservices",
            "Java EE",
        ),
    ),
    Person(
        key="security_awesomecv",
        profession="software",
        layout="awesome_cv",
        name="Aisha Rahman",
        headline="Security Engineer",
        email="aisha.rahman@example.com",
        phone="(703) 555-0156",
        location="Arlington, VA",
        summary="Security engineer hardening cloud platforms.",
        jobs=(
            Job(
                "Security Engineer",
                "Capital One",
                "McLean, VA",
                "Jan 2021",
                "Present",
                (
                    "Ran threat modeling for 20 services and fixed OWASP Top 10 findings",
                    "Wrote detection rules in Splunk",
                ),
            ),
            Job(
                "Network Administrator",
                "Fairfax County Public Schools",
                "Fairfax, VA",
                "Jun 2017",
                "Dec 2020",
                ("Managed Cisco switches and firewalls for 40 schools",),
            ),
        ),
        education=(
            Degree(
                "B.S.", "Cybersecurity", "George Mason University", "Fairfax, VA", "2013", "2017"
            ),
        ),
        skills=(
            ("Security", "Threat Modeling, OWASP, Splunk, Wireshark, Nmap"),
            ("Cloud", "AWS, Python"),
        ),
        stated=(
            "Threat Modeling",
            "OWASP",
            "Splunk",
            "Wireshark",
            "Nmap",
            "AWS",
            "Python",
            "Cybersecurity",
            "Cloud Computing",
        ),
    ),
    Person(
        key="new_grad_text",
        profession="student",
        layout="text",
        name="Jordan Ellis",
        headline="Computer Science Student",
        email="jordan.ellis@example.edu",
        phone="734-555-0148",
        location="Ann Arbor, MI",
        summary="Senior computer science student looking for a software engineering role.",
        jobs=(
            Job(
                "Software Engineering Intern",
                "Domino's Pizza, Inc.",
                "Ann Arbor, MI",
                "May 2024",
                "Aug 2024",
                (
                    "Built an order-tracking page in React and TypeScript",
                    "Wrote unit tests with Jest",
                ),
            ),
            Job(
                "Teaching Assistant",
                "University of Michigan",
                "Ann Arbor, MI",
                "Sep 2023",
                "Apr 2024",
                ("Held office hours for 200 students in a data structures course",),
            ),
        ),
        education=(
            Degree(
                "B.S.E.",
                "Computer Science",
                "University of Michigan",
                "Ann Arbor, MI",
                "2021",
                "2025",
            ),
        ),
        skills=(
            ("Languages", "Java, Python, C++, JavaScript, TypeScript"),
            ("Tools", "React, Git, Linux"),
        ),
        stated=(
            "Java",
            "Python",
            "C++",
            "JavaScript",
            "TypeScript",
            "React",
            "Git",
            "Linux",
            "Jest",
            "Data Structures",
            "Teaching",
            "Unit Testing",
        ),
    ),
)

OTHER_PROFESSIONS = (
    Person(
        key="nurse_moderncv",
        profession="nursing",
        layout="moderncv",
        name="Michael Chen",
        credentials="RN, BSN, CCRN",
        headline="Critical Care Nurse",
        email="michael.chen.rn@example.com",
        phone="(619) 555-0138",
        location="San Diego, CA",
        summary="ICU nurse with eight years of critical care experience.",
        jobs=(
            Job(
                "Registered Nurse, ICU",
                "Scripps Mercy Hospital",
                "San Diego, CA",
                "2019",
                "Present",
                (
                    "Cared for 2 ventilated patients per shift with continuous telemetry",
                    "Managed IV therapy, titrated drips and documented care in Epic",
                ),
            ),
            Job(
                "Staff Nurse, Med-Surg",
                "Palomar Health",
                "Escondido, CA",
                "2016",
                "2019",
                ("Performed patient assessments and wound care for 5 patients per shift",),
            ),
        ),
        education=(
            Degree(
                "Bachelor of Science",
                "Nursing",
                "San Diego State University",
                "San Diego, CA",
                "2012",
                "2016",
            ),
        ),
        skills=(
            (
                "Clinical",
                "Patient assessment, IV therapy, wound care, telemetry, "
                "ventilator management, medication administration",
            ),
            ("Systems", "Epic"),
        ),
        certifications=(
            "BLS, American Heart Association, 2024",
            "ACLS, American Heart Association, 2024",
            "CCRN, AACN, 2021",
        ),
        stated=(
            "Patient Assessment",
            "IV Therapy",
            "Wound Care",
            "Telemetry",
            "Ventilator Management",
            "Medication Administration",
            "Epic",
            "Basic Life Support",
            "Advanced Cardiovascular Life Support",
            "Critical Care Registered Nurse",
            "Medical-Surgical Nursing",
            "Critical Care",
            "Registered Nurse",
        ),
    ),
    Person(
        key="nurse_word",
        profession="nursing",
        layout="word_docx",
        name="Jennifer Thompson",
        credentials="RN, MSN",
        headline="Nurse Educator",
        email="jthompson.rn@example.com",
        phone="(303)\t555-0112",
        expected_phone="(303) 555-0112",
        location="Denver, CO",
        summary="Nurse educator and former charge nurse in labor and delivery.",
        jobs=(
            Job(
                "Clinical Nurse Educator",
                "Denver Health",
                "Denver, CO",
                "Jan 2020",
                "Present",
                (
                    "Taught patient education and infection control to 120 new nurses",
                    "Ran BLS and PALS refresher courses",
                ),
            ),
            Job(
                "Charge Nurse, Labor and Delivery",
                "Rose Medical Center",
                "Denver, CO",
                "Mar 2014",
                "Dec 2019",
                ("Led a team of 9 nurses; managed triage and discharge planning",),
            ),
        ),
        education=(
            Degree(
                "MSN", "Nursing Education", "University of Colorado", "Aurora, CO", "2017", "2019"
            ),
            Degree("BSN", None, "Regis University", "Denver, CO", "2010", "2014"),
        ),
        skills=(
            (
                "Skills",
                "Patient education, infection control, labor and delivery, triage, "
                "discharge planning, Cerner",
            ),
        ),
        certifications=(
            "Basic Life Support (BLS), American Heart Association",
            "Pediatric Advanced Life Support (PALS), American Heart Association",
        ),
        stated=(
            "Patient Education",
            "Infection Control",
            "Labor and Delivery",
            "Triage",
            "Discharge Planning",
            "Cerner",
            "Basic Life Support",
            "Pediatric Advanced Life Support",
            "Registered Nurse",
        ),
    ),
    Person(
        key="accountant_awesomecv",
        profession="accounting",
        layout="awesome_cv",
        name="Samantha Brooks",
        credentials="CPA",
        headline="Senior Accountant",
        email="samantha.brooks@example.com",
        phone="(614) 555-0193",
        location="Columbus, OH",
        summary="CPA with seven years in corporate accounting and audit.",
        jobs=(
            Job(
                "Senior Accountant",
                "Cardinal Logistics, Inc.",
                "Columbus, OH",
                "Apr 2021",
                "Present",
                (
                    "Led month-end close and account reconciliations for 14 entities",
                    "Prepared financial statements under US GAAP and supported the external audit",
                ),
            ),
            Job(
                "Audit Associate",
                "Plante Moran",
                "Columbus, OH",
                "Sep 2017",
                "Mar 2021",
                ("Performed audit procedures and tested internal controls for SOX clients",),
            ),
        ),
        education=(
            Degree(
                "Master of Accountancy",
                None,
                "Ohio State University",
                "Columbus, OH",
                "2016",
                "2017",
            ),
            Degree("B.S.", "Accounting", "Ohio State University", "Columbus, OH", "2012", "2016"),
        ),
        skills=(
            (
                "Accounting",
                "General ledger, journal entries, accruals, variance analysis, fixed assets",
            ),
            ("Software", "NetSuite, QuickBooks, Excel (pivot tables, VLOOKUP)"),
        ),
        stated=(
            "General Ledger",
            "Journal Entries",
            "Accruals",
            "Variance Analysis",
            "Fixed Assets",
            "NetSuite",
            "QuickBooks",
            "Excel",
            "Pivot Tables",
            "VLOOKUP",
            "Month-End Close",
            "Account Reconciliation",
            "Financial Reporting",
            "GAAP",
            "Auditing",
            "Internal Controls",
            "Certified Public Accountant",
            "Accounting",
        ),
    ),
    Person(
        key="bookkeeper_gdocs",
        profession="accounting",
        layout="gdocs_docx",
        name="Rosa Delgado",
        headline="Accounts Payable Specialist",
        email="rosa.delgado@example.com",
        phone="956\u00ad555\u00ad0127",
        expected_phone="956-555-0127",
        location="McAllen, TX",
        summary="Accounts payable specialist who keeps vendors paid on time.",
        jobs=(
            Job(
                "Accounts Payable Specialist",
                "Rio Grande Produce Co.",
                "McAllen, TX",
                "Jun 2019",
                "Present",
                (
                    "Processed 900 vendor invoices a month in QuickBooks Online",
                    "Reconciled vendor statements and handled expense reports",
                ),
            ),
            Job(
                "Bookkeeper",
                "Valley Dental Group, PLLC",
                "Edinburg, TX",
                "Jan 2015",
                "May 2019",
                ("Ran payroll for 25 staff and kept the general ledger",),
            ),
        ),
        education=(
            Degree(
                "Associate of Applied Science",
                "Accounting",
                "South Texas College",
                "McAllen, TX",
                "2012",
                "2014",
            ),
        ),
        skills=(
            (
                "Skills",
                "Accounts payable, accounts receivable, bank reconciliation, "
                "payroll, QuickBooks Online, Excel, 10-key",
            ),
        ),
        stated=(
            "Accounts Payable",
            "Accounts Receivable",
            "Account Reconciliation",
            "Payroll",
            "QuickBooks Online",
            "Excel",
            "10-Key",
            "Expense Reporting",
            "General Ledger",
            "Accounting",
        ),
    ),
    Person(
        key="office_coordinator_word",
        profession="office",
        layout="word_docx",
        name="Keisha Williams",
        headline="Office Coordinator",
        email="keisha.williams@example.com",
        phone="(404) 555-0160",
        location="Atlanta, GA",
        summary="Office coordinator keeping a 60-person office running.",
        jobs=(
            Job(
                "Office Coordinator",
                "Peachtree Architects, LLC",
                "Atlanta, GA",
                "Feb 2020",
                "Present",
                (
                    "Managed calendars and scheduling for three partners",
                    "Ordered office supplies and handled vendor management for facilities",
                ),
            ),
            Job(
                "Receptionist",
                "Midtown Family Dental",
                "Atlanta, GA",
                "Aug 2016",
                "Jan 2020",
                (
                    "Answered a multi-line phone system and greeted visitors",
                    "Handled data entry of patient records",
                ),
            ),
        ),
        education=(
            Degree(
                "Associate of Arts",
                "Business Administration",
                "Georgia State University",
                "Atlanta, GA",
                "2014",
                "2016",
            ),
        ),
        skills=(
            (
                "Skills",
                "Microsoft Office, Outlook, data entry (65 WPM), calendar "
                "management, travel arrangements, records management",
            ),
        ),
        stated=(
            "Microsoft Office",
            "Outlook",
            "Data Entry",
            "Typing",
            "Calendar Management",
            "Travel Arrangements",
            "Records Management",
            "Scheduling",
            "Office Supplies Management",
            "Vendor Management",
            "Phone Etiquette",
        ),
    ),
    Person(
        key="lawyer_moderncv",
        profession="legal",
        layout="moderncv",
        name="Eleanor Vasquez",
        credentials="Esq.",
        headline="Litigation Associate",
        email="eleanor.vasquez@example.com",
        phone="(212) 555-0109",
        location="New York, NY",
        summary="Litigation associate with commercial and appellate experience.",
        jobs=(
            Job(
                "Litigation Associate",
                "Hartwell & Crane LLP",
                "New York, NY",
                "2020",
                "Present",
                (
                    "Drafted motions and briefs in commercial litigation",
                    "Took depositions and ran document review in Relativity",
                ),
            ),
            Job(
                "Judicial Law Clerk",
                "U.S. District Court, S.D.N.Y.",
                "New York, NY",
                "2019",
                "2020",
                ("Wrote bench memoranda and legal research for civil matters",),
            ),
        ),
        education=(
            Degree(
                "Juris Doctor (J.D.)", None, "Columbia Law School", "New York, NY", "2016", "2019"
            ),
            Degree("B.A.", "Political Science", "Boston University", "Boston, MA", "2012", "2016"),
        ),
        skills=(
            (
                "Practice",
                "Commercial litigation, legal research, legal writing, depositions, e-discovery",
            ),
            ("Tools", "Westlaw, LexisNexis, Relativity"),
        ),
        stated=(
            "Litigation",
            "Legal Research",
            "Legal Writing",
            "Depositions",
            "Discovery",
            "Westlaw",
            "LexisNexis",
            "Relativity",
        ),
        extra={"degree_label": "Juris Doctor"},
    ),
    Person(
        key="paralegal_text",
        profession="legal",
        layout="text",
        name="Marcus Greene",
        headline="Paralegal",
        email="marcus.greene@example.com",
        phone="602.555.0175",
        location="Phoenix, AZ",
        summary="Certified paralegal supporting a family law practice.",
        jobs=(
            Job(
                "Paralegal",
                "Desert Family Law, P.C.",
                "Phoenix, AZ",
                "Jul 2018",
                "Present",
                (
                    "Drafted pleadings and discovery requests for 60 family law cases",
                    "E-filed documents with the court and managed client intake",
                ),
            ),
        ),
        education=(
            Degree(
                "Associate of Applied Science",
                "Paralegal Studies",
                "Phoenix College",
                "Phoenix, AZ",
                "2016",
                "2018",
            ),
        ),
        skills=(
            ("Skills", "Legal drafting, family law, client intake, e-filing, Clio, Microsoft Word"),
        ),
        certifications=("Certified Paralegal (CP), NALA, 2019",),
        stated=(
            "Legal Drafting",
            "Family Law",
            "Client Counseling",
            "PACER",
            "Clio",
            "Microsoft Word",
            "Certified Paralegal",
            "Discovery",
        ),
    ),
    Person(
        key="sales_two_column",
        profession="sales",
        layout="two_column",
        name="Brandon Miller",
        headline="Account Executive",
        email="brandon.miller@example.com",
        phone="(615) 555-0184",
        location="Nashville, TN",
        summary="B2B account executive who beats quota.",
        jobs=(
            Job(
                "Account Executive",
                "HubSpot",
                "Nashville, TN",
                "Mar 2021",
                "Present",
                (
                    "Closed $1.4M in new B2B sales in 2024, 128% of quota",
                    "Ran prospecting and pipeline management in Salesforce",
                ),
            ),
            Job(
                "Sales Development Representative",
                "Asurion",
                "Nashville, TN",
                "Jun 2018",
                "Feb 2021",
                ("Booked 25 meetings a month through cold calling and email campaigns",),
            ),
        ),
        education=(
            Degree(
                "Bachelor of Business Administration",
                "Marketing",
                "Belmont University",
                "Nashville, TN",
                "2014",
                "2018",
            ),
        ),
        skills=(
            (
                "Skills",
                "B2B sales, lead generation, account management, Salesforce, "
                "LinkedIn Sales Navigator, negotiation",
            ),
        ),
        stated=(
            "B2B Sales",
            "Lead Generation",
            "Account Management",
            "Salesforce",
            "LinkedIn Sales Navigator",
            "Negotiation",
            "Pipeline Management",
            "Email Marketing",
        ),
        traps=("HubSpot",),
    ),
    Person(
        key="teacher_gdocs",
        profession="teaching",
        layout="gdocs_docx",
        name="Laura Whitfield",
        headline="Elementary School Teacher",
        email="laura.whitfield@example.com",
        phone="(503) 555-0116",
        location="Portland, OR",
        summary="Third-grade teacher who builds calm, curious classrooms.",
        jobs=(
            Job(
                "Third Grade Teacher",
                "Sunnyside Elementary School",
                "Portland, OR",
                "Aug 2018",
                "Present",
                (
                    "Wrote lesson plans with differentiated instruction for 28 students",
                    "Raised reading scores by 15% through guided reading groups",
                ),
            ),
            Job(
                "Student Teacher",
                "Lincoln Elementary",
                "Salem, OR",
                "Jan 2018",
                "Jun 2018",
                ("Co-taught math and science units",),
            ),
        ),
        education=(
            Degree(
                "Master of Arts in Teaching",
                None,
                "Lewis & Clark College",
                "Portland, OR",
                "2017",
                "2018",
            ),
            Degree("B.A.", "Psychology", "University of Oregon", "Eugene, OR", "2013", "2017"),
        ),
        skills=(
            (
                "Skills",
                "Lesson planning, classroom management, differentiated instruction, "
                "IEPs, Google Classroom, parent-teacher conferences",
            ),
        ),
        certifications=("Oregon Teaching License, 2018",),
        stated=(
            "Lesson Planning",
            "Classroom Management",
            "Differentiated Instruction",
            "Individualized Education Programs",
            "Google Classroom",
            "Parent Communication",
            "Literacy Instruction",
            "Teaching License",
            "Teaching",
        ),
        extra={"degree_label": "Master of Arts", "field_label": "Teaching"},
    ),
    Person(
        key="hospitality_sidebar",
        profession="hospitality",
        layout="sidebar",
        name="Sofia Russo",
        headline="Front Office Manager",
        email="sofia.russo@example.com",
        phone="(702) 555-0131",
        location="Las Vegas, NV",
        summary="Hotel front office manager focused on guest satisfaction.",
        jobs=(
            Job(
                "Front Office Manager",
                "Bellagio Resort",
                "Las Vegas, NV",
                "Oct 2019",
                "Present",
                (
                    "Ran front desk operations for 3,900 rooms with Opera PMS",
                    "Trained 30 agents in guest services and upselling",
                ),
            ),
            Job(
                "Guest Services Agent",
                "Hilton Garden Inn",
                "Henderson, NV",
                "May 2016",
                "Sep 2019",
                ("Handled reservations, check-in and check-out and cash handling",),
            ),
        ),
        education=(
            Degree(
                "B.S.",
                "Hospitality Management",
                "University of Nevada, Las Vegas",
                "Las Vegas, NV",
                "2012",
                "2016",
            ),
        ),
        skills=(
            (
                "Skills",
                "Guest services, front desk operations, Opera PMS, reservations, "
                "revenue management, upselling",
            ),
        ),
        stated=(
            "Guest Services",
            "Front Desk Operations",
            "Opera PMS",
            "Reservations",
            "Revenue Management",
            "Upselling",
            "Point of Sale",
            "Hotel Management",
            "Reception",
        ),
        extra={"institution_label": "University of Nevada, Las Vegas"},
    ),
    Person(
        key="chef_text",
        profession="hospitality",
        layout="text",
        name="Andre Baptiste",
        headline="Sous Chef",
        email="andre.baptiste@example.com",
        phone="(504) 555-0172",
        location="New Orleans, LA",
        summary="Sous chef in high-volume Creole kitchens.",
        jobs=(
            Job(
                "Sous Chef",
                "Commander's Table Restaurant",
                "New Orleans, LA",
                "2020",
                "Present",
                (
                    "Ran the line for 300 covers a night and led menu planning",
                    "Kept HACCP logs and food safety standards",
                ),
            ),
            Job(
                "Line Cook",
                "Magazine Street Bistro",
                "New Orleans, LA",
                "2016",
                "2020",
                ("Handled food preparation for the grill and sauté stations",),
            ),
        ),
        education=(
            Degree(
                "Associate Degree",
                "Culinary Arts",
                "Delgado Community College",
                "New Orleans, LA",
                "2014",
                "2016",
            ),
        ),
        skills=(
            (
                "Skills",
                "Menu planning, food safety, kitchen management, food preparation, banquets",
            ),
        ),
        certifications=("ServSafe Manager, National Restaurant Association, 2023",),
        stated=(
            "Menu Planning",
            "Food Safety",
            "Kitchen Management",
            "Food Preparation",
            "Banquet Operations",
            "HACCP",
            "ServSafe",
            "Culinary Arts",
        ),
    ),
    Person(
        key="designer_awesomecv",
        profession="design",
        layout="awesome_cv",
        name="Yuki Tanaka",
        headline="Product Designer",
        email="yuki.tanaka@example.com",
        phone="(415) 555-0168",
        location="Oakland, CA",
        summary="Product designer turning research into simple interfaces.",
        jobs=(
            Job(
                "Product Designer",
                "Airbnb",
                "San Francisco, CA",
                "Jan 2021",
                "Present",
                (
                    "Ran user research and usability testing for host onboarding",
                    "Built wireframes and prototypes in Figma and grew the design system",
                ),
            ),
            Job(
                "Graphic Designer",
                "Canva",
                "Sydney, Australia",
                "Feb 2018",
                "Dec 2020",
                ("Designed brand identity and print layouts in Adobe Illustrator and InDesign",),
            ),
        ),
        education=(
            Degree(
                "BFA",
                "Graphic Design",
                "California College of the Arts",
                "Oakland, CA",
                "2013",
                "2017",
            ),
        ),
        skills=(
            ("Design", "User research, wireframing, prototyping, typography, design systems"),
            ("Tools", "Figma, Adobe Illustrator, Adobe InDesign, Adobe Photoshop"),
        ),
        stated=(
            "User Research",
            "Wireframing",
            "Prototyping",
            "Typography",
            "Design Systems",
            "Figma",
            "Adobe Illustrator",
            "Adobe InDesign",
            "Adobe Photoshop",
            "Usability Testing",
            "Brand Identity",
            "Graphic Design",
        ),
        traps=("Canva",),
    ),
    Person(
        key="electrician_word",
        profession="trades",
        layout="word_docx",
        name="Dale Kowalski",
        headline="Journeyman Electrician",
        email="dale.kowalski@example.com",
        phone="(414) 555-0145",
        location="Milwaukee, WI",
        summary="Licensed journeyman electrician in commercial construction.",
        jobs=(
            Job(
                "Journeyman Electrician",
                "Great Lakes Electric, Inc.",
                "Milwaukee, WI",
                "Apr 2018",
                "Present",
                (
                    "Installed commercial wiring and conduit to NEC code",
                    "Read blueprints and led panel upgrades on 12 sites",
                ),
            ),
            Job(
                "Electrical Apprentice",
                "Badger Electrical Contractors",
                "Madison, WI",
                "Jun 2014",
                "Mar 2018",
                ("Completed a four-year registered apprenticeship",),
            ),
        ),
        education=(
            Degree(
                "Associate of Applied Science",
                "Electrical Technology",
                "Milwaukee Area Technical College",
                "Milwaukee, WI",
                "2012",
                "2014",
            ),
        ),
        skills=(
            (
                "Skills",
                "Conduit bending, blueprint reading, electrical troubleshooting, "
                "OSHA 30, lockout/tagout, power tools",
            ),
        ),
        certifications=("Journeyman Electrician License, State of Wisconsin, 2018",),
        stated=(
            "Conduit Bending",
            "Blueprint Reading",
            "Electrical Troubleshooting",
            "OSHA",
            "Lockout/Tagout",
            "Power Tools",
            "Electrical Wiring",
            "National Electrical Code",
            "Circuit Installation",
            "Apprenticeship",
            "Journeyman Electrician License",
        ),
    ),
    Person(
        key="student_sidebar",
        profession="student",
        layout="sidebar",
        name="Amara Nwosu",
        headline="Business Student",
        email="amara.nwosu@example.edu",
        phone="(919) 555-0103",
        location="Durham, NC",
        summary="Business student seeking a marketing internship.",
        jobs=(
            Job(
                "Marketing Intern",
                "Burt's Bees",
                "Durham, NC",
                "Jun 2024",
                "Aug 2024",
                ("Planned social media content and tracked campaigns in Google Analytics",),
            ),
            Job(
                "Barista",
                "Cocoa Cinnamon",
                "Durham, NC",
                "Sep 2022",
                "May 2024",
                ("Served 200 guests a day and handled the POS",),
            ),
        ),
        education=(
            Degree(
                "Bachelor of Science",
                "Business Administration",
                "University of North Carolina",
                "Chapel Hill, NC",
                "2022",
                "2026",
            ),
        ),
        skills=(
            ("Skills", "Social media marketing, market research, Canva, Excel, customer service"),
        ),
        stated=(
            "Social Media Marketing",
            "Market Research",
            "Canva",
            "Excel",
            "Customer Service",
            "Google Analytics",
            "Point of Sale",
            "Barista",
        ),
    ),
    Person(
        key="medical_assistant_two_column",
        profession="nursing",
        layout="two_column",
        name="Grace Oyelaran",
        credentials="CMA",
        headline="Certified Medical Assistant",
        email="grace.oyelaran@example.com",
        phone="(713) 555-0199",
        location="Houston, TX",
        summary="Medical assistant in busy primary care clinics.",
        jobs=(
            Job(
                "Medical Assistant",
                "Memorial Hermann Medical Group",
                "Houston, TX",
                "Feb 2020",
                "Present",
                (
                    "Took vital signs, performed phlebotomy and EKGs for 30 patients a day",
                    "Scheduled appointments and updated records in athenahealth",
                ),
            ),
        ),
        education=(
            Degree(
                "Diploma",
                "Medical Assisting",
                "San Jacinto College",
                "Pasadena, TX",
                "2018",
                "2019",
            ),
        ),
        skills=(
            ("Clinical", "Vital signs, phlebotomy, EKG, specimen collection, medical terminology"),
            ("Office", "Appointment scheduling, athenahealth, HIPAA"),
        ),
        certifications=("Certified Medical Assistant (CMA), AAMA, 2019", "BLS, 2024"),
        stated=(
            "Vital Signs",
            "Phlebotomy",
            "Electrocardiography",
            "Specimen Collection",
            "Medical Terminology",
            "Scheduling",
            "athenahealth",
            "HIPAA",
            "Certified Medical Assistant",
            "Basic Life Support",
        ),
    ),
)

PEOPLE = SOFTWARE + MORE_SOFTWARE + OTHER_PROFESSIONS
