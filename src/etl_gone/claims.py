"""Claims and event candidates: who asserts what, and which sentences report
a real-world event with its date.

`extract_claims(article_id, paragraphs, entities, quotes, times, published)`
walks the body sentence by sentence (`sentences.split_sentences`), cuts each
sentence into its quoted and unquoted stretches and those into clauses
("X was recorded in 2000, and was released in 2001" is two clauses), and
returns a `ClaimResult` of:

- `Claim` rows: one per declarative clause (one per event trigger when a
  clause has several). The claimant is the quote's speaker for quoted words,
  the subject of a reporting verb for reported speech ("X revealed that
  ...", "X credits Y as ...", "according to X"), else None: the outlet's own
  voice. A clause naming who caused something ("it was Y who gave him the
  idea", "X credits Y as the reason") is predicate 'cause' with the cause as
  subject and the content words of what was caused as topic: the SQL finds
  competing accounts with it.
- `EventCandidate` rows: one per event trigger (a verb or noun of the
  `EVENT_TYPES` taxonomy) that is asserted (not negated, not a wish, not a
  question) and either has a date in its clause or, undated, names a work or
  venue to join an event other sentences date. Its date is the time
  expression of the clause closest to it in words (a comma counts extra, a
  date after its verb binds tighter); "since 1993" or "by 2024" date nothing.

Works are found three ways: titles in quotation marks (`quotes.works`),
capitalised spans after a kind noun ("the album Foo Bar", "final album,
Foo"), and later bare mentions of a title the article already introduced.
"It"/"the song" before a trigger means the last work of that kind; a
passive or intransitive trigger ("Foo was released", "Foo came out") takes
the title before it. A title after "off"/"from" ("the second single off of
Foo") names the container, never the thing the trigger is about.

A named occasion written with its date beside it ("the Foo Anniversary
Celebration (September 2001)", "the 2001 Foo Music Awards") is an event of
its own (type 'occasion', its name as venue), unless an event of the same
paragraph took that date; the SQL dates undated mentions at that occasion
with it.

`block='caption'` reads photo captions the same way (they date events the
body does not: "X performs at Y, April 26, 2014"), with ids of their own.
`extract_occasions` reads only the occasions of other labels (the line
under an embedded clip).

Pure: strings in, frozen records out; never raises (a paragraph that breaks
a rule is skipped, the rest of the article goes on); linear in the input.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from itertools import islice, takewhile
from typing import Any

from etl_gone.ids import make_id
from etl_gone.quotes import SCARE
# where the last sentence before a position starts (the quotes' own pattern)
from etl_gone.quotes import SENTENCE_END_BEFORE_RE as LAST_SENTENCE_START_RE
from etl_gone.amounts import NUMBER_WORDS, find_amounts
from etl_gone.records import CAPTION, Amount, Claim, EventCandidate
from etl_gone.sentences import split_sentences

# ---------------------------------------------------------------- pattern building


def _top_level_alternatives(source: str) -> list[str]:
    """The alternatives of a regex source outside any group: "a|(?:b|c)d" -> a, (?:b|c)d."""
    out: list[str] = []
    depth = start = i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 1  # the escaped character is never a bracket or a bar
        elif ch == "[":
            i += 1
            while source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            out.append(source[start:i])
            start = i + 1
        i += 1
    out.append(source[start:])
    return out


def _by_first_letter(sources: Sequence[str]) -> str:
    """The alternatives of all `sources` as one alternation grouped by first
    letter: re tries alternatives one by one, so a word start then costs one
    test per letter instead of one per alternative. The order of alternatives
    changes: use it where at most one can match at a place, or only to ask
    whether anything matches."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for source in sources:
        for alternative in _top_level_alternatives(source):
            if alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "+", "{"):
                groups.setdefault(alternative[0], []).append(alternative[1:])
            else:
                others.append(alternative)
    return "|".join([f"{letter}(?:{'|'.join(rest)})" for letter, rest in groups.items()] + others)


# ---------------------------------------------------------------- taxonomy

RELEASE = "release"
RECORDING = "recording"
WRITING = "writing"
PERFORMANCE = "performance"
DEATH = "death"
AWARD = "award"
NOMINATION = "nomination"
CHART_POSITION = "chart_position"
BROADCAST = "broadcast"
COLLABORATION = "collaboration"
ELECTION = "election"
VICTORY = "victory"
APPOINTMENT = "appointment"
RESIGNATION = "resignation"
ACQUISITION = "acquisition"
LAUNCH = "launch"
ARREST = "arrest"
LAWSUIT = "lawsuit"
BIRTH = "birth"
MARRIAGE = "marriage"
FOUNDING = "founding"
SIGNING = "signing"
ANNOUNCEMENT = "announcement"
VERDICT = "verdict"
TESTIMONY = "testimony"
DECISION = "decision"
INVESTIGATION = "investigation"
PROTEST = "protest"
INCIDENT = "incident"
INJURY = "injury"
TEST_RESULT = "test_result"
FUNERAL = "funeral"
MEETING = "meeting"
BREAKUP = "breakup"
CANCELLATION = "cancellation"
START = "start"
OCCASION = "occasion"
DISCOVERY = "discovery"
STATEMENT = "statement"

# The event types and what makes one (the merge in SQL only joins mentions of one type).
EVENT_TYPES: dict[str, str] = {
    RELEASE: "a work comes out, or a document is made public: released, came out, dropped, debuted, "
             "introduced as a single; the transcript was released, a study published on Monday",
    RECORDING: "a work is recorded or produced",
    WRITING: "a work is written: wrote, penned, composed",
    PERFORMANCE: "a performance, concert or tour: performed, performance, headlined, toured",
    DEATH: "a death: died, death, passed away, was killed, murdered, stabbed to death, took his own life",
    AWARD: "an award, prize or title is won or received",
    NOMINATION: "a nomination for an award",
    CHART_POSITION: "a chart placing: hit/peaked at No. N, entered the chart",
    BROADCAST: "a show airs: aired, premiere, kicks off a season, an appearance on a show",
    COLLABORATION: "a joint work: duet, featuring, teamed up, appears on a track",
    ELECTION: "an election is won: elected, re-elected, won the election, certified as the winner",
    VICTORY: "a contest is won: won, beat, defeated",
    APPOINTMENT: "someone takes a post: appointed, sworn in, hired as",
    RESIGNATION: "someone leaves a post: resigned, stepped down, is stepping down, was fired, has been sacked",
    ACQUISITION: "a company or asset changes hands: acquired, bought, merger",
    LAUNCH: "a product or campaign starts: launched, unveiled, introduced a feature",
    ARREST: "an arrest or charge: arrested, charged with, indicted, taken into custody, detained, arraigned, "
            "a fugitive captured",
    LAWSUIT: "a lawsuit: sued, filed a lawsuit",
    BIRTH: "a birth: was born",
    MARRIAGE: "a wedding: married, wed",
    FOUNDING: "an organisation is founded",
    SIGNING: "a deal, contract or law is signed, or a deal or settlement reached",
    ANNOUNCEMENT: "a formal announcement",
    STATEMENT: "a formal statement or an apology made public: issued a statement, released a statement, apologized",
    VERDICT: "a court's decision or a plea: convicted, acquitted, sentenced, pleaded guilty, ruled",
    TESTIMONY: "testimony is given: testified, testimony, a public hearing",
    DECISION: "a vote or a formal decision, or one taking effect: voted, passed the bill, approved the plan, "
              "rejected the request, upheld the ban, took effect, the rules changed, was added to the banned list",
    INVESTIGATION: "an investigation is opened: opened an inquiry, launched a probe, was investigated, "
                   "a post-mortem examination or autopsy",
    PROTEST: "a protest or strike: protests, protested, demonstrations, went on strike",
    INCIDENT: "an accident, attack or disaster: crash, explosion, collapsed, caught fire, a fire or blaze, shot down, "
              "a person abducted or gone missing, "
              "a storm or flood that hit or swept through, a volcano erupted, "
              "fighting broke out, earthquake, outbreak; in the lede, has been diagnosed, has been hit by",
    INJURY: "someone is hurt: was injured, was wounded, was hospitalised",
    TEST_RESULT: "a test's result: failed a drug test, tested positive for",
    FUNERAL: "a funeral, memorial service or burial: the funeral was held on Friday, was laid to rest",
    MEETING: "a meeting, call or visit: met with, visited, a trip to, a summit, the July 25 call with ..., "
             "discussed the plan with, a press conference, received a letter",
    BREAKUP: "a group or couple parts: split up, broke up, disbanded, divorced",
    CANCELLATION: "a plan or an occasion is called off: cancelled, called off, postponed, scrapped; "
                  "an investigation, charges or a bid are dropped, or were dropped",
    DISCOVERY: "something or someone is found: the lede's has confirmed, has discovered, has detected; "
               "a body found or recovered",
    START: "an occasion or a process named as such begins: the trial began, the Davis Cup Final began on "
           "Monday, voting got under way",
    OCCASION: "a named occasion written with its date: \"the Foo Anniversary Celebration (September 2001)\", "
              "\"the 2001 Foo Music Awards\"",
}

# Before a verb: not after "was", "were" ... (a passive: "protesters were met with tear gas").
NOT_PASSIVE = r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bbeing )"
# What a visitor tours, where a band tours a country: "Erdogan toured the town".
VISITED_PLACE_NOUNS = (r"town|city|village|site|area|region|scene|mine|plant|factory|facility|hospital|camp|school"
                       r"|border|neighbou?rhood|damage|wreckage|ruins|district|base|shelter|prison|farm")
# Offices one becomes ("became Orion's chief executive"): an appointment.
OFFICE_NOUNS = (r"chief executive|chief|ceo|president|chairman|chairwoman|chair|director|head|coach|manager|"
                r"minister|prime minister|premier|mayor|governor|senator|speaker|leader|captain|editor|secretary|"
                r"commissioner|ambassador|chancellor|justice|judge|chief justice|general|commander|owner")
def _after_one_of(words: Sequence[str]) -> str:
    """A pattern that matches right after one of `words` and a space, without
    taking them: the words are a name or a noun of their own ("Grammy
    nomination", "plane went down"), and a lookbehind must have a fixed width."""
    return "(?:" + "|".join(f"(?<={re.escape(w)} )" for w in words) + ")"


# "erupted" is a volcano's only in a paragraph that speaks of one ("Mount
# Ontake erupted"; not "a twitter storm over the tweet had already erupted").
ERUPTED_RE = re.compile(r"erupted|erupts")
VOLCANIC_RE = re.compile(r"\b(?:[Vv]olcan\w*|Mount|Mt\.?|[Cc]raters?|[Ll]ava|[Mm]agma|[Aa]sh)\b")
# Words before "blast" that make it the noun of an explosion, not a verb of criticism.
BLAST_LEAD_WORDS = ("the", "a", "'s", "\u2019s", "initial", "first", "second", "third", "huge", "massive", "deadly",
                    "powerful", "gas", "bomb", "fatal")
# Events that befall a person, told in the passive ("was convicted", "was
# fired", see PASSIVE_BEFORE_RE): with no one named in the clause, the
# sentence's subject is who, when the name heads it (SUBJECT_HEAD_AFTER_RE).
PASSIVE_PERSON_EVENT_TYPES = frozenset({"verdict", "arrest", "resignation", "appointment", "injury", "death"})
SUBJECT_HEAD_AFTER_RE = re.compile(r",|\s+(?:has\s+|have\s+|had\s+)?(?:been|was|were|is|are)\b")
# What goes down or sinks: "a small plane went down near the airport", "the ferry sank".
VESSEL_NOUNS = ("plane", "jet", "aircraft", "airliner", "helicopter", "ship", "ferry", "boat", "vessel", "submarine")
# "an investigation into the crash", "killed in the explosion": an incident the
# article has told of, named again by its noun as what something else is about
# (not "two days after the bridge collapsed", nor "from Wednesday's earthquake",
# which dates it)
TOLD_INCIDENT_BEFORE_RE = re.compile(r"\b(?:(?:into|over|about|of|after|following|since|in|from|by)\s+"
                                     r"(?:the|this|that|its|their)"
                                     # "arrested a boy on Monday over a cyber attack": the arrest's cause
                                     r"|over\s+an?)\s+(?:[\w-]+\s+)?$")
INCIDENT_NOUN_RE = re.compile(r"crash|explosion|shooting|bombing|earthquake|outbreak|blaze|wildfire|bushfire|inferno|"
                              r"derailment|stabbing|massacre|shootout|cyber[- ]?attacks?|(?:data|security) breach|"
                              r"ransomware attack")
# What an incident did, right after its noun: "an earthquake hit central Italy on August 24"
INCIDENT_VERB_AFTER_RE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:hit|hits|struck|strikes|rocked|shook|killed|destroyed|"
                                    r"damaged|devastated|swept|tore|ripped|occurred|happened|erupted|broke out)\b")
# Awards whose name comes before "nomination" ("her first Grammy nomination").
NOMINATED_AWARDS = ("Grammy", "Oscar", "Academy Award", "Emmy", "Tony", "BAFTA", "Golden Globe", "Brit Award",
                    "Juno", "Pulitzer", "Booker", "Hugo", "Nebula")
# (event type, normalised predicate, trigger pattern). Earlier rows win when
# two triggers overlap. Bare infinitives ("to record") are left out on
# purpose: they mostly name wishes and plans, not events.
TRIGGER_TABLE: tuple[tuple[str, str, str], ...] = (
    # before the release row, whose "dropped" it would otherwise take
    (CANCELLATION, "drop", r"(?:dropped|abandoned) (?:an? |the |its |their |his |her |all )?(?:\w+ ){0,2}"
                           r"(?:investigation|inquiry|probe|case|charges?|lawsuit|suit|prosecution|appeal|bid|"
                           r"plans?|proposal)s?|"
                           # "the Swedish cases were dropped in 2015"
                           r"(?:investigation|inquiry|probe|case|charge|lawsuit|suit|prosecution|bid|plan|proposal)s? "
                           r"(?:was|were|(?:has|have|had) been) (?:dropped|abandoned)"),
    (RELEASE, "release", r"re-?released|releases|releasing|released|came out|comes out|come out|"
                         r"coming out|dropped|drops|introduced as|hit (?:stores|shelves|theaters|theatres)|"
                         r"published"),
    (RECORDING, "record", r"re-?recorded|recorded|records|produced|co-produced|"
                          # (not a noun before a noun: "recording stars", "a recording contract")
                          r"recording(?! (?:stars?|artists?|industry|studios?|contracts?|deals?|academy|labels?|"
                          r"company|companies|engineers?|career)\b)"),
    (WRITING, "write", r"co-?wrote|co-?written|wrote|written|writes|penned|pens|composed"),
    (PERFORMANCE, "perform", r"performed|performs|performing|performances?|concerts?|headlined|headlines|"
                             r"took the stage|takes the stage|touring|"
                             # (a visit, not a tour: "Erdogan toured the town", "toured the damaged plant",
                             # "after his tour of the fire damage in Lahaina")
                             rf"tours?(?! of (?:the |a |an )?(?:[\w-]+ )?(?:{VISITED_PLACE_NOUNS})\b)|"
                             rf"toured(?! (?:the |a |an )?(?:[\w-]+ )?(?:{VISITED_PLACE_NOUNS})\b)"),
    (DEATH, "die", r"died|dies|(?:stabbed|beaten|shot|burned|hacked|crushed) to death|death|passed away|"
                   r"(?:was|were|been) (?:pronounced|presumed|confirmed|declared) dead|"
                   r"killed(?! it\b| off\b| time\b)|murdered|assassinated|found dead|shot dead|"
                   r"committed suicide|took (?:his|her|their) own li(?:fe|ves)"),
    (NOMINATION, "nominate", r"(?:was|were|been|is|are|be) nominated|nominated for|nominations? for|"
                             # "earned her first Grammy nomination in 2016" (the trigger after the
                             # award's name, which is a name of its own)
                             + _after_one_of(NOMINATED_AWARDS) + r"nominations?"),
    (BROADCAST, "air", r"aired|airs|airing|premiered|premieres|premiere|broadcast|broadcasts|televised|"
                       r"season finale|kick(?:s|ed|ing)? off (?:the |a |its |their |his |her )?"
                       r"(?:\w+ ){0,3}(?:season|series|show|episode)"),
    (COLLABORATION, "collaborate", r"duets?|dueted|featuring|feat\.|collaborated|collaborates|collaboration|"
                                   r"teamed up|teams up|joined forces"),
    (ELECTION, "elect", r"elected|re-elected|reelected|won (?:the |a )?(?:\w+ ){0,2}(?:election|primary|vote)|"
                        # "voters chose Elena Marquez" ("won office" is a win of an office)
                        r"voters (?:chose|picked|backed|elected|re-elected|returned)|"
                        # "the board certified Franken as the winner", "certified the final results"
                        r"certified (?:[\w'\u2019-]+ ){0,3}?as (?:the )?(?:winner|victor)|"
                        r"certified (?:the )?(?:final |official )?(?:results?|count|tally|vote)|"
                        r"declared (?:[\w'\u2019-]+ ){0,3}?(?:the )?(?:winner|victor)|"
                        # an election its date names: "at last year's general election", "Sunday's election"
                        r"(?:(?<=day's )|(?<=day\u2019s )|(?<=year's )|(?<=year\u2019s ))"
                        r"(?<!next year's )(?<!next year\u2019s )"
                        r"(?:general |presidential |parliamentary |local |"
                        r"mayoral |federal |legislative |snap |national )?elections?"),
    (APPOINTMENT, "appoint", r"appointed|sworn in|hired as|named (?:as )?(?:the )?(?:new )?(?:chief|head|director|"
                             r"coach|manager|president|chairman|ceo|minister)|"
                             # "took charge in 2019", "took office in January", "took over as coach"
                             r"(?:took|takes|taking) (?:over )?charge(?! of\b)|(?:took|takes|taking) (?:the )?helm|"
                             r"(?:took|takes|taking|assumed|assumes) office|(?:took|takes|taking) over as|"
                             # "became Orion's chief executive in 2019", "became head coach"
                             rf"became (?:(?:the|a|an|its|his|her|their) )?(?:[\w'\u2019.-]+ ){{0,3}}?"
                             rf"(?:{OFFICE_NOUNS})"),
    (RESIGNATION, "resign", r"resigned|resigns|resigning|stepped down|steps down|was fired|were fired|was sacked|"
                            # "handed the resignation of his government to the king", "tendered his resignation"
                            r"(?:handed|hands|tendered|tenders|submitted|submits|offered|offers|announced|announces|"
                            r"announcing)(?: in)? "
                            r"(?:the |his |her |their |its )?(?:[\w-]+ ){0,2}?resignations?|"
                            # a government's fall: "the Dutch government collapsed", "Dutch govt quits"
                            r"(?:(?<=government )|(?<=govt )|(?<=cabinet )|(?<=coalition ))"
                            r"(?:collapsed|collapses|quit|quits|fell|falls|resigned)|"
                            # a planned departure: "she will resign on 7 June", "will step down as leader"
                            r"(?<=will )(?:resign|step down|step aside)|(?<=would )(?:resign|step down|step aside)|"
                            # "also agreed to resign", "the council accepted resignations from three officials"
                            r"agreed to (?:resign|step down|step aside)|"
                            r"accepted (?:the |his |her |their )?resignations?|"
                            # "has been sacked as manager", "the club sacked Moyes", "ousted its chief"
                            r"(?<=been )(?:sacked|fired|dismissed|ousted|axed)|"
                            r"(?:was|were) (?:dismissed|ousted|axed)|(?:sacked|ousted|axed)(?= [A-Z][a-z])|"
                            r"fired(?= [A-Z][a-z]+ [A-Z][a-z])|"
                            # "fired the company's then-President and CEO Michael Woodford"
                            rf"(?:fired|sacked|ousted|dismissed)(?= (?:the |its |his |her |their )?"
                            rf"(?:[\w-]+['\u2019]s )?(?:(?:then-|former |acting |interim |vice |deputy )?"
                            rf"(?i:{OFFICE_NOUNS})(?: and|,)? ){{1,3}}"
                            r"[A-Z][a-z]+ [A-Z])|"
                            r"retired from|quit(?= (?:the|his|her|their|as) )|(?:is|are) stepping down|"
                            # a government's fall: "who in 2009 brought down the right-wing government"
                            r"(?:brought|brings|bring) down (?:the |a |his |her |their )?(?:[\w-]+ ){0,2}?government|"
                            r"toppled (?:the |a |his |her |their )?(?:[\w-]+ ){0,2}?government|"
                            # "who left the company in 2016"
                            r"left(?= (?:the|his|her|their) (?:company|firm|band|group|party|club|team|board|"
                            r"post|job|role|government|cabinet|administration|show)\b)"),
    (ACQUISITION, "acquire", r"acquired|acquires|acquisition of|bought|buys|takeover of|merger with|merged with|"
                             # "sold his 50 per cent share to his wife"
                             r"sold (?:his |her |its |their |the |a |an )?(?:[\w-]+ ){0,3}?(?:shares?|stakes?|"
                             r"company|business|firm|unit|division|subsidiary|assets)(?= to\b)|"
                             # "agreed on Tuesday to acquire"
                             r"agreed (?:[\w,.]+ ){0,3}?to (?:acquire|buy|purchase|take over|merge with)"),
    (INVESTIGATION, "investigate", r"(?:opened|launched|began|started|announced|re-?opened|reopened|ordered) "
                                   r"(?:an? |the |its |their )?(?:\w+ ){0,2}(?:[Ii]nvestigation|[Ii]nquiry|[Pp]robe)s?|"
                                   r"(?:was|were|is|are|been|being) investigated|"
                                   r"(?:investigation|inquiry|probe) (?:was|were) (?:opened|launched|re-?opened)|"
                                   # "the FBI raided City Hall", "agents searched his home" (not "searched
                                   # the internet": only officers search)
                                   r"post-?mortems?(?: examinations?)?|autops(?:y|ies)|"
                                   r"raided|raids on|(?:a |the )raid on|(?:agents|officers|police|detectives|"
                                   r"investigators|troopers) (?:\w+ )?searched"),
    (LAUNCH, "launch", r"launched|launches|unveiled|unveils|"
                       # "introduced business accounts in 2016", not "introduced him to the band"
                       r"introduced (?:a |an |the |its |their |his |her )?(?:[\w-]+ ){0,2}(?:bill|legislation|"
                       r"feature|accounts?|products?|services?|policy|rules?|ban|tax|tariffs?|system|model|"
                       r"programme|program|scheme|currency|version)s?"),
    (ARREST, "arrest", r"arrested|charged with|indicted|taken into custody|(?:was|were) detained|"
                       # "was charged on Friday with", "was arraigned in Municipal Court", "the arrest on Friday"
                       r"charged(?= (?:on |in |last |early |late )?[\w.]+ with\b)|arraigned|booked into|"
                       r"(?<=the )arrest(?= (?:on|of|in|at)\b)|"
                       # a fugitive caught: "was recaptured on Friday", "snared drug lord Joaquin Guzman
                       # in a raid Friday, recapturing one of ..." (not "was caught on camera")
                       r"recaptured|recapturing|(?:was|were|been|being) (?:captured|caught)(?! (?:on|in|up|off|out)\b)|"
                       # "gave themselves up", "turned themselves in to police", "surrendered to police"
                       r"(?:gave|give|gives|giving) (?:himself|herself|themselves) up|"
                       r"(?:turned|turns|turn|turning) (?:himself|herself|themselves) in|"
                       r"surrendered(?= (?:to|at|on|in)\b)|"
                       # a first appearance before a court: "appeared in Tauranga District Court on Wednesday"
                       r"appeared (?:in|before) (?:a |the )?(?:[\w'\u2019-]+ ){0,3}?(?:[Cc]ourt|judge|magistrates?)\b"),
    (LAWSUIT, "sue", r"sued|sues|filed (?:a )?(?:\w+ )?lawsuit|"
                     # a filing in a case: "filed a document in federal court", "filed a motion to dismiss"
                     r"filed (?:a|an|the|its|his|her|their) (?:[\w-]+ ){0,2}"
                     r"(?:complaint|motion|petition|response|answer|document|brief|countersuit)s?\b"),
    # "filed a notice of appeal", "appealed the ruling" (not "the idea appealed to him")
    (LAWSUIT, "appeal", r"filed (?:an? |the )?(?:notice of )?appeal|lodged (?:an? |the )?appeal|"
                        r"appealed (?:the|against|a|an|his|her|their|its)\b"),
    # "Born in Glasgow in 1931, Calder studied ...": a participle opening its sentence
    (BIRTH, "bear", r"was born|were born|(?<![\w,] )born(?= (?:in|on|at)\b)"),
    # "married the painter Erik Lund in 1958"
    # (the name after "married" is looked at, not taken: a trigger ends at a word's end)
    (MARRIAGE, "marry", r"got married|were married|was married|marries|married(?= [A-Z])|wed(?= [A-Z])|"
                        r"married(?= (?:the |a |an |fellow )?(?:[a-z-]+ ){1,2}[A-Z])"),
    (FOUNDING, "found", r"founded|co-founded|"
                        # "Created in 1948, the NHS ...", "the company was set up in 2007"
                        # (a clause's first letter is matched in lower case)
                        r"^(?:created|established|set up|formed)(?= in (?:[A-Z][a-z]+ )?\d{4}\b)|"
                        r"(?:was|were) (?:established|set up|formed|created)(?= in (?:[A-Z][a-z]+ )?\d{4}\b)|"
                        # "he originally set up the company, named Wintris, with his wife in 2007"
                        r"(?:set up|sets up|setting up|established|establishes|co-founded) (?:a |an |the |his |her |its |"
                        r"their )?(?:[\w-]+ ){0,2}?(?:company|firm|business|charity|foundation|fund|trust|"
                        r"organi[sz]ation|party|start-?up)\b"),
    (SIGNING, "sign", r"signed (?:a |an |the )?(?:\w+ ){0,2}(?:deal|contract|agreement|bill|law|treaty|order|pact|"
                      r"accord|memorandum|charter|convention|protocol|declaration|document|statement)|"
                      r"sealed (?:a |an |the )?(?:\w+ ){0,2}(?:deal|agreement|pact|accord)|"
                      # "the two companies had come to an agreement", "reached a settlement"
                      r"(?:reached|reaches|struck|strikes|came to|come to|comes to) (?:a |an |the )?(?:[\w-]+ ){0,2}"
                      r"(?:deal|agreement|settlement|accord|truce|ceasefire|compromise)"),
    (ANNOUNCEMENT, "announce", r"announced|announces|(?:made|makes|making) (?:the|an) announcement"),
    # "Big Machine Records issued a statement on Monday", "PwC apologized Feb. 27 for the flub"
    (STATEMENT, "state", r"(?:issued|released|put out|published) (?:a|an|the|its|his|her|their) (?:[\w-]+ ){0,2}"
                         r"(?:statement|apology)|apologi[sz]ed|apologi[sz]es|"
                         r"(?:expressed|offered|made) (?:a |an |the |his |her |their |its )?(?:[\w-]+ )?apology"),
    # "the convicted financier" names a person, not a verdict
    (VERDICT, "rule", r"(?<!the )(?<!a )(?<!an )convicted|acquitted|found (?:not )?guilty|"
                      r"pleaded (?:not )?guilty|pleads (?:not )?guilty|sentenced|(?:was|were) jailed|"
                      r"ruled (?:that|in favou?r|against)|ruled (?:it )?(?:il)?legal|"
                      # a civil case decided: "won a $7.4 million judgment", "the jury ordered Thicke and
                      # Williams to pay $7.3 million"
                      r"(?:awarded|awards) (?:[\w$.,'\u2019-]+ ){0,4}?(?:judgm?ents?|verdict|damages)\b|"
                      r"(?:ordered|orders) (?:[\w'\u2019.-]+ ){1,8}?to pay\b"),
    (TESTIMONY, "testify", r"testified|testifies|testifying|testimony|(?:public |impeachment |congressional |"
                           r"confirmation |committee |court |senate |house )hearings?"),
    # "a judge rejected Assange's attempt to delay the hearing", "the court upheld the ban"
    (DECISION, "decide", r"voted|(?:was|were|been) approved|approved by|"
                         r"(?:passed|approved|rejected|denied|granted|dismissed|upheld|overturned|blocked) "
                         r"(?:the |a |an )?(?:[\w'\u2019-]+ ){0,2}"
                         r"(?:bill|law|measure|resolution|budget|motion|amendment|referendum|plan|deal|request|"
                         r"attempt|appeal|bid|application|petition|offer|proposal|injunction|ban|merger|declaration|"
                         r"Act|Bill)s?"),
    # "declared a state of emergency", "ordered the evacuation of coastal counties"
    (DECISION, "declare", r"declared (?:a |an )?(?:[\w-]+ )?(?:state of emergency|emergency|disaster|martial law|"
                          r"curfew|lockdown|war|independence|bankruptcy|ceasefire)|"
                          # "imposed a curfew across Bangkok", "a curfew is being imposed"
                          r"imposed (?:a |an )?(?:[\w-]+ )?(?:curfew|lockdown|state of emergency|martial law)|"
                          r"(?:curfew|lockdown) (?:was |is |has been |is being )?imposed|"
                          r"ordered (?:the |an? )?(?:[\w-]+ )?(?:evacuations?|curfew|lockdown|shutdown|recall)|"
                          # "ordered residents of Pine Ridge and Elk Flats to leave"
                          r"ordered (?:[\w'\u2019-]+ ){1,8}?to (?:leave|evacuate|flee)"),
    # a product called back: "Samsung is recalling all Galaxy Note7", "announced a recall"
    # (not "he recalled the night": one remembers the night, a maker recalls its phones)
    (DECISION, "recall", r"recalling (?:all|some|about|more than|nearly|\d)|recalls (?:all|some|about|more than|nearly|\d)|"
                         r"recalled (?:all|some|about|more than|nearly|\d)|"
                         r"(?:announced|issued|ordered) (?:a |an |the )?(?:[\w-]+ ){0,2}recall"),
    (DECISION, "take effect", r"took effect|takes effect|went into effect|goes into effect|came into force|"
                              r"comes into force|"
                              # a rule's change: "meldonium became a prohibited substance", "was added to the list"
                              r"became (?:a |an )?(?:prohibited|banned|illegal|outlawed)|"
                              r"(?:was|were) (?:placed|added|put) (?:on|to) (?:the |a |its )?"
                              r"(?:[\w'\u2019-]+ ){0,3}?list|"
                              r"(?<=the )rules? (?:had |has |have )?changed"),
    # a test's result: "failed a drug test at the Australian Open", "tested positive for meldonium"
    (TEST_RESULT, "test", r"failed (?:a |an |the |his |her |their |its )?(?:[\w-]+ ){0,2}?(?:tests?|checks?)|"
                          r"tested positive|tests positive|positive (?:drugs? |doping )?test"),
    (PROTEST, "protest", r"protests|protested|protesting|demonstrations|demonstration(?! of)|went on strike|"
                         r"go on strike|"
                         # "have begun the first all-out strike", "staged a one-day walkout"
                         r"(?:began|begun|begin|begins|launched|staged|started|starting|beginning) "
                         r"(?:a |an |the |their |its |his |her )?(?:[\w-]+ ){0,3}?(?:strikes?|walkouts?|stoppages?)|"
                         r"walked out|walkout|"
                         # "marched through central Port Alden on Saturday", "rallied outside"
                         r"marched|marching|rallied|took to the streets|"
                         # a building taken by a crowd: "protesters stormed the parliament building"
                         # (not "stormed off the stage")
                         r"stormed(?= (?:the |a |an |[A-Z][\w'\u2019]* ?)(?:[\w'\u2019-]+ ){0,3}?"
                         r"(?:parliament|legislature|building|complex|chamber|council|palace|embassy|headquarters|"
                         r"offices?|compound|capitol|Capitol|Parliament|Legislative)\b)"),
    (INCIDENT, "happen", r"crashed|crash|explosion|exploded|collapsed|caught fire|earthquake|outbreak|"
                         # a volcano ("Mount Ontake erupted", "the eruption"), not anger or violence
                         r"erupted(?! (?:in|into|with)\b)|erupts(?! (?:in|into|with)\b)|eruptions?(?! of\b)|"
                         # a caption's or a headline's present tense: "Antares rocket explodes after takeoff"
                         r"crashes|explodes|collapses|"
                         # a blast as a noun ("Friday's initial blast", "a second blast"), never "blasted"
                         + _after_one_of(BLAST_LEAD_WORDS) + r"blast|"
                         # weather that does harm: "a storm swept through the festival"
                         r"(?:storm|hurricane|typhoon|cyclone|tornado|flood|landslide|mudslide|avalanche|tsunami)"
                         r"(?= (?:\w+ )?(?:hit|hits|struck|strikes|swept|sweeps|tore|ripped|battered|lashed|"
                         r"destroyed|killed|kills|flattened|devastated|slammed|toppled|brought|caused))|"
                         r"shooting|bombing|shot down|stabbing|shootout|massacre|"
                         # a person taken or gone: "vanished on her way to school on March 2, 1998"
                         # (not "the stain disappeared from the record")
                         r"vanished|went missing|disappeared(?! from)|abducted|kidnapped|abduction|"
                         # a service down, an army taking power
                         r"outage|blackout|(?:seized|took|takes|seizes) (?:control|power)|coup(?! attempt)|"
                         # an assault on a named person: "Will Smith slapped Chris Rock"
                         r"(?:slapped|punched|assaulted|bit|kicked|head-?butted|stabbed)(?= [A-Z][a-z])|"
                         # "a gunman opened fire", a train that left its rails
                         r"opened fire|opens fire|derailed|derails|derailment|(?:went|ran|jumped) off the tracks|"
                         r"jumped the tracks|capsized|"
                         # a ship lost or breaking up: "ran aground on a coral reef", "split in two"
                         r"(?:ran|runs|run|went|goes) aground|grounded(?= on\b)|(?:split|broke|breaks|splits) "
                         r"(?:in two|in half|apart)|"
                         # an attack on computers: "a cyber attack on TalkTalk", "was hacked"
                         r"cyber[- ]?attacks?|(?:was|were|been) hacked|(?:data|security) breach|ransomware attack|"
                         r"(?:fire|blaze|fighting|violence|riots?|clashes|brawl|(?<=a )fight|"
                         r"(?<=the )fight) broke out|"
                         # a plane or a ship lost
                         + _after_one_of(VESSEL_NOUNS) + r"(?:went down|sank|ditched)|"
                         # a storm's landfall, and what tears through a place
                         r"made landfall|makes landfall|came ashore|comes ashore|tore (?:across|through)|"
                         r"ripped through|"
                         # "a fire tore through the warehouse", "the blaze", "a warehouse fire on Tuesday"
                         r"(?:fire|blaze|flames|wildfire)s? (?:destroyed|gutted|tore through|ripped through|"
                         r"swept through|engulfed|damaged|razed|started|spread|began)|blaze|wildfire|bushfire|inferno|"
                         # ("the fire on Tuesday" is one already told of)
                         r"(?<=a )(?:[\w-]+ )?fire(?= (?:on|at|in|that|which|left|killed|injured)\b)"),
    # "The funeral for Firefighter James Dickman was held on Friday", "was laid to rest"
    (FUNERAL, "bury", r"funerals?(?! home| director| parlou?r)|memorial services?|burial|"
                      r"(?:was|were|been) (?:buried|laid to rest|cremated)"),
    (INJURY, "hurt", r"(?:was|were|been) (?:\w+ )?(?:injured|wounded|hospitali[sz]ed)|"
                     # "was admitted to Texas Health Presbyterian Hospital on Sept. 28"
                     r"(?:was|were|been) (?:\w+ )?admitted to (?:the )?(?:[\w'-]+ ){0,4}?(?:[Hh]ospital|intensive care|ICU)"),
    # a meeting or a call that is dated ("the July 25 call") or has company ("a call with ...")
    (MEETING, "meet", rf"{NOT_PASSIVE}met with|meets with|visited|visits|visit (?:to|by)|trip to|summit|"
                      rf"toured (?:the |a |an )?(?:[\w-]+ )?(?:{VISITED_PLACE_NOUNS})\b|"
                      rf"tour of (?:the |a |an )?(?:[\w-]+ )?(?:{VISITED_PLACE_NOUNS})\b|"
                      # an interview given ("in an interview Thursday afternoon with CNN's Wolf Blitzer",
                      # "during an interview on CNN on Thursday")
                      r"(?<=an )interview(?= (?:[\w-]+ ){0,2}?(?:with|on)\b)|"
                      # a press conference, and a letter received ("received a letter from WADA on December 22")
                      r"(?:press|news|media) (?:conference|briefing)|"
                      # "the council held a closed-door meeting late into Thursday night"
                      r"(?:held|holds|convened|called) (?:a |an |the |its )?(?:[\w-]+ ){0,2}?"
                      r"(?:meeting|session|hearing)s?|"
                      r"received (?:a |an |the )(?:[\w-]+ ){0,2}?(?:letter|notice|call|email|e-mail|message)|"
                      r"spoke by (?:tele)?phone|"
                      # "The company met its biggest shareholder and creditors at 9am on Sunday"
                      r"met (?:its|his|her|their|the) (?:[\w-]+ ){0,2}?(?:shareholders?|creditors?|investors?|"
                      r"lenders?|bankers?|officials?|ministers?|counterparts?|representatives?|delegates?|unions?)\b|"
                      # "met" with a place or time after it ("the two leaders met in Kyiv"), not "met the
                      # deadline"; "were met with tear gas" is no meeting
                      rf"{NOT_PASSIVE}met(?= (?:privately |secretly |briefly |again |twice )?"
                      r"(?:in|at|on|for talks|last|this|face to face)\b)|"
                      r"(?:(?<=\d\s)|(?<=\d,\s))(?:phone |telephone )?(?:call|meeting)|"
                      r"(?:phone |telephone )?(?:call|meeting|conversation)(?= (?:in [A-Z][\w-]+ )?(?:with|between)\b)|"
                      r"discussed(?= (?:the|a|an|his|her|their|its) (?:[\w-]+ ){0,3}?with\b)"),
    (BREAKUP, "part", r"split up|splits up|broke up|breaks up|disbanded|divorced|went on hiatus"),
    (CANCELLATION, "cancel", r"cancell?ed|called off|postponed|scrapped|shelved|"
                             # "the network has decided to cancel the reboot"
                             r"decided to (?:cancel|scrap|axe|drop|shelve|call off)"),
    # "The planet was discovered in 2019", "was first identified in 2017": what was found, when
    # ("the victim was identified by police", "he was spotted in the crowd" are no discoveries)
    (DISCOVERY, "discover", r"(?:announced|confirmed|reported|unveiled) (?:the |a |an |their |its )?discovery of|"
                            r"(?:discovered|detected|found) (?:the |a |an )?(?:[\w-]+ ){0,2}(?:breach|hack|intrusion|"
                            r"cyberattack|attack|leak|flaw|bug|vulnerability)|"
                            # a body found: "His body, still in uniform, was found on a beach today",
                            # "the body found on a beach this afternoon", "divers recovered the bodies"
                            r"(?:body|bodies|remains)(?:, [^,]{1,40},)? (?:was |were |has been |have been |had been )?"
                            r"(?:found|discovered|recovered)|"
                            r"(?:found|discovered|recovered) (?:the |a |his |her |their )?(?:[\w-]+ )?bod(?:y|ies)|"
                            r"(?:(?:was|were) (?:first |originally )?(?:discovered|detected)|"
                            r"(?:was|were) first (?:identified|spotted))(?= (?:in|on|by) )"),
    (START, "begin", r"began|begins|started|starts|opened|opens|kicked off|kicks off|got under ?way|"
                     r"gets under ?way"),
)
TRIGGERS = tuple((etype, pred, re.compile(rf"\b(?:{src})(?![\w'\u2019-])")) for etype, pred, src in TRIGGER_TABLE)
# Verbs that are events only as the lede's news, in the present perfect ("A
# team has confirmed traces of water vapor", "Three cases of plague have been
# diagnosed"): elsewhere they mostly tell what a study found, or an old case.
LEDE_TRIGGER_TABLE: tuple[tuple[str, str, str], ...] = (
    (DISCOVERY, "discover", r"confirmed|discovered|detected|identified|found|uncovered"),
    (INCIDENT, "happen", r"(?<=been )(?:diagnosed|hit by|struck by|infected)"),
)
LEDE_TRIGGERS = tuple((etype, pred, re.compile(rf"\b(?:{src})(?![\w'\u2019-])"))
                      for etype, pred, src in LEDE_TRIGGER_TABLE)
# Any trigger word, in any case (to tell "from the album X" from "from his appearance on X").
TRIGGER_ANY_RE = re.compile("|".join(f"(?:{p.pattern})" for _, _, p in TRIGGERS), re.I)

# Winning: an award, an election or a contest, by what is won.
WIN_WORDS = (r"won|wins|winning|took home|take home|takes home|taking home|scooped|"
             r"received|receives|accepted|picked up|was awarded|were awarded|was honou?red with")
WIN_RE = re.compile(rf"\b(?:{WIN_WORDS})(?![\w'\u2019-])")
AWARD_NOUN_RE = re.compile(r"\b(?:award|awards|prize|medal|trophy|honou?r|grammy|grammys|oscar|oscars|emmy|"
                           r"emmys|tony|bafta|globe|title|championship|cup|pennant|belt|crown)\b", re.I)
ELECTION_NOUN_RE = re.compile(r"\b(?:election|re-?election|primary|vote|seat|mandate|referendum|nomination)\b",
                              re.I)
# "since winning office in 2012" (not "won the office pool")
WON_OFFICE_RE = re.compile(r"\s+(?:(?:public|elected|political) )?office(?=\s*(?:[,.;:]|$)|\s+(?:in|on|at|for|as|"
                           r"after|before|since|when|and|but|with)\b)")
CONTEST_NOUN_RE = re.compile(r"\b(?:match|game|race|final|semi-?final|series|tie|bout|fight|contest|stage|"
                             r"tournament|league|derby|case|battle|bid)\b", re.I)
BEAT_WORDS = r"beat|beats|beating|defeated|defeats|defeating|edged|thrashed|routed|overcame"
BEAT_RE = re.compile(rf"\b(?:{BEAT_WORDS})(?![\w'\u2019-])")
WIN_NOUN_WINDOW = 80
# What a court's decision gives the side that won it: "won a $7.4 million judgment".
JUDGMENT_NOUN_RE = re.compile(r"\s+(?:a |an |the )?(?:[\w$.,'\u2019-]+ ){0,4}?(?:judgm?ents?|verdict|damages|"
                              r"lawsuit|case|ruling|appeal)\b")

# Chart placings: a climbing verb and then a position or a chart name.
CHART_VERBS = (r"hit|hits|peaked|peaks|reached|reaches|climbed|climbs|rose|rises|debuted|"
               r"debuts|landed|lands|topped|tops|entered|enters|charted|charts|spent")
CHART_VERB_RE = re.compile(rf"\b(?:{CHART_VERBS})(?![\w'\u2019-])")
CHART_POSITION_RE = re.compile(r"(?:#\s?(?P<hash>\d{1,3})\b|\b[Nn]o\.\s?(?P<no>\d{1,3})\b|"
                               r"\b[Nn]umber\s+(?P<num>\d{1,3})\b|\b[Nn]umber\s+(?P<word>one|two|three|four|"
                               r"five|six|seven|eight|nine|ten)\b)")
# Every CHART_POSITION_RE match contains one of these: a cheap test before the scan.
CHART_POSITION_MARKS = ("#", "o.", "umber")
POSITION_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                  "eight": 8, "nine": 9, "ten": 10}
CHART_WORD_RE = re.compile(r"\b[Cc]harts?\b|\bBillboard\b|\bHot 100\b|\bTop (?:10|20|40|100)\b")
CHART_WINDOW = 70
# "on the Billboard Hot 100 chart", "on the Hip Hop/R&B airplay chart"
CHART_NAME_RE = re.compile(
    r"\b(?:on|atop|topped|tops|entered|enters)\s+(?:the\s+)?(?P<name>(?:[A-Z0-9][\w/&'\u2019.+-]*\s+){0,5}"
    r"[A-Z0-9][\w/&'\u2019+-]*)(?P<tail>(?:\s+[a-z/&-]+){0,2}\s+chart)?")

# "appears on the new track X" is a collaboration; "appearance on X" (a show) a broadcast.
APPEARANCE_WORDS = r"appearance|appearances|appears|appeared|appearing"
APPEARANCE_RE = re.compile(rf"\b(?:{APPEARANCE_WORDS})\s+on\b")
TRACK_NOUN_RE = re.compile(r"\b(?:tracks?|songs?|singles?|records?|albums?|remix(?:es)?|tunes?|eps?|lps?)\b", re.I)
APPEARANCE_WINDOW = 40

# Every place a trigger pattern could match (its words without what must
# follow them), in one pass: most clauses have none, and the patterns are
# then tried only there. Every pattern `_find_triggers` tries is
# \b(?:words)... with its words listed here.
TRIGGER_START_RE = re.compile(r"\b(?=" + _by_first_letter(
    (CHART_VERBS, APPEARANCE_WORDS, WIN_WORDS, BEAT_WORDS, *(src for _, _, src in TRIGGER_TABLE))) + ")")

# Words before a trigger (in its clause) that deny it or make it a wish.
NEGATION_RE = re.compile(
    r"\b(?:never|not|no|nor|neither|without|could|might|should|if|unless|whether|instead of|"
    r"rather than|wanted to|wants to|want to|hoped to|hopes to|hoping to|tried to|trying to|"
    r"plans? to|planned to|refused to|failed to|would like to|chance to|opportunity to)\b|n[\u2019']t\b",
    re.I)
NEGATION_WINDOW_WORDS = 8
# "No. 2", "Nos. 3": a number sign, not a "no"
NUMBER_SIGN_RE = re.compile(r"\b[Nn]os?\.\s?(?=\d)")
# Two triggers of one type this close are one event ("recorded and produced").
SAME_EVENT_GAP_WORDS = 3
# "announced its takeover", "announced the release of": an announcement this
# close before another event names that event, and is no event of its own.
ANNOUNCED_EVENT_GAP_WORDS = 2
# A date further than this from its trigger belongs to another part of the sentence.
MAX_TIME_DISTANCE_WORDS = 15
CLAUSE_PUNCTUATION_RE = re.compile(r"[,;:()\u2014\u2013]|\s-{1,2}\s")
# A second predicate between an event and a date after it takes the date: in
# "the fire started at 9 p.m. and was put out on Wednesday" Wednesday is the
# putting out's.
SECOND_PREDICATE_RE = re.compile(r"\band\s+(?:then\s+|later\s+)?(?:was|were|is|are|had|has|have)\s+(?!been\b)"
                                 r"(?:\w+ly\s+)?\w+ed\b|\band\s+(?:was|were|had been|has been)\s+put\b|"
                                 # "have voted down the deal and plan to strike at 7 a.m. Monday"
                                 r"\band\s+(?:plan|plans|planned|vow|vows|vowed|threaten|threatens|threatened|"
                                 r"intend|intends|intended)\s+to\b|\band\s+(?:will|would)\s+[a-z]+\b")
# "conceded on Wednesday, a day after voters chose Marquez": the event is dated
# from the day before it, moved by the offset (days and weeks only, from a day).
OFFSET_BEFORE_EVENT_RE = re.compile(
    r"^,?\s*(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<relation>after|before)\s+(?:[\w'\u2019.-]+\s+){0,5}$")
OFFSET_UNIT_DAYS = {"day": 1, "week": 7}
# A time of day: "3 a.m.", "9:40 p.m.", "10pm" (news tells it of the day last
# named), with its "shortly after" (no bound on a date, as "after 1993" is).
CLOCK_TIME_RE = re.compile(r"\b(?:(?:shortly|just|soon|sometime)\s+)?(?:(?:after|before|around|about|at|by)\s+)?"
                           r"(?:[1-9]|1[0-2])(?::[0-5]\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.I)
# A clock time said with the day after it ("shortly after 9:00 p.m. on Tuesday").
CLOCK_BEFORE_DATE_RE = re.compile(rf"[\s,]*(?:{CLOCK_TIME_RE.pattern})\s+(?:on\s+)?$", re.I)
# A date right before "and" and the trigger is the first verb's: in "opened in
# 1979 and won the Stirling Prize in 1980" the prize is 1980's.
# A planned event after an announcement: "announced she will resign".
FUTURE_BEFORE_TRIGGER_RE = re.compile(r"\b(?:will|would|is to|are to|plans to|intends to)\s+$")
# "the train that derailed in Philadelphia began to emerge on Thursday": a
# trigger in a relative clause, and a verb of the main clause after it, which
# the date belongs to.
RELATIVE_PRONOUN_BEFORE_RE = re.compile(r"\b(?:that|which|who)\s+(?:(?:had|has|have|was|were)\s+)?$")
MAIN_CLAUSE_VERB_RE = re.compile(r"\b(?:was|were|is|are|has|have|had|began|begins|emerged|emerges|remains|remained|"
                                 r"came|comes|continued|continues|said|says|told|became|becomes|reopened|resumed)\b")
DATE_OF_FIRST_VERB_RE = re.compile(r"\s*,?\s+and\s+(?:(?:then|later|it|he|she|they|has|have|had|also|since)\s+)*")
# A date right after these is not when the event happened ("since 1993", "by 2024").
NOT_EVENT_DATE_LEAD_RE = re.compile(r"\b(?:since|until|till|by|through|before|after|as of|prior to|"
                                    r"no later than|as early as|ahead of)\s+(?:the\s+)?$", re.I)
# The present perfect ("has dropped", "have been killed") reports what has
# just happened and takes no past date: in "have dropped an investigation
# into an allegation made in 2010" the year is the allegation's. A date that
# ends more than this many days before publication is not such a trigger's.
PRESENT_PERFECT_BEFORE_RE = re.compile(
    r"\b(?:has|have|[\u2019']ve)\s+(?:(?:now|just|also|finally|officially|formally|reportedly|already|"
    r"recently|been)\s+)*$", re.I)
PRESENT_PERFECT_MAX_DAYS = 7
# ... and so does the present progressive of a lede ("Mark Rutte's government
# is resigning to take responsibility for a scandal"): it is happening now.
PRESENT_PROGRESSIVE_BEFORE_RE = re.compile(r"\b(?:is|are|[\u2019']s|[\u2019']re)\s+(?:now\s+|also\s+)?$", re.I)
# The lede: the first body paragraph of at least this many words (not the
# dateline, byline or kicker above it). An undated event it reports in the
# present perfect ("Sweden has dropped its investigation") is the news
# itself: it is dated by the article's publication, with date_status
# 'from_publication' (the events mart lets such a date be a day late).
MIN_LEDE_WORDS = 8
FROM_PUBLICATION = "from_publication"
# "today" after the event and a "still" is how things stand now, not when
# the event happened ("his death, an event that still leaves her angry today").
PRESENT_DAY_TEXTS = frozenset({"today", "now", "to this day", "these days", "nowadays"})
STILL_RE = re.compile(r"\bstill\b", re.I)
# Passive or intransitive: the work is the subject, before the trigger ("Foo was released").
PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|been|be|being|get|got|gets)\s+(?:\w+ly\s+)?$")
INTRANSITIVE_TRIGGER_RE = re.compile(r"(?i)came out|comes out|come out|coming out|debuted|debuts|premiered|"
                                     r"premieres|aired|airs")
# A direct object after an active trigger ("released a letter", "wrote two books").
DIRECT_OBJECT_RE = re.compile(r"\s+(?:a|an|the|his|her|their|its|our|two|three|four|five|several|\d+|new|"
                              r"first|second|third|debut|latest)\s+[\w-]+")
# A start is an event only when what starts is named as an occasion or a
# process right before the verb ("The Davis Cup Final began", "the trial
# opened"), and no other trigger says what it is ("The protests began").
START_SUBJECT_RE = re.compile(
    r"(?P<thing>(?:[A-Z][\w'\u2019.-]*\s+){0,4}(?i:trial|hearings?|tournament|finals?|festival|conference|summit|"
    r"championships?|season|games|olympics|race|match|war|campaign|talks|negotiations|ceremony|inquiry|session|"
    r"convention|congress|parade|marathon|exhibition|fair|cup|voting|count|recount|construction|evacuation|"
    r"search|operation|offensive|lockdown|curfew|shutdown|boycott|strike|walkout|rally|debate|auction)"
    r"(?:\s+of\s+(?:[\w'\u2019.-]+\s+){0,3}[\w'\u2019.-]+)?)\s+"
    r"(?:(?:has|have|had|officially|formally|finally|already)\s+)*$")
START_THING_DETERMINER_RE = re.compile(r"^(?:The|A|An|This|That)\s+")
START_SUBJECT_LOOKBACK = 60
# Event types that are about a work: without a title they need a direct object.
WORK_EVENT_TYPES = frozenset({RELEASE, RECORDING, WRITING})
# ... or, for a release, a document or recording made public, named before
# the trigger: "the transcript of that call was released on September 25",
# "a video showing the rescue was released Monday", "a case study published
# Monday". "He was released from prison" names no such thing.
RELEASED_THING_NOUNS = (r"transcripts?|reports?|videos?|footage|recordings?|audio|images?|photos?|photographs?|"
                        r"documents?|records|files|data|figures|results|findings|statements?|letters?|memos?|"
                        r"e-?mails?|stud(?:y|ies)|papers?|surveys?|polls?|trailers?|teasers?|guidelines")
RELEASED_THING_RE = re.compile(rf"\b(?:a|an|the|this|that|these|those|its|his|her|their|new|case|research)\s+"
                               rf"(?:[\w-]+\s+){{0,2}}?(?P<thing>{RELEASED_THING_NOUNS})\b", re.I)
# "the transcript of that call was released": the thing's complement, when
# it runs up to the passive verb
RELEASED_THING_OF_RE = re.compile(r"\s+(?P<of>of\s+(?:[\w'\u2019-]+\s+){1,3}?)(?:was|were|is|are|been|being)\s+"
                                  r"(?:\w+ly\s+)?")
# how far before the trigger the thing may be named ("a video showing the
# dramatic moment a girl was rescued by police was released")
RELEASED_THING_LOOKBACK = 120
# who is released from somewhere is no document
RELEASED_FROM_RE = re.compile(r"\s+(?:from|on bail|on parole|without charge|after serving)\b")
# ... and a pronoun or "who" between the thing and the trigger makes a person the subject
RELEASED_PERSON_BETWEEN_RE = re.compile(r"\b(?:he|she|they|I|we|who|him|her)\b")

# What a denial denies: "denied the claims", "dismissed the mayor's figures".
DENIED_NOUNS = (r"prospects?|claims?|charges?|allegations?|accusations?|suggestions?|notion|idea|accounts?|views?|"
                r"criticism|critique|interpretation|analysis|"
                r"assertions?|characteri[sz]ations?|versions?|reports?|statements?|testimony|figures|numbers|"
                r"estimates?|findings|conclusions?|assessments?|portrayals?|narratives?|theory|theories")
# What a denial calls it: "called the claims false", "said that was not true".
FALSE_WORDS = (r"not true|untrue|false|baseless|unfounded|inaccurate|incorrect|wrong|misleading|fake|ridiculous|"
               r"absurd|nonsense|a lie|lies")
DENIED_THING = (rf"(?:the|that|this|these|those|such|his|her|their|its) (?:[\w'\u2019-]+ )?(?:{DENIED_NOUNS})")
CALLED_FALSE = rf"called(?= {DENIED_THING} (?:{FALSE_WORDS})\b)"
# Verbs that answer another's claim, both reporting verbs and denials ("called
# the claims false" is a denial, not any naming).
ANSWER_VERBS = (r"contradicted|contradicts|challenged|challenges|pushed back (?:on|against)|"
                r"countered(?= (?:the |these |those |such )?(?:claims?|reports?|allegations?|suggestions?)\b)|"
                # "have hit back at accusations their handling was unprofessional"
                r"(?:hit|hits|fired|fires|struck|strikes) back (?:at|against)|"
                + CALLED_FALSE)
# ... "said that was not true": what was just reported, denied in what is said
# (not "said it was wrong to close the plant")
DENIAL_CONTENT_RE = re.compile(
    rf"(?:\s+that)?\s+(?:that|this|it|{DENIED_THING})\s+(?:was|is|were|are|had been|has been)\s+"
    rf"(?:(?:simply|just|completely|totally|entirely|absolutely|patently)\s+)?(?:{FALSE_WORDS})\b"
    rf"(?!\s+(?:to|that|for|of|about)\b)")
# Reporting verbs: their subject is the claimant of what follows.
REPORTING_VERBS = (
    r"said|says|told|tells|telling|revealed|reveals|revealing|thought|thinks|believed|believes|"
    r"claimed|claims|claiming|insisted|insists|admitted|admits|explained|explains|recalled|recalls|"
    r"credits|credited|crediting|blamed|blames|denied|denies|argued|argues|maintained|maintains|reported|"
    r"stated|states|confirmed|confirms|suggested|suggests|noted|notes|added|adds|shared|shares|"
    r"acknowledged|acknowledges|alleged|alleges|testified|contended|contends|asserted|asserts|"
    r"disclosed|insisting|recalling|explaining|admitting|denying|claiming|stressed|stresses|"
    r"warned|warns|predicted|predicts|remembered|remembers|confessed|confesses|reckons|reckoned|"
    r"disputed|disputes|rejected|rejects|dismissed|dismisses|refuted|refutes|countered|counters|"
    r"accused|accuses|" + ANSWER_VERBS + "|"
    # infinitives only after "tried to", "sought to", "continues to" (SUBJECT_GAP_RE)
    r"(?<=\bto )(?:suggest|claim|insist|argue|deny|maintain|dispute)")
# Grouped by first letter for speed: whole words, so at most one can match at a place.
REPORTING_RE = re.compile(r"\b(?:" + _by_first_letter((REPORTING_VERBS,)) + r")\b")
# Verbs that attribute a quotation: an unquoted clause with one of them beside
# a quote ("..., the mayor said") is attribution, not a claim of its own.
ATTRIBUTION_VERB_RE = re.compile(
    r"\b(?:said|says|say|added|adds|explained|explains|continued|continues|recalled|recalls|told|tells|"
    r"asked|asks|replied|replies|laughed|laughs|shared|shares|admitted|admits|noted|notes|wrote|writes|"
    r"according to|insisted|insists|claimed|claims|stated|states|declared|declares|joked|jokes|"
    r"revealed|reveals|confirmed|confirms|argued|argues|recounted|remembered|remembers|put it|"
    r"tweeted|posted|concluded|commented|responded|answered|quipped|sighed|shrugged)\b", re.I)
# A source named beside what it reports: "Politico reported", "according to Reuters".
REPORTED_BY_AFTER_RE = re.compile(r"\s+(?:has\s+|had\s+|first\s+)?(?:reported|reports)\b")
# ... or that is told it ("told Rolling Stone", "in an interview with the Daily Beat")
# The press as the source of a report: "It was reported in the French media on
# Tuesday that ...", "Italian media reported that ...", "Local newspapers have reported".
MEDIA_WORDS = r"media|press|newspapers?|papers|outlets|reports|tabloids"
MEDIA_REPORT_RE = re.compile(
    rf"\s*(?:(?:It|it)\s+(?:was|has\s+been|had\s+been|is)\s+(?:widely\s+|also\s+|first\s+)?(?P<verb>reported)"
    rf"\s+(?:in|by)\s+(?:the\s+)?(?P<source>(?:[A-Z][\w'\u2019.-]*\s+){{0,3}}(?:{MEDIA_WORDS}|[A-Z][\w'\u2019.-]*))"
    rf"|(?P<source2>(?:[\w'\u2019.-]+\s+){{0,3}}?(?:{MEDIA_WORDS})(?:\s+outlets)?)\s+(?:have\s+|has\s+)?"
    r"(?:(?:today|yesterday|also|widely|earlier)\s+|\([^()]{1,20}\)\s+)*(?P<verb2>reported|claimed|suggested|said))"
    r"(?=(?:\s+(?:on|last|early|late)\s+\w+)?\s+that\b)")
# A quotation that opens by contradicting what was reported.
CONTRARY_TO_REPORTS_RE = re.compile(
    r"[\s\"\u201c\u2018']*(?:[Cc]ontrary to|[Dd]espite)\s+(?:the\s+|recent\s+|some\s+|today's\s+)*"
    r"(?:media\s+|press\s+|news\s+|online\s+)?(?:reports?|claims?|speculation|suggestions?|rumou?rs?)\b")
# ... or the press's report, which is what such a denial answers
MEDIA_CLAIMANT_RE = re.compile(rf"\b(?:{MEDIA_WORDS})(?:\s+outlets)?$", re.I)
TOLD_TO_BEFORE_RE = re.compile(r"\b(?:told|tells|telling|in an interview with|speaking to|said to)\s+(?:the\s+)?$")
TOLD_TO_LOOKBACK_CHARS = 30
# ... or that tells of an event ("Pruitt said the fire started", "The blaze broke
# out ..., Fire Chief Dana Pruitt said."): the teller is no participant of it
TOLD_BY_AFTER_RE = re.compile(r"\s+(?:also\s+)?(?:said|says|told|tells|added|adds|explained|noted|confirmed)\b")
# a teller after the event, at the end of its sentence: ", <title> <name> said (on Tuesday)."
TRAILING_TELLER_BEFORE_RE = re.compile(r",\s+(?:[\w.'\u2019-]+\s+){0,4}$")
TRAILING_TELLER_AFTER_RE = re.compile(r"(?:\s+[\w.-]+){0,4}?\s*(?:[.!?]|$)")
TRAILING_TELLER_LOOKBACK_CHARS = 60
ACCORDING_TO_RE = re.compile(r"\baccording to\s+(?:[a-z]+\s+){0,3}$", re.I)
# How far before a name "according to" may stand ("according to the agency's Doe").
ACCORDING_TO_LOOKBACK_CHARS = 20
# A name right after these is an object, not the subject of the verb after it
# ("the lawyer for Doe said": the lawyer speaks), and so are the names joined
# to it ("the lawyer for Roe and Doe said").
PREPOSITION_OBJECT_BEFORE_RE = re.compile(
    r"\b(?:for|of|to|with|by|from|against)\s+(?:[A-Z][\w.'\u2019-]*\s+){0,4}(?:(?:and|&)\s+)?$")
PREPOSITION_OBJECT_LOOKBACK_CHARS = 60
# Between a subject and its verb: auxiliaries and adverbs only ("Doe has also said").
SUBJECT_GAP_RE = re.compile(r"(?:\s*,)?(?:\s+(?:has|have|had|also|then|later|once|always|never|previously|"
                            r"reportedly|now|still|even|first|again|both|[a-z]+ly|"
                            # "Dex Malone on Wednesday rejected ..."
                            r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|"
                            r"(?:tried|tries|try|sought|seeks|continued|continues|went on) to))*\s+")
# Competing accounts. A clause after "but" (or "; however") whose own
# subject reports ("..., but Doe has said ...") answers what came before it;
# so does a sentence opening with "But"/"However" that names a new claimant.
CONTRAST_BREAK_RE = re.compile(r"\b(?:but|whereas|while|yet)\b|;")
# "Roe, however, said ...": the contrast inside the sentence, between subject and verb
CONTRAST_INSERT_RE = re.compile(r",\s+(?:however|though|in contrast|by contrast|on the other hand|"
                                r"for (?:his|her|their|its) part),\s+$")
CONTRAST_LEAD_RE = re.compile(r"(?:(?:But|However|Yet|but|however|yet|still|instead)\b,?\s+)+")
# Denials: their claimant answers an earlier claim. It is hung on what was
# just reported (", a prospect Doe denied", ", which Doe disputes"), or it
# names whose claim it denies ("denied Doe's claims"), or it denies "the
# allegations" just reported.
DENIAL_VERBS = (r"denied|denies|denying|disputed|disputes|rejected|rejects|dismissed|dismisses|refuted|refutes|"
                r"contested|contests|deny|dispute|" + ANSWER_VERBS)
DENIAL_VERB_RE = re.compile(rf"\b(?:{DENIAL_VERBS})\b")
DENIAL_APPOSITION_RE = re.compile(
    rf",\s+(?:(?:a|an|the)\s+(?:{DENIED_NOUNS})\s+(?:that\s+|which\s+)?|which\s+)(?=[A-Z]|(?:he|she)\b)")
# after the possessor's name (which may or may not hold its "'s")
DENIED_POSSESSOR_RE = re.compile(rf"(?:['\u2019]s?)?\s+(?:\w+\s+)?(?:{DENIED_NOUNS})\b")
# "denied the allegations", "dismissed the mayor's figures" (an office for the name)
DENIED_REPORT_RE = re.compile(
    rf"\s+(?:(?:both|all)\s+)?(?:(?:the|these|those|that|this|such|his|her|their|its)\s+)?(?:[\w'\u2019-]+\s+)?"
    rf"(?:{DENIED_NOUNS})\b")
# "denied taking any money", "denies any wrongdoing", "denied ever having met
# him": a deed the denier is said to have done (only after "deny" itself:
# "rejected being ..." is no such denial).
DENY_RE = re.compile(r"den(?:y|ies|ied|ying)")
DENIED_DEED_NOUNS = (r"wrongdoing|involvement|responsibility|knowledge|role|guilt|culpability|misconduct|"
                     r"impropriety|liability|links?|connections?|ties|part")
DENIED_DEED_RE = re.compile(
    rf"\s+(?:(?:ever|any|all|personally)\s+)?(?:having\s+)?"
    rf"(?:(?!(?:dur|noth|someth|anyth)ing\b)[a-z]+ing\b|(?:{DENIED_DEED_NOUNS})\b)")
# A denial that states what it denies: "rejected Reyes's claim that she wrote
# it alone", "contradicting a claim by producer Dex Malone that he co-wrote
# it". The one named there asserts what follows "that"; the denier answers it.
EMBEDDED_CLAIM_NOUNS = (r"claims?|assertions?|allegations?|suggestions?|accounts?|statements?|contention|"
                        r"insistence|argument|charges?|accusations?|reports?")
EMBEDDED_CLAIM_RE = re.compile(
    rf"\b(?:{DENIAL_VERBS}|contradicting|disputing|rejecting|dismissing|denying|challenging|refuting)\s+"
    rf"(?:(?:a|an|the)\s+)?(?:[\w'\u2019.-]+\s+){{0,4}}?(?:{EMBEDDED_CLAIM_NOUNS})\s+"
    rf"(?:(?:by|from|of)\s+(?:[\w'\u2019.-]+\s+){{1,5}}?)?that\s+")
EMBEDDED_TAG = "embedded"
# How many sentences back "denied the allegations" may look for them.
DENIED_REPORT_SENTENCES = 1
# How many sentences after a denial the report it denies may come; and how
# many when it is told in the denial's own words.
FORWARD_DENIAL_SENTENCES = 2
FORWARD_DENIAL_FAR_SENTENCES = 15
# Word stems two claims share when they speak of one thing: this long, from
# words at least as long, not the names (compared apart) nor common words.
CONTENT_STEM_CHARS = 6
COMMON_LONG_WORDS = frozenset("""
accusations allegations reports claims statement according because before during however
people should would could between through against without another something nothing
""".split())
# How far after "But" the claimant's verb may come ("But the driver's lawyer, Maria Lopez, said").
CONTRAST_SUBJECT_CHARS = 60
ANSWER_TAG = "answer"
# Joint claimants: "Doe and Roe said", "However, both Doe and Roe told
# lawmakers", "Doe, Roe and Poe said". Every name of the subject asserts what
# follows; each gets a copy of the claim, told apart by JOINT_TAG.
JOINT_TAG = "joint"
JOINT_SUBJECT_LINK_RE = re.compile(r",?\s+(?:and|&)\s+|,\s+")
JOINT_SUBJECT_LAST_LINK_RE = re.compile(r",?\s+(?:and|&)\s+")
# What may come before a joint subject in its clause: nothing, a comma, or a lead word
# ("both", "But"); not "for"/"of" ("the lawyer for Doe and Roe said" is the lawyer's).
JOINT_SUBJECT_LEAD_RE = re.compile(r"(?:^|[,;:]|\b(?:[Bb]oth|[Bb]ut|[Hh]owever,?|[Yy]et|[Aa]nd))\s*$")
# Words of a role before a name ("Mayor", "the former adviser").
ROLE_BEFORE_SUBJECT_RE = re.compile(r"(?:[\w.'\u2019-]+\s+){0,3}")
THAT_RE = re.compile(r"\s*(?:that\b)?\s*")

# A verb opening its clause: after a comma or a conjunction, maybe behind a short adverbial.
CLAUSE_OPENING_RE = re.compile(r"(?:,|\band|\bbut|^)\s*(?:[\w ]{0,30},\s*)?(?:(?:\w+ly|later|then|also|once)\s+)*$")
SUBJECT_PRONOUN_RE = re.compile(r"\b(?:he|she|He|She)\b")
# "A and B's duet": A is a possessor, not the sentence's subject.
POSSESSOR_PAIR_RE = re.compile(r"\s+and\s+[A-Z][\w.'\u2019 -]{0,40}?['\u2019]s\b")
# A name after these is an object, not the sentence's subject.
OBJECT_LEAD_RE = re.compile(r"\b(?:to|with|for|by|from|of|about|at|on|in|into|than|telling|told|via|"
                            r"against|like|and|or)\s+$", re.I)
FIRST_PERSON_RE = re.compile(r"\b(?:I|we|We)\b")
# A pronoun just before a trigger is its subject ("he originally wrote").
PRONOUN_SUBJECT_RE = re.compile(r"\b(?P<pronoun>he|she|I|we|they)\s+"
                                # "that he and Nova Reyes wrote the song": a joint subject
                                r"(?:and\s+(?:[A-Z][\w'\u2019-]*\s+){1,3})?(?:\w+\s+){0,2}$", re.I)
# ... or whose the trigger's noun is: "His body, still in uniform, was found",
# "her death" (not "her husband died": the word before the trigger only)
POSSESSOR_BEFORE_TRIGGER_RE = re.compile(r"\b(?P<pronoun>his|her)\s+$", re.I)
# "He had served two terms since winning office", "Harbour United won the title,
# beating Rivertown": a gerund after these, or a participle after a comma, has
# the sentence's subject
GERUND_LEAD_RE = re.compile(r"(?:\b(?:since|after|before|while|when|upon|by)|,)\s+$", re.I)

# Causes: who gave someone an idea or made them do something.
CAUSE_AFTER_CUE_RE = re.compile(
    r"\b(?:it\s+(?:was|is)|credit(?:s|ed|ing)?|(?:came|comes|come)\s+from|"
    r"blam(?:e|es|ed|ing)\s+(?:it|this|that)\s+on|thanks\s+to|because\s+of|"
    r"(?:inspired|influenced|prompted|persuaded|convinced|encouraged|pushed)\s+by)\s+$", re.I)
CAUSE_AFTER_NEEDS_WHO = re.compile(r"\bit\s+(?:was|is)\s+$", re.I)
WHO_RE = re.compile(r"^\s+(?:who|that)\b", re.I)
CAUSE_BEFORE_CUE_RE = re.compile(
    r"^(?:['\u2019]s\s+\w+\s+)?,?\s+(?:who\s+)?(?:(?:first|really|actually|originally)\s+)?"
    r"(?:inspired|prompted|persuaded|convinced|encouraged|pushed|urged|motivated|talked)\s+"
    r"(?:\w+\s+)?(?:to|into)\b"
    r"|^,?\s+(?:who\s+)?(?:planted|gave|put|sparked)\s+(?:\w+\s+){0,2}(?:idea|seed|thought)", re.I)
# A thing as the cause, in the clause: "the collapse was caused by corrosion",
# "blamed heavy traffic for the collapse", "blamed the collapse on traffic",
# "the collapse was due to corrosion".
CAUSE_PHRASE = r"[^,.;:!?\"\u201c\u201d()]{3,80}?"
CAUSE_PHRASE_END = r"(?=\s*[,.;:!?\"\u201c\u201d()]|\s+(?:and|but|which|who|when|after|before|according)\b|\s*$)"
DUE_TO_VERBS = ("be|have|start|begin|end|arrive|meet|take|make|go|come|face|return|appear|testify|retire|"
                "leave|open|close|launch|hold|receive|give|announce|sign|visit|speak|play|perform|release|"
                "deliver|expire|finish|run|stand|serve|sit|vote|hear|rule|get|become|report|publish")
THING_CAUSE_RE = re.compile(
    rf"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?(?:caused|triggered|sparked)\s+by\s+(?P<cause>{CAUSE_PHRASE})"
    rf"{CAUSE_PHRASE_END}"
    rf"|\bblam(?:ed|es|ing)\s+(?P<cause2>{CAUSE_PHRASE})\s+for\s+(?P<outcome2>{CAUSE_PHRASE}){CAUSE_PHRASE_END}"
    # "was due to be released" is a plan, not a cause
    rf"|\b(?:was|were|is|are)\s+(?:\w+ly\s+)?due\s+to\s+(?!(?:{DUE_TO_VERBS})\b)(?P<cause3>{CAUSE_PHRASE})"
    rf"{CAUSE_PHRASE_END}", re.I)
CAUSE_LEAD_RE = re.compile(r"^(?:the|a|an|its|their|his|her)\s+", re.I)
MAX_CAUSE_WORDS = 6
CAUSE_PREDICATE = "cause"
# How many died, as a clause says it: "killing 12 people", "left 3 dead",
# "at least 15 people died", "2,500 civilians have been killed", "the death
# toll rose to 15". Number words up to twenty count; "dozens" does not.
COUNT = r"(?:\d{1,3}(?:,\d{3})+|\d{1,7}|" + "|".join(NUMBER_WORDS) + r")"
DEATH_COUNT_RE = re.compile(
    rf"\b(?:killing|killed|kills|left|leaving)\s+(?:at least |more than |nearly |about |some |up to )?"
    rf"(?P<n1>{COUNT})\s+(?:[a-z]+\s+)?(?:people|persons|civilians|soldiers|children|workers|passengers|"
    rf"residents|men|women|troops|dead)\b"
    rf"|\b(?P<n2>{COUNT})\s+(?:[a-z0-9]+\s+){{0,4}}?(?:(?:were|have been|had been|are|was)\s+)?"
    rf"(?:killed|dead|died|perished)\b"
    rf"|\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|at|of)\s+(?:at least |more than |nearly )?(?P<n3>{COUNT})\b",
    re.I)
MAX_DEATH_COUNT = 10_000_000
YEAR_LIKE_RE = re.compile(r"(?:18|19|20)\d\d")
MAX_TOPIC_WORDS = 6
TOPIC_WORD_RE = re.compile(r"[a-z]{4,}")
# Light words that say nothing about what was caused.
TOPIC_STOPWORDS = frozenset("""
that this these those there their them they then than what when where which while with
without within from into onto over under about after before because since until just only
also even very really actually always never ever once still first last place time times
reason idea ideas head mind thing things something anything everything nothing someone
anyone everyone nobody thought thinks think said says told tells telling planted gave give
given make made making have having been being were will would could should might must
start started starting begin began begun beginning moved move ended good well much more
most some other others another each every many such like back away here came come comes
inspired prompted persuaded convinced encouraged pushed urged motivated credits credited
decision decide decided going goes went wanted want wants doing done does didn first
""".split())

# Kind nouns before a title, by the class an anaphor ("the song") looks up.
KIND_CLASSES = {
    "song": "song", "single": "song", "track": "song", "hit": "song", "tune": "song", "anthem": "song",
    "ballad": "song", "duet": "song", "record": "song",
    "album": "album", "lp": "album", "ep": "album", "mixtape": "album", "soundtrack": "album",
    "series": "show", "show": "show", "sitcom": "show", "program": "show", "programme": "show",
    "episode": "show", "special": "show", "documentary": "show", "podcast": "show",
    "premiere": "show", "finale": "show", "season": "show", "edition": "show",
    "film": "film", "movie": "film", "book": "book", "novel": "book", "memoir": "book",
    "play": "stage", "musical": "stage", "opera": "stage", "tour": "tour",
}
KIND_NOUNS = "|".join(sorted(KIND_CLASSES, key=len, reverse=True))
# A kind noun, then (optionally "of" / a comma) the start of a title.
KIND_BEFORE_TITLE_RE = re.compile(
    r"\b(?P<kind>" + KIND_NOUNS + r")(?:\s+of)?(?:,\s*|\s+)(?=[*'\u2018\u2019]?[A-Z0-9])", re.I)
# A case-insensitive scan is slow and most paragraphs have no kind noun: this
# case-sensitive scan of the lowered text tells first whether there is one.
# str.lower() keeps word characters and folds like re.I, except for these
# letters (re.I also reads them as i and s): a text with one skips the test.
KIND_NOUN_LOWERED_RE = re.compile(r"\b(?:" + _by_first_letter((KIND_NOUNS,)) + r")\b")
CASE_FOLD_ODD_LETTERS = "\u0130\u0131\u017f"
# What those letters lower-case to, and the letter an ignore-case match read them as.
ODD_LETTER_FOLDS = (("\u017f", "s"), ("\u0131", "i"), ("i\u0307", "i"))
# The same right before a quoted title ("the song 'Foo'", "hit \"Foo\"").
KIND_BEFORE_QUOTE_RE = re.compile(r"\b(?P<kind>" + KIND_NOUNS + r")(?:\s+of)?,?\s*$", re.I)
# A title after these names the container of the thing discussed.
CONTAINER_LEAD_RE = re.compile(r"\b(?:off(?:\s+of)?|from)\s+(?P<between>(?:[\w*'\u2019,-]+\s+){0,9}?)$", re.I)
# ... unless a preposition or a noun of appearance intervenes ("from his appearance on X")
CONTAINER_BLOCK_RE = re.compile(r"\b(?:on|at|in|with|by|for|to|about|as|into|during|appearance|interview|clip|"
                                r"episode|show|said|says)\b", re.I)
# What comes before "off"/"from" when a container follows: a song noun or a title.
CONTAINER_PRE_RE = re.compile(r"(?:\b(?:single|singles|song|songs|track|tracks|cut|tune|hit|b-side|ballad|duet|"
                              r"remix|number)|[\"\u201d\u2019',])\s*$", re.I)
CONTAINER_TITLE_LEAD_RE = re.compile(r"\b(?:off(?:\s+of)?|from)\s+(?:the\s+(?:album|record|lp|ep)\s+)?(?=[A-Z])")
# Every CONTAINER_TITLE_LEAD_RE match contains one of these: a cheap test before the scan.
CONTAINER_TITLE_LEAD_MARKS = ("off", "from")
ALBUM_END_RE = re.compile(r"\b(?:album|lp|ep|record|mixtape|soundtrack|collection)\s*,?\s*$", re.I)
CONTAINER_LOOKBACK = 70
# The possessive ending of a date ("Tuesday's crash", "Friday's fatal shooting").
DATE_POSSESSIVE_RE = re.compile(r"^['\u2019]s\b")
# ... which dates only what it stands before, a few words at most ("Friday's
# initial blast"); a year's possessive names a work's year ("1978's 'What a
# Fool Believes'"), as the other rules decide.
POSSESSIVE_DATE_AT_RE = re.compile(r"['\u2019]s\b")
POSSESSIVE_DATE_REACH_WORDS = 3
# A dateline's date ("STRASSHOF, Austria, Aug. 24 -- Text") is the day the
# story was filed: it dates the lede's news only when its sentence has no
# date of its own ("... vanished on her way to school on March 2, 1998").
DATELINE_PLACE_BEFORE_RE = re.compile(r"\s*(?:[A-Z][A-Za-z.'\u2019-]*(?: [A-Z][A-Za-z.'\u2019-]*){0,3},\s+){1,2}")
DATELINE_DASH_AFTER_RE = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:--|\u2014|\u2013|-)\s")
# ... and what may stand between it and its noun ("Friday's fatal shooting").
OWN_DATE_GAP_RE = re.compile(r"['\u2019]s(?:\s+[a-z-]+){0,2}\s+")
# A date right before a kind noun is an attribute of the work ("their 2001 hit").
ATTRIBUTIVE_DATE_RE = re.compile(r"\s+(?:" + "|".join(KIND_CLASSES) + r")\b", re.I)
# "a July 10 meeting", "the July 25 call": a date between a determiner and a
# noun for another dated thing dates that thing, not the clause's event ("he
# testified about a July 10 meeting" is no testimony on July 10; "died in the
# 2019 crash" keeps its date).
DETERMINER_BEFORE_DATE_RE = re.compile(r"\b(?:a|an|the|this|that|its|his|her|their|our|your|whose)\s+$", re.I)
DATED_THING_NOUNS = (r"meeting|call|phone call|transcript|letter|report|interview|e-?mail|memo|statement|speech|"
                     r"hearing|conversation|tweet|post|article|paper|study|document|filing|complaint|briefing|"
                     r"deposition|testimony|poll|survey|visit|trip|summit|session|conference|agreement|deal")
NOUN_AFTER_DATE_RE = re.compile(r"\s+(?:" + DATED_THING_NOUNS + r")\b")
NAME_AFTER_DATE_RE = re.compile(r"\s+[A-Z][\w'\u2019-]+")
# "bought the 1962 building in 2015": a year between the object's determiner
# and a common noun says what the thing is, not when the clause's event was
# (after "in", "during" ... it is the event's: "won the title in the 2015 season").
OBJECT_YEAR_BEFORE_RE = re.compile(
    r"(?<!\bin )(?<!\bduring )(?<!\bat )(?<!\bof )(?<!\bfrom )(?<!\bafter )(?<!\bbefore )"
    r"\b(?:the|a|an|its|his|her|their|our|this|that)\s+$", re.I)
LOWER_NOUN_AFTER_RE = re.compile(r"\s+(?=[a-z][a-z-]+\b)")
# ... unless the noun is itself an event or what is won ("died in the 2019 crash", "won the 2016 election")
YEAR_OWNING_NOUN_RES = (TRIGGER_ANY_RE, AWARD_NOUN_RE, ELECTION_NOUN_RE, CONTEST_NOUN_RE)
# An event's action: its trigger and what follows, up to the clause's end (a
# mark, a conjunction, a relative pronoun) or its date, in at most this many words.
ACTION_MAX_WORDS = 8
INFINITIVE_END_RE = re.compile(r"\bto\s*$")
PASSIVE_AUXILIARIES = frozenset({"was", "were", "is", "are", "been", "be", "being"})
ACTION_TRAILING_WORDS = frozenset({"in", "on", "at", "by", "for", "of", "to", "from", "during", "the", "a", "an",
                                   "just", "shortly", "soon", "immediately",
                                   "this", "that", "last", "next", "early", "late", "earlier", "later",
                                   "around", "about", "until", "through", "since", "into", "with", "nearly",
                                   "almost", "more", "than", "over", "was", "were", "is", "are", "be", "been",
                                   "has", "had", "have", "will",
                                   # a title whose period ended the clause early ("physician Dr.")
                                   "dr", "mr", "mrs", "ms", "st", "gov", "sen", "rep", "gen", "lt", "col",
                                   "prof", "sgt", "capt", "jr", "sr", "no"})
# A lone trigger says nothing the type does not ("shelved", "call"): the
# action then starts with what it is about, the words right before it in its
# clause ("the Swedish investigation had been shelved"), at most this many,
# after dropping auxiliaries and adverbs and stopping at a determiner,
# preposition or pronoun.
ACTION_SUBJECT_MAX_WORDS = 4
ACTION_SUBJECT_LOOKBACK_CHARS = ACTION_SUBJECT_MAX_WORDS * 30  # room for that many long words and auxiliaries
# The person a sentence describes before what befalls them, with words between:
# "The captain, a 44-year-old Filipino man, appeared in court", "The captain of
# a stricken container ship ... appeared in court": the summary names "captain".
DESCRIBED_SUBJECT_RE = re.compile(r"\b(?:The|A|An)\s+(?P<head>(?:[a-z][\w-]*\s+)?[a-z][\w-]*)(?=,|\s+of\b|\s+who\b)")
NAME_APPOSED_AFTER_RE = re.compile(r",\s+[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)+\s*,")
ACTION_SUBJECT_SKIP_WORDS = frozenset(
    "had has have been was were is are be being will would could can may might must shall should also then "
    "later officially finally formally reportedly eventually already now just recently quietly abruptly "
    "not never effectively ultimately".split())
ACTION_SUBJECT_STOP_WORDS = frozenset(
    "the a an this that these those its his her their our my your of in on at by for to from with and or but "
    "about over into onto under against during amid despite without within across toward towards through like "
    "following including since until per via upon "
    "when after before which who whom as while than it he she they we i you there here said says told "
    "although though because if unless whether once where regarding".split())
# A period ends a clause, but not one inside an initialism ("the U.S.-Mexico
# border", "D.C. police", "John F. Kennedy"): one before a letter, or after a
# lone capital.
CLAUSE_PERIOD = r"(?<!\b[A-Z])\.(?!\w|-)"
# a word of two letters or more (the subject before a comma is one: "Calder, 91," is not),
# and a subject's start: a name or a determiner ("The album, released in October 2021,
# debuted": "released in October 2021" is no subject)
LETTER_WORD_RE = re.compile(r"[^\W\d_]{2}")
SUBJECT_HEAD_START_RE = re.compile(r"[A-Z]|(?:the|a|an|this|that|its|their|his|her)\b")
ACTION_SUBJECT_BOUNDARY_RE = re.compile(r"[,;:!?()\[\]\u2013\u2014\"\u201c\u201d]|" + CLAUSE_PERIOD)
# (not the comma of a number: "cut about 1,000 jobs")
ACTION_END_RE = re.compile(r"(?<!\d),|,(?!\d{3}\b)|[;:!?()\[\]\u2013\u2014\"\u201c\u201d]|" + CLAUSE_PERIOD
                           + r"|\s(?:and|but|or|when|while|after|before|"
                           r"because|which|who|whom|whose|where|as|since|until|though|although|if|so|then|"
                           r"said|says|according)\b")
# "was convicted and sentenced to life": a lone trigger goes on past "and" to
# the next verb's clause end, which says what the trigger alone does not.
ACTION_AND_RE = re.compile(r"\sand\b")
# "showed in a paper published in the Journal that taste receptors ...": a
# "that" after the trigger's object opens what the paper says, no part of the
# event ("announced that two people were treated" keeps it: right after the
# trigger, it is the announcement).
ACTION_THAT_RE = re.compile(r"\sthat\b")
# "the first map of Saturn's": a possessive whose noun the word cap cut off
POSSESSIVE_END_RE = re.compile(r"['\u2019]s?$")
# "..., the minister said on Tuesday": a report's verb between an event and a
# date takes the date. Only verbs of saying: "maintained" or "noted" are
# often something else ("the firm that maintained the bridge").
REPORT_TAKES_DATE_RE = re.compile(r"\b(?:said|says|told|tells|reported|reports|added|adds|announced|announces|"
                                  r"stated|states|confirmed|confirms|wrote|writes|tweeted|tweets|explained|"
                                  r"revealed|claimed|claims|insisted|insists|testified|argued|"
                                  # "on Wednesday rejected Reyes's claim that she wrote it"
                                  r"rejected|denied|disputed|dismissed|contradicted)\b")
# ... and so does a verb of saying right before the date, for what is said
# after it ("the chief executive said Wednesday his company was accountable
# for an outbreak": Wednesday is the day it was said, not the outbreak's) ...
SAID_BEFORE_DATE_RE = re.compile(r"\b(?:said|says|told (?:reporters|journalists|the [A-Za-z]+|[A-Z][\w.]*))"
                                 r"\s+(?:on\s+)?$")
SAID_LOOKBACK_CHARS = 40
# ... unless what follows is where it was said ("said Monday at a press
# conference") or the sayer's own doing ("Acme said on Tuesday it had agreed
# to acquire Brightline"): those share the day.
SAID_AT_RE = re.compile(r"\s+(?:at|during|in|(?:that\s+)?(?:it|he|she|they|we|I)\s)")
# "Tickets for the tour go on sale Friday": the date of a sale, not of the event.
ON_SALE_RE = re.compile(r"\bon sale\b")
# "It was released", "the song hit": an anaphor of a work just before a trigger.
IT_BEFORE_TRIGGER_RE = re.compile(r"\b(?:it|It)\s+(?:(?:\w+ly|was|is|has|had|been|being|then|also|later|"
                                  r"eventually|finally|soon)\s+){0,3}$")
DEFINITE_WORK_RE = re.compile(r"\b(?:the|that|this)\s+(?:song|track|single|tune|album|record|show|series|"
                              r"film|movie|book)\b", re.I)
ANAPHOR_CLASSES = {"song": ("song", None), "track": ("song", None), "single": ("song", None),
                   "tune": ("song", None), "record": ("song", "album", None), "album": ("album", None),
                   "show": ("show", None), "series": ("show", None), "film": ("film", None),
                   "movie": ("film", None), "book": ("book", None)}
# Named awards and venues.
AWARD_NAME_END_RE = re.compile(r"(?:Award|Prize|Medal|Trophy|Cup|Grammy|Oscar|Emmy|Globe)$")
VENUE_LEAD_RE = re.compile(r"\bat\s+(?:the\s+)?(?=[A-Z0-9])")
LEADING_YEAR_RE = re.compile(r"^(?:(?:19|20)\d{2}\s+)+")
# "at Wednesday morning's hearing", "at Noon": a time, not a place.
NOT_VENUE_START_RE = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Today|Tonight|Noon|Midnight)\b|"
                                r"Nos?\.\s?\d")  # "debuted at No. 2": a place in a chart

# Tokens of a capitalised title span: capitalised words, numbers, marks.
TITLE_TOKEN_RE = re.compile(r"[*'\u2018\u2019]?[A-Z0-9][\w'\u2019&.*/+-]*|[*'\u2018\u2019][Nn]\b")
TITLE_CONNECTORS = frozenset({"of", "the", "a", "an", "and", "&", "in", "on", "to", "for", "de", "la",
                              "le", "du", "del", "da", "y", "with", "from", "at", "by", "so", "or"})
MAX_TITLE_TOKENS = 8
# "Foo Bar in June 2010": a title does not run on into a date.
CALENDAR_WORDS = frozenset("""january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
saturday sunday""".split())
MIN_BARE_TITLE_CHARS = 5  # shorter known titles ("Pop") are only matched in quotation marks
# Capitalised words that start sentences, not titles.
NOT_TITLE_WORDS = frozenset({"The", "A", "An", "It", "He", "She", "They", "We", "I", "This", "That",
                             "In", "On", "At", "But", "And", "However", "When", "While", "Although"})

# Small patterns of the title, chart and venue readers.
CAPITALISED_TOKEN_RE = re.compile(r"[*'\u2018\u2019]?[A-Z]")
LOWER_WORD_RE = re.compile(r"[a-z&]+")
TITLE_GAP_RE = re.compile(r"[ ]{1,2}")
SPACES_RE = re.compile(r"\s+")
HAS_WORD_RE = re.compile(r"[A-Za-z]{2}")
INSIDE_NAME_BEFORE_RE = re.compile(r"[A-Z][\w'\u2019]*\s+(?:of\s+)?$")  # "King of Foo"
SENTENCE_END_BEFORE_RE = re.compile(r"[.!?]\s+$")
NAME_CONTINUES_RE = re.compile(r"\s?[A-Z]")
CHART_SUFFIX_RE = re.compile(r"\s*\bchart$", re.I)
VENUE_TOWN_RE = re.compile(r"\s+in\s+")
WORD_CAPITAL_RE = re.compile(r"(?<![\w'\u2019])[A-Z]")
TRAILING_NUMBERS_RE = re.compile(r"(?:\s+\d+)+$")
# The person an action was for or with ("wrote it for Jane Doe").
OBJECT_PREPOSITION_RE = re.compile(r"\b(?:for|with|to|by|against|over|from)\s+(?:\w+\s+){0,3}$")

# Clause boundaries: a comma before a conjunction, a semicolon, a dash before
# a conjunction, or a comma before a subject pronoun ("..., It hit No. 11").
CLAUSE_BREAK_RE = re.compile(
    r",\s*(?:and|but|while|whereas|although|though|yet)\b\s*,?\s*"
    r"|;\s+"
    r"|\s+(?:--|\u2014|\u2013)\s+(?:and|but)\b\s*"
    r"|,\s+(?=(?:it|It|he|He|she|She|they|They)\s+(?!said|says|added|adds|explained|recalled|told)[a-z]+)")
# ... but a short opening phrase before the pronoun is the clause's own ("In
# September, he died", "Two months later, he died"): its date is the event's.
OPENING_PHRASE_MAX_WORDS = 4
# "On Tuesday, June 24, during the match, everyone watched as Doe bit Roe": a
# date opening the sentence frames it, and dates an event told in the
# article's voice that has no date of its own in a later clause.
OPENING_DATE_LEAD_RE = re.compile(r"\s*(?:(?:[Oo]n|[Ll]ate on|[Ee]arly on|[Ll]ate|[Ee]arly)\s+)?")
# A clause starting like this has no subject of its own: it shares the last one.
SHARED_SUBJECT_START_RE = re.compile(r"^(?:was|were|is|are|has|had|have|then|later|also|subsequently|"
                                     r"eventually|will|would|did|got|became|"
                                     # "... was released on October 8, and debuted at No. 1": a verb
                                     # opening its clause has the subject before it
                                     r"[a-z]+ed)\b")
QUESTION_END_RE = re.compile(r"\?[\"'\u201d\u2019)\]]*\s*$")
WORD_RE = re.compile(r"[A-Za-z0-9][\w'\u2019-]*")
QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"
MIN_CLAIM_WORDS = 4
# Words allowed before a closing source's name (", the city's engineer Sam Patel said").
MAX_SOURCE_LEAD_WORDS = 4
# What may close a sentence after its last word.
END_MARKS = " .,!\"'\u201d\u2019"
# Calls to action and lead-ins assert nothing ("Watch the video below:").
NOT_A_CLAIM_RE = re.compile(r"^(?:watch|click|read|see|listen|subscribe|follow|sign up|share|check out|"
                            r"scroll|tap|download|join us|leave a|tell us|let us know)\b|:\s*$", re.I)
MIN_SEGMENT_WORDS = 3
# Bounds for pathological input (one giant paragraph): work per paragraph stays linear.
MAX_PARAGRAPH_CHARS = 20_000
MAX_SENTENCE_CHARS = 2_000
MAX_QUOTES_PER_SENTENCE = 50
# Paragraphs whose kind-noun titles are kept (an article's worth and more).
KIND_TITLES_CACHE_SIZE = 1024

PARTICIPANT_KINDS = frozenset({"person", "group"})
# Events between companies also have organisations as participants ...
ORGANIZATION_EVENT_TYPES = frozenset({ACQUISITION, LAUNCH, LAWSUIT, SIGNING, ANNOUNCEMENT, STATEMENT, FOUNDING,
                                      APPOINTMENT, RESIGNATION, VERDICT, DECISION, INVESTIGATION, MEETING,
                                      CANCELLATION, TEST_RESULT})
# ... and a win is between sides of any kind, named right before or after its
# verb: clubs, towns, countries ("Harbour United beat Rivertown", "France beat
# Spain"), as is who wins an award ("Harbour United won the title"), but not
# across an "and" ("on the Billboard 200 and won a Grammy")
SIDES_EVENT_TYPES = frozenset({VICTORY, AWARD})
# ... and the parties to a deal are whatever the clause names before it, and
# after "with": companies, countries ("Estonia, Latvia and Lithuania on Wednesday
# signed a pact", "signed a deal with Orion Foods"), but not where it was signed
PARTY_EVENT_TYPES = frozenset({SIGNING})
PARTY_WITH_RE = re.compile(r"[^.;]{0,60}?\bwith\s+(?:the\s+)?$")
SIDE_GAP_RE = re.compile(r"\s*(?:(?!(?:and|or|but)\b)\w+\s+){0,2}?")
# "Eli Brandt, who left the company": the trigger of a relative clause is its antecedent's
RELATIVE_WHO_BEFORE_RE = re.compile(r",\s+who\s+(?:\w+\s+){0,2}$")
RELATIVE_WHO_LOOKBACK_CHARS = 30
# ... and events of a person take a name the entity index could not type
# ("Jane Doe died"): two to four capitalised words.
PERSON_EVENT_TYPES = frozenset({DEATH, BIRTH, MARRIAGE, ARREST, APPOINTMENT, RESIGNATION, ELECTION, VERDICT,
                                TESTIMONY, INJURY, BREAKUP, FOUNDING, STATEMENT, TEST_RESULT, FUNERAL})
# (letters with accents too: "Jérôme Kerviel", "Søren Ødegaard")
PLAIN_NAME_RE = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'\u2019-]+(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'\u2019-]+){1,3}")
# ... and an incident happens to a named thing of any kind ("the Harbour
# Bridge collapsed"), which is what tells one outlet's account from another.
THING_EVENT_TYPES = frozenset({INCIDENT, PROTEST})
# "The blaze broke out", "the fire started": an incident the article has told of
DEFINITE_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+$")
DEFINITE_LOOKBACK_CHARS = 8
# Event types that take place somewhere ("at the Foo Awards").
VENUE_TYPES = frozenset({PERFORMANCE, AWARD, NOMINATION, BROADCAST, VICTORY, ELECTION, DEATH, MARRIAGE,
                         ARREST, LAUNCH, ANNOUNCEMENT, SIGNING, COLLABORATION, TESTIMONY, MEETING, PROTEST,
                         INCIDENT})
# Triggers too loose to stand without a named work.
WEAK_TRIGGER_RE = re.compile(r"(?i)dropped|drops|introduced as|featuring|feat\.")
CLAIMANT_KINDS = frozenset({"person", "group", "organization"})
PRECISIONS = ("day", "month", "year")
PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
BODY_BLOCK = "body"
OUTLET_VOICE = "outlet_voice"
QUOTED = "quoted"
REPORTED = "reported"


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class ClaimResult:
    claims: tuple[Claim, ...] = ()
    events: tuple[EventCandidate, ...] = ()
    amounts: tuple[Amount, ...] = ()


# Named occasions: a capitalised name ending in one of these words, with a
# date right beside it, is an event of its own (and dates the other mentions
# of that name, see sql/intermediate/event_mentions.sql).
OCCASION_WORDS = (r"Anniversary|Awards|Celebration|Ceremony|Championships?|Concert|Conference|Convention|"
                  r"Cup|Expo|Fair|Festival|Finals|Gala|Games|Marathon|Olympics|Open|Parade|Prix|Summit|"
                  r"Tournament|Tour|War")
OCCASION_NAME = (r"(?P<name>(?<![\w'\u2019.&-])"
                 r"(?:(?:[A-Z0-9][\w'\u2019.&-]*|[IVX]+)\s+(?:(?:of(?:\s+the)?|and|de|&)\s+)?){0,7}"
                 rf"(?:{OCCASION_WORDS})(?:\s+[IVX]+\b)?)(?![\w'\u2019-])")  # "World War II"
# "the Foo Celebration (September 2001)", "Foo Festival, July 4, 2019": name, then date. Not
# "served in World War II in 1944": after "in" the date is often the clause's.
OCCASION_BEFORE_DATE_RE = re.compile(rf"{OCCASION_NAME}(?:['\u2019]s?)?\s*(?:\(\s*|,\s*)$")
# "the 2001 Foo Music Awards": date, then name
OCCASION_AFTER_DATE_RE = re.compile(rf"\s+(?:annual\s+)?{OCCASION_NAME}")
OCCASION_LOOKBACK = 120
POSSESSIVE_S_RE = re.compile(r"['\u2019]s(?=\s)")
# Words that open the capitalised run without being part of the name ("From the Foo Festival").
OCCASION_LEAD_WORDS = frozenset({"from", "at", "the", "during", "in", "on", "before", "after", "since", "until",
                                 "for", "of", "a", "an", "this", "that", "last", "next", "his", "her", "their",
                                 "its", "our", "and", "with", "to", "by"})


# ---------------------------------------------------------------- internals


@dataclass
class _Work:
    start: int
    end: int
    title: str
    kind: str | None  # kind class: 'song', 'album', 'show', ... or None
    container: bool


@dataclass
class _Trigger:
    start: int
    end: int
    event_type: str
    predicate: str
    text: str


@dataclass
class _Context:
    """What earlier sentences of the article established."""

    known_titles: dict[str, str | None]
    title_re: re.Pattern | None
    last_person: str | None = None
    # last work mentioned, by kind class (None: kind unknown) and overall
    last_work: dict[str | None, str] = field(default_factory=dict)
    last_work_any: str | None = None
    sentence_start: int = 0  # of the sentence being read, in its paragraph


def _word_count(text: str) -> int:
    return len(WORD_RE.findall(text))


def _has_words(text: str, n: int) -> bool:
    """Whether `text` has at least `n` words (stops counting at the n-th)."""
    return next(islice(WORD_RE.finditer(text), n - 1, None), None) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past surrounding spaces and stray punctuation."""
    strip = " \t\n,;:-\u2014\u2013"
    while start < end and text[start] in strip:
        start += 1
    while end > start and text[end - 1] in strip:
        end -= 1
    return start, end


def _title_span(text: str, pos: int, limit: int) -> int:
    """End of the capitalised title span starting at `pos` (== pos if none)."""
    end = pos
    tokens = 0
    pending_end = None
    i = pos
    while i < limit and tokens < MAX_TITLE_TOKENS:
        m = TITLE_TOKEN_RE.match(text, i, limit)
        if m and pending_end is not None and (not CAPITALISED_TOKEN_RE.match(m.group(0))
                                              or m.group(0).rstrip(".,").lower() in CALENDAR_WORDS):
            m = None  # "Awards in 2001": a connector must lead to a capitalised word
            break
        if m:
            end = m.end()
            tokens += 1
            pending_end = None
            i = m.end()
        else:
            w = LOWER_WORD_RE.match(text, i, limit)
            if not w or w.group(0) not in TITLE_CONNECTORS or pending_end is not None or tokens == 0:
                break
            pending_end = w.end()
            i = w.end()
        sp = TITLE_GAP_RE.match(text, i, limit)
        if not sp:
            break
        i = sp.end()
    # a title does not end in a full stop or a possessive mark
    while end > pos and text[end - 1] in ".,'\u2019":
        end -= 1
    return end


def _clean_title(title: str) -> str:
    title = title.strip().strip(QUOTE_MARKS + " ,.;:!?")
    return SPACES_RE.sub(" ", title)


def _title_ok(title: str) -> bool:
    """A usable title: not empty, not a sentence word, not a number or chart position."""
    return bool(title) and title not in NOT_TITLE_WORDS and CHART_POSITION_RE.match(title) is None \
        and HAS_WORD_RE.search(LEADING_YEAR_RE.sub("", title + " ")) is not None


def _kind_before(text: str, start: int) -> str | None:
    m = KIND_BEFORE_QUOTE_RE.search(text[max(0, start - 30):start].rstrip(QUOTE_MARKS + " "))
    return _kind_class(m.group("kind")) if m else None


def _kind_class(noun: str) -> str | None:
    """The class of a kind noun as the case-insensitive patterns matched it:
    "ſong" and "SİNGLE" included (letters that match s/i but lower-case to
    something else)."""
    word = noun.lower()
    for odd, plain in ODD_LETTER_FOLDS:
        word = word.replace(odd, plain)
    return KIND_CLASSES.get(word)


def _is_container(text: str, start: int) -> bool:
    """Whether the title at `start` names the album a thing is "off"/"from":
    the lead word follows a song noun or a title ("the second single off of
    X", "\"Foo,\" from the album X"), or the words between end in an album noun."""
    before = text[max(0, start - CONTAINER_LOOKBACK):start]
    m = CONTAINER_LEAD_RE.search(before.rstrip(QUOTE_MARKS + " ") + " ")
    if not m or CONTAINER_BLOCK_RE.search(m.group("between")) or TRIGGER_ANY_RE.search(m.group("between")):
        return False
    lead_context = before[max(0, m.start() - 30):m.start()]
    return bool(CONTAINER_PRE_RE.search(lead_context) or ALBUM_END_RE.search(m.group("between")))



@lru_cache(maxsize=KIND_TITLES_CACHE_SIZE)
def _kind_titles(text: str) -> tuple[tuple[int, int, str, str], ...]:
    """Capitalised titles right after a kind noun: (start, end, title, kind class).
    Cached: the article's context and then each paragraph read them."""
    if KIND_NOUN_LOWERED_RE.search(text.lower()) is None \
            and not any(letter in text for letter in CASE_FOLD_ODD_LETTERS):
        return ()
    out = []
    for m in KIND_BEFORE_TITLE_RE.finditer(text):
        start = m.end()
        end = _title_span(text, start, min(len(text), start + 120))
        title = _clean_title(text[start:end])
        kind = _kind_class(m.group("kind"))
        if not _title_ok(title) or kind is None:
            continue
        out.append((start, end, title, kind))
    return tuple(out)


def _quoted_works(paragraph: str, works: list) -> list[_Work]:
    out = []
    for w in works:
        start, end = int(getattr(w, "char_start", 0) or 0), int(getattr(w, "char_end", 0) or 0)
        start, end = max(0, min(start, len(paragraph))), max(0, min(end, len(paragraph)))
        title = _clean_title(str(getattr(w, "title", "") or paragraph[start:end]))
        if not title or end <= start:
            continue
        kind = KIND_CLASSES.get(str(getattr(w, "work_kind", "") or "").lower()) or _kind_before(paragraph, start)
        out.append(_Work(start, end, title, kind, _is_container(paragraph, start)))
    return out


def _known_title_mentions(paragraph: str, ctx: _Context, taken: list[_Work]) -> list[_Work]:
    """Bare mentions of titles the article introduced elsewhere ("Foo was recorded ...")."""
    if ctx.title_re is None:
        return []
    out = []
    for m in ctx.title_re.finditer(paragraph):
        if any(w.start <= m.start() < w.end or m.start() <= w.start < m.end() for w in taken):
            continue
        # not part of a longer capitalised name ("King of Foo")
        before = paragraph[max(0, m.start() - 12):m.start()]
        if INSIDE_NAME_BEFORE_RE.search(before) and not SENTENCE_END_BEFORE_RE.search(before):
            continue
        after = paragraph[m.end():m.end() + 3]
        if NAME_CONTINUES_RE.match(after):
            continue
        title = m.group(0)
        out.append(_Work(m.start(), m.end(), title, ctx.known_titles.get(title),
                         _is_container(paragraph, m.start())))
    return out


def _container_titles(text: str, taken: list[_Work], mentions: list) -> list[_Work]:
    """Unquoted album names after "off"/"from" ("the second single off of Foo Bar")."""
    out: list[_Work] = []
    if not any(mark in text for mark in CONTAINER_TITLE_LEAD_MARKS):
        return out
    for m in CONTAINER_TITLE_LEAD_RE.finditer(text):
        if not CONTAINER_PRE_RE.search(text[max(0, m.start() - 30):m.start()]):
            continue
        start = m.end()
        end = _title_span(text, start, min(len(text), start + 120))
        title = _clean_title(text[start:end])
        if not _title_ok(title) or any(w.start < end and start < w.end for w in taken + out) \
                or any(x.start == start and x.kind in PARTICIPANT_KINDS for x in mentions):
            continue
        out.append(_Work(start, start + len(title), title, "album", True))
    return out


def _build_context(paragraphs: list[str], works_by_paragraph: dict[int, list]) -> _Context:
    known: dict[str, str | None] = {}
    for index, paragraph in enumerate(paragraphs):
        for w in _quoted_works(paragraph, works_by_paragraph.get(index, [])):
            known.setdefault(w.title, w.kind)
        for _, _, title, kind in _kind_titles(paragraph):
            known.setdefault(LEADING_YEAR_RE.sub("", title), kind)
    bare = sorted((t for t in known if len(t) >= MIN_BARE_TITLE_CHARS and not t.islower()),
                  key=len, reverse=True)
    title_re = re.compile(r"(?<![\w'\u2019])(?:" + "|".join(re.escape(t) for t in bare) + r")(?![\w'\u2019])") \
        if bare else None
    return _Context(known, title_re)


def _negated(clause_text: str, offset: int) -> bool:
    before = NUMBER_SIGN_RE.sub(" ", clause_text[:offset])  # "debuted at No. 2 ... and won": no negation
    words = WORD_RE.findall(before)[-NEGATION_WINDOW_WORDS:]
    return bool(words) and bool(NEGATION_RE.search(" ".join(words)))


def _chart_position(text: str) -> int | None:
    if not any(mark in text for mark in CHART_POSITION_MARKS):
        return None
    m = CHART_POSITION_RE.search(text)
    if not m:
        return None
    if m.group("word"):
        return POSITION_WORDS[m.group("word").lower()]
    return int(m.group("hash") or m.group("no") or m.group("num"))


def _chart_name(text: str) -> str | None:
    for m in CHART_NAME_RE.finditer(text):
        name = m.group("name")
        if not CHART_WORD_RE.search(name + (m.group("tail") or "")) and not m.group("tail"):
            continue
        tail = (m.group("tail") or "").strip()
        tail = CHART_SUFFIX_RE.sub("", tail)
        full = f"{name} {tail}".strip() if tail else name
        return CHART_SUFFIX_RE.sub("", full)
    return None


def _finditer_at(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """`pattern.finditer(text)` when its matches can only begin at `starts`
    (ascending): the same matches, tried at those places only."""
    end = 0
    for start in starts:
        if start >= end:
            m = pattern.match(text, start)
            if m:
                yield m
                end = m.end()


def _find_triggers(clause: str) -> list[_Trigger]:
    """Triggers of a clause, left to right. Matching is case-sensitive (so
    "Epic Records" is no recording), except for the clause's first letter."""
    found: list[_Trigger] = []
    clause = clause[:1].lower() + clause[1:]
    starts = [m.start() for m in TRIGGER_START_RE.finditer(clause)]
    if not starts:
        return found

    def add(start: int, end: int, etype: str, pred: str) -> None:
        if any(t.start < end and start < t.end for t in found):
            return
        found.append(_Trigger(start, end, etype, pred, clause[start:end]))

    for m in _finditer_at(CHART_VERB_RE, clause, starts):
        window = clause[m.end():m.end() + CHART_WINDOW]
        if CHART_POSITION_RE.search(window) or CHART_WORD_RE.search(window):
            add(m.start(), m.end(), CHART_POSITION, "chart")
    for m in _finditer_at(APPEARANCE_RE, clause, starts):
        window = clause[m.end():m.end() + APPEARANCE_WINDOW]
        if TRACK_NOUN_RE.search(window):
            add(m.start(), m.end(), COLLABORATION, "appear")
        else:
            add(m.start(), m.end(), BROADCAST, "appear")
    for m in _finditer_at(WIN_RE, clause, starts):
        window = clause[m.end():m.end() + WIN_NOUN_WINDOW]
        if AWARD_NOUN_RE.search(window):
            add(m.start(), m.end(), AWARD, "win")
        elif ELECTION_NOUN_RE.search(window[:40]) or WON_OFFICE_RE.match(clause, m.end()):
            add(m.start(), m.end(), ELECTION, "win")
        elif JUDGMENT_NOUN_RE.match(clause, m.end()):
            add(m.start(), m.end(), VERDICT, "rule")  # "won a $7.4 million judgment": a case decided
        elif m.group(0).lower().startswith("won") or m.group(0).lower().startswith("win"):
            add(m.start(), m.end(), VICTORY, "win")
    for m in _finditer_at(BEAT_RE, clause, starts):
        add(m.start(), m.end(), VICTORY, "beat")
    for etype, pred, pattern in TRIGGERS:
        for m in _finditer_at(pattern, clause, starts):
            add(m.start(), m.end(), etype, pred)
    found.sort(key=lambda t: t.start)
    return found


def _lede_triggers(text: str, a: int, b: int, found: list[_Trigger]) -> list[_Trigger]:
    """The lede-only triggers of clause text[a:b] in the present perfect,
    where no trigger of `found` (offsets in the clause) already is."""
    out: list[_Trigger] = []
    for etype, pred, pattern in LEDE_TRIGGERS:
        for m in pattern.finditer(text, a, b):
            start, end = m.start() - a, m.end() - a
            if PRESENT_PERFECT_BEFORE_RE.search(text, a, m.start()) \
                    and not any(t.start < end and start < t.end for t in found + out):
                out.append(_Trigger(start, end, etype, pred, m.group(0)))
    return out


def _resolve_pronoun(text: str, pos: int, mentions: list, ctx: _Context, floor: int = 0) -> str | None:
    """The person a he/she at `pos` most likely is: the nearest person named
    before it in the sentence (`floor` is where the sentence starts), one that
    is a subject (not after a preposition) first; else the sentence subject
    carried from earlier sentences."""
    before = [m for m in mentions if floor <= m.start and m.end <= pos and _personlike(m) and not m.possessive]
    subjects = [m for m in before if not OBJECT_LEAD_RE.search(text[max(floor, m.start - 20):m.start])]
    if subjects or before:
        return (subjects or before)[-1].canonical
    return ctx.last_person


def _personlike(mention: Any) -> bool:
    """A person, or a name the entity index could not type that looks like one."""
    return mention.kind == "person" or (mention.kind == "other"
                                        and PLAIN_NAME_RE.fullmatch(mention.canonical) is not None)


def _source_of_report(text: str, mention: Any) -> bool:
    """A name that reports what the clause says ("after Politico reported the
    aid had been paused", "according to Reuters"), or that is told it ("Malone
    told Rolling Stone in 2019 that ..."): its source or its audience, no participant."""
    return REPORTED_BY_AFTER_RE.match(text, mention.end) is not None \
        or TOLD_TO_BEFORE_RE.search(text, max(0, mention.start - TOLD_TO_LOOKBACK_CHARS),
                                    mention.start) is not None \
        or ACCORDING_TO_RE.search(text, max(0, mention.start - ACCORDING_TO_LOOKBACK_CHARS),
                                  mention.start) is not None


def _tells_of(text: str, mention: Any, trigger_start: int) -> bool:
    """Whether `mention` tells of the event at `trigger_start` rather than
    taking part in it: "Pruitt said the fire started" (the event in what is
    said), "The blaze broke out at 9 p.m., Fire Chief Dana Pruitt said."."""
    verb = TOLD_BY_AFTER_RE.match(text, mention.end)
    if verb is None or mention.possessive:
        return False
    if verb.end() <= trigger_start:
        return True
    return mention.start > trigger_start and TRAILING_TELLER_AFTER_RE.match(text, verb.end()) is not None \
        and TRAILING_TELLER_BEFORE_RE.search(
            text[max(0, mention.start - TRAILING_TELLER_LOOKBACK_CHARS):mention.start]) is not None


def _can_claim(mention: Any) -> bool:
    return mention.kind in CLAIMANT_KINDS or _personlike(mention)


def _side_of(text: str, mention: Any, trig: _Trigger) -> bool:
    """Whether `mention` is a side of the win at `trig`: its subject or, for a
    win over someone (not of an award: "won a Grammy"), its object, at most two
    words away ("Harbour United won", "beating Rivertown")."""
    return trig.event_type in SIDES_EVENT_TYPES and (
        (mention.end <= trig.start and SIDE_GAP_RE.fullmatch(text, mention.end, trig.start) is not None)
        or (trig.event_type != AWARD and mention.start >= trig.end
            and SIDE_GAP_RE.fullmatch(text, trig.end, mention.start) is not None))


def _relative_antecedent(text: str, a: int, trig: _Trigger, mentions: list) -> str | None:
    """The person a "who" right before the trigger stands for: "... by Mira Tan
    and Eli Brandt, who left the company in 2016" is Eli Brandt's leaving."""
    rel = RELATIVE_WHO_BEFORE_RE.search(text, max(a, trig.start - RELATIVE_WHO_LOOKBACK_CHARS), trig.start)
    if rel is None:
        return None
    before = [m for m in mentions if m.end <= rel.start() and rel.start() - m.end <= 2 and _personlike(m)]
    return before[-1].canonical if before else None


def _party_to(text: str, mention: Any, trig: _Trigger) -> bool:
    """Whether `mention` is a party to the deal at `trig`: named before it in
    its clause, or after "with" ("signed a deal with Orion Foods")."""
    return trig.event_type in PARTY_EVENT_TYPES and (
        mention.end <= trig.start or PARTY_WITH_RE.fullmatch(text, trig.end, mention.start) is not None)


def _extra_participant(event_type: str, mention: Any) -> bool:
    if event_type in THING_EVENT_TYPES:
        return True  # "the Harbour Bridge collapsed": what it happened to names it
    if mention.kind == "organization":
        return event_type in ORGANIZATION_EVENT_TYPES
    if mention.kind == "other":
        return event_type in PERSON_EVENT_TYPES and PLAIN_NAME_RE.fullmatch(mention.canonical) is not None
    return False


def _first_subject_mention(text: str, start: int, end: int, mentions: list) -> Any:
    """The first person or group named in text[start:end] that is not after a
    preposition nor a possessive: the candidate for the sentence's subject."""
    return next((m for m in mentions if start <= m.start < end and _can_claim(m) and not m.possessive
                 and not OBJECT_LEAD_RE.search(text[max(start, m.start - 20):m.start])), None)


def _passive_subject(text: str, start: int, end: int, mentions: list) -> str | None:
    """The person a passive verb at `end` is about: the sentence's first name,
    when it heads its subject (an apposition or the verb right after it: not
    "Two United States service members")."""
    m = _first_subject_mention(text, start, end, mentions)
    return m.canonical if m is not None and SUBJECT_HEAD_AFTER_RE.match(text, m.end) else None


def _sentence_subject(text: str, start: int, end: int, mentions: list, ctx: _Context) -> str | None:
    """The first person or group of a sentence that is not after a preposition
    (a leading he/she is resolved)."""
    refs: list[tuple[int, str | None]] = []
    if (m := _first_subject_mention(text, start, end, mentions)) is not None:
        refs.append((m.start, m.canonical))
    p = SUBJECT_PRONOUN_RE.search(text, start, end)
    if p:
        refs.append((p.start(), _resolve_pronoun(text, p.start(), mentions, ctx, start)))
    return min(refs, key=lambda r: r[0])[1] if refs else None


def _claimant(text: str, seg_start: int, seg_end: int, mentions: list, ctx: _Context
              ) -> tuple[str | None, int | None]:
    """Claimant of an unquoted stretch and where its reporting verb starts.

    The claimant is the subject right before the reporting verb ("Jane Doe
    (also) said", "he told"); a verb that opens its clause ("..., telling
    reporters that", "and, later, revealed that") has the sentence's subject;
    the press that reported it ("It was reported in the French media that",
    "Italian media reported that")."""
    media = MEDIA_REPORT_RE.match(text, seg_start, seg_end)
    if media is not None:
        which = "" if media.group("source") else "2"
        return media.group("source" + which).strip(), media.start("verb" + which)
    for m in mentions:
        if seg_start <= m.start < seg_end and _can_claim(m):
            if ACCORDING_TO_RE.search(text, max(seg_start, m.start - ACCORDING_TO_LOOKBACK_CHARS), m.start):
                return m.canonical, seg_start
    for verb in REPORTING_RE.finditer(text, seg_start, seg_end):
        # "The bridge was unsafe, Jane Doe said." / "..., said Jane Doe.": what came before is reported
        trailing = _trailing_claimant(text, seg_start, seg_end, verb, mentions, ctx)
        if trailing is not None:
            return trailing, seg_start
        if not text[verb.end():seg_end].strip(END_MARKS):
            continue  # "..., Bass said." with nothing reported
        cands: list[tuple[int, str | None]] = []
        for m in mentions:
            if seg_start <= m.start and m.end <= verb.start() and _can_claim(m) and not m.possessive \
                    and SUBJECT_GAP_RE.fullmatch(text, m.end, verb.start()) \
                    and not PREPOSITION_OBJECT_BEFORE_RE.search(
                        text, max(seg_start, m.start - PREPOSITION_OBJECT_LOOKBACK_CHARS), m.start):
                cands.append((m.end, m.canonical))
        for p in SUBJECT_PRONOUN_RE.finditer(text, seg_start, verb.start()):
            if SUBJECT_GAP_RE.fullmatch(text, p.end(), verb.start()):
                cands.append((p.end(), _resolve_pronoun(text, p.start(), mentions, ctx, ctx.sentence_start)))
        for p in FIRST_PERSON_RE.finditer(text, seg_start, verb.start()):
            if SUBJECT_GAP_RE.fullmatch(text, p.end(), verb.start()):
                cands.append((p.end(), None))  # the writer speaking: the outlet's voice
        if cands:
            return max(cands, key=lambda c: c[0])[1], verb.start()
        if CLAUSE_OPENING_RE.search(text, max(seg_start, verb.start() - 60), verb.start()):
            subject = _sentence_subject(text, ctx.sentence_start, verb.start(), mentions, ctx)
            if subject:
                return subject, verb.start()
    return None, None


def _joint_claimants(text: str, seg_start: int, verb_at: int, mentions: list, claimant: str) -> list[str]:
    """The others of a joint subject whose last name is `claimant`, right
    before the reporting verb at `verb_at`: ["Doe"] for "both Doe and Roe told"."""
    names = sorted((m for m in mentions if seg_start <= m.start and m.end <= verb_at and _can_claim(m)
                    and not m.possessive), key=lambda m: m.start)
    last = next((m for m in reversed(names) if m.canonical == claimant
                 and SUBJECT_GAP_RE.fullmatch(text, m.end, verb_at)), None)
    if last is None:
        return []
    conjuncts = [last]
    for m in reversed(names[:names.index(last)]):
        link = (JOINT_SUBJECT_LAST_LINK_RE if len(conjuncts) == 1 else JOINT_SUBJECT_LINK_RE)
        if not link.fullmatch(text, m.end, conjuncts[-1].start):
            break
        conjuncts.append(m)
    if len(conjuncts) == 1 or not JOINT_SUBJECT_LEAD_RE.search(text, seg_start, conjuncts[-1].start):
        return []
    others: list[str] = []
    for m in reversed(conjuncts[1:]):
        if m.canonical != claimant and m.canonical not in others:
            others.append(m.canonical)
    return others


def _subject_verb_at(text: str, pos: int, end: int, mentions: list, ctx: _Context,
                     verb_re: re.Pattern) -> tuple[str, re.Match] | None:
    """A claimant named (or he/she) at `pos`, maybe behind a role, then its
    verb of `verb_re`: "Doe has said", "Mayor Jane Doe disputes", "she denied"."""
    for m in mentions:
        if pos <= m.start and m.end < end and _can_claim(m) and not m.possessive \
                and ROLE_BEFORE_SUBJECT_RE.fullmatch(text, pos, m.start):
            gap = SUBJECT_GAP_RE.match(text, m.end, end)
            verb = verb_re.match(text, gap.end(), end) if gap else None
            if verb:
                return m.canonical, verb
    p = SUBJECT_PRONOUN_RE.match(text, pos, end)
    if p:
        gap = SUBJECT_GAP_RE.match(text, p.end(), end)
        verb = verb_re.match(text, gap.end(), end) if gap else None
        who = _resolve_pronoun(text, pos, mentions, ctx, ctx.sentence_start) if verb else None
        if who and verb:
            return who, verb
    return None


def _death_count(clause: str) -> int | None:
    """How many people the clause says died, if it says."""
    m = DEATH_COUNT_RE.search(clause)
    if m is None:
        return None
    word = (m.group("n1") or m.group("n2") or m.group("n3")).lower()
    n = NUMBER_WORDS.get(word)
    if n is None:
        if YEAR_LIKE_RE.fullmatch(word):
            return None  # "in 2009 people died": a year
        n = int(word.replace(",", ""))
    return n if 0 < n <= MAX_DEATH_COUNT else None


def _trailing_claimant(text: str, seg_start: int, seg_end: int, verb: re.Match, mentions: list,
                       ctx: _Context) -> str | None:
    """Who a closing ", Jane Doe said." / ", said Jane Doe." / ", he said."
    names, when something was said before it."""
    comma = text.rfind(",", seg_start, verb.start())
    if comma < 0 or not _has_words(text[seg_start:comma], MIN_CLAIM_WORDS):
        return None
    if not text[verb.end():seg_end].strip(END_MARKS):  # ", Jane Doe said." / ", he said."
        for m in mentions:
            if _can_claim(m) and comma < m.start and m.end <= verb.start() \
                    and len(text[comma + 1:m.start].split()) <= MAX_SOURCE_LEAD_WORDS \
                    and SUBJECT_GAP_RE.fullmatch(text, m.end, verb.start()):
                return m.canonical
        at = verb.start() - len(text[comma + 1:verb.start()].lstrip())  # the first word after the comma
        p = SUBJECT_PRONOUN_RE.match(text, at)
        if p and SUBJECT_GAP_RE.fullmatch(text, p.end(), verb.start()):
            return _resolve_pronoun(text, p.start(), mentions, ctx, ctx.sentence_start)
    elif not text[comma + 1:verb.start()].strip():  # ", said Jane Doe."
        for m in mentions:
            if _can_claim(m) and verb.end() <= m.start and not text[verb.end():m.start].strip() \
                    and not text[m.end:seg_end].strip(END_MARKS):
                return m.canonical
    return None


def _causes(text: str, start: int, end: int, mentions: list) -> list[tuple[str, int, int]]:
    """(cause, where the outcome starts, where it ends) for each cause cue: a
    person or group ("it was Doe who ...", "credits Doe as the reason ...")
    or a thing ("the collapse was caused by corrosion", "blamed heavy
    traffic for the collapse")."""
    out = _thing_causes(text, start, end)
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.kind in PARTICIPANT_KINDS]
    for m in inside:
        lead = text[max(start, m.start - 40):m.start]
        cue = CAUSE_AFTER_CUE_RE.search(lead)
        if cue and CAUSE_AFTER_NEEDS_WHO.search(cue.group(0)) and not WHO_RE.match(text[m.end:end]):
            cue = None
        cue_start = m.start - len(lead) + cue.start() if cue else None
        if cue is None:
            after = CAUSE_BEFORE_CUE_RE.match(text[m.end:min(end, m.end + 80)])
            if after is None:
                continue
            cue_start = m.start
        if _negated(text[start:cue_start], cue_start - start):
            continue
        out.append((m.canonical, m.end, end))
    return out


def _thing_causes(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    out = []
    clause = text[start:end]
    for m in THING_CAUSE_RE.finditer(clause):
        phrase = m.group("cause") or m.group("cause2") or m.group("cause3")
        cause = " ".join(CAUSE_LEAD_RE.sub("", phrase).split()[:MAX_CAUSE_WORDS])
        if not cause or _negated(clause[:m.start()], m.start()):
            continue
        if m.group("outcome2") is not None:  # "blamed X for the collapse"
            outcome_start, outcome_end = m.span("outcome2")
        else:  # "the collapse was caused by X": what comes before, after any "said"
            reports = list(REPORTING_RE.finditer(clause, 0, m.start()))
            outcome_start, outcome_end = (reports[-1].end() if reports else 0), m.start()
        out.append((cause, start + outcome_start, start + outcome_end))
    return out


def _topic(text: str, start: int, end: int, mentions: list, works: list[_Work]) -> str | None:
    chunk = list(text[start:end].lower())
    for m in mentions:
        for i in range(max(m.start, start), min(m.end, end)):
            chunk[i - start] = " "
    for w in works:
        for i in range(max(w.start, start), min(w.end, end)):
            chunk[i - start] = " "
    words: list[str] = []
    for w in TOPIC_WORD_RE.findall("".join(chunk)):
        if w not in TOPIC_STOPWORDS and w not in words:
            words.append(w)
    return " ".join(words[:MAX_TOPIC_WORDS]) or None


def _time_gap(text: str, t: Any, tr: _Trigger) -> str:
    return text[t.char_end:tr.start] if t.char_end <= tr.start else text[tr.end:t.char_start]


def _date_gap(text: str, t: Any, tr: _Trigger) -> str:
    """The words between a date and a trigger that keep them apart: not the
    date's possessive ending ("Tuesday's crash") nor a clock time said with
    the day ("derailed ..., shortly after 9 p.m. on Tuesday")."""
    between = _time_gap(text, t, tr)
    if t.char_end <= tr.start:
        return DATE_POSSESSIVE_RE.sub("", between)
    return CLOCK_BEFORE_DATE_RE.sub("", between)


def _time_distance(text: str, t: Any, tr: _Trigger) -> float:
    """Words between a date and a trigger; a comma or dash counts as three,
    and a date after its verb ("elected in 2010") binds tighter than one before."""
    between = _date_gap(text, t, tr)
    return (_word_count(between) + 3 * len(CLAUSE_PUNCTUATION_RE.findall(between))
            + (0.5 if t.char_end <= tr.start else 0))


def _pick_time(times: list, trigger: _Trigger | None, others: list[_Trigger], clause_start: int,
               text: str) -> Any:
    """The time expression of the clause that belongs to `trigger`."""
    if not times:
        return None
    if trigger is None:
        return times[0]
    # each other trigger's nearest date: only there does it compete with this one
    # (not a date right before ", and" and that trigger, nor the year of a named thing: "performed
    # at the 2020 Grammy Awards in January and it has reached No. 22" leaves January to the performance)
    own_dates = {id(tr): min((t2 for t2 in times if not (
        t2.char_end <= tr.start and DATE_OF_FIRST_VERB_RE.fullmatch(text, t2.char_end, tr.start))
        and not _names_a_thing(text, t2)),
        key=lambda t2: _time_distance(text, t2, tr), default=None) for tr in others}
    mine = []
    for t in times:
        if len(times) > 1 and DATELINE_PLACE_BEFORE_RE.fullmatch(text, 0, t.char_start) \
                and DATELINE_DASH_AFTER_RE.match(text, t.char_end):
            continue  # the dateline's day, where the sentence has one of its own
        if POSSESSIVE_DATE_AT_RE.match(text, t.char_end) and getattr(t, "precision", None) != "year" and not (
                t.char_end <= trigger.start
                and len(WORD_RE.findall(text, t.char_end + 2, trigger.start)) <= POSSESSIVE_DATE_REACH_WORDS):
            continue  # "Today's blast ... stronger than the first explosion": the blast's day, not the first's
        if t.char_end <= trigger.start and (offset := OFFSET_BEFORE_EVENT_RE.match(text[t.char_end:trigger.start])):
            shifted = _shifted_day(t, offset)
            if shifted is not None:
                return shifted
        if NOT_EVENT_DATE_LEAD_RE.search(text[max(0, t.char_start - 20):t.char_start]) \
                and not (t.char_end <= trigger.start and OWN_DATE_GAP_RE.fullmatch(text, t.char_end, trigger.start)):
            continue  # "for the first time since 1993": a bound, not the date ("after Friday's shooting" dates it)
        if t.char_start >= trigger.end and SECOND_PREDICATE_RE.search(text, trigger.end, t.char_start):
            continue
        if t.char_end <= trigger.start and SAID_BEFORE_DATE_RE.search(
                text, max(0, t.char_start - SAID_LOOKBACK_CHARS), t.char_start) \
                and not SAID_AT_RE.match(text, t.char_end):
            continue  # "said Wednesday his company ...": the day it was said
        if t.char_start >= trigger.end and RELATIVE_PRONOUN_BEFORE_RE.search(text, 0, trigger.start) \
                and MAIN_CLAUSE_VERB_RE.search(text, trigger.end, t.char_start):
            continue
        if t.char_end <= trigger.start and DATE_OF_FIRST_VERB_RE.fullmatch(text, t.char_end, trigger.start) \
                and any(o.char_start >= trigger.end for o in times):
            continue
        if t.text.lower() in PRESENT_DAY_TEXTS and STILL_RE.search(text, trigger.end, t.char_start):
            continue
        # a year right before a kind noun dates the work ("their 2001 hit"): only
        # a release, or a trigger that is that noun ("their 2014 duet"), takes it
        if ATTRIBUTIVE_DATE_RE.match(text, t.char_end) and trigger.event_type != RELEASE \
                and not 0 <= trigger.start - t.char_end <= 2:
            continue
        if getattr(t, "precision", None) == "year" and (noun := LOWER_NOUN_AFTER_RE.match(text, t.char_end)) \
                and OBJECT_YEAR_BEFORE_RE.search(text[max(0, t.char_start - 20):t.char_start]) \
                and not any(r.match(text, noun.end()) for r in YEAR_OWNING_NOUN_RES) \
                and not trigger.start <= t.char_start < trigger.end:
            continue
        if _names_a_thing(text, t, by_name=False) and not 0 <= trigger.start - t.char_end <= 2 \
                and not trigger.start <= t.char_start < trigger.end:  # "signed the 2019 deal"
            continue

        # another trigger competes for this date only if it is the date
        # nearest to it: in "arrested Doe, ..., on March 5, two days after the
        # bridge collapsed on March 3", March 3 is the collapse's, March 5 the arrest's
        rivals = [tr for tr in others if own_dates[id(tr)] is t]
        # ... and a date of another trigger between the two stops it: in "from
        # 2010 until he resigned in March 2018, two weeks after agents searched
        # City Hall", 2010 is not the search's
        lo, hi = (t.char_end, trigger.start) if t.char_end <= trigger.start else (trigger.end, t.char_start)
        if any(d is not None and lo <= d.char_start and d.char_end <= hi for d in own_dates.values()):
            continue
        nearest = min([trigger] + rivals, key=lambda tr: (_time_distance(text, t, tr), tr is not trigger))
        between = _date_gap(text, t, trigger)
        # "... where Doe was born ..., the minister said on Tuesday": a report's
        # verb between the two takes the date (the day it was said)
        if nearest is trigger and _word_count(between) <= MAX_TIME_DISTANCE_WORDS \
                and not REPORT_TAKES_DATE_RE.search(between) and not ON_SALE_RE.search(between):
            mine.append(t)
    if not mine:
        return None
    resolved = [t for t in mine if getattr(t, "is_resolved", False) and getattr(t, "date_start", None)
                and getattr(t, "precision", None) in PRECISION_RANK]
    if resolved:
        return max(resolved, key=lambda t: (PRECISION_RANK[t.precision], -abs(t.char_start - trigger.start)))
    return mine[0]


def _content_stems(text: str) -> frozenset[str]:
    """The stems of a text's longer lower-case words, not its common ones."""
    return frozenset(w[:CONTENT_STEM_CHARS] for w in re.findall(r"\b[a-z][a-z'\u2019-]+\b", text)
                     if len(w) >= CONTENT_STEM_CHARS and w not in COMMON_LONG_WORDS)


def _names_a_thing(text: str, t: Any, by_name: bool = True) -> bool:
    """A date between a determiner and a noun ("a July 10 meeting") or, with
    `by_name`, a name ("the 2020 Grammy Awards"): it dates that thing."""
    thing = NOUN_AFTER_DATE_RE.match(text, t.char_end) is not None \
        or (by_name and NAME_AFTER_DATE_RE.match(text, t.char_end) is not None)
    return thing and DETERMINER_BEFORE_DATE_RE.search(text[max(0, t.char_start - 8):t.char_start]) is not None


def _shifted_day(t: Any, offset: re.Match) -> Any:
    """Time expression `t` (a day) moved by "a day after", "two weeks before"
    (`offset`): the date of the event told after the offset. None unless `t`
    is a resolved day."""
    if not getattr(t, "is_resolved", False) or getattr(t, "precision", None) != "day" \
            or getattr(t, "date_start", None) is None:
        return None
    n = offset.group("n").lower()
    count = 1 if n in ("a", "an") else int(n) if n.isdigit() else NUMBER_WORDS[n]
    days = count * OFFSET_UNIT_DAYS[offset.group("unit").rstrip("s")]
    # "X, a day after Y": Y came first; "X, a day before Y": Y came later
    if offset.group("relation") == "after":
        days = -days
    day = t.date_start + timedelta(days=days)
    return replace(t, value=day.isoformat(), date_start=day, date_end=day)


def _time_fields(t: Any) -> tuple[str | None, str | None, str | None, date | None, date | None, str]:
    """(text, value, precision, first day, last day of a range, status)."""
    if t is None:
        return None, None, None, None, None, "none"
    if not getattr(t, "is_resolved", False) or getattr(t, "date_start", None) is None \
            or getattr(t, "precision", None) not in PRECISION_RANK:
        return t.text, None, None, None, None, "unresolved"
    value = t.value
    is_range = isinstance(value, str) and "/" in value
    return t.text, value, t.precision, t.date_start, (t.date_end if is_range else None), "resolved"


def _pick_work(works: list[_Work], pos: int, before_only: bool = False) -> _Work | None:
    own = [w for w in works if not w.container and (not before_only or w.end <= pos)]
    if not own:
        return None

    def distance(w: _Work) -> tuple[int, int]:
        if w.start >= pos:
            return (w.start - pos, 0)
        return (pos - w.end, 1)

    return min(own, key=distance)


def _anaphor_work(text: str, clause_start: int, trigger_start: int, ctx: _Context) -> str | None:
    before = text[clause_start:trigger_start]
    d = None
    for d in DEFINITE_WORK_RE.finditer(text, clause_start, trigger_start + 60):
        pass
    if d is not None:
        noun = d.group(0).split()[-1].lower()
        for kind in ANAPHOR_CLASSES.get(noun, (None,)):
            if ctx.last_work.get(kind):
                return ctx.last_work[kind]
        return None
    if IT_BEFORE_TRIGGER_RE.search(before):
        return ctx.last_work_any
    return None


def _remember_work(ctx: _Context, title: str, kind: str | None) -> None:
    ctx.last_work[kind] = title
    ctx.last_work_any = title


def _occasion_at(text: str, t_start: int, t_end: int) -> tuple[str, int, int] | None:
    """The named occasion written right before or after a date, as (name as
    written without a possessive, start of the phrase, its end)."""
    m = OCCASION_BEFORE_DATE_RE.search(text, max(0, t_start - OCCASION_LOOKBACK), t_start)
    if m is not None:
        a, b = m.start("name"), t_end + (1 if text[t_end:t_end + 1] == ")" else 0)
        name = m.group("name")
    else:
        m = OCCASION_AFTER_DATE_RE.match(text, t_end)
        if m is None:
            return None
        a, b, name = t_start, m.end("name"), m.group("name")
    words = name.split()
    dropped = 0
    while dropped < len(words) and words[dropped].lower() in OCCASION_LEAD_WORDS:
        dropped += 1
    words = words[dropped:]
    if len(words) < 2:
        return None  # "the Cup", "Awards": a word, not a name
    if dropped and a == m.start("name"):  # the phrase starts at the name's first kept word
        a = text.index(words[0], a)
    name = POSSESSIVE_S_RE.sub("", " ".join(words))
    return name, a, b


def _venue(text: str, start: int, end: int, mentions: list, trig: _Trigger, others: Sequence[_Trigger]) -> str | None:
    """The place named in the clause, as `trig`'s venue: none when another
    trigger that takes a venue stands nearer to it ("testified about a
    meeting at the White House": the meeting's place, not the testimony's)."""
    for m in VENUE_LEAD_RE.finditer(text, start, end):
        if any(o.event_type in VENUE_TYPES and _distance(o, m.start()) < _distance(trig, m.start()) for o in others):
            return None
        span_end = _title_span(text, m.end(), end)
        # "Teatro del Foo in Rome": the venue, not its town
        name = VENUE_TOWN_RE.split(LEADING_YEAR_RE.sub("", _clean_title(text[m.end():span_end])))[0]
        if not name or name in NOT_TITLE_WORDS or NOT_VENUE_START_RE.match(name) \
                or CLOCK_TIME_RE.match(text, m.end()) or name.isdigit():
            continue  # "strike at 7 a.m. Monday": a time, not a place
        if any(p.start == m.end() and p.kind in PARTICIPANT_KINDS and p.end >= span_end for p in mentions):
            continue  # "at Jane Doe's" is a person, not a place
        return name
    return None


def _distance(trig: _Trigger, at: int) -> int:
    return trig.start - at if at < trig.start else max(0, at - trig.end)


def _award_name(text: str, start: int, end: int) -> str | None:
    for m in WORD_CAPITAL_RE.finditer(text[start:end]):
        s = start + m.start()
        if s > start and text[s - 1] not in " \"\u201c'\u2018(":
            continue
        e = _title_span(text, s, end)
        name = TRAILING_NUMBERS_RE.sub("", _clean_title(text[s:e]))
        if AWARD_NAME_END_RE.search(name) and len(name.split()) >= 2:
            return name
    return None


def _segments(paragraph: str, s: int, e: int, quotes: list) -> list[tuple[int, int, Any]]:
    """The sentence cut into (start, end, quote or None) stretches."""
    cuts: list[tuple[int, int, Any]] = []
    pos = s
    for q in quotes:
        qs, qe = max(s, q[0]), min(e, q[1])
        if qe <= qs:
            continue
        if qs > pos:
            cuts.append((pos, qs, None))
        cuts.append((qs, qe, q[2]))
        pos = max(pos, qe)
    if pos < e:
        cuts.append((pos, e, None))
    out = []
    for a, b, q in cuts:
        a, b = _trim(paragraph, a, b)
        while a < b and paragraph[a] in QUOTE_MARKS:
            a += 1
        while b > a and paragraph[b - 1] in QUOTE_MARKS:
            b -= 1
        if b > a and _has_words(paragraph[a:b], 1 if q is not None else MIN_SEGMENT_WORDS):
            out.append((a, b, q))
    return out


def _clauses(paragraph: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    pos = s
    for m in CLAUSE_BREAK_RE.finditer(paragraph, s, e):
        if pos == s and m.group(0).strip() == "," \
                and len(paragraph[pos:m.start()].split()) <= OPENING_PHRASE_MAX_WORDS:
            continue  # an opening phrase, not a clause
        a, b = _trim(paragraph, pos, m.start())
        if b > a:
            out.append((a, b))
        pos = m.end()
    a, b = _trim(paragraph, pos, e)
    if b > a:
        out.append((a, b))
    return out or [(s, e)]


class _ArticleParser:
    def __init__(self, article_id: str, paragraphs: list[str], entities: Any, quotes: Any, times: list,
                 published: date | None, block: str = "body"):
        self.article_id = article_id
        self.block = block
        self.paragraphs = paragraphs
        self.entities = entities
        self.published = published
        self.lede_index = next((i for i, p in enumerate(paragraphs) if _word_count(p) >= MIN_LEDE_WORDS),
                               None) if block == BODY_BLOCK else None
        self.times_by_paragraph: dict[int, list] = {}
        for t in times or ():
            self.times_by_paragraph.setdefault(getattr(t, "paragraph_index", -1), []).append(t)
        self.quotes_by_paragraph: dict[int, list] = {}
        for q in getattr(quotes, "quotes", ()) or ():
            # scare quotes are the writer's words in marks ('she remained "optimistic."'): no one's quotation
            if getattr(q, "parent_quote_id", None) is None and getattr(q, "quote_type", None) != SCARE:
                self.quotes_by_paragraph.setdefault(getattr(q, "paragraph_index", -1), []).append(q)
        self.works_by_paragraph: dict[int, list] = {}
        for w in getattr(quotes, "works", ()) or ():
            self.works_by_paragraph.setdefault(getattr(w, "paragraph_index", -1), []).append(w)
        self.ctx = _build_context(paragraphs, self.works_by_paragraph)
        self.claims: list[Claim] = []
        # who each claim names (its mentions and its participants): what an outlet's claim is about
        self.names_in_claim: dict[str, frozenset[str]] = {}
        self.events: list[EventCandidate] = []
        self.amounts: list[Amount] = []
        self.amount_spans: set[tuple[int, int, int]] = set()  # (paragraph, start, end) of clauses read for figures
        # where each sentence's claims start in self.claims
        self.sentence_firsts: list[int] = []
        # a denial of what is reported only after it ("Doe has denied reaching a deal. It was
        # reported ... that Doe struck a deal"): its claimant, then (claim index, denier, sentence)
        self.pending_denier: str | None = None
        self.forward_denial: tuple[int, str, int] | None = None
        # the last resolved day the article named, for a clock time told after it
        self.last_day: Any = None
        self.frame_time: Any = None  # the date that opens the current sentence
        # who or what the last incident told of involved: "the blaze" after it is that incident
        self.last_thing_participants: tuple[str, ...] = ()

    def mentions(self, text: str) -> list:
        finder = getattr(self.entities, "find_mentions", None)
        if finder is None:
            return []
        try:
            return sorted(finder(text), key=lambda m: m.start)
        except Exception:  # noqa: BLE001 - a lookup must not sink the article
            return []

    def run(self) -> ClaimResult:
        for index, paragraph in enumerate(self.paragraphs):
            if not isinstance(paragraph, str) or not paragraph.strip():
                continue
            try:
                self.paragraph(index, paragraph[:MAX_PARAGRAPH_CHARS])
            except Exception:  # noqa: BLE001 - one odd paragraph loses only itself
                continue
        return ClaimResult(tuple(self.claims), tuple(self.events), tuple(self.amounts))

    def paragraph(self, index: int, text: str) -> None:
        mentions = self.mentions(text)
        quotes = []
        for q in self.quotes_by_paragraph.get(index, []):
            qs, qe = int(getattr(q, "char_start", 0) or 0), int(getattr(q, "char_end", 0) or 0)
            if 0 <= qs < qe <= len(text):
                quotes.append((qs, qe, q))
        quotes.sort(key=lambda q: q[0])
        works = _quoted_works(text, self.works_by_paragraph.get(index, []))
        for start, end, title, kind in _kind_titles(text):
            if not any(w.start < end and start < w.end for w in works):
                works.append(_Work(start, end, LEADING_YEAR_RE.sub("", title), kind, _is_container(text, start)))
        works += _known_title_mentions(text, self.ctx, works)
        works += _container_titles(text, works, mentions)
        works.sort(key=lambda w: w.start)
        # names inside a title are not participants ("the Jane Doe Award")
        mentions = [m for m in mentions if not any(w.start <= m.start and m.end <= w.end for w in works)]
        times = self.times_in(index, text)
        # each sentence sees only its own names, titles, dates and quotes (bisect:
        # the work per sentence does not grow with the paragraph)
        m_starts = [m.start for m in mentions]
        w_starts = [w.start for w in works]
        t_starts = [t.char_start for t in times]
        q_ends = [q[1] for q in quotes]
        for s, e in split_sentences(text):
            e = min(e, s + MAX_SENTENCE_CHARS)
            s_mentions = mentions[bisect_left(m_starts, s):bisect_left(m_starts, e)]
            s_works = works[bisect_left(w_starts, s):bisect_left(w_starts, e)]
            s_times = times[bisect_left(t_starts, s):bisect_left(t_starts, e)]
            s_quotes = list(islice(takewhile(lambda q: q[0] < e, islice(quotes, bisect_right(q_ends, s), None)),
                                   MAX_QUOTES_PER_SENTENCE))
            if not QUESTION_END_RE.search(text[s:e]):
                self.sentence(index, text, s, e, s_mentions, s_works, s_quotes, s_times)
            self.remember(text, s, e, s_mentions, s_works, s_quotes)
        self.occasions(index, text, times)

    def times_in(self, index: int, text: str) -> list:
        """The paragraph's time expressions whose offsets fit its text, in order."""
        return sorted((t for t in self.times_by_paragraph.get(index, [])
                       if 0 <= getattr(t, "char_start", -1) < getattr(t, "char_end", -1) <= len(text)),
                      key=lambda t: t.char_start)

    def occasions(self, index: int, text: str, times: list) -> None:
        """Named occasions dated where they are named ("the Foo Anniversary
        Celebration (September 2001)"): an event each, unless an event of
        this paragraph already took that date ("performed at the 2001 Foo
        Awards" is the performance)."""
        taken = {e.time_text for e in self.events if e.paragraph_index == index and e.source_block == self.block}
        for t in times:
            t_text, _, precision, start, end, status = _time_fields(t)
            if status != "resolved" or t_text in taken:
                continue
            found = _occasion_at(text, t.char_start, t.char_end)
            if found is None:
                continue
            name, a, b = found
            claim_id = make_id("claim", self.article_id, self.block, index, a, b, OCCASION)
            self.claims.append(Claim(
                claim_id=claim_id, article_id=self.article_id, paragraph_index=index, char_start=a, char_end=b,
                claim_text=text[a:b], claimant=None, claim_kind=OUTLET_VOICE, subject=name, predicate=OCCASION,
                object=None, topic=None, work_title=None, number=None, chart=None, time_text=t_text,
                time_value=getattr(t, "value", None), time_precision=precision, date_start=start, date_end=end,
                source_block=self.block,
            ))
            self.events.append(EventCandidate(
                candidate_id=make_id("event_candidate", self.article_id, self.block, index, a, OCCASION),
                article_id=self.article_id, claim_id=claim_id, paragraph_index=index, char_start=a, char_end=b,
                event_type=OCCASION, trigger=name.rsplit(" ", 1)[-1], participants=(), work_title=None,
                container_title=None, venue=name, event_date=start, date_end=end, date_precision=precision,
                date_status=status, time_text=t_text, evidence_text=text[a:b], source_block=self.block,
            ))
            taken.add(t_text)

    def remember(self, text: str, s: int, e: int, mentions: list, works: list[_Work], quotes: list) -> None:
        """Carry the sentence's subject forward for later he/she: its first
        person named outside quotes and not after a preposition; a sentence
        opened by he/she keeps the earlier subject (or takes its quote's speaker)."""
        refs: list[tuple[int, str | None]] = []
        for m in mentions:
            if s <= m.start < e and _personlike(m) and not any(q[0] <= m.start < q[1] for q in quotes) \
                    and not m.possessive and not POSSESSOR_PAIR_RE.match(text, m.end) \
                    and not OBJECT_LEAD_RE.search(text[max(s, m.start - 20):m.start]):
                refs.append((m.start, m.canonical))
        for p in SUBJECT_PRONOUN_RE.finditer(text, s, e):
            if not any(q[0] <= p.start() < q[1] for q in quotes):
                refs.append((p.start(), None))
        speaker = next((getattr(q, "speaker", None) for qs, qe, q in quotes
                        if s <= qs < e and getattr(q, "speaker", None)), None)
        if refs:
            first = min(refs, key=lambda r: r[0])[1]
            if first is not None:
                self.ctx.last_person = first
            elif speaker:
                self.ctx.last_person = speaker
        elif speaker:
            self.ctx.last_person = speaker

    def sentence(self, index: int, text: str, s: int, e: int, mentions: list, works: list[_Work],
                 quotes: list, times: list) -> None:
        self.ctx.sentence_start = s
        self.frame_time = next((t for t in times if t.char_start >= s and _time_fields(t)[2] == "day"
                                and OPENING_DATE_LEAD_RE.fullmatch(text, s, t.char_start)
                                and not POSSESSIVE_DATE_AT_RE.match(text, t.char_end)), None)
        self.sentence_firsts.append(len(self.claims))
        first_claim = self.sentence_firsts[-1]
        segments = _segments(text, s, e, quotes)
        has_quote = any(q is not None for _, _, q in segments)
        evidence = text[s:e]
        opening = CONTRAST_LEAD_RE.match(text, s)
        for a, b, q in segments:
            answers: str | None = None
            joint: list[str] = []
            if q is not None:
                claimant, kind, report_end = getattr(q, "speaker", None), QUOTED, None
                if claimant and CONTRARY_TO_REPORTS_RE.match(text, a):
                    # '"Contrary to media reports, this is not ..."': the speaker answers them
                    answers = self.claim_just_reported(first_claim, claimant)
            else:
                claimant, report_end = _claimant(text, a, b, mentions, self.ctx)
                kind = REPORTED if claimant else OUTLET_VOICE
                if claimant and report_end is not None:
                    joint = _joint_claimants(text, a, report_end, mentions, claimant)
                if claimant and report_end is not None and (
                        (opening and a <= opening.end() and report_end - opening.end() <= CONTRAST_SUBJECT_CHARS)
                        or CONTRAST_INSERT_RE.search(text[a:report_end])):
                    # "But Doe said ...", "But the driver's lawyer, Maria Lopez, said ...", "Doe, however,
                    # said ...": answers the sentence before
                    answered = self.recent_claim(self.sentence_firsts[-2] if len(self.sentence_firsts) > 1
                                                 else first_claim, first_claim, claimant)
                    answers = answered.claim_id if answered else None
            prev_work: str | None = None
            prev_participants: tuple[str, ...] = ()
            clauses = _clauses(text, a, b)
            for i, (ca, cb) in enumerate(clauses):
                if q is None and i and CONTRAST_BREAK_RE.search(text, clauses[i - 1][1], ca):
                    lead = CONTRAST_LEAD_RE.match(text, ca, cb)
                    found = _subject_verb_at(text, lead.end() if lead else ca, cb, mentions, self.ctx,
                                             REPORTING_RE)
                    if found and found[0] != claimant:
                        # "..., but Doe has said ...": a new claimant from here on
                        answered = self.recent_claim(first_claim, len(self.claims), found[0])
                        claimant, kind, report_end = found[0], REPORTED, found[1].start()
                        answers = answered.claim_id if answered else None
                        joint = []
                # reported speech covers the clauses from its verb on
                in_report = report_end is None or cb > report_end
                clause_claimant = claimant if in_report else None
                if q is None and clause_claimant and answers is None:
                    answers = self.embedded_claim(index, text, ca, cb, mentions, clause_claimant)
                if q is None and clause_claimant and answers is None and report_end is not None \
                        and ca <= report_end < cb:
                    answers = self.denied_claim(text, report_end, cb, mentions, clause_claimant, first_claim)
                denial = self.denial_apposition(text, ca, cb, mentions, clause_claimant) if q is None else None
                before = len(self.claims)
                prev_work, prev_participants = self.clause(
                    index, text, ca, denial[1] if denial else cb, clause_claimant,
                    kind if in_report else OUTLET_VOICE, mentions, works, times, evidence,
                    attribution_only=(q is None and has_quote), speaker=getattr(q, "speaker", None) if q else None,
                    prev_work=prev_work, prev_participants=prev_participants, answers=answers)
                if joint and clause_claimant:
                    self.add_joint(joint, clause_claimant, before)
                if denial:
                    self.add_denial(index, text, ca, cb, report_end, denial, mentions, before)
                if self.pending_denier is not None:
                    denier, self.pending_denier = self.pending_denier, None
                    k = next((k for k in range(before, len(self.claims)) if self.claims[k].claimant == denier
                              and self.claims[k].answers_claim_id is None), None)
                    if k is not None:
                        self.forward_denial = (k, denier, len(self.sentence_firsts))
        self.answer_forward_denial(first_claim)

    def answer_forward_denial(self, first_claim: int) -> None:
        """A denial that found nothing reported before it answers the first
        claim about the denier that someone else makes in the
        FORWARD_DENIAL_SENTENCES sentences after it."""
        if self.forward_denial is None:
            return
        k, denier, at = self.forward_denial
        now = len(self.sentence_firsts)
        if now == at:
            return
        denied_words = _content_stems(self.claims[k].claim_text)

        def answers(c: Claim) -> bool:
            """A claim about the denier ("that Calenda has struck a deal") or the press's report, in the
            next sentences; further on, one about the denier in the denial's own words ("the Moyes
            sacking" ... "confirming David's sacking"), not any next claim."""
            if c.claimant is None or c.claimant == denier:
                return False
            about = denier in self.names_in_claim.get(c.claim_id, ())
            if now - at <= FORWARD_DENIAL_SENTENCES and (about or MEDIA_CLAIMANT_RE.search(c.claimant)):
                return True
            return about and bool(denied_words & _content_stems(c.claim_text))

        answered = next((c for c in self.claims[first_claim:] if answers(c)), None)
        if answered is not None:
            self.claims[k] = replace(self.claims[k], answers_claim_id=answered.claim_id)
            self.forward_denial = None
        elif now - at >= FORWARD_DENIAL_FAR_SENTENCES:
            self.forward_denial = None

    def clause(self, index: int, text: str, a: int, b: int, claimant: str | None, kind: str, mentions: list,
               works: list[_Work], times: list, evidence: str, attribution_only: bool, speaker: str | None,
               prev_work: str | None, prev_participants: tuple[str, ...], answers: str | None = None
               ) -> tuple[str | None, tuple[str, ...]]:
        clause_text = text[a:b]
        c_mentions = [m for m in mentions if a <= m.start and m.end <= b]
        c_works = [w for w in works if a <= w.start and w.end <= b]
        c_times = [t for t in times if a <= t.char_start and t.char_end <= b]
        # "Bell died at Mercy Hospital shortly after 3 a.m.": a clock time is on the last day named,
        # or, before any ("2:30 p.m. - The sheriff ordered ..."), on the day of publication
        event_times = c_times or self.clock_on_last_day(text, a, b)
        clock_on_publication = not event_times and self.last_day is None \
            and CLOCK_TIME_RE.search(text, a, b) is not None
        self.last_day = next((t for t in reversed(c_times) if _time_fields(t)[2] == "day"), self.last_day)
        # a trigger inside a name or title ("Epic Recordings", "Death Becomes Her") is none; one that
        # only ends in a name is its object ("passed the Clean Energy Act")
        spans = [(m.start - a, m.end - a) for m in c_mentions] + [(w.start - a, w.end - a) for w in c_works]
        found = _find_triggers(clause_text)
        if index == self.lede_index:
            found = sorted(found + _lede_triggers(text, a, b, found), key=lambda t: t.start)
        triggers = [t for t in found if not _negated(clause_text, t.start)
                    and not any(x <= t.start < y for x, y in spans)
                    # a caption's date is its picture's: "Scene of a deadly derailment, Wednesday" (not in
                    # "after a strong earthquake hit central Italy on August 24")
                    and not (t.event_type == INCIDENT and INCIDENT_NOUN_RE.fullmatch(t.text)
                             and ((self.block == CAPTION and not INCIDENT_VERB_AFTER_RE.match(clause_text, t.end))
                                  or TOLD_INCIDENT_BEFORE_RE.search(clause_text, 0, t.start)))]
        # one trigger per type and clause ("recorded and produced" is one recording)
        kept: list[_Trigger] = []
        for t in triggers:
            if kept and kept[-1].event_type == t.event_type \
                    and _word_count(text[kept[-1].end:t.start + a]) <= SAME_EVENT_GAP_WORDS:
                continue  # "recorded and produced": one recording
            kept.append(_Trigger(t.start + a, t.end + a, t.event_type, t.predicate, t.text))
        triggers = [t for t in kept if self.trigger_ok(text, t, b, c_mentions)]
        if len(triggers) > 1:
            triggers = [t for t in triggers if t.event_type != START]
            # "was elected mayor on Tuesday, defeating Mayor Tom Hale": the win is the election
            if any(t.event_type == ELECTION for t in triggers):
                triggers = [t for t in triggers if t.event_type != VICTORY]
            # "announced its takeover of Pella": the announced event is the event
            # ("announced she will resign on 7 June": the announcement and the planned departure are two)
            triggers = [t for t in triggers if t.event_type != ANNOUNCEMENT or not any(
                o.start >= t.end and _word_count(text[t.end:o.start]) <= ANNOUNCED_EVENT_GAP_WORDS
                and not FUTURE_BEFORE_TRIGGER_RE.search(text, t.end, o.start) for o in triggers)]
        causes = _causes(text, a, b, mentions)
        number = _chart_position(clause_text)
        chart = _chart_name(clause_text) if number is not None or any(
            t.event_type == CHART_POSITION for t in triggers) else None
        main = triggers[0] if triggers else None
        participants = [m.canonical for m in c_mentions if m.kind in PARTICIPANT_KINDS
                        and not _source_of_report(text, m) and not (main and _tells_of(text, m, main.start))]
        shared_subject = SHARED_SUBJECT_START_RE.match(clause_text) is not None

        if main is not None:
            work_title = self.work_for(text, a, b, main, c_works, prev_work if shared_subject else None)
        else:
            work = _pick_work(c_works, a)
            work_title = work.title if work else None
        if shared_subject and not participants:
            participants = list(prev_participants)
        if main is not None:
            pm = PRONOUN_SUBJECT_RE.search(text[a:main.start]) or POSSESSOR_BEFORE_TRIGGER_RE.search(
                text[a:main.start])
            if pm:
                pronoun = pm.group("pronoun").lower()
                who = speaker if pronoun in ("i", "we") else (
                    _resolve_pronoun(text, a + pm.start(), mentions, self.ctx, self.ctx.sentence_start)
                    if pronoun in ("he", "she", "his", "her") else None)
                if who and who not in participants:
                    participants.insert(0, who)
            elif (who := self.gerund_subject(text, main, mentions)) and who not in participants:
                participants.insert(0, who)
        container = next((w.title for w in c_works if w.container), None)
        for w in c_works:
            if not w.container:
                _remember_work(self.ctx, w.title, w.kind)
        if work_title and main is not None and not any(w.title == work_title for w in c_works):
            _remember_work(self.ctx, work_title, self.ctx.known_titles.get(work_title))

        substantive = bool(triggers or causes or number is not None)
        if attribution_only and not substantive and answers is None and ATTRIBUTION_VERB_RE.search(clause_text):
            return work_title or prev_work, tuple(participants)
        if not substantive and (not _has_words(clause_text, MIN_CLAIM_WORDS)
                                or NOT_A_CLAIM_RE.search(clause_text)):
            return work_title or prev_work, tuple(participants)

        if not triggers:
            claim_time = c_times[0] if c_times else None
            self.add_claim(index, text, a, b, None, True, claimant, kind, work_title, participants, claim_time,
                           causes, number, chart, mentions, c_mentions, c_works, answers=answers)
            return work_title or prev_work, tuple(participants)
        # one claim per trigger: "his appearance on Foo, where he said he wrote
        # Bar" claims both an appearance and a writing
        for trig in triggers:
            others = [t for t in triggers if t is not trig]
            t = _pick_time(event_times, trig, others, a, text)
            frame = self.frame_time
            if t is None and kind == OUTLET_VOICE and frame is not None and frame.char_end <= trig.start \
                    and not any(ct.char_start >= frame.char_end for ct in event_times) \
                    and REPORTING_RE.search(text, frame.char_end, trig.start) is None:
                t = frame  # no other date after the sentence's opening one, nor a report it dates
            perfect = PRESENT_PERFECT_BEFORE_RE.search(text, a, trig.start) is not None \
                or (trig.text.endswith("ing") and PRESENT_PROGRESSIVE_BEFORE_RE.search(text, a, trig.start) is not None)
            if perfect and self.long_before_publication(t):
                t = None
            work_k = work_title if trig is main else self.work_for(text, a, b, trig, c_works, None)
            claim_id = self.add_claim(index, text, a, b, trig, trig is main, claimant, kind, work_k, participants,
                                      t, causes if trig is main else [], number, chart, mentions, c_mentions,
                                      c_works, answers=answers)
            extra = [m.canonical for m in c_mentions
                     if (_extra_participant(trig.event_type, m) or _side_of(text, m, trig)
                         or _party_to(text, m, trig))
                     and not _source_of_report(text, m) and not _tells_of(text, m, trig.start)]
            if trig is not main and (who := self.gerund_subject(text, trig, mentions)):
                extra.insert(0, who)
            if claimant and trig.event_type == MEETING and trig.text.endswith("conference") \
                    and claimant not in participants + extra:
                extra.insert(0, claimant)  # "Sellal said at a press conference": he held it
            own = _relative_antecedent(text, a, trig, c_mentions)
            people = [own] if own else participants + extra
            if not people and trig.event_type in PASSIVE_PERSON_EVENT_TYPES \
                    and PASSIVE_BEFORE_RE.search(text, a, trig.start) \
                    and (who := _passive_subject(text, self.ctx.sentence_start, trig.start, mentions)):
                # "Jerome Kerviel, the former trader, whose dealings almost bankrupted the bank, was
                # convicted": the sentence's subject, across its appositions
                people = [who]
            self.event(index, text, a, b, trig, t, work_k, c_works, c_mentions, people, container,
                       claim_id, evidence,
                       is_news=(perfect and index == self.lede_index and kind != QUOTED) or clock_on_publication,
                       others=others)
        return work_title or prev_work, tuple(participants)

    def gerund_subject(self, text: str, trig: _Trigger, mentions: list) -> str | None:
        """The sentence's subject, for a trigger that is a gerund after "since"
        or a participle after a comma ("since winning office", "..., beating
        Rivertown"); else None."""
        if not trig.text.endswith("ing") or not GERUND_LEAD_RE.search(text, max(0, trig.start - 10), trig.start):
            return None
        return _sentence_subject(text, self.ctx.sentence_start, trig.start, mentions, self.ctx)

    def clock_on_last_day(self, text: str, a: int, b: int) -> list:
        """A clock time in text[a:b] ("shortly after 3 a.m."), dated the last
        day the article named before it, as a time expression; else []."""
        clock = CLOCK_TIME_RE.search(text, a, b)
        if clock is None or self.last_day is None:
            return []
        return [replace(self.last_day, text=clock.group(), char_start=clock.start(), char_end=clock.end())]

    def add_claim(self, index: int, text: str, a: int, b: int, trig: _Trigger | None, is_main: bool,
                  claimant: str | None, kind: str, work_title: str | None, participants: list[str], claim_time: Any,
                  causes: list, number: int | None, chart: str | None, mentions: list, c_mentions: list,
                  c_works: list[_Work], answers: str | None = None, tag: str | None = None) -> str:
        predicate = trig.predicate if trig is not None else None
        t_text, t_value, t_precision, t_start, t_end, _ = _time_fields(claim_time)
        if t_start is not None and t_end is None:
            t_end = getattr(claim_time, "date_end", None)
        topic = None
        if causes:
            predicate = CAUSE_PREDICATE
            subject = causes[0][0]
            topic = _topic(text, causes[0][1], causes[0][2], mentions, c_works)
            obj = topic
        else:
            subject = work_title or (participants[0] if participants else None)
            others = [p for p in participants if p != subject]
            obj = self.object_of(text, trig, c_mentions) if trig is not None else None
            obj = obj or (others[0] if others else None)
        # the first claim of a clause keeps the clause's id; others add their trigger
        claim_id = make_id("claim", self.article_id, self.block, index, a, b,
                           *((trig.start,) if trig is not None and not is_main else ()), *((tag,) if tag else ()))
        self.claims.append(Claim(
            claim_id=claim_id, article_id=self.article_id, paragraph_index=index, char_start=a, char_end=b,
            claim_text=text[a:b], claimant=claimant, claim_kind=kind, subject=subject, predicate=predicate,
            object=obj, topic=topic, work_title=work_title, number=number, chart=chart,
            time_text=t_text, time_value=t_value, time_precision=t_precision, date_start=t_start, date_end=t_end,
            source_block=self.block, death_count=_death_count(text[a:b]), answers_claim_id=answers,
        ))
        self.names_in_claim[claim_id] = frozenset([m.canonical for m in c_mentions] + participants)
        self.add_amounts(claim_id, index, text, a, b, c_mentions)
        return claim_id

    def add_amounts(self, claim_id: str, index: int, text: str, a: int, b: int, c_mentions: list) -> None:
        """The figures of the claim at text[a:b], each with the person,
        organisation or thing it belongs to ("the Sewol, carrying 476
        passengers"; a place owns no figure); only the clause's first claim
        states them."""
        if (index, a, b) in self.amount_spans:
            return
        self.amount_spans.add((index, a, b))
        names = [(m.start, m.end, m.canonical) for m in c_mentions if m.kind != "place"]
        for f in find_amounts(text, a, b, names):
            self.amounts.append(Amount(
                amount_id=make_id("amount", claim_id, f.start, f.end), claim_id=claim_id, article_id=self.article_id,
                paragraph_index=index, char_start=f.start, char_end=f.end, amount_text=f.text, value=f.value,
                unit=f.unit, rounding=f.rounding, exactness=f.exactness, counted=f.counted,
                about=f.about, measure_words=f.measure_words))

    def add_joint(self, others: list[str], claimant: str, before: int) -> None:
        """A copy of each claim `claimant` made since self.claims[before] for
        each of the others who share its subject ("Doe and Roe said ...")."""
        for claim in self.claims[before:]:
            if claim.claimant != claimant or claim.claim_kind != REPORTED:
                continue
            for other in others:
                self.claims.append(replace(claim, claim_id=make_id(claim.claim_id, JOINT_TAG, other),
                                           claimant=other))

    def recent_claim(self, start: int, end: int, other_than: str) -> Claim | None:
        """The last of self.claims[start:end] that someone other than `other_than` makes."""
        for claim in reversed(self.claims[start:end]):
            if claim.claimant and claim.claimant != other_than:
                return claim
        return None

    def denied_claim(self, text: str, verb_at: int, end: int, mentions: list, denier: str,
                     first_claim: int) -> str | None:
        """What a denial at `verb_at` denies: the last claim of the one whose
        claims it names ("denied Doe's claims"), or the claims just reported
        ("denied the allegations", "said that was not true", within
        DENIED_REPORT_SENTENCES sentences)."""
        verb = DENIAL_VERB_RE.match(text, verb_at)
        if verb is None:
            said = REPORTING_RE.match(text, verb_at)
            denies_report = said is not None and DENIAL_CONTENT_RE.match(text, said.end()) is not None
            return self.claim_just_reported(first_claim, denier) if denies_report else None
        for m in mentions:
            if verb.end() < m.start < end and _can_claim(m) and m.canonical != denier \
                    and len(text[verb.end():m.start].split()) <= 2 and m.possessive \
                    and DENIED_POSSESSOR_RE.match(text, m.end):
                return next((c.claim_id for c in reversed(self.claims) if c.claimant == m.canonical), None)
        if DENIED_REPORT_RE.match(text, verb.end()) or (
                DENY_RE.fullmatch(verb.group()) and DENIED_DEED_RE.match(text, verb.end())):
            found = self.claim_just_reported(first_claim, denier)
            if found is None:
                self.pending_denier = denier  # the report may come after: a lede often denies first
            return found
        return None

    def embedded_claim(self, index: int, text: str, a: int, b: int, mentions: list, denier: str) -> str | None:
        """For a denial in text[a:b] that states what it denies ("rejected
        Reyes's claim that she wrote it alone"): the claim of the one named
        there, added, and its id; else None."""
        found = EMBEDDED_CLAIM_RE.search(text, a, b)
        if found is None or not text[found.end():b].strip(END_MARKS):
            return None
        who = next((m.canonical for m in mentions if found.start() < m.start < found.end() and _can_claim(m)
                    and m.canonical != denier), None)
        if who is None:
            return None
        return self.add_claim(index, text, found.end(), b, None, True, who, REPORTED, None, [], None, [], None,
                              None, mentions, [], [], tag=EMBEDDED_TAG)

    def claim_just_reported(self, first_claim: int, denier: str) -> str | None:
        """The last claim in the DENIED_REPORT_SENTENCES sentences before this
        one that someone else made, or that the article states about the
        denier ("Doe was charged with bribery. He denied the charges.")."""
        firsts = self.sentence_firsts
        start = firsts[max(0, len(firsts) - 1 - DENIED_REPORT_SENTENCES)]
        for claim in reversed(self.claims[start:first_claim]):
            if claim.claimant is not None and claim.claimant != denier:
                return claim.claim_id
            if claim.claimant is None and denier in self.names_in_claim.get(claim.claim_id, ()):
                return claim.claim_id
        return None

    def denial_apposition(self, text: str, a: int, b: int, mentions: list, claimant: str | None
                          ) -> tuple[str, int] | None:
        """(Who denies, where the apposition starts) for "..., a prospect Doe
        denied": what the clause reports up to there is denied by someone else."""
        if claimant is None:
            return None
        for lead in DENIAL_APPOSITION_RE.finditer(text, a, b):
            found = _subject_verb_at(text, lead.end(), b, mentions, self.ctx, DENIAL_VERB_RE)
            if found and found[0] != claimant:
                return found[0], lead.start()
        return None

    def add_denial(self, index: int, text: str, a: int, b: int, report_end: int | None,
                   denial: tuple[str, int], mentions: list, before: int) -> None:
        """The denier's side of "..., a prospect Doe denied": what was reported
        (from after the reporting verb, when the clause has it) and the denial."""
        who, _ = denial
        start = a
        if report_end is not None and a <= report_end < denial[1]:
            verb = REPORTING_RE.match(text, report_end)
            if verb:
                start = THAT_RE.match(text, verb.end()).end()
        answered = self.recent_claim(before, len(self.claims), who)
        self.add_claim(index, text, start, b, None, True, who, REPORTED, None, [], None, [], None, None, mentions,
                       [], [], answers=answered.claim_id if answered else None, tag=ANSWER_TAG)

    def work_for(self, text: str, a: int, b: int, trig: _Trigger, works: list[_Work],
                 shared: str | None) -> str | None:
        """The work a trigger is about: the nearest title of its clause (one
        before it when the trigger is passive or intransitive: "Foo was
        released", "Foo came out"), what "it"/"the song" before it refers to,
        or the work of the clause it shares a subject with."""
        if trig.event_type == AWARD:
            name = _award_name(text, trig.end, b)
            if name:
                return name
        before_only = bool(PASSIVE_BEFORE_RE.search(text[max(a, trig.start - 30):trig.start])
                           or INTRANSITIVE_TRIGGER_RE.fullmatch(trig.text))
        work = _pick_work(works, trig.start, before_only)
        if work is not None:
            return work.title
        return _anaphor_work(text, a, trig.start, self.ctx) or shared

    def long_before_publication(self, t: Any) -> bool:
        """Whether time expression `t` names a period that ended more than
        PRESENT_PERFECT_MAX_DAYS before the article was published."""
        if _time_fields(t)[5] != "resolved" or self.published is None:
            return False
        end = getattr(t, "date_end", None) or t.date_start  # the period's last day ("2010": December 31)
        return end < self.published - timedelta(days=PRESENT_PERFECT_MAX_DAYS)

    def trigger_ok(self, text: str, trig: _Trigger, b: int, mentions: list) -> bool:
        """A win or a beating needs someone who won or a contest that was won;
        a start, an occasion or a process that starts."""
        if trig.event_type == START:
            return _started_thing(text, trig) is not None
        if ERUPTED_RE.fullmatch(trig.text):
            return VOLCANIC_RE.search(text) is not None  # not "a twitter storm had already erupted"
        if trig.event_type != VICTORY:
            return True
        window = text[trig.end:min(b, trig.end + WIN_NOUN_WINDOW)]
        return bool(CONTEST_NOUN_RE.search(window)) or any(m.kind in CLAIMANT_KINDS for m in mentions)

    def object_of(self, text: str, trigger: _Trigger, mentions: list) -> str | None:
        """Who the trigger's action was for or with: the first name after "for"/"with"/"to"."""
        for m in mentions:
            if m.start >= trigger.end and m.kind in PARTICIPANT_KINDS:
                lead = text[max(trigger.end, m.start - 30):m.start]
                if OBJECT_PREPOSITION_RE.search(lead):
                    return m.canonical
        return None

    def event(self, index: int, text: str, a: int, b: int, trig: _Trigger, t: Any, work_title: str | None,
              works: list[_Work], mentions: list, participants: list[str], container: str | None,
              claim_id: str, evidence: str, is_news: bool = False, others: Sequence[_Trigger] = ()) -> None:
        t_text, _, precision, start, end, status = _time_fields(t)
        if status == "none" and is_news and self.published is not None:
            start, precision, status = self.published, "day", FROM_PUBLICATION
        venue = _venue(text, a, b, mentions, trig, others) if trig.event_type in VENUE_TYPES else None
        if WEAK_TRIGGER_RE.fullmatch(trig.text) and not work_title:
            return  # "dropped two bombshells": a release only when a work is named
        # what the action text names before the trigger: what starts, or the document released
        thing = _started_thing(text, trig) if trig.event_type == START else None
        if trig.event_type in WORK_EVENT_TYPES and not work_title and not DIRECT_OBJECT_RE.match(text, trig.end):
            thing = _released_thing(text, a, trig) if trig.event_type == RELEASE else None
            if thing is None:
                return  # "he was released from prison": not the release of a work
        if status == "none" and not (work_title or venue or trig.event_type in (DEATH, BIRTH)):
            return  # undated and nothing to join on: not an event we can place
        if venue and trig.event_type in PARTY_EVENT_TYPES:
            participants = [p for p in participants if p != venue]  # "signed ... in Riga": no party
        if trig.event_type in THING_EVENT_TYPES:
            if participants:
                self.last_thing_participants = tuple(participants)
            elif DEFINITE_BEFORE_RE.search(text, max(a, trig.start - DEFINITE_LOOKBACK_CHARS), trig.start):
                participants = list(self.last_thing_participants)  # "The blaze broke out ..."
        self.events.append(EventCandidate(
            candidate_id=make_id("event_candidate", self.article_id, self.block, index, trig.start,
                                 trig.event_type),
            article_id=self.article_id, claim_id=claim_id, paragraph_index=index,
            char_start=trig.start, char_end=trig.end, event_type=trig.event_type, trigger=trig.text,
            participants=tuple(dict.fromkeys(participants)), work_title=work_title,
            container_title=container if container != work_title else None, venue=venue,
            event_date=start, date_end=end, date_precision=precision, date_status=status,
            time_text=t_text, evidence_text=evidence, source_block=self.block,
            action_text=_action_text(text, trig, t, b, thing),
        ))


def _started_thing(text: str, trig: _Trigger) -> str | None:
    """What a start trigger says begins ("Davis Cup Final"), else None."""
    found = START_SUBJECT_RE.search(text, max(0, trig.start - START_SUBJECT_LOOKBACK), trig.start)
    return START_THING_DETERMINER_RE.sub("", found.group("thing")) if found else None


def _released_thing(text: str, a: int, trig: _Trigger) -> str | None:
    """The document or recording a work-less release makes public, named
    before the trigger in its clause ("transcript of that call"), else None."""
    if RELEASED_FROM_RE.match(text, trig.end):
        return None
    start = max(a, trig.start - RELEASED_THING_LOOKBACK)
    found = None
    for found in RELEASED_THING_RE.finditer(text, start, trig.start):
        pass
    if found is None or RELEASED_PERSON_BETWEEN_RE.search(text, found.end(), trig.start):
        return None
    complement = RELEASED_THING_OF_RE.fullmatch(text, found.end(), trig.start)
    return found.group("thing") + (" " + complement.group("of").strip() if complement else "")


def _action_text(text: str, trig: _Trigger, t: Any, clause_end: int, thing: str | None = None) -> str:
    """The trigger and the words after it, to the clause's end or its date;
    after the thing it is about, when given ("transcript released", "trial began")."""
    end = clause_end
    stop = ACTION_END_RE.search(text, trig.end, end)
    subject: list[str] | None = None  # what a lone trigger is about, looked for once and only when needed
    if stop and ACTION_AND_RE.fullmatch(stop.group()) and stop.start() == trig.end and not thing:
        subject = _subject_before(text, trig, t)
        if not subject:
            stop = ACTION_END_RE.search(text, stop.end(), end)
    if stop:
        end = stop.start()
    that = ACTION_THAT_RE.search(text, trig.end, end)
    if that and text[trig.end:that.start()].strip():
        end = that.start()
    t_start = getattr(t, "char_start", None)
    if isinstance(t_start, int) and trig.end <= t_start < end:
        end = t_start
    words = text[trig.start:end].split()[:ACTION_MAX_WORDS]
    # a clause that stops on a date leaves its preposition ("sentenced in")
    while len(words) > 1 and (words[-1].lower() in ACTION_TRAILING_WORDS or POSSESSIVE_END_RE.search(words[-1])):
        words.pop()
    own_words = list(words)
    if thing:
        words = (thing.split() + words)[:ACTION_MAX_WORDS]
    elif len(words) <= len(trig.text.split()) or trig.event_type == INCIDENT \
            or words[0].lower() in PASSIVE_AUXILIARIES:  # "were born with ...": who was
        # an incident says who or what did it ("military seized control", "Smith slapped Rock"),
        # not what an infinitive did ("a rocket headed for the station to deliver supplies exploded")
        if subject is None:
            subject = _subject_before(text, trig, t)
            if subject and trig.event_type == INCIDENT \
                    and INFINITIVE_END_RE.search(text, 0, max(0, text.rfind(subject[0], 0, trig.start))):
                subject = []
        words = (subject + words)[:ACTION_MAX_WORDS]
    if len(words) > 1 and words[0] in ("'s", "\u2019s"):
        words = words[1:]  # "Friday's fatal shooting", after its date
    if trig.event_type in PERSON_EVENT_TYPES and not thing:
        described = _described_subject(text, trig)
        if described and words[:len(described)] != described:
            # (in place of what a lone trigger found right before it: "The captain of a stricken
            # container ship appeared in court" is the captain's, not the ship's)
            words = (described + own_words)[:ACTION_MAX_WORDS]
    return " ".join(words)


def _described_subject(text: str, trig: _Trigger) -> list[str]:
    """The words of a description that opens a phrase of the trigger's
    sentence with a capital ("The captain, a 44-year-old Filipino man,
    appeared ...", after a dateline too): who the event befalls when no name
    says so; none otherwise."""
    start = LAST_SENTENCE_START_RE.search(text, 0, trig.start)
    m = DESCRIBED_SUBJECT_RE.search(text, start.end() if start else 0, trig.start)
    if m is None or NAME_APPOSED_AFTER_RE.match(text, m.end()):
        return []  # "The suspect, Dale Cobb, was convicted": the name says who
    return m.group("head").split()


def _subject_before(text: str, trig: _Trigger, t: Any) -> list[str]:
    """The words naming what a lone trigger is about, right before it in its
    clause ("Swedish investigation" of "The Swedish investigation had been
    shelved"); none when a determiner, pronoun or mark comes first."""
    start = max(0, trig.start - ACTION_SUBJECT_LOOKBACK_CHARS)
    before = text[start:trig.start]
    t_start, t_end = getattr(t, "char_start", None), getattr(t, "char_end", None)
    if isinstance(t_start, int) and isinstance(t_end, int) and start <= t_start < trig.start:
        # the date is no part of what happened ("Trump's July 25 call")
        before = before[:t_start - start] + " " + before[max(0, t_end - start):]
    marks = list(ACTION_SUBJECT_BOUNDARY_RE.finditer(before))
    head = before[marks[-2].end() if len(marks) >= 2 else 0:marks[-1].start()] if marks else ""
    if marks and marks[-1].group() == "," and not before[marks[-1].end():].strip() and trig.text.endswith("ed") \
            and len(head.split()) <= ACTION_SUBJECT_MAX_WORDS and LETTER_WORD_RE.search(head) \
            and SUBJECT_HEAD_START_RE.match(head.strip()):
        # "The closures, announced last month, ...", "the service, Stadia, launched": a verb after a
        # short subject and a comma is about that subject (not "Calder, the architect whose library
        # ..., died", nor "Calder, 91, died")
        before = head
        marks = marks[:-1]
    elif marks:
        before = before[marks[-1].end():]
    words = before.split()
    if start > 0 and not marks and words and not text[start - 1].isspace():
        words = words[1:]  # the lookback began inside a word
    # auxiliaries and adverbs ("had been", "quickly") between it and the trigger
    while words and (words[-1].lower() in ACTION_SUBJECT_SKIP_WORDS
                     or (words[-1].islower() and words[-1].endswith("ly"))):
        words.pop()
    subject: list[str] = []
    for word in reversed(words):
        low = word.lower()
        if low in ACTION_SUBJECT_STOP_WORDS or low in ACTION_SUBJECT_SKIP_WORDS \
                or len(subject) == ACTION_SUBJECT_MAX_WORDS:
            break
        subject.insert(0, word)
    return subject


# ---------------------------------------------------------------- public API


def extract_occasions(article_id: str, texts: Sequence[str], times: list, block: str) -> ClaimResult:
    """Only the named occasions of texts that are not article prose, such as
    the label under an embedded clip ("From the Foo Anniversary Celebration
    (September 2001)"): they state when a named occasion took place, and
    nothing else worth a claim. Never raises."""
    try:
        parser = _ArticleParser(str(article_id), [t if isinstance(t, str) else "" for t in texts], None, None,
                                list(times or ()), None, str(block))
        for index, text in enumerate(parser.paragraphs):
            text = text[:MAX_PARAGRAPH_CHARS]
            parser.occasions(index, text, parser.times_in(index, text))
        return ClaimResult(tuple(parser.claims), tuple(parser.events), tuple(parser.amounts))
    except Exception:  # noqa: BLE001 - a label never sinks the article
        return ClaimResult()


def extract_claims(article_id: str, paragraphs: Sequence[str], entities: Any, quotes: Any,
                   times: list, published: date | None, block: str = BODY_BLOCK) -> ClaimResult:
    """Claims and event candidates of one article's body paragraphs.

    `entities` is the article's `EntityIndex`, `quotes` its `QuoteResult`
    (quotes and quoted work titles), `times` its `TimeExpression` rows (with
    offsets in the paragraph given). `block` says what the texts are: 'body'
    paragraphs, or e.g. 'caption' texts (photo captions that date an event:
    "X performs at Y, April 26, 2014"), passed with their own time
    expressions; it is kept in `source_block` and in the ids, so the two
    calls of one article never collide. Never raises."""
    try:
        texts = [p if isinstance(p, str) else "" for p in (paragraphs or ())]
        return _ArticleParser(str(article_id), texts, entities, quotes, list(times or ()), published,
                              str(block or BODY_BLOCK)).run()
    except Exception:  # noqa: BLE001 - a broken article yields no claims, never a crash
        return ClaimResult()
