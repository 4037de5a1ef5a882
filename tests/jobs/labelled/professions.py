"""The labelled matching set outside software: six resumes (nursing, accounting, office,
legal, kitchen, electrical), twenty-four postings, and the ranking a person expects.

Every job in the resumes has an end date, so the expected ranking does not drift with the
calendar. Postings are built like those of `postings.py`: skills read from the description.
"""

from tests.jobs.labelled.postings import Posting

ICU_NURSE = """Dana Whitaker, RN, BSN
dana.whitaker@example.com | (312) 555-0150 | Chicago, IL

Summary
Critical care nurse with six years in intensive care and telemetry units.

Experience
Registered Nurse, Medical ICU at Rush University Medical Center
Jan 2021 - Dec 2024
- Cared for ventilated patients; managed IV therapy and titrated drips
- Performed patient assessments and documented care in Epic
Staff Nurse, Telemetry at Advocate Illinois Masonic
Jun 2018 - Dec 2020
- Monitored telemetry for 5 patients per shift and gave medication administration

Education
Bachelor of Science in Nursing, Loyola University Chicago, 2014 - 2018

Certifications
BLS, American Heart Association
ACLS, American Heart Association

Skills
Patient assessment, IV therapy, telemetry, critical care, medication administration, Epic,
wound care, ventilator management
"""

ACCOUNTANT = """Marcus Lee, CPA
marcus.lee@example.com | (614) 555-0124 | Columbus, OH

Summary
Staff accountant with five years in corporate accounting.

Experience
Staff Accountant at Buckeye Freight Inc.
Feb 2020 - Nov 2024
- Ran month-end close, journal entries and account reconciliations
- Prepared financial statements under GAAP
Accounts Payable Clerk at Scioto Supply Co.
Jun 2019 - Jan 2020
- Processed vendor invoices in QuickBooks

Education
B.S. Accounting, Ohio State University, 2015 - 2019

Skills
General ledger, month-end close, account reconciliation, GAAP, accounts payable, QuickBooks,
Excel, variance analysis
"""

OFFICE_ADMIN = """Tanya Brooks
tanya.brooks@example.com | (404) 555-0181 | Atlanta, GA

Summary
Administrative assistant who keeps busy offices organised.

Experience
Administrative Assistant at Piedmont Realty Group
Mar 2019 - Oct 2024
- Managed calendar management and scheduling for four agents
- Handled data entry, filing systems and travel arrangements
Receptionist at Buckhead Dental
Jan 2017 - Feb 2019
- Greeted visitors and answered a multi-line phone system

Education
Associate of Arts, Georgia Perimeter College, 2014 - 2016

Skills
Microsoft Office, Outlook, data entry, scheduling, calendar management, records management,
typing (70 WPM), customer service
"""

PARALEGAL = """Luis Ortega
luis.ortega@example.com | (602) 555-0117 | Phoenix, AZ

Summary
Litigation paralegal with six years in civil litigation.

Experience
Litigation Paralegal at Saguaro Legal Group, PLLC
Aug 2019 - Sep 2024
- Drafted pleadings and discovery responses; ran document review in Relativity
- Performed legal research on Westlaw and managed e-filing
Legal Assistant at Camelback Law Offices
May 2017 - Jul 2019
- Maintained case files and calendared deadlines in Clio

Education
Associate of Applied Science in Paralegal Studies, Phoenix College, 2015 - 2017

Skills
Litigation, legal research, legal drafting, discovery, Westlaw, Relativity, Clio,
e-filing
"""

CHEF = """Renee Dupuis
renee.dupuis@example.com | (504) 555-0163 | New Orleans, LA

Summary
Sous chef running high-volume kitchens.

Experience
Sous Chef at Bayou Table
Mar 2020 - Oct 2024
- Led menu planning and kitchen management for 250 covers a night
- Kept food safety and HACCP records
Line Cook at Frenchmen Street Grill
Jan 2016 - Feb 2020
- Handled food preparation on the grill station

Education
Associate Degree in Culinary Arts, Delgado Community College, 2014 - 2016

Certifications
ServSafe Manager, 2023

Skills
Menu planning, food preparation, kitchen management, food safety, HACCP, banquets,
inventory management
"""

ELECTRICIAN = """Gary Novak
gary.novak@example.com | (414) 555-0109 | Milwaukee, WI

Summary
Journeyman electrician in commercial construction.

Experience
Journeyman Electrician at Lakeshore Electric Inc.
Apr 2018 - Nov 2024
- Installed commercial wiring and conduit to NEC code
- Read blueprints and upgraded panels
Electrical Apprentice at Brew City Electrical
Jun 2014 - Mar 2018
- Completed a registered apprenticeship

Skills
Conduit bending, blueprint reading, electrical troubleshooting, OSHA 30, lockout/tagout,
power tools, National Electrical Code
"""

RESUMES = {
    "icu_nurse": ICU_NURSE,
    "accountant": ACCOUNTANT,
    "office_admin": OFFICE_ADMIN,
    "paralegal": PARALEGAL,
    "chef": CHEF,
    "electrician": ELECTRICIAN,
}


def _posting(key, title, company, location, level, duties, required, preferred=(), mode="onsite"):
    about = f"{company} is hiring."
    return Posting(key, title, company, location, mode, level, about, duties, required, preferred)


# fmt: off
POSTINGS = (
    # Nursing
    _posting(
        "icu_rn_chicago",
        "ICU Registered Nurse",
        "Lakeview Medical Center",
        "Chicago, IL",
        "senior",
        ("Care for critically ill adults in the ICU.",),
        ("Critical Care", "Patient Assessment", "IV Therapy", "Telemetry", "ACLS"),
        ("Ventilator Management", "Epic"),
    ),
    _posting(
        "telemetry_rn_chicago",
        "Telemetry Nurse",
        "North Shore Hospital",
        "Chicago, IL",
        "mid",
        ("Monitor cardiac patients on a telemetry unit.",),
        ("Telemetry", "Patient Assessment", "Medication Administration", "BLS"),
    ),
    _posting(
        "med_surg_rn_milwaukee",
        "Med-Surg Nurse",
        "Lakefront Health",
        "Milwaukee, WI",
        "mid",
        ("Care for adult patients after surgery.",),
        (
            "Medical-Surgical Nursing",
            "Wound Care",
            "Patient Assessment",
            "Patient Education",
            "Discharge Planning",
        ),
    ),
    _posting(
        "pediatric_rn_houston",
        "Pediatric Nurse",
        "Bayou Children's Hospital",
        "Houston, TX",
        "mid",
        ("Care for children and their families.",),
        ("Pediatrics", "PALS", "Patient Education", "Family Engagement"),
    ),
    # Accounting
    _posting(
        "staff_accountant_columbus",
        "Staff Accountant",
        "Olentangy Foods",
        "Columbus, OH",
        "mid",
        ("Own the monthly close for two entities.",),
        ("Month-End Close", "Account Reconciliation", "Journal Entries", "GAAP", "General Ledger"),
        ("QuickBooks",),
    ),
    _posting(
        "senior_accountant_cleveland",
        "Senior Accountant",
        "Cuyahoga Steel",
        "Cleveland, OH",
        "senior",
        ("Lead the close and the audit.",),
        ("Month-End Close", "Account Reconciliation", "GAAP", "Auditing", "Financial Reporting"),
    ),
    _posting(
        "ap_specialist_columbus",
        "Accounts Payable Specialist",
        "Short North Retail",
        "Columbus, OH",
        "entry",
        ("Pay 600 vendor invoices a month.",),
        ("Accounts Payable", "QuickBooks", "Excel", "Invoicing"),
    ),
    _posting(
        "tax_associate_dallas",
        "Tax Associate",
        "Trinity Tax Partners",
        "Dallas, TX",
        "entry",
        ("Prepare individual and business tax returns.",),
        ("Tax Preparation", "CPA", "Excel"),
    ),
    # Office and administration
    _posting(
        "admin_assistant_atlanta",
        "Administrative Assistant",
        "Midtown Property Co.",
        "Atlanta, GA",
        "mid",
        ("Support a team of property managers.",),
        (
            "Calendar Management",
            "Scheduling",
            "Data Entry",
            "Microsoft Office",
            "Records Management",
        ),
    ),
    _posting(
        "receptionist_atlanta",
        "Front Desk Receptionist",
        "Peachtree Dental Care",
        "Atlanta, GA",
        "entry",
        ("Greet patients and answer phones.",),
        ("Phone Etiquette", "Scheduling", "Customer Service", "Data Entry"),
    ),
    _posting(
        "office_manager_charlotte",
        "Office Manager",
        "Queen City Architects",
        "Charlotte, NC",
        "senior",
        ("Run the office and its suppliers.",),
        ("Office Management", "Vendor Management", "Microsoft Office", "Onboarding", "Budgeting"),
    ),
    _posting(
        "data_entry_remote",
        "Data Entry Clerk",
        "Ledgerlink",
        "Remote",
        "entry",
        ("Key in invoices and records.",),
        ("Data Entry", "Typing", "10-Key"),
        mode="remote",
    ),
    # Legal
    _posting(
        "litigation_paralegal_phoenix",
        "Litigation Paralegal",
        "Copper State Law LLP",
        "Phoenix, AZ",
        "mid",
        ("Support trial teams in civil litigation.",),
        ("Litigation", "Legal Research", "Discovery", "Westlaw", "Legal Drafting"),
        ("Relativity",),
    ),
    _posting(
        "legal_assistant_tucson",
        "Legal Assistant",
        "Sonoran Legal",
        "Tucson, AZ",
        "mid",
        ("Keep case files and deadlines in order.",),
        ("Legal Drafting", "Clio", "PACER", "Legal Research"),
    ),
    _posting(
        "corporate_paralegal_denver",
        "Corporate Paralegal",
        "Front Range Partners",
        "Denver, CO",
        "senior",
        ("Support M&A closings.",),
        ("Corporate Law", "Contract Management", "Due Diligence Review", "Legal Research"),
    ),
    _posting(
        "associate_attorney_phoenix",
        "Associate Attorney",
        "Desert Bar Group",
        "Phoenix, AZ",
        "senior",
        ("Represent clients in court.",),
        ("Litigation", "Bar Admission", "Depositions", "Trial Preparation"),
    ),
    # Kitchens
    _posting(
        "sous_chef_new_orleans",
        "Sous Chef",
        "Magnolia Kitchen",
        "New Orleans, LA",
        "senior",
        ("Run the line and plan menus.",),
        ("Menu Planning", "Kitchen Management", "Food Safety", "Food Preparation"),
        ("HACCP", "ServSafe"),
    ),
    _posting(
        "line_cook_new_orleans",
        "Line Cook",
        "Crescent Oyster Bar",
        "New Orleans, LA",
        "entry",
        ("Cook on the grill and sauté stations.",),
        ("Food Preparation", "Food Safety", "ServSafe"),
    ),
    _posting(
        "banquet_chef_biloxi",
        "Banquet Chef",
        "Gulf Coast Resort",
        "Biloxi, MS",
        "senior",
        ("Cook for weddings and conferences.",),
        ("Banquet Operations", "Menu Planning", "Food Safety", "Inventory Management", "Catering"),
    ),
    _posting(
        "barista_portland",
        "Barista",
        "Rose City Coffee",
        "Portland, OR",
        "entry",
        ("Make espresso drinks.",),
        ("Barista", "Customer Service", "Point of Sale"),
    ),
    # Electrical
    _posting(
        "journeyman_milwaukee",
        "Journeyman Electrician",
        "Cream City Electric",
        "Milwaukee, WI",
        "senior",
        ("Wire commercial buildings.",),
        (
            "Electrical Wiring",
            "Conduit Bending",
            "Blueprint Reading",
            "National Electrical Code",
            "OSHA",
        ),
        ("Lockout/Tagout",),
    ),
    _posting(
        "maintenance_electrician_madison",
        "Maintenance Electrician",
        "Capitol Foods",
        "Madison, WI",
        "mid",
        ("Keep production lines running.",),
        (
            "Electrical Troubleshooting",
            "Preventive Maintenance",
            "Lockout/Tagout",
            "Blueprint Reading",
        ),
    ),
    _posting(
        "solar_installer_phoenix",
        "Solar Installer",
        "Sunbelt Solar",
        "Phoenix, AZ",
        "entry",
        ("Install rooftop solar.",),
        ("Solar Installation", "Electrical Wiring", "Power Tools", "OSHA"),
    ),
    _posting(
        "hvac_technician_chicago",
        "HVAC Technician",
        "Windy City Air",
        "Chicago, IL",
        "mid",
        ("Service heating and cooling systems.",),
        ("HVAC", "Refrigeration", "Electrical Troubleshooting"),
    ),
)

# fmt: on

# Per resume: the three best postings, in order.
EXPECTED_TOP = {
    "icu_nurse": ("icu_rn_chicago", "telemetry_rn_chicago", "med_surg_rn_milwaukee"),
    "accountant": (
        "staff_accountant_columbus",
        "senior_accountant_cleveland",
        "ap_specialist_columbus",
    ),
    "office_admin": ("admin_assistant_atlanta", "receptionist_atlanta", "data_entry_remote"),
    "paralegal": (
        "litigation_paralegal_phoenix",
        "legal_assistant_tucson",
        "associate_attorney_phoenix",
    ),
    # A sous chef looks to a senior banquet role before a step down to the line.
    "chef": ("sous_chef_new_orleans", "banquet_chef_biloxi", "line_cook_new_orleans"),
    "electrician": (
        "journeyman_milwaukee",
        "maintenance_electrician_madison",
        "solar_installer_phoenix",
    ),
}
# Per resume: postings of another field, which must rank in the bottom half. As in
# `postings.py`, postings sharing no skill and no wording with a resume all score about 0 and
# keep their id order; one of them may rank above the middle only while scoring at most
# NOISE_SCORE.
UNSUITABLE = {
    "icu_nurse": ("tax_associate_dallas", "litigation_paralegal_phoenix", "barista_portland"),
    "accountant": ("icu_rn_chicago", "sous_chef_new_orleans", "journeyman_milwaukee"),
    "office_admin": ("icu_rn_chicago", "journeyman_milwaukee", "corporate_paralegal_denver"),
    "paralegal": ("telemetry_rn_chicago", "line_cook_new_orleans", "hvac_technician_chicago"),
    "chef": ("senior_accountant_cleveland", "litigation_paralegal_phoenix", "icu_rn_chicago"),
    "electrician": ("admin_assistant_atlanta", "pediatric_rn_houston", "tax_associate_dallas"),
}
