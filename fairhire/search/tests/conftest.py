import pytest


@pytest.fixture(autouse=True)
def _own_index(settings, tmp_path):
    """Each test reads and writes its own index, as each deployment does."""
    settings.SEARCH_INDEX_DIR = tmp_path / "search"
