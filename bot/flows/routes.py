"""What the core conversations answer: the resident's menu, Q&A, and the staff's duty, sign-ups and questions.

button                 who        answered by
cat:<category>         resident   help_menu.on_category (🙋 我需要帮助 → which kind)
callback:me            resident   resident.on_callback_request (📞 请回电)
pass:on                resident,  resident.on_pass_on / family.pass_on (📨 转给社工, under "没太明白")
                       contact
unwell:come|rest       resident   resident.on_unwell
qa:up|down|staff|no    resident   qa.on_button (👍/👎 on an answer, ask staff, no thanks;
qa:whose:money|missing               "那我老伴呢": his allowance, or a missing husband)
duty:take|back|ask     staff      staff_views.on_duty_button (ask: 🕒 请同事接班, when the duty could not go back)
cover:<ask>            staff      staff_views.on_cover_button (🙋 我来值班 under a colleague's "谁来接班")
su:ok|no:<telegram id> staff      staff_views.on_signup (a stranger's sign-up, approved or not)
q:ans:<question>       staff      staff_answers.on_question_button (✍️ 回答)
lang:zh|en             anyone     _language ([中文] [English] under a welcome whose language was guessed: both.py)

command   /duty · /questions: staff only
step      (staff, answer) → staff_answers.on_answer
timer     whose:<resident>:<asked> → qa.on_whose_deadline (no reply to "那我老伴呢"'s question: a person phones)
"""
from __future__ import annotations

from ..incidents import family
from ..residents import ask_for_contact
from ..routes import RESIDENT, ROLES, STAFF, ButtonRoute, CommandRoute, Routes, StepRoute, TimerRoute
from .. import qa
from . import both, half_said, help_menu, resident, staff_answers, staff_views
from .base import Ctx
from .menu import show_menu


async def _callback(ctx: Ctx, _: str) -> None:
    ctx.edit_pressed(ctx.t("btn.call_me_back"))
    await resident.on_callback_request(ctx)


async def _pass_on(ctx: Ctx, _: str) -> None:
    await (family.pass_on(ctx) if ctx.me.role == "contact" else resident.on_pass_on(ctx))


async def _language(ctx: Ctx, locale: str) -> None:
    """Her language from now on; the welcome (or her menu) again in it."""
    await both.choose(ctx, locale)
    ctx.edit_pressed(ctx.t("menu.language_set"))
    await ask_for_contact(ctx) if ctx.me.role == "stranger" else show_menu(ctx)


async def _qa(ctx: Ctx, args: list[str]) -> bool:
    if not args:
        return False
    await qa.on_button(ctx, args[0], args[1] if len(args) > 1 else "")
    return True


async def _question(ctx: Ctx, _: str, qid: int) -> None:
    await staff_answers.on_question_button(ctx, qid)


async def _show_duty(ctx: Ctx, arg: str) -> None:
    await staff_views.show_duty(ctx)


async def _show_questions(ctx: Ctx, arg: str) -> None:
    await staff_views.show_questions(ctx)


def routes(svc=None) -> Routes:
    return Routes(
        buttons=(
            ButtonRoute("cat", RESIDENT, help_menu.on_category, (str,)),
            ButtonRoute("callback", RESIDENT, _callback, (("me",),)),
            ButtonRoute("pass", RESIDENT | {"contact"}, _pass_on, (("on",),)),
            ButtonRoute("unwell", RESIDENT, resident.on_unwell, (("come", "rest"),)),
            ButtonRoute("qa", RESIDENT, _qa),
            ButtonRoute("duty", STAFF, staff_views.on_duty_button, (str,)),
            ButtonRoute("cover", STAFF, staff_views.on_cover_button, (int,)),
            ButtonRoute("su", STAFF, staff_views.on_signup, (str, int)),
            ButtonRoute("q", STAFF, _question, (("ans",), int)),
            ButtonRoute("lang", ROLES, _language, (("zh", "en"),)),
        ),
        commands=(CommandRoute("duty", _show_duty), CommandRoute("questions", _show_questions)),
        steps=(StepRoute("staff", "answer", staff_answers.on_answer),),
        timers=(TimerRoute(qa.WHOSE_TIMER, lambda key: qa.on_whose_deadline(svc, key)),
                TimerRoute(half_said.TIMER, lambda key: half_said.on_deadline(svc, key))),
    )
