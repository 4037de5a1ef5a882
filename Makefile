# Hirewise: `make run` sets everything up and serves; `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format bench fuzz faults worker beat embeddings ocr install migrate demo constraints clean

$(VENV)/.installed: requirements.txt requirements-dev.txt constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt -c constraints.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py seed_demo_resumes
	$(BIN)/python manage.py seed_demo_jobs
	$(BIN)/python manage.py seed_demo_questions

run: demo
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Hirewise is starting on http://$(HOST):$(PORT)/  (API docs: /docs)"
	$(BIN)/uvicorn config.asgi:application --host $(HOST) --port $(PORT) --lifespan off \
		--ws-per-message-deflate false

# axe-core for the browser tests' accessibility audit (tests/e2e/audit.py), from the lock file.
AXE := tests/e2e/node_modules/axe-core/axe.min.js
$(AXE): tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund --loglevel error
	touch $@

test: install $(AXE)
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: install
	$(BIN)/python bench/api.py
	$(BIN)/python bench/resumes.py
	$(BIN)/python bench/jobs.py
	$(BIN)/python bench/ats.py
	$(BIN)/python bench/sockets.py --layers memory

# The OpenAPI contract under generated input: schemathesis, every check on every operation,
# as the demo candidate and the demo recruiter, on a throwaway server (bench/fuzz.py).
FUZZ_ARGS ?=
fuzz: install
	$(BIN)/python bench/fuzz.py $(FUZZ_ARGS)

# The background-job fault drill: needs redis-server and PostgreSQL (see bench/README.md).
faults: install
	$(BIN)/python bench/faults.py

# Optional: sentence embeddings for similarity (PyTorch CPU; about 1 GB installed).
embeddings: install
	$(BIN)/pip install --quiet -r requirements-embeddings.txt -c constraints.txt

# Optional: OCR for scanned PDFs without tesseract (RapidOCR, models inside the wheel).
ocr: install
	$(BIN)/pip install --quiet -r requirements-ocr.txt -c constraints.txt

worker: install
	$(BIN)/celery -A config worker --loglevel INFO

# Scale-out only: one beat process schedules the periodic tasks (closing expired jobs).
beat: install
	$(BIN)/celery -A config beat --loglevel INFO --schedule $(VENV)/celerybeat-schedule

constraints: install
	@{ echo "# Every package version, transitive ones included, as tested. Installs use -c constraints.txt;"; \
	   echo "# regenerate with 'make constraints' after changing requirements*.txt."; \
	   $(BIN)/pip freeze --exclude-editable | sort; } > constraints.txt

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
