"""Issue 17 (2): the register by Excel in chat — preview, confirm, audit, /export that imports back unchanged."""
import io

from conftest import signed_up
from openpyxl import Workbook, load_workbook

from bot.residents import COLUMNS
from bot.testing.tools import Person

HEADER = ["姓名", "电话", "路", "弄", "号", "室", "独居", "出生日期"]
NEW = ["赵阿婆", "13900000009", "建新路", "27", "7", "101", "是", "1940-05-06"]
CHANGED = ["刘奶奶", "13900000003", "天平路", "120", "2", "202", "否", "1950-11-30"]  # room 101 -> 202
BAD = ["钱老伯", "12345", "建新路", "27", "8", "301", "是", "1938-01-01"]


def xlsx(*rows, formula: str | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    if formula:
        ws["I1"], ws["I2"] = "备注", formula
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def fetched(app) -> list:
    return [m for m in app.svc.outbox.messenger.log if m.document]


async def test_a_residents_or_strangers_file_gets_a_kind_reply_and_is_never_read(app, people):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    reads = []

    async def fetch_file(file_id):
        reads.append(file_id)
        return xlsx(HEADER, NEW)

    app.svc.outbox.messenger.fetch_file = fetch_file
    await zhang.send_file("register.xlsx", b"")
    assert "文件我看不了" in zhang.last().text
    stranger = Person(app, 7777, "路人")
    await stranger.send_file("register.xlsx", b"")
    assert "文件我看不了" in stranger.last().text
    assert reads == [] and len(await app.svc.store.residents()) == 3


async def test_one_bad_row_is_named_and_nothing_changes_until_confirmed(app, people):
    li = people("李社工")
    await li.send_file("登记册.xlsx", xlsx(HEADER, NEW, CHANGED, BAD))
    preview = li.last("预览")
    assert "🆕 新增 1 人 · ✏️ 修改 1 人 · ➖ 没变 0 人 · ❌ 有错 1 行" in preview.text
    assert "❌ 第 4 行：电话没有填或不是电话号码" in preview.text
    assert "✏️ 刘奶奶：室" in preview.text and "🆕 赵阿婆" in preview.text
    store = app.svc.store
    assert len(await store.residents()) == 3 and await store.register_audit() == []
    await li.click(preview, "导入")
    assert "已导入：新增 1 人，修改 1 人" in li.last().text and "跳过有错的 1 行" in li.last().text
    people_now = {p["name"]: p for p in await store.residents()}
    assert people_now["刘奶奶"]["room"] == "202" and "赵阿婆" in people_now and "钱老伯" not in people_now
    [audit] = await store.register_audit()
    assert (audit["by"], audit["file"], audit["added"], audit["updated"], audit["skipped"]) == \
        ("li", "登记册.xlsx", 1, 1, 1)
    assert audit["at"] == app.svc.clock.ts()
    await li.press_data(preview.message_id, "reg:ok")  # a second tap (before the edit arrived): applied once only
    assert "已经处理过" in li.last().text and len(await store.register_audit()) == 1


async def test_cancel_applies_nothing(app, people):
    li = people("李社工")
    await li.send_file("a.xlsx", xlsx(HEADER, NEW))
    await li.click(li.last("预览"), "取消")
    assert "没有导入" in li.last().text
    assert len(await app.svc.store.residents()) == 3 and await app.svc.store.register_audit() == []


async def test_gbk_csv_from_excel_on_chinese_windows_and_formula_cells(app, people):
    li = people("李社工")
    text = "\r\n".join(",".join(r) for r in (HEADER + ["备注"], NEW + ["=1+1"])) + "\r\n"
    await li.send_file("登记册.csv", text.encode("gbk"))
    preview = li.last("预览")
    assert "🆕 赵阿婆" in preview.text and "像公式" in preview.text and "I2" in preview.text
    await li.send_file("b.xlsx", xlsx(HEADER, NEW, formula="=A2&B2"))
    assert "像公式" in li.last("预览").text and "I2" in li.last("预览").text


async def test_not_a_register_file(app, people):
    li = people("李社工")
    await li.send_file("photo.pdf", b"%PDF")
    assert "Excel" in li.last().text
    await li.send_file("broken.xlsx", b"not a zip")
    assert "读不出来" in li.last().text and len(await app.svc.store.residents()) == 3


async def test_export_imports_back_unchanged(app, people):
    li = people("李社工")
    await li.send("/export")
    name, data = li.last("居民登记册").document
    assert name.endswith(".xlsx")
    header = next(load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))
    assert list(header) == [*COLUMNS, "deceased"]  # the last column marks who has died (empty here)
    await li.send_file(name, data)
    assert "➖ 没变 3 人" in li.last().text and "没有需要改的内容" in li.last().text
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("/export")
    assert zhang.last().document is None and "只有居委会工作人员" in zhang.last().text


# --- end to end, through both Telegram libraries --------------------------------------------------------------

async def test_e2e_excel_preview_confirm_and_export_round_trip(telegram):
    api, store = telegram.api, telegram.app.svc.store
    li = telegram.user("李社工")
    await li.send_document("登记册.xlsx", xlsx(HEADER, NEW, CHANGED, BAD))
    preview = await telegram.said(li, "预览")
    assert "❌ 第 4 行" in preview.text and len(await store.residents()) == 3
    await li.click(preview, "导入")
    await api.wait_for_message(li.id, lambda m: "已导入" in m.text)
    assert len(await store.residents()) == 4 and len(await store.register_audit()) == 1
    await li.send_command("/export")
    sent = await api.wait_for_message(li.id, lambda m: m.kind == "document")
    assert "共 4 人" in sent.text
    exported = api.file_bytes(sent.raw["document"]["file_id"])
    before = telegram.count(li)
    await li.send_document(sent.raw["document"]["file_name"], exported)
    back = await telegram.said(li, "预览", after=before)
    assert "➖ 没变 4 人" in back.text and "没有需要改的内容" in back.text
