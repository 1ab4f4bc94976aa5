"""The tracker's follow-ups as an .ics calendar: the learner's calendar reminds them, the site cannot."""

from crossdept.ics import LINE_OCTETS, escape, fold

from .factories import call, contact


def events(text: str) -> list[str]:
    return text.split("BEGIN:VEVENT")[1:]


def unfolded(text: str) -> str:
    return text.replace("\r\n ", "")


def test_each_open_row_becomes_an_all_day_event_two_weeks_after_the_last_contact():
    rows = [contact(last_contact="2026-02-27", next_step="确认排期")]

    result = call("tracker", "calendar", {"rows": rows, "project": {"name": "智能服务升级"}})["result"]

    text = unfolded(result["text"])
    assert result["events"] == 1
    assert "DTSTART;VALUE=DATE:20260313" in text and "DTEND;VALUE=DATE:20260314" in text
    assert "SUMMARY:跟进IT部门（李总监）：确认排期" in text
    assert "TRIGGER;RELATED=START:PT9H" in text
    assert result["filename"] == "智能服务升级-跟进提醒-2026-03-02.ics"


def test_an_overdue_follow_up_lands_on_today_and_says_so():
    rows = [contact(last_contact="2026-02-01")]

    text = unfolded(call("tracker", "calendar", {"rows": rows})["result"]["text"])

    assert "DTSTART;VALUE=DATE:20260302" in text
    assert "SUMMARY:【已逾期】跟进IT部门" in text
    assert "原定跟进日期：2026-02-15" in text


def test_delivered_rows_need_no_reminder():
    rows = [contact(status="已交付"), contact(department="数据部门")]

    result = call("tracker", "calendar", {"rows": rows})["result"]

    assert result["events"] == 1 and "数据部门" in result["text"]


def test_the_file_is_valid_icalendar_text_crlf_folded_and_escaped():
    rows = [contact(next_step="周一开会; 带上方案, 再议\\细节\n" + "很长的说明" * 30)]

    text = call("tracker", "calendar", {"rows": rows})["result"]["text"]

    lines = text.split("\r\n")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode("utf-8")) <= LINE_OCTETS for line in lines)
    assert "\n" not in text.replace("\r\n", "")
    assert "周一开会\\; 带上方案\\, 再议\\\\细节\\n" in unfolded(text)


def test_the_same_department_keeps_its_uid_across_exports_so_a_calendar_updates_it():
    first = call("tracker", "calendar", {"rows": [contact(last_contact="2026-02-20")]})["result"]["text"]
    later = call("tracker", "calendar", {"rows": [contact(last_contact="2026-02-27")]})["result"]["text"]

    uid = [line for line in first.split("\r\n") if line.startswith("UID:")]
    assert uid and uid == [line for line in later.split("\r\n") if line.startswith("UID:")]


def test_user_text_cannot_inject_calendar_properties():
    rows = [contact(department="IT\r\nEND:VEVENT\r\nBEGIN:VEVENT", next_step="x")]

    text = call("tracker", "calendar", {"rows": rows})["result"]["text"]

    lines = text.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 1 and lines.count("END:VEVENT") == 1


def test_folding_never_splits_a_character_and_escape_handles_every_special():
    line = "DESCRIPTION:" + "汉字" * 40

    folded = fold(line)

    assert folded.replace("\r\n ", "") == line
    assert escape("a;b,c\\d\r\ne\x07") == "a\\;b\\,c\\\\d\\ne"


def test_bad_rows_are_refused_with_the_trackers_own_messages():
    response = call("tracker", "calendar", {"rows": [contact(last_contact="上周")]})

    assert response["ok"] is False and response["errors"][0]["field"] == "rows[0].last_contact"
