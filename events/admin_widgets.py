"""Admin form widgets for the JSON fields curators edit: organisers and figures as labelled Chinese fields.

``Event.organizers`` ({"hosts": [...], ...}) and ``Event.figures`` ({"exhibitors": 131, ...}) are
JSON; a curator should not have to type English keys and brackets. Each widget shows one labelled
input per role or figure and gives the form field back the JSON text it expects, so the model
field, its validation and ``form.changed_data`` (which marks fields curated) work as before.
Keys the widget does not know are kept as they were (a hidden input carries them through).
"""

from __future__ import annotations

import json
import re

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

ORGANIZER_ROLES = {"hosts": "主办", "co_organizers": "协办", "undertakers": "承办"}
FIGURE_LABELS = {
    "projects_signed": "签约项目（个）",
    "investment_yuan": "总投资（元）",
    "exhibitors": "参展单位（家）",
    "exhibition_zones": "展区（个）",
    "participants": "参加人数",
    "visitors": "观众（人次）",
    "enterprises": "企业（家）",
    "universities": "高校（所）",
    "high_tech_enterprises": "高新技术企业（家）",
    "trainings": "培训场次",
    "trainees": "培训人次",
    "local_experts": "土专家（名）",
    "beneficiary_households": "受益户数",
    "selected": "入选人数",
}
# Names a curator separates with 、，, ; or a new line.
NAME_SEPARATORS = re.compile(r"[、，,；;\n]+")
EXTRA = "__extra"


def _as_dict(value: object) -> dict:
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else {}
        except ValueError:
            return {}
    return value if isinstance(value, dict) else {}


class LabelledJSONWidget(forms.Widget):
    """One labelled text input per key of ``labels``; the value is the JSON object they make."""

    labels: dict[str, str] = {}

    def show(self, value: object) -> str:
        raise NotImplementedError

    def read(self, text: str) -> object | None:
        """The JSON value for one input's text, or None to leave the key out."""
        raise NotImplementedError

    def render(self, name: str, value: object, attrs: dict | None = None, renderer=None) -> SafeString:
        data = _as_dict(value)
        extra = {k: v for k, v in data.items() if k not in self.labels}
        rows = format_html_join(
            "",
            '<label style="display:block;margin:.2rem 0">{}：<input type="text" name="{}" value="{}" size="50"></label>',
            ((label, f"{name}__{key}", self.show(data.get(key))) for key, label in self.labels.items()),
        )
        hidden = format_html(
            '<input type="hidden" name="{}" value="{}">',
            f"{name}{EXTRA}",
            json.dumps(extra, ensure_ascii=False),
        )
        note = (
            format_html('<p class="help">其他项：{}</p>', json.dumps(extra, ensure_ascii=False))
            if extra
            else ""
        )
        return format_html('<div class="labelled-json">{}{}{}</div>', rows, hidden, note)

    def value_from_datadict(self, data, files, name: str) -> str | None:
        if not any(f"{name}__{key}" in data for key in self.labels):
            return data.get(name)  # a plain JSON post (tests, scripts) still works
        value = _as_dict(data.get(f"{name}{EXTRA}", ""))
        for key in self.labels:
            read = self.read(data.get(f"{name}__{key}", "").strip())
            if read is not None:
                value[key] = read
        return json.dumps(value, ensure_ascii=False)


class OrganizersWidget(LabelledJSONWidget):
    labels = ORGANIZER_ROLES

    def show(self, value: object) -> str:
        names = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return "、".join(str(n) for n in names)

    def read(self, text: str) -> list[str] | None:
        names = [n.strip() for n in NAME_SEPARATORS.split(text) if n.strip()]
        return names or None


class FiguresWidget(LabelledJSONWidget):
    labels = FIGURE_LABELS

    def show(self, value: object) -> str:
        return "" if value is None or isinstance(value, bool) else str(value)

    def read(self, text: str) -> int | float | str | None:
        if not text:
            return None
        try:
            number = float(text.replace(",", "").replace("，", ""))
        except ValueError:
            return text  # kept as typed; the model's JSON keeps it and publications skip non-numbers
        return int(number) if number.is_integer() else number
