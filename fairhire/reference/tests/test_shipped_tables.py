"""The tables a fresh database has from the data migration, and what they resolve."""

import pytest
from django.core.management import call_command

from fairhire.core.models import AuditEvent
from fairhire.reference import selectors
from fairhire.reference.models import (
    TABLES,
    CodeKind,
    CodeTableVersion,
    EducationLevel,
    EmploymentType,
    Industry,
    Occupation,
    Region,
)

pytestmark = pytest.mark.django_db


def level_counts(model):
    return [model.objects.filter(level=level).count() for level in (1, 2, 3, 4)]


def test_regions_hold_34_provincial_units_333_prefectures_and_the_counties_of_2023():
    # 31 mainland provincial units (2023 statistical list) + Taiwan, Hong Kong and Macau, which
    # GB/T 2260 codes at provincial level only; prefecture- and county-level as of 2023-06-30
    # with statistical-only units (development zones) left out.
    assert level_counts(Region) == [34, 333, 2845, 0]
    mainland = Region.objects.filter(level=1).exclude(code__in=["710000", "810000", "820000"])
    assert mainland.count() == 31
    assert not Region.objects.filter(name__contains="开发区").exists()


def test_occupations_have_the_8_major_and_79_middle_categories_of_the_2022_edition():
    assert level_counts(Occupation)[:2] == [8, 79]
    assert Occupation.objects.get(code="2-02-10").name == "信息和通信工程技术人员"
    assert Occupation.objects.get(code="7-01").name == "军官（警官）"


def test_occupations_carry_the_books_digital_and_green_marks_without_them_in_the_name():
    software = Occupation.objects.get(code="2-02-10-03")
    assert (software.name, software.attributes) == ("计算机软件工程技术人员", {"marks": "S"})


def test_industries_have_the_20_sections_and_97_divisions_of_gbt_4754_2017():
    assert level_counts(Industry) == [20, 97, 0, 0]
    assert Industry.objects.get(code="65").parent_id == "I"
    assert sorted(Industry.objects.filter(level=2).values_list("code", flat=True)) == \
        [f"{n:02d}" for n in range(1, 98)]


def test_education_and_employment_types_are_loaded():
    assert EducationLevel.objects.get(code="21").parent.name == "大学本科教育"
    assert set(EmploymentType.objects.values_list("code", flat=True)) == \
        {"full_time", "part_time", "internship", "dispatch", "gig"}
    assert EmploymentType.objects.get(code="internship").attributes["schema_org"] == "INTERN"


def test_every_table_records_its_source_edition_and_licence():
    current = selectors.code_table_current_versions()
    for kind, model in TABLES.items():
        version = current[kind]
        assert version.source and version.edition and version.licence
        assert model.objects.filter(version=version).count() == version.row_count
    assert "2022" in current[CodeKind.OCCUPATION].edition


@pytest.mark.req("R15.1")  # a posting's work location is a GB/T 2260 code
def test_a_county_code_resolves_to_itself_its_city_and_its_province():
    resolved = selectors.region_resolve(code="140105")
    assert resolved.is_current
    assert [r.name for r in resolved.lineage] == ["山西省", "太原市", "小店区"]


@pytest.mark.req("R15.1")
def test_an_abolished_code_resolves_to_its_successor():
    resolved = selectors.region_resolve(code="110103")  # 崇文区, merged into 东城区 in 2010
    assert not resolved.is_current
    assert (resolved.region.code, resolved.region.name) == ("110101", "东城区")
    assert [(c.old_name, c.year) for c in resolved.changes] == [("崇文区", 2010)]


def test_an_abolished_prefecture_resolves_to_the_city_that_absorbed_it():
    assert selectors.region_resolve(code="371200").region.name == "济南市"  # 莱芜市, 2019


def test_a_statistical_development_zone_code_resolves_to_the_city_containing_it():
    assert selectors.region_resolve(code="130171").region.name == "石家庄市"


def test_a_county_of_a_municipality_hangs_directly_from_the_municipality():
    assert Region.objects.get(code="110105").parent_id == "110000"


def test_an_unknown_region_code_is_not_found():
    from fairhire.core.errors import NotFound

    with pytest.raises(NotFound):
        selectors.region_resolve(code="999999")


def test_loading_the_shipped_data_again_changes_nothing(capsys):
    before = (Region.objects.count(), CodeTableVersion.objects.count())
    call_command("load_reference_data")
    assert "nothing to do" in capsys.readouterr().out
    assert (Region.objects.count(), CodeTableVersion.objects.count()) == before
    assert not AuditEvent.objects.exists()
