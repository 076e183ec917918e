"""Article pages in several Chinese news templates, written for the fetch tests and bench/fetch.py.

Each ``NewsPage`` knows its body paragraphs and its furniture (menus, breadcrumbs, sidebars, related
lists, comments, footers), so an extractor can be scored on body characters kept and furniture
characters leaked. Templates: a government site (TRS editor, ``<br>`` lines, UTF-8), a portal in
GBK (``<p>`` paragraphs, comments), an HTML5 page (``<article>``, ``<time>``, ``<aside>``) and an old
table layout labelled gb2312 that holds GBK-only characters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

STORIES = [
    (
        "太谷区第二十一届科技节开幕",
        date(2024, 3, 12),
        [
            "本报讯 3月11日，山西·太谷第二十一届科技节在太谷区金谷广场开幕。",
            "此次活动由太谷区委、区政府主办，山西农业大学协办，现场展示了农业科技成果一百余项。",
            "科技节期间，各乡镇还将组织科技下乡、专家咨询等活动，持续到3月13日。",
        ],
    ),
    (
        "市科技局与山西农业大学签署合作协议",
        date(2024, 3, 16),
        [
            "3月15日上午，市科技局与山西农业大学科技合作签约仪式在晋中举行。",
            "双方将在种业创新、农机装备、食品加工等领域共建研发平台，联合培养科技人才。",
            "根据协议，双方每年联合组织一次成果对接会，推动科技成果在本地转化落地。",
        ],
    ),
    (
        "全市科技特派员培训班开班",
        date(2024, 3, 21),
        [
            "3月20日至22日，全市科技特派员能力提升培训班在市委党校举办。",
            "培训邀请省农科院专家授课，内容涵盖设施蔬菜栽培、畜禽疫病防控和电商销售。",
            "来自各县区的一百二十名科技特派员参加培训，结业后将深入田间地头开展服务。",
        ],
    ),
    (
        "晋中市科技成果展在市博物馆开展",
        date(2024, 4, 1),
        [
            "4月1日，晋中市科技创新成果展在市博物馆开展，展期至4月30日。",
            "展览分为智能制造、现代农业、生物医药三个展区，集中展示近三年来的科技成果。",
            "展览期间免费向市民开放，每周六上午安排讲解员为青少年讲解科普知识。",
        ],
    ),
]

MENU = ["首页", "政务公开", "科技动态", "通知公告", "政策法规", "办事服务", "互动交流"]
RELATED = ["我市召开科技创新大会部署全年工作", "省科技厅调研我市农高区建设", "2023年度科技统计公报发布"]
COMMENTS = ["网友评论：科技节办得真好，希望明年继续！", "网友：请问展览需要预约吗？"]
FOOTER = "版权所有：晋中市科学技术局 主办单位：晋中市科学技术局 晋ICP备05001234号 联系电话：0354-1234567"
SHARE = "分享到：微信 微博 QQ空间 打印本页 关闭窗口"
CRUMB = "当前位置：首页 > 科技动态 > 工作动态"


@dataclass(frozen=True)
class NewsPage:
    """A page: ``data`` to serve with ``content_type``; ``body`` and ``furniture`` for scoring."""

    template: str
    title: str
    published: date
    body: list[str]
    furniture: list[str]
    data: bytes
    content_type: str


def gov_page(title: str, published: date, body: list[str]) -> NewsPage:
    """A government site: menu, breadcrumb, TRS editor div with <br> lines, sidebar, footer (UTF-8)."""
    lines = "<br>\n".join(f"　　{escape(line)}" for line in body)
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}_晋中市科学技术局</title></head>
<body><div class="top"><div class="menu">{"".join(f'<a href="/{i}/">{m}</a>' for i, m in enumerate(MENU))}</div></div>
<div class="position">{CRUMB}</div>
<div class="main"><div class="left-box"><h1 class="title">{escape(title)}</h1>
<div class="info">发布时间：{published:%Y-%m-%d} 10:30 来源：市科技局 浏览次数：128</div>
<div class="TRS_Editor">{lines}</div>
<div class="share">{SHARE}</div></div>
<div class="right-box"><h3>相关新闻</h3><ul>{"".join(f'<li><a href="/news/{i}.html">{r}</a></li>' for i, r in enumerate(RELATED))}</ul></div></div>
<div class="bottom">{FOOTER}</div></body></html>"""
    furniture = [*MENU, CRUMB, *RELATED, FOOTER, SHARE]
    return NewsPage(
        "gov-trs", title, published, body, furniture, html.encode("utf-8"), "text/html; charset=utf-8"
    )


def portal_page(title: str, published: date, body: list[str]) -> NewsPage:
    """A news portal in GBK: publishdate meta, <p> paragraphs, related list, comments; charset in <meta> only."""
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in body)
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta name="publishdate" content="{published:%Y-%m-%d}"><title>{escape(title)}-晋中新闻网</title></head>
<body><div id="nav"><ul>{"".join(f"<li><a href='/c{i}/'>{m}</a></li>" for i, m in enumerate(MENU))}</ul></div>
<div id="article"><h1>{escape(title)}</h1><div id="content">{paragraphs}</div>
<div class="xgxw"><h4>相关新闻</h4>{"".join(f"<a href='/a/{i}.shtml'>{r}</a><br>" for i, r in enumerate(RELATED))}</div>
<div class="comment-list">{"".join(f"<div class='item'>{c}</div>" for c in COMMENTS)}</div></div>
<div id="footer">{FOOTER}</div></body></html>"""
    furniture = [*MENU, *RELATED, *COMMENTS, FOOTER]
    return NewsPage("portal-gbk", title, published, body, furniture, html.encode("gbk"), "text/html")


def html5_page(title: str, published: date, body: list[str]) -> NewsPage:
    """An HTML5 template: <header><nav>, <article> with <time datetime>, <aside>, <footer> (UTF-8)."""
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in body)
    html = f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(title)}</title></head>
<body><header><nav>{" | ".join(MENU)}</nav></header>
<main><article><h1>{escape(title)}</h1><p class="meta"><time datetime="{published.isoformat()}T09:00:00+08:00">{published:%Y年%m月%d日}</time></p>
{paragraphs}<div class="share-bar">{SHARE}</div></article>
<aside><h2>相关阅读</h2><ul>{"".join(f"<li><a href='/p/{i}'>{r}</a></li>" for i, r in enumerate(RELATED))}</ul></aside></main>
<section class="comments">{"".join(f"<p>{c}</p>" for c in COMMENTS)}</section>
<footer>{FOOTER}</footer></body></html>"""
    furniture = [*MENU, *RELATED, *COMMENTS, FOOTER, SHARE]
    return NewsPage(
        "html5", title, published, body, furniture, html.encode("utf-8"), "text/html; charset=UTF-8"
    )


def table_page(title: str, published: date, body: list[str]) -> NewsPage:
    """An old table layout labelled gb2312 holding a GBK-only character (镕), dateline in the text."""
    body = [*body[:-1], body[-1] + "（记者 朱镕）"]
    cells = "".join(f"<p style='text-indent:2em'>{escape(line)}</p>" for line in body)
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{escape(title)}</title></head>
<body><table width="100%"><tr><td class="nav">{"&nbsp;".join(MENU)}</td></tr></table>
<table width="960"><tr><td width="700" valign="top"><table><tr><td align="center"><font size="5"><b>{escape(title)}</b></font></td></tr>
<tr><td align="center">{published:%Y年%m月%d日} 来源：晋中日报</td></tr>
<tr><td class="content">{cells}</td></tr></table></td>
<td width="260" valign="top" class="sidebar"><b>热点新闻</b><br>{"<br>".join(RELATED)}</td></tr></table>
<table width="100%"><tr><td class="copyright">{FOOTER}</td></tr></table></body></html>"""
    furniture = [*MENU, *RELATED, FOOTER]
    return NewsPage("table-gb2312", title, published, body, furniture, html.encode("gbk"), "text/html")


TEMPLATES = (gov_page, portal_page, html5_page, table_page)


def all_pages() -> list[NewsPage]:
    """Every story in every template."""
    return [template(*story) for story in STORIES for template in TEMPLATES]
