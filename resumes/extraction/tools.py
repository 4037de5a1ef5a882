"""External programs (tesseract, antiword, LibreOffice): where they are and how to run them."""

import shutil
import subprocess

from django.conf import settings

from resumes.errors import UnreadableFile


def find_tool(key: str, *commands: str) -> str | None:
    """The executable for `settings.EXTERNAL_TOOLS[key]`, else the first of `commands` on PATH.

    A configured tool that does not exist counts as missing rather than falling back to PATH,
    so a deployment gets exactly what it configured.
    """
    configured = settings.EXTERNAL_TOOLS.get(key) or ""
    if configured:
        return shutil.which(configured)
    for command in commands:
        found = shutil.which(command)
        if found:
            return found
    return None


def run_tool(args: list[str], *, stdin: bytes | None = None, timeout: float) -> bytes:
    """Run a reader and return its standard output; failures become UnreadableFile."""
    try:
        completed = subprocess.run(  # noqa: S603 (args come from settings/PATH, no shell)
            args, input=stdin, capture_output=True, timeout=timeout, check=True
        )
    except subprocess.TimeoutExpired as error:
        raise UnreadableFile("Reading the file took too long and was stopped.") from error
    except (subprocess.CalledProcessError, OSError) as error:
        raise UnreadableFile("The file could not be read by the server's reader.") from error
    return completed.stdout
