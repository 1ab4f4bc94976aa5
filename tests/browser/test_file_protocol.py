"""Opened straight from the folder (file://): every worksheet says in Chinese that the folder must be
served and how, in one line; links open pages, not folder listings."""

from __future__ import annotations

from playwright.sync_api import expect


def test_links_opened_from_the_folder_lead_to_pages_whose_worksheets_say_how_to_serve_the_folder(page, built_site):
    page.goto((built_site / "index.html").as_uri())

    page.locator(".md-content a[href$='tools/value/index.html']").first.click()

    expect(page).to_have_url((built_site / "tools/value/index.html").as_uri())
    expect(page.locator("article h1")).to_contain_text("价值")
    # The worksheet there cannot start its core from a folder, and says how to serve it instead.
    sheet = page.locator('[data-worksheet="value"]')
    expect(sheet.locator(".cd-file-notice")).to_contain_text("python3 -m http.server")
    expect(sheet).to_have_attribute("data-core", "failed")
