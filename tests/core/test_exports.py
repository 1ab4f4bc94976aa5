import csv
import io

import pytest

from crossdept.exports import Table, csv_safe, md_cell, to_csv, to_markdown

from .factories import call, contact, need, partner


def test_csv_starts_with_a_bom_so_excel_reads_chinese():
    text = to_csv(Table("表", ("部门",), (("IT部门",),)))

    assert text.startswith("\ufeff部门\r\nIT部门\r\n")


@pytest.mark.parametrize("cell", ["=1+1", "+86", "-5", "@SUM(A1)", "\t=1"])
def test_a_cell_that_excel_would_run_as_a_formula_is_neutralised(cell):
    assert csv_safe(cell) == "'" + cell


def test_ordinary_text_and_numbers_are_left_alone():
    assert csv_safe("李总监") == "李总监"
    assert csv_safe(66.0) == "66"
    assert csv_safe(None) == ""


def test_markdown_cells_escape_pipes_newlines_and_tags():
    assert md_cell("a|b\nc") == "a\\|b<br>c"
    assert md_cell("<script>") == "&lt;script>"


def test_markdown_is_a_table_with_notes_and_sections():
    table = Table("资源", ("a", "b"), ((1, "x"),), notes=("提醒",))

    text = to_markdown(table)

    assert text.splitlines()[:5] == ["## 资源", "", "| a | b |", "|---|---|", "| 1 | x |"]
    assert "- 提醒" in text


def test_every_table_worksheet_exports_csv_that_parses_back():
    for worksheet, row in (("resources", need(resource="=HYPERLINK()")), ("exchange", partner()), ("tracker", contact())):
        response = call(worksheet, "export", {"rows": [row]}, format="csv")

        parsed = list(csv.reader(io.StringIO(response["result"]["text"].lstrip("\ufeff"))))
        assert len(parsed) == 2, worksheet
    assert "'=HYPERLINK()" in call("resources", "export", {"rows": [need(resource="=HYPERLINK()")]}, format="csv")["result"]["text"]


def test_the_export_filename_names_the_project_sheet_and_date():
    response = call("resources", "export", {"rows": [need()], "project": {"name": "智能/服务升级"}}, format="markdown")

    assert response["result"]["filename"] == "智能_服务升级-资源需求清单-2026-03-02.md"


def test_an_export_without_a_known_format_is_refused():
    response = call("tracker", "export", {"rows": []}, format="xlsx")

    assert response == {"ok": False, "errors": [{"field": "format", "message": "请选择导出格式：csv 或 markdown"}]}


def test_the_exchange_markdown_shows_scripts_as_sections_not_cells():
    text = call("exchange", "export", {"rows": [partner()]}, format="markdown")["result"]["text"]

    assert "### 交换话术：IT部门" in text
    assert "交换话术 |" not in text


def test_value_quiz_and_capability_export_too():
    value = call("value", "export", {"lost_customers_per_month": 200, "ltv": 2500}, format="markdown")
    capability = call("capability", "export", {"ratings": {"influence.value": 2}}, format="csv")

    assert "| 每年损失 | 600万 |" in value["result"]["text"]
    assert capability["result"]["filename"] == "能力自测-2026-03-02.csv"
