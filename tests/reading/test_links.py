"""Links to follow: list pages, sitemaps, feed autodiscovery, robots.txt sitemaps."""

from datetime import date

from events.reading.links import Link, article_links, feed_links, robots_sitemaps, sitemap_links

BASE = "http://news.example.cn/kjdt/"


def test_article_links_keep_same_site_article_pages_in_order():
    html = """<div class=nav><a href="/">首页</a><a href="/kjdt/">科技动态</a></div>
    <ul><li><a href="202403/t20240312_1.html">科技节开幕</a></li>
    <li><a href="/kjdt/202403/t20240312_1.html#top">重复</a></li>
    <li><a href="http://other.example.cn/2024/03/12/content_9.htm">别的网站</a></li>
    <li><a href="/show.asp?id=12345">旧系统文章</a></li>
    <li><a href="javascript:void(0)">打印</a></li></ul>"""

    assert article_links(html, base_url=BASE) == [
        Link("http://news.example.cn/kjdt/202403/t20240312_1.html", "科技节开幕", date(2024, 3, 12)),
        Link("http://news.example.cn/show.asp?id=12345", "旧系统文章", None),
    ]


def test_feed_links_from_alternate_links():
    html = """<head><link rel="alternate" type="application/rss+xml" href="/rss.xml">
    <link rel="alternate" type="application/atom+xml" href="http://news.example.cn/atom.xml">
    <link rel="stylesheet" href="/a.css"></head>"""

    assert feed_links(html, base_url=BASE) == [
        "http://news.example.cn/rss.xml",
        "http://news.example.cn/atom.xml",
    ]


def test_sitemap_and_index():
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc>http://news.example.cn/a/1.html</loc><lastmod>2024-03-12T10:00:00+08:00</lastmod></url>
    <url><loc>http://news.example.cn/2024-03/11/c_2.htm</loc></url></urlset>"""
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>http://news.example.cn/sitemap-1.xml</loc></sitemap></sitemapindex>"""

    assert sitemap_links(urlset) == (
        [
            Link("http://news.example.cn/a/1.html", "", date(2024, 3, 12)),
            Link("http://news.example.cn/2024-03/11/c_2.htm", "", date(2024, 3, 11)),
        ],
        [],
    )
    assert sitemap_links(index) == ([], ["http://news.example.cn/sitemap-1.xml"])
    assert sitemap_links(b"<html>not xml") == ([], [])


def test_sitemap_refuses_entities():
    bomb = b"""<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>
    <urlset><url><loc>&e;</loc></url></urlset>"""

    links, _ = sitemap_links(bomb)

    assert all("root:" not in link.url for link in links)


def test_robots_sitemaps():
    robots = "User-agent: *\nDisallow: /admin/\nSitemap: http://news.example.cn/sitemap.xml\nsitemap:http://news.example.cn/s2.xml\n"

    assert robots_sitemaps(robots) == ["http://news.example.cn/sitemap.xml", "http://news.example.cn/s2.xml"]
