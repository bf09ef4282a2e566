"""Claims and event candidates: claimants, chart numbers, triggers -> event
types and dates, and robustness on junk. Inputs are short news sentences of
our own (politics, sport, business, culture), run through the real entity,
quote and time-expression parsers, as the parse stage does."""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl_gone import claims, entities, quotes, timex

PUBLISHED = date(2019, 6, 12)  # a Wednesday


def run(paragraphs: list[str], published: date | None = PUBLISHED) -> claims.ClaimResult:
    index = entities.build_entities("a1", paragraphs)
    found = quotes.extract_quotes("a1", paragraphs, index)
    times = timex.extract_time_expressions("a1", paragraphs, published)
    return claims.extract_claims("a1", paragraphs, index, found, times, published)


def claim_with(result: claims.ClaimResult, words: str) -> claims.Claim:
    hits = [c for c in result.claims if words in c.claim_text]
    assert hits, f"no claim containing {words!r}: {[c.claim_text for c in result.claims]}"
    return hits[0]


# ---------------------------------------------------------------- claimants

@pytest.mark.parametrize("paragraphs, words, kind, claimant", [
    (["Senator Jane Holloway said that the budget would pass by March."],
     "budget would pass", "reported", "Jane Holloway"),
    (["\u201cWe will not raise taxes,\u201d Mayor Tom Becker said at the council meeting."],
     "We will not raise taxes", "quoted", "Tom Becker"),
    (["According to coach Maria Lopez, the team trained twice a day in July."],
     "the team trained", "reported", "Maria Lopez"),
    (["Finance chief Omar Haddad met investors on Monday.", "He told reporters that the merger was dead."],
     "merger was dead", "reported", "Omar Haddad"),
    (["Striker Paulo Mendes, speaking after the match, later admitted that the team had lost its way."],
     "lost its way", "reported", "Paulo Mendes"),
    (["The central bank raised interest rates by half a point on Tuesday."],
     "raised interest rates", "outlet_voice", None),
    (["Critics of the plan say it is unfair to renters."],
     "unfair to renters", "outlet_voice", None),
    # the source named after what it said
    (["The bridge had been unsafe for years, engineer Sam Patel said."],
     "unsafe for years", "reported", "Sam Patel"),
    (["The delay was due to a software fault, said Jane Doe."], "software fault", "reported", "Jane Doe"),
    (["Jane Doe met the mayor on Monday.", "The bridge had been unsafe for years, she said."],
     "unsafe for years", "reported", "Jane Doe"),
    (["The bridge had been unsafe for years, officials said."], "unsafe for years", "outlet_voice", None),
    # a name after "of"/"for" is not the subject: the person in apposition, or nobody named, speaks
    (["Ana Ruiz, chief executive of Vireo Robotics, said the company would hire 40 engineers."],
     "hire 40 engineers", "reported", "Ana Ruiz"),
    (["Jane Doe was charged in May.", "A lawyer for Doe told reporters that the charges were false."],
     "charges were false", "outlet_voice", None),
    (["Some members of Congress have suggested that the agency is wasting money."],
     "wasting money", "outlet_voice", None),
])
def test_claimant_is_speaker_reporter_or_outlet(paragraphs, words, kind, claimant):
    claim = claim_with(run(paragraphs), words)
    assert claim.claim_kind == kind
    assert claim.claimant == claimant


@pytest.mark.parametrize("sentence, claimant, words", [
    # a word in scare quotes is the writer's: the sentence stays one claim
    ('The team\u2019s owner, Lydia Marsh, said in a statement that she remained \u201coptimistic.\u201d',
     "Lydia Marsh", "remained \u201coptimistic"),
    ("The goal is to deliver a \u201cseamless experience\u201d that presents games on any device.",
     None, "a \u201cseamless experience\u201d that presents games"),
])
def test_scare_quotes_do_not_cut_a_claim(sentence, claimant, words):
    claim = claim_with(run([sentence]), words)
    assert claim.claimant == claimant


def test_quoted_claim_holds_only_the_quoted_words():
    result = run(["\u201cThe factory will stay open,\u201d chief executive Lena Brandt told workers on Friday."])
    quoted = [c for c in result.claims if c.claim_kind == "quoted"]
    assert [c.claim_text for c in quoted] == ["The factory will stay open"]
    assert quoted[0].claimant == "Lena Brandt"


def test_reported_speech_covers_only_the_clauses_after_its_verb():
    result = run(["The team won the league title in May 2018, and captain Ivo Petrov said that the coach "
                  "deserved the credit."])
    assert claim_with(result, "won the league title").claimant is None
    assert claim_with(result, "deserved the credit").claimant == "Ivo Petrov"


# ---------------------------------------------------------------- competing accounts

def answered_by(result: claims.ClaimResult) -> list[tuple[str | None, str | None]]:
    """(answered claimant, answering claimant) for each claim that answers another."""
    by_id = {c.claim_id: c for c in result.claims}
    return [(by_id[c.answers_claim_id].claimant, c.claimant) for c in result.claims
            if c.answers_claim_id is not None]


@pytest.mark.parametrize("paragraphs, answered, answering, words", [
    # a denial hung on what was just reported: the denier's side says what is denied
    (["Ray Dunn said in his testimony that others had raised concerns about Ana Ruiz leaking files, "
      "a prospect Ruiz denied earlier in the day."],
     "Ray Dunn", "Ana Ruiz", ("leaking files", "Ruiz denied")),
    (["Council member Lee Park said the contract had been rigged, a claim which Mayor Tom Hill disputes."],
     "Lee Park", "Tom Hill", ("contract had been rigged", "Hill disputes")),
    # a second claimant after "but", even behind "tried to suggest"
    (["Omar Haddad has tried to suggest that he barely knows the envoy, but Lena Brandt has said they spoke "
      "several times a week."],
     "Omar Haddad", "Lena Brandt", ("spoke several times",)),
    # a sentence opening with "But" answers the sentence before
    (["Police said the driver was speeding when the bus hit the barrier.",
      "But the driver's lawyer, Maria Lopez, said the brakes had failed before the crash."],
     "Police", "Maria Lopez", ("brakes had failed",)),
    # a denial naming whose claims it denies
    (["According to Jane Roe, the label is blocking her from playing her old songs on television.",
      "The Vireo Music Group has denied Roe's claims, saying they were \u201cfalse and shocking to us all.\u201d"],
     "Jane Roe", "Vireo Music Group", ("denied Roe's claims",)),
    # a lede that denies first, and the press's report after it
    (["Agent Roberto Calenda has denied reaching an agreement with Paris Saint-Germain over a move.",
      "It was reported in the French media on Tuesday that Calenda has struck a deal with the club."],
     "French media", "Roberto Calenda", ("denied reaching an agreement",)),
    (["Agent Roberto Calenda has denied the reports.",
      "Italian media reported that Calenda has struck a deal with Paris Saint-Germain."],
     "Italian media", "Roberto Calenda", ("denied the reports",)),
    # the press's claims countered before they are told, and a statement that contradicts them
    (["Thames Valley Police has countered claims that a major crime unit is investigating the death.",
      "The singer died over Christmas at his home.",
      "National media outlets have today (Friday) claimed that a major crime investigation is being conducted."],
     "National media outlets", "Thames Valley Police", ("countered claims",)),
    # hitting back at accusations told much later, in the denial's own words
    (["Manchester United have hit back at accusations their handling of the David Moyes sacking was "
      "unprofessional.", "The club lost 2-0 at Everton on Sunday.", "It was their 11th defeat of the season.",
      "The decision had been taken weeks before.", "Reports leaked on Monday.",
      "\u201cWe are disappointed to read of the sacking in the press before it was confirmed by Manchester "
      "United,\u201d Richard Bevan said."],
     "Richard Bevan", "Manchester United", ("hit back at accusations",)),
    (["Agent Roberto Calenda has denied the reports.",
      "Several national newspapers claimed that Calenda has struck a deal with Paris Saint-Germain."],
     "Several national newspapers", "Roberto Calenda", ("denied the reports",)),
    # "denied the allegations" just reported
    (["Jane Roe accused the mayor of lying about the budget for the stadium.",
      "Mayor Tom Hill denied the allegations in a statement on Tuesday."],
     "Jane Roe", "Tom Hill", ("denied the allegations",)),
    # ... or dismissed "the mayor's figures" just reported
    (["Ana Ortiz said the ferry earned $2 million last year.",
      "Council treasurer Tom Reed dismissed the mayor's figures on Monday."],
     "Ana Ortiz", "Tom Reed", ("dismissed the mayor's figures",)),
    # other words of denial, and a denial in what is said
    (["Ana Ortiz said the ferry made a profit.", "Tom Reed disputed that account on Monday."],
     "Ana Ortiz", "Tom Reed", ("disputed that account",)),
    (["\u201cThe city is overpaying,\u201d said Ana Ortiz, an analyst.", "Tom Reed disputed that view."],
     "Ana Ortiz", "Tom Reed", ("disputed that view",)),
    (["Ana Ortiz said the ferry made a profit.", "Tom Reed contradicted Ortiz's account on Monday."],
     "Ana Ortiz", "Tom Reed", ("contradicted",)),
    (["Ana Ortiz said the ferry made a profit.", "Tom Reed pushed back on Ortiz's claims, saying it lost money."],
     "Ana Ortiz", "Tom Reed", ("pushed back",)),
    (["Ana Ortiz said the ferry made a profit.", "Tom Reed called the claims baseless and misleading."],
     "Ana Ortiz", "Tom Reed", ("baseless",)),
    (["Ana Ortiz said the ferry made a profit.", "Tom Reed said that was simply not true."],
     "Ana Ortiz", "Tom Reed", ("not true",)),
    # a denial that states what it denies: whose claim it was asserts it
    (["Producer Dex Malone on Wednesday rejected Nova Reyes's claim that she wrote the song by herself."],
     "Nova Reyes", "Dex Malone", ("rejected Nova Reyes's claim",)),
    (["Nova Reyes says she wrote the song alone, contradicting a claim by producer Dex Malone that he "
      "co-wrote it."],
     "Dex Malone", "Nova Reyes", ("contradicting a claim",)),
    # "denied both allegations"
    (["Jane Roe said the mayor had lied about the budget and the stadium.",
      "Mayor Tom Hill denied both allegations on Tuesday."],
     "Jane Roe", "Tom Hill", ("denied both allegations",)),
    # the article's own claim about the denier, denied as charges or as a deed
    (["Former mayor Paul Dresner was charged with bribery in May.", "He has denied the charges."],
     None, "Paul Dresner", ("denied the charges",)),
    (["According to prosecutors, the developer Lena Marsh paid Paul Dresner about $200,000 over three years.",
      "Dresner denied taking any money."],
     None, "Paul Dresner", ("denied taking any money",)),
    (["Paul Dresner was arrested at his home in March.", "Dresner has denied any wrongdoing."],
     None, "Paul Dresner", ("denied any wrongdoing",)),
    # a contrast inside the sentence: "Roe, however, said", "..., while Roe said"
    (["Ana Ortiz claimed the ferry made a profit.", "Tom Reed, however, said the ferry lost money."],
     "Ana Ortiz", "Tom Reed", ("lost money",)),
    (["Ana Ortiz said the ferry made a profit, while Tom Reed said it lost money."],
     "Ana Ortiz", "Tom Reed", ("lost money",)),
])
def test_a_denial_or_a_contrary_account_answers_the_claim_before_it(paragraphs, answered, answering, words):
    result = run(paragraphs)
    assert set(answered_by(result)) == {(answered, answering)}
    answer = next(c for c in result.claims if c.answers_claim_id)
    assert answer.claim_kind == "reported"
    for w in words:
        assert w in answer.claim_text


@pytest.mark.parametrize("paragraphs", [
    ["Ana Ruiz has denied any wrongdoing.", "Police said the investigation into the fire continues."],
    # far on, a claim about the denier in other words answers nothing
    ["Ana Ruiz has denied any wrongdoing in the contract.", "The council met on Monday.", "It voted 7-2.",
     "The budget passed.", "Taxes will rise.", "Tom Hale said Ruiz would chair the next meeting."],
])
def test_a_denial_with_nothing_before_it_answers_no_later_claim_of_another_matter(paragraphs):
    assert answered_by(run(paragraphs)) == []


def test_a_denied_claim_stated_in_the_denial_is_its_claimants_own_claim():
    result = run(["Producer Dex Malone on Wednesday rejected Nova Reyes's claim that she wrote the song alone."])
    denial = next(c for c in result.claims if c.answers_claim_id)
    asserted = next(c for c in result.claims if c.claim_id == denial.answers_claim_id)
    assert (asserted.claimant, asserted.claim_kind, asserted.claim_text) == (
        "Nova Reyes", "reported", "she wrote the song alone.")


@pytest.mark.parametrize("paragraphs", [
    # one claimant throughout
    ["Omar Haddad said the plant would close, but he said the jobs would move to Ohio."],
    # "the allegations" reported two sentences back, with an unattributed sentence between
    ["Jane Roe said the mayor had lied about the budget.", "The stadium opened in May.",
     "Mayor Tom Hill denied the allegations on Tuesday."],
    # a denial of no one's claim
    ["Mayor Tom Hill denied any wrongdoing on Tuesday at the town hall."],
    # ... and the article's claim before it is not about the denier
    ["The stadium opened in May.", "Mayor Tom Hill denied any wrongdoing on Tuesday."],
    ["Paul Dresner was charged with bribery in May.", "Mayor Tom Hill denied the charges."],
    # "denied during the hearing that ...", "denied nothing": no deed
    ["Paul Dresner testified on Monday.", "He denied during the hearing that the payments were bribes."],
    ["Paul Dresner was charged with bribery in May.", "Dresner denied nothing."],
    # "the claim that ..." of no one named
    ["Tom Reed dismissed the claim that the ferry lost money."],
    # "rejected being ...": only "deny" denies a deed
    ["Paul Dresner was charged with bribery in May.", "Dresner rejected being called a criminal."],
    # the one who denies is the one who reported
    ["Ray Dunn said the files had leaked, a prospect Dunn denied was his fault."],
    # a judgement of something else, and a name for a thing, are no denial
    ["Ana Ortiz said the ferry made a profit.", "Tom Reed said it was wrong to close the pier."],
    ["Ana Ortiz said the ferry made a profit.", "Tom Reed called the ferry a success."],
])
def test_no_answer_without_a_second_claimant(paragraphs):
    assert answered_by(run(paragraphs)) == []


@pytest.mark.parametrize("paragraphs, claimants", [
    (["Ivo Petrov and Lena Brandt testified on Monday.",
      "However, both Petrov and Brandt told lawmakers that the request was inappropriate."],
     ["Ivo Petrov", "Lena Brandt"]),
    (["John Smith, Ann Brown and Bob Jones sued the city.", "Smith, Brown and Jones said they would appeal."],
     ["John Smith", "Ann Brown", "Bob Jones"]),
    (["John Smith and Ann Brown sued the city.", "Later, Smith and Brown told reporters the ruling was unfair."],
     ["John Smith", "Ann Brown"]),
    (["John Smith and Ann Brown sued the city.", "Smith and Brown have both said the ruling was unfair."],
     ["John Smith", "Ann Brown"]),
    # a name before "and" that is not the subject's
    (["John Smith and Ann Brown sued the city.", "Smith and Brown's lawyer said the ruling was unfair."], []),
    (["John Smith and Ann Brown sued the city.", "The lawyer for Smith and Brown said the ruling was unfair."], []),
])
def test_every_name_of_a_joint_subject_makes_the_claim(paragraphs, claimants):
    result = run(paragraphs)
    said = [c for c in result.claims if c.paragraph_index == 1]
    assert sorted(c.claimant for c in said if c.claimant) == sorted(claimants)
    assert len({c.claim_id for c in said}) == len(said)
    assert len({c.claim_text for c in said}) <= 1


def test_a_participle_of_speech_gives_its_clause_subject_as_speaker():
    paragraphs = ["The Vireo Music Group has denied Jane Roe's claims, saying they were "
                  "\u201cfalse and shocking to us all.\u201d"]
    index = entities.build_entities("a1", paragraphs)
    [quote] = quotes.extract_quotes("a1", paragraphs, index).quotes
    assert quote.speaker == "Vireo Music Group"  # not Jane Roe, whose "claims" are a noun


# ---------------------------------------------------------------- numbers and charts

@pytest.mark.parametrize("sentence, number, chart", [
    ("The single peaked at No. 4 on the UK Singles Chart in 1998.", 4, "UK Singles"),
    ("Her debut hit #11 on the Billboard Hot 100.", 11, "Billboard Hot 100"),
    ("The track climbed to number 7 on the Billboard Hot 100 chart last year.", 7, "Billboard Hot 100"),
    ("The record topped the charts in 14 countries.", None, None),
    ("The club scored 3 goals in 2 games.", None, None),
])
def test_chart_positions(sentence, number, chart):
    claim = run([sentence]).claims[0]
    assert claim.number == number
    assert claim.chart == chart


# ---------------------------------------------------------------- triggers, types and dates

@pytest.mark.parametrize("sentence, event_type, event_date, precision", [
    ("The band released its debut album, Northern Lights, on March 3, 2015.", "release",
     date(2015, 3, 3), "day"),
    ("Former president Alan Reed died in June 2011.", "death", date(2011, 6, 1), "month"),
    ("Lisbon beat Porto 3-1 in the final on May 20, 2019.", "victory", date(2019, 5, 20), "day"),
    ("Dana Whitfield was elected mayor in November 2018.", "election", date(2018, 11, 1), "month"),
    ("Acme Corp acquired Brightline Systems in 2020.", "acquisition", date(2020, 1, 1), "year"),
    ("He sold his 50 per cent share to his wife for $1 in 2009.", "acquisition", date(2009, 1, 1), "year"),
    ("The singer's heirs won a $7.4 million judgment on Tuesday against recording stars Robin Thicke and "
     "Pharrell Williams.", "verdict", date(2019, 6, 11), "day"),
    ("A jury on Tuesday ordered songwriters Robin Thicke and Pharrell Williams to pay $7.3 million to the "
     "family.", "verdict", date(2019, 6, 11), "day"),
    ("He originally set up the company with his wife in 2007.", "founding", date(2007, 1, 1), "year"),
    ("Premier Victor Ponta announced his resignation on Wednesday.", "resignation", date(2019, 6, 12), "day"),
    ("On October 14, 2011, the board fired the company's then-President and CEO Michael Woodford.", "resignation",
     date(2011, 10, 14), "day"),
    ("The company met its biggest shareholder and creditors at 9am on Sunday.", "meeting", date(2019, 6, 9), "day"),
    ("In a seminar on July 4, 2012, physicists confirmed the discovery of the Higgs boson.", "discovery",
     date(2012, 7, 4), "day"),
    ("Mark Rutte said he had handed the resignation of his government to the king on Friday.", "resignation",
     date(2019, 6, 7), "day"),
    ("The Dutch government collapsed on Friday over a benefits scandal.", "resignation", date(2019, 6, 7), "day"),
    ("Thousands of doctors began their first all-out strike on Tuesday.", "protest", date(2019, 6, 11), "day"),
    ("The union staged a one-day walkout on Monday.", "protest", date(2019, 6, 10), "day"),
    ("The second explosion came five days after Friday's initial blast.", "incident", date(2019, 6, 7), "day"),
    ("Created in 1948, the NHS provides free care.", "founding", date(1948, 1, 1), "year"),
    ("The charity was set up in 2007 by two teachers.", "founding", date(2007, 1, 1), "year"),
    ("The promise was made at last year's general election.", "election", date(2018, 1, 1), "year"),
    ("Protesters who in 2009 brought down the government gathered again.", "resignation", date(2009, 1, 1),
     "year"),
    ("Acme Corp said on Tuesday it had agreed to acquire Brightline Systems.", "acquisition",
     date(2019, 6, 11), "day"),
    ("The series premiered on September 9, 2016.", "broadcast", date(2016, 9, 9), "day"),
    ("She won the Booker Prize in 2019.", "award", date(2019, 1, 1), "year"),
    ("The governor resigned in March 2021 after the audit.", "resignation", date(2021, 3, 1), "month"),
    ("The single peaked at No. 4 on the UK Singles Chart in 1998.", "chart_position", date(1998, 1, 1), "year"),
    ("The orchestra performed at Carnegie Hall on October 2, 2017.", "performance", date(2017, 10, 2), "day"),
    ("The two rappers teamed up on a duet in 2012.", "collaboration", date(2012, 1, 1), "year"),
    ("The show airs this Sunday.", "broadcast", date(2019, 6, 16), "day"),
    # the events of any news story, not only a music story's
    ("The suspect, Dale Moss, was convicted and sentenced to life in prison last Thursday.", "verdict",
     date(2019, 6, 6), "day"),
    ("A face mask ban was ruled illegal by the city's High Court on Monday.", "verdict", date(2019, 6, 10), "day"),
    ("Ambassador Ruth Kell testified before the committee on Wednesday.", "testimony", date(2019, 6, 12), "day"),
    ("The Senate passed the spending bill on March 3, 2015.", "decision", date(2015, 3, 3), "day"),
    ("The Senate passed the Clean Energy Act on August 7, 2022.", "decision", date(2022, 8, 7), "day"),
    ("In June, the minister formally approved an extradition request.", "decision", date(2019, 6, 1), "month"),
    ("Prosecutors opened an investigation into the firm in May 2018.", "investigation", date(2018, 5, 1), "month"),
    ("The protests began peacefully in June 2019.", "protest", date(2019, 6, 1), "month"),
    ("A bus crashed on the ring road in Leeds on Monday.", "incident", date(2019, 6, 10), "day"),
    ("The last major outbreak in the region was in 2009.", "incident", date(2009, 1, 1), "year"),
    ("Three miners were seriously injured at the Ridge pit in April 2017.", "injury", date(2017, 4, 1), "month"),
    ("Two soldiers have been killed in the fighting so far this year.", "death", date(2019, 1, 1), "year"),
    ("Dana Whitfield visited Lagos in 2010.", "meeting", date(2010, 1, 1), "year"),
    ("The Harbour Boys split up in 2002.", "breakup", date(2002, 1, 1), "year"),
    ("The Harbour Boys will reunite for a 2020 North American tour.", "performance", date(2020, 1, 1), "year"),
    # a dated or accompanied meeting or call, and testimony however the article words it
    ("Morrison listened in on President Trump's July 25 call with the Ukrainian president.", "meeting",
     date(2019, 7, 25), "day"),
    ("Nobody was told about the call between Ruth Kell and Ira Vance on July 3.", "meeting", date(2019, 7, 3),
     "day"),
    # (witnessed in the past: the September before the June publication)
    ("Ira Vance witnessed a conversation in Warsaw between Ruth Kell and an aide on Sept. 1.", "meeting",
     date(2018, 9, 1), "day"),
    ("Ruth Kell had a phone conversation with the prime minister on July 10.", "meeting", date(2019, 7, 10), "day"),
    ("Ira Vance witnessed a key March conversation in Warsaw between Ruth Kell and an aide.", "meeting",
     date(2019, 3, 1), "month"),
    ("Ira Vance said he first discussed the delay with the Ukrainians at the end of April.", "meeting",
     date(2019, 4, 1), "month"),
    ("The president made an unscheduled trip to Walter Reed hospital on Saturday.", "meeting",
     date(2019, 6, 8), "day"),
    ("Morrison was the third witness testifying Tuesday in the inquiry.", "testimony", date(2019, 6, 11), "day"),
    ("In his testimony Tuesday morning, Ira Vance said he had warned the lawyers.", "testimony",
     date(2019, 6, 11), "day"),
    ("The committee concluded its third public hearing on Tuesday.", "testimony", date(2019, 6, 11), "day"),
    # a document or recording made public, without a work title
    ("The transcript of that call was released on September 25, 2019.", "release", date(2019, 9, 25), "day"),
    ("A video showing the moment a girl was rescued by police was released Monday.", "release",
     date(2019, 6, 10), "day"),
    ("According to a paper published in the journal Nature Astronomy on Monday, the team found water.",
     "release", date(2019, 6, 10), "day"),
    # how deaths, incidents, arrests, departures and cancellations are written in news
    ("Fritz Berger was stabbed to death on Tuesday.", "death", date(2019, 6, 11), "day"),
    ("The financier reportedly committed suicide in April while in custody.", "death", date(2019, 4, 1),
     "month"),
    ("The fight broke out Tuesday afternoon on a train pulling into a station.", "incident",
     date(2019, 6, 11), "day"),
    ("The helicopter was shot down last night over the valley.", "incident", date(2019, 6, 11), "day"),
    ("The suspect was taken into custody on Friday.", "arrest", date(2019, 6, 7), "day"),
    ("Chief executive Dana Whitfield is stepping down in May 2020.", "resignation", date(2020, 5, 1), "month"),
    ("The festival was cancelled on Monday.", "cancellation", date(2019, 6, 10), "day"),
    ("The Swedish cases were dropped in 2015 because time had run out.", "cancellation", date(2015, 1, 1), "year"),
    ("Last month, a judge rejected Dale Moss's attempt to delay the hearing.", "decision", date(2019, 5, 1),
     "month"),
    ("On Tuesday the court upheld the ban on flavoured vapes.", "decision", date(2019, 6, 11), "day"),
    ("Harbourgram first introduced business accounts in 2016.", "launch", date(2016, 1, 1), "year"),
    ("The two companies came to an agreement on Monday.", "signing", date(2019, 6, 10), "day"),
    # a fire, told any of the ways news tells one
    ("A fire destroyed a warehouse on the waterfront on Tuesday night.", "incident", date(2019, 6, 11), "day"),
    ("A warehouse fire on Tuesday, March 3, 2020 left two firefighters in hospital.", "incident",
     date(2020, 3, 3), "day"),
    ("The blaze broke out shortly after 9 p.m. on March 3.", "incident", date(2019, 3, 3), "day"),
    # a year that says what the object is does not date the event ("the 1962 building")
    ("Acme Corp bought the 1962 building in 2015.", "acquisition", date(2015, 1, 1), "year"),
    # "the fire" was told before: the date is the inquiry's, and no second fire
    ("Police opened an investigation into the fire on Monday.", "investigation", date(2019, 6, 10), "day"),
    ("The union reached a pay deal with the city in March.", "signing", date(2019, 3, 1), "month"),
    ("The new tariffs took effect in July 2018.", "decision", date(2018, 7, 1), "month"),
    # an occasion or a process named as such begins
    ("The Davis Cup Final began on Monday at the Magic Box in Madrid.", "start", date(2019, 6, 10), "day"),
    ("The trial of Dale Moss opened on Tuesday in Leeds.", "start", date(2019, 6, 11), "day"),
    # a short opening phrase before "he" belongs to his clause: its date is the event's
    ("In April, he died of natural causes.", "death", date(2019, 4, 1), "month"),
    ("Marcus Bell was pronounced dead at Mercy Hospital on Sunday.", "death", date(2019, 6, 9), "day"),
    ("The song earned Nova Reyes her first Grammy nomination in 2016.", "nomination", date(2016, 1, 1), "year"),
    ("Eli Brandt left the company in 2016.", "resignation", date(2016, 1, 1), "year"),
    # a discovery told in the passive, anywhere in the article
    ("The planet was first identified in 2017 by the K2 mission.", "discovery", date(2017, 1, 1), "year"),
    # pacts between countries
    ("Estonia, Latvia and Lithuania on Wednesday signed a pact to link their grids.", "signing",
     date(2019, 6, 12), "day"),
    ("The two firms sealed a supply deal in March.", "signing", date(2019, 3, 1), "month"),
    # a plane lost, and the inquiry into "the crash" (told before: no second crash)
    ("A small plane went down near Lakeview Regional Airport on Monday.", "incident", date(2019, 6, 10), "day"),
    ("The safety board opened an investigation into the crash on Tuesday.", "investigation", date(2019, 6, 11),
     "day"),
    # a storm, and what officials do about it
    ("Hurricane Lena made landfall near Port Oriel on Wednesday afternoon.", "incident", date(2019, 6, 12),
     "day"),
    ("At least 17 people were hurt when the tornado tore through Port Oriel on Wednesday.", "incident",
     date(2019, 6, 12), "day"),
    ("Governor Ray Mills declared a state of emergency on Monday.", "decision", date(2019, 6, 10), "day"),
    ("Governor Ray Mills ordered the evacuation of coastal counties on Monday.", "decision", date(2019, 6, 10),
     "day"),
    ("President Alan Brooks approved a major disaster declaration on Thursday.", "decision", date(2019, 6, 6),
     "day"),
    ("Sheriff Ana Duarte ordered residents of Pine Ridge and Elk Flats to leave on Wednesday.", "decision",
     date(2019, 6, 12), "day"),
    # an obituary's life: a participle birth, a marriage to a described person, a quitting
    ("Born in Glasgow in 1931, Ruth Calder studied in London.", "birth", date(1931, 1, 1), "year"),
    ("Ruth Calder married the painter Erik Lund in 1958.", "marriage", date(1958, 1, 1), "year"),
    ("Tom Hale wed Ana Ruiz in June 2010.", "marriage", date(2010, 6, 1), "month"),
    ("Tom Hale quit the band in 2002.", "resignation", date(2002, 1, 1), "year"),
    # protests: marches and demonstrations, named by where they are
    ("Tens of thousands marched through central Port Alden on Saturday.", "protest", date(2019, 6, 8), "day"),
    ("Crowds filled Port Alden on Saturday in the largest demonstration against the reform.", "protest",
     date(2019, 6, 8), "day"),
    # elections as news tells them
    ("Tom Hale won office in 2012.", "election", date(2012, 1, 1), "year"),
    ("On Tuesday, voters chose Elena Marquez as mayor.", "election", date(2019, 6, 11), "day"),
    # a day named before "a day after": the event is the day before it
    ("Tom Hale conceded defeat on Wednesday, a day after voters chose Elena Marquez.", "election",
     date(2019, 6, 11), "day"),
    # the win of an election is the election, not a second event taking its date
    ("Elena Marquez was elected mayor of Harbour City on Tuesday, defeating incumbent Tom Hale by 12 points.",
     "election", date(2019, 6, 11), "day"),
    ("The vote was held on June 3, a week before the Harbour Bridge collapsed.", "incident",
     date(2019, 6, 10), "day"),
    # a company deal and its approval, and an office taken
    ("Orion Foods agreed on Tuesday to acquire Pella Snacks.", "acquisition", date(2019, 6, 11), "day"),
    ("The merger was approved by regulators in March.", "decision", date(2019, 3, 1), "month"),
    ("Sandra Voss became Orion's chief executive in 2019.", "appointment", date(2019, 1, 1), "year"),
    ("Tom Hale became head coach of the Rams in 2015.", "appointment", date(2015, 1, 1), "year"),
    ("Manager Petra Sol took charge in 2019.", "appointment", date(2019, 1, 1), "year"),
    ("Tom Hale took office in January 2013.", "appointment", date(2013, 1, 1), "month"),
    # raids, searches by officers and appeals: steps of a criminal case
    ("The FBI raided City Hall on Feb. 27, 2018.", "investigation", date(2018, 2, 27), "day"),
    ("Federal agents searched the mayor's home on Tuesday.", "investigation", date(2019, 6, 11), "day"),
    ("The defence team filed a notice of appeal on Saturday.", "lawsuit", date(2019, 6, 8), "day"),
    ("Acme Corp appealed the ruling in March.", "lawsuit", date(2019, 3, 1), "month"),
    # "met" with a place or a time after it
    ("The two envoys met in Kyiv on July 10.", "meeting", date(2019, 7, 10), "day"),
    ("The two envoys met privately at the embassy on Monday.", "meeting", date(2019, 6, 10), "day"),
    # a product recall, an outage, an army taking power, a breach found, a hospital admission, a signed document
    ("Samsung is recalling all Galaxy Note7 phones on Friday.", "decision", date(2019, 6, 7), "day"),
    ("The outage on Monday lasted six hours.", "incident", date(2019, 6, 10), "day"),
    ("The army seized power on Wednesday.", "incident", date(2019, 6, 12), "day"),
    ("Equifax discovered the breach on July 29.", "discovery", date(2019, 7, 29), "day"),
    ("Duncan was admitted to Texas Health Presbyterian Hospital on Sept. 28.", "injury", date(2018, 9, 28), "day"),
    ("The two leaders signed a document on Tuesday.", "signing", date(2019, 6, 11), "day"),
    ("Regulators launched a Special Crash Investigation on Monday.", "investigation", date(2019, 6, 10), "day"),
    # a statement or an apology made public
    ("On Monday, Big Machine Records issued a statement about the awards show.", "statement",
     date(2019, 6, 10), "day"),
    ("PricewaterhouseCoopers apologized on Monday for the flub.", "statement", date(2019, 6, 10), "day"),
    # an assault on a named person
    ("Will Smith slapped Chris Rock at the Oscars on Sunday.", "incident", date(2019, 6, 9), "day"),
    # a filing in a case
    ("On Tuesday, the rapper filed a document in New York federal court denying the claims.", "lawsuit",
     date(2019, 6, 11), "day"),
    # a manager sacked, a chief fired by name
    ("Manchester United sacked David Moyes on Tuesday.", "resignation", date(2019, 6, 11), "day"),
    ("The board fired Scott Thompson on Sunday.", "resignation", date(2019, 6, 9), "day"),
    # a charge with its day between, an arraignment, "the arrest on Friday"
    ("He was charged on Friday with aggravated murder and arson.", "arrest", date(2019, 6, 7), "day"),
    ("Abou-Arab was arraigned in Toledo Municipal Court on Monday.", "arrest", date(2019, 6, 10), "day"),
    ("The chief said the arrest on Friday had unleashed anger among firefighters.", "arrest",
     date(2019, 6, 7), "day"),
    # a shooting told by its gunfire, a train off its rails, with the hour said before the day
    ("A gunman opened fire in a crowded mall in Burlington on Friday evening.", "incident",
     date(2019, 6, 7), "day"),
    ("The train, with 238 passengers on board, derailed at Frankford Junction in Philadelphia on the "
     "Northeast Corridor, shortly after 9:00 p.m. on Tuesday, May 12, 2015.", "incident", date(2015, 5, 12), "day"),
    # the day an incident is named by ("Tuesday's crash"), after "after" or "into"
    ("A police officer guards the store after Friday\u2019s fatal shooting.", "incident", date(2019, 6, 7), "day"),
    ("Police launched a criminal investigation into Tuesday\u2019s crash of the train.", "incident",
     date(2019, 6, 11), "day"),
    # an attack on a named person
    ("The striker bit Chiellini during the match on Tuesday.", "incident", date(2019, 6, 11), "day"),
    # an election's result made official
    ("The state canvassing board certified Franken as the winner by 225 votes on Monday.", "election",
     date(2019, 6, 10), "day"),
    # a test's result, a rule's change, a press conference, a letter received
    ("She admitted she had failed a drug test at the Open in January.", "test_result", date(2019, 1, 1), "month"),
    ("The players tested positive for the drug on Monday.", "test_result", date(2019, 6, 10), "day"),
    ("On January 1 the rules had changed.", "decision", date(2019, 1, 1), "day"),
    ("The substance was added to the banned list on January 1.", "decision", date(2019, 1, 1), "day"),
    ("She spoke at a press conference in Los Angeles on Monday.", "meeting", date(2019, 6, 10), "day"),
    ("She received a letter from the agency on December 22, 2018.", "meeting", date(2018, 12, 22), "day"),
    # a resignation agreed or accepted, a meeting held
    ("The chief also agreed to resign on Friday.", "resignation", date(2019, 6, 7), "day"),
    ("The council accepted resignations Friday from three top city administrators.", "resignation",
     date(2019, 6, 7), "day"),
    ("The council held a closed-door meeting late into Thursday night.", "meeting", date(2019, 6, 6), "day"),
    # weather that does harm, and a caption's present tense
    ("A freak storm swept through the festival on Thursday, killing five people.", "incident",
     date(2019, 6, 6), "day"),
    ("An unmanned rocket explodes shortly after takeoff at Wallops Island on Oct. 28, 2014.", "incident",
     date(2014, 10, 28), "day"),
    # a visit: "toured the town", "a visit by" (a band that toured a country performed there)
    ("Residents heckled the premier on Wednesday as he toured the town.", "meeting", date(2019, 6, 12), "day"),
    ("Roads were closed for a visit by President Abdullah Gul on Monday.", "meeting", date(2019, 6, 10), "day"),
    ("The band toured Europe in 1998.", "performance", date(1998, 1, 1), "year"),
    # a funeral, and a post-mortem examination (not a funeral home)
    ("The funeral for Firefighter James Dickman, 31, was held on Friday in Sandusky.", "funeral",
     date(2019, 6, 7), "day"),
    ("A post-mortem examination on Monday proved inconclusive.", "investigation", date(2019, 6, 10), "day"),
    # what was decided is the event
    ("The network decided to cancel the reboot on Tuesday.", "cancellation", date(2019, 6, 11), "day"),
    # a person gone missing, a fugitive caught, a body found, the presumed dead, a volcano
    ("Natascha Kampusch vanished on her way to school on March 2, 1998.", "incident", date(1998, 3, 2), "day"),
    ("The boy was abducted outside his school on Monday.", "incident", date(2019, 6, 10), "day"),
    ("The drug lord was recaptured by marines on Friday.", "arrest", date(2019, 6, 7), "day"),
    ("His body, still in uniform, was found on a beach on Friday.", "discovery", date(2019, 6, 7), "day"),
    ("Divers recovered the bodies of two men on Monday.", "discovery", date(2019, 6, 10), "day"),
    ("Thirty-one people were presumed dead on Sunday.", "death", date(2019, 6, 9), "day"),
    ("Mount Ontake erupted without warning on Saturday.", "incident", date(2019, 6, 8), "day"),
    # a fire that began, a tour of the damage (a visit, not a band's), an interview given
    ("The fire began on Tuesday, fuelled by strong winds.", "incident", date(2019, 6, 11), "day"),
    ("After his tour of the fire damage in Lahaina on Thursday, the governor spoke.", "meeting",
     date(2019, 6, 6), "day"),
    ("He made the remarks in an interview Thursday afternoon with a local radio station.", "meeting",
     date(2019, 6, 6), "day"),
    # an announcement made, a media briefing
    ("The minister made the announcement on Sunday in Pretoria.", "announcement", date(2019, 6, 9), "day"),
    ("He gave an update at a media briefing on Sunday.", "meeting", date(2019, 6, 9), "day"),
    # a building stormed, a ship aground or breaking up, an attack on computers
    ("Protesters stormed the parliament building in Nairobi on Tuesday.", "protest", date(2019, 6, 11), "day"),
    ("The bulk carrier ran aground on a coral reef on July 25.", "incident", date(2019, 7, 25), "day"),
    ("Crews pumped fuel off the carrier before it split in two on Sunday.", "incident", date(2019, 6, 9), "day"),
    ("TalkTalk was hit by a cyber attack on October 21, 2018.", "incident", date(2018, 10, 21), "day"),
    ("The farmer was hacked to death on Monday.", "death", date(2019, 6, 10), "day"),  # a killing, not a hack
    # leaders giving themselves up, a first appearance in court, a curfew, an apology expressed
    ("Some protest leaders turned themselves in to police on Wednesday.", "arrest", date(2019, 6, 12), "day"),
    ("The captain appeared in Tauranga District Court on Wednesday.", "arrest", date(2019, 6, 12), "day"),
    ("The army imposed a curfew across Bangkok on Wednesday.", "decision", date(2019, 6, 12), "day"),
    ("The minister expressed his sincere apology to Russia on Saturday.", "statement", date(2019, 6, 8), "day"),
    # the cause of an arrest is no event of that day
    ("Police arrested a boy on Monday over a cyber attack on TalkTalk.", "arrest", date(2019, 6, 10), "day"),
    # a dateline's date gives way to the sentence's own
    ("STRASSHOF, Austria, Aug. 24 -- Natascha Kampusch vanished on her way to school on March 2, 1998.",
     "incident", date(1998, 3, 2), "day"),
    # a date opening the sentence dates an event told in the article's voice later in it
    ("On Tuesday, June 11 during the final of the cup at the arena in Natal, Brazil, everyone watched in "
     "shock as the striker bit Chiellini in one of the most dramatic games so far.", "incident",
     date(2019, 6, 11), "day"),
])
def test_trigger_gives_event_type_and_date(sentence, event_type, event_date, precision):
    events = run([sentence]).events
    assert [(e.event_type, e.event_date, e.date_precision) for e in events] == [
        (event_type, event_date, precision)]


@pytest.mark.parametrize("sentence", [
    "The company did not release the report in 2019.",         # negated
    "If he wins the vote in 2024, taxes will rise.",           # hypothetical
    "Will the film be released in 2025?",                      # a question
    "The minister wanted to resign in 2016 but stayed.",       # a wish
    "Democrats won the state senate for the first time since 1993.",  # a bound, not a date
    "He was released from prison in 2009.",                    # no work released
    "Our editors dropped two bombshells in 2014.",             # weak trigger, no work
    "The convicted financier moved to Paris in 2008.",         # a label, not a verdict
    "They must act to stay relevant in the 2020 conversation.",  # a year's talk, not a conversation held
    "After the report came out, he was released on Monday.",   # a person released, not the report
    "Shares opened higher on Monday.",                          # no occasion starts
    "He began writing songs in 2010.",
    "He introduced the band to his friends in 2001.",          # people introduced, nothing launched
    "The minister came under fire on Monday.",                  # no fire
    "Police fired Tasers at the man on Monday.",                # no one fired from a post
    "He recalled the night vividly in 2010.",                   # remembered, nothing called back
    "The senator said in a statement on Monday that she would vote no.",  # a report, not a statement issued
    "The reporter searched the archive on Monday.",             # only officers' searches
    "The idea appealed to the mayor in 2010.",                  # no appeal filed
    "Jane Roe became a household name in 2010.",                # no office
    "He won the office pool in 2012.",                          # no office won
    "The rebels took charge of the city in May.",               # no office taken
    "He left the house in 2010.",                               # no post left
    "Prices went down in May.",                                 # no plane
    "He was spotted in the crowd in 2010.",                     # seen, not discovered
    "The victim was identified by police on Monday.",           # named, not discovered
    "They demonstrated in 2013 that the cells responded.",      # shown, not protested
    "Acme gave a demonstration of its new phone in May.",       # a product shown
    "The mayor denied the allegations on Monday.",              # a denial, not a decision on a request
    "The report said the hostage was released from captivity in 2016.",  # released from somewhere
    "The funeral home on Monday said it had no record of him.",  # a business, not a funeral
    "Critics blasted the decision on Monday.",                  # a blast of words
    "Union troops fired the first shot at Fort Sumter in April 1861.",  # no one fired from a post
    "Next year's election will be close.",                      # an election to come
    "He formed a new idea in 2010 about the plan.",             # no founding without "in <year>" after it
    "A twitter storm over the tweet had already erupted on Tuesday.",  # no volcano
    "The thief was caught on camera on Friday.",                # filmed, not captured
    "The stain disappeared from the record in 2010.",           # nobody gone missing
    "The singer stormed off the stage on Monday.",              # no building taken
])
def test_no_event_for_denied_hypothetical_or_loose_mentions(sentence):
    assert [e for e in run([sentence]).events if e.event_date is not None] == []


def test_unresolved_relative_date_keeps_an_undated_candidate():
    events = run(["The finale of \u201cHarbor Town\u201d airs this Sunday."], published=None).events
    assert len(events) == 1
    assert events[0].event_date is None and events[0].date_status == "unresolved"
    assert events[0].work_title == "Harbor Town"


def test_each_clause_gets_its_own_date_and_shares_the_subject():
    events = run(["\u201cBlue Hour\u201d was recorded from May 2002 to January 2003, and was released "
                  "on June 5, 2003."]).events
    got = {(e.event_type, e.work_title, e.event_date, e.date_end, e.date_precision) for e in events}
    assert got == {("recording", "Blue Hour", date(2002, 5, 1), date(2003, 1, 31), "month"),
                   ("release", "Blue Hour", date(2003, 6, 5), None, "day")}


def test_pronoun_and_container_titles():
    events = run(["The band recorded \u201cPaper Boats\u201d in 2009.",
                  "It was released as the second single off of Harbor Lights in June 2010."]).events
    release = [e for e in events if e.event_type == "release"][0]
    assert release.work_title == "Paper Boats"
    assert release.container_title == "Harbor Lights"
    assert release.event_date == date(2010, 6, 1)


def test_dates_go_to_the_nearest_trigger():
    events = run(["The senator, who was elected in 2010, resigned in March 2021."]).events
    assert {(e.event_type, e.event_date) for e in events} == {
        ("election", date(2010, 1, 1)), ("resignation", date(2021, 3, 1))}


def test_a_trigger_with_its_own_date_beside_it_leaves_the_others_alone():
    # March 5 is nearer "collapsed" than "arrested", but the collapse has March 3 right after it;
    # "maintained" is no report taking the date
    events = run(["Police arrested John Reed, the manager of the firm that maintained the Harbour Bridge, "
                  "on March 5, two days after the bridge collapsed on March 3, 2019."]).events
    assert {(e.event_type, e.event_date) for e in events} == {
        ("arrest", date(2019, 3, 5)), ("incident", date(2019, 3, 3))}


@pytest.mark.parametrize("sentence, dated", [
    # a date's possessive dates what it stands before, not another event of the sentence
    ("Today's blast lasted 30 seconds and was stronger than the first explosion.", {("incident", "blast")}),
    ("Tuesday's blast was stronger than the explosion at the Harbour mine.", {("incident", "blast")}),
    ("Investigators reached Friday's initial blast site at the Harbour mine.", {("incident", "blast")}),
])
def test_a_dates_possessive_dates_only_what_it_stands_before(sentence, dated):
    events = run([sentence]).events
    assert {(e.event_type, e.trigger) for e in events if e.event_date is not None} == dated


def test_what_is_announced_is_the_event_and_no_announcement_besides():
    # without the rule the announcement takes the other date, Wednesday, as an event of its own
    events = run(["Workers said on Wednesday that they feared job cuts after Orion Foods announced its "
                  "takeover of Pella Snacks on Tuesday."]).events
    assert [(e.event_type, e.event_date) for e in events] == [("acquisition", date(2019, 6, 11))]


def test_no_trigger_ends_in_a_space():
    # a trigger must end at a word's end ((?![\w'-]) follows it): "married (?=[A-Z])" and
    # "quit the " could never match; the name after a verb is looked at, not taken
    dead = [alt for _, _, src in claims.TRIGGER_TABLE for alt in claims._top_level_alternatives(src)
            if alt.endswith(" ") or " (?=" in alt]
    assert dead == []


def test_a_date_before_and_is_the_first_verbs():
    [event] = run(["The Tarnby Public Library opened in 1979 and won the Stirling Prize in 1980."]).events
    assert (event.event_type, event.event_date) == ("award", date(1980, 1, 1))


def test_a_date_beyond_another_triggers_date_is_not_this_triggers():
    # "from 2010" is the term's start; March 2018 is the resignation's; the search is undated (no event)
    events = run(["Dresner served as mayor from 2010 until he resigned in March 2018, two weeks after "
                  "FBI agents searched City Hall."]).events
    assert {(e.event_type, e.event_date) for e in events} == {("resignation", date(2018, 3, 1))}


def test_the_blaze_after_a_fire_is_that_fire():
    # "The blaze" names nothing itself: it is the incident told before, and joins it
    events = run(["A fire destroyed a warehouse on the Harbour City waterfront on Tuesday.",
                  "The blaze broke out shortly after 9 p.m. on March 3."]).events
    assert [(e.event_type, e.participants) for e in events] == [
        ("incident", ("Harbour City",)), ("incident", ("Harbour City",))]


def test_a_second_predicate_takes_the_date_after_it():
    # Wednesday is the putting out's: the start is undated (no event), not dated Wednesday
    events = run(["The Harbour Mill fire started at about 9 p.m. and was put out by 1 a.m. on Wednesday."]).events
    assert not events


@pytest.mark.parametrize("sentence, teller", [
    ("The Harbour Mill collapsed on March 3, Fire Chief Dana Pruitt said.", "Dana Pruitt"),
    ("Fire Chief Dana Pruitt said the Harbour Mill collapsed on March 3.", "Dana Pruitt"),
])
def test_who_tells_of_an_incident_is_no_participant(sentence, teller):
    [event] = run([sentence]).events
    assert "Harbour Mill" in event.participants and teller not in event.participants


@pytest.mark.parametrize("paragraphs, event_date", [
    # a time of day is on the last day the article named
    (["Marcus Bell was shot outside the tavern early Sunday.", "Bell died at Mercy Hospital shortly after 3 a.m."],
     date(2019, 6, 9)),
    # ... and before any, it is on the day of publication (a live blog's "2:30 p.m. - ...")
    (["Bell died at Mercy Hospital shortly after 3 a.m."], date(2019, 6, 12)),
])
def test_a_clock_time_is_on_the_last_day_named(paragraphs, event_date):
    deaths = [e for e in run(paragraphs).events if e.event_type == "death"]
    assert [e.event_date for e in deaths] == [event_date]


@pytest.mark.parametrize("sentence, sides", [
    # the sides of a win are named by its verb, whatever kind of name they are
    ("Harbour United beat Rivertown 2-1 on Saturday.", ("Harbour United", "Rivertown")),
    # a participle after a comma has the sentence's subject
    ("Harbour United won the Premier Division title on Saturday, beating Rivertown 2-1 at Dockside Park.",
     ("Harbour United", "Rivertown")),
])
def test_the_sides_of_a_win_are_its_participants(sentence, sides):
    [event] = [e for e in run([sentence]).events if e.event_type == "victory"]
    assert set(sides) <= set(event.participants)


@pytest.mark.parametrize("sentence, parties", [
    # the parties to a deal: named before it, or after "with"; not where it was signed
    ("On Wednesday Estonia, Latvia and Lithuania signed a pact to link their grids.",
     {"Estonia", "Latvia", "Lithuania"}),
    ("Acme Corp signed a supply deal with Orion Foods in Riga on Monday.", {"Acme Corp", "Orion Foods"}),
])
def test_the_parties_to_a_deal_are_its_participants(sentence, parties):
    [event] = run([sentence]).events
    assert set(event.participants) == parties


def test_founders_and_who_leaves_are_told_apart():
    events = {e.event_type: e for e in run(["Zentra was founded in 2009 by Mira Tan and Eli Brandt, who left "
                                             "the company in 2016."]).events}
    assert set(events["founding"].participants) == {"Mira Tan", "Eli Brandt"}
    assert events["resignation"].participants == ("Eli Brandt",)


@pytest.mark.parametrize("sentence, action", [
    # a participle after a comma is about what the comma follows
    ("The plan, unveiled on January 18, would have saved 90 million pounds.", "plan unveiled"),
    ("Acme Corp, founded in 1990, said it would close.", "Acme Corp founded"),
    ("The game streaming service, Stadia, launched Tuesday morning.", "Stadia launched"),
    # ... but not a long description, nor an age
    ("Ruth Calder, the architect whose glass library became a symbol of the city's revival, died on Wednesday.",
     "died"),
    ("Ruth Calder, 91, died on Wednesday.", "died"),
    # a described person opening the sentence, whatever stands between: who it befalls
    ("The captain, a 44-year-old Filipino man, appeared in court on Wednesday.", "captain appeared in court"),
    ("WELLINGTON Oct 12 The captain of a stricken container ship appeared in court on Wednesday.",
     "captain appeared in court"),
    # ... not a name ("The Times"), nor a description a name follows
    ("The Times, citing police, said Jo Roe appeared in court on Wednesday.", "Jo Roe appeared in court"),
    ("The captain, Jo Roe, appeared in court on Wednesday.", "appeared in court"),
    # ... nor one in the sentence before
    ("The mayor, speaking in Leeds, praised police. Jo Roe appeared in court on Wednesday.",
     "Jo Roe appeared in court"),
])
def test_a_participles_action_names_what_it_is_about(sentence, action):
    [event] = run([sentence]).events
    assert event.action_text == action


def test_an_action_text_keeps_a_number_whole():
    [event] = run(["Earlier on Tuesday the company announced it would cut about 1,000 jobs, or 7% of its staff."]
                  ).events
    assert event.action_text == "announced it would cut about 1,000 jobs"


def test_a_number_sign_is_no_negation_and_no_venue():
    events = run(["The album debuted at No. 2 on the Billboard 200 and won a Grammy in April."]).events
    assert [(e.event_type, e.event_date, e.venue) for e in events] == [("award", date(2019, 4, 1), None)]


def test_who_wins_an_award_is_its_subject_not_the_award():
    [event] = run(["Harbour United won the Premier Division title on Saturday."]).events
    assert event.participants == ("Harbour United",)


def test_a_verb_opening_a_clause_shares_the_work_before_it():
    result = run(["\u201cGlass Houses\u201d was released on October 8, 2021, and debuted at No. 1 on the "
                  "Billboard 200."])
    chart = next(c for c in result.claims if c.predicate == "chart")
    assert (chart.work_title, chart.number) == ("Glass Houses", 1)


def test_a_gerund_after_since_has_the_sentences_subject():
    [event] = run(["Tom Hale had served two terms since winning office in 2012."]).events
    assert event.participants == ("Tom Hale",)


@pytest.mark.parametrize("second, participants", [
    ("His body, still in uniform, was found on a beach on Friday.", ("Bill Barker",)),
    ("His death on Friday shocked the town.", ("Bill Barker",)),
    # not the owner of a noun before the trigger: the husband died, and Ann Lee only tells it
    ("Ann Lee said her husband died on Friday.", ()),
])
def test_a_possessive_pronoun_right_before_the_trigger_is_its_participant(second, participants):
    events = run(["PC Bill Barker was swept away when the bridge collapsed.", second]).events
    assert [e.participants for e in events if e.paragraph_index == 1] == [participants]


def test_who_is_told_is_no_participant_and_a_joint_pronoun_subject_is():
    # Rolling Stone is only told; "he and Nova Reyes" brings the teller back as a writer
    [event] = run(["Dex Malone told Rolling Stone in 2019 that he and Nova Reyes wrote \u201cPaper Moon\u201d "
                   "together in the summer of 2014."]).events
    assert event.event_type == "writing"
    assert set(event.participants) == {"Dex Malone", "Nova Reyes"}


def test_who_tells_of_their_own_testimony_takes_part_in_it():
    [event] = run(["In his testimony Tuesday morning, Ira Vance said he had warned the lawyers."]).events
    assert "Ira Vance" in event.participants


def test_a_protest_names_where_it_is():
    [event] = run(["Tens of thousands marched through central Port Alden on Saturday."]).events
    assert event.participants == ("Port Alden",)


def test_a_second_predicates_plan_takes_the_date_after_it():
    events = run(["Members voted down the contract offered by the company and plan to strike at 7 a.m. Monday."]).events
    # the vote is not dated by the strike's Monday (undated, it is no event)
    assert [e for e in events if e.event_type == "decision"] == []


def test_a_clock_time_after_at_is_no_venue():
    [event] = run(["Workers will go on strike at 7 a.m. Monday in Detroit."]).events
    assert event.venue is None and event.event_date == date(2019, 6, 17)


def test_an_incident_names_the_thing_it_happened_to():
    # the named thing is what joins two outlets' accounts of one collapse
    [event] = run(["The Harbour Bridge collapsed on Tuesday, killing 12 people."]).events
    assert event.event_type == "incident" and "Harbour Bridge" in event.participants


@pytest.mark.parametrize("sentence, event_date", [
    # the day it was said, not the day of the event the report mentions
    ("The house where the painter was born will become a museum, the mayor said on Tuesday.", None),
    ("On Tuesday, the mayor said the painter died in the house.", None),
    ("On Tuesday, the mayor rejected the claim that the painter died in the house.", None),
    ("The mayor said Tuesday the painter died in the house.", None),
    # ... unless it is where it was said
    ("The prime minister said Tuesday at a press conference that talks would go on.", date(2019, 6, 11)),
    ("The minister said Tuesday she had resigned from the cabinet.", date(2019, 6, 11)),  # her own doing
    # a date right by its verb stays with it, a report after it or not
    ("The painter died on Tuesday, the mayor said.", date(2019, 6, 11)),
    ("The band still released the album today despite the leak.", PUBLISHED),  # "still": nevertheless
])
def test_a_date_of_the_report_is_not_the_event_date(sentence, event_date):
    [event] = run([sentence]).events
    assert event.event_date == event_date


def test_a_date_opening_a_report_dates_the_report_not_what_it_tells():
    events = run(["On Tuesday, the firm said the man had been arrested."]).events
    assert [e.event_date for e in events if e.event_date is not None] == []


def test_an_announced_departure_is_the_announcement_and_the_planned_departure():
    events = run(["The prime minister on Tuesday announced she will step down as party leader on 7 June."]).events
    assert sorted((e.event_type, e.event_date) for e in events) == [
        ("announcement", date(2019, 6, 11)), ("resignation", date(2019, 6, 7))]


def test_a_month_before_and_another_verb_is_the_first_verbs_not_the_named_things_year():
    events = run(["The rapper performed the song at the 2019 Grammy Awards in February and it has reached "
                  "number 22."]).events
    performance = next(e for e in events if e.event_type == "performance")
    assert (performance.event_date, performance.date_precision) == (date(2019, 2, 1), "month")



@pytest.mark.parametrize("sentence, action", [
    # the trigger and what follows, up to the clause's end or its date
    ("In June, the minister, Sajid Javid, formally approved an extradition request from the US.",
     "approved an extradition request from the US"),
    ("The protests began peacefully in June and were sparked by a bill.", "protests began peacefully"),
    ("Police arrested six people Monday during a narcotics investigation.", "arrested six people"),
    ("The company released a beta version of its app earlier this year that hides likes.",
     "released a beta version of its app"),
    # at most eight words; a title's period ("Dr.") leaves no stub behind
    ("The council approved the plan to rebuild the old harbour wall and the pier in 2019.",
     "approved the plan to rebuild the old harbour"),
    ("In December 2015, Donald Trump released a letter from his physician Dr. Harold Bornstein.",
     "released a letter from his physician"),
    # a passive release says what was released
    ("The transcript of that call was released on September 25, 2019.", "transcript of that call released"),
    ("The Davis Cup Final began on Monday.", "Davis Cup Final began"),
    # a lone trigger takes what it is about from before it, without auxiliaries, adverbs or the date
    ("The Norvish inquiry had been quietly shelved in 2017 but was reopened.", "Norvish inquiry shelved"),
    ("Reporters asked about Mayor Hale’s July 25 call.", "Mayor Hale’s call"),
    ("Harbour tariffs took effect in July 2018.", "Harbour tariffs took effect"),
    # an incident says who or what did it, but not what an infinitive did
    ("Ruritania's military seized control of the country on Wednesday.",
     "Ruritania's military seized control of the country"),
    ("A rocket bound for the station to deliver supplies exploded just after launching on Tuesday.", "exploded"),
    ("An unmanned Antares rocket explodes shortly after takeoff on Tuesday.", "unmanned Antares rocket explodes"),
    # a passive or an intransitive says who it happened to, without a subordinator before it
    ("He said in November 2018 that twin girls were born with their DNA altered.",
     "twin girls were born with their DNA altered"),
    ("Although Hitler was born in Braunau in 1889, he grew up in Linz.", "Hitler was born in Braunau"),
    # ... and nothing past a determiner, a pronoun or a mark
    ("The suspect, Dale Cobb, was convicted last Thursday.", "convicted"),
    ("He said that the inquiry was shelved in 2017.", "inquiry shelved"),
    # ... but goes on past "and" to the next verb's clause
    ("The suspect, Dale Cobb, was convicted and sentenced to life in prison last Thursday.",
     "convicted and sentenced to life in prison"),
    # an initialism's or a name's periods do not end the clause; a decimal point neither
    ("In October, Rep. Jan Moor visited the U.S.-Mexico border near McAllen, Texas.",
     "visited the U.S.-Mexico border near McAllen"),
    ("Police arrested Christopher D. Battin on Monday.", "arrested Christopher D. Battin"),
    ("In 2006 the novel won the Philip K. Dick Award.", "won the Philip K. Dick Award"),
    # a "that" after the object opens what was said, right after the trigger it is what was announced
    ("In 2005, the chemist showed in a paper published in the Journal that taste receptors line the gut.",
     "paper published in the Journal"),
    ("On Monday the council announced that two people were treated.",
     "announced that two people were treated"),
    # the word cap leaves no possessive without its noun
    ("Scientists on Monday unveiled the first global geological map of Saturn's moon Titan.",
     "unveiled the first global geological map"),
])
def test_an_event_says_what_happened_in_the_articles_words(sentence, action):
    assert [e.action_text for e in run([sentence]).events] == [action]


@pytest.mark.parametrize("sentence", [
    # the date of another thing the clause names, or of a sale, is not the event's
    "Ira Vance and Ruth Kell testified the July 25 transcript was accurate.",
    "Tickets for the Harbour Boys' anniversary tour go on sale Friday, December 6th.",
    # how things still stand today, not when the event happened
    "Her grief over Tom Reed's death, an event that still leaves her angry today, pushed her out.",
    # a trigger in a relative clause, the date of the main clause's verb after it
    "A portrait of the pilot of the plane that crashed near Lyon began to emerge on Thursday.",
])
def test_a_date_that_names_another_thing_is_not_the_event_date(sentence):
    assert [e for e in run([sentence]).events if e.event_date is not None] == []


LEDE = "Prosecutors have dropped the investigation into Ira Vance after a review of the evidence."


@pytest.mark.parametrize("paragraphs, published, dated", [
    # the lede's news in the present perfect: dated by publication
    ([LEDE], PUBLISHED, (PUBLISHED, "day", "from_publication")),
    (["WASHINGTON", LEDE], PUBLISHED, (PUBLISHED, "day", "from_publication")),  # a dateline above it
    (["Two soldiers have been killed in a helicopter crash in Ruritania, the army said in a statement."],
     PUBLISHED, (PUBLISHED, "day", "from_publication")),
    # verbs that are events only as the lede's news
    (["A team of astronomers has confirmed traces of water vapor above the surface of the moon."], PUBLISHED,
     (PUBLISHED, "day", "from_publication")),
    (["Three cases of plague have been diagnosed in Ruritania, sparking fears of an outbreak."], PUBLISHED,
     (PUBLISHED, "day", "from_publication")),
    (["The study found that rates of the disorder have risen in states where the drug is legal."], PUBLISHED,
     None),
    (["Ira Vance was questioned by the police for three hours last year.",
      "A team of astronomers has confirmed traces of water vapor above the surface of the moon."], PUBLISHED, None),
    # a date the sentence gives wins
    (["Prosecutors have dropped the investigation into Ira Vance on Monday."], PUBLISHED,
     (date(2019, 6, 10), "day", "resolved")),
    # the present perfect takes no old date: 2010 is the allegation's
    (["Prosecutors have dropped an investigation into an allegation made against Ira Vance in 2010."],
     PUBLISHED, (PUBLISHED, "day", "from_publication")),
    # the simple past, a later paragraph, a quotation or no publication date: not the news
    (["Prosecutors dropped the investigation into Ira Vance after a review of the evidence."], PUBLISHED, None),
    (["Ira Vance was questioned by the police for three hours last year.", LEDE], PUBLISHED, None),
    (['"We have dropped the investigation into Ira Vance," the prosecutor said at a press conference.'],
     PUBLISHED, None),
    ([LEDE], None, None),
])
def test_the_ledes_news_is_dated_by_publication(paragraphs, published, dated):
    events = [e for e in run(paragraphs, published).events if e.date_status != "none"]
    assert [(e.event_date, e.date_precision, e.date_status) for e in events] == ([dated] if dated else [])


def test_a_dated_meeting_the_clause_names_is_an_event_of_its_own():
    events = run(["Lt. Col. Ira Vance testified about a July 10 meeting at the White House."]).events
    # the undated testimony has nothing to place it by (the White House is the meeting's)
    assert [(e.event_type, e.event_date) for e in events] == [("meeting", date(2019, 7, 10))]


@pytest.mark.parametrize("sentence", [
    "She said she would call on the council to act.",
    "He has a hearing aid and a phone.",
    "The testimony of the witnesses was long.",
])
def test_no_dated_meeting_or_testimony_without_a_date(sentence):
    assert [e for e in run([sentence]).events if e.event_date is not None] == []


@pytest.mark.parametrize("sentence", [
    # "met" a target, and a passive, are no meetings
    "The company met its sales target in May.",
    "Protesters were met with tear gas in the city on Monday.",
    "The plan was met with anger on Tuesday.",
])
def test_no_meeting_for_met_a_target_or_a_passive(sentence):
    assert [e for e in run([sentence]).events if e.event_type == "meeting"] == []


def test_the_source_of_a_report_is_no_participant():
    paragraphs = ["Kurt Vance met Ana Ruiz and the Vireo Group in May.",
                  "Vance said he discussed the delay with the Vireo Group on July 10, after the Daily "
                  "Ledger reported the aid had been paused."]
    [event] = [e for e in run(paragraphs).events if e.paragraph_index == 1]
    assert "Vireo Group" in event.participants
    assert "Daily Ledger" not in event.participants


@pytest.mark.parametrize("sentence, event_type, event_date", [
    # a time noun, or the event's own noun, keeps it
    ("Dana Whitfield won the 2016 election.", "election", date(2016, 1, 1)),
    ("Acme Corp signed the 2019 deal with Brightline Systems.", "signing", date(2019, 1, 1)),
    ("Dana Whitfield resigned on the July 4 weekend.", "resignation", date(2019, 7, 4)),
    ("Ira Vance testified on July 10 about the meeting.", "testimony", date(2019, 7, 10)),
])
def test_a_date_before_a_time_noun_or_the_events_own_noun_stays(sentence, event_type, event_date):
    assert [(e.event_type, e.event_date) for e in run([sentence]).events] == [(event_type, event_date)]


@pytest.mark.parametrize("sentence, name, start, end, precision", [
    ("Fans recall the Jane Doe 30th Anniversary Celebration (September 2001) fondly.",
     "Jane Doe 30th Anniversary Celebration", date(2001, 9, 1), None, "month"),
    ("The city changed after World War II (1939-1945).", "World War II", date(1939, 1, 1), date(1945, 12, 31),
     "year"),
    ("Tickets for the Harbor Folk Festival, June 26, 2019, sold out.", "Harbor Folk Festival",
     date(2019, 6, 26), None, "day"),
    ("Critics still discuss the 2001 Video Music Awards.", "Video Music Awards", date(2001, 1, 1), None, "year"),
    # a possessive is no part of the name
    ("From Jane Doe\u2019s Jubilee Gala (May 2010)", "Jane Doe Jubilee Gala", date(2010, 5, 1), None, "month"),
])
def test_a_named_occasion_with_its_date_is_an_event(sentence, name, start, end, precision):
    [event] = run([sentence]).events
    assert (event.event_type, event.venue, event.event_date, event.date_end, event.date_precision) == (
        "occasion", name, start, end, precision)


@pytest.mark.parametrize("sentence, events", [
    # the performance takes the date: no second event for its venue
    ("The band performed at the 2001 Video Music Awards.", [("performance", "Video Music Awards")]),
    # after "in" the date is the clause's, not the occasion's
    ("He served in World War II in 1944.", []),
    # one word is no name
    ("The Awards (2001) were long.", []),
])
def test_no_occasion_where_the_date_is_not_the_occasions(sentence, events):
    assert [(e.event_type, e.venue) for e in run([sentence]).events] == events


def test_an_embed_label_gives_only_its_occasion():
    labels = ["WATCH: Jane Doe sings in 2019", "From the Jane Doe 30th Anniversary Celebration (September 2001)"]
    times = timex.extract_time_expressions("a1", labels, PUBLISHED)
    result = claims.extract_occasions("a1", labels, times, block="embed")
    assert [(e.event_type, e.venue, e.paragraph_index, e.source_block) for e in result.events] == [
        ("occasion", "Jane Doe 30th Anniversary Celebration", 1, "embed")]
    assert [c.claim_id for c in result.claims] == [e.claim_id for e in result.events]


@pytest.mark.parametrize("sentence, venues", [
    # the place is the nearer event's: the meeting's, not the testimony's
    ("On Tuesday he testified about a July 10 meeting at the Royal Palace with the envoys.",
     {"testimony": None, "meeting": "Royal Palace"}),
    # with one event in the clause, the place is its own
    ("On Tuesday she testified at the Royal Palace about the envoys.", {"testimony": "Royal Palace"}),
    # a day is no place
    ("The band performed at Sunday night's Harbour Festival.", {"performance": None}),
])
def test_a_place_goes_to_the_nearest_event_of_its_clause(sentence, venues):
    assert {e.event_type: e.venue for e in run([sentence]).events} == venues


def test_venue_and_award_name_are_kept():
    result = run(["Keller took home the Golden Quill Award at the Lisbon Book Festival in 2016."])
    event = result.events[0]
    assert event.event_type == "award"
    assert event.work_title == "Golden Quill Award"


def test_cause_claims_name_the_cause_and_the_topic():
    result = run(["Mayor Ana Ruiz told reporters that it was Pedro Alvarez who convinced her to run "
                  "for governor."])
    claim = claim_with(result, "convinced her")
    assert claim.predicate == "cause"
    assert claim.subject == "Pedro Alvarez"
    assert claim.claimant == "Ana Ruiz"
    assert "governor" in claim.topic.split()


@pytest.mark.parametrize("sentence, claimant, cause, topic_word", [
    # a thing as the cause: what two accounts of one collapse may disagree on
    ("Mayor Dana Ortiz said the collapse was caused by corrosion in the main cables.", "Dana Ortiz",
     "corrosion in the main cables", "collapse"),
    ("Transport Minister Lee Park blamed heavy traffic for the collapse.", "Lee Park", "heavy traffic", "collapse"),
    ("The delay was due to a software fault, Jane Doe said.", "Jane Doe", "software fault", "delay"),
])
def test_a_thing_can_be_the_cause(sentence, claimant, cause, topic_word):
    [claim] = [c for c in run([sentence]).claims if c.predicate == "cause"]
    assert claimant in (claim.claimant or "")
    assert (claim.subject, topic_word in claim.topic.split()) == (cause, True)


@pytest.mark.parametrize("sentence", [
    "Officials said the fire was not caused by arson.",            # denied
    "Jane Doe was due to be released from prison in September.",  # a plan
])
def test_no_thing_cause(sentence):
    assert all(c.predicate != "cause" for c in run([sentence]).claims)


@pytest.mark.parametrize("sentence, count", [
    ("The Harbour Bridge collapsed on Tuesday, killing 12 people and injuring dozens more.", 12),
    ("At least 15 people died when the bridge collapsed on Tuesday.", 15),
    ("At least 106 protesters in 21 cities have been killed since Friday.", 106),
    ("Two soldiers were killed in the attack on Monday.", 2),
    ("The death toll rose to 31 on Friday.", 31),
    ("In 2009 people died in the outbreak.", None),    # a year, not a count
    ("Dozens of people died in the fire on Monday.", None),
])
def test_a_claim_counts_the_dead(sentence, count):
    counts = {c.death_count for c in run([sentence]).claims}
    assert counts == {count}


def test_denied_cause_is_no_cause():
    result = run(["\u201cI would not blame it on Tom Hale,\u201d the manager Ruth Stein said."])
    assert all(c.predicate != "cause" for c in result.claims)


# ---------------------------------------------------------------- records and robustness

def test_offsets_point_at_the_claim_text_and_ids_are_stable():
    paragraphs = ["Acme Corp acquired Brightline Systems in 2020, and chief executive Ray Cole said the "
                  "deal doubled its sales.", "\u201cWe grew fast,\u201d Cole said."]
    first, second = run(paragraphs), run(paragraphs)
    assert first == second
    for c in first.claims:
        assert paragraphs[c.paragraph_index][c.char_start:c.char_end] == c.claim_text
    assert len({c.claim_id for c in first.claims}) == len(first.claims)
    assert all(e.claim_id in {c.claim_id for c in first.claims} for e in first.events)


def test_caption_block_gets_its_own_ids():
    caption = ["Ray Cole performs at the Blue Note in Tokyo, April 26, 2014."]
    body = run(caption)
    index = entities.build_entities("a1", caption)
    as_caption = claims.extract_claims("a1", caption, index, quotes.QuoteResult(),
                                       timex.extract_time_expressions("a1", caption, PUBLISHED), PUBLISHED,
                                       block="caption")
    assert as_caption.events and as_caption.events[0].source_block == "caption"
    assert as_caption.events[0].event_date == date(2014, 4, 26)
    assert {e.candidate_id for e in as_caption.events}.isdisjoint({e.candidate_id for e in body.events})


def test_a_caption_naming_an_incident_dates_its_picture_not_the_incident():
    caption = ["Scene of a deadly plane crash, Wednesday, May 13, 2015, in Lyon."]
    index = entities.build_entities("a1", caption)
    as_caption = claims.extract_claims("a1", caption, index, quotes.QuoteResult(),
                                       timex.extract_time_expressions("a1", caption, PUBLISHED), PUBLISHED,
                                       block="caption")
    assert [e for e in as_caption.events if e.event_type == "incident"] == []


def test_a_caption_that_says_when_the_incident_hit_dates_it():
    caption = ["Rescuers search among damaged buildings after a strong earthquake hit central Italy on "
               "August 24, 2016 (AFP Photo)"]
    index = entities.build_entities("a1", caption)
    as_caption = claims.extract_claims("a1", caption, index, quotes.QuoteResult(),
                                       timex.extract_time_expressions("a1", caption, PUBLISHED), PUBLISHED,
                                       block="caption")
    assert [(e.event_type, e.event_date) for e in as_caption.events] == [("incident", date(2016, 8, 24))]


@pytest.mark.parametrize("paragraphs", [
    [],
    [""],
    ["   \n  "],
    ["\x00\x01\ufffd\ud7ff junk \u202e"],
    ["\u201cUnbalanced quote that never ends, she said"],
    ["'''\"\"\u201c\u201d\u2018\u2019 , . ; -- \u2014 ?"],
    ["No. #"] * 3,
    [None, 42, "Acme released \u201cX\u201d in 2020."],  # type: ignore[list-item]
])
def test_never_raises_on_junk(paragraphs):
    result = run([p if isinstance(p, str) else "" for p in paragraphs])
    assert isinstance(result, claims.ClaimResult)
    # the raw call with odd objects does not raise either
    assert isinstance(claims.extract_claims("a1", paragraphs, None, None, None, None), claims.ClaimResult)


def test_large_input_keeps_spans_inside():
    # its speed is bench/bench_large_inputs.py's to check
    paragraph = "The council approved the plan in 2019, and Mayor Jo Park said it worked. " * 2000
    result = run([paragraph])
    assert result.claims
    for c in result.claims:
        assert 0 <= c.char_start <= c.char_end <= len(paragraph)


# ---------------------------------------------------------------- speed shortcuts keep the rules

TRIGGER_TEXTS = st.lists(st.sampled_from(
    ["released", "Released", "re-released", "x-released", "released-ish", "came out", "hit", "No. 1",
     "peaked at", "charts", "won the election", "appeared on the track", "appearance on", "beat",
     "co-wrote", "was nominated", "kicked off the new season", "married", "Jane", "the", "album", "'",
     ",", ".", "-", "\u2019s", "wed", "Foo", "signed a new deal", "feat.", "died"]), max_size=12)


@settings(max_examples=300, deadline=None)
@given(TRIGGER_TEXTS, st.sampled_from([" ", "", "-", "'"]))
def test_trigger_patterns_start_only_where_the_start_scan_says(words, glue):
    clause = glue.join(words)
    starts = [m.start() for m in claims.TRIGGER_START_RE.finditer(clause)]
    patterns = [claims.CHART_VERB_RE, claims.APPEARANCE_RE, claims.WIN_RE, claims.BEAT_RE,
                *(p for _, _, p in claims.TRIGGERS)]
    for pattern in patterns:
        assert [m.span() for m in claims._finditer_at(pattern, clause, starts)] == \
            [m.span() for m in pattern.finditer(clause)]


def test_grouped_reporting_verbs_match_as_the_plain_list():
    plain = re.compile(r"\b(?:" + claims.REPORTING_VERBS + r")\b")
    text = ("She said, he says; they told us, telling all. Reckoned, reckons; claims claiming "
            "unsaid saids sayings admitted-ish notes noted. Credits credited crediting.")
    assert [m.span() for m in claims.REPORTING_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.parametrize("text", ["the song Foo Bar", "the SONG Foo Bar", "their Album, Foo",
                                  "the \u0130nterview with the single Foo", "no kind noun Here"])
def test_kind_titles_shortcut_finds_what_the_full_scan_finds(text):
    full = [(m.end(), m.group("kind")) for m in claims.KIND_BEFORE_TITLE_RE.finditer(text)]
    assert [(start, title) for start, _, title, _ in claims._kind_titles(text)] == \
        [(start, claims._clean_title(text[start:claims._title_span(text, start, len(text))]))
         for start, _ in full if claims._title_ok(claims._clean_title(
             text[start:claims._title_span(text, start, len(text))]))]


@pytest.mark.parametrize("kind_noun", ["\u017fong", "S\u0130NGLE", "h\u0131t"])
def test_kind_nouns_spelled_with_odd_letters_keep_their_class(kind_noun):
    # "ſong" matches the case-insensitive kind pattern but lower-cases to
    # "ſong": it used to raise and cost the article all its claims
    text = f"The {kind_noun} Golden Hour was recorded in 2019."
    titles = claims._kind_titles(text)
    assert [(t[2], t[3]) for t in titles] == [("Golden Hour", "song")]


def test_a_statement_contrary_to_media_reports_answers_them():
    paragraphs = ["National media outlets have today claimed that a major crime investigation is being conducted.",
                  'Thames Valley Police released the following statement: "Contrary to media reports today this '
                  'is not a Major Crime investigation."']
    assert answered_by(run(paragraphs)) == [("National media outlets", "Thames Valley Police")]


@pytest.mark.parametrize("paragraph, holder", [
    ("Prime Minister Abdel Sellal said Monday at a press conference that 37 hostages were killed.", "Abdel Sellal"),
    ("\u201cWe are sorry,\u201d Jane Doe told a news conference on Monday.", "Jane Doe"),
])
def test_who_speaks_at_a_press_conference_holds_it(paragraph, holder):
    [event] = [e for e in run([paragraph]).events if e.event_type == "meeting"]
    assert holder in event.participants


def test_an_organisation_that_cancels_takes_part_in_the_cancellation():
    paragraphs = ["Brantel Corp canceled the relaunched show on Tuesday amid an uproar over a tweet by Jo Barr."]
    [event] = [e for e in run(paragraphs).events if e.event_type == "cancellation"]
    assert "Brantel Corp" in event.participants


@pytest.mark.parametrize("lede, dated", [
    # the lede's present progressive, like its present perfect, is the news of the day it is published
    ("Prime Minister Mark Rutte's coalition government is resigning to take responsibility for a scandal.", True),
    ("Prime Minister Mark Rutte's coalition government has resigned to take responsibility for a scandal.", True),
    ("Prime Minister Mark Rutte's coalition government resigned to take responsibility for a scandal.", False),
])
def test_a_ledes_news_in_the_present_is_dated_by_publication(lede, dated):
    events = [(e.event_date, e.date_status) for e in run([lede]).events
              if e.event_type == "resignation" and e.event_date is not None]
    assert events == ([(PUBLISHED, "from_publication")] if dated else [])


@pytest.mark.parametrize("sentence, who", [
    # a passive verb's person is the sentence's subject, across its appositions (accents and all)
    ("Jérôme Kerviel, the former trader, whose dealings almost bankrupted the bank, was convicted of fraud "
     "on Tuesday.", "Jérôme Kerviel"),
    # ... only when the name heads the subject
    ("Two United States service members were arrested on Tuesday.", None),
])
def test_a_passive_events_person_is_the_subject_it_heads(sentence, who):
    (event,) = [e for e in run([sentence]).events if e.event_type in ("verdict", "arrest")]
    assert (event.participants[:1] or (None,))[0] == who


def test_a_claims_figures_come_with_it_and_belong_to_the_names_it_gives():
    result = run(["Harbour Bank was fined $453 million by regulators on Tuesday, and Dex Malone, 52, resigned.",
                  '"We paid 15% more," said Jane Roe.'])
    by_text = {a.amount_text: a for a in result.amounts}
    assert set(by_text) == {"$453 million", "52", "15%"}
    fine = by_text["$453 million"]
    assert (fine.unit, fine.value, fine.about) == ("USD", 453e6, "Harbour Bank")
    assert (by_text["52"].unit, by_text["52"].about) == ("age", "Dex Malone")
    claims_by_id = {c.claim_id: c for c in result.claims}
    for a in result.amounts:  # each figure is in the text of the claim that states it
        owner = claims_by_id[a.claim_id]
        assert owner.paragraph_index == a.paragraph_index and owner.char_start <= a.char_start < owner.char_end
    assert len({a.amount_id for a in result.amounts}) == len(result.amounts)
