"""Projects: the list and each project's card."""

from __future__ import annotations

from bot.callbacks import Menu, Open
from bot.i18n import Translator, escape
from bot.kb import KbSnapshot
from bot.keyboards import button, markup, nav_row
from bot.ui import Screen, cached_screen
from bot.views.common import clip


def years(project) -> str:  # type: ignore[no-untyped-def]
    if project.year_start and project.year_end and project.year_start != project.year_end:
        return f"{project.year_start}–{project.year_end}"
    return str(project.year_start or project.year_end or "")


@cached_screen
def render_projects(t: Translator, snap: KbSnapshot) -> Screen:
    rows = []
    for project in snap.projects.values():
        label = project.title.get(t.lang)
        if years(project):
            label = f"{label} ({years(project)})"
        rows.append([button(clip(f"📂 {label}"), Open(link=f"project-{project.id}"))])
    rows.append(nav_row(t))
    return Screen(t("projects-title"), markup(rows))


@cached_screen
def render_project(t: Translator, snap: KbSnapshot, project_id: str) -> Screen | None:
    project = snap.projects.get(project_id)
    if project is None:
        return None
    lang = t.lang
    lines = [f"<b>{escape(project.title.get(lang))}</b>", t(f"project-kind-{project.kind.value}")]
    if years(project):
        lines.append(t("project-years", years=years(project)))
    lines += ["", escape(project.text.get(lang))]
    partners = [snap.institutions[i] for i in project.institutions if i in snap.institutions]
    rows = [[button(clip(f"🏛 {p.name.get(lang)}"), Open(link=f"partner-{p.id}"))] for p in partners]
    related = [e for e in snap.events_newest if project.id in e.projects]
    rows += [[button(clip(f"📰 {e.date.year} · {e.title.get(lang)}"), Open(link=f"news-{e.id}"))] for e in related]
    if project.id == "erasmus":
        rows.append([button(t("menu-erasmus"), Menu(screen="erasmus"))])
    rows.append(nav_row(t, Menu(screen="projects")))
    return Screen("\n".join(lines), markup(rows))
