"""Glossary tooltips: whole words, never in code, links or existing abbreviations."""

from __future__ import annotations

import markdown

from notes_kb_old.tooltips import GlossaryExtension


def render(text: str) -> str:
    return markdown.markdown(text, extensions=[GlossaryExtension({"VPC": "Virtual Private Cloud", "S3": "Simple"})])


def test_terms_become_abbreviations() -> None:
    assert render("A VPC and S3, VPCs.") == (
        '<p>A <abbr title="Virtual Private Cloud">VPC</abbr> and <abbr title="Simple">S3</abbr>, VPCs.</p>'
    )


def test_not_in_code_but_in_links_and_text_after_them() -> None:
    html = render("`VPC` [VPC](x) **VPC** tail VPC")
    vpc = '<abbr title="Virtual Private Cloud">VPC</abbr>'
    assert html == f'<p><code>VPC</code> <a href="x">{vpc}</a> <strong>{vpc}</strong> tail {vpc}</p>'


def test_no_terms_no_change() -> None:
    html = markdown.markdown("VPC", extensions=[GlossaryExtension({})])
    assert html == "<p>VPC</p>"
