"""The glue's pure pieces: links, HTML parts, sections inside pages, the Markdown extension, options."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from notes_kb.diagnostics import Check
from notes_kb.glue.compose import prefix_ids
from notes_kb.glue.config import load_options
from notes_kb.glue.links import resolve_links, splice_parts
from notes_kb.glue.markdown import NotesExtension
from notes_kb.glue.plugin import KbPlugin
from notes_kb.glue.search import for_the_site, without_markup
from notes_kb.glue.sources import sources_folder, stamps, strip_stamp, write_sources
from notes_kb.render import RenderedSite
from notes_kb.render.pages.common import Page
from notes_kb.render.tooltips import tooltips_html


def test_kb_links_resolve_for_the_page() -> None:
    html = '<a href="kb:aws/services/ec2.md">EC2</a> <a href="kb:aws/notes.md#L12">↗</a>'
    resolved = resolve_links(html, lambda page: f"../{page.removesuffix('.md')}/")
    assert resolved == '<a href="../aws/services/ec2/">EC2</a> <a href="../aws/notes/#L12">↗</a>'


def test_a_part_alone_in_a_paragraph_replaces_the_paragraph() -> None:
    html = "<p><!-- kb-part:a --></p>\n<li>x <!-- kb-part:b --></li>"
    assert splice_parts(html, {"a": "<div>A</div>", "b": "<pre>B</pre>"}) == "<div>A</div>\n<li>x <pre>B</pre></li>"


def test_each_part_once_where_its_marker_stands_and_other_markers_stay() -> None:
    html = "<p>a <!-- kb-part:a --></p>\n<p><!-- kb-part:late --></p>\n<p><!-- kb-part:b --></p><!-- kb-part:a -->"
    asked: list[str] = []

    class Parts(dict[str, str]):
        def __getitem__(self, name: str) -> str:
            asked.append(name)
            return super().__getitem__(name)

    spliced = splice_parts(html, Parts(a="<i>A</i>", b="<div>B</div>"))
    # The late part's paragraph goes now; the part takes the marker's place when it comes.
    assert spliced == "<p>a <i>A</i></p>\n<!-- kb-part:late -->\n<div>B</div><!-- kb-part:a -->"
    assert asked == ["a", "b"]  # read once each, when reached


def test_a_paragraph_of_markers_alone_is_no_paragraph() -> None:
    html = "<li><h1>T</h1>\n<p><!-- kb-part:a -->\n<!-- kb-part:b --></p></li>"
    assert splice_parts(html, {"a": "<ul></ul>", "b": "<pre>B</pre>"}) == "<li><h1>T</h1>\n<ul></ul>\n<pre>B</pre></li>"


def test_sources_are_stamped_only_for_builds_that_skip_unchanged_pages(tmp_path: Path) -> None:
    site = RenderedSite({"t/a.md": Page("# A\n"), "t/b.md": Page("# B\n")}, [], {}, {}, {})
    clean = write_sources(site, tmp_path / "clean", "Notes", stamped=False)
    assert clean == {"t/a.md": "", "t/b.md": ""}
    assert (tmp_path / "clean" / "t" / "a.md").read_text(encoding="utf-8") == "# A\n"
    dirty = write_sources(site, tmp_path / "dirty", "Notes")
    assert dirty["t/a.md"] != dirty["t/b.md"]
    stamped = (tmp_path / "dirty" / "t" / "a.md").read_text(encoding="utf-8")
    assert stamped == f"# A\n\n<!-- kb-stamp:{dirty['t/a.md']} -->\n"
    assert strip_stamp(stamped) == "# A\n\n"


def test_a_page_is_stamped_anew_when_a_section_shown_in_one_of_its_parts_changes() -> None:
    # A list given as HTML carries the sections of its items as markers in a part.
    marker = "<!-- kb-section:t/sections/inner.md -->"
    parent = Page("# Outer\n\n<!-- kb-part:html-1 -->\n", {"html-1": f"<ul><li>item {marker}</li></ul>"})
    before = stamps(RenderedSite({"t/outer.md": parent, "t/sections/inner.md": Page("a\n")}, [], {}, {}, {}), "N")
    after = stamps(RenderedSite({"t/outer.md": parent, "t/sections/inner.md": Page("b\n")}, [], {}, {}, {}), "N")
    assert before["t/outer.md"] != after["t/outer.md"]


def test_embedded_heading_ids_get_the_section_prefix() -> None:
    html = '<h3 id="summary">Summary<a class="headerlink" href="#summary" title="Permanent link">¶</a></h3>'
    assert prefix_ids(html, "s3") == (
        '<h3 id="s3--summary">Summary<a class="headerlink" href="#s3--summary" title="Permanent link">¶</a></h3>'
    )


def md(text: str, terms: dict[str, str] | None = None) -> str:
    return markdown.markdown(text, extensions=["sane_lists", NotesExtension(terms or {})])


def test_glossary_terms_become_tooltips_outside_code() -> None:
    html = md("VPC and `VPC` and [VPC](x)", {"VPC": "Virtual Private Cloud"})
    assert html.count('<abbr title="Virtual Private Cloud">VPC</abbr>') == 2
    assert "<code>VPC</code>" in html


def test_tooltips_in_html_the_render_stage_writes() -> None:
    terms = {"VPC": 'Virtual "Private" Cloud', "S3": "Simple Storage Service"}
    assert tooltips_html("VPC<S3> & VPCs", terms) == (
        '<abbr title="Virtual &quot;Private&quot; Cloud">VPC</abbr>&lt;'
        '<abbr title="Simple Storage Service">S3</abbr>&gt; &amp; VPCs'
    )
    assert tooltips_html('a "b"', {}) == 'a "b"'


def test_list_numbers_as_written() -> None:
    assert md("2006. a\n2014. <!-- kb-value:2014 -->b") == (
        '<ol start="2006">\n<li>a</li>\n<li value="2014">b</li>\n</ol>'
    )


def test_options_have_a_schema_and_errors_name_the_option() -> None:
    options = load_options({"notes_dir": "my-notes", "validation": {"layer_count": "info"}}, None)
    assert options.notes_dir == "my-notes"
    assert options.level(Check.LAYER_COUNT) == "info"
    assert options.level(Check.NOTES) == "warn"
    with pytest.raises(PluginError, match=r"extra\.kb\.validation"):
        load_options({"validation": {"layer_count": "loud"}}, None)
    with pytest.raises(PluginError, match=r"extra\.kb\.notes_dir"):
        load_options({"notes_dir": 3}, None)


def test_serve_polls_every_tenth_of_a_second_and_builds_right_after_a_poll(tmp_path: Path) -> None:
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        served = KbPlugin().on_serve(server, config=None, builder=lambda: None)  # type: ignore[arg-type]
        assert served is server
        assert isinstance(server.observer, PollingObserver)
        assert server.observer.timeout == 0.1
        assert server.build_delay == 0.02
        # What MkDocs watched before the event is watched by the new observer.
        assert [emitter.watch.path for emitter in server.observer.emitters] == [str(tmp_path)]
    finally:
        server.server_close()


def test_search_entries_keep_their_text_without_markup() -> None:
    entries = [
        {"location": "a/", "title": "A", "text": "<p>Use <code>reset &lt;a&gt;</code></p> <ul> <li>one</li> </ul>"},
        {"location": "b/", "title": "B"},
    ]
    plain = without_markup(entries)
    # Every tag a space, as the site's search worker reads the text; escaped text stays escaped.
    assert plain[0]["text"] == "Use reset &lt;a&gt; one"
    assert plain[0]["location"] == "a/"
    assert plain[1] == {"location": "b/", "title": "B"}
    assert entries[0]["text"].startswith("<p>")  # the entries given are not changed


def test_a_pages_names_and_boost_are_written_on_its_first_entry_only() -> None:
    tags = ["EC2", "Elastic Compute Cloud"]
    entries = [
        {"location": "aws/services/ec2/", "title": "EC2", "text": "<p>Virtual servers</p>", "tags": tags, "boost": 3},
        {"location": "aws/services/ec2/#limits", "title": "Limits", "text": "<li>5 TB</li>", "tags": tags, "boost": 3},
        {"location": "aws/services/ec2/#odd", "title": "Odd", "text": "", "tags": ["Other"], "boost": 3},
    ]
    site = for_the_site(entries)
    assert site[0] == {**entries[0], "text": "Virtual servers"}
    assert site[1] == {"location": "aws/services/ec2/#limits", "title": "Limits", "text": "5 TB"}
    # What differs from the first entry is kept: the worker would otherwise give it the page's.
    assert site[2] == {"location": "aws/services/ec2/#odd", "title": "Odd", "text": "", "tags": ["Other"]}
    assert entries[1]["tags"] == tags  # Material's own entries are not changed
    assert for_the_site([]) == []


def test_pages_of_notes_folders_that_are_gone_are_removed(tmp_path: Path) -> None:
    project, kept, gone = tmp_path / "project", tmp_path / "kept", tmp_path / "gone"
    for folder in (project, kept, gone):
        folder.mkdir()
    legacy = project / ".cache" / "kb" / "0123456789ab" / "pages"
    legacy.mkdir(parents=True)
    gone_pages = sources_folder(project, gone)
    gone_pages.mkdir()
    (gone_pages / "index.md").write_text("# Home\n", encoding="utf-8")
    kept_pages = sources_folder(project, kept)
    assert kept_pages != gone_pages
    assert gone_pages.is_dir()  # its notes are still there
    gone.rmdir()
    assert sources_folder(project, kept) == kept_pages
    assert not gone_pages.parent.exists()
    assert kept_pages.parent.is_dir()
    assert legacy.is_dir()  # no record of its notes folder: left alone
