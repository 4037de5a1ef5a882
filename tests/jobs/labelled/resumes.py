"""Five resumes of the labelled set, as the text a candidate uploads.

Every job has an end date (no "Present"), so the years of experience, and with them the
expected ranking, do not drift with the calendar.
"""

BACKEND_PYTHON = """Jane Doe
jane.doe@example.com | +44 20 7946 0958 | London, UK
github.com/janedoe

Summary
Backend engineer with six years of experience building Python web services and APIs.
She designs Django services and runs them on AWS.

Experience
Senior Backend Engineer at Ledgerly
Jan 2022 - Dec 2024
- Led the design of a Django REST API serving 3 million requests a day
- Moved 12 services to Docker and AWS ECS, cutting hosting costs by 30%
- Tuned PostgreSQL queries, halving p95 latency of the payments API

Backend Engineer at Brightside Labs
Jan 2019 - Dec 2021
- Built Celery pipelines in Python processing 5M events a day with Redis
- Wrote integration tests with pytest; coverage up from 40% to 85%

Education
BSc Computer Science, University of Leeds, 2014 - 2018

Skills
Python, Django, Django REST Framework, PostgreSQL, Redis, Celery, Docker, AWS, pytest, Git
"""

FRONTEND_REACT = """Lena Fischer
lena.fischer@example.com | +49 30 1234567 | Berlin, Germany

Summary
Frontend developer with three years of experience building React applications for
e-commerce. She cares about accessible, fast user interfaces.

Experience
Frontend Developer at Shopwerk
Feb 2022 - Dec 2023
- Built the checkout in React and TypeScript, lifting conversion by 8%
- Introduced Redux Toolkit and cut state bugs reported by 40%
- Wrote unit tests with Jest and React Testing Library for 120 components

Junior Web Developer at Pixelhaus
Jan 2021 - Jan 2022
- Built responsive pages in HTML, CSS and JavaScript for 15 client sites

Education
BSc Media Informatics, TU Berlin, 2017 - 2020

Skills
JavaScript, TypeScript, React, Redux, HTML, CSS, Jest, Webpack, Git
"""

DATA_SCIENTIST = """Priya Raman
priya.raman@example.com | +1 212 555 0147 | New York, NY

Summary
Data scientist with four years of experience in forecasting and customer analytics.
She builds machine learning models in Python and explains them to business teams.

Experience
Data Scientist at Northstar Retail
Mar 2021 - Feb 2024
- Built demand forecasting models with scikit-learn and pandas, cutting stock-outs by 12%
- Trained churn models in TensorFlow on 20M customer records
- Wrote SQL pipelines feeding weekly dashboards in Tableau

Data Analyst at Crestline Insurance
Mar 2020 - Feb 2021
- Ran A/B tests and statistical analysis for pricing experiments

Education
MSc Statistics, Columbia University, 2018 - 2020

Skills
Python, pandas, NumPy, scikit-learn, TensorFlow, SQL, Statistics, Machine Learning, Tableau
"""

JUNIOR_GRADUATE = """Tom Baker
tom.baker@example.com | +44 161 496 0000 | Manchester, UK

Summary
Computer science graduate looking for a first role as a software developer. He enjoys
Java and Python and learns quickly.

Education
BSc Computer Science, University of Manchester, 2021 - 2024
- Final year project: a Java Spring Boot app for booking study rooms

Projects
- Built a Python command-line budget tracker with SQLite
- Contributed bug fixes to an open-source JavaScript library on GitHub

Skills
Java, Python, SQL, Git, HTML, JavaScript
"""

NURSE = """Mary Okafor
mary.okafor@example.com | +44 113 496 0000 | Leeds, UK

Summary
Registered nurse with seven years of experience on busy surgical and medical wards.
She delivers compassionate patient care and works well under pressure.

Experience
Senior Staff Nurse at Leeds General Infirmary
Apr 2020 - Aug 2024
- Led a team of 8 nurses on a 30-bed surgical ward
- Administered medication and monitored patients after surgery
- Trained new nurses in infection control and patient safety

Staff Nurse at St James's Hospital
Sep 2017 - Mar 2020
- Cared for patients on an acute medical ward, including end-of-life care
- Communicated with families and doctors to plan discharges

Education
BSc Nursing, University of Leeds, 2014 - 2017

Skills
Patient care, Communication, Empathy, Teamwork, Attention to Detail, Working under pressure
"""

RESUMES = {
    "backend": BACKEND_PYTHON,
    "frontend": FRONTEND_REACT,
    "data": DATA_SCIENTIST,
    "junior": JUNIOR_GRADUATE,
    "nurse": NURSE,
}
