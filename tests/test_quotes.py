"""Quotation and speaker extraction: every shape a news story uses, titles in
quotation marks, apostrophes, offsets, and hostile inputs."""
from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl_gone.entities import build_entities
from etl_gone.quotes import LYRIC, PARTIAL, SCARE, SPEECH, Quote, extract_quotes


def run(paragraphs, title=None):
    texts = ([title] if title else []) + list(paragraphs)
    index = build_entities("art", texts, has_title=bool(title))
    return extract_quotes("art", paragraphs, index)


def top(result):
    return [q for q in result.quotes if q.parent_quote_id is None]


def nested(result):
    return [q for q in result.quotes if q.parent_quote_id is not None]


# ---------------------------------------------------------------- speakers by shape

SPEAKER_CASES = [
    # cue after the quote, name after the verb
    (['"We will win the vote," said Senator Maria Lopez.'],
     "We will win the vote,", "Maria Lopez", "said"),
    # cue after the quote, name before the verb, title stripped from the canonical name
    (['Prime Minister Tom Reyes spoke on Monday. "Inflation has peaked," Reyes said.'],
     "Inflation has peaked,", "Tom Reyes", "said"),
    # a pronoun: the subject of the sentence before, not the last name mentioned
    (['Governor Helen Ortiz attacked Senator Mark Dale over the budget. "It is reckless," she said.'],
     "It is reckless,", "Helen Ortiz", "said"),
    # cue before the quote, with a colon and a listener
    (['Finance Minister Tom Reyes told reporters: "Rates will stay high."'],
     "Rates will stay high.", "Tom Reyes", "told"),
    # "Name explains," before the quote, after an opening clause
    (['Asked about the merger, chief executive Omar Haddad explains, "We needed scale."'],
     "We needed scale.", "Omar Haddad", "explains"),
    # "Name's said" (has said)
    (['Sarah Johnson runs the firm.', '"It was a good year," Johnson\u2019s said.'],
     "It was a good year,", "Sarah Johnson", "said"),
    # according to
    (['"Prices will rise in the spring," according to Mark Chen, an analyst at the bank.'],
     "Prices will rise in the spring,", "Mark Chen", "according to"),
    # a sentence that opens by naming its source
    (['According to Mark Chen, the bank "never intended to mislead anyone."'],
     "never intended to mislead anyone.", "Mark Chen", "according to"),
    # ... also when it is not the paragraph's first sentence
    (['The answer was yes. According to Mark Chen, shortly before the sale, the bank "never intended to mislead."'],
     "never intended to mislead.", "Mark Chen", "according to"),
    (['Ford was born in 1957. According to his aunt, Jane Starner, "He was brilliant from the start."'],
     "He was brilliant from the start.", "Jane Starner", "according to"),
    # guillemets and ``...'' marks
    (['\u00abWe are ready\u00bb, said captain Ana Silva.'], "We are ready", "Ana Silva", "said"),
    (["``We are ready,'' said captain Ana Silva."], "We are ready,", "Ana Silva", "said"),
    # a verb of speech other than said, with an adverb
    (['"The market has turned," investor Carl Ames quietly admitted.'],
     "The market has turned,", "Carl Ames", "admitted"),
    # the cue later in the clause, after a word outside the quotation
    (['\u201cThe voters aren\u2019t buying\u201d the plan, Mayor Ruth Adams said at a rally.'],
     "The voters aren\u2019t buying", "Ruth Adams", "said"),
    # an employer and an office between the verb and the name
    (['"It depends on the budget," responded NASA administrator Jim Brandt, noting the cuts.'],
     "It depends on the budget,", "Jim Brandt", "responded"),
    # a perfect tense and a long apposition: the apposition makes the name a person's
    (['"The duty is paid at the border," Howard Glen, a senior fellow at the Tax Policy Center, has written.'],
     "The duty is paid at the border,", "Howard Glen", "written"),
    # an apposition with commas of its own
    (['Ana Bell spoke first. "We chose the safest path," Jim Chalton, senior vice president at Boeing Defense, '
      'Space, and Security, said in that statement.'],
     "We chose the safest path,", "Jim Chalton", "said"),
    # lower-case words saying what the speaker is, before the name, and a long apposition
    (['"Water is hard to find beyond Earth," study lead author Lucas Paganini, a planetary scientist at the '
      'Goddard Space Flight Center in Greenbelt, Maryland, said in a statement.'],
     "Water is hard to find beyond Earth,", "Lucas Paganini", "said"),
    # a lead author speaks for the team, after the quote or before it
    (['"Outgassing occurs at low levels," Lucas Paganini and his team wrote in the paper.'],
     "Outgassing occurs at low levels,", "Lucas Paganini", "wrote"),
    (['Jane Roe and her colleagues wrote: "The effect is small."'], "The effect is small.", "Jane Roe", "wrote"),
    # a written statement "reads"
    (['Mayor Ruth Adams issued a statement.', '"The bridge stays shut," the statement read.'],
     "The bridge stays shut,", "Ruth Adams", "read"),
    # a description, then the name in apposition: the name says who speaks
    (['"Every month we wait costs money," the team owner, Lydia Marsh, said.'],
     "Every month we wait costs money,", "Lydia Marsh", "said"),
    (['"We need schools, not skyboxes," one resident, Ana Ruiz, told the council.'],
     "We need schools, not skyboxes,", "Ana Ruiz", "told"),
    # a description whose closing comma the writer left out
    (['\u201cThe town is dead,\u201d Federico Rocchi, a student in his 20s told reporters in Amatrice.'],
     "The town is dead,", "Federico Rocchi", "told"),
    # a British spelling of a verb of speech
    (['\u201cThe ceiling fell but did not hit me,\u201d marvelled resident Maria Gianni.'],
     "The ceiling fell but did not hit me,", "Maria Gianni", "marvelled"),
    # a role for the person the story named with it, before the name or after it
    (['"People are waking up," Burlington Mayor Steve Sexton said.', '"This was senseless," the mayor said.'],
     "This was senseless,", "Steve Sexton", "said"),
    (['Florida Gov. Rick Scott toured the coast. Ana Ruiz came too.', '"I worry," the governor said.'],
     "I worry,", "Rick Scott", "said"),
    (['Ana Bell, the singer of the band, left.', 'Tom Hale stayed.', '"I was tired," the singer said.'],
     "I was tired,", "Ana Bell", "said"),
    (['"People are waking up," Mayor Steve Sexton said.',
      'The mayor added that they would come together "to bring him to justice."'],
     "to bring him to justice.", "Steve Sexton", "added"),
    # "he" after a subject with a relative clause and an irregular verb; "her on Sunday night when he" is
    # no noun phrase to speak
    (['Chris Rock declined to file a report.',
      'Rock, who has made a joke about Pinkett Smith before at the 2016 Oscars, took another jab at her on '
      'Sunday night when he said, '
      '"Jada, I love ya."'], "Jada, I love ya.", "Chris Rock", "said"),
    # a description of the speaker between the verb and the name
    (['Smith walked onto the stage.', '"Oh wow," said a seemingly taken-aback Rock as Smith walked back.'],
     "Oh wow,", "Rock", "said"),
    # "the statement continued": the one just quoted from a statement
    (['"We are aware of an incident," the LAPD said in a statement, obtained by Variety.',
      '"If the party desires a report, we will be available," the statement continued.'],
     "If the party desires a report, we will be available,", "LAPD", "continued"),
    # who reported it after the quote is not who said it; the participle before it says
    (['The 43-year-old Kilpatrick appeared sorry, telling the judge: "I\'m ready to go," according to CBS News.'],
     "I'm ready to go,", "Kilpatrick", "telling"),
    (['When reached by Pitchfork, Scott Burroughs, an attorney for the producers, said, '
      '\u201cThe answer is standard.\u201d'], "The answer is standard.", "Scott Burroughs", "said"),
    # the one spoken to before the subject is not the speaker
    (['Speaking to Pitchfork, Scott Burroughs, an attorney for the producers, said: \u201cThe answer is standard.\u201d'],
     "The answer is standard.", "Scott Burroughs", "said"),
    # whose statement reads, and "the 20-year-old": the person the story is about
    (['Lil Nas X has denied that the track was stolen.',
      '\u201cThe work was created independently,\u201d the 20-year-old\u2019s court statement, filed last week, reads.'],
     "The work was created independently,", "Lil Nas X", "reads"),
    (['Tom Doe denied that the track was stolen.', '\u201cI am done,\u201d the 53-year-old said.'],
     "I am done,", "Tom Doe", "said"),
    # a statement its issuer released, introduced with a colon
    (['Responding to the reports, Thames Valley Police released the following statement: '
      '"This is not a Major Crime investigation."'],
     "This is not a Major Crime investigation.", "Thames Valley Police", "statement"),
    # "read the statement", issued by the band the story named
    (['LOS ANGELES (AP) \u2014 Coldplay has fired back against accusations they copied another artist\'s work.',
      'In a statement released on Tuesday, the band responded to a lawsuit filed by Joe Satriani.',
      '"We have found it necessary to respond publicly," read the statement.'],
     "We have found it necessary to respond publicly,", "Coldplay", "read"),
    # a statement whose issuer opens the clause after it
    (['In a statement on Monday, Acme Corp denied the report.', '"We regret nothing," the statement said.'],
     "We regret nothing,", "Acme Corp", "said"),
    # "In a statement, the LAPD said ...": the statement's issuer for "the statement reads"
    (['In a statement, the LAPD said they were aware of the incident.',
      '"LAPD investigative entities are aware of an incident," the statement reads.'],
     "LAPD investigative entities are aware of an incident,", "LAPD", "reads"),
    # a work's title in the role before the name
    (['Producer Jordan Horowitz had to convince the team.',
      '\u201cEven in my dreams this could not be true,\u201d said \u201cMoonlight\u201d director Barry Jenkins.'],
     "Even in my dreams this could not be true,", "Barry Jenkins", "said"),
    # "the firm": the sentence before's subject, not the last firm it named
    (['HOLLYWOOD \u2014 PricewaterhouseCoopers, which tabulates ballots on behalf of the Academy of Motion '
      'Picture Arts and Sciences, apologized on Monday.',
      '\u201cWe deeply regret that this occurred,\u201d the firm said in a statement.'],
     "We deeply regret that this occurred,", "PricewaterhouseCoopers", "said"),
    # the police speak, by the name the article gives the force
    (['\u201cWe are searching,\u201d police said.'], "We are searching,", "Police", "said"),
    (['Officers of Thames Valley Police came.', 'Thames Valley police said: \u201cThe cause is unclear.\u201d'],
     "The cause is unclear.", "Thames Valley Police", "said"),
    # one who denies speaks, so "he" can be him
    (['Tom Doe denied that the track was stolen.', '\u201cI am done,\u201d he said.'], "I am done,", "Tom Doe", "said"),
    # a pull quote or an epigraph: the name after a dash
    (['\u201cHe would have been the next big thing.\u201d \u2014 Neil Gorman'],
     "He would have been the next big thing.", "Neil Gorman", None),
    # "The company said" opening its sentence is a description, as "the company said" is
    (['Staff at Brantel blamed the outage on a change.',
      'The company, which owns two apps, said: \u201cOur services are back online.\u201d'],
     "Our services are back online.", "Brantel", "said"),
    # a role's apposition whose closing comma was left out
    (['\u201cWe are sorry,\u201d Ravi Menon, VP of Brantel\u2019s Infrastructure wrote in a post.'],
     "We are sorry,", "Ravi Menon", "wrote"),
    # apologising is speaking, and a role written with a hyphen is no part of the name
    (['Vice-president Ravi Menon apologised: \u201cWe are sorry.\u201d'], "We are sorry.", "Ravi Menon",
     "apologised"),
    # a second verb of the clause: its subject is the clause's first words
    (['A tweet by Brantel also confirmed the issue and added, \u201cWe are working on it.\u201d'],
     "We are working on it.", "Brantel", "added"),
    (['Her lawyer called. Tina Marsh confirmed the news and then added: \u201cI am leaving.\u201d'],
     "I am leaving.", "Tina Marsh", "added"),
    # a cue before a quotation that ends its sentence beats a clause after it
    (['Hironaka complained, \u201cI don\u2019t see the reason. They could have indicted him.\u201d '
      'Ghosn said he would hold a press conference.'],
     "I don\u2019t see the reason. They could have indicted him.", "Hironaka", "complained"),
    # a second verb after an opening phrase: the subject after it
    (['On April 3, the day before the arrest, Ghosn opened an account and tweeted: \u201cI am ready.\u201d'],
     "I am ready.", "Ghosn", "tweeted"),
    # an office, a comma, then its holder: "he" is that person
    (['Politicians welcomed Bob Diamond\u2019s resignation.', 'British Finance Minister, George Osborne '
      'welcomed the news.', '\u201cWe need our banks lending,\u201d he said.'],
     "We need our banks lending,", "George Osborne", "said"),
    # ... also between commas when the office opens the sentence
    (['Ponta quit on Wednesday. Deputy leader of the opposition Liberal Party, Catalin Predoiu, hailed the '
      'resignations. \u201cThis is a victory of the street,\u201d he said.'],
     "This is a victory of the street,", "Catalin Predoiu", "said"),
    # a role in other words ("premier" for "PM"), and a role whose holder is named only further on
    (['Romanian PM Victor Ponta announced his resignation.',
      '\u201cI won\u2019t fight people,\u201d the resigning premier added.'], "I won\u2019t fight people,",
     "Victor Ponta", "added"),
    (['It was the co-pilot\u2019s \u201cintention to destroy the plane,\u201d the prosecutor said.',
      'Marseille prosecutor Brice Robin told reporters the co-pilot was alone.'],
     "intention to destroy the plane,", "Brice Robin", "said"),
    # a cue before a partial quote, not the next clause's own subject and verb
    (['Mayor Tony Kokshoorn said it was \u201cthe West Coast\u2019s darkest hour\u201d and Prime Minister John '
      'Key said it was a national tragedy.'], "the West Coast\u2019s darkest hour", "Tony Kokshoorn", "said"),
    # a participle of speech after an opening phrase: the subject after it
    (['Shortly afterward, the FAA issued a statement reversing its earlier stance, saying \u201cthe agency made '
      'this decision as a result of new evidence.\u201d'],
     "the agency made this decision as a result of new evidence.", "FAA", "saying"),
    # a sentence's opening adverb speaks no more than a source after "according to"
    (['Later, outside the court, Doe\u2019s brother Sam Hall, with tears on his face, told the Guardian: '
      '\u201cIt\u2019s unbelievable.\u201d'], "It\u2019s unbelievable.", "Sam Hall", "told"),
    (['According to an Acme investor, who wishes to remain anonymous, Hisashi Mori, executive vice-president '
      'at Acme, said: \u201cHe has disclosed information.\u201d'], "He has disclosed information.", "Hisashi Mori",
     "said"),
    # the name beside an office or a description
    (['Transport Secretary, Grant Shapps, says: \u201cThis is very sad news for staff.\u201d'],
     "This is very sad news for staff.", "Grant Shapps", "says"),
    (['Following the verdict, Howard King, attorney for the two singers, said: \u201cWe are disappointed.\u201d'],
     "We are disappointed.", "Howard King", "said"),
    # whose relative or agent the speaker is, before the name
    (['His brother Shaun Hall said: \u201cWe came for justice today.\u201d'], "We came for justice today.",
     "Shaun Hall", "said"),
    # a statement's author after "said a statement from"
    (['\u201cThis has been the most difficult decision,\u201d said a statement from vice chairman Aiyawatt '
      'Srivaddhanaprabha.'], "This has been the most difficult decision,", "Aiyawatt Srivaddhanaprabha", "said"),
    # an organisation speaking through its board
    (['The board of Olympus said: \u201cHe has diverted from the rest of the team.\u201d'],
     "He has diverted from the rest of the team.", "Olympus", "said"),
    (['In a blunt statement, the board of Olympus said Woodford \u201chas largely diverted from the rest of the '
      'management team.\u201d'], "has largely diverted from the rest of the management team.", "Olympus", "said"),
    # a clause's second verb before a partial quotation; a name closing an apposition
    (['In a statement, Winterkorn took responsibility for the \u201cirregularities\u201d but said he was '
      '\u201cnot aware of any wrongdoing on my part.\u201d'], "not aware of any wrongdoing on my part.",
     "Winterkorn", "said"),
    # a place a phrase ends on holds no role set after its comma
    (['President William Ruto condemned the violence on Tuesday.',
      'In a hard-hitting address from State House, the president asserted that the chaos was orchestrated.',
      '\u201cWe shall provide a full response,\u201d the president stated.'],
     "We shall provide a full response,", "William Ruto", "stated"),
    # words a report relays are the sentence's speaker's, by the cue before them
    (['Premier Wen Jiabao visited the city on Saturday.',
      'Wen promised to \u201cconscientiously investigate the reasons for the accident,\u201d the report said.'],
     "conscientiously investigate the reasons for the accident,", "Wen Jiabao", "promised"),
    # a title after the speaker's name is the speaker again, for the quotation after
    (['In a statement, Optus said the attack was shut down the moment it knew of a breach.',
      '\u201cWe are devastated to discover the attack,\u201d said Kelly Bayer Rosmarin, Optus CEO.',
      '\u201cAs soon as we knew, we took action to block the attack.\u201d'],
     "As soon as we knew, we took action to block the attack.", "Kelly Bayer Rosmarin", None),
    # (beyond a term in quotation marks: "He added that \"Polony\" would be recalled ... and advised ...")
    (['Health Minister Aaron Motsoaledi spoke on Sunday.', 'He added that \u201cPolony\u201d would be recalled '
      'from stores and advised South Africans \u201cto avoid all processed meat products that are sold as '
      'ready-to-eat.\u201d'],
     "to avoid all processed meat products that are sold as ready-to-eat.", "Aaron Motsoaledi", "advised"),
    (['Its acting chairman, Berthold Huber, told reporters that directors are \u201cresolved to embark on a '
      'credible new beginning.\u201d'], "resolved to embark on a credible new beginning.", "Berthold Huber",
     "told"),
    # a deputy holds no role of its own: "the mayor" is the mayor
    (['Toronto Mayor Rob Ford spoke. Deputy Mayor Norm Kelly will take over.',
      '\u201cI understand the situation,\u201d the mayor said.'], "I understand the situation,", "Rob Ford", "said"),
    # "the Russian": the one the story is about, as a pronoun would be; but "the Taliban" is a name
    (['Maria Sharapova revealed that she had been taking the drug.',
      '\u201cI made a huge mistake,\u201d said the Russian on Monday evening.'],
     "I made a huge mistake,", "Maria Sharapova", "said"),
    (['Talks with the Taliban stalled in Kabul.', '\u201cWe will fight,\u201d said the Taliban.'],
     "We will fight,", "Taliban", "said"),
    # a name before a title it won modifies it, and is no one the story's "she" is
    (['Maria Sharapova has admitted that she failed a test. The former Wimbledon champion, 28, revealed that '
      'she had been taking the drug.', '\u201cI made a huge mistake,\u201d said the Russian.'],
     "I made a huge mistake,", "Maria Sharapova", "said"),
    # "A statement said:" with no issuer named: the organisation that spoke last
    (['Harbour Valley Police said an ambulance attended a property.',
      'A statement said: \u201cOfficers were called to a property.\u201d'],
     "Officers were called to a property.", "Harbour Valley Police", "said"),
    # a statement issued "saying:" or "that read:"
    (['After the hearing, the Tennis Federation issued a statement saying: \u201cShe is suspended.\u201d'],
     "She is suspended.", "Tennis Federation", "statement"),
    # a statement that "read:" is its maker's
    (['Luis Suarez told the FIFA Disciplinary Committee he lost his balance.',
      'The committee\u2019s statement read: \u201cThe bite was deliberate.\u201d'],
     "The bite was deliberate.", "FIFA Disciplinary Committee", "read"),
    # the one an outlet quoted as saying
    (['\u201cWe announce this operation,\u201d Sahara Media quoted Belmokhtar as saying in a video.'],
     "We announce this operation,", "Belmokhtar", "quoted"),
    # a statement named by who made it
    (['A White House statement said the US would \u201cremain in close touch with the government\u201d there.'],
     "remain in close touch with the government", "White House", "said"),
    # the name in apposition to an organisation's role
    (['The network dropped the show.', '\u201cWe have decided to cancel her show,\u201d Brantel '
      'Entertainment\u2019s president, Chana Dunn, said in a statement.'],
     "We have decided to cancel her show,", "Chana Dunn", "said"),
    # '"..." is how X greeted ...': what the clause's subject said, whatever the verb
    (['\u201cHello, everyone,\u201d is how Brantel\u2019s Jack Doran greeted the world.'],
     "Hello, everyone,", "Jack Doran", "greeted"),
]


@pytest.mark.parametrize("paragraphs, text, speaker, cue", SPEAKER_CASES)
def test_speaker_and_cue_by_shape(paragraphs, text, speaker, cue):
    quotes = top(run(paragraphs))
    found = [q for q in quotes if q.quote_text == text]
    assert found, [q.quote_text for q in quotes]
    assert found[0].speaker == speaker
    assert found[0].cue == cue


@pytest.mark.parametrize("paragraphs", [
    # no one was named with the role: a description, not a guess
    ['Ana Ruiz spoke at the rally.', '"It is over," the mayor said.'],
    # the role belongs to someone else than the last person named
    ['Judge Tom Hale heard the case.', '"It is over," the mayor said.'],
])
def test_a_role_no_one_was_named_with_has_no_speaker(paragraphs):
    assert [q.speaker for q in top(run(paragraphs))] == [None]


@pytest.mark.parametrize("paragraph, speaker", [
    # a name after a preposition is no subject: the envoy's name after it is
    ("China\u2019s ambassador to Britain has said that China has the \u201cresolution and power\u201d "
     "to end the unrest.", None),
    # a subject cut out of a longer name is that name
    ('A study by the Centre for Economic Policy Research concluded that "the full incidence of the tariff falls '
     'on domestic consumers."', "Centre for Economic Policy Research"),
])
def test_a_partial_quotes_subject_is_a_whole_name_that_is_no_object(paragraph, speaker):
    assert [q.speaker for q in top(run([paragraph]))] == [speaker]


def test_a_second_fragment_is_the_first_ones_speaker_not_the_next_clauses():
    paragraphs = ["Fadi Fawaz said he found him.",
                  "He described Michael as a \u201cbeautiful person\u201d and a \u201ckind and generous man\u201d, "
                  "while Goss said he was devastated by the death."]
    assert [q.speaker for q in top(run(paragraphs))] == ["Fadi Fawaz", "Fadi Fawaz"]





def test_interrupted_quote_gives_two_rows_with_one_speaker():
    quotes = top(run(['"The deal is done," chief executive Anna Berg said. "We close on Friday."']))
    assert [q.quote_text for q in quotes] == ["The deal is done,", "We close on Friday."]
    assert [q.speaker for q in quotes] == ["Anna Berg", "Anna Berg"]
    assert quotes[1].speaker_source == "previous_quote"


def test_interrupted_quote_with_comma_after_the_cue():
    quotes = top(run(['"We lost," coach Dan Miller said, "but we played well."']))
    assert [q.speaker for q in quotes] == ["Dan Miller", "Dan Miller"]


def test_he_said_is_the_recent_speaker_not_the_last_name_mentioned():
    quotes = top(run([
        '"We expect growth next year," said chief financial officer Priya Nair.',
        'Rival firm Delta Corp cut its forecast, and its chairman, Victor Lang, resigned.',
        '"Demand is strong," she added.',
    ]))
    assert quotes[-1].speaker == "Priya Nair"


def test_pronoun_skips_a_person_of_the_other_pronoun():
    quotes = top(run([
        'Senator Joan Price spoke first. "The bill is fair," she said.',
        'Her rival, Congressman Luke Ward, disagreed. He has fought the bill for a year.',
        '"It is a giveaway," he said.',
        '"It will pass," she said.',
    ]))
    assert [q.speaker for q in quotes] == ["Joan Price", "Luke Ward", "Joan Price"]


def test_quote_without_cue_takes_the_previous_speaker():
    quotes = top(run(['"We will appeal," said lawyer Sam Ortiz.', '"The verdict ignores the evidence."']))
    assert quotes[1].speaker == "Sam Ortiz"
    assert quotes[1].speaker_source == "previous_quote"


def test_quote_without_cue_takes_the_subject_of_the_paragraph():
    quotes = top(run(['Striker Leo Banks was in no mood to celebrate. "We should have won by three."']))
    assert quotes[0].speaker == "Leo Banks"


def test_a_pronoun_is_never_the_person_the_quote_names():
    # the latest woman named is the one the quote talks about, not its speaker
    quotes = top(run([
        'Director Ruth Kemp met the new singer, Lena Ortiz, on set. She said she liked her voice.',
        '"It would have been easy for Lena Ortiz to coast, but she did the work," she said.',
    ]))
    assert quotes[0].speaker == "Ruth Kemp"


def test_a_quote_without_cue_that_names_the_guessed_speaker_has_no_speaker():
    # a label's statement about the singer: the singer is the discourse's
    # subject, but the words speak of her, so no guess is better than her
    quotes = top(run([
        'Singer Amy Vale accused the label of blocking her tour.',
        '"As Amy Vale\u2019s partner for a decade, we were shocked by her claims."',
    ]))
    assert quotes[0].speaker is None
    assert quotes[0].speaker_source == "none"


@pytest.mark.parametrize("paragraph, speakers", [
    # an unnamed speaker's second quote is still theirs, not the paragraph's named subject
    ('Senator Emily Fenn read the posts. "Don\'t hide this," one commenter said. "Face it together."',
     [None, None]),
    ('Officer Mike Webb drove up. "Open the door!" an officer shouts. "We got her."', [None, None]),
    # ... until the paragraph names someone who speaks next
    ('"Don\'t hide this," one commenter said. Mayor Ruth Adams was blunt. "We hid nothing."',
     [None, "Ruth Adams"]),
])
def test_a_quote_without_cue_after_an_unnamed_speaker(paragraph, speakers):
    assert [q.speaker for q in top(run([paragraph]))] == speakers


@pytest.mark.parametrize("paragraph, speaker", [
    # "they" of a spokesperson whose pronoun the article never gives
    ('Kym Lino, a spokesperson for Instagram, confirmed that the company notifies people. "We use a model '
     'which predicts commercial intent," they said in an email.', "Kym Lino"),
    # ... but not of a person who is no spokesperson
    ('Kym Lino, a student in Ohio, confirmed that the company sent the notice. "We use a model which predicts '
     'commercial intent," they said in an email.', None),
])
def test_singular_they_of_a_spokesperson(paragraph, speaker):
    assert top(run([paragraph]))[-1].speaker == speaker


@pytest.mark.parametrize("paragraph, speaker", [
    # a long fragment with no cue after the paragraph's quote: the same speaker's words
    ('"You may not always want to overreact," Andrew Vaughan said. There could be dangers "if you have too '
     'many of these cells and they are too poised to respond."', "Andrew Vaughan"),
    ('"It was a classic," Neil Gaiman said. Gaiman still bemoans that the novel "should have been marketed '
     'like a thriller and sold in airports."', "Neil Gaiman"),
    # ... not when the sentence names the speaker as an object: someone else speaks to them
    ('"He never calls," Jane Starner said. At some point, his father told Starner that "the only way I know '
     'he is alive is because he cashes the checks."', None),
    # ... nor a short phrase: a description, not a quotation of the speaker
    ('"He never calls," Jane Starner said. The family called it "a long silence".', None),
])
def test_a_fragment_without_cue_after_a_quote(paragraph, speaker):
    assert top(run([paragraph]))[-1].speaker == speaker


@pytest.mark.parametrize("paragraphs, speakers, sources", [
    # a sentence that introduces a quotation with a colon and no speech verb: its subject's words
    (['Jessie Buckley said she loved the song.',
      '"It grabbed me at once," Tom Harper said. Buckley, who phoned in from the set of "Fargo," '
      'had a similar experience: "It was that immediate feeling."'],
     ["Tom Harper", "Jessie Buckley"], ["cue_after", "colon_subject"]),
    # ... but with no name opening that sentence, the speaker before goes on
    (['Jessie Buckley said she loved the song.',
      '"It grabbed me at once," Tom Harper said. It was the same for everyone: "It was that immediate feeling."'],
     ["Tom Harper", "Tom Harper"], ["cue_after", "previous_quote"]),
    # words quoted again with no cue are the speaker's who said them first
    (['"I have given plenty of statements that were truthful and accurate," Dana Whitlow told reporters.',
      'Which is the problem. Whitlow, by her own accounting, has given "plenty of statements that were '
      'truthful and accurate." Which means there were others.'],
     ["Dana Whitlow", "Dana Whitlow"], ["cue_after", "repeated_quote"]),
    # ... not the same letters starting inside a longer word ("urban")
    (['"The plan keeps the urban core no more crowded than it is," Dana Whitlow told reporters.',
      'The group printed "ban core no more crowded than it is" on its posters across the city.'],
     ["Dana Whitlow", None], ["cue_after", "none"]),
])
def test_a_quote_with_no_cue_of_its_own(paragraphs, speakers, sources):
    quotes = top(run(paragraphs))
    assert [q.speaker for q in quotes] == speakers
    assert [q.speaker_source for q in quotes] == sources


def test_a_cue_in_the_quotes_own_sentence_also_after_a_comma():
    # the sentence's "X concluded that" names the source, not the person named before
    quotes = top(run(['Senator Don Reyes praised the deal. A study by the Harbor Institute concluded '
                      'that, using standard methods, "the full cost falls on consumers."']))
    assert (quotes[0].speaker, quotes[0].cue) == ("Harbor Institute", "concluded")


@pytest.mark.parametrize("paragraphs, speaker", [
    # "the" before a capitalised name: the organisation, not a description
    (['"The case is closed," the Swedish Prosecution Authority said.'], "Swedish Prosecution Authority"),
    # "it said" after an organisation spoke
    (['"The case is closed," the Swedish Prosecution Authority said.',
      '"The evidence has weakened," it added.'], "Swedish Prosecution Authority"),
    # "it" with no organisation speaking before: no guess, however many people spoke
    (['"We will appeal," said lawyer Sam Ortiz.', '"The evidence has weakened," it added.'], None),
])
def test_organisations_as_speakers(paragraphs, speaker):
    assert top(run(paragraphs))[-1].speaker == speaker


@pytest.mark.parametrize("paragraphs, speakers", [
    # "he said" after a paragraph that brought in someone new, not the speaker before
    (['"Rockets are late," Senator Tom Hale said.',
      'At a hearing last month, Rep. Robert Adler, ranking member of the committee, pushed for more rockets.',
      '"Two a year is possible," he said.'],
     ["Tom Hale", "Robert Adler"]),
    # ... unless that sentence still speaks of another man, the speaker before
    (['"I wrote it for him," Justin Reed said.',
      'Michael Stone heard the track and wanted to record it with him.',
      '"I said no," he said.'],
     ["Justin Reed", "Justin Reed"]),
    # the person an apposition introduces in the same paragraph
    (['"We build satellites," Michael Sato said.',
      'Tyvak is a smallsat maker. Marco Villani, the company\u2019s chief operating officer, said it would grow. '
      '"We start small," he said.'],
     ["Michael Sato", "Marco Villani"]),
    # a subject behind "the" and an occupation: "after the novelist Jo Walsh explained"
    (['"Read the book," Jane Starr said.',
      'I call them icebergs, after the novelist Jo Walsh explained them to me. "You see a tenth," she said.'],
     ["Jane Starr", "Jo Walsh"]),
    # a cue before a colon introduces the next quote, not the one before it
    (['"It is another muscle," Kate Yates said. "You step out of yourself." Cait Smith agreed: "It is a job."'],
     ["Kate Yates", "Kate Yates", "Cait Smith"]),
    # a cue that reports in its own words after a finished quote is a new sentence
    (['"I visited him once," Dale Ford wrote. "We had dinner." Martha Fry added that the letters were kept.'],
     ["Dale Ford", "Dale Ford"]),
    # "the company said": the organisation the story named last
    (['Acme Corp reported a loss on Tuesday. "We are disappointed," the company said.'], ["Acme Corp"]),
    (['Dick Clark Productions denied the report.',
      '"We have no further comment," the production company said.'], ["Dick Clark Productions"]),
    # ... even when another organisation spoke before it was made the subject
    (['Acme Corp issued a statement on Monday. "Talks went well," the statement said.',
      'Brightline Media denied that any deal had been reached.',
      '"We have agreed to nothing," the company said.'], ["Acme Corp", "Brightline Media"]),
    # "He" before another capitalised word is a name, not the pronoun
    (['President Sam Ortiz met the envoy Liu He on Monday.',
      '"What is the incentive?" He Jianxiong, a former official at the fund, said at an event.',
      '"We will see," he said.'], ["He Jianxiong", "He Jianxiong"]),
    # "the statement said": who issued it, also a paragraph later, or who it is from
    (['Acme Corp issued a statement on Monday.',
      'The statement, which was seen by reporters, claimed the firms had "come to terms on a deal."',
      '"Nothing more is needed," the statement continued.'], ["Acme Corp", "Acme Corp"]),
    (['Mayor Ruth Adams said in a statement that the bridge would reopen.',
      '"Safety comes first," the statement read.'], ["Ruth Adams"]),
    (['According to a statement from Harbor Rail, the line stays shut.',
      '"Repairs take a week," the statement said.'], ["Harbor Rail"]),
    # "she" for the person the paragraph before brought in, not for one who spoke paragraphs ago
    (['Elise Marsh, his partner, found the letters.', '"I was overwhelmed," Valerie Stone said.',
      'The talks went on for a year.', 'Nobody knew the outcome.',
      'When the deal was struck, I thought of Elise Marsh. How would she feel about it?',
      '"I have no words," she replied in an email.'], ["Valerie Stone", "Elise Marsh"]),
    # ... or a company the sentence before named: "The company denied it in a statement"
    (['The singer accused Tom Braun and Harbor Lane Records of lying about her contract.',
      'The company flat-out denied the allegations in a statement.',
      '"We were shocked," the statement read. "We never said that."'],
     ["Harbor Lane Records", "Harbor Lane Records"]),
    (['"We never agreed to it," Dick Clark Productions said in a separate statement.',
      'The singer accused Tom Braun and Harbor Lane Records of lying about her contract.',
      'The company denied the allegations in a statement.',
      '"We were shocked," the statement read.'], ["Dick Clark Productions", "Harbor Lane Records"]),
    (['The singer says she was cheated by Harbor Lane Records.',
      '"The claim has no merit," the company said.'], ["Harbor Lane Records"]),
    # words someone believes, in the words she put it in
    (['Dana Ruiz was studying how lungs heal.',
      'The cells only appeared after infection, which made Ruiz believe that the team was '
      '\u201cseeing a cell type where it is not supposed to be.\u201d'], ["Dana Ruiz"]),
    # one statement quoted over several paragraphs, its issuer named before them all
    (['Acme Corp issued a statement on Monday.',
      '"Talks went well," the statement read.',
      '"We hope for more," the statement continued. "We tried hard to reach a deal.',
      '"We were optimistic until yesterday," the statement concluded.'],
     ["Acme Corp", "Acme Corp", "Acme Corp", "Acme Corp"]),
    # ... and no guess when the sentence names no issuer as its subject
    (['Two soldiers died in a crash, the US military said in a statement.',
      '"The cause is under investigation," the statement said.'], [None]),
])
def test_speaker_from_the_story_around_the_quote(paragraphs, speakers):
    assert [q.speaker for q in top(run(paragraphs))] == speakers


def test_a_description_is_kept_as_written_but_is_no_name():
    quotes = top(run(['"We received an inquiry," said a company spokeswoman.']))
    assert quotes[0].speaker is None
    assert quotes[0].speaker_mention == "a company spokeswoman"


def test_the_writer_is_never_the_speaker():
    quotes = top(run(['"Lovely weather," I said to nobody in particular.']))
    assert quotes[0].speaker is None


@pytest.mark.parametrize("paragraph, medium", [
    ('"It was close," Jane Doe said in the clip.', "in the clip"),
    ('"It was close," Jane Doe said (via Channel Four.)', "via Channel Four"),
    ('"It was close," Jane Doe told Radio Ten.', "told Radio Ten"),
    ('"It was close," Jane Doe said in a statement.', "in a statement"),
    ('"It was close," Jane Doe wrote on Twitter.', "on Twitter"),
    ('"It was close," Jane Doe said.', None),
])
def test_medium_is_recorded_when_the_text_says_it(paragraph, medium):
    assert top(run([paragraph]))[0].medium == medium


# ---------------------------------------------------------------- other shapes


def test_multi_paragraph_quote_is_a_row_per_paragraph_with_one_speaker():
    paragraphs = [
        'Mayor Ruth Adams defended the plan. "The budget is balanced.',
        '"We cut waste and kept every library open," she said.',
    ]
    first, second = top(run(paragraphs))
    assert (first.quote_text, second.quote_text) == ("The budget is balanced.",
                                                     "We cut waste and kept every library open,")
    assert (first.paragraph_index, second.paragraph_index) == (0, 1)
    assert (first.continues_quote_id, second.continues_quote_id) == (None, first.quote_id)
    assert (first.is_closed, second.is_closed) == (False, True)
    # the attribution after the last paragraph names the speaker of every piece
    assert first.speaker == second.speaker == "Ruth Adams"


def test_unclosed_quote_ends_at_paragraph_end_and_is_flagged():
    paragraphs = ['"We were unlucky," said striker Leo Banks. "We will be back next season.',
                  'The club finished third.']
    quotes = top(run(paragraphs))
    assert quotes[-1].quote_text == "We will be back next season."
    assert quotes[-1].is_closed is False
    assert quotes[-1].continues_quote_id is None
    assert quotes[-1].speaker == "Leo Banks"


@pytest.mark.parametrize("paragraph, text, kind, speaker", [
    # a few words with a verb of speech or judgement are the speaker's words; with a verb of naming, a label
    ('Senator Paul Grant called the plan "a disaster" for farmers.', "a disaster", PARTIAL, "Paul Grant"),
    ('Co-founder Raj Shah said the sale was "bittersweet."', "bittersweet.", PARTIAL, "Raj Shah"),
    ('Critics such as Paul Grant dubbed the group "the Squad" in 2019.', "the Squad", SCARE, "Paul Grant"),
    ('Union leader Rosa Kim said the deal would "hurt every worker in the state" if passed.',
     "hurt every worker in the state", PARTIAL, "Rosa Kim"),
    ('The so-called "nuclear option" was never used.', "nuclear option", SCARE, None),
    ('"We won," said coach Ray Hill.', "We won,", SPEECH, "Ray Hill"),
])
def test_quote_types(paragraph, text, kind, speaker):
    quotes = top(run([paragraph]))
    assert [(q.quote_text, q.quote_type, q.speaker) for q in quotes] == [(text, kind, speaker)]


@pytest.mark.parametrize("paragraph, speakers", [
    # a partial quotation joined to the one before by "and (that)" is the same speaker's
    ('The Drug Enforcement Administration says that the border "remains the main entry point for heroin" and '
     'that "Mexico remains the largest source of marijuana."',
     ["Drug Enforcement Administration", "Drug Enforcement Administration"]),
    ('Mayor Lena Ortiz said the plan was "a disaster for the whole region" and "a waste of public money."',
     ["Lena Ortiz", "Lena Ortiz"]),
    # ... not in the next sentence, nor with a clause of its own between
    ('Mayor Lena Ortiz said the plan was "a disaster for the whole region." And "the others will lose the race."',
     ["Lena Ortiz", None]),
    ('Mayor Lena Ortiz said the plan was "a disaster for the whole region" and many residents feared "a waste '
     'of public money."', ["Lena Ortiz", None]),
    # a participle of speech between them hangs on the first one's clause, however short the second
    ('Mayor Lena Ortiz said: "The plan is dead," adding that the council would "vote no."',
     ["Lena Ortiz", "Lena Ortiz"]),
    ('Mayor Lena Ortiz said the plan was "dead," saying the council was "in chaos."', ["Lena Ortiz", "Lena Ortiz"]),
    # ... not past a clause of its own, whose participle it is
    ('"The plan is dead," Ortiz said, while the council members who backed it disagreed, saying it was '
     '"in good shape."', ["Ortiz", None]),
    ('Doe said the plan failed, while Mayor Roe disagreed, saying it was "a real success."', ["Roe"]),
    ('Doe said the plan failed, but added that it was "a real success."', ["Doe"]),
    # ... not past the sentence's end
    ('Mayor Lena Ortiz said: "The plan is dead." Adding that, the council would "vote no."', ["Lena Ortiz", None]),
])
def test_a_partial_quote_takes_the_speaker_of_the_clause_it_hangs_on(paragraph, speakers):
    assert [q.speaker for q in top(run([paragraph]))] == speakers


def test_nested_quote_by_the_quoter():
    result = run(['"I told the board, \'We cannot sell the club,\' and they listened," said owner Lisa Park.'])
    [outer] = top(result)
    [inner] = nested(result)
    assert outer.speaker == "Lisa Park"
    assert inner.quote_text == "We cannot sell the club,"
    assert inner.parent_quote_id == outer.quote_id
    assert inner.speaker == "Lisa Park"
    assert "We cannot sell the club," in outer.quote_text  # the outer quote keeps the nested words


def test_nested_quote_by_the_person_the_quoter_talks_about():
    result = run(['"Bill Webb walked into the locker room and I heard him say, \u2018You start on Sunday.\u2019 '
                  'And I was like, \'Really?\'" said quarterback Jim Ford.'])
    [outer] = top(result)
    inner = {q.quote_text: q.speaker for q in nested(result)}
    assert outer.speaker == "Jim Ford"
    assert inner == {"You start on Sunday.": "Bill Webb", "Really?": "Jim Ford"}


@pytest.mark.parametrize("paragraph, inner, speaker", [
    # a verb joined by "and" to the quoter's own "I"
    ("\u201cI went back to my hotel room in tears, cried my eyes out, and thought \u2018Why try?\u2019\u201d "
     "Mary Steen said.", "Why try?", "Mary Steen"),
    ("\u201cSo I called her up and said \u2018Talk to me.\u2019 And it worked,\u201d Mary Steen said.",
     "Talk to me.", "Mary Steen"),
    # the quoter's own reaction, and what they cannot say
    ("\u201cMy first reaction was, \u2018Oh no, not again,\u2019 \u201d Michelle Hale said.",
     "Oh no, not again,", "Michelle Hale"),
    ("\u201cI can\u2019t say \u2018I don\u2019t know the scene,\u2019 \u201d Mary Steen said.",
     "I don\u2019t know the scene,", "Mary Steen"),
    # a longer way from the verb to the quote
    ("\u201cI even said something to my postdoc adviser, like, \u2018I can\u2019t trust this data.\u2019\u201d "
     "Jennifer Plum recalled.", "I can\u2019t trust this data.", "Jennifer Plum"),
    # a participle after an earlier nested quote: that quote's speaker
    ("\u201cMayor Ortiz replied that \u2018It is done,\u2019 adding that the council will, quote, "
     "\u2018do anything you ask.\u2019\u201d Jan Holm testified.", "do anything you ask.", "Ortiz"),
    # "and said" after someone else: not the quoter
    ("\u201cHe called me and said \u2018Come over,\u2019 and I went,\u201d Mary Steen said.", "Come over,", None),
])
def test_nested_quote_by_the_quoter_in_other_words(paragraph, inner, speaker):
    assert {q.quote_text: q.speaker for q in nested(run([paragraph]))}[inner] == speaker


def test_a_scare_quote_several_words_after_a_verb_stays_a_scare_quote():
    [inner] = nested(run(["\u201cWe don\u2019t ask enough and assume diseases are \u2018idiopathic\u2019 or "
                          "unexplained,\u201d Owen Dean said."]))
    assert (inner.quote_text, inner.quote_type, inner.speaker) == ("idiopathic", SCARE, None)


def test_nested_quote_with_apostrophes_and_elisions_inside():
    result = run(["\"And I said, 'It's the '90s, we're not doing rock 'n' roll,' and that was it,\" "
                  "said singer Mia Rowe."])
    [inner] = nested(result)
    assert inner.quote_text == "It's the '90s, we're not doing rock 'n' roll,"
    assert inner.speaker == "Mia Rowe"


def test_lyric_paragraph_sung_by_a_band():
    result = run(['\u201cHold on, hold on, we are nearly home\u2026\u201d',
                  'Sound familiar? Those are the words the Harbor Lights sang at the final in 2010.'])
    [q] = top(result)
    assert q.quote_type == LYRIC
    assert q.speaker == "Harbor Lights"


# ---------------------------------------------------------------- titles are not quotes


@pytest.mark.parametrize("paragraph, kind", [
    # a quotation that names a thing is nobody's words here
    ("South Dakota\u2019s viral \u201cMeth. We\u2019re on it.\u201d awareness campaign drew criticism.", SCARE),
    ("Noem defended the launch of an anti-drug drive with the slogan \u201cMeth, we\u2019re on it.\u201d", SCARE),
    ("China said it is committed to the \u201cone country, two systems\u201d formula for the city.", SCARE),
    # words a sentence speaks of: a numbered heading, a subject, a short item of a list
    ('7. "The Giuliani problem"', SCARE),
    ("\u201cBecome an online leader\u201d sounds like a tall order. But it does not have to be.", SCARE),
    ("Users toggle between corporations, \u201ccreators,\u201d and normal people, Stier says.", SCARE),
    # a term after a verb of believing is no one's words
    ("Park believes their ability to \u201ctaste\u201d the air protects the body.", SCARE),
    # ... but a quote that runs on into its sentence and then takes a cue is speech
    ("\u201cThe people aren\u2019t buying\u201d impeachment, Trump said at a rally.", SPEECH),
    # words of a speaker inside a sentence stay a partial quote
    ("Gomez called the deal \u201ca transformative moment for the whole company\u201d on Monday.", PARTIAL),
    ("Smith said the plan would \u201churt working families in every state\u201d, policy experts agreed.", PARTIAL),
])
def test_a_quoted_name_of_a_thing_is_no_quotation(paragraph, kind):
    [quote] = top(run([paragraph]))
    assert quote.quote_type == kind


def test_words_spoken_of_take_no_speaker_from_the_story():
    result = run(['"We will grow," Kurt Vance said.', '3. "The Gordon problem"',
                  '\u201cGrow or die\u201d became the motto of the firm.'])
    assert [(q.quote_text, q.quote_type, q.speaker) for q in top(result)] == [
        ("We will grow,", SPEECH, "Kurt Vance"), ("The Gordon problem", SCARE, None), ("Grow or die", SCARE, None)]


@pytest.mark.parametrize("paragraph, title, kind", [
    ('The band played its hit "Summer Nights" at the arena.', "Summer Nights", "hit"),
    ("Her album 'Blue Roads' topped the chart.", "Blue Roads", "album"),
    ('He appeared on "Meet the Press" on Sunday.', "Meet the Press", None),
    ('"Hard Times" was released in 2001.', "Hard Times", None),
    ("It became the second single off their third album, 'Open Roads.'", "Open Roads", "album"),
    ('Their new track, \u201cNever Felt So Free,\u201d is out now.', "Never Felt So Free", "track"),
    ('The paper ran a column headlined "Why we lost" on Monday.', "Why we lost", None),
])
def test_titles_become_works_not_quotes(paragraph, title, kind):
    result = run([paragraph])
    assert top(result) == []
    assert [(w.title, w.work_kind) for w in result.works] == [(title, kind)]
    w = result.works[0]
    assert paragraph[w.char_start:w.char_end] == w.title


def test_title_inside_a_quote_is_a_work_of_that_quote():
    result = run(['"We played \'Summer Nights\' twice," said drummer Jo Lake.'])
    [q] = top(result)
    assert nested(result) == []
    assert [(w.title, w.parent_quote_id) for w in result.works] == [("Summer Nights", q.quote_id)]


def test_a_capitalised_sentence_of_its_own_stays_a_quote():
    quotes = top(run(['"Give me a big win," Trent Lowe said later. "Please."']))
    assert [q.quote_text for q in quotes] == ["Give me a big win,", "Please."]


# ---------------------------------------------------------------- apostrophes are not quote marks


@pytest.mark.parametrize("paragraph", [
    "It's the players' union, not the owners' league, that won.",
    "The '90s were good to 'em, and rock 'n' roll fans loved the Jones' farm.",
    "'N Crowd played their last show, and 'N Crowd's fans cried.",
    "\u2018N Crowd played their last show in the \u201990s.",
    "*N Crowd's singer said it's over for 'em.",
    "Guns N' Roses headlined, and the Bass' garage band opened.",
    "O'Neil's team beat Smith's team 'til dawn.",
])
def test_apostrophes_and_elisions_are_not_quotes(paragraph):
    result = run([paragraph])
    assert result.quotes == [] and result.works == []


# ---------------------------------------------------------------- offsets and ids


def _check_offsets(paragraphs, result):
    for q in result.quotes:
        assert isinstance(q, Quote)
        assert 0 <= q.paragraph_index < len(paragraphs)
        assert 0 <= q.char_start <= q.char_end <= len(paragraphs[q.paragraph_index])
        assert q.quote_text == paragraphs[q.paragraph_index][q.char_start:q.char_end]
    for w in result.works:
        assert w.title == paragraphs[w.paragraph_index][w.char_start:w.char_end]
    ids = [q.quote_id for q in result.quotes]
    assert len(ids) == len(set(ids))
    assert all(q.parent_quote_id in ids for q in result.quotes if q.parent_quote_id)


def test_offsets_ids_and_determinism_on_a_realistic_article():
    paragraphs = [
        'Mayor Ruth Adams defended the plan on Tuesday. "The budget is balanced," she said. "We cut waste.',
        '"And we kept every library open," Adams added, calling the cuts "painful but fair."',
        'Council member Ben Cho said he heard her say, \'No new taxes,\' last year. "I was there," he said.',
    ]
    first = run(paragraphs)
    _check_offsets(paragraphs, first)
    assert run(paragraphs) == first  # same input, same ids and rows


PIECES = st.sampled_from(list("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb` ,.:Aa")
                         + ["said Jane Doe", " he said", "I said, ", "song ", "'N ", "\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=40).map("".join), max_size=4))
def test_offsets_hold_on_any_mix_of_marks(paragraphs):
    result = run(paragraphs)
    _check_offsets(paragraphs, result)


# ---------------------------------------------------------------- hostile inputs


@pytest.mark.parametrize("paragraphs", [
    [],
    [""],
    ["   "],
    ['"'],
    ["'"],
    ["\u201c\u201c\u201c\u201d"],
    ['"' + "x" * 10],
    ["\x00\x01\ufffd\ud7ff \u202e\u200b" * 50],
    ['"unclosed', '"still open', "'also open", "\u201cand again"],
    ['"A," he said.' * 3, None, 42],
])
def test_never_raises(paragraphs):
    result = extract_quotes("art", paragraphs, build_entities("art", [p for p in paragraphs if isinstance(p, str)]))
    assert isinstance(result.quotes, list)


def test_never_raises_without_an_entity_index():
    assert extract_quotes("art", ['"Hi," she said.'], None).quotes[0].quote_text == "Hi,"


@pytest.mark.parametrize("paragraph", [
    '"' * 20000,
    "\u201c" * 20000,
    "\u201d" * 20000,
    '"a" ' * 10000,
    "\u201ca\u201d \u2018b\u2019 " * 5000,
    " 'x" * 20000,
    ('"Yes," he said. ' * 10000)[:200000],
])
def test_twenty_thousand_marks_keep_offsets_inside(paragraph):
    # its speed is bench/bench_large_inputs.py's to check
    index = build_entities("art", [paragraph])
    result = extract_quotes("art", [paragraph], index)
    _check_offsets([paragraph], result)


def test_unclosed_quotes_everywhere_stay_inside_their_paragraphs():
    paragraphs = ['"open ' * 200, "\u201cthen " * 200, "'and " * 200]
    result = run(paragraphs)
    _check_offsets(paragraphs, result)
    assert all(q.continues_quote_id is None for q in result.quotes)
