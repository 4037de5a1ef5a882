"""PostgreSQL only: full-text search kept up to date by a trigger, and GIN indexes.

The weighted vector ranks title (A) above skills (B) above company and location (C) above
description (D). A trigger rather than application code keeps it right for every write path:
the ORM, bulk imports and raw SQL alike. SQLite skips this; jobs.search has its fallback.
"""

from django.db import migrations

FORWARD = """
CREATE FUNCTION jobs_job_search_vector() RETURNS trigger AS $$
BEGIN
  NEW.search_vector :=
    setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
    setweight(to_tsvector('english', coalesce(
      (SELECT string_agg(value, ' ') FROM jsonb_array_elements_text(
        coalesce(NEW.required_skills, '[]'::jsonb) || coalesce(NEW.preferred_skills, '[]'::jsonb)
      )), '')), 'B') ||
    setweight(to_tsvector('english',
      coalesce(NEW.company, '') || ' ' || coalesce(NEW.location, '')), 'C') ||
    setweight(to_tsvector('english', coalesce(NEW.description, '')), 'D');
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER jobs_job_search_vector_update
  BEFORE INSERT OR UPDATE OF title, required_skills, preferred_skills, company, location,
    description
  ON jobs_job FOR EACH ROW EXECUTE FUNCTION jobs_job_search_vector();

UPDATE jobs_job SET title = title;

CREATE INDEX jobs_search_vector_gin ON jobs_job USING gin (search_vector);
CREATE INDEX jobs_skill_keys_gin ON jobs_job USING gin (skill_keys jsonb_path_ops);
CREATE INDEX jobs_title_lower ON jobs_job (lower(title));
"""

BACKWARD = """
DROP INDEX IF EXISTS jobs_title_lower;
DROP INDEX IF EXISTS jobs_skill_keys_gin;
DROP INDEX IF EXISTS jobs_search_vector_gin;
DROP TRIGGER IF EXISTS jobs_job_search_vector_update ON jobs_job;
DROP FUNCTION IF EXISTS jobs_job_search_vector();
"""


def _on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]

    operations = [migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD))]
