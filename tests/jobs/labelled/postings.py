"""Thirty-three job postings of the labelled set, and the ranking expected for each resume.

Skills are read from each description by the shared extractor (as for a recruiter's posting):
"Requirements" lines are required, "Nice to have" lines preferred.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Posting:
    key: str
    title: str
    company: str
    location: str
    work_mode: str
    experience_level: str
    about: str
    duties: tuple[str, ...]
    required: tuple[str, ...]
    preferred: tuple[str, ...] = ()
    job_type: str = "full_time"

    @property
    def description(self) -> str:
        lines = [self.title, "", f"About {self.company}: {self.about}", "", "What you will do:"]
        lines += [f"- {duty}" for duty in self.duties]
        lines += ["", "Requirements:", *(f"- {skill}" for skill in self.required)]
        if self.preferred:
            lines += ["", "Nice to have:", *(f"- {skill}" for skill in self.preferred)]
        return "\n".join(lines) + "\n"


POSTINGS = (
    # Backend
    Posting(
        "backend_senior_london",
        "Senior Backend Engineer (Python)",
        "Paylane",
        "London, UK",
        "hybrid",
        "senior",
        "we run payment APIs for 40,000 online shops.",
        (
            "Design and build Django services and APIs for payments.",
            "Tune PostgreSQL and keep the platform fast on AWS.",
        ),
        ("Python", "Django", "PostgreSQL", "AWS", "Docker"),
        ("Kafka", "GraphQL"),
    ),
    Posting(
        "backend_senior_remote",
        "Senior Python Engineer",
        "Cloudcart",
        "Remote",
        "remote",
        "senior",
        "we build the order management backend of 2,000 retailers.",
        (
            "Build Python web services and APIs with Django and Celery.",
            "Own background jobs on Redis and PostgreSQL.",
        ),
        ("Python", "Django", "Celery", "Redis", "PostgreSQL"),
        ("Kubernetes",),
    ),
    Posting(
        "backend_mid_manchester",
        "Backend Developer",
        "Northmill",
        "Manchester, UK",
        "onsite",
        "mid",
        "we write software for logistics companies.",
        (
            "Build web APIs in Python and Django for our routing product.",
            "Write tests with pytest and review code.",
        ),
        ("Python", "Django", "PostgreSQL", "pytest"),
    ),
    Posting(
        "backend_go_berlin",
        "Senior Go Engineer",
        "Streamkit",
        "Berlin, Germany",
        "onsite",
        "senior",
        "we stream live video to millions of viewers.",
        ("Build low-latency services in Go.", "Run them on Kubernetes with gRPC between them."),
        ("Go", "gRPC", "Kubernetes", "PostgreSQL"),
        ("Prometheus",),
    ),
    Posting(
        "backend_java_paris",
        "Java Backend Engineer",
        "Banque Lumiere",
        "Paris, France",
        "onsite",
        "senior",
        "we are a retail bank modernising its core systems.",
        ("Build Spring Boot microservices in Java.", "Integrate with Kafka and Oracle."),
        ("Java", "Spring Boot", "Kafka", "Oracle"),
    ),
    Posting(
        "backend_rails_remote",
        "Ruby on Rails Developer",
        "Craftboard",
        "Remote",
        "remote",
        "mid",
        "we make a marketplace for handmade goods.",
        ("Build features in Ruby on Rails.", "Keep our MySQL database healthy."),
        ("Ruby", "Ruby on Rails", "MySQL"),
        ("Sidekiq",),
    ),
    Posting(
        "backend_dotnet_dublin",
        ".NET Developer",
        "Insurelink",
        "Dublin, Ireland",
        "hybrid",
        "mid",
        "we write claims software for insurers.",
        ("Build ASP.NET Core services in C#.", "Deploy them to Azure."),
        ("C#", "ASP.NET Core", "Azure", "SQL Server"),
    ),
    Posting(
        "platform_lead_remote",
        "Principal Platform Engineer",
        "Orbitly",
        "Remote",
        "remote",
        "lead",
        "we build developer tooling used by 500 engineering teams.",
        (
            "Set the technical direction of our platform.",
            "Run Kubernetes clusters on AWS with Terraform.",
        ),
        ("Kubernetes", "Terraform", "AWS", "Go"),
        ("Python",),
    ),
    # Frontend
    Posting(
        "frontend_mid_berlin",
        "Frontend Engineer (React)",
        "Shopfront",
        "Berlin, Germany",
        "hybrid",
        "mid",
        "we build the storefronts of 3,000 fashion brands.",
        (
            "Build React and TypeScript user interfaces for online shops.",
            "Write tests with Jest and keep pages fast.",
        ),
        ("React", "TypeScript", "JavaScript", "CSS", "HTML"),
        ("Next.js", "GraphQL"),
    ),
    Posting(
        "frontend_react_remote",
        "React Developer",
        "Tasklane",
        "Remote",
        "remote",
        "mid",
        "we make a to-do app for small teams.",
        (
            "Build React components with Redux for our web app.",
            "Write unit tests with Jest.",
        ),
        ("React", "Redux", "JavaScript", "Jest"),
        ("TypeScript",),
    ),
    Posting(
        "frontend_senior_munich",
        "Senior Frontend Engineer",
        "Autohaus Digital",
        "Munich, Germany",
        "onsite",
        "senior",
        "we sell cars online across Europe.",
        ("Lead frontend work on our React and Next.js web shop.", "Mentor other developers."),
        ("React", "TypeScript", "Next.js", "Webpack"),
    ),
    Posting(
        "frontend_angular_london",
        "Angular Developer",
        "Govform",
        "London, UK",
        "onsite",
        "mid",
        "we build online forms for public services.",
        ("Build Angular applications with RxJS.", "Make forms accessible to everyone."),
        ("Angular", "TypeScript", "RxJS"),
    ),
    Posting(
        "frontend_vue_amsterdam",
        "Vue.js Developer",
        "Fietsly",
        "Amsterdam, Netherlands",
        "hybrid",
        "mid",
        "we rent bikes in 20 cities.",
        ("Build our booking app in Vue.js.", "Style it with CSS and Sass."),
        ("Vue.js", "JavaScript", "CSS", "Sass"),
    ),
    Posting(
        "mobile_react_native",
        "Mobile Developer (React Native)",
        "Fitpulse",
        "Remote",
        "remote",
        "mid",
        "we make a fitness app with a million users.",
        ("Build our iOS and Android apps in React Native.", "Ship releases every week."),
        ("React Native", "TypeScript", "iOS", "Android"),
    ),
    Posting(
        "fullstack_berlin",
        "Full Stack Developer",
        "Mietwerk",
        "Berlin, Germany",
        "onsite",
        "mid",
        "we help tenants and landlords sign leases online.",
        ("Build features end to end in React and Node.js.", "Design PostgreSQL schemas."),
        ("React", "Node.js", "TypeScript", "PostgreSQL"),
    ),
    # Data
    Posting(
        "data_scientist_nyc",
        "Data Scientist",
        "Harbor Analytics",
        "New York, NY",
        "hybrid",
        "mid",
        "we forecast demand for grocery chains.",
        (
            "Build forecasting and machine learning models in Python.",
            "Explain results to business teams with clear statistics.",
        ),
        ("Python", "pandas", "scikit-learn", "SQL", "Statistics"),
        ("TensorFlow",),
    ),
    Posting(
        "ml_engineer_remote",
        "Machine Learning Engineer",
        "Sightline",
        "Remote",
        "remote",
        "senior",
        "we build image recognition for factories.",
        (
            "Train machine learning models in Python and PyTorch.",
            "Ship them to production with Docker.",
        ),
        ("Python", "Machine Learning", "PyTorch", "Docker"),
        ("TensorFlow", "MLOps"),
    ),
    Posting(
        "data_analyst_nyc",
        "Data Analyst",
        "Metro Media",
        "New York, NY",
        "onsite",
        "entry",
        "we publish news for 10 million readers.",
        ("Answer questions about readers with SQL.", "Build dashboards in Tableau."),
        ("SQL", "Excel", "Tableau"),
        ("Python",),
    ),
    Posting(
        "data_engineer_remote",
        "Data Engineer",
        "Pipewise",
        "Remote",
        "remote",
        "senior",
        "we move data for 300 software companies.",
        ("Build data pipelines with Spark and Airflow.", "Run them on AWS."),
        ("Spark", "Airflow", "Python", "SQL", "AWS"),
    ),
    Posting(
        "nlp_scientist_boston",
        "Senior Data Scientist, NLP",
        "Lexica Health",
        "Boston, MA",
        "onsite",
        "senior",
        "we read clinical notes with language models.",
        ("Fine-tune transformer models for clinical text.", "Publish and present research."),
        ("Python", "PyTorch", "NLP", "Hugging Face Transformers"),
    ),
    # Entry level
    Posting(
        "graduate_manchester",
        "Graduate Software Engineer",
        "Rainford Systems",
        "Manchester, UK",
        "onsite",
        "entry",
        "we build booking software for leisure centres.",
        (
            "Learn to build Java and Python services with our team.",
            "Learn from senior engineers in a friendly team.",
        ),
        ("Java", "Python", "SQL", "Git"),
    ),
    Posting(
        "junior_remote",
        "Junior Python Developer",
        "Brightpath",
        "Remote (UK)",
        "remote",
        "entry",
        "we make learning apps for schools.",
        ("Fix bugs and build small features in Python and Django.", "Learn from mentors."),
        ("Python", "Django", "SQL", "Git"),
    ),
    Posting(
        "intern_london",
        "Software Engineering Intern",
        "Fintrail",
        "London, UK",
        "hybrid",
        "entry",
        "we build budgeting tools for students.",
        ("Work on Java services for a summer.", "Join the team's planning meetings."),
        ("Java", "Git"),
        ("Agile",),
        job_type="internship",
    ),
    # Healthcare
    Posting(
        "nurse_leeds",
        "Registered Nurse, Surgical Ward",
        "Leeds Royal Hospital",
        "Leeds, UK",
        "onsite",
        "senior",
        "we care for 1.5 million patients every year.",
        (
            "Deliver safe, compassionate patient care on a busy surgical ward.",
            "Administer medication and monitor patients after surgery.",
        ),
        ("Communication", "Empathy", "Teamwork", "Attention to Detail"),
        ("Leadership",),
    ),
    Posting(
        "nurse_york",
        "Staff Nurse, Medical Ward",
        "York Hospital",
        "York, UK",
        "onsite",
        "mid",
        "our hospital serves North Yorkshire.",
        ("Care for patients on an acute medical ward.", "Plan discharges with families."),
        ("Communication", "Empathy", "Working Under Pressure"),
    ),
    Posting(
        "nurse_specialist_london",
        "Clinical Nurse Specialist",
        "St Mary's Clinic",
        "London, UK",
        "onsite",
        "lead",
        "we run specialist outpatient clinics.",
        ("Lead nurse-led clinics for patients.", "Train nurses in patient safety."),
        ("Leadership", "Communication", "Empathy"),
    ),
    # Other fields
    Posting(
        "sales_london",
        "Sales Executive",
        "Officemax Supplies",
        "London, UK",
        "onsite",
        "mid",
        "we sell office supplies to businesses.",
        ("Win new business accounts.", "Negotiate contracts and hit quarterly targets."),
        ("Negotiation", "Salesforce", "Client Relations"),
    ),
    Posting(
        "accountant_leeds",
        "Management Accountant",
        "Airedale Foods",
        "Leeds, UK",
        "onsite",
        "mid",
        "we make sauces sold in 5,000 shops.",
        ("Prepare monthly management accounts.", "Build budgets and forecasts in Excel."),
        ("Excel", "Financial Modeling"),
    ),
    Posting(
        "driver_bristol",
        "Delivery Driver",
        "Swiftdrop",
        "Bristol, UK",
        "onsite",
        "entry",
        "we deliver parcels across the South West.",
        ("Deliver parcels to homes and businesses.", "Load and check the van every morning."),
        ("Time Management", "Customer Service"),
        job_type="part_time",
    ),
    Posting(
        "devops_remote",
        "DevOps Engineer",
        "Deployly",
        "Remote",
        "remote",
        "senior",
        "we host continuous delivery pipelines for 1,000 companies.",
        ("Automate infrastructure with Terraform and Ansible.", "Run Kubernetes on AWS."),
        ("Kubernetes", "Terraform", "Ansible", "AWS", "Jenkins"),
    ),
    Posting(
        "qa_automation_london",
        "QA Automation Engineer",
        "Testwell",
        "London, UK",
        "hybrid",
        "mid",
        "we test software for banks.",
        ("Automate browser tests with Selenium and Cypress.", "Report and track defects."),
        ("Selenium", "Cypress", "JavaScript"),
    ),
    Posting(
        "ux_designer_berlin",
        "UX Designer",
        "Formbau",
        "Berlin, Germany",
        "hybrid",
        "mid",
        "we design banking apps.",
        ("Interview users and run studies.", "Design flows and prototypes in Figma."),
        ("Figma", "UX Design", "Usability Testing"),
    ),
    Posting(
        "chef_manchester",
        "Head Chef",
        "The Copper Pot",
        "Manchester, UK",
        "onsite",
        "lead",
        "we are a busy city-centre restaurant.",
        ("Run the kitchen and plan seasonal menus.", "Train and lead a team of six cooks."),
        ("Leadership", "Time Management"),
    ),
)

# Per resume: the three best postings, in order.
EXPECTED_TOP = {
    "backend": ("backend_senior_remote", "backend_senior_london", "backend_mid_manchester"),
    "frontend": ("frontend_react_remote", "frontend_mid_berlin", "frontend_senior_munich"),
    "data": ("data_scientist_nyc", "data_analyst_nyc", "ml_engineer_remote"),
    "junior": ("graduate_manchester", "junior_remote", "intern_london"),
    "nurse": ("nurse_leeds", "nurse_york", "nurse_specialist_london"),
}
# Per resume: postings plainly wrong for it (another field), which must rank in the bottom
# half. Tolerance: postings sharing no skill and no wording with a resume all score about 0,
# and among those the order is by id; one of them may rank above the middle only while
# scoring at most NOISE_SCORE.
UNSUITABLE = {
    "backend": ("nurse_leeds", "sales_london", "driver_bristol", "ux_designer_berlin"),
    "frontend": ("nurse_york", "accountant_leeds", "driver_bristol", "chef_manchester"),
    "data": ("nurse_leeds", "driver_bristol", "frontend_angular_london", "chef_manchester"),
    "junior": ("nurse_specialist_london", "chef_manchester", "accountant_leeds", "sales_london"),
    "nurse": ("backend_senior_london", "frontend_mid_berlin", "devops_remote", "data_analyst_nyc"),
}
NOISE_SCORE = 3
