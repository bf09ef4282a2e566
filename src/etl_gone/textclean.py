"""Plain-text article cleaner: cut an article into blocks and label each one.

A plain-text copy of a web page keeps the page furniture that surrounded the
story: banners above the headline, the byline/dateline/photo run under it,
related headlines and embedded-media labels between paragraphs, calls to
action at the end. `clean_plain_text` labels every block (see the labels in
`etl_gone.records`) with the name of the rule that decided, and reads the
headline, outlet, author and publication date from the article's own head.

Rules look at a block's shape (length, capitalisation, final punctuation,
repetition) and at its neighbours, never at what a particular story says.
"""
from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache

from etl_gone.furniture import (
    DONATION_APPEAL_RE, content_words, is_code, is_reader_appeal, is_related_label, is_related_link, is_site_notice,
)
from etl_gone.normalize import normalize_text
from etl_gone.records import (
    BODY, BYLINE, CALL_TO_ACTION, CAPTION, CREDIT, DATELINE, DEK, EMBED,
    RELATED_LINK, SITE_CHROME, TITLE, Block, Document,
)

# ---- sizes -----------------------------------------------------------------

# Shape rules only look at lines this short; longer text is always prose.
MAX_SHAPE_CHARS = 300
# A related headline or media label is at most this many words.
MAX_HEADLINE_WORDS = 20
# A headline that is not title case ("Shares jump after record profit") is
# at most this many words; a longer line without a full stop is a sentence.
MAX_SENTENCE_HEADLINE_WORDS = 18
# A headline's last word may end in a stop that ends no sentence: an
# abbreviation ("to U.S."), an ellipsis ("onto Chiellini...'").
HEADLINE_FINAL_STOP_RE = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\.\.\.|\u2026)['\u2019\"\u201d]?$")
# A headline in sentence case between body paragraphs ("Tesla to build
# factory near Berlin") is a related link when it is at least this long and
# shares no content word with the paragraphs around it (a subheading
# announces what follows, so it shares one about half the time; a link to
# another story rarely does).
MIN_OFF_TOPIC_HEADLINE_WORDS = 5
# Share of capitalised words (small words aside) for a line to be title case.
TITLE_CASE_SHARE = 0.8
# A standfirst is a short sentence or two above the byline.
MAX_DEK_WORDS = 60
MAX_DEKS = 2
# The headline and the byline sit within this many blocks of the top.
HEAD_BLOCKS = 8
# A byline/dateline this many blocks below the first sentence still belongs
# to the head of the page (so that sentence is a standfirst, not the body).
DEK_WINDOW = 3
MAX_CAPTION_WORDS = 50
# Repetition is only checked for blocks this short (captions, headlines).
MAX_REPEAT_CHARS = 600
# "From <album>" media labels name a short source.
MAX_FROM_LABEL_WORDS = 8
# Body paragraphs searched for a leading "May 8, 2014 --" dateline.
BODY_DATELINE_PARAGRAPHS = 3
MAX_BYLINE_NAME_WORDS = 12
MAX_NAME_WORDS = 6
MAX_OUTLET_WORDS = 6
# Distinct short lines whose shape answers are remembered.
CACHE_SIZE = 4096

# ---- word lists ------------------------------------------------------------

# Words left lower case inside a title-case headline.
SMALL_WORDS = frozenset(
    "a an the and or nor but of to in on at by for from with as vs via per "
    "into onto up off out over v n 'n".split()
)
# Headlines drop their articles and tell the past in the present tense
# ("Man finds ...", "Tesla to build ..."); a line opening with an article or
# holding one of these verbs is a sentence that lost its full stop.
SENTENCE_START_WORDS = frozenset("the a an this that these those his her their its our my".split())
PAST_TENSE_WORDS = frozenset(
    "was were had did said told rose fell grew went came took made gave saw got began became won lost paid "
    "spent thought knew felt ran led met sold bought brought kept held stood wrote spoke chose would".split()
)
# Characters trimmed from a word before looking at its capitalisation.
WORD_EDGE_CHARS = "\"'“”‘’«»*()[]{}<>:;,.!?…-—–#@/|~_"
# Characters that may close a line after its final punctuation.
CLOSING_CHARS = "\"'”’»)]* "
SENTENCE_END_CHARS = ".!?…。！？"
# A headline never ends on these; a sentence or a clause does.
NOT_HEADLINE_END_CHARS = ".…,;:。，；："
# Lower-case particles inside personal names.
NAME_PARTICLES = frozenset("de del della der di da dos du el la le van von bin al ibn y st. st".split())
# Words that make a byline name an organisation rather than a person.
ORG_WORDS = frozenset(
    "news press times post journal tribune herald gazette magazine daily weekly "
    "radio tv television network networks media wire wires staff agency bureau "
    "channel online digest review chronicle observer guardian telegraph "
    "independent examiner inquirer mail express reuters afp ap associated sport "
    # the national news agencies that sign their copy: "Xinhua, April 6, 2016"
    "xinhua kyodo yonhap tass interfax ansa efe bernama anadolu dpa pti ians apa "
    "sports report reports editors editorial desk team service services group "
    "broadcasting broadcast newsroom "
    # mastheads: "The Milwaukee Sentinel", "Riverton Ledger", "The Kansas City Star"
    "courier ledger sentinel bulletin dispatch courant enquirer intelligencer advertiser argus "
    "register recorder statesman gleaner monitor star mirror record".split()
)
# Job titles that trail a name in a byline ("Jane Doe, Senior Reporter").
ROLE_WORDS = frozenset(
    "reporter correspondent editor writer contributor columnist producer "
    "analyst critic photographer anchor host".split()
)
WEEKDAY_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun".split()
)
MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

# ---- patterns --------------------------------------------------------------

# Whole-line page furniture: banners, navigation, ad slots, section labels.
SITE_CHROME_RE = re.compile(
    r"(?:breaking(?: news)?|just in|developing(?: story)?|advertisement|advertising|ad|"
    r"sponsored(?: content)?|paid content|promoted|"
    r"(?:main )?menu|navigation|search|home|homepage|sections|trending(?: now)?|"
    r"most (?:read|popular|viewed|shared)|top stories|latest(?: news| stories)?|"
    r"live(?: results| updates| scores| blog| coverage| tv| stream| now)?|watch live|"
    r"close|loading|back to top|scroll to continue(?: with content)?|"
    r"toggle (?:menu|navigation)|log ?in|sign ?in|log out|my account|accept cookies?|"
    r"privacy(?: policy| notice| settings)?|cookie policy|terms (?:of (?:use|service)|and conditions)|"
    r"contact us|about us|site ?map|skip to (?:\w+ ){0,2}\w+|"
    # a theme's skip link in the site's own language (Romanian, French, German, Spanish, Italian, ...)
    r"sari (?:direct )?la con[tț]inut|aller au contenu(?: principal)?|zum inhalt springen|"
    r"saltar al contenido(?: principal)?|ir al contenido|vai al contenuto|przejd[źz] do tre[śs]ci|"
    r"ga naar (?:de )?inhoud|pular para o conte[úu]do|hoppa till inneh[åa]llet|g[åa] til innhold|"
    # skip links run together: "Skip to main contentSkip to navigation"
    r"(?:skip to (?:main |the )?(?:content|navigation|search|footer|menu)\s*){2,}|"
    # the label of a list of a post's topics
    r"filed under|posted in|tags|tagged|topics|categories)",
    re.IGNORECASE,
)
COPYRIGHT_RE = re.compile(
    r"^(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?(?P<owner>[^.|]{2,80})?",
    re.IGNORECASE,
)
# Cookie and consent notices: site chrome however long they run.
COOKIE_NOTICE_RE = re.compile(
    r"\b(?:uses? cookies|use of cookies|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|"
    r"by (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website))\b",
    re.IGNORECASE,
)
MAX_COOKIE_NOTICE_CHARS = 800
# A headline list: this many headline-shaped lines in a row, with no sentence
# among them, is a list of links (related stories, a sidebar), not the story.
MIN_HEADLINE_LIST_RUN = 2
# A follow button, and the name it follows on the line below it.
FOLLOW_BUTTON_RE = re.compile(r"\s*(?:click to )?follow\s*[\W]*", re.IGNORECASE)
MAX_FOLLOWED_NAME_WORDS = 5
# A page's icon sprite copied as text: at least half its words name an icon.
ICON_NAME = "icon"
MIN_ICON_DUMP_WORDS = 5
# Calls to action: comment boxes, sharing, newsletters, "More From <site>".
CALL_TO_ACTION_RE = re.compile(
    r"^(?:leave a (?:\w+ )?(?:reply|comment)|post a comment|add (?:a|your) comment|"
    # "What do you think? Leave a respectful comment."
    r"what do you think\?\s*(?:leave|tell|share|let|join|add|post)|"
    r"\d*\s*comments?\s*(?:\(\d+\))?$|join the (?:conversation|discussion)|"
    r"share (?:this|on|via|the story|your)|share$|tweet this|email this|print this|"
    r"sign up|subscribe|follow us|like us on|more from|more stories|more on this|"
    # a newsletter's plug: "The i newsletter cut through the noise"
    r"the (?:[\w'\u2019]+ ){0,2}newsletters?\b|"
    r"click (?:here|to (?:share|email|print|tweet|pin|save|copy|open))|tap here|submit to|download (?:the|our) app|(?:get|see) (?:the|our) latest|get our|newsletters?|"
    r"you (?:may|might) also like|recommended(?: for you)?$|don'?t miss|continue reading|"
    # a reader poll and a list's label: "Was this article valuable?", "Here are more articles you may enjoy."
    r"was this (?:article|story|page|post) (?:helpful|valuable|useful|interesting)|"
    r"here are (?:some )?more (?:articles|stories) you (?:may|might) (?:enjoy|like)|no comments(?=:?$)|"
    r"keep reading|report an error|send us a tip|"
    r"(?:fan|find) us on|update your (?:preferences|settings|browser)|switch to (?:the )?(?:\w+ ){1,3}edition|"
    r"comments? (?:are )?powered by|your (?:\w+ )?privacy (?:rights|choices)|do not sell my|"
    r"(?:we(?:'|’)?ve noticed|it (?:looks|seems) like) you(?:'|’)?re (?:using an? )?ad ?block\w*|"
    r"thanks? (?:you )?for (?:signing up|subscribing|registering)|you(?:'|’)?(?:ve| have) (?:been )?"
    r"(?:successfully )?(?:subscribed|signed up)|there was (?:an error|a problem) (?:processing your|subscribing)|"
    r"(?:add|post|view|show|load|read) (?:a |all |more )?comments?|all comments|"
    r"your comment|post limit reached|explore further|media playback is unsupported|"
    # a paywall's log-in prompt, a reading bar's label
    r"already (?:a )?(?:subscribed|subscriber|member|registered)|"
    r"now reading(?=:?$))\b",
    re.IGNORECASE,
)
# A sign-up form's or a browser prompt's own sentences, long as they are: "I would
# like to be emailed about offers, event and updates from Evening Standard. Read
# our privacy notice.", "Stay up to date with notifications from The Independent".
FORM_TEXT_RE = re.compile(
    r"^(?:i(?:'d| would) like to (?:be emailed|be contacted|receive (?:emails|offers|updates|news))|"
    r"by (?:signing up|subscribing|submitting|registering),? you (?:agree|consent|accept)|"
    r"stay up to date with notifications|notifications can be managed|"
    r"(?:turn on|allow|enable) (?:push |browser )?notifications)\b",
    re.IGNORECASE)
# ... and a whole sign-up form copied onto one line ("Sign up to the Climate email
# ... Please enter a valid email address SIGN UP I would like to be emailed ...
# Read our privacy notice Thanks for signing up"): this many of its phrases.
SIGNUP_FORM_PHRASE_RE = re.compile(
    r"\b(?:sign up|please enter a valid email|email address|privacy (?:notice|policy)|thanks for signing up|"
    r"i would like to be emailed|get our free [\w ]{1,30}email|something went wrong)\b",
    re.IGNORECASE)
MIN_SIGNUP_FORM_PHRASES = 3
MAX_SIGNUP_FORM_CHARS = 800
# A sharing widget's text ("Email Share this with Email", "Share on Facebook
# Twitter"): a line of these words alone, with a sharing word among them.
SHARE_WIDGET_WORDS = frozenset(
    "share shares sharing email e-mail mail print copy link url this article story with on via or and to "
    "facebook twitter x pinterest linkedin whatsapp reddit tumblr flipboard messenger telegram sms tweet "
    "pin save comment comments add favorites favourites friend pdf as".split()
)
SHARE_PANEL_PHRASE = "share this with"
SHARING_WORDS = frozenset("share sharing tweet facebook twitter pinterest linkedin whatsapp reddit email print".split())
# A call to action is a label or a short plea, not a sentence of the story.
MAX_CALL_TO_ACTION_WORDS = 12
MAX_CALL_TO_ACTION_SENTENCE_WORDS = 8
ALL_RIGHTS_RESERVED_RE = re.compile(r"\s*all rights reserved.*$", re.IGNORECASE)
MORE_FROM_RE = re.compile(r"^more from\s+(?P<site>\S.*?)\s*$", re.IGNORECASE)
# The label over a list of other stories' links ("Most Popular", "More on
# <section>"): headline-shaped lines below it are links, not the headline.
LINK_LIST_HEADER_RE = re.compile(
    r"^(?:most (?:read|popular|viewed|shared|emailed|commented)|top stories|trending(?: now| stories)?|"
    r"more (?:on|from|in) \S.{0,40}|more (?:stories|news|headlines)|you (?:may|might) also like|"
    r"recommended(?: for you| stories)?|editor(?:'|’)?s picks|popular (?:now|stories))\s*:?\s*$",
    re.IGNORECASE,
)
# A line above the byline with this many words is taken for the headline
# rather than a longer headline-shaped line below it.
MIN_HEADLINE_ABOVE_BYLINE_WORDS = 4
# A title-case line this short above a headline is a section label ("Minnesota Wild").
MAX_SECTION_LABEL_WORDS = 2
# A headline this long above a sentence-case line makes that line its standfirst,
# however many lines (a caption, "This article is more than 3 years old") between.
MIN_HEADLINE_OVER_DEK_WORDS = 5
# "WATCH: <title>", "VIDEO: <title>": labels of embedded media.
MEDIA_PREFIX_RE = re.compile(
    r"^(?:watch|video|videos|photos?|gallery|listen|audio|podcast|slideshow|graphic)\s*:\s*\S",
    re.IGNORECASE,
)
# "From <album/show>" under an embedded track or clip.
FROM_LABEL_RE = re.compile(r"^From\s+(?P<source>\S.*)$")
BYLINE_RE = re.compile(
    r"^(?:(?:Posted|Written|Story|Words|Reporting|Text|POSTED|WRITTEN)\s+)?"
    r"(?:By|BY|by|(?:Article by|Author|Authors|Written by|Reporter)\s*:)(?:\s*:\s*|\s+|(?=[A-Z]))(?P<rest>\S.*)$"
)
# A list bullet a copy keeps before a menu item or a byline ("• Share", "• Author: Jane Doe").
BULLET_RE = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25e6\u2023]|-(?=\s))\s*")  # "• Share", "- Print »"
LIST_NUMBER_RE = re.compile(r"^\s*(?:\d{1,2}[.)]|[\u2022\u00b7*-])\s*")
# What may follow the names in a byline line: a date, a role, a location.
# Marks between the pieces of a head line ("Jane Doe | The Daily Ledger | May 1, 2020").
HEAD_LINE_MARKS = r"\||•|·|—|–|\s-\s"
BYLINE_SEPARATOR_RE = re.compile(rf"\s*(?:{HEAD_LINE_MARKS}|\bon\b|\bupdated\b|\bpublished\b)\s*")
# A byline may end on an initial ("By Jane Q."), never on a sentence's full stop.
INITIAL_AT_END_RE = re.compile(r"\b[A-Z]\.$")
NAME_LIST_SEPARATOR_RE = re.compile(r"\s*(?:,|\band\b|&)\s*", re.IGNORECASE)
# Photo credits: "Name/Agency/Getty Images", "Photo: Name", "(AP Photo/Name)".
CREDIT_PREFIX_RE = re.compile(
    r"^\(?(?:photo(?:graph)?s?|image|picture|credit|photo credit|image credit|illustration|"
    r"video|source|courtesy)\s*(?:by\b|:|credit:|courtesy of\b)\s*\S",
    re.IGNORECASE,
)
CREDIT_AGENCY_RE = re.compile(
    r"(?:getty images|ap photo|associated press|reuters|afp|epa|shutterstock|wireimage|"
    r"filmmagic|redferns|invision|corbis|alamy|pool|istock(?:photo)?|zuma(?: press)?|"
    r"rex features|pa images|pa wire|bloomberg|newscom|splash news|x17online)",
    re.IGNORECASE,
)
QUOTE_MARKS = "\"\u201c\u201d"  # a caption quotes nobody
# Agencies known by their initials alone in a caption's brackets: "(AP)".
AGENCY_INITIALS = frozenset({"AP", "AFP", "EPA", "UPI", "PA", "dpa"})
URL_RE = re.compile(r"https?://|www\.", re.IGNORECASE)

MONTH_PATTERN = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_PATTERN = (
    rf"(?:\b(?P<mdy_month>{MONTH_PATTERN})\s+(?P<mdy_day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<mdy_year>(?:19|20)\d{{2}})\b)?"
    rf"|\b(?P<dmy_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dmy_month>{MONTH_PATTERN})"
    rf"(?:,?\s+(?P<dmy_year>(?:19|20)\d{{2}})\b)?"
    rf"|\b(?P<iso_year>(?:19|20)\d{{2}})-(?P<iso_month>[01]\d)-(?P<iso_day>[0-3]\d)\b"
    # "2/1/2014": month first as American sites write it, unless the first number is no month
    rf"|\b(?P<num_first>\d{{1,2}})/(?P<num_second>\d{{1,2}})/(?P<num_year>(?:19|20)\d{{2}})\b)"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
TIME_RE = re.compile(
    r"\b(?P<hour>[012]?\d)[:.](?P<minute>[0-5]\d)(?::[0-5]\d)?\s*(?P<ampm>[ap]\.?\s?m\.?)?(?![\w])",
    re.IGNORECASE,
)
# Everything else a dateline line may hold besides the date and the time.
DATELINE_FILLER_RE = re.compile(
    r"\b(?:(?:page )?last updated|first published|(?:latest|last) update|updated|published|posted|date|on|at|"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|"
    r"[ecmp][sd]?t|gmt|utc|bst|cet|cest|ist|aest|aedt|hkt|jst|sgt|"
    # a clock without its colon before its zone: "Updated 1348 GMT (2148 HKT)"
    r"[012]\d[0-5]\d(?=\s+(?:[ecmp][sd]?t|gmt|utc|bst|cet|cest|ist|aest|aedt|hkt|jst|sgt)\b)|"
    r"(?:british summer|greenwich mean|(?:eastern|central|mountain|pacific) (?:standard|daylight)) time|"
    # how old the page was when it was copied: "May 14, 2015 / 12:03 AM / 4 years ago"
    r"(?:an?|\d+) (?:years?|months?|weeks?|days?|hours?|minutes?|mins?) ago|"
    # "5:38 PM, Feb 12, 2014 | comments": the comment counter beside the date
    r"(?:\d+ )?comments?)\b\.?",
    re.IGNORECASE,
)
UPDATED_RE = re.compile(r"\bupdated\b", re.IGNORECASE)
# A wire agency's initials in brackets beside a date stamp.
AGENCY_IN_BRACKETS_RE = re.compile(rf"\(\s*(?:{'|'.join(sorted(AGENCY_INITIALS))})\s*\)")
# A live blog post's headline glued to its time stamp: "Moyes sackedpublished at 08:39 ..."
GLUED_DATELINE_RE = re.compile(r"(?<=[a-z.!?'\"\u201d\u2019])(?=(?:published|updated|posted) at \d)"
                               # "Wen visits Harbin; Russia offered sorry (AP) Updated: 2005-11-27 09:18"
                               r"|(?<=\S)\s+(?=(?:\([A-Z][\w .]{0,20}\)\s+)?(?:Published|Updated|Posted):?\s+"
                               r"[12]\d{3}-\d\d-\d\d)")
# A byline glued to its date: "Peter Allen10 December 2013".
GLUED_NAME_DATE_RE = re.compile(
    rf"^(?:[A-Z][\w'\u2019.-]*\s+){{1,3}}[A-Z][a-z'\u2019-]+(?=\d{{1,2}}\s+{MONTH_PATTERN}\s+\d{{4}}\s*$)")
# ... or a date glued to the first paragraph: "September 27, 2014Mount Ontake took ...".
GLUED_DATE_TEXT_RE = re.compile(
    rf"^(?:{MONTH_PATTERN}\s+\d{{1,2}},?|\d{{1,2}}\s+{MONTH_PATTERN},?)\s+(?:19|20)\d{{2}}(?=[A-Z][a-z])")
# The sentence after an appeal for money, in the same line ("... difference. Two men have died").
SENTENCE_AFTER_APPEAL_RE = re.compile(r"(?<=[a-z][.!?]) ?(?=[A-Z][a-z]+ )")
MIN_PARAGRAPH_AFTER_APPEAL_WORDS = 12
# "May 16, 2014 09:08 pm | Updated ... IST - Soma, Turkey": the place after a dash ending a dateline
PLACE_AFTER_DATE_RE = re.compile(r"\s[-\u2013\u2014]\s+[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2}"
                                 r"(?:,\s+[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,2})?\s*$")
# "SAN FRANCISCO Sun May 13, 2012 6:26pm EDT": the city of a wire dateline, in capitals
CITY_BEFORE_DATE_RE = re.compile(r"^\s*(?:[A-Z][A-Z.'-]+\s+){1,3}(?=[A-Z][a-z]|\d)")
# A time stamp alone on its line: "03:48 PM ET", "5:38 p.m. EST"
TIME_STAMP_RE = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:[ap]\.?\s?m\.?)?\s*(?:[A-Z]{1,4}T|GMT|UTC)?", re.I)
# A headline line over its standfirst in one block: the headline's length, and
# the words a wrapped line ends on when its sentence goes on.
MAX_HEADLINE_LINE_WORDS = 14
# Text wrapped by its writer or a mailer keeps lines to ~80 characters; a
# longer line inside a block is a whole paragraph.
MAX_WRAPPED_LINE_CHARS = 120
LINE_CONTINUING_WORDS = frozenset("the a an of and or to in for with on at by from as that than".split())
# A menu line: "News | Local | Sports | Opinion | Obituaries".
MIN_MENU_PIECES = 3
MAX_MENU_PIECE_WORDS = 3
# The pieces of a head line such as "The Evening Post | March 3, 2020".
# "This article was published 7/7/2013 (1502 days ago), so information in it
# may no longer be current.": the page's own word on its date, worth more than
# a date printed at its top (often the day it was copied).
PUBLICATION_NOTICE_RE = re.compile(
    r"(?:^|\n)This (?:article|story|post|page|piece|report) was (?:first |originally )?(?:published|posted)\b"
    # ... and so is a line labelled "Published" or "Posted": "Published 19/04/2014 | 02:30", "Published: 7:04AM
    # Wednesday November 24, 2010 Source: ONE News"
    r"|(?:^|\n)(?:First )?(?:Published|Posted)(?: on)?:?\s+(?=[^\n]{0,30}\d)")
MAX_PUBLICATION_NOTICE_CHARS = 250
# "By City News, citynews.ca": the outlet's web address after the names
BYLINE_DOMAIN_END_RE = re.compile(r",\s*(?:www\.)?[a-z0-9-]+(?:\.[a-z]{2,}){1,2}\s*$")
HEAD_LINE_SEPARATOR_RE = re.compile(rf"\s*(?:{HEAD_LINE_MARKS})\s*")
# "May 8, 2014 -- Text": a dateline opening the first body paragraph;
# "WASHINGTON, May 8, 2014 (Reuters) - Text" too.
BODY_DATELINE_RE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z .'-]{{1,40}},\s+)?{DATE_PATTERN}\s*(?:\([^()]{{1,40}}\)\s*)?(?:--|—|–|-|:)\s",
    re.IGNORECASE,
)
# ... or a date in brackets: "(September 24, 2015) Volkswagen CEO Martin Winterkorn stepped down".
BODY_PAREN_DATELINE_RE = re.compile(rf"^\s*\({DATE_PATTERN}\)\s+(?=[A-Z])", re.IGNORECASE)
# A page's counter (comments, shares) right after a date's year.
COUNT_AFTER_YEAR_RE = re.compile(r"(?<=\d{4})\s+\d{1,4}\s*$")
# A wire story's opening: "WASHINGTON (AP) — ", "LONDON, England (Reuters) - ".
WIRE_DATELINE_RE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{1,40}(?:,\s+[A-Z][A-Za-z. ]{1,30})?\s+\((?P<agency>[A-Z][A-Za-z&. ]{0,30})\)\s*(?:--|—|–|-)\s")
NON_WORD_RE = re.compile(r"[\W_]+")
# "word. Word": two sentences, so not a headline ("J. Smith" is one name).
SENTENCE_BOUNDARY_RE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z]")
# A short quotation inside a line: its full stops end no sentence of the line
# ("'Meth. We're On It': South Dakota campaign is working").
QUOTED_SPAN_RE = re.compile(r"[\"\u201c\u2018'].{1,60}?[\"\u201d\u2019'](?=[\s:,;.!?]|$)")
# "... South Korea (AP)": a word, then an agency in brackets, ending the line.
BARE_AGENCY_END_RE = re.compile(r"\w\s+\((?P<agency>[A-Za-z][\w&. ]{0,30})\)\s*$")
# The arrow a link ends with: "Print »".
LINK_ARROW_END_RE = re.compile(r"[\u00bb\u203a>]\s*$")
# A page widget's words glued to the end of a line: "Xinhua, April 6, 2016 Adjust font size:".
WIDGET_TAIL_RE = re.compile(r"\s*(?:(?:adjust|change|increase|decrease) )?(?:font|text) size:?\s*[-+aA ]*$",
                            re.IGNORECASE)
# A teaser for another story, cut off and linked: "Former All Black Mils
# Muliaina has been charged ..., police say... Find out more".
TEASER_LINK_END_RE = re.compile(r"(?:\.\.\.|\u2026)\s*(?:find out more|read more|learn more|more|full story)"
                                r"\s*[»>]?\s*$", re.IGNORECASE)
# The fewest words of a last line cut off in mid-sentence that is kept as the
# story's (a lone "Immedia" says nothing).
MIN_CUT_OFF_WORDS = 2
# ... unless it tells the reader to do something: a footer's link ("See all the
# software tools used to run this site"), not a story's sentence.
IMPERATIVE_LEAD_RE = re.compile(r"(?:See|Read|Find|Visit|Follow|Click|Subscribe|Sign|Get|Download|Watch|Listen|Learn|"
                                r"Discover|Explore|Join|Support|Share|Contact|Check|Browse|View|Try|Order|Buy|Shop)\b")
# A teaser of the first paragraph, cut off with an ellipsis above it in full:
# at least this many words of it.
MIN_CUT_TEASER_WORDS = 8
# "— Name (@handle) May 8, 2014": the signature of an embedded post.
SOCIAL_EMBED_RE = re.compile(r"^[—–-]+\s*[^\n]{1,80}?\(@\w{1,30}\)")
# "(Reporting by ...; Editing by ...)": the agency's credit line at the end.
# "Jane Doe contributed reporting from Hong Kong.", "AP writers ... contributed to this report."
CONTRIBUTOR_LINE_RE = re.compile(
    r"\bcontributed (?:reporting|research|to (?:this|the) (?:report|story|article))\b", re.IGNORECASE)
MAX_CONTRIBUTOR_LINE_WORDS = 40
# The labels a site prints before a caption: "Image caption ...", "Media captionWho is ...".
CAPTION_PREFIX_RE = re.compile(r"^(?:[Ii]mage|[Mm]edia|[Vv]ideo|[Pp]hoto|[Pp]icture) ?(?:caption|copyright|source)"
                               r"(?=[\s:A-Z]|$)"
                               # the wires' "In this March 23, 2018, file photo, ...", "FILE - In this image
                               # released by ABC, ...", and a bare label glued on: "photo Mayor Rob Ford ..."
                               r"|^(?:FILE\s*[-\u2013\u2014]\s*)?In this (?:[\w.,'\u2019 -]{0,60}?\s)?(?:file\s+)?"
                               r"(?:photo|image|picture|photograph|handout photo|video image|frame grab)\b"
                               r"|^photo\s+(?=[A-Z])")
# A caption that ends with its picture's credit: "... map of Titan. (NASA/JPL-Caltech/ASU)".
CAPTION_CREDIT_END_RE = re.compile(r"\((?:[^()]*/[^()]*|[^()]*\b(?:photos?|images?|photograph|credit)\b[^()]*)\)\s*$",
                                   re.IGNORECASE)
# ... or with an agency and its photographer, slash-joined: "... in Hanover August 25, 2009.
# REUTERS/Christian Charisius", "... on June 13, 2019.Mike Blake / Reuters file"
CAPTION_AGENCY_SLASH_END_RE = re.compile(
    rf"[.!?)]\s*(?:[A-Z][\w.'-]*\s+){{0,3}}?(?:(?i:{CREDIT_AGENCY_RE.pattern})\s*/\s*[A-Z][\w.'-]*"
    rf"(?:\s+[A-Z][\w.'-]*){{0,3}}|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,2}}\s*/\s*(?i:{CREDIT_AGENCY_RE.pattern})"
    r"(?:\s+file)?)\s*$")
# ... or with "Photo: Name, AP", "Credit: ESA", "Photograph by Name/Agency"
# after its last sentence: a credit of a few words, at any length of caption.
CAPTION_CREDIT_SUFFIX_RE = re.compile(
    r"[.!?)\u201d\"]\s+(?:(?:--?|[\u2013\u2014])\s*)?\(?(?:photo(?:graph)?s?|image|picture|credit|photo credit|image credit|illustration)"
    r"\s*(?:by\b|:|courtesy of\b)\s*(?P<credit>[^!?:;]{2,80})\)?\s*$", re.IGNORECASE)
MAX_CREDIT_WORDS = 8
# ... or with an agency's credit in parentheses, at any length: "(AP Photo/Dawn
# Villella)", "(AFP: Gianluigi Guercia)"
CAPTION_AGENCY_PAREN_END_RE = re.compile(
    rf"\((?:{CREDIT_AGENCY_RE.pattern})(?:\s+photo)?\s*[/:]\s*[^()]{{2,60}}\)\s*$", re.IGNORECASE)
# ... or with its credit bare, a name without a full stop after a finished
# sentence: "... use of the drug. Getty", "... immune system. Jane Doe for Quanta
# Magazine". A word of two letters or more ends the sentence, so that "Dr. Jane
# Doe" or "St. Louis" is no credit; a body paragraph ends with its own full stop.
CAPTION_BARE_CREDIT_END_RE = re.compile(
    r"\b[a-z0-9]{2,}[)\]]?[.!?][\"\u201d\u2019]?\s+"
    r"[A-Z][\w&'\u2019.-]*(?:\s+(?:[A-Z][\w&'\u2019.-]*|for|of|the|and|/)){0,5}(?<=\w)\s*$")
# ... or with where the picture came from: "Jane Doe Submitted photo", "File photo".
PHOTO_SOURCE_SUFFIX_RE = re.compile(
    r"(?:^|\s)(?P<open>\()?(?:submitted|contributed|file|courtesy|handout|supplied|provided|staff) "
    r"(?:photo(?:graph)?|image|picture)s?\s*\.?\)?\s*$", re.IGNORECASE)
# What only a caption says of its picture: "Jane Doe, left, speaks with ...",
# "A stock image of ...", "An artist's illustration of ...".
CAPTION_CUE_RE = re.compile(
    r",\s(?:left|right|center|centre|second from (?:left|right)|front|rear|top|bottom),\s|"
    r"\((?:left|right|center|centre|top|bottom|pictured)\)|^pictured\b|\bpictured (?:above|below|here)\b|"
    r"\b(?:a |this )?(?:stock|file) "
    r"(?:image|photo|picture)\b|\bin this (?:file |undated |handout )?(?:photo|image|picture)\b|"
    r"\b(?:an? )?artist(?:'|’)s (?:illustration|impression|rendering|concept)\b|\bphoto illustration\b|"
    # "Jonny Buckland (L) and Chris Martin (R)", "The offices are pictured in", "is seen in a photo"
    r"(?-i:\([LR]\))|\b(?:is|are) pictured\b|\b(?:is|are) seen in an? (?:[\w-]+ ){0,6}?(?:photo|image|picture)\b",
    re.IGNORECASE)
# A writer's note at the end: "Julius Doe is an LA Entertainment Reporter for Fox News."
AUTHOR_BIO_RE = re.compile(
    r"^(?!(?:He|She|It|They|This|That|There|Who)\b)[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){0,3} is an? "
    r"(?:[\w,-]+ ){0,8}?"
    r"(?i:reporter|writer|editor|correspondent|columnist|contributor|author|journalist|producer|educator|"
    r"intern|critic|analyst)s?\b")
AUTHOR_BIO_TAIL_BLOCKS = 3
MAX_AUTHOR_BIO_WORDS = 60
REPORTING_CREDIT_RE = re.compile(
    r"^\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|research|contributing) by\b",
    re.IGNORECASE,
)
SPACES_RE = re.compile(r"\s+")
LIST_ITEM_START_RE = re.compile(r"^\W*\d")


def clean_plain_text(raw: str) -> Document:
    """Label every block of a plain-text article and read its metadata.

    Never raises: input that cannot be read gives an empty Document.
    """
    try:
        return _clean(raw if isinstance(raw, str) else "")
    except Exception:  # a cleaner must not stop the pipeline on odd input
        return Document()


# ---- cutting ---------------------------------------------------------------


def _cut_units(text: str) -> list[tuple[int, int, int]]:
    """(start, end, group) of each unit of the normalised text.

    A unit is a blank-line block, or one line of it when the block mixes
    kinds (a byline above a dateline above a caption and a credit); `group`
    numbers the blank-line block the unit came from.
    """
    units: list[tuple[int, int, int]] = []
    lines: list[tuple[int, int]] = []  # stripped spans of the current block
    group = 0
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            begin, end = pos + lead, pos + lead + len(stripped)
            cut = _glued_cut(stripped)
            if cut is not None:
                lines.append((begin, begin + len(stripped[:cut].rstrip())))
                begin += cut
            lines.append((begin, end))
        elif lines:
            units.extend((s, e, group) for s, e in _split_block(text, lines))
            group += 1
            lines = []
        if nl < 0:
            break
        pos = nl + 1
    if lines:
        units.extend((s, e, group) for s, e in _split_block(text, lines))
    return units


def _glued_cut(line: str) -> int | None:
    """Where a second unit starts in a line that glues two: a live post's
    headline and its time ("Moyes sackedpublished at 08:39 ..."), a byline and
    its date ("Peter Allen10 December 2013"), a date and the first paragraph
    ("September 27, 2014Mount Ontake took ..."), or an appeal
    for money and the story's first paragraph ("Your support makes all the
    difference.Two men have died after a Tesla ...")."""
    glued = GLUED_DATELINE_RE.search(line)
    if glued is not None:
        return glued.start()
    glued = GLUED_NAME_DATE_RE.match(line) or GLUED_DATE_TEXT_RE.match(line)
    if glued is not None:
        return glued.end()
    glued = SENTENCE_AFTER_APPEAL_RE.search(line)
    if glued is not None and DONATION_APPEAL_RE.search(line, 0, glued.start()) \
            and len(line[glued.end():].split()) >= MIN_PARAGRAPH_AFTER_APPEAL_WORDS:
        return glued.end()
    return None


def _split_block(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep a blank-line block whole (wrapped prose, verse) unless one of its
    lines is furniture or it repeats a line; then give each line its own unit,
    rejoining lines that continue a sentence."""
    if len(lines) == 1:
        return lines
    texts = [text[s:e] for s, e in lines]
    repeats = any(a == b for a, b in zip(texts, texts[1:]))
    if _is_headline_over_dek(texts):
        return lines
    # a line longer than any wrapped line: the copy puts one paragraph on each line
    unwrapped = any(len(t) > MAX_WRAPPED_LINE_CHARS for t in texts[:-1])
    if not unwrapped and not repeats and not any(_splits_block(t) for t in texts):
        return [(lines[0][0], lines[-1][1])]
    spans: list[tuple[int, int]] = []
    for (s, e), t in zip(lines, texts):
        if (spans and not _splits_block(t) and t[:1].islower()
                and not _splits_block(text[spans[-1][0]:spans[-1][1]])
                and _last_char(text[spans[-1][0]:spans[-1][1]]) not in SENTENCE_END_CHARS):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


# ---- shapes ----------------------------------------------------------------


def _cached_for_short_text(func):
    """Shape rules ask about the same short lines many times: remember their
    answers (long texts are not kept alive as cache keys)."""
    cached = lru_cache(maxsize=CACHE_SIZE)(func)

    def wrapper(text: str):
        return cached(text) if len(text) <= MAX_SHAPE_CHARS else func(text)

    wrapper.cache_clear = cached.cache_clear
    wrapper.__doc__ = func.__doc__
    return wrapper


@_cached_for_short_text
def _words(text: str) -> tuple[str, ...]:
    """Words of a line without their edge punctuation."""
    out = []
    for token in text.split():
        word = token.strip(WORD_EDGE_CHARS)
        if word and (word.isalnum() or any(c.isalnum() for c in word)):
            out.append(word)
    return tuple(out)


def _is_capitalised(word: str) -> bool:
    for c in word:
        if c.isalpha():
            return c.isupper()
        if c.isdigit():
            return True
    return False


def _last_char(text: str) -> str:
    trimmed = text.rstrip(CLOSING_CHARS)
    return trimmed[-1:] if trimmed else ""


@_cached_for_short_text
def _is_title_case(text: str) -> bool:
    """Most words capitalised, small words aside: a headline or a label."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    words = _words(text)
    if not words or len(words) > MAX_HEADLINE_WORDS:
        return False
    counted = [w for i, w in enumerate(words) if i == 0 or w.lower() not in SMALL_WORDS]
    capitalised = [w for w in counted if _is_capitalised(w)]
    if not any(any(c.isalpha() for c in w) for w in capitalised):
        return False
    return len(capitalised) >= TITLE_CASE_SHARE * len(counted)


def _is_headline(text: str) -> bool:
    """Title case and no sentence or clause ending: a headline or a label. A
    line of two sentences is a headline when every word of it is capitalised
    ("Home Depot Stock Is Falling. Why You Shouldn't Worry.")."""
    if not _is_title_case(text):
        return False
    if not _has_sentence_boundary(text):
        return _last_char(text) not in NOT_HEADLINE_END_CHARS
    words = _words(text)
    return len(words) <= MAX_HEADLINE_WORDS and all(_is_capitalised(w) for w in words
                                                    if w.lower() not in SMALL_WORDS)


def _has_sentence_boundary(text: str) -> bool:
    """A sentence ends inside the line, outside its short quotations."""
    return SENTENCE_BOUNDARY_RE.search(text) is not None \
        and SENTENCE_BOUNDARY_RE.search(QUOTED_SPAN_RE.sub("x", text)) is not None


def _is_sentence_headline(text: str) -> bool:
    """A capitalised line without final punctuation, short enough to be the
    headline at the top of the page even when it is not title case."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    words = _words(text)
    if not 3 <= len(words) <= MAX_SENTENCE_HEADLINE_WORDS or not _is_capitalised(words[0]):
        return False
    if _has_sentence_boundary(text):
        return False
    return _last_char(text) not in NOT_HEADLINE_END_CHARS


def _is_prose(text: str) -> bool:
    """Sentence-shaped: ends like a sentence or a clause, or is too long for
    a headline."""
    if len(text) > MAX_SHAPE_CHARS:
        return True
    if _is_headline(text):
        return False
    return (_last_char(text) in NOT_HEADLINE_END_CHARS + "!?！？"
            or len(_words(text)) > MAX_SENTENCE_HEADLINE_WORDS
            or _has_sentence_boundary(text))


def _is_icon_names(text: str) -> bool:
    """The names of a page's icons copied as text ("bookmarkicon cameraicon
    checkicon ..."), at any length."""
    words = text.split()
    return len(words) >= MIN_ICON_DUMP_WORDS and sum(ICON_NAME in w.lower() for w in words) * 2 >= len(words)


def _is_chrome(text: str) -> bool:
    if "\n" in text:  # a list of skip links: "1. Skip to content / 2. Skip to main menu"
        lines = [LIST_NUMBER_RE.sub("", line).strip() for line in text.split("\n") if line.strip()]
        return len(lines) > 1 and all(_is_chrome(line) for line in lines)
    if len(text) > 60:
        return bool(COPYRIGHT_RE.match(text)) and len(text) <= MAX_SHAPE_CHARS
    core = text.strip(WORD_EDGE_CHARS + " ")
    return bool(SITE_CHROME_RE.fullmatch(core)) or bool(COPYRIGHT_RE.match(text))


def _is_call_to_action(text: str) -> bool:
    if len(text) <= MAX_SHAPE_CHARS and FORM_TEXT_RE.match(text):
        return True
    if len(text) > MAX_SHAPE_CHARS or not CALL_TO_ACTION_RE.match(text):
        return False
    limit = (MAX_CALL_TO_ACTION_SENTENCE_WORDS if _last_char(text) in SENTENCE_END_CHARS
             else MAX_CALL_TO_ACTION_WORDS)
    return len(_words(text)) <= limit


def _is_share_widget(text: str) -> bool:
    words = [w.lower() for w in _words(text)]
    # one word will do when it is a link's ("Print »", "Email »")
    least = 1 if LINK_ARROW_END_RE.search(text) else 2
    return (least <= len(words) <= MAX_CALL_TO_ACTION_WORDS and set(words) <= SHARE_WIDGET_WORDS
            and not SHARING_WORDS.isdisjoint(words))


@_cached_for_short_text
def _byline_parts(text: str) -> tuple[tuple[str, ...], str] | None:
    """Names of a byline line and what follows them, or None if the line is
    not a byline ("By the time ..." is not)."""
    if len(text) > MAX_SHAPE_CHARS:
        return None
    m = BYLINE_RE.match(text)
    if not m and (names := _names_and_outlet(text)) is not None:
        return names, ""
    if not m:
        # "Updated: Sun, 07 Jul 2013 10:18 GMT | By City News": a date stamp, then the byline
        stamp, *rest = HEAD_LINE_SEPARATOR_RE.split(text, maxsplit=1)
        if rest and _is_dateline(stamp) and BYLINE_RE.match(rest[0]) \
                and (parts := _byline_parts(rest[0])) is not None:
            return parts[0], f"{stamp} {parts[1]}".strip()
        return None
    pieces = BYLINE_SEPARATOR_RE.split(m.group("rest"), maxsplit=1)
    names_part = BYLINE_DOMAIN_END_RE.sub("", pieces[0]).strip(" ,;:")
    tail = pieces[1] if len(pieces) > 1 else ""
    words = _words(names_part)
    if not words or len(words) > MAX_BYLINE_NAME_WORDS or words[0].lower() in WEEKDAY_WORDS:
        return None
    if DATE_RE.match(names_part):
        return None
    if names_part[-1:] == "." and not INITIAL_AT_END_RE.search(names_part):
        return None
    names = tuple(n for n in NAME_LIST_SEPARATOR_RE.split(names_part) if n)
    for name in names:
        name_words = _words(name)
        if not name_words or len(name_words) > MAX_NAME_WORDS:
            return None
        if not all(_is_capitalised(w) or w.lower() in NAME_PARTICLES for w in name_words):
            return None
    return names, tail


def _names_and_outlet(text: str) -> tuple[str, ...] | None:
    """The writers and the outlet of a byline without "By": "Riley Sparks and
    Monique Muise, The Gazette" (people of two or three capitalised words
    each, then a name with a press word)."""
    head, sep, outlet = text.rpartition(",")
    if not sep or not _is_org_name(outlet) or _outlet_name(outlet) is None:
        return None
    names = tuple(n for n in NAME_LIST_SEPARATOR_RE.split(head.strip()) if n)
    if not names or not all(2 <= len(w := _words(n)) <= 3 and all(_is_capitalised(x) for x in w)
                            and not _is_org_name(n) and not _is_role(n) for n in names):
        return None
    return names + (outlet.strip(),)


def _is_org_name(name: str) -> bool:
    words = _words(name)
    if any(w.lower() in ORG_WORDS for w in words):
        return True
    # a lone acronym ("CNN"), not a name in capitals ("JANE DOE")
    return len(words) == 1 and words[0].isupper() and len(words[0]) <= 6


def _is_role(name: str) -> bool:
    return any(w.lower() in ROLE_WORDS for w in _words(name))


@_cached_for_short_text
def _is_dateline(text: str) -> bool:
    """A line that holds a date (and maybe a time, weekday, "Updated", the
    city in capitals) only, or a time stamp alone ("03:48 PM ET")."""
    if len(text) > 80:
        return False
    if not DATE_RE.search(text):
        return TIME_STAMP_RE.fullmatch(text.strip()) is not None
    text = COUNT_AFTER_YEAR_RE.sub("", text)  # "Tuesday, 23 Sep, 2019 0": a comment counter after it
    text = AGENCY_IN_BRACKETS_RE.sub(" ", text)  # "(AP) Updated: 2005-11-27 09:18"
    residue = DATE_RE.sub(" ", CITY_BEFORE_DATE_RE.sub(" ", PLACE_AFTER_DATE_RE.sub(" ", text)))
    residue = TIME_RE.sub(" ", residue)
    residue = DATELINE_FILLER_RE.sub(" ", residue)
    return not NON_WORD_RE.sub("", residue)


def _outlet_name(piece: str) -> str | None:
    """A piece of a head line that names an outlet: a short title-case name
    of two words or more, or one with a press word ("Reuters", "The Daily
    Ledger"); a lone section word ("Politics") is not one."""
    name = piece.strip(WORD_EDGE_CHARS + " ")
    words = _words(name)
    if not words or len(words) > MAX_OUTLET_WORDS or DATE_RE.search(name) or _is_role(name) \
            or any(c in name for c in ",@") or any(c.isdigit() for c in name):
        return None
    if not _is_title_case(name) or not (len(words) >= 2 or _is_org_name(name)):
        return None
    return name


@_cached_for_short_text
def _is_section_menu(text: str) -> bool:
    """A site's menu copied as a line: "News | Local | Sports | Opinion" (three
    or more short title-case pieces, no date, no sentence)."""
    pieces = [p for p in HEAD_LINE_SEPARATOR_RE.split(text) if p.strip()]
    return len(pieces) >= MIN_MENU_PIECES and not DATE_RE.search(text) and all(
        len(_words(p)) <= MAX_MENU_PIECE_WORDS and _is_title_case(p) and not any(c.isdigit() for c in p)
        for p in pieces)


def _outlet_of_dated_line(text: str) -> str | None:
    """The outlet of a head line that holds only an outlet and a date
    ("The Evening Post | March 3, 2020"), else None."""
    if len(text) > MAX_SHAPE_CHARS or not DATE_RE.search(text):
        return None
    pieces = [p for p in HEAD_LINE_SEPARATOR_RE.split(text) if p.strip()]
    if len(pieces) == 1 and "," in text:
        # "The Evening Post, 5 March 2020": a comma, when the name is an outlet's by its words
        name_piece = _name_before_dated_comma(text)
        return _outlet_name(name_piece) if name_piece is not None and _is_org_name(name_piece) else None
    if len(pieces) != 2:
        return None
    for date_piece, name_piece in (pieces, pieces[::-1]):
        if _is_dateline(date_piece) and _date_from(date_piece) is not None:  # a full date, with its year
            return _outlet_name(name_piece)
    return None


def _name_before_dated_comma(text: str) -> str | None:
    """The piece before the comma of "<name>, <a full date>", else None."""
    if "," not in text:
        return None
    name_piece, date_piece = text.split(",", 1)
    return name_piece if _is_dateline(date_piece) and _date_from(date_piece) is not None else None


def _is_name_and_date_line(text: str) -> bool:
    """A head line of a short name and a full date after a comma ("Jane Doe,
    4 August 2022", "Harbour Voice, 4 August 2022"): a dateline whose name
    may be a writer's or an outlet's, so only its date is taken."""
    if len(text) > MAX_SHAPE_CHARS:
        return False
    name_piece = _name_before_dated_comma(text)
    return name_piece is not None and _outlet_name(name_piece) is not None


@_cached_for_short_text
def _credit_rule(text: str) -> str | None:
    if len(text) > 160 or URL_RE.search(text):
        return None
    if CREDIT_PREFIX_RE.match(text):
        return "photo_credit_prefix"
    core = text.strip("() ")
    if _last_char(core) in SENTENCE_END_CHARS + ",;:" and not CREDIT_AGENCY_RE.search(core[-20:]):
        return None
    parts = core.split("/")
    if 2 <= len(parts) <= 6 and all(_credit_part(p) for p in parts):
        # "THE BLADE/DAVE ZAPOTOSKY": an outlet and its photographer, in capitals
        if len(parts) >= 3 or CREDIT_AGENCY_RE.search(core) or (core.isupper() and len(_words(core)) >= 3):
            return "photo_credit_slashes"
    m = CREDIT_AGENCY_RE.search(core)
    if m and m.end() >= len(core) - 1 and _is_title_case(core) and len(_words(core)) <= 8:
        return "photo_credit_agency"
    return None


def _ends_with_credit_line(text: str) -> bool:
    """"... in Columbia, S.C. Photo: Meg Kinnard, AP": a caption whose last
    words credit its picture."""
    if CAPTION_AGENCY_PAREN_END_RE.search(text):
        return True
    m = CAPTION_CREDIT_SUFFIX_RE.search(text)
    return m is not None and len(_words(m.group("credit"))) <= MAX_CREDIT_WORDS


def _ends_with_photo_source(text: str) -> bool:
    """"Jane Doe Submitted photo", "... at the plant. File photo": a short
    caption whose last words say where its picture came from."""
    m = PHOTO_SOURCE_SUFFIX_RE.search(text)
    if m is None or len(_words(text)) > MAX_CAPTION_WORDS:
        return False
    # after a finished sentence or a bare name, not inside one ("he showed a file photo")
    before = text[:m.start()].rstrip()
    return not before or m.group("open") is not None or _last_char(before) in SENTENCE_END_CHARS or _is_title_case(before)


def _ends_with_agency_credit(text: str) -> bool:
    """"... leaves PortMiami, on Aug. 31, 2019. (AP)": a finished sentence,
    then a picture agency in brackets."""
    core = text.rstrip()
    if not core.endswith(")") or "(" not in core:
        return False
    opening = core.rindex("(")
    agency = core[opening + 1:-1].strip()
    return _last_char(core[:opening].rstrip()) in SENTENCE_END_CHARS and _is_agency(agency)


def _is_agency(name: str) -> bool:
    return name in AGENCY_INITIALS or CREDIT_AGENCY_RE.fullmatch(name) is not None


def _ends_with_bare_agency(text: str) -> bool:
    """"... near Jindo, South Korea (AP)": a short line whose last sentence has
    no full stop before its agency in brackets (a caption in a run of them)."""
    m = BARE_AGENCY_END_RE.search(text)
    return m is not None and _is_agency(m.group("agency")) and len(_words(text)) <= MAX_CAPTION_WORDS


def _credit_part(part: str) -> bool:
    if "," in part or ":" in part:
        return False
    words = _words(part)
    return 1 <= len(words) <= 6 and _is_capitalised(words[0]) and any(c.isalpha() for c in part)


def _is_from_label(text: str) -> bool:
    m = FROM_LABEL_RE.match(text)
    if not m or ":" in text or len(text) > MAX_SHAPE_CHARS:
        return False
    source = m.group("source")
    return len(_words(source)) <= MAX_FROM_LABEL_WORDS and _is_headline(source)


def _is_quoted_title(text: str) -> bool:
    """A line that is only a quoted title: “Song Name”."""
    if len(text) > 120 or text[:1] not in "\"“'‘" or text.rstrip(" *")[-1:] not in "\"”'’":
        return False
    return _is_headline(text)


@_cached_for_short_text
def _furniture(text: str) -> tuple[str, str] | None:
    """(label, rule) of a line that is page furniture by its own shape, or None."""
    bullet = BULLET_RE.match(text)
    if bullet and (found := _furniture(text[bullet.end():])) is not None:
        return found  # "• Share", "• Author: Jane Doe": the item without its bullet
    widget = WIDGET_TAIL_RE.search(text)
    if widget and widget.start() > 0 and (found := _furniture(text[:widget.start()])) is not None:
        return found  # "Xinhua, April 6, 2016 Adjust font size:": the line without the page's widget
    if len(text) <= MAX_COOKIE_NOTICE_CHARS and COOKIE_NOTICE_RE.search(text):
        return SITE_CHROME, "cookie_notice"
    if is_code(text):
        return SITE_CHROME, "code_line"  # a script's data runs to any length
    if _is_icon_names(text):
        return SITE_CHROME, "icon_names"
    if len(text) <= MAX_SIGNUP_FORM_CHARS and len(
            {m.group().lower() for m in SIGNUP_FORM_PHRASE_RE.finditer(text)}) >= MIN_SIGNUP_FORM_PHRASES:
        return CALL_TO_ACTION, "signup_form"
    if text.lower().count(SHARE_PANEL_PHRASE) >= 2:
        return CALL_TO_ACTION, "share_widget"  # a whole sharing panel on one line
    if _ends_with_credit_line(text):
        return CAPTION, "caption_with_credit"
    if CAPTION_PREFIX_RE.match(text):
        return CAPTION, "caption_prefix"  # "In this file photo taken on March 11, 2019 ...": at any length
    if len(text) > MAX_SHAPE_CHARS:
        # a comment policy runs long; the appeal's own word limits still hold
        return (CALL_TO_ACTION, "reader_appeal") if is_reader_appeal(text) else None
    if not any(c.isalnum() for c in text):
        return SITE_CHROME, "separator_line"
    if _is_chrome(text):
        return SITE_CHROME, "copyright_line" if COPYRIGHT_RE.match(text) else "chrome_phrase"
    if _is_section_menu(text):
        return SITE_CHROME, "section_menu"
    if is_related_link(text):
        return RELATED_LINK, "related_prefix"
    if TEASER_LINK_END_RE.search(text):
        return RELATED_LINK, "teaser_link"
    if _is_call_to_action(text):
        return CALL_TO_ACTION, "call_to_action_phrase"
    if _is_share_widget(text):
        return CALL_TO_ACTION, "share_widget"
    if _byline_parts(text) is not None:
        return BYLINE, "byline_prefix"
    if REPORTING_CREDIT_RE.match(text):
        return BYLINE, "reporting_credit_line"
    if CONTRIBUTOR_LINE_RE.search(text) and len(_words(text)) <= MAX_CONTRIBUTOR_LINE_WORDS:
        return BYLINE, "contributor_line"
    if CAPTION_CREDIT_END_RE.search(text) or _ends_with_agency_credit(text) or _ends_with_photo_source(text) \
            or (CAPTION_AGENCY_SLASH_END_RE.search(text) and len(_words(text)) <= MAX_CAPTION_WORDS) \
            or (CAPTION_BARE_CREDIT_END_RE.search(text) and len(_words(text)) <= MAX_CAPTION_WORDS):
        return CAPTION, "caption_with_credit"
    if CAPTION_CUE_RE.search(text) and len(_words(text)) <= MAX_CAPTION_WORDS \
            and not any(mark in text for mark in QUOTE_MARKS):
        return CAPTION, "caption_words"
    if is_site_notice(text):
        return SITE_CHROME, "site_notice"
    if is_reader_appeal(text):
        return CALL_TO_ACTION, "reader_appeal"
    if len(text) <= MAX_PUBLICATION_NOTICE_CHARS and PUBLICATION_NOTICE_RE.search(text) \
            and _date_from(text) is not None:
        return DATELINE, "publication_notice"
    if _is_dateline(text):
        return DATELINE, "dateline_line"
    if _outlet_of_dated_line(text) is not None:
        return DATELINE, "outlet_and_date_line"
    if _is_name_and_date_line(text):
        return DATELINE, "name_and_date_line"
    if (rule := _credit_rule(text)) is not None:
        return CREDIT, rule
    if MEDIA_PREFIX_RE.match(text) and _last_char(text) not in ".…":
        return EMBED, "media_label_prefix"
    if SOCIAL_EMBED_RE.match(text):
        return EMBED, "social_embed_signature"
    return None


def _is_headline_over_dek(texts: list[str]) -> bool:
    """Two lines with no break between them that are a headline and its
    standfirst: short, neither ending a sentence, the second opening a new one
    ("Bridge reopens two years after collapse" / "Repairs cost $48 million,
    more than double the first estimate"); a wrapped paragraph ends its last line."""
    return len(texts) == 2 and all(_last_char(t) not in SENTENCE_END_CHARS + ",;:" for t in texts) \
        and texts[1][:1].isupper() and len(_words(texts[0])) <= MAX_HEADLINE_LINE_WORDS \
        and texts[0].split()[-1].lower() not in LINE_CONTINUING_WORDS


def _splits_block(text: str) -> bool:
    """A line that must stand alone even inside a blank-line block."""
    return _furniture(text) is not None or _is_from_label(text)


def _repeat_key(text: str) -> str | None:
    if len(text) > MAX_REPEAT_CHARS:
        return None
    return SPACES_RE.sub(" ", text).strip().casefold()


# ---- dates -----------------------------------------------------------------


def _date_from(text: str) -> datetime | None:
    """The first full date (with a year) in `text`, with the time after it."""
    for m in DATE_RE.finditer(text):
        parsed = _date_of_match(m)
        if parsed is None:
            continue
        t = TIME_RE.search(text, m.end())
        if t and t.start() - m.end() <= 12:
            hour, minute = int(t.group("hour")), int(t.group("minute"))
            ampm = (t.group("ampm") or "").lower()
            if ampm.startswith("p") and hour < 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
            if hour < 24:
                parsed = parsed.replace(hour=hour, minute=minute)
        return parsed
    return None


def _date_of_match(m: re.Match) -> datetime | None:
    g = m.groupdict()
    try:
        if g["iso_year"]:
            return datetime(int(g["iso_year"]), int(g["iso_month"]), int(g["iso_day"]))
        if g["mdy_year"]:
            month = MONTH_NUMBERS[g["mdy_month"][:3].lower()]
            return datetime(int(g["mdy_year"]), month, int(g["mdy_day"]))
        if g["num_year"]:
            first, second = int(g["num_first"]), int(g["num_second"])
            month, day = (second, first) if first > 12 else (first, second)
            return datetime(int(g["num_year"]), month, day)
        if g["dmy_year"]:
            month = MONTH_NUMBERS[g["dmy_month"][:3].lower()]
            return datetime(int(g["dmy_year"]), month, int(g["dmy_day"]))
    except (ValueError, KeyError):
        return None
    return None


# ---- labelling -------------------------------------------------------------


def _clean(raw: str) -> Document:
    normalized = normalize_text(raw)
    text = normalized.text
    spans = _cut_units(text)
    texts = [text[s:e] for s, e, _ in spans]
    groups = [g for _, _, g in spans]
    n = len(texts)
    labels: list[str | None] = [None] * n
    rules: list[str] = [""] * n

    def mark(i: int, label: str, rule: str) -> None:
        labels[i] = label
        rules[i] = rule

    # 1. furniture by its own shape
    bylines: dict[int, tuple[tuple[str, ...], str]] = {}
    for i, t in enumerate(texts):
        furniture = _furniture(t)
        if furniture is not None:
            mark(i, *furniture)
            if furniture[1] == "byline_prefix":
                bylines[i] = _byline_parts(BULLET_RE.sub("", t))

    # 2. captions: a sentence printed twice in a row, or sitting on a credit
    keys = [_repeat_key(t) for t in texts]
    counts: dict[str, int] = {}
    for k in keys:
        if k:
            counts[k] = counts.get(k, 0) + 1
    # index just past the run of identical lines each line starts
    run_end = list(range(1, n + 1))
    for i in range(n - 2, -1, -1):
        if keys[i] is not None and keys[i] == keys[i + 1]:
            run_end[i] = run_end[i + 1]
    for i, t in enumerate(texts):
        if (labels[i] is not None or len(t) > MAX_REPEAT_CHARS or _is_headline(t)
                or len(_words(t)) > MAX_CAPTION_WORDS):
            continue
        twin = run_end[i] > i + 1 or (i > 0 and keys[i] is not None and keys[i - 1] == keys[i])
        # the caption again without its credit, next to the one with it
        twin = twin or keys[i] is not None and any(
            0 <= k < n and labels[k] == CAPTION and keys[k] is not None and keys[k].startswith(keys[i])
            for k in (i - 1, i + 1))
        j = run_end[i]
        if twin:
            mark(i, CAPTION, "caption_repeated")
        elif j < n and labels[j] == CREDIT and groups[j] == groups[i]:
            mark(i, CAPTION, "caption_next_to_credit")

    # a teaser cut off with an ellipsis over the paragraph it cuts ("GREYMOUTH - Police
    # said the 29 miners ... a second explosion yesterday..." and then that paragraph in full)
    for i, t in enumerate(texts[:-1]):
        cut = t.rstrip().removesuffix("\u2026").removesuffix("...").rstrip()
        if labels[i] is None and cut != t.rstrip() and len(_words(cut)) >= MIN_CUT_TEASER_WORDS and any(
                labels[j] is None and texts[j].startswith(cut) and len(texts[j]) > len(cut)
                for j in range(i + 1, min(n, i + 3))):
            mark(i, SITE_CHROME, "teaser_repeated")
    # the name under a follow button is the author's or the site's ("Click to follow" /
    # "The Independent Online"), not a headline
    for i in range(1, n):
        if labels[i] is None and labels[i - 1] == CALL_TO_ACTION and FOLLOW_BUTTON_RE.fullmatch(texts[i - 1]) \
                and len(_words(texts[i])) <= MAX_FOLLOWED_NAME_WORDS and _is_title_case(texts[i]):
            mark(i, SITE_CHROME, "followed_name")
    # a line ending in a bare "(AP)" beside a caption is one of a run of captions
    # ("The senator spoke to reporters after the vote (AP)" alone is a sentence)
    changed = True
    while changed:
        changed = False
        for i, t in enumerate(texts):
            if labels[i] is None and _ends_with_bare_agency(t) and any(
                    0 <= k < n and labels[k] == CAPTION for k in (i - 1, i + 1)):
                mark(i, CAPTION, "caption_in_run")
                changed = True

    # 3. the head of the page: chrome, headline, standfirst, byline run
    first_body = _first_body_index(texts, labels)
    dek_candidates, byline_index = _dek_indices(texts, labels, first_body)
    if dek_candidates:
        first_body = _first_body_index(texts, labels, start=byline_index)
    title_index = _title_index(texts, labels, first_body)
    if title_index is None:
        title_index = _headline_over_byline(texts, labels)
        if title_index is not None and first_body <= title_index:
            first_body = _first_body_index(texts, labels, start=title_index + 1)
    if title_index is None and _is_headline_ending_like_a_sentence(texts, labels, first_body):
        title_index = first_body  # "Arms suspect extradited to U.S.", "Doe: 'I fell onto him...'"
        first_body = _first_body_index(texts, labels, start=first_body + 1)
    if title_index is None:
        # a headline printed twice at the top of a copied page, taken for a caption in step 2
        title_index = next((i for i in range(first_body) if rules[i] == "caption_repeated"
                            and _last_char(texts[i]) not in SENTENCE_END_CHARS
                            and len(_words(texts[i])) <= MAX_HEADLINE_LINE_WORDS), None)
        if title_index is not None:
            for i in range(title_index + 1, run_end[title_index]):
                mark(i, SITE_CHROME, "headline_repeated")
    if first_body == n:
        # nothing ends like a sentence (a careless copy): keep all below the headline
        first_body = next((i for i in range(0 if title_index is None else title_index + 1, n)
                           if labels[i] is None), n)
    if title_index is not None:
        mark(title_index, TITLE, "headline_at_top")
        # (the icons' names are the page's drawing, not a banner whose date is the day of the copy)
        chrome_groups = {groups[i] for i in range(title_index) if labels[i] == SITE_CHROME
                         and rules[i] != "icon_names"}
        for i in range(title_index):
            if labels[i] is None:
                mark(i, SITE_CHROME, "above_title")
            elif labels[i] == DATELINE and (groups[i] in chrome_groups or _date_from(texts[i]) is None):
                # a time stamp in a banner ("Live results / Last Updated: April 23, 10:42PM")
                mark(i, SITE_CHROME, "above_title")
    for i in range(first_body):
        if labels[i] is not None:
            continue
        if title_index is not None and i > title_index:
            mark(i, DEK, "sentence_below_title" if _is_prose(texts[i]) else "line_below_title")
        elif i in dek_candidates:
            mark(i, DEK, "sentence_above_byline")
        else:
            mark(i, SITE_CHROME, "above_body")

    # 4. the body: prose stays, short headline-shaped lines between paragraphs go
    seen: set[str] = set()
    for i in range(first_body, n):
        t = texts[i]
        if labels[i] is not None:
            continue
        key = keys[i]
        repeated = key is not None and counts.get(key, 0) > 1
        if _is_from_label(t):
            mark(i, EMBED, "embed_from_label")
        elif _is_quoted_title(t):
            mark(i, EMBED, "quoted_title_line")
        elif _is_headline(t):
            mark(i, RELATED_LINK, "repeated_line" if repeated else "short_title_case_between_body")
        elif repeated and key in seen:
            mark(i, SITE_CHROME, "duplicate_block")
        elif sum(1 for w in _words(t) if any(c.isalpha() for c in w)) < 2:
            mark(i, SITE_CHROME, "no_words")  # counters, scores, lone symbols: "4553", "1 digg"
        else:
            mark(i, BODY, "prose")
        if key is not None:
            seen.add(key)
    _relabel_embed_runs(labels, rules, first_body)
    _relabel_headline_lists(texts, labels, rules, first_body)
    _relabel_under_related_labels(texts, labels, rules, first_body)
    _relabel_off_topic_headlines(texts, labels, rules, first_body)
    _relabel_tail(texts, labels, rules)

    blocks = []
    for (s, e, _), t, label, rule in zip(spans, texts, labels, rules):
        raw_start, raw_end = normalized.offsets.span_to_raw(s, e)
        blocks.append(Block(label=label or BODY, rule=rule or "prose", text=t,
                            char_start=raw_start, char_end=raw_end))
    published_at, published_source = _published(texts, labels, bylines, title_index)
    author, outlet = _author_and_outlet(texts, labels, bylines)
    return Document(
        title=texts[title_index] if title_index is not None else None,
        outlet=outlet,
        author=author,
        published_at=published_at,
        published_source=published_source,
        blocks=tuple(blocks),
    )


def _is_off_topic_headline(text: str, before: str | None, after: str | None) -> bool:
    """A sentence-case headline between body paragraphs that shares no
    content word with them: a link to another story, not a subheading. A
    line written like a sentence (an article first, a verb in the past tense:
    "Revenue rose 12 percent") has only lost its full stop."""
    if before is None or after is None:
        return False  # not between paragraphs: nothing to compare with
    words = _words(text)
    if (not _is_sentence_headline(text) or len(words) < MIN_OFF_TOPIC_HEADLINE_WORDS
            or LIST_ITEM_START_RE.match(text) or _last_char(text) in "!?！？"
            or words[0].lower() in SENTENCE_START_WORDS or any(w.lower() in PAST_TENSE_WORDS for w in words)):
        return False
    return not content_words(text) & (content_words(before) | content_words(after))


def _relabel_off_topic_headlines(texts: list[str], labels: list[str | None], rules: list[str],
                                 start: int) -> None:
    # the body paragraphs around each line, found in one pass each way (a
    # headline is never prose, so relabelling one moves no paragraph)
    is_paragraph = [labels[i] == BODY and _is_prose(t) for i, t in enumerate(texts)]
    before: list[str | None] = [None] * len(texts)
    last = None
    for i, t in enumerate(texts):
        before[i] = last
        if is_paragraph[i]:
            last = t
    after = None
    for i in range(len(texts) - 1, start - 1, -1):
        if labels[i] == BODY and not is_paragraph[i] and _is_off_topic_headline(texts[i], before[i], after):
            labels[i], rules[i] = RELATED_LINK, "sentence_case_headline_off_topic"
        if is_paragraph[i]:
            after = texts[i]


def _is_headline_ending_like_a_sentence(texts: list[str], labels: list[str | None], i: int) -> bool:
    """The first prose unit of a copy with no headline above it is the headline
    when it is one short sentence whose final stop belongs to an abbreviation
    or an ellipsis ("Arms suspect extradited to U.S.", "Doe: 'I fell onto
    him...'") and a paragraph at least twice as long follows it."""
    if i + 1 >= len(texts) or labels[i] is not None or labels[i + 1] is not None:
        return False
    t = texts[i].strip()
    words = _words(t)
    if not 3 <= len(words) <= MAX_HEADLINE_LINE_WORDS or not _is_capitalised(words[0]) \
            or _has_sentence_boundary(t) or HEADLINE_FINAL_STOP_RE.search(t) is None:
        return False
    return _is_prose(texts[i + 1]) and len(_words(texts[i + 1])) >= 2 * len(words)


def _first_body_index(texts: list[str], labels: list[str | None], start: int = 0) -> int:
    """Index of the first unlabelled sentence-shaped unit at or after `start`."""
    for i in range(start, len(texts)):
        if labels[i] is None and _is_prose(texts[i]):
            return i
    return len(texts)


def _dek_indices(texts: list[str], labels: list[str | None], first_body: int) -> tuple[set[int], int]:
    """Short sentences between the headline and a byline/dateline just below
    them (the standfirst, not the body), and the index of that byline."""
    none: tuple[set[int], int] = (set(), first_body)
    if first_body >= len(texts):
        return none
    if not any(labels[i] is None and _is_sentence_headline(texts[i]) for i in range(first_body)):
        return none  # no headline above: the first sentence is the story
    deks: list[int] = []
    i = first_body
    while i < len(texts) and i <= first_body + DEK_WINDOW:
        if labels[i] in (BYLINE, DATELINE):
            return set(deks), i
        if labels[i] is None:
            if not _is_prose(texts[i]) and not _is_headline(texts[i]):
                return none
            if _is_prose(texts[i]):
                if len(_words(texts[i])) > MAX_DEK_WORDS or len(deks) >= MAX_DEKS:
                    return none
                deks.append(i)
        i += 1
    return none


def _title_index(texts: list[str], labels: list[str | None], first_body: int) -> int | None:
    """The headline: the longest headline-shaped unlabelled unit above the
    body (banners and section labels above it are shorter); title case wins
    ties with sentence case. A longer sentence-case line right under the
    headline is its standfirst, not a better headline. The headline stands
    above its byline and above any list of other stories' headlines, so a
    full headline there beats a longer one further down."""
    head_end = next((i for i in range(first_body) if labels[i] == BYLINE or LINK_LIST_HEADER_RE.match(texts[i])
                     or is_related_link(texts[i])), first_body)
    above = _best_headline(texts, labels, head_end)
    if above is not None and _letter_words(texts[above]) >= MIN_HEADLINE_ABOVE_BYLINE_WORDS:
        return above
    return _best_headline(texts, labels, first_body)


def _letter_words(text: str) -> int:
    return sum(1 for w in _words(text) if any(c.isalpha() for c in w))


def _best_headline(texts: list[str], labels: list[str | None], end: int) -> int | None:
    best, best_score = None, 0.0
    for i in range(end):
        if labels[i] is not None:
            continue
        t = texts[i]
        # words with letters: a line of scores or numbers is no headline
        letter_words = _letter_words(t)
        if letter_words < 2:
            continue
        if _is_headline(t):
            score = letter_words + 3
        elif _is_sentence_headline(t):
            if best is not None and _letter_words(texts[best]) >= MIN_HEADLINE_OVER_DEK_WORDS:
                continue  # a standfirst in sentence case under its headline (not under a section label)
            score = letter_words
        else:
            continue
        if score > best_score:
            best, best_score = i, score
    return best


def _headline_over_byline(texts: list[str], labels: list[str | None]) -> int | None:
    """A line right above the byline at the top of the copy is the headline,
    even when it reads like a sentence ("What is the value of drugs that
    come to the U.S. border?")."""
    byline = next((i for i in range(min(len(texts), HEAD_BLOCKS)) if labels[i] == BYLINE), None)
    if not byline:
        return None
    i = byline - 1
    words = _words(texts[i])
    if labels[i] is None and 3 <= len(words) <= MAX_SENTENCE_HEADLINE_WORDS and _is_capitalised(words[0]) \
            and _last_char(texts[i]) not in NOT_HEADLINE_END_CHARS:
        return i
    return None


def _relabel_embed_runs(labels: list[str | None], rules: list[str], start: int) -> None:
    """Short labels next to a "From <album>" line are parts of one embedded
    media card (artist, track, record label), not related headlines."""
    i = start
    n = len(labels)
    while i < n:
        if labels[i] == BODY:
            i += 1
            continue
        j = i
        while j < n and labels[j] != BODY:
            j += 1
        if any(labels[k] == EMBED for k in range(i, j)):
            for k in range(i, j):
                if labels[k] == RELATED_LINK and rules[k] == "short_title_case_between_body":
                    labels[k] = EMBED
                    rules[k] = "embed_label_group"
        i = j


def _relabel_headline_lists(texts: list[str], labels: list[str | None], rules: list[str], start: int) -> None:
    """Runs of sentence-case headlines (no final full stop) in a row are a list
    of links; one such line alone between paragraphs may be a subhead and stays."""
    n = len(texts)
    i = start
    while i < n:
        j = i
        while j < n and labels[j] in (BODY, RELATED_LINK) and not _is_prose(texts[j]) \
                and (_is_sentence_headline(texts[j]) or _is_headline(texts[j])):
            j += 1
        if j - i >= MIN_HEADLINE_LIST_RUN and any(labels[k] == BODY for k in range(i, j)):
            for k in range(i, j):
                if labels[k] == BODY:
                    labels[k], rules[k] = RELATED_LINK, "headline_list"
        i = max(j, i + 1)


def _relabel_under_related_labels(texts: list[str], labels: list[str | None], rules: list[str],
                                  start: int) -> None:
    """The headlines under "Explore further" or "More stories" are links to
    other stories, however few: a label says what a lone line cannot."""
    n = len(texts)
    for i in range(start, n - 1):
        if labels[i] not in (RELATED_LINK, SITE_CHROME, CALL_TO_ACTION) or not is_related_label(texts[i]):
            continue
        j = i + 1
        while j < n and labels[j] in (BODY, RELATED_LINK) and not _is_prose(texts[j]) \
                and (_is_sentence_headline(texts[j]) or _is_headline(texts[j])):
            if labels[j] == BODY:
                labels[j], rules[j] = RELATED_LINK, "headline_under_related_label"
            j += 1


def _relabel_tail(texts: list[str], labels: list[str | None], rules: list[str]) -> None:
    """After the story's last sentence, what is not a sentence is the page's
    footer (share bars, tag lists, counters), not more story."""
    body = [i for i, t in enumerate(texts) if labels[i] == BODY]
    for i in body[-AUTHOR_BIO_TAIL_BLOCKS:]:
        # "Jane Doe is a reporter for the Post.": the writer's note under the story
        if len(_words(texts[i])) <= MAX_AUTHOR_BIO_WORDS and AUTHOR_BIO_RE.match(texts[i]):
            labels[i], rules[i] = BYLINE, "author_bio"
    last_prose = max((i for i, t in enumerate(texts) if labels[i] == BODY and _is_prose(t)), default=None)
    if last_prose is None:
        return
    for i in range(last_prose + 1, len(texts)):
        if labels[i] == BODY and not _is_prose(texts[i]) and not _is_cut_off_paragraph(texts, i, last_prose):
            labels[i], rules[i] = SITE_CHROME, "after_last_sentence"


def _is_cut_off_paragraph(texts: list[str], i: int, last_prose: int) -> bool:
    """The copy's last line right under the story's last sentence, cut off in
    mid-sentence ("He said inquiries would follow as woul"): the story's last
    paragraph as far as the copy goes, not a footer (a copied page that ends
    in the middle of the story has none)."""
    text = texts[i]
    words = _words(text)
    return i == len(texts) - 1 and i == last_prose + 1 and len(words) >= MIN_CUT_OFF_WORDS \
        and (text[:1].isupper() or text[:1] in QUOTE_MARKS) and not _is_headline(text) \
        and _last_char(text) not in SENTENCE_END_CHARS + ":" and sum(w[:1].isupper() for w in words) * 2 < len(words) \
        and not IMPERATIVE_LEAD_RE.match(text)


def _published(texts: list[str], labels: list[str | None], bylines: dict[int, tuple[tuple[str, ...], str]],
               title_index: int | None) -> tuple[datetime | None, str | None]:
    """Publication date from the article's own head: a dateline line, the
    byline's date, or a dateline opening the first body paragraphs. "Updated"
    stamps count only when nothing else gives a date."""
    updated: datetime | None = None
    for i, t in enumerate(texts):
        if labels[i] == DATELINE and (notice := PUBLICATION_NOTICE_RE.search(t)):
            if (parsed := _date_from(t[notice.start():])) is not None:
                return parsed, "publication_notice"
    for i, t in enumerate(texts):
        if labels[i] == DATELINE:
            parsed = _date_from(t)
            if parsed is None:
                continue
            updated_at = UPDATED_RE.search(t)
            if updated_at and (first := _date_from(t[:updated_at.start()])) is not None:
                return first, "dateline"  # "Published 6:02 p.m. Aug. 14, 2023 | Updated 8:15 p.m. ..."
            if updated_at:
                updated = updated or parsed
                continue
            return parsed, "dateline"
        if labels[i] == BYLINE and i in bylines and bylines[i][1]:
            parsed = _date_from(bylines[i][1])
            if parsed is not None:
                return parsed, "byline"
    seen_body = 0
    for i, t in enumerate(texts):
        if labels[i] != BODY:
            continue
        m = BODY_DATELINE_RE.match(t[:120]) or BODY_PAREN_DATELINE_RE.match(t[:120])
        if m:
            parsed = _date_of_match(m)
            if parsed is not None:
                return parsed, "body_dateline"
        seen_body += 1
        if seen_body >= BODY_DATELINE_PARAGRAPHS:
            break
    if updated is not None:
        return updated, "dateline_updated"
    return None, None


def _author_and_outlet(texts: list[str], labels: list[str | None],
                       bylines: dict[int, tuple[tuple[str, ...], str]]) -> tuple[str | None, str | None]:
    """Author and outlet from the first byline ("By Jane Doe, Daily Herald",
    "ByCBS News"); else the outlet from "More From <site>" or a copyright line."""
    author = outlet = None
    for i in sorted(bylines):
        if labels[i] != BYLINE:
            continue
        people = []
        for name in bylines[i][0]:
            name = name.strip(WORD_EDGE_CHARS + " ")
            if not name or _is_role(name):
                continue
            if _is_org_name(name):
                outlet = outlet or name
            else:
                people.append(name)
        if people and author is None:
            author = ", ".join(people)
        if outlet is None:  # "By Jane Doe | The Daily Ledger | March 4, 2020"
            outlet = next((o for piece in HEAD_LINE_SEPARATOR_RE.split(bylines[i][1])
                           if (o := _outlet_name(piece))), None)
        if author and outlet:
            break
    if outlet is None:  # "The Evening Post | March 3, 2020"
        outlet = next((o for i, t in enumerate(texts)
                       if labels[i] == DATELINE and (o := _outlet_of_dated_line(t))), None)
    if outlet is None:  # "WASHINGTON (AP) — ..." opening the story: the agency's copy
        first_body = next((t for i, t in enumerate(texts) if labels[i] == BODY), "")
        if (m := WIRE_DATELINE_RE.match(first_body)) is not None:
            outlet = m.group("agency").strip()
    if outlet is None:
        for i, t in enumerate(texts):
            if labels[i] == CALL_TO_ACTION and (m := MORE_FROM_RE.match(t)):
                site = m.group("site").strip(WORD_EDGE_CHARS + " ")
                if site and len(_words(site)) <= MAX_OUTLET_WORDS and _is_title_case(site):
                    outlet = site
                    break
            if labels[i] == SITE_CHROME and (m := COPYRIGHT_RE.match(t)) and m.group("owner"):
                owner = m.group("owner").strip(WORD_EDGE_CHARS + " ")
                owner = ALL_RIGHTS_RESERVED_RE.sub("", owner).strip(" ,")
                if owner and len(_words(owner)) <= MAX_OUTLET_WORDS and _is_title_case(owner):
                    outlet = owner
                    break
    return author, outlet
