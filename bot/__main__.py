"""`python -m bot` runs the bot (console without a token); `python -m bot residents ...` manages the register."""
from __future__ import annotations

import argparse
import logging
import os
import sys

from . import evloop
from .committees import check_tokens, load_committees, pick, telegram_wanted
from .config import ConfigError
from .handlers.telegram_common import CannotStart
from .redis_server import EmbeddedRedisError


COMMITTEE_HELP = "the committee (its id) when committees_dir holds several; required by `residents` then"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot", description="Neighbourhood committee care bot")
    p.add_argument("--config", default=os.environ.get("BOT_CONFIG", "config.yaml"),
                   help="path to config.yaml (or set BOT_CONFIG)")
    p.add_argument("--committee", default=None, metavar="ID", help=COMMITTEE_HELP)
    one = argparse.ArgumentParser(add_help=False)  # --committee also after the command
    one.add_argument("--committee", default=argparse.SUPPRESS, metavar="ID", help=COMMITTEE_HELP)
    sub = p.add_subparsers(dest="cmd")
    sub.add_parser("run", help="run the bot (default)", parents=[one])
    res = sub.add_parser("residents", help="the resident register", parents=[one])
    rsub = res.add_subparsers(dest="action", required=True)
    imp = rsub.add_parser("import", help="import or update residents from CSV or XLSX", parents=[one])
    imp.add_argument("file")
    rsub.add_parser("list", help="list residents", parents=[one])
    exp = rsub.add_parser("export", help="export residents to CSV or XLSX", parents=[one])
    exp.add_argument("file")
    return p


async def _residents(args, settings, secrets) -> int:
    from .app import build_app
    from .people import mask_phone
    from . import residents as register

    app = await build_app(settings, secrets, nlu=False, kb=False)
    try:
        store = app.svc.store
        if args.action == "import":
            try:
                report = await register.import_file(store, args.file)
            except register.RegisterError as e:
                head = f"not imported — nothing from {args.file} was applied:"
                lines = [f"{head} {e.problems[0]}"] if len(e.problems) == 1 else [head, *(f"  {p}" for p in e.problems)]
                print("\n".join(lines), file=sys.stderr)
                return 1
            print(f"imported: {report.added} added, {report.updated} updated, {report.unchanged} unchanged")
            for note in report.flagged:
                print(f"  check: {note}")
        elif args.action == "list":
            died, gone = await store.deceased(), app.svc.cat.t("desk.deceased")
            for p in await store.residents():
                linked = "telegram" if p.get("tg_id") else "-"
                name = f"{p['name']} {gone}" if p["id"] in died else p["name"]
                print(f"{p['id']:>5}  {name}  {mask_phone(p['phone'])}  "
                      f"{p.get('road', '')}{p.get('lane', '')}弄{p.get('building', '')}号{p.get('room', '')}室  {linked}")
        elif args.action == "export":
            register.export_file(await store.residents(), args.file, await register.deceased_marks(app.svc))
            print(f"exported to {args.file}")
        return 0
    finally:
        await app.close()


async def _run(committees, chosen: str | None, config_path=None) -> int:
    """Telegram for every committee (or the one `--committee` names) when a token is set; else the console for
    one committee (the first, or the one named)."""
    if telegram_wanted(committees):
        from .handlers import run_telegram

        running = [pick(committees, chosen)] if chosen else committees
        check_tokens(running)
        return await run_telegram(running, config_path=config_path)
    one = pick(committees, chosen, first_by_default=True)
    settings, secrets = one.settings, one.secrets
    from .app import build_app
    from .handlers.console import Console, ConsoleMessenger

    messenger = ConsoleMessenger()
    app = await build_app(settings, secrets, messenger=messenger)
    app.start_scheduler()
    notes = ()
    if await app.start_console():
        from .desk import signin_link

        notes = (f"🗂 staff desk: {await signin_link(app)}  (one-time sign-in link for "
                 f"{settings.staff[0].name}; /web in the chat makes another)",)
    try:
        await Console(app, messenger, notes=notes).run()
    finally:
        await app.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "WARNING"), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        committees = load_committees(args.config)
    except ConfigError as e:
        print(str(e), file=sys.stderr)
        return 2
    try:
        if args.cmd == "residents":
            one = pick(committees, args.committee)
            return evloop.run(_residents(args, one.settings, one.secrets))
        return evloop.run(_run(committees, args.committee, args.config))
    except (EmbeddedRedisError, CannotStart, ConfigError) as e:  # ConfigError: found only when used (a data_dir)
        print(str(e), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
