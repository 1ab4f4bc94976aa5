"""What the build adds for the browser besides the core: the working calendar in the manifest and the
Excel writer's two wheels, which the core worker loads only when a learner exports to .xlsx."""

import datetime as dt
import io
import json
import zipfile

import openpyxl

from crossdept_site.extras import working_calendar, xlsx_wheels
from crossdept_site.plugin import XLSX_DIR
from crossdept_xlsx import column_widths, display_width, handle_json, write
from tests.conftest import ROOT


def test_the_calendar_covers_a_year_before_the_build_to_two_after():
    data = working_calendar(2026)

    years = {day[:4] for day in data["holidays"]}
    assert years == {"2025", "2026", "2027", "2028"}
    assert "2026-10-01" in data["holidays"] and "2026-10-10" in data["workdays"]


def test_the_xlsx_wheels_hold_xlsxwriter_with_its_licence_and_our_writer():
    writer, ours = xlsx_wheels(ROOT / "src")

    with zipfile.ZipFile(io.BytesIO(writer.content)) as archive:
        names = archive.namelist()
    assert writer.filename.startswith("xlsxwriter-3.3.1-") and "xlsxwriter/workbook.py" in names
    assert any(n.startswith("xlsxwriter-3.3.1.dist-info/licenses/") for n in names)
    with zipfile.ZipFile(io.BytesIO(ours.content)) as archive:
        assert "crossdept_xlsx/__init__.py" in archive.namelist()
    assert xlsx_wheels(ROOT / "src")[1].content == ours.content  # same sources, same bytes


def test_the_site_ships_the_xlsx_wheels_and_the_bundle_knows_them_and_the_calendar(built_site):
    shipped = sorted(p.name for p in (built_site / XLSX_DIR).iterdir())
    bundle = next((built_site / "assets/crossdept").glob("worksheets.*.js")).read_text(encoding="utf-8")

    assert [n.split("-")[0] for n in shipped] == ["crossdept_xlsx", "xlsxwriter"]
    assert all(name in bundle for name in shipped)
    assert f"{dt.date.today().year}-10-01" in bundle  # 国庆, in the manifest's calendar


def test_wide_characters_count_two_columns_and_widths_stay_within_bounds():
    assert display_width("IT部门") == 6
    assert column_widths(["资源"], [["上门取送车保险方案"], ["x" * 500]]) == [60]
    assert column_widths(["优先级"], [["P0"]]) == [8]


def test_the_written_file_freezes_the_header_and_keeps_formula_like_text_as_text():
    content = write([{"name": "资源需求清单", "columns": ["资源", "人天"], "rows": [["=SUM(A1)", 66], ["两行\n文字", 1.5]], "note": "一条说明"}])

    sheet = openpyxl.load_workbook(io.BytesIO(content))["资源需求清单"]
    assert sheet.freeze_panes == "A2"
    assert [[c.value for c in row] for row in sheet.iter_rows()][:3] == [["资源", "人天"], ["=SUM(A1)", 66], ["两行\n文字", 1.5]]
    assert sheet.cell(2, 1).data_type == "s" and sheet.cell(5, 1).value == "一条说明"


def test_the_writer_passes_the_cores_errors_through():
    answer = json.loads(handle_json(json.dumps({"data": {"format": "other"}})))

    assert answer["ok"] is False and "不是本课程导出的工作簿" in answer["errors"][0]["message"]
