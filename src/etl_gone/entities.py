"""People, groups and other named things of one article, found in its own text.

No gazetteer: an entity is a run of capitalised words ("Jane Doe",
"P. J. Smith", "Stade de France"), and the article itself says which short
forms belong to which full form: a surname or first name used alone
("Doe", "Jane"), initials ("JD"), a possessive ("Doe's"). The canonical name
is the longest full form. Kinds come from the shape of the name and from the
words around it (a speech verb after it makes a person; "Party", "Council",
"Awards" make an organisation or event; a leading elision mark or "band"
before it makes a group).

`build_entities(article_id, texts)` returns an `EntityIndex`: the table rows
(`records`, `unresolved`), `resolve(mention)` and `find_mentions(text)` for
the quote and claim parsers. Linear in the text size; never raises.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple, Sequence

from etl_gone.ids import make_id
from etl_gone.records import EntityRecord, UnresolvedMention

# ---------------------------------------------------------------- patterns

POSSESSIVE_RE = re.compile(r"['\u2019][sS]$")
NON_ALNUM_RE = re.compile(r"[\W_]+")
INITIALS_RE = re.compile(r"^(?:[A-Z]\.)*[A-Z]$")
ACRONYM_RE = re.compile(r"^[A-Z]{2,5}$")
# Only spaces (no line break, no punctuation) may separate two words of a name.
NAME_GAP_RE = re.compile(r"^[ ]{1,3}$")
MAX_NAME_GAP_CHARS = 4  # the longest gap NAME_GAP_RE passes ("$" also matches before a final "\n")
# Characters after which a word starts a sentence (or a quotation).
SENTENCE_OPENERS = ".!?:;\"\u201c\u201d\u2018\u2019'(\u2026\u00ab\u00bb"
APOSTROPHES = "'\u2019"
QUOTE_OPENERS = "\"\u201c'\u2018\u00ab"
QUOTE_CLOSE_AFTER_RE = re.compile("(?:['\u2019]s)?[,.!?]?[\"\u201d'\u2019\u00bb]")
# Words joining two capitalised words inside one name.
CONNECTORS = frozenset({
    "de", "van", "von", "der", "den", "la", "le", "du", "da", "del", "della", "di", "dos", "das",
    "bin", "al", "of", "y", "ter", "ten",
})
# Connectors that make a name a title or institution, not a person.
NON_PERSON_CONNECTORS = frozenset({"of"})
# "on" and "for" join a name only after the word heading an institution's
# name ("House Committee on Intelligence", "Centers for Disease Control").
INSTITUTION_CONNECTORS = frozenset({"on", "for"})
INSTITUTION_HEADS = (
    "Committee", "Subcommittee", "Commission", "Council", "Center", "Centers", "Centre", "Centres", "Institute",
    "Office", "Bureau", "Department", "Ministry", "Agency", "Foundation", "Society", "Association", "Coalition",
    "Alliance", "Board", "Fund", "Federation", "Union", "Organization", "Organisation", "Court",
)
INSTITUTION_CONNECTOR_RE = re.compile(
    rf"\b(?:{'|'.join(INSTITUTION_HEADS)}) (?P<word>{'|'.join(sorted(INSTITUTION_CONNECTORS))}) (?=[A-Z])")
# "and" inside an institution's name: after "Department of Health", before one
# or two words the last of which ends like the name of a field ("... and Human
# Services", "Centers for Disease Control and Prevention"; a person's name
# after "and" rarely ends so), or before words ending in a word of an
# institution or two ending like a field ("Food and Drug Administration",
# "Securities and Exchange Commission", "Immigration and Customs Enforcement").
INSTITUTION_FIELD_ENDINGS = ("ment", "tion", "sion", "ity", "ices", "ance", "ence", "ness", "ture", "ogy", "ics",
                             "ies", "ism", "airs", "ources")
INSTITUTION_AND_WORD = "and"
INSTITUTION_AND_RE = re.compile(
    rf"\b(?:{'|'.join(INSTITUTION_HEADS)}) (?:of|for|on) (?:[A-Z][\w'\u2019-]* ){{1,3}}(?P<word>and) "
    rf"(?=(?:[A-Z][\w'\u2019-]* )?[A-Z][\w'\u2019-]*(?:{'|'.join(INSTITUTION_FIELD_ENDINGS)})\b(?! [A-Z]))"
    rf"|\b[A-Z][a-z]+ (?P<word2>and) "
    rf"(?=(?:[A-Z][\w'\u2019-]* ){{1,2}}(?:{'|'.join(INSTITUTION_HEADS + ('Administration', 'Authority'))})\b"
    rf"|[A-Z][\w'\u2019-]* [A-Z][\w'\u2019-]*(?:{'|'.join(INSTITUTION_FIELD_ENDINGS)})\b(?! [A-Z]))")
# A word is a letter or digit, then letters and digits joined by - & ' \u2019 .
# ("'s", "O'Neil", "Jean-Luc", "A&R", "U.S" stay whole).
WORD_TAIL = r"(?:[^\W_]|[-&'\u2019.](?=[^\W_]))*"
WORD_END = r"(?![^\W_]|[-&'\u2019.][^\W_])"
# The words a name can hold are found by three regexes, each starting with a
# character class the regex engine skips to quickly, so the many other words
# (which only matter as gaps) never reach a Python loop. The offsets are those
# of a scan over every word.
# A word not starting with a lower-case ASCII letter or a digit (_tokens checks
# for a capital): it starts here, not right after a letter or digit, nor after
# one and a joining mark ("Neil" in "O'Neil" is no word).
CAPITAL_WORD_RE = re.compile(r"[^\W_a-z0-9](?<![^\W_][^\W_])(?<![^\W_][-&'\u2019.][^\W_])" + WORD_TAIL)
# Names that end in a number: "Highway 9", "Route 66", "Flight 370", "Apollo 11"
# (the number is part of the name, or "Highway" alone joins every highway).
NUMBERED_NAME_WORDS = ("Highway", "Route", "Interstate", "Flight", "Apollo", "Terminal", "Studio", "Gate", "Pier",
                       "Platform", "Hangar", "Building", "Channel", "Chapter", "Proposition", "Section", "Article",
                       "Unit", "Ward", "District", "Precinct", "Lot", "Runway", "Engine", "Company")
NUMBERED_NAME_RE = re.compile(r"\b(?:" + "|".join(NUMBERED_NAME_WORDS) + r") (?P<number>\d{1,4}[A-Z]?)\b")
# A connector after a space or a line break, the only places where it can
# join a name (NAME_GAP_RE); anywhere else it would only end a run, as any
# gap with letters in it does.
CONNECTOR_RE = re.compile(rf"[ \n](?P<word>{'|'.join(sorted(CONNECTORS))}){WORD_END}")
# An elision mark or asterisk kept before a lone N ("'N Crowd"-style band
# names); an apostrophe right after a word joins it instead ("rock'N").
LEAD_MARK_RE = re.compile(r"[*\u2018'\u2019](?<![^\W_]['\u2019])(?=[Nn]\s)")
# Capitalised words that are never (part of) a name: function words, pronouns,
# discourse adverbs, weekdays and the unambiguous month names.
STOP_WORDS = frozenset("""
a an the this that these those it its he she we they i you his her him our their my your me us
them who whom whose what which when where why how and or but nor so yet if then than as at by
for from in into of on onto to with without within about above after against along among around
before behind below beneath beside besides between beyond during except inside near off onto out
outside over past since through throughout till toward towards under until upon via while
although though because however meanwhile moreover furthermore nevertheless still also even just
only now here there tomorrow yesterday last next every each some many most much
more less all any both either neither no not none one two three four five six seven eight nine
ten first second third another other such own same yes oh ok okay well please thanks mr mrs ms
sir madam do does did has have had is are was were be been being will would can could shall
should may might must let lets like unlike according per indeed instead perhaps maybe once
again already soon later earlier recently finally eventually seriously unfortunately
fortunately sadly luckily obviously clearly apparently actually basically speaking looking
watch read click see sound listen follow share subscribe related photo video image getty
monday tuesday wednesday thursday friday saturday sunday january february july september
october november december breaking news update updated exclusive live
""".split())
# Month names that double as given names: a lone one is a date, not a name.
MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december",
                         # before a day only ("Oct. 28", "Jan 5"): "Jan Smith" stays a name
                         "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})
# Stop words that are also surnames ("Theresa May", "George Will"): mid-sentence,
# after a given name or an honorific and before a lower-case word or
# punctuation, the capital makes them the name ("Trump Will Visit" of a
# title-case headline stays a verb).
SURNAME_STOP_WORDS = frozenset({"may", "will"})
SURNAME_END_RE = re.compile(r"(?:['\u2019]s)?(?=\s*(?:[,.;:!?)\u201d\"]|$)|\s+[a-z])")
# A day number after a word: a month so followed is a date ("the Amphitheatre
# June 9th"), which ends a name instead of joining it.
DAY_AFTER_RE = re.compile(r"\.? \d{1,2}(?!\d)")
# Words written in capitals only to shout ("A HUNTER who ..."), not acronyms:
# this long or longer, and written in lower case elsewhere in the article.
SHOUTED_WORD_MIN_CHARS = 5
# Honorifics and office titles: stripped from the front of a name, and a
# sign that what follows is a person.
ROLE_WORDS = frozenset("""
mr mrs ms miss mx dr prof sir dame lord lady rev reverend sen senator rep representative gov
governor president vice prime minister secretary mayor chancellor judge coach manager chief
ceo cfo coo chairman chairwoman chair director commissioner attorney general speaker leader
premier king queen prince princess pope officer detective sheriff agent captain capt lt sgt
col gen pastor father bishop ambassador spokesman spokeswoman spokesperson deputy councillor
councilman councilwoman congressman congresswoman assemblyman assemblywoman lawmaker justice
president-elect emperor empress duke duchess earl baron baroness insider analyst adviser advisor striker
midfielder defender goalkeeper quarterback forward guard republican democrat
treasurer comptroller auditor superintendent alderman alderwoman supervisor magistrate constable coroner
envoy vice-president vice-chairman vice-chair vice-chancellor
""".split())
# Occupations: capitalised only by a sentence start ("Singer Jane Doe said"),
# when they are dropped from the front of a longer name. Not role words:
# mid-sentence they are part of names ("the Producer Price Index").
OCCUPATION_WORDS = frozenset("""
singer songwriter singer-songwriter rapper musician drummer guitarist bassist pianist composer
producer actor actress comedian presenter anchor author writer novelist poet playwright journalist
reporter columnist photographer filmmaker artist designer architect founder co-founder cofounder
owner professor researcher scientist economist historian physicist biologist chemist psychologist
psychiatrist doctor nurse surgeon lawyer prosecutor activist campaigner candidate nominee
executive entrepreneur investor billionaire athlete swimmer sprinter cyclist boxer golfer pitcher
shortstop outfielder defenseman defenceman winger linebacker cornerback rookie veteran
engineer teacher farmer pilot firefighter paramedic technician consultant contractor developer
programmer mechanic electrician chef student miner driver soldier pharmacist dentist therapist
accountant banker broker trader inspector editor champion winner medallist medalist finalist laureate
""".split())
# What a person does, without the forms of address that only go before a name.
JOB_WORDS = (ROLE_WORDS | OCCUPATION_WORDS) - frozenset("mr mrs ms miss mx dr sir dame lord lady".split())
# What a business makes or does, as the last word of its name ("Orion Foods",
# "Dunmore Securities", "Brightline Logistics"); "Brightline" alone is it.
BUSINESS_NOUNS = frozenset("""
foods beverages brands pharmaceuticals pharma therapeutics biosciences logistics solutions networks software
insurance securities investments ventures mining petroleum chemicals retail stores restaurants hotels resorts
automotive communications telecom semiconductors robotics aerospace shipping properties realty construction
engineering manufacturing
""".split())
# Words that make a capitalised run an organisation (or a show, outlet, place of business).
# Last words that make a name a company's, whose first word may stand alone for it.
COMPANY_SUFFIXES = frozenset("inc corp corporation co company ltd llc plc group holdings systems technologies "
                             "labs partners industries enterprises".split()) | BUSINESS_NOUNS
MAX_COMPANY_WORDS = 4
# Last words of a business's name that the article may drop, keeping the
# rest ("Big Machine" for "Big Machine Records", "Acme Labs" for "Acme Labs Inc").
BUSINESS_TAIL_WORDS = COMPANY_SUFFIXES | frozenset(
    "records recordings productions studios pictures films entertainment media music publishing "
    # places known by their name without what they are: "Kelby General" for "Kelby General Hospital"
    "hospital stadium museum airport".split())
# Words of a news outlet's name ("The Daily Ledger", "Harbour News").
PRESS_WORDS = frozenset("""
news network times post journal magazine herald tribune gazette daily weekly press media radio tv television
channel billboard
""".split())
ORG_WORDS = PRESS_WORDS | frozenset("""
tonight today studios studio pictures films productions records recordings
music entertainment publishing books inc corp corporation co company ltd llc plc group holdings
partners capital bank airlines airways motors electric energy technologies systems labs
university college school academy institute foundation fund trust association federation union
observatory laboratory organization organisation exchange team pavilion reports
league club fc united city party council committee commission ministry department agency bureau
authority board office service services police army navy force forces guard court senate house
congress parliament assembly government administration hospital church museum theatre theater
stadium arena center centre centers centres hall street avenue road square park airport station county state
republic kingdom class series season show chart charts billboard hot
division library gallery cathedral mosque temple synagogue palace castle
""".split()) | BUSINESS_NOUNS
# Words that make a run a made thing, never a person ("Hubble Space Telescope",
# "Human Landing System"), whatever pronoun or short form follows it.
THING_WORDS = frozenset("""
system telescope rover spacecraft satellite probe lander rocket vehicle engine mission program programme
project initiative platform app software website online device protection defense defence
""".split())
# Organisation words that are also common surnames ("Greg Hall", "Lee Park"):
# a two-word name ending in one is a person's when it speaks or "he"/"she"
# follows (not "House", "Street", "Bank", "King": "the White House said",
# "Downing Street said", "the World Bank said", "Burger King said").
SURNAME_ORG_WORDS = frozenset("hall park field fields".split())
# Words that make a run an event.
EVENT_WORDS = frozenset("""
awards award prize prizes medal medals trophy festival games cup championship championships olympics summit
conference
celebration anniversary election elections war tour open marathon grand prix finals
""".split())
# Words that make a run a group of people (bands, teams of performers).
GROUP_WORDS = frozenset("""
band boys girls brothers sisters orchestra choir ensemble quartet trio duo crew gang
collective singers
""".split())
# Lower-case words right before a name that say it is a group.
GROUP_CONTEXT_WORDS = ("band", "group", "duo", "trio", "quartet", "quintet", "boy band", "girl group")
GROUP_CONTEXT_RE = re.compile(rf"\b(?:{'|'.join(GROUP_CONTEXT_WORDS)})\s*,?\s*$", re.IGNORECASE)
# Lower-case words right before a name that say it is a work (song, book, show).
WORK_CONTEXT_WORDS = (
    "song", "single", "album", "track", "film", "movie", "book", "novel", "show", "series", "sitcom",
    "episode", "play", "musical", "record", "ep", "lp", "mixtape", "documentary", "podcast", "hit",
    "anthem", "ballad",
)
WORK_CONTEXT_RE = re.compile(rf"\b(?:{'|'.join(WORK_CONTEXT_WORDS)})\s*,?\s*$", re.IGNORECASE)
# A context word ends where the spaces and comma before the name begin, so
# the two searches above need not start further back than this.
CONTEXT_WORD_CHARS = max(map(len, GROUP_CONTEXT_WORDS + WORK_CONTEXT_WORDS))
# Verbs of speech: after a name they make it a person (also used by the quote parser).
SPEECH_VERBS = (
    "said", "says", "say", "explained", "explains", "admitted", "admits", "recalled", "recalls",
    "laughed", "laughs", "shared", "shares", "continued", "continues", "added", "adds", "told",
    "tells", "asked", "asks", "replied", "replies", "noted", "notes", "stated", "states",
    "insisted", "insists", "declared", "declares", "claimed", "claims", "argued", "argues",
    "wrote", "writes", "written", "tweeted", "tweets", "posted", "posts", "remarked", "remarks", "joked",
    "jokes", "quipped", "quips", "conceded", "concedes", "acknowledged", "acknowledges",
    "confirmed", "confirms", "revealed", "reveals", "announced", "announces", "warned", "warns",
    "urged", "urges", "stressed", "stresses", "emphasised", "emphasized", "emphasises",
    "emphasizes", "responded", "responds", "answered", "answers", "cautioned", "boasted",
    "complained", "complains", "predicted", "predicts", "suggested", "suggests", "exclaimed",
    "shouted", "whispered", "mused", "muses", "sighed", "cried", "agreed", "agrees", "observed",
    "observes", "reiterated", "concluded", "commented", "comments", "testified", "promised",
    "promises", "vowed", "vows", "recounted", "recounts", "remembered", "remembers", "reflected",
    "reflects", "elaborated", "maintained", "maintains", "countered", "counters", "retorted",
    "teased", "teases", "hinted", "hints", "confided", "confessed", "confesses", "gushed",
    "gushes", "raved", "raves", "sang", "sings", "rapped", "raps", "crooned", "croons",
    "explain", "admit", "recall", "laugh", "share", "continue", "add", "tell", "ask", "reply",
    "note", "insist", "declare", "argue", "write", "tweet", "post", "reveal", "announce", "warn",
    "wonders", "wondered", "pleaded", "begged", "demanded", "opined", "relayed", "divulged",
    "disclosed", "texted", "messaged", "emailed", "shouts", "yelled", "yells", "screamed", "screams",
    "whispers", "sighs", "cries", "exclaims", "cautions", "marvelled", "marveled", "marvels", "lamented",
    "laments", "fumed", "fumes", "snapped", "sobbed", "wept", "grumbled", "asserted", "asserts", "contended",
    "contends", "enthused", "gasped", "apologised", "apologized", "apologises", "apologizes",
)
# Verbs of asserting or answering that show their subject speaks ("Doe denied
# that ..."), though they seldom introduce a quotation ('Volker disputed that
# he was in an "irregular" channel': a term, not his words).
ASSERTION_VERBS = ("denied", "denies", "disputed", "accused", "accuses", "alleged", "alleges")
SPEECH_VERB_SET = frozenset(SPEECH_VERBS + ASSERTION_VERBS) - {"say", "add", "post", "note", "share"}
# After a name: optional possessive or auxiliary, then a verb of speech.
SPEAKS_AFTER_RE = re.compile(
    r"^(?:['\u2019]s)?,?\s+(?:(?:has|had|have|also|then|later|once|\w+ly)\s+){0,2}(?P<verb>[a-z]+)\b")
# Before a name: "said Jane Doe", "according to Jane Doe".
SPEAKS_BEFORE_RE = re.compile(
    r"\b(?:said|says|added|adds|explained|recalled|according to|told by)\s+(?:[a-z][\w'\u2019-]*\s+){0,4}$")
# What a news agency, a paper or a report does ("Reuters reported", "according to Reuters").
REPORT_VERBS = frozenset({"reported", "reports", "reporting"})
REPORTS_BEFORE_RE = re.compile(r"\b(?:[Aa]ccording to|reports|reported)\s+$")
PERSON_PRONOUN_AFTER_RE = re.compile(r"^[^.!?]{0,60}?\b(?:he|she|his|her|him|himself|herself)\b")
# A name right before a role in lower case modifies it ("the Acme founder
# argued that his ...", "Trump lawyer"): a pronoun after them is the role
# holder's, no hint about the name.
ROLE_AFTER_RE = re.compile(r"^\s+(?P<word>[a-z][a-z]*(?:-[a-z]+)*)\b")
# Roles only an organisation has ("the Acme co-founder", "Acme employees"):
# one word before them, with no pronoun after it anywhere, is that organisation.
ORGANISATION_ROLE_WORDS = frozenset("""
founder founders co-founder co-founders cofounder ceo cfo coo chairman chairwoman editor editor-in-chief
employees employee staff staffers executives shareholders headquarters spokesman spokeswoman spokesperson
""".split())
# "the vice-president of infrastructure at Meta", "an engineer at Acme", "a
# spokeswoman for Acme": a name after a job and "at" (or a spokesperson's
# "for") is the employer, an organisation, though "at" also goes before places.
EMPLOYER_JOB_WORDS = JOB_WORDS | ORGANISATION_ROLE_WORDS
EMPLOYER_BEFORE_RE = re.compile(
    rf"\b(?i:{'|'.join(sorted(EMPLOYER_JOB_WORDS, key=len, reverse=True))})"
    r"(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?)?\s+at\s+(?:the\s+)?$|\bspokes(?:man|woman|person)\s+for\s+(?:the\s+)?$")
# "British Finance Minister, George Osborne welcomed": an office, a comma, then
# the person who holds it, as the subject.
ROLE_COMMA_BEFORE_RE = re.compile(
    rf"\b(?i:{'|'.join(sorted(JOB_WORDS, key=len, reverse=True))})(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}[\w-]+)?"
    r",\s+$")
# ... and between commas before its verb, when the office opens the sentence:
# "Deputy leader of the opposition Liberal Party, Catalin Predoiu, hailed the
# resignations" (not a list: ", and"; not "its chairman, Victor Lang, resigned"
# inside a sentence about a firm).
ROLE_OPENING_SENTENCE_RE = re.compile(
    rf"(?:^|[.!?]\s+)(?:[\w'\u2019-]+\s+){{0,2}}(?i:{'|'.join(sorted(JOB_WORDS, key=len, reverse=True))})"
    r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}[\w-]+)?,\s+$")
APPOSED_SUBJECT_VERB_RE = re.compile(r"^,\s+(?!(?:and|or|but|who|which|whose|whom|that|the|a|an|his|her|its|their)\b)"
                                     r"[a-z]+(?:ed|s)\b")
# After a name, an apposition that says what the person is: "Marco Villa, the
# company's chief operating officer, said" / "Jane Starner, his aunt". Only its
# head counts: the words before a preposition or a relative word.
APPOSITION_AFTER_RE = re.compile(r"^,\s+(?P<apposition>[^,;:.!?\"\u201c\u201d()\[\]]{2,90})")
APPOSITION_STOP_WORDS = frozenset("""
of at for in on with from to by who whose which that and or as after before when while since because
although though if so than then where until unless
""".split())
# Who a person is to others: an apposition of these is a person's ("his aunt").
RELATION_WORDS = frozenset("""
wife husband son daughter mother father sister brother aunt uncle niece nephew cousin grandmother
grandfather grandson granddaughter widow widower partner fiance fiancee girlfriend boyfriend friend
colleague neighbor neighbour fellow administrator official adviser advisor aide staffer
employee resident expert specialist editor head vp
""".split())
# Occupations a company also has: "SoftBank, the largest investor in WeWork".
COMPANY_ROLES = frozenset("owner investor producer developer contractor broker trader".split())
# Before a name: words that put a place or a thing there, not a person
# ("in China", "the Moon", "from Glasgow").
PLACE_BEFORE_RE = re.compile(r"\b(?:the|in|at|from|into|across|throughout|within|inside|outside|near|"
                             r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+$", re.IGNORECASE)
# A name that people live in, or that has suburbs: a place ("Beijing residents").
PLACE_AFTER_RE = re.compile(r"\s+(?:residents|inhabitants|natives|suburbs|outskirts)\b")
# The part of those that only a place follows ("in Inner Mongolia", "held
# at HMP Belmarsh"; "the Doe problem", "a call from Doe" may be a person's).
LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|at|into|across|throughout|within|inside|outside|near)\s+$",
                                re.IGNORECASE)
# "Mr. Doe": the honorific is a stop word (it never joins the name), but says a person follows
HONORIFIC_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+$")
# One word with a capital inside: a company or product ("WeWork", "SpaceX"),
# not a surname with a prefix ("McCartney", "DeShawn", "LeBron", "O'Neil").
CAMEL_CASE_RE = re.compile(r"^(?!Mc|Mac|O['\u2019]|De|Di|Da|Du|La|Le|Van|Von)[A-Z][a-z]+[A-Z][\w]*$")

# Bounds that keep the work linear on junk input.
MAX_RUN_TOKENS = 12
MAX_SUBSPAN_TOKENS = 6
MAX_PERSON_TOKENS = 5
TITLE_CASE_RATIO = 0.75
TITLE_CASE_MIN_WORDS = 3
TITLE_CASE_SCAN_CHARS = 600
TITLE_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019-]*")
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "by", "with"})
# A word the article also writes in lower case is a common word ("Singer Jane
# Doe" at a sentence start, "the singer" elsewhere), not part of a name.
# Parts of addresses and handles ("klook.com", "@acme") are no such use.
LOWER_WORD_RE = re.compile(r"(?<![^\W_])(?<![./@#])[a-z][a-z'\u2019-]*(?![a-z'\u2019-]|[./@][^\W_])")
# "envoy to Ukraine Jane Doe": a place (or team, or firm) after a preposition, before a name
PREPOSITION_BEFORE_RE = re.compile(r"\b(?:to|in|from|for|at|of|on)\s+$")
# "Ambassador to the European Union Gordon Sondland", "ambassador to Britain
# Liu Xiaming": after an office and its preposition, the place or body of the
# office runs into the name.
OFFICE_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?i:ambassador|envoy|secretary|minister|representative|correspondent|commissioner|president|director|"
    r"head|chief|chairman|chairwoman|chair|spokesman|spokeswoman|spokesperson|governor|mayor|member|delegate)"
    r"\s+(?:to|for|of|at|in)\s+(?:the\s+)?$")
OFFICE_PREPOSITION_LOOKBACK = 40
# A headline's participle before a surname ("Republicans Are Following Doe")
PARTICIPLE_RE = re.compile(r"^[A-Z][a-z]{2,}ing$")
LONG_TEXT_CHARS = 2_000_000

PERSON = "person"
GROUP = "group"
ORGANIZATION = "organization"
EVENT = "event"
WORK = "work"
OTHER = "other"

PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "his", "hers", "their", "it",
                      "i", "we", "me", "us", "you"})


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class Mention:
    """A name found in a text by `EntityIndex.find_mentions` (not a table row)."""

    start: int
    end: int
    surface: str
    entity_id: str
    canonical: str
    kind: str
    possessive: bool
    alternatives: tuple[str, ...] = ()  # other canonical names an ambiguous short form may mean


# ---------------------------------------------------------------- tokens and runs


class _Token(NamedTuple):
    """A capitalised word or connector (immutable: the index keeps the tokens
    of its texts for `find_mentions`)."""

    start: int
    end: int
    word: str  # without lead mark and possessive
    lead: str
    possessive: bool
    capital: bool
    sentence_initial: bool
    key: str  # name_key(word)


@dataclass
class _Run:
    tokens: tuple[_Token, ...]
    text_index: int = 0

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def words(self) -> list[str]:
        return [t.word for t in self.tokens]


def _lower_plain(word: str) -> str:
    return word.lower().replace("\u2019", "'")


def _is_stop(word: str) -> bool:
    if len(word) > 1 and word.isupper() and word.isalpha() and word != "I":
        return False  # "OWN", "IT": an acronym, not the word
    low = _lower_plain(word).rstrip(".")
    return low in STOP_WORDS or low.split("'")[0] in STOP_WORDS


def _glued(surface: str) -> bool:
    """Whether a written name runs capitalised words together ("MattBevin" of
    a handle), not "McDonald"."""
    return any(CAMEL_CASE_RE.match(w) for w in surface.split())


def _role_after(after: str) -> str | None:
    """The role in lower case right after a name, which the name modifies
    ("founder", "co-founder", "editor-in-chief"); None without one."""
    m = ROLE_AFTER_RE.match(after)
    if m is None:
        return None
    word = m.group("word")
    return word if any(w in ROLE_WORDS or w in OCCUPATION_WORDS or w in ORGANISATION_ROLE_WORDS
                       for w in (word, word.split("-")[0])) else None


def _is_role(word: str) -> bool:
    return _lower_plain(word).rstrip(".") in ROLE_WORDS


def name_key(text: str) -> str:
    """Comparison key of a name: lower-case letters and digits only, so that
    "'N Crowd", "*N Crowd" and "N CROWD" are one name."""
    plain = text.replace(" ", "")
    if plain.isalnum():  # plain words (most calls): no possessive, nothing else to drop
        low = plain.lower()
        if low.isalnum():  # lower() may add a combining mark ("\u0130")
            return low
    text = POSSESSIVE_RE.sub("", text.strip())
    return NON_ALNUM_RE.sub("", text.lower())


def _tokens(text: str) -> list[_Token]:
    """Capitalised words and name connectors, with their offsets (other words
    only matter as gaps that break a name)."""
    out: list[_Token] = []
    leads = {m.end(): m.group() for m in LEAD_MARK_RE.finditer(text)}  # where a lone N or n starts
    spans = [m.span() for m in CAPITAL_WORD_RE.finditer(text)]
    numbered_spans = [m.span("number") for m in NUMBERED_NAME_RE.finditer(text)]
    numbered = {start for start, _ in numbered_spans}
    spans += numbered_spans
    spans += [m.span("word") for m in CONNECTOR_RE.finditer(text)]
    spans += [m.span("word") for m in INSTITUTION_CONNECTOR_RE.finditer(text)]
    if INSTITUTION_AND_WORD in text:
        spans += [m.span("word") if m.group("word") else m.span("word2") for m in INSTITUTION_AND_RE.finditer(text)]
    if leads:
        spans += [(at, at + 1) for at in leads if text[at] == "n"]
    spans.sort()
    for start, end in spans:
        word = text[start:end]
        lead = leads.get(start, "") if leads else ""
        if lead:
            start -= 1
        elif not (word[0].isupper() or word in CONNECTORS or word in INSTITUTION_CONNECTORS
                  or word == INSTITUTION_AND_WORD or start in numbered):
            continue
        possessive = False
        if len(word) > 2 and POSSESSIVE_RE.search(word):
            word = word[:-2]
            possessive = True
        elif word.endswith("s") and text[end:end + 1] in APOSTROPHES and not text[end + 1:end + 2].isalnum():
            possessive = True  # "Jones' record"
        # keep the full stop of initials and abbreviated titles ("P.", "Gov.")
        if text[end:end + 1] == "." and (INITIALS_RE.match(word) or _is_role(word)):
            end += 1
            word += "."
        gap = text[max(0, start - 4):start]
        before = gap.rstrip(" ")
        last = before[-1:]
        sentence_initial = start == 0 or (not before and start <= 4) or (last != "" and last in SENTENCE_OPENERS) \
            or "\n" in gap
        out.append(_Token(start, end, word, lead, possessive, word[:1].isupper() or start in numbered,
                          sentence_initial, name_key(word)))
    return out


def _runs(text: str, tokens: list[_Token]) -> tuple[tuple[_Token, ...], ...]:
    """Maximal runs of capitalised words joined by single spaces or connectors;
    stop words break a run, a possessive ends it."""
    runs: list[tuple[_Token, ...]] = []
    current: list[_Token] = []
    pending: list[_Token] = []  # connectors waiting for a capitalised word

    def flush() -> None:
        if current:
            runs.append(tuple(current))
        current.clear()
        pending.clear()

    prev: _Token | None = None
    for tok in tokens:
        # NAME_GAP_RE only on gaps short enough to pass it (a name gap, perhaps a final "\n")
        gap_ok = prev is not None and tok.start - prev.end <= MAX_NAME_GAP_CHARS \
            and NAME_GAP_RE.match(text[prev.end:tok.start]) is not None
        joinable = gap_ok and prev is not None and not prev.possessive
        stop = tok.capital and _is_stop(tok.word) and not _stop_word_as_surname(text, tok, prev, current)
        if tok.key in MONTH_NAMES and DAY_AFTER_RE.match(text, tok.end) is not None:
            flush()  # "June 9th": a date, neither a name nor part of one
            prev = tok
            continue
        if current and joinable and stop and not tok.sentence_initial and len(tok.word) > 1:
            pending.append(tok)  # "Love Never Felt So Good": a capitalised small word inside a title
        elif tok.capital and not stop:
            if current and joinable and len(current) < MAX_RUN_TOKENS:
                current.extend(pending)
                pending.clear()
                current.append(tok)
            else:
                flush()
                current.append(tok)
            if tok.possessive:
                flush()
        elif current and joinable and _is_connector(tok):
            pending.append(tok)
        else:
            flush()
        prev = tok
    flush()
    return tuple(runs)


def _stop_word_as_surname(text: str, tok: _Token, prev: _Token | None, current: list[_Token]) -> bool:
    """Whether a capitalised stop word is a surname here ("Theresa May has",
    "Mrs May added"), not a modal verb or a month."""
    if tok.key not in SURNAME_STOP_WORDS or tok.sentence_initial or prev is None \
            or SURNAME_END_RE.match(text, tok.end) is None:
        return False
    if current and current[-1] is prev:
        return prev.end + 1 == tok.start  # "Theresa May": one space from the given name
    return HONORIFIC_BEFORE_RE.search(text[max(0, tok.start - 8):tok.start]) is not None


def _name_runs(text: str) -> tuple[tuple[_Token, ...], ...]:
    """The runs of capitalised words of `text`, as immutable tokens."""
    return _runs(text, _tokens(text))


def _strip_prefix(run: _Run) -> _Run:
    """Drop a leading acronym and what precedes it ("NFL Insider Jane Doe" ->
    "Insider Jane Doe"): an organisation before a name, not part of it."""
    toks = run.tokens
    if _lower_plain(toks[-1].word).rstrip(".") in ORG_WORDS:
        return run  # "UEFA Nations League", "PNC Music Pavilion": the acronym is part of the name
    cut = -1
    for k, tok in enumerate(toks[:-2]):
        if ACRONYM_RE.match(tok.word) and not tok.lead:
            cut = k
    return _Run(toks[cut + 1:], run.text_index) if cut >= 0 else run


def _strip_roles(run: _Run) -> tuple[_Run, bool]:
    """Drop honorifics and office titles at the front ("Prime Minister Jane
    Doe" -> "Jane Doe"); returns whether any were dropped."""
    toks = run.tokens
    last_role = -1
    for i, tok in enumerate(toks[:-1]):
        if _is_connector(tok):
            break
        if _is_role(tok.word):
            last_role = i
    if last_role < 0:
        return run, False
    rest = toks[last_role + 1:]
    if not rest or _is_connector(rest[0]):
        return run, False
    if len(rest) == 1 and _lower_plain(rest[0].word) in ORG_WORDS:
        return run, False  # "General Motors" is not Motors the person ("Minister Lee Park" is Lee Park)
    return _Run(rest, run.text_index), True


def _is_connector(tok: _Token) -> bool:
    # an "on", "for" or "and" is a token only where it joins an institution's name
    return not tok.capital and (tok.word.lower() in CONNECTORS or tok.word in INSTITUTION_CONNECTORS
                                or tok.word == INSTITUTION_AND_WORD)


def _name_tokens(run: _Run) -> list[_Token]:
    return [t for t in run.tokens if not _is_connector(t)]


def _surface(text: str, run: _Run) -> str:
    first = run.tokens[0]
    start = first.start
    end = run.tokens[-1].end
    if run.tokens[-1].possessive and text[end - 2:end].lower() in ("'s", "\u2019s"):
        end -= 2
    return text[start:end]


def _is_title_case_text(text: str) -> bool:
    """A headline written in title case ("How the Mayor Won the Vote")."""
    if text.rstrip().endswith("."):
        return False  # a sentence, however many names it holds
    words = TITLE_WORD_RE.findall(text[:TITLE_CASE_SCAN_CHARS])
    content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS]
    if len(words) < TITLE_CASE_MIN_WORDS or not content:
        return False
    return sum(1 for w in content if w[0].isupper()) / len(content) >= TITLE_CASE_RATIO


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isalpha()).upper()


# ---------------------------------------------------------------- the index


@dataclass
class _Entity:
    entity_id: str
    canonical: str
    kind: str
    surfaces: Counter = field(default_factory=Counter)
    mention_count: int = 0
    first_text_index: int = 0


class EntityIndex:
    """The entities of one article and the ways to look names up."""

    def __init__(self, article_id: str, entities: list[_Entity], by_key: dict[str, str],
                 alternatives: dict[str, tuple[str, ...]], unresolved: list[UnresolvedMention],
                 runs_by_text: dict[str, tuple[tuple[_Token, ...], ...]] | None = None):
        self.article_id = article_id
        # the name runs of the texts the index was built from: the quote and
        # claim parsers look names up in those same texts, each in turn, so
        # their mentions are found once (both bounded by the article's texts)
        self._runs_by_text = runs_by_text or {}
        self._mentions_by_text: dict[str, tuple[Mention, ...]] = {}
        self._entities = {e.entity_id: e for e in entities}
        self._by_key = by_key
        self._alternatives = alternatives
        self.unresolved: list[UnresolvedMention] = unresolved
        self.records: list[EntityRecord] = [
            EntityRecord(
                article_id=article_id, entity_id=e.entity_id, canonical_name=e.canonical,
                entity_kind=e.kind,
                aliases=tuple(sorted(s for s in e.surfaces if s != e.canonical)),
                mention_count=e.mention_count, first_text_index=e.first_text_index,
            )
            for e in entities
        ]

    # -- lookups

    def _lookup(self, mention: str) -> _Entity | None:
        key = name_key(_strip_mention(mention))
        eid = self._by_key.get(key)
        if eid is None:
            # "Interior Minister Jane Doe", "Mr. Doe", "Co-founder Jane Doe": try without the titles in front
            words = _strip_mention(mention).split()
            roles = [k for k, w in enumerate(words[:-1])
                     if _is_role(w) or (k == 0 and _lower_plain(w) in OCCUPATION_WORDS)]
            if roles:
                eid = self._by_key.get(name_key(" ".join(words[roles[-1] + 1:])))
        return self._entities.get(eid) if eid else None

    def resolve(self, mention: str | None) -> str | None:
        """Canonical name of a name as written ("Doe", "JD", "Jane Doe's");
        None for pronouns and names the article does not know."""
        if not isinstance(mention, str) or not mention.strip():
            return None
        if _lower_plain(mention.strip()) in PRONOUNS:
            return None
        entity = self._lookup(mention)
        return entity.canonical if entity else None

    def kind_of(self, canonical: str | None) -> str | None:
        entity = self._lookup(canonical) if canonical else None
        return entity.kind if entity else None

    def alternatives(self, mention: str) -> tuple[str, ...]:
        """Every canonical name an ambiguous short form may mean (most frequent first)."""
        key = name_key(_strip_mention(mention))
        ids = self._alternatives.get(key, ())
        return tuple(self._entities[i].canonical for i in ids if i in self._entities)

    def mention_count(self, canonical: str) -> int:
        entity = self._lookup(canonical)
        return entity.mention_count if entity else 0

    @property
    def persons(self) -> list[str]:
        return [e.canonical for e in self._entities.values() if e.kind == PERSON]

    def find_mentions(self, text: str) -> list[Mention]:
        """Known names in `text`, left to right (longest match first inside a
        run of capitalised words). Never raises."""
        if not isinstance(text, str) or not text:
            return []
        text = text[:LONG_TEXT_CHARS]
        try:
            found = self._mentions_by_text.get(text)
            if found is None:
                runs = self._runs_by_text.get(text)
                found = self._find_mentions(text, _name_runs(text) if runs is None else runs)
                if runs is not None:
                    self._mentions_by_text[text] = found
            return list(found)
        except Exception:  # noqa: BLE001 - a lookup must never sink a parse
            return []

    def _find_mentions(self, text: str, runs: tuple[tuple[_Token, ...], ...]) -> tuple[Mention, ...]:
        out: list[Mention] = []
        by_key, entities = self._by_key, self._entities
        for toks in runs:
            count = len(toks)
            keys = [t.key for t in toks]
            can_end = [not _is_connector(t) for t in toks]
            i = 0
            while i < count:
                for j in range(min(count, i + MAX_SUBSPAN_TOKENS), i, -1):
                    if can_end[j - 1]:
                        key = "".join(keys[i:j])
                        eid = by_key.get(key)
                        if eid is not None:
                            break
                else:
                    i += 1
                    continue
                entity = entities[eid]
                start, end = toks[i].start, toks[j - 1].end
                possessive = toks[j - 1].possessive
                surface_end = end - 2 if possessive and text[end - 2:end].lower() in ("'s", "\u2019s") else end
                alt_ids = self._alternatives.get(key)
                alts = tuple(entities[a].canonical for a in alt_ids if a != eid and a in entities) if alt_ids else ()
                out.append(Mention(start, end, text[start:surface_end], eid, entity.canonical,
                                   entity.kind, possessive, alts))
                i = j
        return tuple(out)


def _strip_mention(mention: str) -> str:
    text = mention.strip().strip(".,;:!?\"\u201c\u201d()")
    text = POSSESSIVE_RE.sub("", text)
    text = text.rstrip(APOSTROPHES)
    if text.lower().startswith("the "):
        text = text[4:]
    return text


# ---------------------------------------------------------------- building


@dataclass
class _Candidate:
    run: _Run
    surface: str
    key: str
    words: list[str]
    role_hint: bool
    speaks: bool
    pronoun_hint: bool
    organisation_role: bool  # "Acme co-founder Jane Doe": the name is that of an organisation
    group_hint: bool
    work_hint: bool
    lead: bool
    sentence_initial: bool
    title_case_text: bool
    place_hint: bool = False
    reports: bool = False  # "X reported", "reports X", "according to X"
    locative: bool = False  # after "in", "at"...; not a possessive ("in Doe's view")


def _candidate(text: str, run: _Run, title_case_text: bool) -> _Candidate | None:
    stripped, role_hint = _strip_roles(_strip_prefix(run))
    name_toks = _name_tokens(stripped)
    if not name_toks:
        return None
    surface = _surface(text, stripped)
    key = name_key(surface)
    if not key or key.isdigit():
        return None
    after = text[stripped.end:stripped.end + 100]
    before = text[max(0, stripped.start - 40):stripped.start]
    role_after = _role_after(after)
    verb = SPEAKS_AFTER_RE.match(after)
    # "China's ambassador to Britain accused ...": a name after a preposition is no subject
    speaks = bool(verb and verb.group("verb") in SPEECH_VERB_SET and not PREPOSITION_BEFORE_RE.search(before)) \
        or bool(SPEAKS_BEFORE_RE.search(before))
    # the whole quotation is the name: "'Blue Roads'" (a title), not '"Jane Doe walked ...'
    quoted = before[-1:] != "" and before[-1:] in QUOTE_OPENERS and not stripped.tokens[0].lead \
        and QUOTE_CLOSE_AFTER_RE.match(text, stripped.end) is not None
    context_end = before.rstrip()
    if context_end.endswith(","):
        context_end = context_end[:-1].rstrip()
    context_from = max(0, len(context_end) - CONTEXT_WORD_CHARS)
    return _Candidate(
        run=stripped, surface=surface, key=key, words=[t.word for t in name_toks],
        role_hint=role_hint or bool(HONORIFIC_BEFORE_RE.search(before))
        # (the subject itself, not a name in apposition: "its chairman, Victor Lang, resigned")
        or (len(name_toks) >= 2 and bool(ROLE_COMMA_BEFORE_RE.search(before))
            and (not after.startswith(",") or (bool(APPOSED_SUBJECT_VERB_RE.match(after))
                                               and bool(ROLE_OPENING_SENTENCE_RE.search(before)))))
        or (len(name_toks) >= 2 and _person_apposition(after)),  # a full name: "SoftBank, ..." may be a firm
        speaks=speaks,
        pronoun_hint=bool(PERSON_PRONOUN_AFTER_RE.match(after)) and role_after is None,
        organisation_role=role_after in ORGANISATION_ROLE_WORDS or bool(EMPLOYER_BEFORE_RE.search(before)),
        group_hint=bool(GROUP_CONTEXT_RE.search(before, context_from)),
        work_hint=quoted or bool(WORK_CONTEXT_RE.search(before, context_from)),
        lead=bool(stripped.tokens[0].lead),
        sentence_initial=stripped.tokens[0].sentence_initial,
        title_case_text=title_case_text,
        place_hint=bool(PLACE_BEFORE_RE.search(before) or PLACE_AFTER_RE.match(after)),
        reports=bool(verb and verb.group("verb") in REPORT_VERBS) or bool(REPORTS_BEFORE_RE.search(before)),
        locative=not stripped.tokens[-1].possessive and bool(LOCATIVE_BEFORE_RE.search(before)),
    )


def _person_apposition(after: str) -> bool:
    """The name is followed by an apposition whose head is an office, an
    occupation or a relation ("…, the company's chief operating officer,")."""
    m = APPOSITION_AFTER_RE.match(after)
    if m is None:
        return False
    for word in m.group("apposition").split():
        word = _lower_plain(word).strip("'\u2019")
        if word in APPOSITION_STOP_WORDS:
            return False
        if word in COMPANY_ROLES:
            return False
        if word in ROLE_WORDS or word in OCCUPATION_WORDS or word in RELATION_WORDS:
            return True
    return False


def _kind(cands: list[_Candidate], person_evidence: bool = False) -> str:
    """Kind of an entity from its written forms; `person_evidence` when the
    article also uses a short form of it alone (a surname, initials)."""
    words = {_lower_plain(w).rstrip(".") for c in cands for w in c.words}
    multi = any(len(c.words) >= 2 for c in cands)
    if any(c.lead for c in cands) or words & GROUP_WORDS or any(c.group_hint for c in cands):
        return GROUP
    if words & EVENT_WORDS:
        return EVENT
    if any(t.word == INSTITUTION_AND_WORD for c in cands for t in c.run.tokens):
        return ORGANIZATION  # only an institution's name holds an "and" ("Customs and Border Protection")
    if multi and all(len(c.words) == 2 and _lower_plain(c.words[-1]) in SURNAME_ORG_WORDS for c in cands if
                     len(c.words) > 1) and any(c.speaks or c.pronoun_hint for c in cands) \
            and not words & (ORG_WORDS - SURNAME_ORG_WORDS):
        return PERSON  # "Greg Hall told the council": a surname, not a hall
    if words & ORG_WORDS and not (multi and any(c.role_hint for c in cands)):
        return ORGANIZATION  # but "Minister Lee Park" is a person: an office goes before people
    if sum(c.work_hint for c in cands) * 2 > len(cands):
        return WORK
    if words & THING_WORDS:
        return OTHER
    connectors = {t.word.lower() for c in cands for t in c.run.tokens if not t.capital}
    if connectors & NON_PERSON_CONNECTORS:
        return OTHER
    if multi and all(ACRONYM_RE.match(w) for w in cands[0].words):
        return ORGANIZATION
    if not multi and any(ACRONYM_RE.match(w) and len(w) >= 3 for c in cands for w in c.words) \
            and not person_evidence:
        return ORGANIZATION  # "NASA said": an acronym speaks for an organisation
    if not multi and not person_evidence and not any(c.role_hint for c in cands):
        if CAMEL_CASE_RE.match(cands[0].words[0]):
            return ORGANIZATION  # "WeWork said": a company speaks
        # ("the Acme founder": "the" before a role's modifier is the role's)
        if sum(c.place_hint and not c.organisation_role for c in cands) * 2 >= len(cands):
            return OTHER  # "in China", "the Moon": a place or a thing, whatever it said
        if any(c.organisation_role for c in cands) and not any(c.pronoun_hint for c in cands):
            return ORGANIZATION  # "the Acme co-founder", "Acme employees"
        if any(c.reports for c in cands) and not any(c.pronoun_hint for c in cands):
            # news names a person in full before it shortens the name, and "he" or
            # "she" follows a person somewhere: one word that reports, with no
            # pronoun after it anywhere, is a news agency or a body ("according
            # to Reuters", "Bloomberg reported")
            return ORGANIZATION
    if multi and not any(c.role_hint or c.speaks for c in cands) \
            and sum(c.locative for c in cands) * 2 >= len(cands):
        return OTHER  # "in Inner Mongolia", "from HMP Belmarsh": a place, whatever pronoun follows
    short = all(len(c.words) <= 3 for c in cands)
    if person_evidence or any(c.role_hint or c.speaks or (c.pronoun_hint and short) for c in cands):
        return PERSON
    if multi and any(INITIALS_RE.match(w.rstrip(".")) for c in cands for w in c.words[:-1]):
        return PERSON  # "P. J. Doe"
    if any(ACRONYM_RE.match(w) and len(w) >= 3 for c in cands for w in c.words):
        return ORGANIZATION
    return OTHER


def _name_like(cands: list[_Candidate]) -> bool:
    """A full name that short forms may stand for: two to five words, not an
    organisation, event, group or work."""
    return 2 <= len(cands[0].words) <= MAX_PERSON_TOKENS and _kind(cands) in (PERSON, OTHER) \
        and not {t.word.lower() for c in cands for t in c.run.tokens if not t.capital} & NON_PERSON_CONNECTORS


def build_entities(article_id: str, texts: Sequence[str], *, has_title: bool = False) -> EntityIndex:
    """Entities named in `texts` (the title, if any, then the body paragraphs).

    `has_title` says that texts[0] is the title, so that unresolved mentions
    carry body paragraph indexes. Never raises: odd input gives an empty index."""
    try:
        return _build(str(article_id), [t if isinstance(t, str) else "" for t in (texts or [])], has_title)
    except Exception:  # noqa: BLE001 - never sink a parse on one odd article
        return EntityIndex(str(article_id), [], {}, {}, [])


def _build(article_id: str, texts: list[str], has_title: bool) -> EntityIndex:
    texts = [t[:LONG_TEXT_CHARS] for t in texts]
    body_cands: list[_Candidate] = []
    title_runs: list[tuple[str, _Run]] = []
    runs_by_text: dict[str, tuple[tuple[_Token, ...], ...]] = {}
    for index, text in enumerate(texts):
        runs = runs_by_text.get(text)
        if runs is None:
            runs = runs_by_text[text] = _name_runs(text)
        title_case = bool(runs) and _is_title_case_text(text)
        for toks in runs:
            run = _Run(toks, index)
            if title_case:
                title_runs.append((text, run))
                continue
            cand = _candidate(text, run, False)
            if cand is not None:
                body_cands.append(cand)

    # "Ukraine Jane Doe" when the article also writes "Ukraine" and "Jane Doe"
    # on their own (or "Doe", after "envoy to"), and "Singer Jane Doe" at a
    # sentence start (an occupation, or a word it writes in lower case, or
    # before "Jane Doe" written alone): a word in front of a name, not a
    # longer name.
    all_keys = {c.key for c in body_cands}
    single_keys = {c.key for c in body_cands if len(c.words) == 1}
    # a word used alone for a person ("Mary thanked her family") is a first name
    person_singles = {c.key for c in body_cands
                      if len(c.words) == 1 and (c.speaks or c.pronoun_hint or c.role_hint)}
    lower_words: set[str] | None = None

    def words_in_lower_case() -> set[str]:
        # the article's lower-case words, gathered once and only when needed
        nonlocal lower_words
        if lower_words is None:
            lower_words = {w for t in texts for w in LOWER_WORD_RE.findall(t)}
        return lower_words
    for k, c in enumerate(body_cands):
        if len(c.words) < 3:  # c.words are those of its name tokens
            continue
        toks = _name_tokens(c.run)
        first = name_key(toks[0].word)
        rest = _Run(c.run.tokens[c.run.tokens.index(toks[1]):], c.run.text_index)
        rest_known = name_key(" ".join(t.word for t in rest.tokens)) in all_keys
        if first in single_keys:
            text = texts[c.run.text_index]
            # (an institution keeps its place: "from Lakeview Regional Airport" when "Lakeview"
            # and "Airport" are also written alone)
            strip = rest_known or (
                name_key(toks[-1].word) in single_keys and first not in person_singles
                and not INITIALS_RE.match(toks[1].word.rstrip("."))
                and _lower_plain(toks[-1].word).rstrip(".") not in ORG_WORDS
                and PREPOSITION_BEFORE_RE.search(text, max(0, c.run.start - 8), c.run.start) is not None)
        elif toks[0].sentence_initial and not c.role_hint:
            first_word = toks[0].word.lower()
            strip = rest_known or first_word in words_in_lower_case() or first_word in OCCUPATION_WORDS
        else:
            strip = False
        if strip:
            body_cands[k] = _candidate(texts[c.run.text_index], rest, False) or c

    # "A HUNTER who ...": words in capitals that the article also writes in
    # lower case are shouted, not names (short ones may be acronyms: "WHO")
    shouted = [c for c in body_cands if all(
        len(w) >= SHOUTED_WORD_MIN_CHARS and w.isupper() and w.isalpha() for w in c.words)]
    if shouted:
        drop = {id(c) for c in shouted if all(w.lower() in words_in_lower_case() for w in c.words)}
        body_cands = [c for c in body_cands if id(c) not in drop]

    # "Ambassador to the European Union Gordon Sondland" when the article also
    # writes "Sondland" (or "Liu" of "Liu Xiaming") alone: the last two words
    # (three with a middle initial) are the person, the rest is where she serves
    # ("Secretary of State Mike Pompeo": the office may be in the run itself)
    not_person_words = ORG_WORDS | THING_WORDS | EVENT_WORDS | GROUP_WORDS | COMPANY_SUFFIXES
    for k, c in enumerate(body_cands):
        toks = _name_tokens(c.run)
        if len(toks) < 3:
            continue
        text = texts[c.run.text_index]
        office_in_run = len(c.run.tokens) > 2 and _is_role(c.run.tokens[0].word) and _is_connector(c.run.tokens[1])
        if not office_in_run and OFFICE_PREPOSITION_BEFORE_RE.search(
                text, max(0, c.run.start - OFFICE_PREPOSITION_LOOKBACK), c.run.start) is None:
            continue
        size = 3 if len(toks) >= 4 and INITIALS_RE.match(toks[-2].word.rstrip(".")) else 2
        person = toks[-size:]
        if any(_lower_plain(t.word).rstrip(".") in not_person_words or _is_connector(t) for t in person) \
                or person[0] is toks[0]:
            continue
        if name_key(person[-1].word) in single_keys or name_key(person[0].word) in single_keys:
            rest = _Run(c.run.tokens[c.run.tokens.index(person[0]):], c.run.text_index)
            body_cands[k] = _candidate(text, rest, False) or c

    # "Jane Doe of NASA" when the article also writes "Doe" (or "Jane Doe") on
    # its own: a person and where she works, not one long name. Organisation
    # names with "of" ("Federal Bureau of Investigation") have no such echo.
    for k, c in enumerate(body_cands):
        toks = c.run.tokens
        if len(toks) < 3:  # no room for two words and a connector
            continue
        cut = next((i for i, t in enumerate(toks) if not t.capital and t.word.lower() in NON_PERSON_CONNECTORS), -1)
        if cut >= 2 and all(t.capital for t in toks[:cut]):
            head = _Run(toks[:cut], c.run.text_index)
            if name_key(toks[cut - 1].word) in single_keys or name_key(" ".join(t.word for t in toks[:cut])) in all_keys:
                body_cands[k] = _candidate(texts[c.run.text_index], head, False) or c

    # Title-case texts (headlines): only names the body knows, plus "First
    # Last" when the body uses Last alone.
    name_parts = {name_key(w) for c in body_cands if len(c.words) >= 2 for w in c.words}
    known_keys = {c.key for c in body_cands}
    title_cands: list[_Candidate] = []
    for text, run in title_runs:
        toks = run.tokens
        i = 0
        while i < len(toks):
            matched = 0
            for j in range(min(len(toks), i + MAX_SUBSPAN_TOKENS), i, -1):
                key = name_key(" ".join(t.word for t in toks[i:j]))
                if key in known_keys and (j - i > 1 or key not in STOP_WORDS):
                    matched = j
                    break
                second = name_key(toks[i + 1].word) if j == i + 2 else ""
                if second in single_keys and second not in name_parts and not _is_role(toks[i].word) \
                        and not _is_stop(toks[i].word) and not PARTICIPLE_RE.match(toks[i].word) \
                        and not _written_lower_before(texts, toks[i].word, toks[i + 1].word):
                    matched = j
                    break
            if matched:
                cand = _candidate(text, _Run(toks[i:matched], run.text_index), True)
                if cand is not None:
                    title_cands.append(cand)
                i = matched
            else:
                i += 1

    # Words seen capitalised in mid-sentence (or in a longer name): evidence
    # that a sentence-initial capital is a name and not just grammar.
    mid_sentence = {c.key for c in body_cands if not c.sentence_initial}
    name_parts |= {name_key(w) for c in title_cands if len(c.words) >= 2 for w in c.words}
    cands = [c for c in body_cands
             if (len(c.words) >= 2 or not c.sentence_initial or c.key in mid_sentence
                 or c.key in name_parts or c.lead
                 # "Prosecutors told reporters" of an article that writes "the prosecutors"
                 or (c.speaks and c.words[0].lower() not in words_in_lower_case()))
             and not (len(c.words) == 1 and c.key in MONTH_NAMES and not (c.speaks or c.role_hint))]
    cands += title_cands
    # "the CEO", "The We Company" (the run starts after "We"): no name
    cands = [c for c in cands if not (len(c.words) == 1 and (
        _is_role(c.words[0]) or _lower_plain(c.words[0]).rstrip(".") in COMPANY_SUFFIXES))]

    groups: dict[str, list[_Candidate]] = {}
    for c in cands:
        groups.setdefault(c.key, []).append(c)

    # Full names: short forms attach to them.
    full_keys = [k for k, cs in groups.items() if _name_like(cs)]
    full_key_set = set(full_keys)
    # a full name inside a longer full name with the same last word is the same person
    parent: dict[str, str] = {}
    by_length = sorted(full_keys, key=lambda k: (-len(groups[k][0].words), -len(k)))
    # only names with the same first and last word can hold each other:
    # looking there alone keeps a page of thousands of names linear
    by_ends: dict[tuple[str, str], list[str]] = {}
    for k in by_length:
        words = groups[k][0].words
        by_ends.setdefault((name_key(words[0]), name_key(words[-1])), []).append(k)
    for k in by_length:
        words = groups[k][0].words
        for longer in by_ends[(name_key(words[0]), name_key(words[-1]))]:
            if longer != k and len(groups[longer][0].words) > len(words):
                parent[k] = parent.get(longer, longer)
                break

    # "Big Machine" for "Big Machine Records": a business's name without its
    # last word is the business, unless the article gives it an office or a
    # role ("Dick Clark, its founder,"), which only people have
    for k, cs in groups.items():
        words = cs[0].words
        if len(words) >= 3 and _lower_plain(words[-1]).rstrip(".") in BUSINESS_TAIL_WORDS and k not in parent:
            short = name_key(" ".join(words[:-1]))
            if short in full_key_set and short not in parent and not any(c.role_hint for c in groups[short]):
                parent[short] = k

    def root(key: str) -> str:
        return parent.get(key, key)

    surname_of: dict[str, list[str]] = {}
    first_of: dict[str, list[str]] = {}
    initials_of: dict[str, list[str]] = {}
    for k in full_keys:
        words = groups[k][0].words
        r = root(k)
        surname_of.setdefault(name_key(words[-1]), []).append(r)
        if not INITIALS_RE.match(words[0].rstrip(".")):
            first_of.setdefault(name_key(words[0]), []).append(r)
        initials_of.setdefault(_initials(words).lower(), []).append(r)

    # "DEA" for "Drug Enforcement Administration": the capitals of a longer name
    # that is not a person's (connectors such as "of" have none)
    for k, cs in groups.items():
        if k not in full_key_set and len(cs[0].words) >= 2:
            capitals = "".join(w[0] for w in cs[0].words if w[:1].isupper())
            if len(capitals) >= 2:
                initials_of.setdefault(capitals.lower(), []).append(root(k))

    # "Acme" for "Acme Corp": a company's first word stands for it
    company_of: dict[str, list[str]] = {}
    for k, cs in groups.items():
        words = cs[0].words
        if 2 <= len(words) <= MAX_COMPANY_WORDS and _lower_plain(words[-1]).rstrip(".") in COMPANY_SUFFIXES \
                and k not in full_key_set:
            company_of.setdefault(name_key(words[0]), []).append(k)

    mention_total: Counter = Counter()
    for k in groups:
        mention_total[root(k)] += len(groups[k])

    unresolved: list[UnresolvedMention] = []
    alias_root: dict[str, str] = {}
    alternatives: dict[str, tuple[str, ...]] = {}
    for k, cs in groups.items():
        if len(cs[0].words) != 1 or k in parent:
            continue
        word = cs[0].words[0]
        options: list[str] = []
        for table in (surname_of, first_of, company_of):
            options = sorted(set(table.get(k, [])), key=lambda r: (-mention_total[r], r))
            if options:
                break
        if not options and ACRONYM_RE.match(word.rstrip(".")):
            options = sorted(set(initials_of.get(k, [])), key=lambda r: (-mention_total[r], r))
        if not options:
            continue
        alias_root[k] = options[0]
        if len(options) > 1:
            alternatives[k] = tuple(options)
            first = cs[0]
            unresolved.append(UnresolvedMention(
                article_id=article_id, stage="entities",
                paragraph_index=_paragraph_index(first.run.text_index, has_title),
                char_start=first.run.start, char_end=first.run.start + len(first.surface),
                mention=first.surface, reason="ambiguous",
                candidates=tuple(max(groups[o], key=lambda c: len(c.surface)).surface for o in options),
            ))

    # Assemble entities: one per root key.
    members: dict[str, list[str]] = {}
    for k in groups:
        r = alias_root.get(k, root(k))
        members.setdefault(r, []).append(k)

    entities: list[_Entity] = []
    by_key: dict[str, str] = {}
    for r, keys in members.items():
        all_cands = [c for k in keys for c in groups[k]]
        kind = _kind(all_cands, person_evidence=len(keys) > 1 and r in full_key_set)
        if len(all_cands[0].words) == 1 and r.endswith("s") and r[:-1] in surname_of:
            kind = GROUP  # "the Does": a family or a band named after one
        surfaces = Counter(c.surface for c in all_cands)
        full_forms = [c.surface for k in keys if k == r or k in parent for c in groups[k]] or list(surfaces)
        # the longest, most written full form, in mixed case if the article has
        # one ("Hayward", not the dateline's "HAYWARD") and with its spaces if
        # written so ("Matt Bevin", not the handle's "MattBevin"); the first written on a tie
        canonical = max(dict.fromkeys(full_forms),
                        key=lambda s: (len(name_key(s)), not s.isupper(), not _glued(s),
                                       surfaces[s]))
        entity = _Entity(
            entity_id=make_id(article_id, "entity", name_key(canonical)),
            canonical=canonical, kind=kind, surfaces=surfaces,
            mention_count=len(all_cands),
            first_text_index=min(c.run.text_index for c in all_cands),
        )
        entities.append(entity)
        for k in keys:
            by_key[k] = entity.entity_id
    by_key = {k: v for k, v in by_key.items() if v}
    alt_ids = {k: tuple(by_key[o] for o in opts if o in by_key) for k, opts in alternatives.items()}
    # short forms the article never writes alone still resolve ("Doe" when
    # only "Jane Doe" appears), when they point at one entity
    for table in (initials_of, first_of, surname_of, company_of):
        for short, roots in table.items():
            ids = {by_key[r] for r in roots if r in by_key}
            if len(ids) == 1 and short not in by_key:
                by_key[short] = ids.pop()
    entities.sort(key=lambda e: (e.first_text_index, -e.mention_count, e.canonical))
    return EntityIndex(article_id, entities, by_key, alt_ids, unresolved, runs_by_text)


def _written_lower_before(texts: list[str], word: str, name: str) -> bool:
    """Whether the article writes word in lower case right before name ("Saturn's
    moon Titan"): the headline's "Moon Titan" is title case, not a first name."""
    pattern = re.compile(r"(?<![^\W_])" + re.escape(word.lower()) + r"\s+" + re.escape(name) + r"(?![^\W_])")
    return any(pattern.search(t) for t in texts)


def _paragraph_index(text_index: int, has_title: bool) -> int | None:
    if has_title:
        return None if text_index == 0 else text_index - 1
    return text_index
