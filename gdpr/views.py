"""Privacy pages: thin views over the gdpr services, signed in with a session."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def privacy_centre_view(request):
    return render(request, "gdpr/privacy_centre.html")
