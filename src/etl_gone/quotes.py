"""Quotations, who said them, and titles written in quotation marks.

`extract_quotes(article_id, paragraphs, entities)` reads the body paragraphs
of one article and returns a `QuoteResult`: one `Quote` row per quotation
(a quote inside a quote is its own row, linked by `parent_quote_id`) and one
`WorkTitle` row per title of a song, album, show or headline in quotation
marks (titles are not quotes).

How it reads the marks (one left-to-right pass per paragraph, with a stack):
curly, straight, low-9, guillemet and ``...'' marks; single marks open a
quote inside a quote. A single mark is an apostrophe, not a quote mark, inside
a word ("it's"), before an elided word or year ("'n'", "'90s", "'em", a lone
"'N" before a capitalised band name), or when it closes nothing ("Jones'").
An unclosed quote ends at the end of its paragraph (`is_closed` False), unless
the next paragraph opens with a quote mark: then it is one quotation over
several paragraphs, read as a whole (one speaker) and given a row per
paragraph, each later row naming the row it continues (`continues_quote_id`):
annotators and readers take each paragraph's quoted words as a quotation.

Who said it: a reporting verb right after the quote ("...," she said /
said Jane Doe / according to ...), or before it (Doe told reporters: "...").
Without one, the quote belongs to the surrounding discourse: the speaker of
the previous quote or the subject of the nearest sentence. A pronoun ("he
said") is resolved the same way, not to the last name that happens to occur,
and never to a person the quote itself names ("'It was easy for Jane Doe
...,' she said" is not Jane Doe speaking; without a cue such a quote has no
speaker rather than a guess). "it said" is the organisation that spoke
last, and "the Acme Corporation said" names it.
Inside a quote, "I said, '...'" is the quoter; "I heard him say, '...'" is
the third person the quote talks about.

Linear in the text: every look-around is a bounded window.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Sequence

from etl_gone.entities import (
    GROUP, JOB_WORDS, OCCUPATION_WORDS, ORGANIZATION, PERSON, PRESS_WORDS, ROLE_WORDS, SPEECH_VERBS, WORK,
    EntityIndex, Mention, UnresolvedMention,
)
from etl_gone.ids import make_id
from etl_gone.records import Quote, WorkTitle
from etl_gone.sentences import SHORT_PAST_VERBS, split_sentences

# ---------------------------------------------------------------- quotation marks

DOUBLE = "double"
SINGLE = "single"
DOUBLE_OPENERS = "\u201c\u201e\u00ab"  # left double, low double, left guillemet
DOUBLE_CLOSERS = "\u201d\u00bb"  # right double, right guillemet
SINGLE_OPENERS = "\u201a\u2039"  # low single, single left guillemet (unambiguous openers)
SINGLE_CLOSERS = "\u203a"  # single right guillemet
AMBIGUOUS_SINGLES = "'\u2018\u2019`"  # also apostrophes and elision marks
STRAIGHT_DOUBLE = '"'
MARK_RE = re.compile("``|''|[\"'`\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a]")
DOUBLE_MARK_RE = re.compile("[\"\u201c\u201d\u201e\u00ab\u00bb]")
# MARK_RE without the single marks inside a word ("it's", "O'Neil"): apostrophes
# the scan would skip anyway, and most of the single marks of a text. Written
# to start with one character class, which the regex engine scans for quickly.
SCAN_MARK_RE = re.compile("[\"'`\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a]"
                          "(?:(?<=`)`|(?<=')'|(?<![^\\W_][`'\u2018\u2019])|(?![^\\W_]))")
ALL_MARKS = "\"'`\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a"
# Before an opening mark / after a closing mark, besides spaces.
OPEN_CONTEXT = "([{\u2014\u2013-/"
CLOSE_CONTEXT = ".,;:!?)]}\u2026\u2014\u2013-/"
# Right after a single mark: an elided word or a year, so the mark is an apostrophe
# ("rock 'n' roll", "'N", "'90s", "'em", "'til", "'cause").
ELISION_AFTER_RE = re.compile(
    r"(?:[Nn](?=['\u2019\u2018]|\s)|\d\d(?:s\b|\b)|(?i:em|til|cause|bout|round|tis|twas|nuff|kay|sup)\b)")
# A plural possessive ("the players' union") rather than a closing mark.
PLURAL_POSSESSIVE_AFTER_RE = re.compile(r" [a-z]")
MAX_NESTING = 6
SENTENCE_END_CHARS = ".!?\u2026"
CLAUSE_END_RE = re.compile(r"(?P<mark>[\"\u201c\u201d\u00ab\u00bb])|(?:[!?]|(?<!\b[A-Z])\.)\)?")

# ---------------------------------------------------------------- attribution patterns

UPPER_CHARS = "".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper())
# Capitalised function words that start sentences but never names.
NOT_NAME_WORDS = ("And", "But", "Or", "So", "Then", "The", "A", "An", "I", "It", "She", "We",
                  "They", "You", "This", "That", "These", "Those", "If", "When", "While", "As", "Well",
                  "Oh", "Yes", "No", "Not", "In", "On", "At", "For", "With", "From", "To", "Of", "By",
                  "After", "Before", "Because", "However", "My", "His", "Her", "Our", "Their", "Its",
                  "Your", "There", "Here", "What", "Who", "Why", "How", "Now", "Also", "Even", "Just",
                  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                  "January", "February", "September", "October", "November", "December",
                  "Yesterday", "Tomorrow")
# "He" is a name before another capitalised word ("He Jianxiong said"), a pronoun otherwise.
NOT_NAME = r"(?!(?:" + "|".join(NOT_NAME_WORDS) + r")\b)(?!He\b(?!\s[A-Z][a-z]))"
# Abbreviated titles written with a full stop inside a name ("Rep. Jane Doe").
NAME_ABBREVIATIONS = (r"(?:Mr|Mrs|Ms|Mx|Dr|Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Prof|Rev"
                      r"|Hon|Amb|Atty|Supt|Det|Insp|Jr|Sr|St)\.")
NAME_WORD = (rf"{NOT_NAME}(?:{NAME_ABBREVIATIONS}|(?:[*\u2018'\u2019](?=[Nn]\s))?[{UPPER_CHARS}]"
             rf"(?:[\w&]|[-'\u2019.](?=\w))*(?:(?<=\b[{UPPER_CHARS}])\.)?)")
NAME = (rf"(?:{NAME_WORD})(?:\s(?:(?:de|van|von|der|den|la|le|du|da|del|di|bin|al)\s)?(?:{NAME_WORD})){{0,4}}")
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou|[Ii]t)"
# "the coach", "a company spokeswoman", "one fan"
# (its words run to no clause word or pronoun: "her on Sunday night when he said" is no noun phrase)
NOUN_PHRASE = (r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)\s"
               r"(?:(?!(?:when|who|which|that|while|as|he|she|they|it|we|I)\b)[\w'\u2019-]+\s){0,4}?"
               r"(?!(?:when|who|which|that|while|as|he|she|they|it|we|I)\b)[\w'\u2019-]+")
# "police said", "Thames Valley police said": the police force speaks
POLICE_SUBJECT = r"(?:[A-Z][\w'\u2019-]*\s+){0,3}police\b"
POLICE_MENTION_RE = re.compile(r"^(?P<place>(?:[A-Z][\w'\u2019-]*\s+){0,3})police$")
SUBJECT = rf"(?:\b{PRONOUN}\b|{NAME}|\b{NOUN_PHRASE}|\b{POLICE_SUBJECT})"
# Lower-case words that say what a person is, before the name ("said chief executive Jane Doe").
ROLE_BEFORE_NAME = (r"(?:[\"\u201c][^\"\u201c\u201d\n]{1,40}[\"\u201d]\s+(?=[a-z]))?"  # 'said "Moonlight" director Jane Doe'
                    r"(?:(?!(?:when|who|which|that|in|at|on|after|before|during|while|as|to|for|from|with|via"
                    r"|of|and|but|the|a|an|this|last|next|it|later|earlier|then|also|again|once)\b)"
                    r"[a-z0-9][\w'\u2019-]*\s+){0,4}?")  # "said 43-year-old Jane Doe"
# After a verb the noun phrase runs to a clause boundary: "said one legal expert, as ..."
CLAUSE_WORDS = r"(?:when|who|which|that|in|at|on|after|before|during|while|as|to|for|from|with|via|of|and|but)"
# An employer and an office before the name: "said NASA administrator Jim Doe".
EMPLOYER_AND_ROLE = rf"(?:{NAME}\s+(?:(?!(?:{CLAUSE_WORDS}|the|an?)\b)[a-z][\w'\u2019-]*\s+){{1,3}}(?={NAME}))?"
TRAILING_NOUN_PHRASE = (r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)"
                        rf"(?:\s(?!{CLAUSE_WORDS}\b)[\w'\u2019-]+){{1,5}}")
AUXILIARIES = (r"(?:has|had|have|would|will|could|also|then|later|once|again|further|still|even|just|instead"
               r"|simply|now|previously|recently|first|always|often|\w+ly)\s+")
CUE_WORDS = tuple(sorted(set(SPEECH_VERBS) | {"went on", "pointed out", "chimed in", "spoke up"},
                         key=len, reverse=True))
CUE = r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in CUE_WORDS) + r")\b"
CUE_RE = re.compile(CUE)
# What may stand between a subject and its verb: ", 45," or ", the coach,",
# or one with commas of its own (", senior vice president at Boeing Defense,
# Space, and Security,").
APPOSITION_ROLE_WORDS = JOB_WORDS | {"vp", "svp", "evp", "cto"}
APPOSITION_ROLE = "|".join(sorted(APPOSITION_ROLE_WORDS, key=len, reverse=True))
APPOSITION = (r"(?:,\s[^,\"\u201c\u201d\n]{1,120}(?:,\s[^,\"\u201c\u201d\n]{1,40}){0,3},"
              # a description whose closing comma the writer left out: ", a student in his 20s told dpa",
              # ", VP of Acme's Infrastructure wrote"
              # (not an office before a name: ", Mayor Ruth Adams said")
              rf"|,\s(?:(?:an?|the)\s|(?i:{APPOSITION_ROLE})\s(?![A-Z][a-z]))"
              rf"[^,\"\u201c\u201d\n]{{1,60}}?(?=\s+{CUE}))?")
# Lower-case words that say what a person is, before the name that opens a
# clause ('," study lead author Jane Doe said'): no verb among them.
ROLE_BEFORE_SUBJECT = (rf"(?:(?!{CUE})(?!(?:{CLAUSE_WORDS}|the|an?|this|it|then|also)\b)"
                       rf"[a-z0-9][\w'\u2019-]*\s+){{1,4}}?(?={NAME})")
# Verbs of believing: the words after them are the believer's only when
# they are more than a term ("believes their ability to \"taste\"" is a term).
BELIEF_CUES = frozenset({"believe", "believes", "believed", "thinks", "thought", "feels", "felt"})
STATEMENT_NOUNS = r"statement|press release|news release|release|letter|memo|filing"
# A written statement "reads": '," the statement read.' (a person who reads reads someone's words)
STATEMENT_READ_CUE = (rf"(?P<subj4>\b[Tt]he\s+(?:[\w'\u2019-]+\s+){{0,2}}?(?:{STATEMENT_NOUNS}))"
                      rf"(?:,\s[^,\"\u201c\u201d\n]{{1,40}},)?\s+(?P<cue4>read|reads)\b"
                      # '," read the statement.'
                      rf"|(?P<cue5>read|reads)\s+(?P<subj5>the\s+(?:[\w'\u2019-]+\s+){{0,2}}?(?:{STATEMENT_NOUNS}))\b")
# 'The committee's statement read: "..."', "Its statement reads:": a written statement's words follow
STATEMENT_READ_BEFORE_RE = re.compile(
    rf"(?P<subj>\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'\u2019-]+\s+){{0,3}}?(?:{STATEMENT_NOUNS}))"
    r"\s+(?P<cue>read|reads)\s*[:,]\s*$")
# A lead author speaks for the team: "Doe and her colleagues wrote".
AND_TEAM = r"(?:\s+and\s+(?:his|her|their)\s+(?:team|colleagues|co-?authors|co-?workers|fellow\s+researchers))?"
# '," said a seemingly taken-aback Rock': a description of the speaker before the name
DESCRIBED_BEFORE_NAME = r"(?:(?:an?|the)\s+(?:[a-z][\w'\u2019-]*\s+){1,3}(?=[A-Z]))?"
# Right after a closing mark: ", she said" / "said Jane Doe" / "according to ..." / "the statement read".
AFTER_CUE_RE = re.compile(
    rf"^[\s,;:]*(?:[\u2014\u2013-]\s*)?(?:"
    rf"(?:{ROLE_BEFORE_SUBJECT})?(?P<subj>{SUBJECT})(?:['\u2019]s)?{APPOSITION}{AND_TEAM}\s+(?:{AUXILIARIES}){{0,3}}"
    rf"(?P<cue>{CUE})"
    rf"|(?P<cue2>{CUE})\s+{DESCRIBED_BEFORE_NAME}{ROLE_BEFORE_NAME}{EMPLOYER_AND_ROLE}"
    rf"(?P<subj2>{NAME}|\b{TRAILING_NOUN_PHRASE}|\b{PRONOUN}\b)"
    rf"|(?P<cue3>according\s+to)\s+{ROLE_BEFORE_NAME}(?P<subj3>{NAME}|\b{TRAILING_NOUN_PHRASE})"
    rf"|{STATEMENT_READ_CUE})"
)
# '," ABC Entertainment's president, Channing Dungey, said': the name in
# apposition to an organisation's role speaks.
POSSESSIVE_ROLE_NAME_RE = re.compile(rf"[\s,]*{NAME}['\u2019]s\s+(?:[a-z][\w-]*\s+){{0,3}}[a-z][\w-]*,\s+"
                                     rf"(?P<subj>{NAME}),\s+(?:{AUXILIARIES}){{0,3}}(?P<cue>{CUE})")
# '"...," Sahara Media quoted Belmokhtar as saying': the object of "quoted" speaks.
QUOTED_AS_SAYING_RE = re.compile(rf"[\s,]*(?:{NAME}|\b{TRAILING_NOUN_PHRASE})\s+(?:also\s+)?(?P<cue>quoted)\s+"
                                 rf"{ROLE_BEFORE_NAME}(?P<subj>{NAME}|\b{TRAILING_NOUN_PHRASE})\s+as\s+saying\b")
# '"Hello, everyone," is how Twitter's Jack Doe greeted the world': the
# quotation is what the clause's subject said, whatever the verb.
IS_HOW_RE = re.compile(rf"[\s,]*(?:is|was)\s+how\s+(?:{NAME}['\u2019]s\s+)?{ROLE_BEFORE_NAME}"
                       rf"(?P<subj>{NAME}|\b{PRONOUN}\b)\s+(?:{AUXILIARIES}){{0,2}}"
                       rf"(?P<cue>[a-z]+ed|put|began|opened|summed|described|sums|puts|describes)\b")
# '"...," said a statement from vice chairman Aiyawatt Srivaddhanaprabha': the statement's author.
SAID_A_STATEMENT_FROM_RE = re.compile(rf"[\s,]*(?P<cue>said|says|read|reads)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?"
                                      rf"(?:{STATEMENT_NOUNS})"
                                      rf"\s+(?:from|by|issued\s+by)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?P<subj>{NAME})")
NAMED_AFTER_CUE_RES = (POSSESSIVE_ROLE_NAME_RE, QUOTED_AS_SAYING_RE, IS_HOW_RE, SAID_A_STATEMENT_FROM_RE)
# A work's title in the role before a speaker's name: '," said "Moonlight" director Barry Jenkins'
TITLE_IN_ROLE_RE = re.compile(r"[\"\u201c][^\"\u201c\u201d\n]{1,40}[\"\u201d]\s+[a-z][\w-]*\s+[A-Z]")
ROLE_CUE_BEFORE_TITLE_RE = re.compile(rf"[\s,]*(?:{CUE})\s+$")
# A news outlet named as the source of a report, not a speaker.
NEWS_OUTLET_RE = re.compile(
    r"\b(?:" + "|".join(sorted({w.upper() if len(w) <= 2 else w.capitalize() for w in PRESS_WORDS}, key=len, reverse=True))
    + r"|Guardian|Telegraph|Reuters|AP|AFP|BBC|CNN|CBS|NBC|ABC|MSNBC|Chronicle|Observer|Independent|Mirror|Express|"
    r"Mail|Variety|Politico|Axios|Bloomberg|Pitchfork|TMZ|Deadline)\b")
# '," one resident, Greg Hall, told the council': a description, then the name
# in apposition, which says who speaks
DESCRIPTION_START_RE = re.compile(r"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)\s")
APPOSITIVE_NAME_RE = re.compile(rf",\s(?P<name>{NAME}),")
NAME_START_RE = re.compile(rf"{NAME}$")
# Words that open a sentence and are no subject of it, though capitalised there.
SENTENCE_ADVERBS = frozenset("""Later Earlier Meanwhile However Afterwards Afterward Then Still Now Today Yesterday
Separately Also Finally Instead Indeed Moreover Nevertheless Subsequently Previously Recently Eventually""".split())
# A dash and a name alone after a quotation, to the end of the paragraph or a
# description: '"..." — Jane Doe' / '"..." —Jane Doe, author of ...'.
DASH_SOURCE_RE = re.compile(rf"\s*[\u2014\u2013]\s*(?P<subj>{NAME})\s*(?:,|$)")
# Later in the same clause: '"..." impeachment, Doe said at a rally'.
LOOSE_AFTER_CUE_RE = re.compile(
    rf"(?P<subj>\b(?:[Hh]e|[Ss]he|[Tt]hey)\b|{NAME})(?:['\u2019]s)?\s+(?:{AUXILIARIES}){{0,2}}(?P<cue>{CUE})")
# Right before an opening mark: the verb, then at most a short tail, then , or :
# ("Doe said in a statement:", "Doe told reporters,", "Doe explains,").
BEFORE_TAIL_RE = re.compile(
    r"^(?:\s+(?:(?:to|in|on|at|during|via|after|before|while|from|for|with|through|of|about|last|this"
    r"|earlier|later|when|outside|inside|under|over)\b[^\"\u201c\u201d.!?;]{0,70}?"
    rf"|{NAME}|reporters|journalists|me|him|her|us|them|the\s+[\w-]+(?:\s+[\w-]+)?|again|later"
    r"|afterwards|recently|simply|then|too|also|once|bluntly|simply|flatly))?\s*[,:]\s*$")
# "Acme confirmed the issue and added, '...'": the second verb of a clause,
# whose subject is the clause's first words.
SECOND_VERB_BEFORE_RE = re.compile(rf"\s(?:and|but|then)\s+(?:{AUXILIARIES}){{0,2}}$")
# ... and a clause's second verb before a partial quotation: "took responsibility but said he was".
SECOND_VERB_CUE_RE = re.compile(rf"\s(?:and|but)\s+(?:also\s+)?(?P<cue>said|says|added|insisted|stressed|"
                                r"maintained|claimed|argued|conceded|acknowledged|admitted|denied|"
                                # "... and advised South Africans \"to avoid all processed meat\""
                                r"advised|urged|warned|told|asked)\b")
# A title set after a speaker's name ("said Kelly Bayer Rosmarin, Optus CEO."):
# the same person, not someone the paragraph brings in after the speaker.
APPOSED_TITLE_BEFORE_RE = re.compile(r",\s+(?:the\s+|its\s+|their\s+)?$")
# A name right after these is the object of a phrase, whatever role comes after
# its comma ("from State House, the president asserted").
PLACE_PREPOSITION_BEFORE_RE = re.compile(r"\b(?:from|in|at|outside|inside|near|into|to)\s+(?:the\s+)?$")
# A report that relays someone's words, as a quotation's cue after it: "the report said".
RELAYING_REPORT_RE = re.compile(r"(?:[Tt]he|[Aa]n?)\s+(?:[\w'\u2019-]+\s+){0,2}?(?:report|broadcast|bulletin|"
                                r"dispatch)")
# The last sentence end before a cue: where that clause's subject starts.
SENTENCE_END_BEFORE_RE = re.compile(r"(?:^|[.!?][\"\u201d\u2019]?\s+)(?=[^.!?]*$)")
OPENING_PHRASE_END_RE = re.compile(r",\s+")
SUBJECT_BEFORE_RE = re.compile(rf"(?P<subj>{SUBJECT})(?:['\u2019]s)?{APPOSITION}{AND_TEAM}\s+(?:{AUXILIARIES}){{0,3}}$")
# The one spoken to, before a clause's subject: "Speaking to Pitchfork, Scott
# Burroughs, an attorney, said": Pitchfork listens.
ADDRESSEE_BEFORE_RE = re.compile(r"\b(?:[Ss]peaking|[Tt]alking|[Ww]riting)\s+(?:to|with)\s+$|"
                                 # ... and a source, not the speaker: "According to an Olympus investor, ...,
                                 # Hisashi Mori, executive vice-president at Olympus, said:"
                                 r"\b[Aa]ccording\s+to\s+$|"
                                 r"\b(?:[Tt]old|[Tt]elling|[Ii]nterview\s+with)\s+$|"
                                 r"\b(?:reached|contacted|asked|interviewed|approached)\s+by\s+$")
SUBJECT_AFTER_CUE_RE = re.compile(rf"^\s+(?P<subj>{NAME}|\b{TRAILING_NOUN_PHRASE})")
# Verbs whose following noun phrase is the listener, never the speaker ("told the BBC").
TRANSITIVE_CUES = frozenset({"told", "tells", "tell", "asked", "asks", "ask", "urged", "urges", "warned",
                             "warns", "informed", "texted", "messaged", "emailed"})
ACCORDING_TO_RE = re.compile(rf"\baccording\s+to\s+(?P<subj>{NAME}|\b{NOUN_PHRASE})\s*,\s*$")
# "According to Jane Doe, the company "...": a sentence that opens by naming
# its source gives its quotations that source (matched at the sentence's
# start, wherever it is: a "^" would hold only for a paragraph's first sentence).
# A description followed by a name is that person ("According to his aunt, Jane Doe, ...").
SENTENCE_ACCORDING_TO_RE = re.compile(
    rf"\W*[Aa]ccording\s+to\s+(?P<subj>{NAME}|\b{NOUN_PHRASE}(?:,\s+(?P<named>{NAME}))?)\s*,")
AS_PUT_IT_RE = re.compile(rf"\b(?:[Aa]s|[Ii]n)\s+(?P<subj>{NAME}|\b{PRONOUN}\b)(?:['\u2019]s)?\s"
                          r"(?:put\s+it|puts\s+it|words|own\s+words)\s*,\s*$")
# "the statement said": whoever issued it ("Acme Corp issued a statement",
# "Doe said in a statement", "a statement from Acme Corp").
STATEMENT_SUBJECT_RE = re.compile(
    rf"^(?:the|a|an|its|their|his|her|that|this)\s+(?:[\w-]+\s+){{0,2}}?(?:{STATEMENT_NOUNS})$", re.I)
# "the 20-year-old's court statement": whose statement it is
STATEMENT_OWNER_RE = re.compile(r"^the\s+(?P<owner>[\w-]+(?:\s+[\w-]+)?)['\u2019]s\s", re.I)
# "the Russian", "the 28-year-old Brazilian": a person described by nationality
# (not every "-an": "the Taliban", "the Vatican")
DEMONYM_DESCRIPTION_RE = re.compile(
    r"^[Tt]he\s+(?:[\w-]+\s+)?(?P<demonym>[A-Z][a-z]+(?:ian|ese|ish|ean)|American|Mexican|German|Cuban|Moroccan|"
    r"Kenyan|Afghan|Pakistani|Iraqi|Israeli|Saudi|Somali|Yemeni|Kuwaiti|Qatari|Nepali|Bangladeshi|Briton|Spaniard|"
    r"Frenchman|Frenchwoman|Dutchman|Welshman|Scotsman|Irishman|Englishman|Swede|Dane|Finn|Pole|Czech|Greek|Thai|"
    r"Swiss|Uruguayan|Argentine|Chilean|Peruvian|Ecuadorian|Venezuelan|Colombian|Nigerian|Ghanaian)$")
# "the 20-year-old", "the 53-year-old singer": the person the story is about
AGE_DESCRIPTION_RE = re.compile(r"^[Tt]he\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old(?:\s+[a-z-]+)?$")
# ... before the name itself: "The 43-year-old Kilpatrick" is Kilpatrick
AGE_BEFORE_NAME_RE = re.compile(r"^[Tt]he\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old\s+(?=[A-Z])")
STATEMENT_WORD_RE = re.compile(rf"\b(?:{STATEMENT_NOUNS})\b", re.I)
# "A tweet by WhatsApp added": what was written speaks for whoever wrote it.
WRITTEN_BY_RE = re.compile(rf"^(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?(?:{STATEMENT_NOUNS}|tweet|post|blog\s+post|message"
                           r"|update|email|e-mail)\s+(?:by|from)\s+(?P<owner>[A-Z].*)$")
STATEMENT_FROM_RE = re.compile(r"^\s+(?:from|by|of|issued by|released by)\s+(?:the\s+)?$")
# The issuer is the head of its noun phrase: a verb follows it ("Acme Corp
# issued", "Doe said"), not another noun ("the US military said").
ISSUER_VERB_AFTER_RE = re.compile(r"\s*,|\s+(?:(?:has|have|had|also|then|later|flat-out|\w+ly)\s+)*"
                                  r"(?:[a-z]+(?:ed|s)|put|sent|gave|made|wrote|read|put out|said|told)\b")

# "Doe's claims" is a possessive and a noun, not "Doe has claims": after a
# name ending in 's, a present-tense verb of speech is not one.
POSSESSIVE_NOT_NOUN = r"(?:(?<=['\u2019]s)(?!\s+[a-z]+s\b)|(?<!['\u2019]s))"
# Words that say a person holds a post or does a job ("the mayor", "the singer").
PERSON_ROLE_WORDS = (ROLE_WORDS | OCCUPATION_WORDS) - {"chair", "insider", "republican", "democrat"}
# "the mayor", "the former mayor": a role held by a person the story named.
DEFINITE_ROLE = rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(PERSON_ROLE_WORDS, key=len, reverse=True))})\b"
# "the ambassador to Britain accused": a name right after a preposition is its object
NOT_AFTER_PREPOSITION = "".join(rf"(?<!\b{p} )" for p in ("to", "of", "for", "from", "in", "at", "on", "with", "by"))
# A subject and a verb of speech or of calling, earlier in the sentence of a partial quote.
# "A White House statement said ...": a statement named by who made it
NAMED_STATEMENT = rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[A-Z][\w.&'\u2019-]*\s+){{1,4}}(?:{STATEMENT_NOUNS})\b"
NAMED_STATEMENT_RE = re.compile(rf"^(?:[Aa]n?|[Tt]he)\s+(?P<owner>(?:[A-Z][\w.&'\u2019-]*\s+){{1,4}}?)"
                                rf"(?:{STATEMENT_NOUNS})$")
# An organisation speaking through its governing body: "the board of Olympus said".
BODY_OF_NAME = rf"[Tt]he\s+(?:board|management|leadership|executive\s+board|board\s+of\s+directors)\s+of\s+{NAME}"
BODY_OF_NAME_RE = re.compile(rf"{BODY_OF_NAME}$")
PARTIAL_CUE_RE = re.compile(
    rf"(?P<subj>\b(?:[Hh]e|[Ss]he|[Tt]hey)\b|\b[Tt]he\s+(?:{STATEMENT_NOUNS})\b|{NAMED_STATEMENT}|\b{BODY_OF_NAME}|{DEFINITE_ROLE}|{NOT_AFTER_PREPOSITION}{NAME}){POSSESSIVE_NOT_NOUN}(?:['\u2019]s{POSSESSIVE_NOT_NOUN})?{APPOSITION}\s+(?:{AUXILIARIES}){{0,2}}"
    rf"(?P<cue>{CUE}|\b(?:called|calls|described|describes|dubbed|labell?ed|branded|termed|deemed"
    r"|praised|slammed|critici[sz]ed|hailed|denounced"
    # what someone believes, in the words she put it in: "made Doe believe they were \"...\""
    rf"|{'|'.join(sorted(BELIEF_CUES))})\b)")
# ... and a name that closes an apposition before its verb: "Its acting
# chairman, Berthold Huber, told reporters that directors are \"...\"".
APPOSED_NAME_CUE_RE = re.compile(rf"(?<=,\s)(?P<subj>{NAME}),\s+(?:{AUXILIARIES}){{0,2}}(?P<cue>{CUE})")
# Between two quotations of one sentence, a bare "and (that)": the second is
# the same speaker's ('the DEA says that "A" and that "B"').
COORDINATED_QUOTE_GAP_RE = re.compile(r"[\s,;]*(?:and|or|but|as\s+well\s+as)(?:\s+(?:that|also|an?|the))?\s*")
# A participle of speech hung on a clause: the clause's subject is the
# speaker ("The company denied the claims, saying they were "false"").
PARTICIPLE_CUES = r"saying|adding|insisting|arguing|noting|explaining|warning|writing|telling"
PARTICIPLE_CUE_RE = re.compile(rf",\s+(?P<cue>{PARTICIPLE_CUES})\b")
# "Doe said the plan failed, while Roe disagreed, saying it was \"...\"": a
# clause of its own after the sentence's cue, whose participle is the nearer cue.
CONTRAST_CLAUSE_RE = re.compile(r",?\s+(?:but|while|whereas|although|though|yet)\s+")
# ... and a clause joined by "and" that has a subject of its own before its verb
OWN_CLAUSE_AND_RE = re.compile(r",?\s+and\s+(?!(?:then|later|also|so)\b)(?=[A-Z]|the\s|his\s|her\s|their\s)")
# '"It is done," Doe said, adding that the mayor would "sign anything."': a
# participle between two quotations of one sentence hangs on the first one's
# clause, its speaker's. At most this many words (the first one's cue) before it.
MAX_WORDS_BEFORE_PARTICIPLE = 4
# (the first quotation may hold the comma: '"It is done," adding that')
PARTICIPLE_IN_GAP_RE = re.compile(rf"(?:^|,)\s*(?P<cue>{PARTICIPLE_CUES})\b")
# Past forms that do not end in -ed ("Rock, who had made a joke, took another jab").
IRREGULAR_PAST = "|".join(sorted(SHORT_PAST_VERBS, key=len, reverse=True))
# A phrase of time or sequence opening a sentence before its subject:
# "Shortly afterward, the FAA issued a statement ..., saying".
OPENING_PHRASE = (rf"(?:{'|'.join(sorted(SENTENCE_ADVERBS))}|Shortly|On|In|At|After|Before|Last|This|Hours|Minutes|"
                  r"Days|Weeks|Moments|Overnight)\b[\w' -]{0,40}?,\s+")
SENTENCE_SUBJECT_RE = re.compile(
    rf"[^\w\u201c\u201d\"]*(?:{OPENING_PHRASE})?(?P<subj>{NAME}|\b{NOUN_PHRASE}|\b{PRONOUN}\b){APPOSITION}"
    rf"\s+(?:{AUXILIARIES}){{0,3}}"
    rf"(?:[a-z]+(?:ed|s)|{IRREGULAR_PAST})\b")
# Where it was said: "(via ...)", "told Jane Doe", "in the clip", "on Twitter".
MEDIUM_RE = re.compile(
    rf"\((?P<paren>via\s[^)]{{1,80}})\)"
    rf"|\b(?P<via>via\s+{NAME})"
    rf"|\b(?P<told>(?:told|telling|speaking\s+to|talking\s+to)\s+(?:{NAME}|reporters|journalists"
    r"|the\s+[\w-]+(?:\s+[\w-]+)?))"
    r"|\b(?P<inside>(?:in|on|during)\s+(?:a|an|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:clip|video|interview|statement|post|tweet|podcast|episode|letter|memo|email|e-mail|speech"
    r"|press\s+conference|news\s+conference|conference\s+call|segment|appearance|documentary"
    r"|broadcast|essay|op-ed|column|memoir|message|filing|release|teaser|trailer)\b"
    r"(?:\s+(?:with|for|on|to)\s+(?:[A-Z][\w'\u2019]*(?:\s+[A-Z][\w'\u2019]*)*))?)"
    r"|\b(?P<platform>on\s+(?:Twitter|Instagram|Facebook|TikTok|Threads|YouTube|Snapchat|Reddit"
    r"|LinkedIn|Bluesky|radio|television|TV|air|camera|stage|social\s+media))\b"
    rf"|\b(?P<to>to\s+(?:{NAME}|reporters|journalists))"
)
# Inside a quote: "I said, '...'", "I was like, '...'", "I heard him say, '...'".
NESTED_VERBS = (r"(?:was|were|am|is|are|['\u2019]m|['\u2019]re)\s+like|goes|go|went|thought|think|yelled"
                rf"|screamed|{CUE}")
# "I can't say", "I didn't think": what a quoter says they did not say is still their words.
NEGATED_AUXILIARY = r"(?:(?:ca|could|would|did|do|does|wo|should)n['\u2019]t|cannot)\s+"
NESTED_CUE_RE = re.compile(
    rf"(?:(?P<subj>\b(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey|[Yy]ou)\b|{NAME})\s+(?:{AUXILIARIES}|{NEGATED_AUXILIARY}){{0,2}}"
    rf"(?P<verb>{NESTED_VERBS})(?:\s+(?:me|him|her|us|them|you|myself|himself|herself))?"
    rf"|\b(?:heard|hear|hearing|saw|see|watched|remember)\s+(?P<obj>him|her|them|{NAME})\s+"
    r"(?P<verb2>say|said|saying|tell|telling|ask|asking|yell|yelling|go|going|scream|screaming)"
    r"|\b(?P<own>[Mm]y|[Oo]ur)\s+(?:[\w-]+\s+){0,2}(?:reaction|response|reply|answer|thought|words)\s+(?:was|were)"
    rf"|\band\s+(?:then\s+)?(?P<verb3>{NESTED_VERBS}))"
    r"(?:[^\"\u201c\u201d'\u2018.!?]{0,30}?[,:]?|[^\"\u201c\u201d'\u2018.!?]{0,50}?(?:\blike\s*,?|:))\s*$")
# The subject a verb after "and" shares: the last one named before it ("I called her up and said").
SHARED_SUBJECT_RE = re.compile(r"\b(I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\b(?!.*\b(?:I|[Ww]e|[Hh]e|[Ss]he|[Tt]hey)\b)")
# The quote is song words: "Those are the words the band sang".
LYRIC_CONTEXT_RE = re.compile(
    r"\b(?:words|lyrics?|lines?|verses?|chorus|refrain|hook)\b[^.?!]{0,80}?"
    r"\b(?P<verb>sang|sings|sung|singing|crooned|croons|rapped|raps|belted|belts|sing)\b")
LYRIC_CUES = frozenset({"sang", "sings", "rapped", "raps", "crooned", "croons"})

# ---------------------------------------------------------------- titles and words

# Words before a quotation that name a work: the quotation is its title
# ("the song 'X'", "their third album, 'X'", "appeared on 'X'").
TITLE_CUE_WORDS = frozenset("""
song songs single singles album albums track tracks tune tunes record records ep eps lp lps mixtape
mixtapes hit hits anthem anthems ballad ballads duet duets cover covers remix show shows series
sitcom sitcoms episode episodes programme programmes program programs film films movie movies
documentary documentaries book books novel novels memoir memoirs play plays musical musicals opera
operas poem poems podcast podcasts video videos game games app apps headline headlines article
articles column columns essay essays report reports titled entitled headlined called named dubbed
featured featuring performed performing released releasing recorded on off from
""".split())
# Words allowed between a title cue and the quotation mark.
TITLE_CUE_FILLERS = frozenset({"the", "a", "an", "their", "his", "her", "its", "new", "latest", "hit",
                               "debut", "lead", "final"})
TITLE_CUE_LOOKBACK_WORDS = 5
# Title cues that are not nouns: a lower-case quotation after them is not a title.
WEAK_TITLE_CUES = frozenset({"on", "off", "from", "called", "named", "dubbed", "featured", "featuring",
                             "performed", "performing", "released", "releasing", "recorded", "titled",
                             "entitled", "headlined"})
# Words before a quotation that make it a term, not a title: the word "We".
TERM_CUE_WORDS = frozenset({"word", "words", "term", "phrase", "slogan", "nickname", "label", "moniker",
                            "motto"})
# Nouns right after a quotation that make it the name of a thing: the "..." campaign.
NAMED_THING_AFTER_RE = re.compile(
    r"\s*(?:[a-z][\w-]*\s+)?(?:campaign|slogan|tagline|motto|formula|hashtag|initiative|doctrine"
    r"|mantra|catchphrase)s?\b")
# A quotation that opens a sentence and runs on into it as its subject
# ('"Become an online leader" sounds like a tall order'): a phrase spoken of,
# not words spoken (words spoken end in a mark or take a cue).
QUOTE_AS_SUBJECT_RE = re.compile(r"[ \t]+[a-z][a-z'\u2019-]+\b")
# One item of a list: 'between corporations, "creators," and normal people'.
LIST_ITEM_BEFORE_RE = re.compile(r"[a-z][\w'\u2019-]*,\s*$")
LIST_ITEM_AFTER_RE = re.compile(r",?\s+(?:and|or)\s+[a-z]")
# A numbered heading that is a quoted phrase: '7. "The Giuliani problem"'.
NUMBERED_HEADING_BEFORE_RE = re.compile(r"\s*(?:\d{1,3}|[A-Za-z])[.)]\s*$")
# Small words that stay lower case in a title.
TITLE_SMALL_WORDS = frozenset("""
a an the and or but nor of in on at to for by with from as vs via into onto per up off out
""".split())
WORD_RE = re.compile(r"[^\W_][\w'\u2019&.-]*")
MAX_TITLE_WORDS = 10
MAX_SCARE_WORDS = 3
# A fragment with no cue this long (a clause, not a phrase) is taken for the
# words of the paragraph's last speaker.
MIN_UNCUED_PARTIAL_WORDS = 7
# A quote with no cue whose words (this many or more) were quoted earlier in
# the article with a speaker repeats that speaker's words ('Grisham has given
# "plenty of on-the-record statements"' after Grisham's full quote).
MIN_REPEATED_QUOTE_WORDS = 4
PLAIN_WORD_RE = re.compile(r"\w+")
MAX_REPEATED_QUOTE_LOOKBACK = 100  # earlier quotes compared (a page of quotation marks stays linear)
# Subjects of clauses: the word before a name that starts a clause.
CLAUSE_STARTERS = frozenset("""
and but so then while when as after before because although though since if however meanwhile
also now later still yet once where even only
""".split())
# Capitalised words right before a name: titles ("Governor", "Prime Minister").
TRAILING_CAPITALS_RE = re.compile(r"(?:\b[A-Z][\w.'\u2019-]*\s+)+$")
PREPOSITIONS = frozenset("""
to with for from by of at on in about against like unlike than via toward towards into onto over
under after before between among without within beyond behind despite featuring including per
amid except besides beside near thanks
""".split())
THIRD_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Kinds of entity that can be the subject of a sentence (a speaker).
SUBJECT_KINDS = (PERSON, GROUP)
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
# He/she pronouns; the first letter first, so the regex engine skips to it
# (the look-behind is the word boundary before it).
GENDER_PRONOUN_RE = re.compile(
    r"[HhSs](?<!\w\w)(?:(?<=[Hh])(?:e|im|is|imself|er|ers|erself)|(?<=[Ss])he)\b")
GENDER_WINDOW = 300
PLURAL_PRONOUNS = frozenset({"they", "them"})
# ", a spokesperson for X": a person news copy may call "they".
SPOKESPERSON_APPOSITION_RE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:spokes(?:person|man|woman)|representative|rep|press secretary|"
    r"publicist|press officer)\b", re.IGNORECASE)
# A cue followed by this reports in its own words: "Doe added that ...".
THAT_CLAUSE_RE = re.compile(r"that\b")
SENTENCE_END_MARKS = ".!?\u2026"
# Object pronouns, which never stand for the subject of their own clause.
OBJECT_PRONOUN_RES = {
    "he": re.compile(r"\bhim\b"),
    "she": re.compile(r"\bher\b(?=\s*[.,;:!?)]|\s+(?:to|with|for|from|and|in|on|at|about|as|that)\b)"),
}
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
OWN_TO_SUBJECT = {"my": "i", "our": "we"}
# "the Swedish Prosecution Authority said": an article before a name written in capitals
ARTICLE_BEFORE_NAME_RE = re.compile(r"^the\s+(?=[A-Z])")
# Whose relative or agent a named speaker is, before the name: "His brother
# Shaun Hall", "Their solicitor Marcia Willis-Stewart", "Gaye's daughter Nona Gaye".
KIN_BEFORE_NAME_RE = re.compile(r"^(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[A-Z][\w\u2019'-]*['\u2019]s)\s+"
                                r"(?:[a-z][\w-]*\s+){1,3}(?=[A-Z])")
# "the company said", "the agency said": an organisation speaks, the
# one the story named last.
ORGANISATION_NOUNS = (r"company|firm|corporation|carrier|airline|bank|retailer|maker|manufacturer"
                      r"|label|studio|network|broadcaster|publisher|agency|ministry|department|organi[sz]ation"
                      r"|charity|club|league|union|university|hospital|giant|conglomerate|insurer|automaker"
                      r"|carmaker|chipmaker|operator|provider|platform|startup|start-up|regulator|watchdog"
                      r"|committee|commission|tribunal|federation|association|council|panel")
DEFINITE_ORGANISATION_RE = re.compile(rf"^the\s+(?:[\w-]+\s+){{0,2}}(?:{ORGANISATION_NOUNS})$", re.IGNORECASE)
# Music groups, named by what they are ("the band responded"): the group the story named.
BAND_NOUNS = r"band|group|duo|trio|quartet|quintet|outfit"
DEFINITE_BAND_RE = re.compile(rf"^[Tt]he\s+(?:[a-z0-9][\w-]*\s+){{0,2}}(?:{BAND_NOUNS})$")  # not "The Vireo Music Group"
# "In a statement released on Tuesday, the band responded ...": the issuer opens the clause after it
SUBJECT_AFTER_STATEMENT_RE = re.compile(
    rf"[^.\"\u201c\u201d]{{0,60}}?,\s+(?:the\s+)?(?P<subj>{NAME}|\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{ORGANISATION_NOUNS}|{BAND_NOUNS}))"
    r"\s+(?:(?:has|have|had|also|then|later|\w+ly)\s+)*(?:[a-z]+(?:ed|s)|said|told|wrote|put)\b")
# "Thames Valley Police released the following statement: "..."": its issuer speaks
ISSUED_STATEMENT_BEFORE_RE = re.compile(
    rf"(?P<subj>{NAME}|\b{PRONOUN}\b|\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{ORGANISATION_NOUNS}))"
    r"\s+(?:(?:has|have|had|also|later|then)\s+)*(?:released|issued|put\s+out|posted|published|shared|sent)\s+"
    r"(?:(?:the|a|an|this|its|his|her|their)\s+)?(?:following\s+|brief\s+|short\s+|written\s+|joint\s+)*"
    r"(?:statement|message|post|note|letter|tweet)(?:\s+on\s+[A-Z]\w+)?"
    # "issued a statement saying:", "... which read:"
    r"(?:\s*,?\s+(?:saying|stating|reading|which\s+(?:said|read|reads)|that\s+(?:said|read|reads)))?\s*[:,]\s*$")
# "the mayor said", "the 53-year-old singer added": a person the story named
# with that office or occupation ("Burlington Mayor Steve Sexton", "Jane Doe,
# the mayor of ..."); the last word is the role.
DEFINITE_ROLE_RE = re.compile(r"^the\s+(?:[\w-]+\s+){0,3}?(?P<role>[a-z-]+)$", re.IGNORECASE)
# Written short forms of offices before a name ("Gov. Rick Scott").
ROLE_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "lt": "lieutenant",
                      "sgt": "sergeant", "capt": "captain", "gen": "general", "col": "colonel",
                      "det": "detective", "supt": "superintendent", "atty": "attorney", "pres": "president",
                      "insp": "inspector", "cmdr": "commander", "adm": "admiral", "prof": "professor"}
# Roles written in other words: "the resigning premier" is "PM Victor Ponta".
ROLE_SYNONYMS = {"pm": "premier", "prosecutors": "prosecutor"}
# ... and "Prime Minister Jane Doe" is a premier too.
PRIME_MINISTER_RE = re.compile(r"\bprime minister\b")
# Who stands in for a role's holder: "Deputy Mayor Norm Kelly" is no mayor.
DEPUTY_WORDS = frozenset({"deputy", "vice", "assistant", "associate", "under"})
# How far back a role noun looks for the person who holds it, in paragraphs.
ROLE_HOLDER_PARAGRAPHS = 8
# The role given right after a name: ", the mayor of Burlington", ", a student in his 20s".
ROLE_APPOSITION_RE = re.compile(r",\s+(?:the|an?|its|their|his|her)\s+(?P<words>(?:[\w-]+\s+){0,3}[\w-]+)")
# "The company denied it in a statement": a sentence that opens with one
DEFINITE_ORGANISATION_OPENING_RE = re.compile(rf"[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{ORGANISATION_NOUNS})\b")

# Windows that keep the work per quote bounded.
BEFORE_WINDOW = 250
AFTER_WINDOW = 250
NESTED_WINDOW = 160
LOOSE_WINDOW = 120
SPEAKER_MEMORY_PARAGRAPHS = 2
SUBJECT_WINDOW = 120
LYRIC_WINDOW = 300
MAX_LOOKBACK = 40  # candidates examined when looking back for a speaker
MAX_TITLE_CHARS = 200
MAX_WORD_COUNT_CHARS = 400
ANY_WORD_CHAR_RE = re.compile(r"[^\W_]")
MAX_PARAGRAPH_CHARS = 1_000_000

# Cues that name something rather than quote someone ('critics dubbed it "the Squad"').
NAMING_CUES = frozenset({"dubbed", "dubs", "labeled", "labelled", "branded", "termed", "deemed"})
SPEECH = "speech"
PARTIAL = "partial"
SCARE = "scare"
LYRIC = "lyric"


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class QuoteResult:
    quotes: list[Quote] = field(default_factory=list)
    works: list[WorkTitle] = field(default_factory=list)
    unresolved: list[UnresolvedMention] = field(default_factory=list)


# ---------------------------------------------------------------- scanning marks


@dataclass
class _Span:
    family: str
    mark: str
    open_at: int
    start: int
    end: int = -1
    close_at: int | None = None
    close_len: int = 0
    parent: int | None = None
    depth: int = 0

    @property
    def closed(self) -> bool:
        return self.close_at is not None


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _single_closer_positions(text: str) -> list[int]:
    """Positions of single marks that could close a quote (for the plural-possessive test)."""
    out = []
    for m in MARK_RE.finditer(text):
        i = m.start()
        if text[i] not in AMBIGUOUS_SINGLES + SINGLE_CLOSERS or m.group() == "''":
            continue
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if not _is_space(prev) and (_is_space(nxt) or nxt in CLOSE_CONTEXT or nxt in ALL_MARKS):
            out.append(i)
    return out


def _scan(text: str) -> list[_Span]:
    """Quotation spans of one paragraph, in order of their opening marks."""
    spans: list[_Span] = []
    stack: list[int] = []  # indexes into spans
    doubles_in_stack: list[int] = []  # stack positions of double-mark spans
    closers: list[int] | None = None  # for the rare plural possessive: found when first needed
    double_marks: list[int] = []
    skip_until = -1

    def push(family: str, mark: str, at: int, length: int) -> None:
        parent = stack[-1] if stack else None
        spans.append(_Span(family, mark, at, at + length, parent=parent, depth=len(stack)))
        if family == DOUBLE:
            doubles_in_stack.append(len(stack))
        stack.append(len(spans) - 1)

    def pop(at: int, close_len: int, closed: bool) -> None:
        span = spans[stack.pop()]
        if doubles_in_stack and doubles_in_stack[-1] == len(stack):
            doubles_in_stack.pop()
        if closed:
            span.end, span.close_at, span.close_len = at, at, close_len
        else:
            span.end = _trim_end(text, span.start, at)

    def close_double(at: int, length: int) -> None:
        target = doubles_in_stack[-1]
        while len(stack) > target + 1:
            pop(at, 0, False)  # a single quote left open inside ends with its parent
        pop(at, length, True)

    n = len(text)
    for m in SCAN_MARK_RE.finditer(text):
        i = m.start()
        if i < skip_until:
            continue
        token = m.group()
        ch = token[0]
        prev = text[i - 1] if i else ""
        nxt = text[m.end()] if m.end() < n else ""
        prev_space = prev == "" or prev.isspace()
        next_space = nxt == "" or nxt.isspace()
        left = prev_space or prev in OPEN_CONTEXT or prev in ALL_MARKS
        right = next_space or nxt in CLOSE_CONTEXT or nxt in ALL_MARKS
        opener_like = left and not next_space
        closer_like = right and not prev_space
        top = spans[stack[-1]] if stack else None

        if token == "``":
            push(DOUBLE, token, i, 2)
            continue
        if token == "''":
            if doubles_in_stack:
                close_double(i, 2)
                continue
            token, ch = "'", "'"  # two apostrophes: handle the first, rescan the second
            nxt = "'"
            right = True
            opener_like = left and True
            closer_like = not _is_space(prev)
        if ch in DOUBLE_OPENERS:
            if closer_like and not opener_like and doubles_in_stack:
                close_double(i, 1)
            else:
                if top is not None and top.family == DOUBLE:
                    pop(i, 0, False)  # the previous quote was never closed
                push(DOUBLE, ch, i, 1)
        elif ch in DOUBLE_CLOSERS:
            if doubles_in_stack:
                close_double(i, 1)
            elif opener_like and not closer_like:
                push(DOUBLE, ch, i, 1)  # reversed marks: >>...<<
        elif ch == STRAIGHT_DOUBLE:
            if doubles_in_stack:
                if top is not None and top.family == SINGLE and opener_like and not closer_like:
                    push(DOUBLE, ch, i, 1)
                else:
                    close_double(i, 1)
            elif not (closer_like and not opener_like):
                push(DOUBLE, ch, i, 1)
        elif ch in SINGLE_OPENERS:
            if len(stack) < MAX_NESTING:
                push(SINGLE, ch, i, 1)
        elif ch in SINGLE_CLOSERS:
            if top is not None and top.family == SINGLE:
                pop(i, 1, True)
        else:  # ' ‘ ’ `: quote mark or apostrophe
            if left and ELISION_AFTER_RE.match(text, i + 1):
                if text[i + 1:i + 2] in ("n", "N") and text[i + 2:i + 3] in AMBIGUOUS_SINGLES:
                    skip_until = i + 3  # the closing half of 'n'
                continue
            if prev.isalnum() and nxt.isalnum():
                continue  # it's, O'Neil
            if closer_like and not opener_like:
                if top is None or top.family != SINGLE:
                    continue  # Jones' (a possessive), or nothing to close
                if prev in "nN" and i >= 2 and _is_space(text[i - 2]):
                    continue  # Guns N' Roses
                if prev in "sS" and PLURAL_POSSESSIVE_AFTER_RE.match(text, i + 1):
                    # the players' union: a later closer before the next double mark?
                    if closers is None:
                        closers = _single_closer_positions(text)
                        double_marks = [m.start() for m in DOUBLE_MARK_RE.finditer(text)]
                    k = bisect_right(closers, i)
                    d = bisect_right(double_marks, i)
                    limit = double_marks[d] if d < len(double_marks) else n
                    if k < len(closers) and closers[k] < limit:
                        continue
                pop(i, 1, True)
            elif opener_like and not closer_like:
                if len(stack) < MAX_NESTING:
                    push(SINGLE, ch, i, 1)
    while stack:
        pop(n, 0, False)
    for span in spans:  # the quoted words, without spaces just inside the marks
        while span.start < span.end and text[span.start].isspace():
            span.start += 1
        span.end = _trim_end(text, span.start, span.end)
    return spans


def _keep_span(text: str, span: _Span) -> bool:
    """Drop what is not a quotation: empty spans, and single marks left open
    that do not start where a quotation can start (a stray apostrophe)."""
    if not ANY_WORD_CHAR_RE.search(text, span.start, span.end):
        return False
    if span.family == SINGLE and not span.closed:
        before = text[max(0, span.open_at - 200):span.open_at].rstrip()
        last = before[-1:]
        return last == "" or last in ",:" + SENTENCE_END_CHARS + ALL_MARKS
    return True


# ---------------------------------------------------------------- paragraph context


@dataclass
class _Paragraph:
    """One paragraph with what every quote in it needs, computed once."""

    index: int
    text: str
    spans: list[_Span]
    mentions: list[Mention]
    quoted: list[tuple[int, int]]  # top-level quotation spans, marks included
    kept: list[bool] = field(default_factory=list)
    kept_parent: list[int | None] = field(default_factory=list)
    tops: list[int] = field(default_factory=list)  # kept top-level spans, in order
    prev_close: dict[int, int] = field(default_factory=dict)  # top span -> end of the one before
    next_open: dict[int, int] = field(default_factory=dict)  # top span -> start of the next double-mark one
    mention_starts: list[int] = field(default_factory=list)
    first_char: int = 0  # first and last non-space offsets
    last_char: int = 0
    continues: tuple[str, str | None] | None = None  # (quote id, speaker) of a quote begun earlier
    _sentences: list[tuple[int, int]] | None = None
    _subjects: list[tuple[int, str]] | None = None

    def sentences(self) -> list[tuple[int, int]]:
        if self._sentences is None:
            self._sentences = split_sentences(self.text)
        return self._sentences

    def subjects(self) -> list[tuple[int, str]]:
        """Sentence subjects outside quotes, worked out when a quote near this
        paragraph first asks (most paragraphs have none near them)."""
        if self._subjects is None:
            self._subjects = []
            if any(m.kind in SUBJECT_KINDS and not m.possessive for m in self.mentions):
                # sentences only matter where a possible subject is named
                self._subjects = _sentence_subjects(self.text, self.sentences(), self.mentions,
                                                    self.mention_starts, self.quoted)
        return self._subjects

    def sentence_end(self, pos: int) -> int:
        spans = self.sentences()
        k = bisect_right(spans, (pos, 1 << 62)) - 1
        return spans[k][1] if k >= 0 else len(self.text)

    def sentence_start(self, pos: int) -> int:
        spans = self.sentences()
        k = bisect_right(spans, (pos, 1 << 62)) - 1
        return spans[k][0] if k >= 0 else 0

    @property
    def first_top(self) -> int | None:
        return self.tops[0] if self.tops else None


def _span_end(span: _Span) -> int:
    """End of a span with its closing mark."""
    return (span.close_at + span.close_len) if span.closed else span.end


def _prepare(index: int, text: str, entities: EntityIndex) -> _Paragraph:
    spans = _scan(text)
    mentions = entities.find_mentions(text)
    quoted = sorted((s.open_at, _span_end(s)) for s in spans if s.parent is None)
    para = _Paragraph(index, text, spans, mentions, quoted)
    para.kept = [_keep_span(text, s) for s in spans]
    for i, span in enumerate(spans):
        parent = span.parent
        para.kept_parent.append(None if parent is None else parent if para.kept[parent]
                                else para.kept_parent[parent])
        if para.kept[i] and para.kept_parent[i] is None:
            para.tops.append(i)
    following = len(text)  # the next double-mark quotation (single marks are often titles)
    for k in range(len(para.tops) - 1, -1, -1):
        i = para.tops[k]
        para.prev_close[i] = _span_end(spans[para.tops[k - 1]]) if k else 0
        para.next_open[i] = following
        if spans[i].family == DOUBLE:
            following = spans[i].open_at
    para.mention_starts = [m.start for m in mentions]
    para.first_char = len(text) - len(text.lstrip())
    para.last_char = len(text.rstrip())
    return para


def _outside(pos: int, quoted: list[tuple[int, int]]) -> bool:
    k = bisect_right(quoted, (pos, 1 << 62)) - 1
    return k < 0 or not (quoted[k][0] <= pos < quoted[k][1])


def _sentence_subjects(text: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                       starts: list[int], quoted: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """For each sentence, the first person or group that starts a clause
    (not after a preposition or verb, not a possessive), outside quotes."""
    out: list[tuple[int, str]] = []
    if not mentions:
        return out
    for s, e in sentences:
        k = bisect_right(starts, s - 1)
        while k < len(mentions) and mentions[k].start < e:
            m = mentions[k]
            k += 1
            if m.kind not in SUBJECT_KINDS or m.possessive or not _outside(m.start, quoted):
                continue
            if _opens_clause(text, s, m.start):
                out.append((m.start, m.canonical))
                break
    return out


def _opens_clause(text: str, sentence_start: int, at: int) -> bool:
    """Whether the name at `at` starts a clause of its sentence: not after a
    preposition or a verb."""
    window_start = max(sentence_start, at - 60)
    before = TRAILING_CAPITALS_RE.sub("", text[window_start:at]).rstrip()  # "Governor", "Coach"
    words = WORD_RE.findall(before)
    if len(words) >= 2 and words[-2].lower() in ("the", "a", "an") \
            and (words[-1].lower() in OCCUPATION_WORDS or words[-1].lower() in ROLE_WORDS):
        # "after the novelist Jane Doe explained": she explained (but "he met the novelist Jane Doe")
        return len(words) == 2 or words[-3].lower() in CLAUSE_STARTERS
    return (before == "" or before[-1] in ",;(\u2014\u2013" + ALL_MARKS
            or (words and words[-1].lower() in CLAUSE_STARTERS)
            or (window_start == sentence_start and len(words) <= 3 and "," not in before and words
                and words[-1].lower() not in PREPOSITIONS))  # "Union leader Jane Doe said"


# ---------------------------------------------------------------- the extractor


@dataclass
class _Attribution:
    mention: str | None = None
    cue: str | None = None
    medium: str | None = None
    source: str = "none"
    at: int = 0  # where the speaker is named


class _Extractor:
    def __init__(self, article_id: str, paragraphs: list[str], entities: EntityIndex):
        self.article_id = article_id
        self.entities = entities
        self.quotes: list[Quote] = []
        self.quote_words: dict[str, str] = {}  # quote id -> its words, for repeated quotes
        self.works: list[WorkTitle] = []
        self.unresolved: list[UnresolvedMention] = []
        # speakers of attributed top-level quotes: per paragraph, (position, canonical) in order
        self.speakers: dict[int, list[tuple[int, str]]] = {}
        self.speaker_paragraphs: list[int] = []
        self.gender: dict[str, str] = {}
        self.kinds: dict[str, str | None] = {}
        self.named_speakers: set[str] = set()
        self.paras = [_prepare(i, text, entities) for i, text in enumerate(paragraphs)]
        salience: dict[str, int] = {}
        votes: dict[str, list[int]] = {}
        for para in self.paras:
            for k, mention in enumerate(para.mentions):
                if mention.kind == PERSON:
                    salience[mention.canonical] = salience.get(mention.canonical, 0) + 1
                    self._vote_gender(para, k, votes)
        self.ranked = [name for name, _ in sorted(salience.items(), key=lambda kv: (-kv[1], kv[0]))]
        for name, (male, female) in votes.items():
            if male > female:
                self.gender[name] = "he"
            elif female > male:
                self.gender[name] = "she"

    def _vote_gender(self, para: _Paragraph, k: int, votes: dict[str, list[int]]) -> None:
        """The first he/she pronoun after a person's name, outside quotations and
        before the next person is named, usually refers back to that name."""
        mentions, text = para.mentions, para.text
        mention = mentions[k]
        if mention.possessive or not _outside(mention.start, para.quoted):
            return
        stop = min(len(text), mention.end + GENDER_WINDOW)
        j = k + 1
        while j < len(mentions) and mentions[j].start < stop:
            other = mentions[j]
            if other.kind == PERSON and other.canonical != mention.canonical:
                stop = other.start
                break
            j += 1
        for m in GENDER_PRONOUN_RE.finditer(text, mention.end, stop):
            if _outside(m.start(), para.quoted):
                tally = votes.setdefault(mention.canonical, [0, 0])
                tally[0 if m.group().lower() in MALE_PRONOUNS else 1] += 1
                return

    # -- discourse

    def _agrees(self, name: str, pronoun: str | None) -> bool:
        if pronoun not in ("he", "him", "she", "her"):
            return True
        wanted = "he" if pronoun in ("he", "him") else "she"
        return self.gender.get(name, wanted) == wanted

    def _kind(self, canonical: str) -> str | None:
        if canonical not in self.kinds:
            self.kinds[canonical] = self.entities.kind_of(canonical)
        return self.kinds[canonical]

    def _kind_ok(self, canonical: str, wanted: tuple[str, ...]) -> bool:
        kind = self._kind(canonical)
        # whoever a cue names as a speaker is a person, whatever the name looked like
        return kind is None or kind in wanted or (PERSON in wanted and canonical in self.named_speakers)

    def _add_speaker(self, pi: int, at: int, name: str) -> None:
        if pi not in self.speakers:
            self.speakers[pi] = []
            self.speaker_paragraphs.append(pi)
        self.speakers[pi].append((at, name))

    def _last_speaker_before(self, pi: int, ok) -> tuple[int, str, int] | None:
        """(paragraph, name, position) of the latest speaker of an earlier
        paragraph that passes `ok`."""
        looked = 0
        for p in reversed(self.speaker_paragraphs):
            if p >= pi:
                continue
            for at, name in reversed(self.speakers[p]):
                looked += 1
                if ok(name):
                    return p, name, at
                if looked >= MAX_LOOKBACK:
                    return None
        return None

    def discourse_speaker(self, pi: int, pos: int, exclude: frozenset[str] = frozenset(),
                          plural: bool = False, pronoun: str | None = None) -> tuple[str | None, str]:
        """Who the discourse is about at paragraph `pi`, position `pos`: the
        latest subject or speaker of this paragraph, else the recent speaker,
        else the latest name in this paragraph, else the previous paragraphs'
        subject; a pronoun must agree with the person's known pronoun, and
        the names in `exclude` (those the quote itself names) are skipped."""
        wanted = (GROUP,) if plural else (PERSON, GROUP)

        def ok(name: str) -> bool:
            return name not in exclude and self._kind_ok(name, wanted) and self._agrees(name, pronoun)

        para = self.paras[pi]
        best = _latest_before(para.subjects(), pos, ok)
        spoke = _latest_before(self.speakers.get(pi, []), pos, ok)
        if best is None or (spoke is not None and spoke[0] > best[0]):
            best = spoke
        if best is not None:
            return best[1], "discourse"
        last = self._last_speaker_before(pi, ok)
        if pi:
            # the previous paragraph brought in someone after the last speaker:
            # "... Rep. Jane Doe pushed for it." / ""Quote," she said."
            before = self.paras[pi - 1]
            prev = _latest_before(before.subjects(), len(before.text) + 1, ok)
            if prev is not None and (last is None or (last[0], last[2]) < (pi - 1, prev[0])) \
                    and not _other_person_after(before.text, prev[0], pronoun) \
                    and not (last is not None and last[0] == pi - 1 and _apposed_to(before.text, prev[0], last[1])):
                return prev[1], "discourse"
        if last is not None:
            recent = pi - last[0] <= SPEAKER_MEMORY_PARAGRAPHS
            if recent or (pi and any(m.canonical == last[1] for m in self.paras[pi - 1].mentions[-MAX_LOOKBACK:])):
                return last[1], "previous_quote"
        k = bisect_right(para.mention_starts, pos) - 1
        for m in para.mentions[max(0, k - MAX_LOOKBACK + 1):k + 1][::-1]:
            if m.end <= pos and not m.possessive and m.kind in wanted and _outside(m.start, para.quoted) \
                    and ok(m.canonical):
                return m.canonical, "discourse"
        for p in range(pi - 1, max(-1, pi - 1 - SPEAKER_MEMORY_PARAGRAPHS), -1):
            found = _latest_before(self.paras[p].subjects(), len(self.paras[p].text) + 1, ok)
            if found is not None:
                return found[1], "discourse"
        if pi and pronoun is not None and (named := self._latest_named(pi - 1, ok)) is not None:
            # "I thought of Jane Doe. How would she feel?" / ""...," she replied.": the person
            # the paragraph before brought in and the pronoun agrees with, rather than one
            # who spoke paragraphs ago
            return named, "discourse"
        if last is not None:
            return last[1], "previous_quote"
        if not plural:
            for name in self.ranked[:MAX_LOOKBACK]:
                if ok(name):
                    return name, "discourse"
        return None, "none"

    def _latest_named(self, pi: int, ok) -> str | None:
        """The last person named in paragraph `pi`, outside quotations and not
        a possessive, that passes `ok`."""
        para = self.paras[pi]
        for m in para.mentions[-MAX_LOOKBACK:][::-1]:
            if m.kind == PERSON and not m.possessive and _outside(m.start, para.quoted) and ok(m.canonical):
                return m.canonical
        return None

    # -- names

    def resolve_name(self, mention: str, pi: int) -> str | None:
        """Canonical name of a written name; an ambiguous short form takes the
        candidate named most recently in full."""
        canonical = self.entities.resolve(mention)
        alts = self.entities.alternatives(mention)
        if canonical and len(alts) > 1:
            for k in range(pi, max(-1, pi - 1 - SPEAKER_MEMORY_PARAGRAPHS * 2), -1):
                named = [m.canonical for m in self.paras[k].mentions[-MAX_LOOKBACK:]
                         if m.canonical in alts and len(m.surface.split()) > 1]
                if named:
                    return named[-1]
        if canonical is None:
            cleaned = mention.strip().strip(".,;:")
            if cleaned and cleaned[0].isupper() and cleaned.lower() not in FIRST_PERSON \
                    and cleaned.split()[0].lower() not in ("the", "a", "an", "one", "another", "his", "her",
                                                           "their", "its", "our"):
                return re.sub(r"['\u2019]s$", "", cleaned)
        return canonical

    def speaker_for(self, mention: str | None, pi: int, pos: int, span: tuple[int, int],
                    named_in_quote: frozenset[str] = frozenset()) -> str | None:
        """Canonical speaker for a subject as written: a name, a pronoun, or a
        description. `named_in_quote`: people the quote names, who are not
        what a pronoun stands for."""
        if mention is None:
            return None
        low = mention.strip().lower()
        if low == "it":
            return self._organisation_speaker(pi, pos)
        if low in FIRST_PERSON or low == "you":
            return None  # the writer, or the reader
        if low in THIRD_PERSON_PRONOUNS or low in PLURAL_PRONOUNS:
            name, _ = self.discourse_speaker(pi, pos, exclude=named_in_quote,
                                             plural=low in PLURAL_PRONOUNS, pronoun=low)
            if name is None and low in PLURAL_PRONOUNS:
                name = self._singular_they(pi, pos, named_in_quote)
            if name is None:
                self._unresolved(pi, span, mention, "no_antecedent")
            return name
        if BODY_OF_NAME_RE.match(mention.strip()):
            # "the board of Olympus said": the organisation it governs
            return self.speaker_for(mention.strip().rsplit(" of ", 1)[1], pi, pos, span, named_in_quote)
        if DEFINITE_BAND_RE.match(mention.strip()):
            return self._group_subject(pi, pos)
        police = POLICE_MENTION_RE.match(mention.strip())
        if police:
            return self._police_force(police.group("place").strip())
        named_statement = NAMED_STATEMENT_RE.match(mention.strip())
        if named_statement:  # "A White House statement said": the White House
            return self.speaker_for(named_statement.group("owner").strip(), pi, pos, span, named_in_quote)
        written = WRITTEN_BY_RE.match(mention.strip())
        if written:
            return self.speaker_for(written.group("owner"), pi, pos, span, named_in_quote)
        owner = STATEMENT_OWNER_RE.match(mention.strip())
        if owner and STATEMENT_WORD_RE.search(mention, owner.end()):
            return self.speaker_for("the " + owner.group("owner"), pi, pos, span, named_in_quote)
        if STATEMENT_SUBJECT_RE.match(low):
            # "the statement continued": its issuer, or the one just quoted from a statement
            # ... or else the organisation that spoke last ("Thames Valley Police said ... A statement said:")
            return self._statement_issuer(pi, pos) or self._last_statement_speaker(pi) \
                or self._organisation_speaker(pi, pos, named=True)
        if AGE_DESCRIPTION_RE.match(mention.strip()):
            # the person the story is about, as a pronoun would be
            if low.split()[-1] in PERSON_ROLE_WORDS \
                    and (holder := self._role_holder(low.split()[-1], pi, pos)) is not None:
                return holder
            return self.discourse_speaker(pi, pos, exclude=named_in_quote)[0]
        demonym = DEMONYM_DESCRIPTION_RE.match(mention.strip())
        if demonym and self._kind(self.resolve_name(demonym.group("demonym"), pi) or "") \
                not in (PERSON, ORGANIZATION, GROUP):
            # "said the Russian": the person the story is about, as a pronoun would be
            return self.discourse_speaker(pi, pos, exclude=named_in_quote)[0]
        role = DEFINITE_ROLE_RE.match(mention.strip())
        if role and role.group("role").lower() in PERSON_ROLE_WORDS:
            holder = self._role_holder(role.group("role").lower(), pi, pos)
            if holder is not None:
                return holder
        mention = ARTICLE_BEFORE_NAME_RE.sub("", AGE_BEFORE_NAME_RE.sub("", mention.strip()))
        mention = KIN_BEFORE_NAME_RE.sub("", mention)  # "His brother Shaun Hall", "Gaye's daughter Nona Gaye"
        # a subject cut out of a longer name ("Policy Research" of "the Centre for
        # Economic Policy Research concluded"): the name it is part of
        whole = next((m for m in self.paras[pi].mentions
                      if m.start <= span[0] and span[1] <= m.end and m.end - m.start > span[1] - span[0]), None)
        if whole is not None and mention[:1].isupper():
            self.named_speakers.add(whole.canonical)
            return whole.canonical
        # "The company said" opens its sentence: a description all the same
        described = not mention[:1].isupper() or (mention.startswith("The ") and mention[4:5].islower())
        if described:
            if DEFINITE_ORGANISATION_RE.match(mention):
                return self._organisation_speaker(pi, pos, named=True)  # "the company said"
            return None  # "a spokeswoman": a description, not a name
        name = self.resolve_name(mention, pi)
        if name is None:
            self._unresolved(pi, span, mention, "not_a_known_name")
        else:
            self.named_speakers.add(name)
        return name

    def _last_statement_speaker(self, pi: int) -> str | None:
        """The speaker of the latest quotation, in this paragraph or a recent
        one, said in a statement ('"...," the LAPD said in a statement')."""
        for q in islice(reversed(self.quotes), MAX_REPEATED_QUOTE_LOOKBACK):
            if q.paragraph_index < pi - SPEAKER_MEMORY_PARAGRAPHS:
                break
            if q.parent_quote_id is None and q.speaker and q.medium and STATEMENT_WORD_RE.search(q.medium):
                return q.speaker
        return None

    def _group_subject(self, pi: int, pos: int) -> str | None:
        """"the band": the latest name, not a person's or a work's, that opens
        a clause before `pos`, in this paragraph or a recent one."""
        for k in range(pi, max(-1, pi - 1 - SPEAKER_MEMORY_PARAGRAPHS * 2), -1):
            para = self.paras[k]
            for m in reversed(para.mentions):
                if (k == pi and m.start >= pos) or m.kind in (PERSON, WORK) or m.possessive \
                        or not _outside(m.start, para.quoted):
                    continue
                if _opens_clause(para.text, para.sentence_start(m.start), m.start):
                    return m.canonical
        return None

    def _police_force(self, place: str) -> str:
        """The force that "(Thames Valley) police" is: the article's own name
        for it when it writes one ("Thames Valley Police"), else the words."""
        for record in self.entities.records:
            name = record.canonical_name
            if name.lower().endswith("police") and (not place or name.lower().startswith(place.lower())):
                return name
        return f"{place} Police".strip()

    def _role_holder(self, role: str, pi: int, pos: int) -> str | None:
        """The person named last before `pos`, in this paragraph or a recent
        one, with `role` written beside the name: in the words just before it
        ("Burlington Mayor Steve Sexton", "Gov. Rick Scott") or in apposition
        after it ("Jane Doe, the mayor of Burlington"); else the first one
        named so in the paragraphs after it (a lede's "the prosecutor said",
        then "Marseille prosecutor Brice Robin"); None when no one is."""
        role = ROLE_SYNONYMS.get(role, role)
        for k in range(pi, max(-1, pi - 1 - ROLE_HOLDER_PARAGRAPHS), -1):
            para = self.paras[k]
            for m in reversed(para.mentions):
                if (k == pi and m.start >= pos) or not self._holds(para, m, role):
                    continue
                return m.canonical
        for k in range(pi, min(len(self.paras), pi + 1 + ROLE_HOLDER_PARAGRAPHS)):
            para = self.paras[k]
            for m in para.mentions:
                if (k == pi and m.start < pos) or not self._holds(para, m, role):
                    continue
                return m.canonical
        return None

    @staticmethod
    def _holds(para: _Paragraph, m: Any, role: str) -> bool:
        """Whether the person of mention `m` has `role` written beside the name."""
        if m.kind != PERSON or not _outside(m.start, para.quoted):
            return False
        lead = PRIME_MINISTER_RE.sub("pm", para.text[max(0, m.start - 40):m.start].lower())
        before = [ROLE_SYNONYMS.get(w, w) for w in
                  (ROLE_ABBREVIATIONS.get(w, w) for w in re.findall(r"[a-z-]+", lead)[-3:])]
        # (not a place a phrase ends on: "In an address from State House, the president asserted")
        after = None if PLACE_PREPOSITION_BEFORE_RE.search(lead) else ROLE_APPOSITION_RE.match(para.text, m.end)
        return _holds_role(role, before) or (after is not None and _holds_role(
            role, [ROLE_SYNONYMS.get(w, w) for w in PRIME_MINISTER_RE.sub("pm", after.group("words").lower()).split()]))

    def _earlier_speaker_of(self, quote_text: str) -> str | None:
        """The speaker of an earlier quote of the article that contains these
        words (case, spacing and the closing punctuation aside), else None."""
        words = _spaced_words(quote_text)
        for q in islice(reversed(self.quotes), MAX_REPEATED_QUOTE_LOOKBACK):
            if q.speaker and q.parent_quote_id is None:
                if q.quote_id not in self.quote_words:  # each earlier quote's words are read once
                    self.quote_words[q.quote_id] = _spaced_words(q.quote_text)
                if words in self.quote_words[q.quote_id]:
                    return q.speaker
        return None

    def _singular_they(self, pi: int, pos: int, exclude: frozenset[str]) -> str | None:
        """'Kym Lino, a spokesperson for Instagram, confirmed ... "...," they
        said': with no group to speak, "they" is the person this paragraph
        introduced as a spokesperson, whose pronoun the article never gave."""
        para = self.paras[pi]

        def ok(name: str) -> bool:
            return name not in exclude and self._kind(name) == PERSON and name not in self.gender

        found = _latest_before(para.subjects(), pos, ok)
        if found is None:
            return None
        k = bisect_right(para.mention_starts, found[0]) - 1
        if k < 0 or SPOKESPERSON_APPOSITION_RE.match(para.text, para.mentions[k].end) is None:
            return None
        return found[1]

    def _organisation_speaker(self, pi: int, pos: int, named: bool = False) -> str | None:
        """"it said": the organisation that spoke last, in this paragraph or
        a recent one; None (not a guess) when no organisation spoke. `named`:
        the subject said it was an organisation ("the company said"), so the
        organisation named last in this paragraph or a recent one will do."""
        def ok(name: str) -> bool:
            return self._kind(name) == ORGANIZATION
        here = _latest_before(self.speakers.get(pi, []), pos, ok)
        if here is not None:
            return here[1]
        if named and (subject := self._organisation_subject(pi, pos)) is not None:
            return subject
        if named and (last := self._organisation_in_sentence_before(pi, pos)) is not None:
            return last  # "... accused Doe and Acme of it. The company denied ..."
        earlier = self._last_speaker_before(pi, ok)
        if earlier is not None and pi - earlier[0] > SPEAKER_MEMORY_PARAGRAPHS:
            earlier = None
        if named:
            # an organisation made the subject after the last one spoke is the one meant
            for k in range(pi - 1, max(-1, pi - 1 - SPEAKER_MEMORY_PARAGRAPHS, earlier[0] - 1 if earlier else -1),
                           -1):
                if (subject := self._organisation_subject(k, len(self.paras[k].text))) is not None:
                    return subject
        return earlier[1] if earlier is not None else None

    def _statement_issuer(self, pi: int, pos: int) -> str | None:
        """Who issued "the statement" named at `pos`: the latest statement
        mentioned before it, in this paragraph or a recent one, outside
        quotations, whose sentence names its issuer as a subject or after
        "from"/"by"; None (not a guess) when none does. A statement named
        without its issuer ("the statement continued") carries the search
        back as far again: one statement quoted over several paragraphs."""
        k, lowest = pi, pi - SPEAKER_MEMORY_PARAGRAPHS
        while k >= max(0, lowest):
            para = self.paras[k]
            limit = pos if k == pi else len(para.text)
            words = [w for w in STATEMENT_WORD_RE.finditer(para.text, 0, limit) if _outside(w.start(), para.quoted)]
            if words:
                lowest = k - SPEAKER_MEMORY_PARAGRAPHS
            for word in reversed(words):
                start = para.sentence_start(word.start())
                for m in para.mentions:
                    # any kind of name: "a statement from" says it is an issuer
                    if m.start >= word.end() and STATEMENT_FROM_RE.match(para.text[word.end():m.start]):
                        return m.canonical  # "a statement from Acme Corp"
                for m in reversed(para.mentions):
                    if start <= m.start and m.end <= word.start() and m.kind in SUBJECT_KINDS + (ORGANIZATION,) \
                            and not m.possessive and _outside(m.start, para.quoted) \
                            and _opens_clause(para.text, start, m.start) \
                            and ISSUER_VERB_AFTER_RE.match(para.text, m.end):
                        return m.canonical  # "Acme Corp issued a statement", "Doe said in a statement"
                opening = DEFINITE_ORGANISATION_OPENING_RE.match(para.text, start, word.start())
                if opening is not None and ISSUER_VERB_AFTER_RE.match(para.text, opening.end()):
                    return self._organisation_speaker(k, start, named=True)  # "The company issued a statement"
                # "In a statement released on Tuesday, the band responded": the clause's subject after it
                after = SUBJECT_AFTER_STATEMENT_RE.match(para.text, word.end(), para.sentence_end(word.end()))
                if after is not None and _outside(after.start("subj"), para.quoted):
                    subj_span = (after.start("subj"), after.end("subj"))
                    return self.speaker_for(after.group("subj"), k, subj_span[0], subj_span)
            k -= 1
        return None

    def _organisation_in_sentence_before(self, pi: int, pos: int) -> str | None:
        """The last organisation named, outside quotations, in the sentence
        before the one at `pos` (which may end the paragraph before)."""
        para = self.paras[pi]
        start = para.sentence_start(pos)
        if para.text[:start].strip():
            lo, hi = para.sentence_start(start - 1), start
        elif pi > 0:
            para = self.paras[pi - 1]
            hi = len(para.text)
            lo = para.sentence_start(max(0, para.last_char))
        else:
            return None
        named = [m for m in para.mentions
                 if lo <= m.start and m.end <= hi and m.kind == ORGANIZATION and _outside(m.start, para.quoted)]
        # the sentence's subject first ("PwC, which tabulates ballots for the Academy, apologized ...
        # "...," the firm said"), else the last one named ("... accused Doe and Acme. The company denied")
        subject = next((m for m in named if _opens_clause(para.text, lo, m.start) and not m.possessive), None)
        if subject is not None:
            return subject.canonical
        return named[-1].canonical if named else None

    def _organisation_subject(self, pi: int, pos: int) -> str | None:
        """The latest organisation before `pos` in paragraph `pi` that starts a
        clause ("Acme Corp reported a loss"), outside quotations."""
        para = self.paras[pi]
        for m in reversed(para.mentions):
            if m.end <= pos and m.kind == ORGANIZATION and _outside(m.start, para.quoted) \
                    and _opens_clause(para.text, para.sentence_start(m.start), m.start):
                return m.canonical
        return None

    def _named_in_quote(self, first: int, span: _Span, last: int, end_span: _Span) -> frozenset[str]:
        """People and groups a quotation names, from its first paragraph to its last."""
        names = set()
        for k in range(first, last + 1):
            para = self.paras[k]
            lo = span.start if k == first else 0
            hi = end_span.end if k == last else len(para.text)
            for m in para.mentions[bisect_right(para.mention_starts, lo - 1):]:
                if m.start >= hi:
                    break
                if m.kind in SUBJECT_KINDS:
                    names.add(m.canonical)
        return frozenset(names)

    def _unresolved(self, pi: int, span: tuple[int, int], mention: str, reason: str) -> None:
        self.unresolved.append(UnresolvedMention(
            article_id=self.article_id, stage="quotes", paragraph_index=pi,
            char_start=span[0], char_end=span[1], mention=mention, reason=reason, candidates=()))

    # -- attribution cues

    def after_cue(self, text: str, close_end: int, limit: int) -> tuple[_Attribution, tuple[int, int]] | None:
        title = TITLE_IN_ROLE_RE.match(text, limit)
        if title is not None and ROLE_CUE_BEFORE_TITLE_RE.match(text, close_end, limit):
            limit = len(text)  # 'said "Moonlight" director Barry Jenkins': a title in the speaker's role
        window = text[close_end:min(limit, close_end + AFTER_WINDOW)]
        if not window.lstrip(" ,;:\u2014\u2013-")[:1].isalpha():
            return None  # an attribution starts with a word
        m = DASH_SOURCE_RE.match(text, close_end, limit)
        if m:  # a pull quote or an epigraph: '"..." — Jane Doe'
            span = m.span("subj")
            return _Attribution(_clean_subject(m.group("subj")), None, None, "cue_after", span[0]), span
        for pattern in NAMED_AFTER_CUE_RES:
            # '," ABC's president, Channing Dungey, said', '," Sahara Media quoted Belmokhtar as
            # saying', '" is how Jack Doe greeted ...': the name the pattern holds speaks
            if (m := pattern.match(text, close_end, limit)) is not None:
                return _Attribution(_clean_subject(m.group("subj")), re.sub(r"\s+", " ", m.group("cue")).lower(),
                                    _medium(_clause(text, m.end())), "cue_after", m.start("subj")), m.span("subj")
        m = AFTER_CUE_RE.match(window)
        if m and _introduces_next(window[m.end():], text[:close_end]):
            return None  # 'Smith agreed: "..."' / '." Smith added that ...': about what follows
        if m:
            subj_group = next(g for g in ("subj", "subj2", "subj3", "subj4", "subj5") if m.group(g) is not None)
            cue_group = next(g for g in ("cue", "cue2", "cue3", "cue4", "cue5") if m.group(g) is not None)
            subj = m.group(subj_group)
            span = (close_end + m.start(subj_group), close_end + m.end(subj_group))
            # '," the team owner, Lydia Marsh, said': the name in apposition says who
            named = APPOSITIVE_NAME_RE.match(window, m.end(subj_group)) if subj_group == "subj" \
                and DESCRIPTION_START_RE.match(subj) else None
            if named:
                subj = named.group("name")
                span = (close_end + named.start("name"), close_end + named.end("name"))
            cue = re.sub(r"\s+", " ", m.group(cue_group)).lower()
            clause = _clause(window, m.end())
            medium = _medium(clause) if cue != "told" else _medium(window[m.start(cue_group):m.end() + len(clause)])
            return _Attribution(_clean_subject(subj), cue, medium, "cue_after", span[0]), span
        return None

    def loose_after_cue(self, text: str, close_end: int, limit: int) -> tuple[_Attribution, tuple[int, int]] | None:
        window = text[close_end:min(limit, close_end + LOOSE_WINDOW)]
        clause = window[:_clause_end(window, 0)]
        if not clause or clause.lstrip()[:1].isupper() and not clause.startswith((" ", ",")):
            return None
        m = LOOSE_AFTER_CUE_RE.search(clause)
        if m is None or CONTRAST_CLAUSE_RE.match(clause) or OWN_CLAUSE_AND_RE.match(clause):
            # '"a kind man", while Goss said he was devastated', '"the West Coast's darkest hour"
            # and Prime Minister John Key said it was a tragedy': Goss's, Key's own clause
            return None
        span = (close_end + m.start("subj"), close_end + m.end("subj"))
        return (_Attribution(_clean_subject(m.group("subj")), m.group("cue").lower(),
                             _medium(clause[m.end():]), "cue_after", span[0]), span)

    def before_cue(self, text: str, open_at: int, floor: int) -> tuple[_Attribution, tuple[int, int]] | None:
        start = max(floor, open_at - BEFORE_WINDOW)
        window = text[start:open_at]
        if not window.rstrip().endswith((",", ":")):
            return None
        read = STATEMENT_READ_BEFORE_RE.search(window)
        if read:  # 'The committee's statement read: "..."'
            span = (start + read.start("subj"), start + read.end("subj"))
            return _Attribution(_clean_subject(read.group("subj")), read.group("cue"), "statement", "cue_before",
                                span[0]), span
        issued = ISSUED_STATEMENT_BEFORE_RE.search(window)
        if issued:
            span = (start + issued.start("subj"), start + issued.end("subj"))
            return _Attribution(_clean_subject(issued.group("subj")), "statement", None, "cue_before", span[0]), span
        m = ACCORDING_TO_RE.search(window) or AS_PUT_IT_RE.search(window)
        if m:
            span = (start + m.start("subj"), start + m.end("subj"))
            return _Attribution(_clean_subject(m.group("subj")), "according to", None, "cue_before", span[0]), span
        cues = list(CUE_RE.finditer(window))
        for cm in reversed(cues[-3:]):
            tail = window[cm.end():]
            if not BEFORE_TAIL_RE.match(tail):
                continue
            head = window[:cm.start()]
            if SECOND_VERB_BEFORE_RE.search(head):
                sentence = SENTENCE_END_BEFORE_RE.search(head)
                if sentence.end() > 0 or start == floor:
                    # the clause's subject at the sentence's start, or after an opening
                    # phrase ("On April 3, the day before, Doe opened an account and tweeted:")
                    starts = [sentence.end()] + [m.end() for m in
                                                 OPENING_PHRASE_END_RE.finditer(head, sentence.end())]
                    cue = re.sub(r"\s+", " ", cm.group()).lower()
                    first = next((f for k in starts
                                  if (f := _participle_subject(text, start + k, start + cm.start(), cue))), None)
                    if first is not None:
                        return first
            head_window = head[-SUBJECT_WINDOW:]
            sm = SUBJECT_BEFORE_RE.search(head_window)
            while sm and ADDRESSEE_BEFORE_RE.search(head_window, 0, sm.start()):
                sm = SUBJECT_BEFORE_RE.search(head_window, sm.end("subj"))
            if sm and sm.group("subj") in SENTENCE_ADVERBS:
                # "Later, outside the court, Duggan's brother Shaun Hall, with tears ..., told": no
                # "Later" speaks, nor the court; the first name after it does
                later = SUBJECT_BEFORE_RE.search(head_window, sm.end("subj"))
                while later and not NAME_START_RE.match(later.group("subj")):
                    later = SUBJECT_BEFORE_RE.search(head_window, later.end("subj"))
                sm = later
            cue = re.sub(r"\s+", " ", cm.group()).lower()
            if sm:
                offset = start + len(head) - len(head_window)
                span = (offset + sm.start("subj"), offset + sm.end("subj"))
                named = APPOSITIVE_NAME_RE.match(head_window, sm.end("subj"))
                if named and (_is_office(sm.group("subj")) or not NAME_START_RE.match(sm.group("subj"))):
                    # "Transport Secretary, Grant Shapps, says:", "Following the verdict, Howard King,
                    # attorney for Thicke, said:": the name beside an office or a description speaks
                    span = (offset + named.start("name"), offset + named.end("name"))
                    return _Attribution(named.group("name"), cue, _medium(window[cm.start():]), "cue_before",
                                        span[0]), span
                medium = _medium(window[cm.start():]) or _medium(head_window[sm.start():])
                return _Attribution(_clean_subject(sm.group("subj")), cue, medium, "cue_before", span[0]), span
            am = SUBJECT_AFTER_CUE_RE.match(tail) if cue not in TRANSITIVE_CUES else None
            if am:
                span = (start + cm.end() + am.start("subj"), start + cm.end() + am.end("subj"))
                return _Attribution(_clean_subject(am.group("subj")), cue, _medium(tail[am.end():]),
                                    "cue_before", span[0]), span
            return None
        return None

    def partial_cue(self, text: str, open_at: int, sentence_start: int, scare: bool = False
                    ) -> tuple[_Attribution, tuple[int, int]] | None:
        window = text[max(sentence_start, open_at - BEFORE_WINDOW):open_at]
        offset = open_at - len(window)
        found = None
        for m in PARTIAL_CUE_RE.finditer(window):
            found = m
        if found is None and not scare:
            # (not for a word or two: "Lydia Marsh, said ... she remained \"optimistic\"" is her state, told)
            for m in APPOSED_NAME_CUE_RE.finditer(window):
                found = m
        if found is None:
            m = SENTENCE_ACCORDING_TO_RE.match(text, sentence_start, open_at)
            participle = None
            for pm in PARTICIPLE_CUE_RE.finditer(window):
                participle = pm
            if m is None and participle is not None:
                found_subject = _participle_subject(text, sentence_start, offset + participle.start(),
                                                    participle.group("cue"))
                if found_subject:
                    return found_subject
            second = None
            for sv in SECOND_VERB_CUE_RE.finditer(window):
                second = sv
            if m is None and second is not None:
                # "Winterkorn took responsibility for the \"irregularities\" ... but said he was \"not aware
                # ...\"": the subject at the sentence's start (before any scare quote in it)
                whole_sentence = SENTENCE_END_BEFORE_RE.search(text, 0, open_at).end()
                found_subject = _participle_subject(text, whole_sentence, offset + second.start(),
                                                    second.group("cue"))
                if found_subject:
                    return found_subject
            if m is None:
                return None
            who = "named" if m.group("named") else "subj"
            span = (m.start(who), m.end(who))
            return _Attribution(_clean_subject(m.group(who)), "according to", None, "cue_before", span[0]), span
        later = _contrast_participle(text, offset + found.end(), open_at)
        if later is not None:
            return later
        span = (offset + found.start("subj"), offset + found.end("subj"))
        return (_Attribution(_clean_subject(found.group("subj")), found.group("cue").lower(),
                             _medium(window), "cue_before", span[0]), span)

    # -- the main loop

    def run(self) -> QuoteResult:
        continued = self._link_continuations()
        for para in self.paras:
            self._paragraph(para, continued)
        return QuoteResult(self.quotes, self.works, self.unresolved)

    def _link_continuations(self) -> dict[int, tuple[int, int]]:
        """A paragraph that ends inside an open quote and is followed by one
        that opens with a quote mark: one quotation over both. Returns
        paragraph -> (previous paragraph, its span that continues here)."""
        continued: dict[int, tuple[int, int]] = {}
        for k in range(len(self.paras) - 1):
            para, nxt = self.paras[k], self.paras[k + 1]
            if not para.tops or not nxt.tops:
                continue
            last = para.spans[para.tops[-1]]
            first = nxt.spans[nxt.tops[0]]
            if last.closed or last.family != DOUBLE or first.family != DOUBLE or first.open_at != nxt.first_char:
                continue
            continued[k + 1] = (k, para.tops[-1])
        return continued

    def _paragraph(self, para: _Paragraph, continued: dict[int, tuple[int, int]]) -> None:
        emitted: dict[int, str | None] = {}  # span index -> quote id (None: not a quote)
        speakers_of: dict[int, str | None] = {}
        # described_until: end of the cue of the latest quote said by someone
        # unnamed ("one commenter said"), while no named speaker came after it
        state = {"last_top_speaker": None, "described_until": None, "child_end": {}, "child_speaker": {}}
        for i in range(len(para.spans)):
            if not para.kept[i]:
                continue
            parent = para.kept_parent[i]
            if parent is not None:
                self._nested(para, i, parent, emitted, speakers_of, state)
                continue
            if para.index in continued and i == para.first_top:
                # it only continues the previous paragraph's quotation
                emitted[i], speakers_of[i] = para.continues if para.continues else (None, None)
                state["last_top_speaker"] = speakers_of[i] or state["last_top_speaker"]
                continue
            self._top_level(para, i, emitted, speakers_of, state, continued)

    # -- top-level quotes

    def _top_level(self, para: _Paragraph, i: int, emitted: dict, speakers_of: dict, state: dict,
                   continued: dict[int, tuple[int, int]]) -> None:
        text = para.text
        span = para.spans[i]
        pi = para.index
        # follow the quotation into the paragraphs it continues in
        end_pi, end_span, end_index = pi, span, i
        parts = [(pi, span)]  # (paragraph, span) of each paragraph's piece
        while not end_span.closed and continued.get(end_pi + 1) == (end_pi, end_index):
            nxt = self.paras[end_pi + 1]
            end_index = nxt.first_top
            end_pi, end_span = end_pi + 1, nxt.spans[end_index]
            parts.append((end_pi, end_span))
        pieces = [self.paras[k].text[part.start:part.end] for k, part in parts]
        end_para = self.paras[end_pi]
        end_text = end_para.text
        # the next top-level quote bounds the search for an attribution after this one
        next_open = end_para.next_open.get(end_index, len(end_text))
        prev_close = para.prev_close.get(i, 0)
        attribution, subj_span, at_para = None, None, pi
        after_close = _span_end(end_span) if end_span.closed else None
        if after_close is not None:
            found = self.after_cue(end_text, after_close, next_open)
            if found and found[0].cue == "according to" and NEWS_OUTLET_RE.search(found[0].mention or ""):
                found = None  # '"...," according to CBS News': who reported it, not who said it
            if found and end_pi == pi and _ends_sentence(end_text, end_span) \
                    and (before := self.before_cue(text, span.open_at, prev_close)) is not None:
                found = None  # 'Doe complained, "... him." The lawyer said ...': the cue before has it
                attribution, subj_span = before
            if found:
                attribution, subj_span = found
                at_para = end_pi
        if attribution is None:
            found = self.before_cue(text, span.open_at, prev_close)
            if found:
                attribution, subj_span = found
        quote_text = "\n\n".join(pieces) if len(pieces) > 1 else pieces[0]
        position = _position(text, span.open_at)
        if attribution is None and end_pi == pi and _is_title(para, span, position):
            self._work(para, span, None)
            emitted[i] = None
            return
        words = len(WORD_RE.findall(quote_text[:MAX_WORD_COUNT_CHARS]))
        list_item = attribution is None and end_pi == pi and _list_item(para, span, words)
        if attribution is None and after_close is not None and not _ends_sentence(end_text, end_span) \
                and not list_item:
            found = self.loose_after_cue(end_text, after_close, next_open)
            if found:
                attribution, subj_span = found
                at_para = end_pi
        mentioned = list_item or (attribution is None and end_pi == pi and _mentioned_not_said(para, span))
        kind = SPEECH
        if position == "inside":
            kind = SCARE if words <= MAX_SCARE_WORDS else PARTIAL
        if mentioned:
            kind = SCARE  # words spoken of, whatever their length
        if attribution is None and (position == "inside" or end_pi == pi):
            # 'X concluded that, using Y, "..."': the sentence's own cue, also after a comma
            found = self.partial_cue(text, span.open_at, max(para.sentence_start(span.open_at), prev_close),
                                     scare=kind == SCARE)
            if found and kind == SCARE and found[0].cue in BELIEF_CUES:
                found = None
            if found:
                attribution, subj_span = found
                if kind == SCARE and attribution.cue not in NAMING_CUES:
                    kind = PARTIAL  # 'Doe called the deal "a transformative moment"': her words, however few
        if kind == PARTIAL and end_pi == pi and _is_term(text, span):
            kind = SCARE  # 'the "Meth. We're on it." campaign': a name for something, nobody's words here
        coordinated_with = None  # the speaker of the quotation this one is coordinated with
        # (prev_close is 0 for a paragraph's first quotation; its rank is looked up only on a match)
        if attribution is None and kind in (PARTIAL, SCARE) and not mentioned and prev_close > 0 \
                and prev_close >= para.sentence_start(span.open_at):
            coordinated = kind == PARTIAL and COORDINATED_QUOTE_GAP_RE.fullmatch(text, prev_close, span.open_at)
            if coordinated or _participle_between(text, prev_close, span.open_at):
                coordinated_with = speakers_of.get(para.tops[para.tops.index(i) - 1])
                if not coordinated and coordinated_with:
                    kind = PARTIAL  # '..., adding that she would "sign anything"': her words, however few
        speaker, source, mention, cue, medium = None, "none", None, None, None
        named_in_quote = self._named_in_quote(pi, span, end_pi, end_span)
        if attribution is not None:
            mention, cue, medium, source = attribution.mention, attribution.cue, attribution.medium, attribution.source
            speaker = self.speaker_for(mention, at_para, subj_span[0], subj_span, named_in_quote)
            if speaker is None and kind == PARTIAL and source == "cue_after" and mention \
                    and RELAYING_REPORT_RE.fullmatch(mention.strip()):
                # 'Wen promised to "investigate ...," the report said': the report relays his
                # words; the sentence's own cue before them says whose
                own = self.partial_cue(text, span.open_at, max(para.sentence_start(span.open_at), prev_close))
                if own is not None:
                    attribution, subj_span = own
                    mention, cue, medium, source = (attribution.mention, attribution.cue, attribution.medium,
                                                    attribution.source)
                    speaker = self.speaker_for(mention, pi, subj_span[0], subj_span, named_in_quote)
            if cue in LYRIC_CUES:
                kind = LYRIC
        elif coordinated_with:
            speaker, source = coordinated_with, "previous_quote"
        elif words >= MIN_REPEATED_QUOTE_WORDS and (repeated := self._earlier_speaker_of(quote_text)):
            speaker, source = repeated, "repeated_quote"
        elif kind == PARTIAL and words >= MIN_UNCUED_PARTIAL_WORDS and state["last_top_speaker"] \
                and self._sentence_keeps_speaker(para, span, state["last_top_speaker"]):
            # '"...," he said. There could be dangers "if you have too many of these cells"':
            # a long fragment with no cue, after the paragraph's last quote, is the same speaker's
            speaker, source = state["last_top_speaker"], "previous_quote"
        elif kind == SPEECH and (introducer := self._colon_subject(para, span)) is not None:
            speaker, source = introducer, "colon_subject"
        elif kind == SPEECH:
            lyric = self._lyric(para, span)
            if lyric is not None:
                kind, speaker, mention, source = LYRIC, lyric[0], lyric[1], "lyric_context"
            elif state["last_top_speaker"]:
                speaker, source = state["last_top_speaker"], "previous_quote"
            elif state["described_until"] is not None and not any(
                    state["described_until"] <= at < span.open_at for at, _ in para.subjects()):
                # '"...," one commenter said. "..."': the same unnamed speaker,
                # not whoever the paragraph named before
                source = "previous_quote"
            else:
                speaker, source = self.discourse_speaker(pi, span.open_at)
            if speaker in named_in_quote:
                # a guess the quote's own words contradict: it speaks of that
                # person (a rep's statement, a reply); with no cue, no next guess
                speaker, source = None, "none"
        # one row per paragraph's piece: a quotation over several paragraphs is
        # read as a whole (its speaker, its kind) and each later piece says
        # which one it continues
        part_ids: list[str] = []
        for (k, part), piece in zip(parts, pieces):
            part_id = make_id(self.article_id, "quote", k, part.start, k, part.end)
            self.quotes.append(Quote(
                quote_id=part_id, article_id=self.article_id, paragraph_index=k,
                char_start=part.start, char_end=part.end, quote_text=piece, speaker=speaker,
                speaker_mention=mention, speaker_source=source, cue=cue, medium=medium, quote_type=kind,
                parent_quote_id=None, depth=0, is_closed=part.closed, mark=part.mark,
                continues_quote_id=part_ids[-1] if part_ids else None,
            ))
            part_ids.append(part_id)
        quote_id = part_ids[0]
        emitted[i] = quote_id
        speakers_of[i] = speaker
        if attribution is not None and speaker is None and mention is not None and at_para == pi:
            state["last_top_speaker"], state["described_until"] = None, subj_span[1]
        if speaker:
            state["last_top_speaker"], state["described_until"] = speaker, None
            if kind in (SPEECH, PARTIAL):
                if subj_span:
                    self._add_speaker(at_para, subj_span[0], speaker)
                else:
                    self._add_speaker(pi, span.open_at, speaker)
        # the quote's continuation paragraphs: their nested quotes hang on its piece there
        for (k, _), part_id in zip(parts[1:], part_ids[1:]):
            self.paras[k].continues = (part_id, speaker)

    def _sentence_keeps_speaker(self, para: _Paragraph, span: _Span, speaker: str) -> bool:
        """Whether the sentence up to a quotation names nobody but `speaker`,
        and that one as a subject ("Gaiman still bemoans that"): no sign that
        someone else speaks ("his father told Starner that")."""
        start = para.sentence_start(span.open_at)
        k = bisect_right(para.mention_starts, start - 1)
        for m in para.mentions[k:]:
            if m.start >= span.open_at:
                break
            if m.possessive or m.kind not in SUBJECT_KINDS or not _outside(m.start, para.quoted):
                continue
            if m.canonical != speaker or not _opens_clause(para.text, start, m.start):
                return False
        return True

    def _colon_subject(self, para: _Paragraph, span: _Span) -> str | None:
        """'Buckley, who phoned in from the set, had a similar experience:
        "..."': a quotation that a sentence with no speech verb introduces
        with a colon is in the words of that sentence's subject."""
        before = para.text[:span.open_at].rstrip()
        if not before.endswith(":"):
            return None
        colon = len(before) - 1
        start = para.sentence_start(colon)
        return next((name for at, name in para.subjects() if start <= at < colon), None)

    def _lyric(self, para: _Paragraph, span: _Span) -> tuple[str | None, str | None] | None:
        """A quotation alone at the start of its paragraph, followed by "the
        words X sang": song words, sung by X."""
        text = para.text
        if span.open_at != para.first_char:
            return None
        offset = _span_end(span)
        rest = text[offset:offset + LYRIC_WINDOW]
        where = para
        if offset >= para.last_char and para.index + 1 < len(self.paras):
            where, offset = self.paras[para.index + 1], 0
            rest = where.text[:LYRIC_WINDOW]
        m = LYRIC_CONTEXT_RE.search(rest)
        if m is None:
            return None
        verb_at = offset + m.start("verb")
        k = bisect_right(where.mention_starts, verb_at) - 1
        if k >= 0 and where.mentions[k].start >= offset + m.start() and where.mentions[k].end <= verb_at:
            return where.mentions[k].canonical, where.mentions[k].surface
        return None, None

    # -- nested quotes

    def _nested(self, para: _Paragraph, i: int, parent: int, emitted: dict, speakers_of: dict,
                state: dict) -> None:
        text = para.text
        span = para.spans[i]
        parent_id = emitted.get(parent)
        siblings_end = state["child_end"].get(parent, para.spans[parent].start)
        state["child_end"][parent] = max(siblings_end, _span_end(span))
        sibling_speaker = state["child_speaker"].get(parent)
        if parent_id is None:
            return  # inside a title: not a quotation of its own
        parent_speaker = speakers_of.get(parent)
        parent_span = para.spans[parent]
        window_start = max(parent_span.start, siblings_end, span.open_at - NESTED_WINDOW)
        window = text[window_start:span.open_at]
        m = NESTED_CUE_RE.search(window)
        position = _position(text, span.open_at)
        if m is None and _is_title(para, span, position):
            self._work(para, span, parent_id)
            emitted[i] = None
            return
        speaker, mention, source, cue = None, None, "none", None
        who = None if m is None else m.group("subj") or m.group("obj") or m.group("own")
        if m is not None and who is None:
            # "... and said": the subject is the one named last before it in its sentence, else no cue
            shared = SHARED_SUBJECT_RE.search(window, 0, m.start())
            if shared is None or not _no_sentence_end_between(window, shared.end(), m.start()):
                m = None
            else:
                who = shared.group(1)
        if m is not None:
            mention = who
            low = OWN_TO_SUBJECT.get(who.lower(), who.lower())
            source = "nested_cue"
            cue = re.sub(r"\s+", " ", m.group("verb") or m.group("verb2") or m.group("verb3") or "was").lower()
            if low in FIRST_PERSON:
                speaker = parent_speaker
            elif low in THIRD_PERSON_PRONOUNS or low in PLURAL_PRONOUNS or low == "you":
                speaker = self._third_party(para, parent_span, span.open_at, parent_speaker,
                                            plural=low in PLURAL_PRONOUNS, pronoun=low)
            else:
                speaker = self.resolve_name(who, para.index)
        elif sibling_speaker and _participle_between(text, siblings_end, span.open_at):
            # 'Doe replied that "it is done," adding that Roe will "do anything"': the sibling's speaker
            speaker, source = sibling_speaker, "previous_quote"
        words = len(WORD_RE.findall(text[span.start:min(span.end, span.start + MAX_WORD_COUNT_CHARS)]))
        kind = SPEECH if m is not None or speaker is not None or position != "inside" \
            else (SCARE if words <= MAX_SCARE_WORDS else PARTIAL)
        quote_id = make_id(self.article_id, "quote", para.index, span.start, para.index, span.end)
        self.quotes.append(Quote(
            quote_id=quote_id, article_id=self.article_id, paragraph_index=para.index,
            char_start=span.start, char_end=span.end,
            quote_text=text[span.start:span.end], speaker=speaker, speaker_mention=mention,
            speaker_source=source, cue=cue, medium=None, quote_type=kind, parent_quote_id=parent_id,
            depth=span.depth, is_closed=span.closed, mark=span.mark, continues_quote_id=None,
        ))
        emitted[i] = quote_id
        speakers_of[i] = speaker
        state["child_speaker"][parent] = speaker

    def _third_party(self, para: _Paragraph, parent_span: _Span, pos: int, quoter: str | None,
                     plural: bool, pronoun: str | None = None) -> str | None:
        """"him" inside a quote: the last other person the quote (or, failing
        that, the sentence before it) names before this point."""
        wanted = (GROUP,) if plural else (PERSON,)
        k = bisect_right(para.mention_starts, pos - 1) - 1
        for m in para.mentions[max(0, k - MAX_LOOKBACK + 1):k + 1][::-1]:
            if m.canonical != quoter and m.kind in wanted and self._agrees(m.canonical, pronoun):
                return m.canonical
        return None

    # -- titles

    def _work(self, para: _Paragraph, span: _Span, parent_id: str | None) -> None:
        text = para.text
        start, end = span.start, span.end
        while end > start and (text[end - 1] in ",.;:" or text[end - 1].isspace()):
            end -= 1
        kind = _title_cue(text, span.open_at)
        if kind in WEAK_TITLE_CUES:
            kind = None
        if kind and kind.endswith("s") and kind not in ("series",):
            kind = kind[:-1]
        self.works.append(WorkTitle(
            title_id=make_id(self.article_id, "work", para.index, start, end),
            article_id=self.article_id, paragraph_index=para.index, char_start=start, char_end=end,
            title=text[start:end], work_kind=kind, parent_quote_id=parent_id,
        ))


def _contrast_participle(text: str, start: int, end: int) -> tuple[_Attribution, tuple[int, int]] | None:
    """The subject of a clause of its own between a cue and a quotation, when
    a participle of speech hangs on it ("..., while Roe disagreed, saying")."""
    contrasts = list(CONTRAST_CLAUSE_RE.finditer(text, start, end))
    if not contrasts:
        return None
    contrast = contrasts[-1]  # the clause nearest the quotation
    participle = PARTICIPLE_CUE_RE.search(text, contrast.end(), end)
    if participle is None:
        return None
    return _participle_subject(text, contrast.end(), participle.start(), participle.group("cue"))


def _participle_subject(text: str, clause_start: int, participle_at: int,
                        cue: str) -> tuple[_Attribution, tuple[int, int]] | None:
    """The subject of the clause from clause_start that a participle of speech
    at participle_at hangs on ("The company denied it, saying"), as its speaker."""
    sm = SENTENCE_SUBJECT_RE.match(text, clause_start, participle_at)
    if sm is None:
        return None
    span = (sm.start("subj"), sm.end("subj"))
    return _Attribution(_clean_subject(sm.group("subj")), cue, None, "cue_before", span[0]), span


def _participle_between(text: str, start: int, end: int) -> bool:
    """Whether a participle of speech ("adding", "saying") hangs on the clause
    of the quotation that closed at `start`, before the one opening at `end`."""
    if not _no_sentence_end_between(text, start, end):
        return False
    gap = text[start:end]
    found = PARTICIPLE_IN_GAP_RE.search(gap)
    return found is not None and len(WORD_RE.findall(gap, 0, found.start())) <= MAX_WORDS_BEFORE_PARTICIPLE


def _no_sentence_end_between(text: str, start: int, end: int) -> bool:
    """No sentence ends between `start` and `end`."""
    return not any(c in SENTENCE_END_MARKS for c in text[start:end])


def _introduces_next(after_cue: str, through_quote: str) -> bool:
    """Whether a cue right after a quote is about what follows it instead: it
    ends in a colon, or it reports in its own words ("added that") after a
    quote that closed its sentence."""
    rest = after_cue.lstrip()
    if rest.startswith(":"):
        return True
    return bool(THAT_CLAUSE_RE.match(rest)) and through_quote.rstrip(ALL_MARKS + " ")[-1:] in SENTENCE_END_MARKS


def _apposed_to(text: str, at: int, name: str) -> bool:
    """Whether the subject at `at` is a title set after `name` ("..., said
    Kelly Bayer Rosmarin, Optus CEO."): the last word of the name, then a
    comma."""
    lead = APPOSED_TITLE_BEFORE_RE.search(text, 0, at)
    return lead is not None and text[:lead.start()].endswith(name.split()[-1])


def _other_person_after(text: str, at: int, pronoun: str | None) -> bool:
    """Whether the sentence of the subject at `at` goes on to name somebody
    else of the pronoun's gender as an object ("Michael heard the track and
    wanted to record it with him"): that somebody is still in the story."""
    pattern = OBJECT_PRONOUN_RES.get(pronoun or "")
    if pattern is None:
        return False
    end = min((i for i in (text.find(c, at) for c in SENTENCE_END_MARKS) if i >= 0), default=len(text))
    return pattern.search(text, at, end) is not None


def _spaced_words(text: str) -> str:
    """The text's words in lower case, one space around each: a containment
    test on these matches whole words only."""
    return " " + " ".join(PLAIN_WORD_RE.findall(text.lower())) + " "


def _latest_before(items: list[tuple[int, str]], pos: int, ok) -> tuple[int, str] | None:
    """The last (position, name) before `pos` whose name passes `ok` (a bounded look back)."""
    k = bisect_right(items, (pos, "")) - 1
    for at, name in items[max(0, k - MAX_LOOKBACK + 1):k + 1][::-1]:
        if at < pos and ok(name):
            return at, name
    return None


# ---------------------------------------------------------------- helpers


def _clean_subject(subject: str) -> str:
    subject = subject.strip().rstrip(",")
    if subject.endswith(".") and not re.search(r"\b[A-Z]\.$", subject):
        subject = subject[:-1]
    return re.sub(r"['\u2019]s$", "", subject)


def _is_office(subject: str) -> bool:
    """Whether a subject is an office's title alone ("Transport Secretary",
    "the vice chairman"), with no name in it."""
    words = subject.lower().replace("the ", "").split()
    return bool(words) and words[-1] in PERSON_ROLE_WORDS and len(words) <= 4


def _holds_role(role: str, words: list[str]) -> bool:
    """Whether `words` give the role itself, not its deputy's ("Deputy Mayor
    Norm Kelly" is no mayor)."""
    return any(w == role and (i == 0 or words[i - 1] not in DEPUTY_WORDS) for i, w in enumerate(words))


def _clause_end(text: str, start: int) -> int:
    """End of the clause that starts at `start`: a sentence end (not the full
    stop of an initial) or a double quotation mark; "(via Channel 4.)" stays whole."""
    m = CLAUSE_END_RE.search(text, start)
    if m is None:
        return len(text)
    if m.group("mark"):
        return m.start()
    return m.end()


def _clause(text: str, start: int) -> str:
    return text[start:_clause_end(text, start)]


def _medium(text: str) -> str | None:
    m = MEDIUM_RE.search(text)
    if m is None:
        return None
    value = next(v for v in m.groups() if v is not None)
    return value.strip().rstrip(".,;:")


def _ends_sentence(text: str, span: _Span) -> bool:
    """Whether the quoted words end their sentence ('...ready."' but not '...ready,"')."""
    inner = text[span.start:span.end].rstrip()
    return inner[-1:] in SENTENCE_END_CHARS


def _position(text: str, open_at: int) -> str:
    """'start' when the quotation opens a sentence or follows a colon, comma,
    dash or another quotation; 'inside' when it sits in running text."""
    before = text[max(0, open_at - 40):open_at].rstrip()
    last = before[-1:]
    if last == "" or last in SENTENCE_END_CHARS + ":,;(\u2014\u2013" or last in ALL_MARKS:
        return "start"
    if last in ")]" and before[-2:-1] in SENTENCE_END_CHARS:
        return "start"  # "(via Channel 4.)"
    return "inside"


def _words_before(text: str, at: int) -> list[str]:
    """The last few words before `at`, lower case, nearest first; stops at
    punctuation other than a comma (a title cue must be right before the mark)."""
    out = []
    for word in text[max(0, at - 60):at].split()[::-1][:TITLE_CUE_LOOKBACK_WORDS]:
        bare = word.rstrip(",")
        if not bare.isalpha():
            break
        out.append(bare.lower())
        if bare != word and len(out) > 1:
            break
    return out


def _title_cue(text: str, at: int) -> str | None:
    """The word that says a quotation is a title ("song", "album", "on"), if any."""
    for word in _words_before(text, at):
        if word in TITLE_CUE_WORDS:
            return word
        if word not in TITLE_CUE_FILLERS:
            return None
    return None


def _title_case(words: list[str]) -> bool:
    if not words or not words[0][:1].isupper() and not words[0][:1].isdigit():
        return False
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    return bool(content) and all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _list_item(para: _Paragraph, span: _Span, words: int) -> bool:
    """A short quotation that is one item of a list ('corporations, "creators,"
    and normal people'): a word spoken of, whatever cue comes later."""
    text = para.text
    return span.closed and words <= MAX_SCARE_WORDS \
        and LIST_ITEM_BEFORE_RE.search(text, max(0, span.open_at - 40), span.open_at) is not None \
        and LIST_ITEM_AFTER_RE.match(text, _span_end(span)) is not None


def _mentioned_not_said(para: _Paragraph, span: _Span) -> bool:
    """A quotation with no cue that a sentence speaks of rather than reports:
    a numbered heading ('7. "The Giuliani problem"') or the subject of its
    sentence ('"Become an online leader" sounds like a tall order')."""
    text = para.text
    if not span.closed:
        return False
    after = _span_end(span)
    if NUMBERED_HEADING_BEFORE_RE.fullmatch(text, 0, span.open_at) and after >= para.last_char \
            and not _ends_sentence(text, span):
        return True
    before = text[max(0, span.open_at - 40):span.open_at].rstrip()
    return (before == "" or before[-1] in SENTENCE_END_CHARS) \
        and text[span.start:span.end].rstrip()[-1:] not in SENTENCE_END_CHARS + ",;:" \
        and QUOTE_AS_SUBJECT_RE.match(text, after) is not None


def _is_term(text: str, span: _Span) -> bool:
    """A quotation that names something rather than reports words: after "the
    slogan", "the phrase" ..., or before "campaign", "formula" ..."""
    nearest = _words_before(text, span.open_at)[:1]
    if nearest and nearest[0] in TERM_CUE_WORDS:
        return True
    return span.closed and NAMED_THING_AFTER_RE.match(text, _span_end(span)) is not None


def _is_title(para: _Paragraph, span: _Span, position: str) -> bool:
    """A title in quotation marks rather than a quotation: short and either
    written in title case or right after a word that names a work (song,
    album, show, on, from). A capitalised full sentence of its own ("Please.")
    stays a quotation."""
    text = para.text
    if span.end - span.start > MAX_TITLE_CHARS:
        return False
    inner = text[span.start:span.end].strip()
    words = WORD_RE.findall(inner)
    if not words or len(words) > MAX_TITLE_WORDS + 2:
        return False
    nearest = _words_before(text, span.open_at)[:1]
    if nearest and nearest[0] in TERM_CUE_WORDS:
        return False
    full_sentence = inner[-1:] in SENTENCE_END_CHARS and position == "start"
    whole_paragraph = span.open_at == para.first_char and _span_end(span) >= para.last_char
    cue = _title_cue(text, span.open_at)
    if cue and len(words) <= MAX_TITLE_WORDS and not inner.endswith(("?", "!")):
        if words[0][:1].isupper() or words[0][:1].isdigit():
            return True
        if cue not in WEAK_TITLE_CUES and len(words) <= 4:
            return True  # the song "cry me a river"
    if _title_case(words) and len(words) <= MAX_TITLE_WORDS and not full_sentence:
        return not whole_paragraph or inner[-1:] not in SENTENCE_END_CHARS
    return False


# ---------------------------------------------------------------- entry point


def extract_quotes(article_id: str, paragraphs: Sequence[str], entities: EntityIndex,
                   ) -> QuoteResult:
    """Quotations and quoted titles of one article's body paragraphs. Never raises."""
    try:
        texts = [(p if isinstance(p, str) else "")[:MAX_PARAGRAPH_CHARS] for p in (paragraphs or [])]
        if not isinstance(entities, EntityIndex):
            entities = EntityIndex(str(article_id), [], {}, {}, [])
        return _Extractor(str(article_id), texts, entities).run()
    except Exception:  # noqa: BLE001 - one odd article must not sink a batch
        return QuoteResult()
