from django.conf import settings


def platform(request):
    """What every page shows: the platform's name and its published complaint channel (Art. 23)."""
    return {
        "PLATFORM_NAME": settings.PLATFORM_NAME,
        "COMPLAINT_PHONE": settings.PLATFORM_COMPLAINT_PHONE,
        "COMPLAINT_EMAIL": settings.PLATFORM_COMPLAINT_EMAIL,
    }
