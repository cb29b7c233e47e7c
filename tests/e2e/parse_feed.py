"""Parses a feed from stdin with feedparser (an independent parser, not our code) and prints JSON."""
import html
import json
import sys

import feedparser


def text(detail, value):
    # Atom text constructs declared type="html" arrive as HTML: decode them to the text a reader shows.
    return html.unescape(value) if detail and detail.get("type") == "text/html" else value


parsed = feedparser.parse(sys.stdin.buffer.read())
print(json.dumps({
    "bozo": bool(parsed.bozo),
    "bozo_exception": str(parsed.get("bozo_exception", "")),
    "version": parsed.version,
    "feed": {
        "title": text(parsed.feed.get("title_detail"), parsed.feed.get("title", "")),
        "link": parsed.feed.get("link"),
        "updated": parsed.feed.get("updated"),
        "self": [l.get("href") for l in parsed.feed.get("links", []) if l.get("rel") == "self"],
    },
    "entries": [{
        "title": text(e.get("title_detail"), e.get("title", "")),
        "summary": text(e.get("summary_detail"), e.get("summary", "")),
        "link": e.get("link"),
        "id": e.get("id"),
        "published": e.get("published"),
        "updated": e.get("updated"),
        "tags": [t.get("term") or t.get("label") for t in e.get("tags", [])],
        "author": e.get("author"),
        "content": e["content"][0]["value"] if e.get("content") else "",
    } for e in parsed.entries],
}, ensure_ascii=False))
