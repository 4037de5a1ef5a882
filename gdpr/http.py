from django.http import HttpResponse
from django.utils.http import content_disposition_header

ZIP = "application/zip"


def zip_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=ZIP)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
