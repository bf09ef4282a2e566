"""Phrases of page furniture that both cleaners (HTML and plain text) look for
in what they would otherwise keep as body: one list, so that both read a
reader appeal or a page's code the same way. Pure: strings in, booleans out."""
from __future__ import annotations

import re

# A reader appeal inside the text: "Share this with a friend", "Sign up for our
# newsletter", "Get the day's top headlines delivered to your inbox".
READER_APPEAL_RE = re.compile(
    r"\b(?:share (?:it|this)|sign up (?:for|to)|subscrib(?:e|ing) (?:to|for|now)|follow us|click here"
    r"|read more\b|also on \w+\.\w+|download (?:the|our) app|delivered to your inbox|keep an eye on your inbox"
    r"|click to (?:subscribe|sign up|follow|watch|listen|share)"
    r"|join (?:our|the) [\w ]{1,30}(?:forums?|community|mailing list))",
    re.IGNORECASE,
)
READER_APPEAL_MAX_WORDS = 30
# What a comment box or a sign-up form says to its reader, never a story:
# "Your comment will be reviewed by the moderator", "Post limit reached",
# "I agree that X can send me ...", "Please check the opt-in box",
# "Follow X on Facebook, Twitter", "let us know at: tips@...", "We'd like to
# hear what you think", "Your email address will not be published", "Contact
# her at jdoe@example.com".
# An appeal for money: "Your donation allows us to keep sending journalists".
DONATION_APPEAL = (r"\byour (?:support|donation|contribution|subscription) (?:helps|allows|makes|keeps|means|enables)\b"
                   # "Now more than ever, your support is critical", "Each donation will be used
                   # exclusively for ...", "Readers around X make the Post's work possible"
                   r"|\byour support is (?:critical|crucial|vital|essential|needed|important)\b"
                   r"|\beach (?:donation|contribution) will be used\b"
                   r"|\breaders (?:[\w ]{1,60})?make [\w'\u2019 ]{1,40} (?:work|journalism|reporting) possible\b"
                   r"|\b(?:support|fund) (?:our|independent|quality) journalism\b"
                   r"|\bmake a (?:one-off |one-time |monthly |small )?(?:donation|contribution)\b"
                   r"|\bnot to lock [\w ]{1,40} with paywalls?\b|\bquality journalism should be available\b")
SITE_MESSAGE_RE = re.compile(
    r"\byour comment\b|\bpost limit reached\b|\b(?:reviewed by the|by a) moderator\b|\bmoderates comments\b"
    r"|\bopt-in box\b|\bcan (?:send|email) me\b|\bproblem subscribing\b|\bsubscribing you\b"
    r"|^follow\b[^.!?]{0,80}\bon (?:facebook|twitter|instagram|linkedin|youtube)\b"
    r"|\bfollow (?:him|her|them|me|us|[\w.'\u2019-]+(?: [\w.'\u2019-]+)?) on (?:twitter|x|instagram|threads|bluesky)"
    r"(?: at)? @\w"
    r"|\blet us know at\b|\bwe['\u2019]d (?:like|love) to hear (?:what you think|from you)\b"
    # a comment form's small print, and how to reach the writer ("Contact her at jdoe@example.com")
    r"|\byour email address will not be published\b|\brequired fields are marked\b"
    r"|\bsave my name, email\b|\bnotify me of (?:follow-up|new) (?:comments|posts)\b"
    r"|\b(?:contact|reach|email|e-mail|write to)\s+(?:(?:him|her|them|me|us|the (?:author|writer|reporter))\s+)?"
    r"(?:at|via|on)\s+[\w.+-]+@[\w-]+\.\w"
    r"|" + DONATION_APPEAL,
    re.IGNORECASE,
)
DONATION_APPEAL_RE = re.compile(DONATION_APPEAL, re.IGNORECASE)
SITE_MESSAGE_MAX_WORDS = 60
# A site's notices about itself: affiliate links, copyright terms, the
# disclaimer under an opinion piece, a rights line ("1996-98 Acme Inc., All
# rights reserved").
SITE_NOTICE_RE = re.compile(
    r"\bmay (?:earn|receive) (?:an? )?(?:affiliate )?commission|\baffiliate (?:links|partnerships)\b"
    r"|\bsubject to copyright\b|\bno part (?:of [\w ]{1,30})?may be reproduced\b"
    r"|\b(?:views|opinions)(?: and (?:views|opinions))? expressed (?:in|by) [\w ]{1,40}"
    r"(?:do not|don['\u2019]t|does not) necessarily (?:reflect|represent)\b"
    r"|\ball rights reserved\b|^\d{4}(?:\s*[-\u2013]\s*\d{2,4})?\s.{1,60}?\ball rights?\b"
    # the browser's and the skip link's notices: "IE 11 is not supported. For an optimal experience
    # visit our site on another browser.", "Please view the main text area of the page by skipping
    # the main menu."
    r"|\b(?:browser|IE ?\d+|Internet Explorer) is (?:not|no longer) supported\b"
    r"|\bvisit (?:our|this) site (?:on|in|with|using) (?:another|a different|a newer|an updated) browser\b"
    r"|^this (?:article|story|page) is (?:more than|over) \w+ (?:years?|months?) old\b"
    # a live page's notice: "This is developing news, please check back here for more updates."
    r"|^this is (?:a )?developing (?:news|story)\b"
    # a paywall's word on the reader's account: "Your subscription will end shortly", "Please update
    # your billing information", "The subscription details associated with this account need to be updated"
    r"|\byour (?:subscription|billing|account)\b[^.!?]{0,60}\b(?:will end|has ended|expired?|"
    r"needs? to be updated|issue|problem|details)\b"
    r"|\b(?:update|check) your (?:billing|payment|subscription)\b|\bsubscription (?:details|notification)\b"
    r"|\bissue with your subscription\b|\bto read this article in (?:its|full|entirety)"
    r"|^(?:please )?(?:view|go to|jump to|skip to) the main (?:text|content)(?: area)?\b.{0,60}\bmain menu\b",
    re.IGNORECASE,
)
SITE_NOTICE_MAX_WORDS = 60
# A link to another story: "Related: <headline>", "SEE MORE: <headline>", or
# the label alone ("DON'T MISS") ...
RELATED_PREFIXES = (r"related(?: stories| articles| coverage| content| links| news)?|read more|see more|"
                    r"read next|see also|also read|more coverage|recommended reading|don['\u2019]?t miss|must read")
RELATED_PREFIX_RE = re.compile(rf"^(?:{RELATED_PREFIXES})\s*(?::|$|[-\u2013\u2014]\s)", re.IGNORECASE)
# ... or teasers of other stories tagged in capitals, several run together on
# one line: "China furious at Macron [INSIGHT]| Lakers vs Nets [VIDEO]".
TEASER_TAG_RE = re.compile(r"\[(?:INSIGHT|VIDEO|PICS|PICTURES|PHOTOS|REACTION|REVEAL|LATEST|LIVE|ANALYSIS|POLL|"
                           r"EXPLAINED|COMMENT|MAP|UPDATE|GALLERY|WATCH|LISTEN|QUIZ)\]\s*(?:\||$)")
RELATED_LINK_MAX_CHARS = 300  # a paragraph that opens "Related:" past this is prose
# The label alone over a list of links to other stories: "Explore further",
# "More stories", "You may also like:". The headlines under it are links.
RELATED_LABEL_RE = re.compile(
    rf"(?:{RELATED_PREFIXES}|recommended(?: stories| for you)?|explore further|"
    r"more (?:from [\w .'\u2019&-]{1,40}|stories|on this(?: story)?|news|videos?|to read)|"
    r"you (?:may|might) also (?:like|be interested in)|trending(?: now| stories)?|most (?:read|popular|viewed)|"
    r"popular (?:now|stories)|top stories|latest (?:news|stories))\s*:?",
    re.IGNORECASE,
)
# Code a copy of a page picked up (a script's data, a style sheet): braces,
# semicolons and '":' pairs, at least this densely ...
CODE_MARK_RE = re.compile(r'[{};]|":')
MIN_CODE_MARKS = 3
MAX_CHARS_PER_CODE_MARK = 60
# ... or a shape only code has: a style rule, a function body, escaped or
# attributed markup, a closed call.
CODE_SHAPE_RE = re.compile(r"\{[^{}]*:[^{}]*;|\bfunction\s*\([^()]*\)\s*\{|&(?:amp;)?lt;|</?[a-z]+[^<>]*\bdata-"
                           r"|\}\);\s*$")
# Beyond this length a shape alone does not make a line code: a long line
# may be prose with a snippet of script copied into it.
CODE_SHAPE_MAX_CHARS = 300


def is_reader_appeal(text: str) -> bool:
    words = len(text.split())
    return (words <= READER_APPEAL_MAX_WORDS and READER_APPEAL_RE.search(text) is not None) \
        or (words <= SITE_MESSAGE_MAX_WORDS and SITE_MESSAGE_RE.search(text) is not None)


def is_site_notice(text: str) -> bool:
    return len(text.split()) <= SITE_NOTICE_MAX_WORDS and SITE_NOTICE_RE.search(text) is not None


def is_related_link(text: str) -> bool:
    return len(text) <= RELATED_LINK_MAX_CHARS and (
        RELATED_PREFIX_RE.match(text) is not None or TEASER_TAG_RE.search(text) is not None)


def is_related_label(text: str) -> bool:
    return RELATED_LABEL_RE.fullmatch(text.strip()) is not None


def is_code(text: str) -> bool:
    """Whether a line is code: a short line of a shape only code has, or a
    line of any length with dense marks, a brace or a '":' among them (prose
    has semicolons, never braces)."""
    if len(text) <= CODE_SHAPE_MAX_CHARS and CODE_SHAPE_RE.search(text):
        return True
    if "{" not in text and '":' not in text:
        return False
    marks = len(CODE_MARK_RE.findall(text))
    return marks >= MIN_CODE_MARKS and marks * MAX_CHARS_PER_CODE_MARK >= len(text)


# Content words: at least this many letters, compared without a plural "s",
# and not among the words any story uses. Both cleaners compare lines by them
# (a headline with the lines around it, the page's h1 with its metadata title).
MIN_CONTENT_WORD_LETTERS = 4
CONTENT_WORD_RE = re.compile(rf"[^\W\d_]{{{MIN_CONTENT_WORD_LETTERS},}}")
COMMON_WORDS = frozenset(
    "that this with from have were they their there what when which about after before would could should "
    "into over than then them these those been being just also more most some such only other your will "
    "year years said says told like make made time first last new news".split()
)


def content_words(text: str) -> set[str]:
    """The words that say what a line is about, lower case, singular."""
    words = {w.lower() for w in CONTENT_WORD_RE.findall(text)}
    return {w[:-1] if w.endswith("s") else w for w in words} - COMMON_WORDS
