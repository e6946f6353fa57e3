"""The service over the real pipeline and a real SQLite file: ingest, reruns, duplicates, search on the samples."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import MANIFEST, SAMPLES, needs_pipeline, write_pages

from vnnews import service as service_module
from vnnews.model import Article, Failure, InputError
from vnnews.service import Service, default_db_path


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory):
    with Service(tmp_path_factory.mktemp("samples") / "news.db") as service:
        summary = service.ingest([str(SAMPLES)], MANIFEST)
        assert (summary.ingested, summary.unchanged, summary.failed) == (5, 0, [])
        yield service


def _sample_id(service: Service, stem: str) -> str:
    return next(a.id for a in service.extract([str(SAMPLES / f"{stem}.txt")]) if isinstance(a, Article))


@needs_pipeline
@pytest.mark.parametrize(
    ("query", "sample"),
    [
        ("tong thu ky nato gap trump", "004_07a26119748cf585"),
        ("nato rut quan", "002_4ce85a08e201a52f"),
        ("iraq bat den xanh", "003_724fd7ab271b279b"),
    ],
)
def test_accent_free_queries_find_the_right_sample_first(samples_db: Service, query: str, sample: str):
    hits = samples_db.search(query).results
    assert hits, query
    assert hits[0].id == _sample_id(samples_db, sample)
    assert "«" in hits[0].snippet


@needs_pipeline
def test_since_until_use_the_manifest_months(samples_db: Service):
    published = {hit.published for hit in samples_db.search("nato", since="2024-11", until="2024").results}
    assert published == {"2024-11", "2024-12"}
    with pytest.raises(InputError):
        samples_db.search("nato", since="11/2024")


@needs_pipeline
def test_stats_on_the_samples(samples_db: Service):
    stats = samples_db.stats()
    assert stats["articles"] == 5
    assert sum(stats["sites"].values()) == 5
    assert (stats["first_published"], stats["last_published"]) == ("2020-02", "2024-12")


@needs_pipeline
def test_rerun_is_unchanged_and_a_copy_is_stored_once(tmp_path: Path):
    pages = tmp_path / "pages"
    shutil.copytree(SAMPLES, pages)
    with Service(tmp_path / "news.db") as service:
        assert service.ingest([str(pages)], MANIFEST).ingested == 5
        again = service.ingest([str(pages)], MANIFEST)
        assert (again.ingested, again.unchanged) == (0, 5)
        copy = tmp_path / "elsewhere" / "copy.txt"
        copy.parent.mkdir()
        shutil.copy(pages / "003_724fd7ab271b279b.txt", copy)
        summary = service.ingest([str(copy)])
        assert (summary.ingested, summary.unchanged) == (0, 1)
        assert service.stats()["articles"] == 5


@needs_pipeline
def test_an_unexpected_error_on_one_page_fails_only_that_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pages = write_pages(tmp_path / "pages", 3)
    real_page = service_module.extraction.page

    def page_with_a_bug(raw):
        if raw.source.endswith("page_0001.txt"):
            raise KeyError("boom")
        return real_page(raw)

    monkeypatch.setattr(service_module.extraction, "page", page_with_a_bug)
    seen: list[tuple[str, str]] = []
    with Service(tmp_path / "news.db") as service:
        summary = service.ingest(
            [str(p) for p in pages], progress=lambda source, outcome: seen.append((source, outcome))
        )
        assert summary.ingested == 2
        assert [f.source for f in summary.failed] == [str(pages[1])]
        assert "KeyError" in summary.failed[0].reason
        assert [outcome for _, outcome in seen] == ["ingested", "failed", "ingested"]
        assert service.stats()["failures"] == 1


@needs_pipeline
def test_extract_needs_no_database(tmp_path: Path):
    service = Service(tmp_path / "never.db")
    items = list(service.extract([str(SAMPLES / "003_724fd7ab271b279b.txt")]))
    assert isinstance(items[0], Article) and not isinstance(items[0], Failure)
    assert not (tmp_path / "never.db").exists()


def test_default_db_path_honours_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("VNNEWS_DB", str(tmp_path / "env.db"))
    assert default_db_path() == tmp_path / "env.db"
    assert Service().db_path == tmp_path / "env.db"
    monkeypatch.delenv("VNNEWS_DB")
    assert default_db_path().name == "news.db"


def test_latest_lists_the_newest_publications_first(samples_db: Service):
    published = [hit.published for hit in samples_db.latest(limit=5)]
    assert published == ["2024-12", "2024-11", "2024-10", "2021-08-14T18:19:00+07:00", "2020-02"]
    assert all(hit.snippet for hit in samples_db.latest(limit=5))


def _titles(service: Service, query: str) -> list[str]:
    return [hit.title for hit in service.search(query).results]


@needs_pipeline
def test_an_edited_page_replaces_the_article_it_gave(tmp_path: Path):
    pages = write_pages(tmp_path / "pages", 2)
    with Service(tmp_path / "news.db") as service:
        assert service.ingest([str(p) for p in pages]).ingested == 2
        old_title = pages[0].read_text(encoding="utf-8").splitlines()[0]
        edited = pages[0].read_text(encoding="utf-8").replace("Hội nghị lần thứ 0", "Phiên họp khẩn cấp lần thứ 0")
        pages[0].write_text(edited, encoding="utf-8")
        summary = service.ingest([str(p) for p in pages])
        assert (summary.ingested, summary.unchanged) == (1, 1)
        assert service.stats()["articles"] == 2
        assert _titles(service, "phien hop khan cap")[0].startswith("Phiên họp khẩn cấp")
        assert old_title not in _titles(service, "hoi nghi lan thu 0 hop tac quoc phong")


@needs_pipeline
def test_an_article_another_source_holds_stays(tmp_path: Path):
    pages = write_pages(tmp_path / "pages", 1)
    copy = tmp_path / "copy.txt"
    shutil.copy(pages[0], copy)
    with Service(tmp_path / "news.db") as service:
        service.ingest([str(pages[0]), str(copy)])
        pages[0].write_text(pages[0].read_text(encoding="utf-8") + "\nMột đoạn mới được thêm vào bản tin sau đó.\n")
        assert service.ingest([str(pages[0])]).ingested == 1
        assert service.stats()["articles"] == 2
        kept = service.search("hoi nghi lan thu 0").results
        assert {hit.source for hit in kept} == {str(pages[0]), str(copy)}


@needs_pipeline
def test_force_reads_unchanged_pages_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pages = write_pages(tmp_path / "pages", 2)
    with Service(tmp_path / "news.db") as service:
        service.ingest([str(p) for p in pages])
        assert service.ingest([str(p) for p in pages], force=True).unchanged == 2  # same rules, same articles
        real_page = service_module.extraction.page

        def page_read_better(raw):
            article = real_page(raw)
            return replace(article, id="", body=[*article.body, "Đoạn kết được đọc thêm."])

        monkeypatch.setattr(service_module.extraction, "page", page_read_better)
        assert service.ingest([str(p) for p in pages]).unchanged == 2  # without --force nothing is read again
        summary = service.ingest([str(p) for p in pages], force=True)
        assert (summary.ingested, summary.unchanged) == (2, 0)
        assert service.stats()["articles"] == 2
        assert len(service.search("doan ket duoc doc them").results) == 2
