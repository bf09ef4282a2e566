"""clean_html: metadata, body paragraphs, labelled removed blocks, offsets, robustness."""
from __future__ import annotations

import json
import random
import re
from datetime import datetime

import pytest

from etl_gone import htmlclean
from etl_gone.htmlclean import clean_html
from etl_gone.records import BODY, CALL_TO_ACTION, CAPTION, RELATED_LINK, SITE_CHROME, TITLE, Document

POLITICS = [
    "The city council voted 7 to 2 on Tuesday night to approve a new budget that raises "
    "property taxes for the first time in a decade, ending months of tense negotiations.",
    "Supporters said the increase was needed to pay for road repairs and to hire more "
    "teachers, while opponents warned that homeowners on fixed incomes would struggle.",
    "The mayor, who had threatened a veto, said she would sign the measure after the "
    "council agreed to set aside money for a rebate program aimed at older residents.",
    "Council member Ruth Alvarez, who voted against the plan, said the city had not done "
    "enough to cut spending before asking taxpayers to contribute more of their income.",
    "The new rates take effect in January, and the first bills will be mailed in the "
    "spring, according to the finance department, which published a calculator online.",
]
SPORT = [
    "The visitors scored twice in the final ten minutes to win 3-1 on Saturday, moving "
    "three points clear at the top of the table with only four games left to play.",
    "Their captain opened the scoring with a header from a corner, but the hosts "
    "equalised before half-time when a deflected shot looped over the goalkeeper.",
    "A penalty after a handball in the box restored the lead, and a late breakaway goal "
    "sealed the result as the home crowd began to leave the stadium in silence.",
    "The manager praised his players for staying patient and said the title race was "
    "far from over, pointing to a difficult run of away fixtures in the coming weeks.",
]
BUSINESS = [
    "Shares of the retailer fell 8 percent in early trading after the company cut its "
    "sales forecast for the year, citing weaker demand for furniture and appliances.",
    "Executives told analysts on a conference call that higher shipping costs had eaten "
    "into margins, and that a planned expansion into two new markets would be delayed.",
    "The company still expects to return cash to shareholders through a buyback program, "
    "the chief financial officer said, though the pace of purchases could slow.",
    "Analysts were divided on the outlook, with several lowering their price targets "
    "while others said the sell-off was overdone given the strength of the balance sheet.",
]

NAV = '<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/world">World News Desk</a></li></ul></nav>'
SCRIPT_TEXT = "trackingPixelLoadedOnce"
STYLE_TEXT = "fontFamilyHelveticaNeue"


def page(paragraphs: list[str], *, head: str = "", before: str = "", inside: str = "", after: str = "",
         h1: str = "A headline for the test page") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
        f"<script>var {SCRIPT_TEXT} = true;</script><style>.x {{ {STYLE_TEXT}: 1 }}</style>{head}</head>\n"
        f"<body>{NAV}{before}\n<article><h1>{h1}</h1>\n{inside}\n{body}\n</article>\n{after}"
        "<footer><p>Copyright 2024 Example Media Group. All rights reserved.</p></footer></body></html>"
    )


def body_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.body]


@pytest.mark.parametrize("paragraphs", [POLITICS, SPORT, BUSINESS], ids=["politics", "sport", "business"])
def test_paragraphs_kept_in_order(paragraphs):
    doc = clean_html(page(paragraphs))
    assert body_texts(doc) == paragraphs


def test_subheadings_and_list_items_inside_the_article_are_body_in_order():
    items = ["Roads: 12 million dollars", "Schools: 9 million dollars"]
    blocks = (POLITICS[:2] + ["<h2>Where the money goes</h2>"]
              + ["<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"] + POLITICS[2:])
    raw = page([]).replace("</article>", "".join(b if b.startswith("<") else f"<p>{b}</p>" for b in blocks)
                           + "</article>")
    doc = clean_html(raw)
    assert body_texts(doc) == POLITICS[:2] + ["Where the money goes"] + items + POLITICS[2:]


@pytest.mark.parametrize("paragraphs", [POLITICS, SPORT], ids=["politics", "sport"])
def test_scripts_styles_nav_and_footer_are_not_body(paragraphs):
    doc = clean_html(page(paragraphs))
    text = "\n".join(body_texts(doc))
    for junk in (SCRIPT_TEXT, STYLE_TEXT, "World News Desk", "Copyright 2024"):
        assert junk not in text
    assert not any(SCRIPT_TEXT in b.text or STYLE_TEXT in b.text for b in doc.blocks)


@pytest.mark.parametrize("head, outlet", [
    # a run-together site name gives way to the page's spelled-out one
    ('<meta property="og:site_name" content="TheHill"><title>Senate votes | The Hill</title>', "The Hill"),
    ('<meta property="og:site_name" content="harbourtimes">'
     '<script type="application/ld+json">{"@type": "Organization", "name": "Harbour Times"}</script>',
     "Harbour Times"),
    ('<meta property="og:site_name" content="Courier.com"><title>Senate votes | The Valley Courier</title>',
     "The Valley Courier"),
    # a handle loses its @
    ('<meta property="og:site_name" content="@marketwire">', "marketwire"),
    # a domain written in inner capitals, with no spelled-out name: the name without the domain
    ('<meta property="og:site_name" content="OrbitNews.com"><title>Rocket flies</title>', "OrbitNews"),
    # ... and an acronym run into a word comes apart
    ('<meta property="og:site_name" content="KXSports.com">', "KX Sports"),
    ('<meta property="og:site_name" content="KXSports"><title>Rocket flies</title>', "KX Sports"),
    ('<meta property="og:site_name" content="PolitiFact"><title>Rocket flies</title>', "PolitiFact"),
    ('<meta property="og:site_name" content="SFGate"><title>Rocket flies</title>', "SFGate"),
    # a domain that is the brand, and a name already written out, stay as they are
    ('<meta property="og:site_name" content="Space.com"><title>Rocket flies | Space.com</title>', "Space.com"),
    ('<meta property="og:site_name" content="Reuters"><title>Rocket flies | Reuters Breakingviews</title>',
     "Reuters"),
    # a site name that is only the page's subdomain names a platform: the dateline's wire agency published it
    ('<meta property="og:site_name" content="Hosted"><meta property="og:url" content="https://hosted.ap.org/eagle/a/1">'
     '<meta property="og:description" content="WASHINGTON (AP) \u2014 The Senate voted.">', "Associated Press"),
    # ... but a paper that runs a wire story is its outlet, and a platform with no dateline stays
    ('<meta property="og:site_name" content="Valley Courier"><meta property="og:url" '
     'content="https://news.valleycourier.com/a/1"><meta property="og:description" '
     'content="WASHINGTON (AP) \u2014 The Senate voted.">', "Valley Courier"),
    ('<meta property="og:site_name" content="Hosted"><meta property="og:url" content="https://hosted.ap.org/eagle/a/1">',
     "Hosted"),
])
def test_outlet_as_a_reader_writes_it(head, outlet):
    assert clean_html(page(BUSINESS, head=head)).outlet == outlet


@pytest.mark.parametrize("head, expected", [
    (  # Open Graph and article meta tags
        '<meta property="og:title" content="Council approves tax rise">'
        '<meta property="og:site_name" content="The Valley Courier">'
        '<meta property="article:published_time" content="2021-03-04T09:15:00+01:00">'
        '<meta name="author" content="Dana Whitfield">',
        {"title": "Council approves tax rise", "outlet": "The Valley Courier", "author": "Dana Whitfield",
         "published_at": datetime(2021, 3, 4, 9, 15), "published_source": "meta:article:published_time"},
    ),
    (  # JSON-LD NewsArticle wins over meta tags
        '<meta property="og:title" content="Social headline">'
        '<script type="application/ld+json">'
        + json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                      "headline": "Leaders clinch late win away from home",
                      "datePublished": "2022-10-01T18:45:00Z",
                      "author": [{"@type": "Person", "name": "Sam Okafor"}, {"@type": "Person", "name": "Lee Chen"}],
                      "publisher": {"@type": "Organization", "name": "Sports Daily"}})
        + "</script>",
        {"title": "Leaders clinch late win away from home", "outlet": "Sports Daily",
         "author": "Sam Okafor, Lee Chen", "published_at": datetime(2022, 10, 1, 18, 45),
         "published_source": "jsonld:datePublished"},
    ),
    (  # JSON-LD inside @graph, with a byline-style author string
        '<script type="application/ld+json">'
        + json.dumps({"@graph": [{"@type": "WebSite", "name": "Market Wire"},
                                 {"@type": ["Article"], "headline": "Retailer cuts forecast",
                                  "datePublished": "2020-06-30", "author": {"name": "By Priya Raman"}}]})
        + "</script>",
        {"title": "Retailer cuts forecast", "outlet": "Market Wire", "author": "Priya Raman",
         "published_at": datetime(2020, 6, 30), "published_source": "jsonld:datePublished"},
    ),
    (  # only <title>: the outlet is what <title> adds to the h1 headline
        "<title>A headline for the test page | Harbour Times</title>",
        {"title": "A headline for the test page", "outlet": "Harbour Times", "author": None,
         "published_at": None, "published_source": None},
    ),
    (  # only <title>, with the outlet before the headline
        "<title>The Orbit Review: A headline for the test page</title>",
        {"title": "A headline for the test page", "outlet": "The Orbit Review"},
    ),
    (  # a section's label is not part of the headline
        '<meta property="og:title" content="Opinion | The council has lost its way">'
        "<title>Opinion | The council has lost its way - The Valley Courier</title>",
        {"title": "The council has lost its way", "outlet": "The Valley Courier"},
    ),
    (
        '<meta property="og:title" content="The Courier view on the budget: a bad deal | Editorial">'
        '<meta property="og:site_name" content="The Valley Courier">',
        {"title": "The Courier view on the budget: a bad deal", "outlet": "The Valley Courier"},
    ),
    (  # a headline that only ends in a label's word keeps it
        '<meta property="og:title" content="Why the mayor chose to go live">',
        {"title": "Why the mayor chose to go live"},
    ),
    (  # og:title carrying the outlet suffix is trimmed to the headline
        '<meta property="og:title" content="Shares slide after warning - Market Wire">'
        '<meta property="og:site_name" content="Market Wire">'
        '<meta name="pubdate" content="Tue, 05 Mar 2019 14:30:00 GMT">',
        {"title": "Shares slide after warning", "outlet": "Market Wire", "author": None,
         "published_at": datetime(2019, 3, 5, 14, 30), "published_source": "meta:pubdate"},
    ),
])
def test_metadata(head, expected):
    doc = clean_html(page(BUSINESS, head=head))
    got = {key: getattr(doc, key) for key in expected}
    assert got == expected
    assert doc.language == "en"


@pytest.mark.parametrize("meta, h1, title", [
    # the headline the page shows wins over the metadata's rewrite of it
    ("Sweden drops Assange rape investigation", "Julian Assange: Sweden drops rape investigation",
     "Julian Assange: Sweden drops rape investigation"),
    ("Chasing Instagram Analytics, People are Becoming Grocery Stores", "Why My Friend Became a Grocery Store "
     "on Instagram", "Why My Friend Became a Grocery Store on Instagram"),
    # ... not an h1 that is another story's or a section's, nor a short label
    ("Sweden drops Assange rape investigation", "More on Slate Book Review", "Sweden drops Assange rape investigation"),
    ("Sweden drops Assange rape investigation", "Assange", "Sweden drops Assange rape investigation"),
])
def test_title_is_the_headline_the_page_shows(meta, h1, title):
    head = f'<meta property="og:title" content="{meta}">'
    assert clean_html(page(BUSINESS, head=head, h1=h1)).title == title


@pytest.mark.parametrize("head, before, inside, published, source", [
    # a comma before "]" is not JSON, but sites write it
    ('<script type="application/ld+json">{"@type": "NewsArticle", "keywords": ["a", "b", ],'
     ' "datePublished": "2019-11-18T16:06:51-05:00"}</script>', "", "",
     datetime(2019, 11, 18, 16, 6, 51), "jsonld:datePublished"),
    # a Yoast-style graph: the date is on the WebPage, there is no Article
    ('<script type="application/ld+json">' + json.dumps({"@graph": [
        {"@type": "WebSite", "name": "Design Notes"},
        {"@type": "WebPage", "datePublished": "2018-04-18T14:39:09+02:00"}]}) + "</script>", "", "",
     datetime(2018, 4, 18, 14, 39, 9), "jsonld:WebPage.datePublished"),
    # no machine-readable date: the one the page shows as published
    ("", "", '<div class="publish-date">Published 10:02 AM EST Nov 19, 2019</div>',
     datetime(2019, 11, 19), "class:date"),
    ("", "", '<input class="published_date" type="hidden" value="2019-11-18 23:41:18">',
     datetime(2019, 11, 18, 23, 41, 18), "class:date"),
    ("", "", '<div class="article_date">20th November 2019 - 11:28 AMT</div>', datetime(2019, 11, 20), "class:date"),
    # a "publish" element wins over a teaser's date earlier on the page
    ("", '<aside><span class="teaser-date">June 2, 2019</span></aside>',
     '<p class="entry-publish">Posted Sept. 3, 2019</p>', datetime(2019, 9, 3), "class:date"),
    ("", "", '<span class="datetime">Monday, November 18, 2019</span>', datetime(2019, 11, 18), "class:date"),
    # a date elsewhere in the text is not the publication date
    ("", "", "<p>The vote was held on Nov 19, 2019.</p>", None, None),
    # UTC in the metadata, local time on the page: the date the page shows
    ('<meta property="article:published_time" content="2019-11-20T02:59:46+00:00">', "",
     '<time datetime="2019-11-19 20:59:46">November 19, 2019 at 8:59 pm</time>',
     datetime(2019, 11, 19, 20, 59, 46), "time:datetime"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2019-11-20T10:00:00Z"}</script>'
     '<meta name="sailthru.date" content="2019-11-20 04:00:00">', "", "",
     datetime(2019, 11, 20, 4), "meta:sailthru.date"),
    # ... but not a time of something else (not a quarter-hour offset) nor a time in UTC itself
    ('<meta property="article:published_time" content="2019-11-20T02:59:46Z">', "",
     '<time datetime="2019-11-19 17:10:53">5:10 pm</time><time datetime="2019-11-20T01:59:46+00:00">x</time>',
     datetime(2019, 11, 20, 2, 59, 46), "meta:article:published_time"),
    # a local time in the metadata stays as written
    ('<meta property="article:published_time" content="2019-11-19T20:59:46-06:00">', "",
     '<time datetime="2019-11-19 18:59:46">6:59 pm</time>',
     datetime(2019, 11, 19, 20, 59, 46), "meta:article:published_time"),
    # nothing else: the day the page's address files it under
    ('<meta property="og:url" content="https://example.com/news/2019/nov/18/drug-values/">', "", "",
     datetime(2019, 11, 18), "url"),
    ('<link rel="canonical" href="https://example.com/2021/03/07/story.html">', "", "", datetime(2021, 3, 7), "url"),
    ('<link rel="canonical" href="https://example.com/2021/13/07/story.html">', "", "", None, None),
    ('<link rel="canonical" href="https://example.com/2021/03/story-12.html">', "", "", None, None),
])
def test_published_date_fallbacks(head, before, inside, published, source):
    doc = clean_html(page(BUSINESS, head=head, before=before, inside=inside))
    assert (doc.published_at, doc.published_source) == (published, source)


def test_json_ld_entities_and_truncated_headline():
    head = ('<meta property="og:title" content="Minister&#8217;s plan passes first vote">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Minister&#8217;s plan'
            ' passes first vote after a long night of debate in a chamber that rarely agrees on anything at all ...",'
            ' "author": "https://example.org/staff/jo"}</script>')
    doc = clean_html(page(POLITICS, head=head))
    assert doc.title == "Minister\u2019s plan passes first vote"  # the cut JSON-LD headline is skipped
    assert doc.author is None  # a URL is not a name


def test_title_block_comes_first_and_is_not_body():
    doc = clean_html(page(SPORT, h1="Leaders pull clear with late double"))
    assert doc.blocks[0].label == TITLE
    assert doc.blocks[0].text == "Leaders pull clear with late double"
    assert "Leaders pull clear with late double" not in body_texts(doc)


def test_figcaption_is_labelled_caption_not_body():
    figure = ('<figure><img src="a.jpg" alt=""><figcaption>Fans celebrate the second goal in front of '
              'the away stand.</figcaption></figure>')
    doc = clean_html(page(SPORT, inside=figure))
    captions = [b for b in doc.blocks if b.label == CAPTION]
    assert [b.text for b in captions] == ["Fans celebrate the second goal in front of the away stand."]
    assert captions[0].rule == "tag:figcaption"
    assert all("Fans celebrate" not in t for t in body_texts(doc))
    # reading order: caption before the paragraphs that follow the figure
    labels = [b.label for b in doc.blocks]
    assert labels.index(CAPTION) < labels.index(BODY)


@pytest.mark.parametrize("extra, label", [
    ("<p>Sign up for our morning briefing to get the day's top stories.</p>", CALL_TO_ACTION),
    ("<p>Like this report? Share it with a colleague!</p>", CALL_TO_ACTION),
    ("<p>© 2024 Valley Courier Media</p>", SITE_CHROME),
    # a site's notices about itself: a disclaimer, a rights line
    ("<p>The views and opinions expressed in the article do not necessarily reflect those of Harbour News.</p>",
     SITE_CHROME),
    ("<p>1996-98 Acme Imaging Inc., All rights reserved</p>", SITE_CHROME),
])
def test_reader_appeals_inside_the_article_are_not_body(extra, label):
    doc = clean_html(page(POLITICS).replace("</article>", extra + "</article>"))
    assert body_texts(doc) == POLITICS
    text = re.sub(r"<[^>]+>", "", extra)
    assert [b.label for b in doc.blocks if b.text == text] == [label]


@pytest.mark.parametrize("link", [
    "SEE MORE: Harbour strike: 800 workers walk out",
    "DON'T MISS",
    "Mayor furious at council over pier jibe [INSIGHT]| Ferry fares to rise [VIDEO] Strike ends [REACTION]",
    "Related: The harbour's history in pictures",
])
def test_links_to_other_stories_between_the_paragraphs_are_not_body(link):
    # a paragraph of the story's own markup that only points at another story
    html = page(POLITICS).replace("</p>", f"</p><p>{link}</p>", 1)
    doc = clean_html(html)
    assert body_texts(doc) == POLITICS
    assert [b.label for b in doc.blocks if b.text == link] == [RELATED_LINK]


def test_article_laid_out_in_a_table_cell_keeps_its_paragraphs_and_byline_apart():
    # an old-style page: the whole article, headline and byline too, in one cell of a layout table
    html = ("<html><head><title>A headline for the test page</title></head><body><table><tr><td>&nbsp;</td><td>"
            '<h1 class="headline">A headline for the test page</h1>'
            '<h3 class="byline">by Jane Doe<br><span class="datetime">Monday, November 18, 2019</span></h3>'
            + "".join(f"<p>{p}</p>" for p in POLITICS) + "</td><td></td></tr></table></body></html>")
    doc = clean_html(html)
    assert body_texts(doc) == POLITICS
    assert [(b.label, b.text) for b in doc.blocks if b.label == "byline"] == [
        ("byline", "by Jane Doe Monday, November 18, 2019")]
    assert doc.published_at == datetime(2019, 11, 18)


@pytest.mark.parametrize("dek_class", ["dek", "article__deck", "standfirst", "subtitle"])
def test_a_standfirst_under_the_headline_is_not_body(dek_class):
    dek = "Repairs cost more than double the first estimate, and the council wants to know why"
    doc = clean_html(page(POLITICS, inside=f'<p class="{dek_class}">{dek}</p>'))
    assert body_texts(doc) == POLITICS
    assert [b.label for b in doc.blocks if b.text == dek] == ["dek"]


def test_long_paragraph_mentioning_a_newsletter_stays_body():
    para = ("The paper said it would close its weekly newsletter on politics next month and move the "
            "reporters who wrote it to the investigations desk, citing falling readership.")
    doc = clean_html(page(BUSINESS + [para]))
    assert para in body_texts(doc)


def test_related_list_after_article_is_labelled():
    related = ('<div class="related-stories"><h3>More coverage</h3><ul>'
               '<li><a href="/a">Budget vote delayed again</a></li>'
               '<li><a href="/b">Mayor weighs veto of tax plan</a></li></ul></div>')
    doc = clean_html(page(POLITICS, after=related))
    related_texts = [b.text for b in doc.blocks if b.label == RELATED_LINK]
    assert "Mayor weighs veto of tax plan" in related_texts
    assert all("Mayor weighs veto" not in t for t in body_texts(doc))


@pytest.mark.parametrize("paragraphs", [POLITICS, BUSINESS], ids=["politics", "business"])
def test_offsets_point_at_the_block_in_the_raw_html(paragraphs):
    raw = page(paragraphs, inside='<figure><figcaption>The council chamber on Tuesday.</figcaption></figure>')
    doc = clean_html(raw)
    assert all(b.char_start is not None for b in doc.body)
    for block in doc.blocks:
        if block.char_start is None:
            continue
        assert 0 <= block.char_start < block.char_end <= len(raw)
        span = raw[block.char_start:block.char_end]
        words = re.findall(r"\w+", block.text)
        assert span.startswith(words[0]) and span.endswith(words[-1])
    starts = [b.char_start for b in doc.body]
    assert starts == sorted(starts)


def test_offsets_survive_entities_and_inline_markup():
    para = ("The union&#8217;s leader said talks would resume on <em>Monday</em>, and that "
            "members had &quot;no appetite&quot; for a <a href='/s'>strike</a> before the holidays.")
    raw = page([para] + BUSINESS)
    doc = clean_html(raw)
    first = doc.body[0]
    assert first.text == ("The union\u2019s leader said talks would resume on Monday, and that members had "
                          "\"no appetite\" for a strike before the holidays.")
    assert raw[first.char_start:first.char_end].startswith("The union&#8217;s")
    assert raw[first.char_start:first.char_end].endswith("holidays")


def test_repeated_short_text_gets_no_offsets():
    # "Share this story" twice: which element a block came from is unknowable, so no offsets
    share = '<div class="share-bar"><p>Share this story</p></div>'
    doc = clean_html(page(SPORT, inside=share, after=share))
    shares = [b for b in doc.blocks if b.text == "Share this story"]
    assert shares and all(b.char_start is None and b.char_end is None for b in shares)


def test_block_text_is_normalised():
    para = ("Officials\u00a0said   the bridge\n would reopen\u200b in May after repairs costing "
            "about 4 million dollars, well above the original estimate from last autumn.")
    doc = clean_html(page([para] + SPORT))
    assert doc.body[0].text == ("Officials said the bridge would reopen in May after repairs costing about "
                                "4 million dollars, well above the original estimate from last autumn.")


def test_short_page_still_has_its_paragraphs():
    raw = ("<html><body><article><h1>Polls close</h1><p>Polls closed at 8 p.m. and counting has begun "
           "in all districts.</p><p>Results are expected after midnight.</p></article></body></html>")
    doc = clean_html(raw)
    assert body_texts(doc) == ["Polls closed at 8 p.m. and counting has begun in all districts.",
                               "Results are expected after midnight."]


def nested_divs(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + "<p>Deep text here.</p>" + "</div>" * depth + "</body></html>"


def latin1_junk(seed: int, size: int) -> str:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(size)).decode("latin-1")


JUNK = {
    "empty": "",
    "blank": " \n\t ",
    "only_scripts": "<script>var a = '<p>not text</p>';</script><script type='application/ld+json'>{bad json</script>",
    "truncated": page(POLITICS)[:700],
    "truncated_in_tag": '<html><head><meta property="og:title" content="Half',
    "unbalanced_quotes": "<html><body><p class=\"a>Text 'with \"quotes</p><div id='x>more</div></body>",
    "latin1_bytes": latin1_junk(1, 5000),
    "latin1_with_tags": "<html><body><p>" + latin1_junk(2, 3000) + "</p></body></html>",
    "nested_20000_divs": nested_divs(20000),
    "deep_json_ld": "<html><head><script type='application/ld+json'>" + "[" * 50000 + "</script></head></html>",
    "lone_surrogate": "<html><body><p>broken \ud800 surrogate</p></body></html>",
    "nul_bytes": "<html>\x00<body>\x00<p>a\x00b</p></body></html>",
    "just_text": "No markup at all, only a sentence about the weather turning cold.",
    "xml_declaration": '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared.</p></body></html>',
    "bad_dates": page(SPORT, head='<meta property="article:published_time" content="2019-13-45T99:99">'
                                   '<meta name="date" content="99999999999999">'),
}


@pytest.mark.parametrize("raw", list(JUNK.values()), ids=list(JUNK))
def test_never_raises_on_junk(raw):
    doc = clean_html(raw)
    assert isinstance(doc, Document)
    for block in doc.blocks:
        assert block.text == block.text.strip() and "  " not in block.text
        if block.char_start is not None:
            assert 0 <= block.char_start <= block.char_end <= len(raw)


SCRIPTS_AND_NOSCRIPT = ("<html><head><script>" + "var queue = window.metricsQueue || [];\n" * 50
                        + "</script></head><body><script>document.write('hello');</script>"
                        "<noscript>Please enable JavaScript to view this page.</noscript></body></html>")


@pytest.mark.parametrize("raw", ["", JUNK["only_scripts"], SCRIPTS_AND_NOSCRIPT], ids=["empty", "scripts", "noscript"])
def test_no_body_in_pages_without_article_text(raw):
    assert clean_html(raw).body == []


def test_bad_dates_are_ignored():
    doc = clean_html(JUNK["bad_dates"])
    assert doc.published_at is None and doc.published_source is None


def test_nav_near_article_is_site_chrome():
    doc = clean_html(page(SPORT))
    chrome = [b.text for b in doc.blocks if b.label == SITE_CHROME]
    assert "World News Desk" in chrome


def test_large_page_keeps_every_paragraph():
    # its speed is bench/bench_large_inputs.py's to check
    paragraphs = [f"Paragraph number {i} reports that the harbour authority approved berth {i} "
                  f"for container ships after a review of safety and noise rules." for i in range(1500)]
    raw = page(paragraphs, before=NAV * 300)
    doc = clean_html(raw)
    assert len(doc.body) == 1500


# ---------------------------------------------------------------- a body the extractor cut short

def _chunk(paragraphs: list[str]) -> str:
    return '<div class="grid"><div class="body body__container">' + "".join(f"<p>{p}</p>" for p in paragraphs) + \
        "</div></div>"


SPLIT_BODY_PAGE = (
    '<html><body><article><h1>A headline for the test page</h1><div class="article__chunks">'
    + _chunk(POLITICS[:3])
    + '<div class="body__truncation-message"></div><aside class="ad"><p>Advertisement</p></aside>'
    + _chunk(POLITICS[3:])
    + '</div><section class="comments"><div class="comment-body"><p>I read this twice and I still think the '
      "council made the wrong choice on the budget this year.</p></div></section>"
    # a promotion built like the body, but far from it on the page
    + '<div class="lower"><div class="well"><div class="cards">'
    + _chunk(["The bridge on Main Street closed for repairs last week, and the city expects it to reopen in spring."])
    + "</div></div></div></article></body></html>"
)


def test_a_body_cut_short_goes_on_in_containers_of_its_kind():
    """The extractor kept only the first container (as trafilatura does on some
    paywalled pages): the body goes on in the next container of the same kind,
    past an advert, but not into the comments or a promotion of another kind."""
    tree = htmlclean._parse(SPLIT_BODY_PAGE)
    units = htmlclean._page_units(tree)
    kept = [("p", text, None) for text in POLITICS[:3]]
    doc_blocks = htmlclean._blocks(SPLIT_BODY_PAGE, None, kept, "trafilatura", units)
    assert [b.text for b in doc_blocks if b.label == BODY] == POLITICS

