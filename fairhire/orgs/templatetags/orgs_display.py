from django import template

from fairhire.orgs.selectors import platform_licences

register = template.Library()


@register.inclusion_tag("orgs/_platform_licences.html")
def platform_licences_footer():
    """The platform operator's licences, read fresh on every page (Regulation Art. 13)."""
    return {"licences": list(platform_licences())}
