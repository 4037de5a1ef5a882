"""What the assistant says about using Hirewise: the same for every user."""

from functools import partial

from interviews.chat.entry import Entry

help_entry = partial(Entry, answer_matches=False)

HELP = (
    help_entry(
        "What can you do?",
        "I answer questions about your resume, your latest resume analysis, your saved jobs "
        "and your applications, and about using Hirewise. Try: which skills do I have, what "
        "was my last job, how can I improve my resume, or what is the status of my "
        "applications.",
        ("hello", "hi there", "help", "what can I ask you", "who are you"),
    ),
    help_entry(
        "How do I upload a resume?",
        "Open Resumes in the menu and upload a PDF, Word or plain-text file. Hirewise reads "
        "it, shows the details it found, and keeps the file and its text encrypted.",
        ("how can I add my CV", "upload my resume", "where do I put my resume", "add a resume"),
    ),
    help_entry(
        "How do I analyse my resume?",
        "Open a resume on the Resumes page and choose Analyse, optionally against a job. The "
        "analysis scores it for applicant tracking systems, lists strengths and weaknesses, "
        "and suggests improvements; progress shows live while it runs.",
        ("how do I get my resume scored", "run an analysis", "check my resume", "review my CV"),
    ),
    help_entry(
        "How do I apply for a job?",
        "Find the job on the Jobs board, open it and choose Apply. You can send one of your "
        "resumes; the recruiter then moves your application through their stages and you "
        "can follow it in your portal.",
        ("apply to a job", "send an application", "how do applications work"),
    ),
    help_entry(
        "How do I save a job?",
        "Open a job on the Jobs board and choose Save. Saved jobs appear under Saved jobs in "
        "the menu, where you can remove them again.",
        ("bookmark a job", "keep a job for later", "where are my saved jobs"),
    ),
    help_entry(
        "How do I find jobs that match me?",
        "Open Matches in the menu: Hirewise ranks open jobs by how well they fit one of your "
        "resumes and shows the skills you share and the ones you lack.",
        ("job recommendations", "which jobs fit me", "job matching", "find matching jobs"),
    ),
    help_entry(
        "How can I practise for interviews?",
        "Open Practice in the menu to answer expert-reviewed interview questions for a role. "
        "Each answer is scored with feedback on what it covered and what it missed.",
        ("interview practice", "prepare for an interview", "mock interview", "practice questions"),
    ),
    help_entry(
        "How do I get interview questions about my resume?",
        "Open Question library in the menu: after an analysis, it writes interview questions "
        "about your own resume with suggested answers drawn from it, and you can save them.",
        ("question library", "personal interview questions", "questions about my resume"),
    ),
    help_entry(
        "How do I write a cover letter?",
        "Open Resumes and choose Cover letters: Hirewise drafts a letter for a job from your "
        "resume's own facts, and you can edit it before sending.",
        ("cover letter", "generate a cover letter", "motivation letter"),
    ),
    help_entry(
        "How is my data protected?",
        "Your resume text, its parsed details and your answers are encrypted at rest, and the "
        "assistant never sends your name, email or phone number to an outside model. Under "
        "the GDPR you may ask for a copy of everything "
        "held about you, or for its erasure.",
        ("privacy", "is my data safe", "delete my data", "export my data", "GDPR"),
    ),
)
