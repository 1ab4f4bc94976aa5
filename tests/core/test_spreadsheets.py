"""The workbook as spreadsheets: what an .xlsx export holds, and CSV or .xlsx files read back into a
workbook, recognised by sheet name or header, with Chinese messages for what cannot be read."""

import base64
import datetime as dt
import io
import zipfile

import xlsxwriter
from hypothesis import given, settings
from hypothesis import strategies as st

from crossdept.exports import Table, to_csv
from crossdept.xlsx_read import read_xlsx
from crossdept_xlsx import write

from .factories import call, contact, need, partner

CSV_HEADER = "优先级,资源,持有部门,需求时间,工作量,人天,关键人,可替代"


def book(**sheets):
    rows = {"resources": [need()], "exchange": [partner()], "tracker": [contact()], **sheets}
    return {
        "format": "crossdept-workbook",
        "version": 2,
        "project": {"name": "上门取送车", "sponsor": "王总"},
        "worksheets": {name: {"rows": r} for name, r in rows.items()} | {"value": {"investment": "20w"}},
    }


def import_csv(text, name="上门取送车-资源需求清单-2026-03-02.csv"):
    return call("workbook", "import", {"name": name, "csv": text})


def xlsx_of(sheets):
    return base64.b64encode(write(sheets)).decode()


def test_the_xlsx_sheets_are_the_project_then_one_per_tool_laid_out_as_its_csv():
    result = call("workbook", "sheets", book())["result"]

    assert result["filename"] == "上门取送车-工作簿-2026-03-02.xlsx"
    assert [s["name"] for s in result["sheets"]] == ["项目", "资源需求清单", "价值交换矩阵", "协调进度追踪表"]
    assert ["项目名称", "上门取送车"] in result["sheets"][0]["rows"] and ["投入", "20w"] in result["sheets"][0]["rows"]
    resources = result["sheets"][1]
    assert ",".join(resources["columns"]) == CSV_HEADER
    assert resources["rows"][0][:6] == ["P0", "系统开发", "IT部门", "2026-04-30", "3天", 3]  # person-days stay a number


def test_a_tool_with_errors_is_written_as_typed_with_a_note_not_refused():
    result = call("workbook", "sheets", book(resources=[need(priority="P9")]))["result"]

    resources = result["sheets"][1]
    assert resources["columns"][:3] == ["资源", "持有部门", "优先级"] and resources["rows"][0][2] == "P9"
    assert "资源需求清单第 1 行" in resources["note"] and "原样" in resources["note"]


def test_a_csv_export_comes_back_as_its_table_with_the_analysis_columns_left_out():
    exported = call("resources", "export", {"rows": [need(), need(resource="=HYPERLINK(1)", priority="P2")]}, format="csv")["result"]["text"]

    result = import_csv(exported)["result"]

    assert result["sheets"] == ["resources"] and result["notes"] == [] and result["problems"] == []
    rows = result["workbook"]["worksheets"]["resources"]["rows"]
    assert [r["resource"] for r in rows] == ["系统开发", "=HYPERLINK(1)"]  # the CSV's ' guard comes off
    assert result["workbook"]["project"]["name"] == "上门取送车"  # from the file name, its export suffix left out


def test_unknown_columns_are_named_in_a_note_and_bad_cells_are_kept_and_located():
    text = "资源,持有部门,优先级,备注\r\n系统开发,IT部门,P9,随便写的\r\n"

    result = import_csv(text)["result"]

    assert result["notes"] == ["资源需求清单：已忽略无法识别的列“备注”"]
    assert result["workbook"]["worksheets"]["resources"]["rows"][0]["priority"] == "P9"
    assert [p["message"] for p in result["problems"]] == ["资源需求清单第 1 行：优先级只能是 P0、P1、P2"]


def test_a_tracker_csv_is_recognised_by_its_header_even_in_another_order():
    result = import_csv("立场,部门,状态\n盟友,财务部,已同意\n", name="x.csv")["result"]

    assert result["sheets"] == ["tracker"]
    assert result["workbook"]["worksheets"]["tracker"]["rows"][0]["department"] == "财务部"


def test_a_file_with_no_known_header_is_refused_saying_what_the_first_row_should_be():
    response = import_csv("名字,年龄\n张三,30\n")

    assert response["ok"] is False
    assert "第一行应是表头" in response["errors"][0]["message"] and "资源、持有部门、优先级" in response["errors"][0]["message"]


def test_an_xlsx_export_reads_back_as_the_same_project():
    original = book()
    sheets = call("workbook", "sheets", original)["result"]["sheets"]

    result = call("workbook", "import", {"name": "a.xlsx", "xlsx": xlsx_of(sheets)})["result"]

    assert result["sheets"] == ["project", "resources", "exchange", "tracker"]
    assert result["workbook"]["project"] == original["project"] and result["workbook"]["worksheets"]["value"] == {"investment": "20w"}
    assert result["workbook"]["worksheets"]["exchange"]["rows"] == [partner()]
    assert result["workbook"]["worksheets"]["resources"]["rows"][0] == {**need(), "alternative_for": ""}


def test_what_is_not_an_xlsx_is_refused_in_chinese():
    for content in (b"not a zip", b"PK\x03\x04broken"):
        response = call("workbook", "import", {"name": "a.xlsx", "xlsx": base64.b64encode(content).decode()})
        assert response["ok"] is False and "不是有效的 Excel 文件" in response["errors"][0]["message"]
    assert call("workbook", "import", {"name": "a.xlsx", "xlsx": "%%%"})["ok"] is False
    assert "CSV 或 Excel" in call("workbook", "import", {"name": "a.txt"})["errors"][0]["message"]


def test_dates_excel_keeps_as_day_numbers_read_as_iso_dates():
    buffer = io.BytesIO()
    sheet_book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = sheet_book.add_worksheet("资源需求清单")
    sheet.write_row(0, 0, ["资源", "持有部门", "需求时间", "工作量"])
    sheet.write_row(1, 0, ["系统开发", "IT部门"])
    sheet.write_datetime(1, 2, dt.datetime(2026, 11, 15), sheet_book.add_format({"num_format": "yyyy/m/d"}))
    sheet.write_number(1, 3, 3)
    sheet_book.close()

    [(name, rows)] = read_xlsx(buffer.getvalue(), 10)

    assert name == "资源需求清单" and rows[1] == ["系统开发", "IT部门", "2026-11-15", "3"]


def test_an_xlsx_part_with_a_dtd_is_refused_before_parsing():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workbook>&a;</workbook>')

    response = call("workbook", "import", {"name": "a.xlsx", "xlsx": base64.b64encode(buffer.getvalue()).decode()})

    assert response["ok"] is False and "不是有效的 Excel 文件" in response["errors"][0]["message"]


cell_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20).map(str.strip).filter(bool)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(cell_text, cell_text), min_size=1, max_size=5))
def test_any_resource_names_survive_a_csv_export_and_import(pairs):
    rows = [need(resource=r, department=d) for r, d in pairs]
    exported = call("resources", "export", {"rows": rows}, format="csv")["result"]["text"]

    result = import_csv(exported)["result"]

    back = [(r["resource"], r["department"]) for r in result["workbook"]["worksheets"]["resources"]["rows"]]
    assert sorted(back) == sorted(pairs)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30), min_size=2, max_size=2), max_size=6))
def test_any_text_survives_an_xlsx_written_and_read_back(cells):
    header = ["资源", "持有部门"]

    [(name, rows)] = read_xlsx(write([{"name": "资源需求清单", "columns": header, "rows": cells, "note": ""}]), 100)

    assert name == "资源需求清单" and rows[0] == header
    assert [r + [""] * (2 - len(r)) for r in rows[1:]] == [[c for c in row] for row in cells]


def test_the_csv_writer_and_reader_agree_on_formula_guards():
    text = to_csv(Table("资源需求清单", ("资源", "持有部门"), (("=1+1", "@IT"), ("-", "+"))))

    rows = import_csv(text)["result"]["workbook"]["worksheets"]["resources"]["rows"]

    assert [(r["resource"], r["department"]) for r in rows] == [("=1+1", "@IT"), ("-", "+")]
