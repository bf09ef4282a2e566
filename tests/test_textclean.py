"""Plain-text cleaner: block labels, metadata, offsets, robustness."""
from __future__ import annotations

from datetime import datetime

import pytest

from etl_gone.normalize import normalize_text
from etl_gone.records import (
    BLOCK_LABELS, BODY, BYLINE, CALL_TO_ACTION, CAPTION, CREDIT, DATELINE, DEK,
    EMBED, RELATED_LINK, SITE_CHROME, TITLE,
)
from etl_gone.textclean import clean_plain_text

SPORT = """Live scores

Arsenal Beat Chelsea in Late Drama at the Emirates

"We never stopped believing," the manager said after the match.

By Sam Walker, Sports Reporter
March 3, 2023, 5:45 PM
Saka celebrates his winner at the Emirates Stadium, March 3, 2023.
Saka celebrates his winner at the Emirates Stadium, March 3, 2023.
Stuart MacFarlane/Arsenal FC/Getty Images

Bukayo Saka scored in stoppage time as Arsenal beat Chelsea 2-1 on Saturday.

Chelsea Sack Manager After Derby Defeat

The win moves Arsenal five points clear at the top of the table.

That was the turning point.

Chelsea Sack Manager After Derby Defeat

"It was a special night for the fans," Saka said.

Watch the highlights of the match below:

Leave a Reply"""

POLITICS = """Breaking News

Senate Passes Budget After All-Night Session

ByReuters Staff

WASHINGTON, Jan. 5, 2021 (Reuters) - The Senate passed the budget late on Tuesday after a long debate.

By the time the vote was called, most senators had gone home.

Read more: House Speaker Faces Revolt Over Spending Plan

Comments from the minority leader came after the vote.

From there, the bill goes to the House.

Sign up for our newsletter.

More From Capitol Wire"""

BUSINESS = """Your Money Your Future 2024

Markets update
Last Updated: June 2, 9:15:02AM ET

Shares in Acme Corp jump after record quarterly profit

BY JANE DOE AND JOHN ROE | May 8, 2014 3:15 pm EDT

Acme Corp said on Thursday its profit rose 20 percent, beating forecasts.

Photo: Carlos Mendez for The Business Times

Subscribers will pay more for the service from January, the company said.

WATCH: Acme Chief Executive on the Results

"Demand was strong," the chief executive said.

Acme Chief Executive Interview
From Market Close Live
Business Channel Studios

"We are not done yet."

© 2014 Business Times Media. All rights reserved."""

MUSIC = """“Slow down, the night is young, the lights are low…”

Sound familiar? Those lyrics opened the band’s 1999 single “Night Drive” — which was written for another singer.

The Drummers
“Night Drive”
From Midnight Sessions
Harbor Records

May 8, 2014 -- The band said on Thursday the song had been offered first to a solo star."""


WIRE = """The central bank held rates steady on Thursday, as expected.

Rates are a signal to markets, the governor told the Senate panel. pic.twitter.com/abc123

— Treasury Watch (@treasurywatch) March 9, 2023

* * *

Markets barely moved after the decision.

(Reporting by Ana Lopez; Editing by Mark Chen)"""


def labelled(text: str) -> dict[str, tuple[str, str]]:
    """text of each block -> (label, rule); the last occurrence wins."""
    return {b.text: (b.label, b.rule) for b in clean_plain_text(text).blocks}


def label_list(text: str, block_text: str) -> list[str]:
    return [b.label for b in clean_plain_text(text).blocks if b.text == block_text]


@pytest.mark.parametrize("article, block_text, label", [
    # body: prose, quotes, short sentences, a colon lead-in to a video
    (SPORT, "Bukayo Saka scored in stoppage time as Arsenal beat Chelsea 2-1 on Saturday.", BODY),
    (SPORT, "That was the turning point.", BODY),
    (SPORT, '"It was a special night for the fans," Saka said.', BODY),
    (SPORT, "Watch the highlights of the match below:", BODY),
    (MUSIC, "“Slow down, the night is young, the lights are low…”", BODY),
    (MUSIC, "May 8, 2014 -- The band said on Thursday the song had been offered first to a solo star.", BODY),
    (BUSINESS, '"We are not done yet."', BODY),
    # sentences that only start like furniture stay body
    (POLITICS, "By the time the vote was called, most senators had gone home.", BODY),
    (POLITICS, "Comments from the minority leader came after the vote.", BODY),
    (POLITICS, "From there, the bill goes to the House.", BODY),
    (BUSINESS, "Subscribers will pay more for the service from January, the company said.", BODY),
    # head of the page
    (SPORT, "Arsenal Beat Chelsea in Late Drama at the Emirates", TITLE),
    (BUSINESS, "Shares in Acme Corp jump after record quarterly profit", TITLE),
    (SPORT, '"We never stopped believing," the manager said after the match.', DEK),
    (SPORT, "By Sam Walker, Sports Reporter", BYLINE),
    (POLITICS, "ByReuters Staff", BYLINE),
    (BUSINESS, "BY JANE DOE AND JOHN ROE | May 8, 2014 3:15 pm EDT", BYLINE),
    (SPORT, "March 3, 2023, 5:45 PM", DATELINE),
    (SPORT, "Stuart MacFarlane/Arsenal FC/Getty Images", CREDIT),
    (BUSINESS, "Photo: Carlos Mendez for The Business Times", CREDIT),
    # banners and chrome, also a banner that looks like a headline
    (SPORT, "Live scores", SITE_CHROME),
    (POLITICS, "Breaking News", SITE_CHROME),
    (BUSINESS, "Your Money Your Future 2024", SITE_CHROME),
    (BUSINESS, "Markets update", SITE_CHROME),
    (BUSINESS, "Last Updated: June 2, 9:15:02AM ET", SITE_CHROME),
    (BUSINESS, "© 2014 Business Times Media. All rights reserved.", SITE_CHROME),
    # between the paragraphs
    (POLITICS, "Read more: House Speaker Faces Revolt Over Spending Plan", RELATED_LINK),
    (BUSINESS, "WATCH: Acme Chief Executive on the Results", EMBED),
    (BUSINESS, "From Market Close Live", EMBED),
    (BUSINESS, "Acme Chief Executive Interview", EMBED),
    (BUSINESS, "Business Channel Studios", EMBED),
    (MUSIC, "“Night Drive”", EMBED),
    (MUSIC, "Harbor Records", EMBED),
    # calls to action
    (SPORT, "Leave a Reply", CALL_TO_ACTION),
    (POLITICS, "Sign up for our newsletter.", CALL_TO_ACTION),
    (POLITICS, "More From Capitol Wire", CALL_TO_ACTION),
])
def test_block_label(article, block_text, label):
    labels = label_list(article, block_text)
    assert labels, f"no block {block_text!r}"
    assert set(labels) == {label}


@pytest.mark.parametrize("article, block_text, rule", [
    (SPORT, "Chelsea Sack Manager After Derby Defeat", "repeated_line"),
    (SPORT, "Saka celebrates his winner at the Emirates Stadium, March 3, 2023.", "caption_repeated"),
    (SPORT, "Stuart MacFarlane/Arsenal FC/Getty Images", "photo_credit_slashes"),
    (SPORT, "By Sam Walker, Sports Reporter", "byline_prefix"),
    (SPORT, "Leave a Reply", "call_to_action_phrase"),
    (BUSINESS, "From Market Close Live", "embed_from_label"),
    (BUSINESS, "Your Money Your Future 2024", "above_title"),
    (WIRE, "— Treasury Watch (@treasurywatch) March 9, 2023", "social_embed_signature"),
    (WIRE, "* * *", "separator_line"),
    (WIRE, "(Reporting by Ana Lopez; Editing by Mark Chen)", "reporting_credit_line"),
    (WIRE, "Markets barely moved after the decision.", "prose"),
])
def test_rule_names(article, block_text, rule):
    assert labelled(article)[block_text][1] == rule


def test_repeated_headline_and_caption_are_both_copies():
    doc = clean_plain_text(SPORT)
    related = [b for b in doc.blocks if b.text == "Chelsea Sack Manager After Derby Defeat"]
    captions = [b for b in doc.blocks if b.label == CAPTION]
    assert [b.label for b in related] == [RELATED_LINK, RELATED_LINK]
    assert len(captions) == 2


def test_caption_next_to_credit():
    text = ("Fans React to the Final Whistle\n\nThe club confirmed the result on Sunday.\n\n"
            "Supporters celebrate outside the ground.\nJohn Smith/PA Images\n\n"
            "The match drew a record crowd of 60,000 people.")
    assert labelled(text)["Supporters celebrate outside the ground."] == (CAPTION, "caption_next_to_credit")


def test_single_title_case_line_between_paragraphs_is_related_link():
    text = ("The central bank raised rates by half a point on Wednesday.\n\n"
            "Inflation Hits Ten-Year High in Eurozone\n\n"
            "Economists had expected a smaller rise.")
    assert labelled(text)["Inflation Hits Ten-Year High in Eurozone"] == (
        RELATED_LINK, "short_title_case_between_body")


@pytest.mark.parametrize("label_line", ["Explore further", "More stories", "You may also like:"])
def test_a_lone_headline_under_a_related_label_is_a_link(label_line):
    text = ("The central bank raised rates by half a point on Wednesday.\n\n"
            "Economists had expected a smaller rise, the bank's minutes show.\n\n"
            f"{label_line}\n\nUnravelling the rise of eurozone inflation")
    assert labelled(text)["Unravelling the rise of eurozone inflation"] == (
        RELATED_LINK, "headline_under_related_label")


def test_a_subhead_under_a_sharing_line_stays_body():
    text = ("The central bank raised rates by half a point on Wednesday.\n\n"
            "Share this\n\nWhat the rise means for savers\n\n"
            "Savers will see higher rates within weeks, the bank said.")
    assert labelled(text)["What the rise means for savers"][0] == BODY


BUDGET_BEFORE = "The city council approved the harbour budget on Tuesday after a long debate."
BUDGET_AFTER = "Spending on the harbour rises by 12 percent, and the council will vote again in May."


@pytest.mark.parametrize("line, label, rule", [
    # a link to another story, in sentence case: it shares no word with the story around it
    ("Tesla to build factory near Berlin", RELATED_LINK, "sentence_case_headline_off_topic"),
    ("Skimming device found at Eagan gas station", RELATED_LINK, "sentence_case_headline_off_topic"),
    ("Iowa man finds 5 inches of animal blood flooding basement", RELATED_LINK,
     "sentence_case_headline_off_topic"),
    # a subheading announces what follows: it shares a word with it
    ("Harbour spending faces a second vote", BODY, "prose"),
    # too short to tell, or a numbered point of a list
    ("Tesla builds near Berlin", BODY, "prose"),
    ("2. Tesla to build factory near Berlin", BODY, "prose"),
    # the page's own controls and notices, copied with the text
    ("Skip to site index", SITE_CHROME, "chrome_phrase"),
    ("Filed under:", SITE_CHROME, "chrome_phrase"),
    # captions by their credit or their words, between two paragraphs
    ("Guitarist Jonny Buckland (L) and singer Chris Martin (R) of Coldplay perform during a concert in Hanover "
     "August 25, 2009. REUTERS/Christian Charisius", CAPTION, "caption_with_credit"),
    ("Hurricane Michael downed trees throughout Florida. Photo courtesy of the Gadsden County Sheriff's Office",
     CAPTION, "caption_with_credit"),
    ("Rescuers search among damaged buildings after a strong earthquake hit central Italy on August 24, 2016 "
     "(AFP Photo)", CAPTION, "caption_with_credit"),
    ("Tesla CEO Elon Musk speaks at the E3 gaming convention in Los Angeles on June 13, 2019.Mike Blake / "
     "Reuters file", CAPTION, "caption_with_credit"),
    ("The Yahoo! offices are pictured in Santa Monica, California April 18, 2011.", CAPTION, "caption_words"),
    ("Privacy Policy", SITE_CHROME, "chrome_phrase"),
    ("switch to the International edition", CALL_TO_ACTION, "call_to_action_phrase"),
    ("Update your preferences »", CALL_TO_ACTION, "call_to_action_phrase"),
    ("Fan us on Facebook", CALL_TO_ACTION, "call_to_action_phrase"),
    ("comments powered by Disqus.", CALL_TO_ACTION, "call_to_action_phrase"),
    ("Your California Privacy Rights.", CALL_TO_ACTION, "call_to_action_phrase"),
    ("We've noticed you're adblocking.", CALL_TO_ACTION, "call_to_action_phrase"),
    ("Email Share this with Email", CALL_TO_ACTION, "share_widget"),
    ("Click to share on Reddit (Opens in new window)", CALL_TO_ACTION, "call_to_action_phrase"),
    ("Submit to Stumbleupon (Opens in new window)", CALL_TO_ACTION, "call_to_action_phrase"),
    # a mugshot's caption: a name and where the picture came from
    ("Victor N. Burton Submitted photo", CAPTION, "caption_with_credit"),
    ("Crews repair the pier on Monday. (File photo)", CAPTION, "caption_with_credit"),
    ("The paper ran it as a staff photo.", BODY, "prose"),
    ("Facebook Twitter WhatsApp Email", CALL_TO_ACTION, "share_widget"),
    # sentences of a story that use the same words
    ("Facebook shares fell 5 percent on Tuesday.", BODY, "prose"),
    ("The company changed its privacy policy in May.", BODY, "prose"),
    ("Skip to the end, the coach said, and you will see why.", BODY, "prose"),
    # credits, captions and notices a copy of a page brings along
    ("Keith Brand contributed reporting from Hong Kong.", BYLINE, "contributor_line"),
    ("Associated Press writers Alan Fram and Zeke Mills contributed to this report.", BYLINE, "contributor_line"),
    ("Image caption Eva Persson said the decision had been taken", CAPTION, "caption_prefix"),
    ("Media captionWho is Julian Assange?", CAPTION, "caption_prefix"),
    ("The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)", CAPTION, "caption_with_credit"),
    ("A cargo ship leaves the port of Miami on Aug. 31, 2019. (AP)", CAPTION, "caption_with_credit"),
    ("Former Gov. Deval Parker, left, speaks with a voter in Columbia.", CAPTION, "caption_words"),
    # a credit after the caption's last sentence, however long the caption
    ("Former Gov. Deval Parker speaks with a business owner during a campaign stop, Tuesday, Nov. 19, 2019, in "
     "Columbia, S.C. " * 3 + "Photo: Meg Kinnard, AP", CAPTION, "caption_with_credit"),
    ("Tyvak plans to use its experience with small satellites for a lunar lander. Credit: Tyvak", CAPTION,
     "caption_with_credit"),
    ("A store of the chain in Burbank, Calif. Photograph by Robyn Beck/AFP/Getty Images", CAPTION,
     "caption_with_credit"),
    # ... or a bare credit, a name with no full stop after it
    ("A diver surveys the reef off the harbour wall at dawn. Getty", CAPTION, "caption_with_credit"),
    ("Harbour towns where ferries run all year. Statista", CAPTION, "caption_with_credit"),
    ("Divers tag a turtle near the pier. Jane Doe for Harbour Magazine", CAPTION, "caption_with_credit"),
    ("The ferry was repaired by a crew led by Dr. Jane Doe", BODY, "prose"),
    ("The ferry was repaired by a crew from St. Louis", BODY, "prose"),
    ("The mayor thanked the crew. The ferry sails at dawn.", BODY, "prose"),
    ("The museum will show the photograph. Image: it is a rare one, and it was taken in 1921 by a local "
     "farmer who kept it in a drawer for decades", BODY, "prose"),
    ("An artist's illustration of a plume of water vapour rising from Europa.", CAPTION, "caption_words"),
    ("#signup{background:#fff; clear:left; font:14px Helvetica,Arial,sans-serif; }", SITE_CHROME, "code_line"),
    ('{"uri": "a.jpg", "width": 640, "label": "cardtext", "title": "nightcap", "paths": []}' * 8,
     SITE_CHROME, "code_line"),
    ("This document is subject to copyright. No part may be reproduced without permission.", SITE_CHROME,
     "site_notice"),
    ("Microsoft may earn an Affiliate Commission if you purchase something through links here.", SITE_CHROME,
     "site_notice"),
    ("The views expressed by contributors do not necessarily reflect those of the Courier.", SITE_CHROME,
     "site_notice"),
    ("Harbour Media Group. All rights reserved.", SITE_CHROME, "site_notice"),
    ("The views expressed at the hearing were mixed, and the council will vote in June.", BODY, "prose"),
    ("Get the day's top headlines delivered to your inbox every morning.", CALL_TO_ACTION, "reader_appeal"),
    ("Thanks for signing up!", CALL_TO_ACTION, "call_to_action_phrase"),
    # a sign-up form's consent and a browser's notification prompt, however long
    ("I would like to be emailed about offers, event and updates from Evening Standard. Read our privacy notice.",
     CALL_TO_ACTION, "call_to_action_phrase"),
    ("Stay up to date with notifications from The Independent", CALL_TO_ACTION, "call_to_action_phrase"),
    ("Notifications can be managed in browser preferences.", CALL_TO_ACTION, "call_to_action_phrase"),
    # a live page's notice, a paywall's log-in prompt, a reading bar's label, a page's tools
    ("This is developing news, please check back here for more updates.", SITE_CHROME, "site_notice"),
    ("Already subscribed? Log in", CALL_TO_ACTION, "call_to_action_phrase"),
    ("Now Reading:", CALL_TO_ACTION, "call_to_action_phrase"),
    ("add to favorites email to friend print save as pdf", CALL_TO_ACTION, "share_widget"),
    # a reader poll, a list's label, an empty comment section
    ("Was this article valuable?", CALL_TO_ACTION, "call_to_action_phrase"),
    ("Here are more articles you may enjoy.", CALL_TO_ACTION, "call_to_action_phrase"),
    ("No comments:", CALL_TO_ACTION, "call_to_action_phrase"),
    # a whole sign-up form on one line
    ("Sign up to the Harbour Climate email for the latest advice on saving the planet Get our free Climate email "
     "Please enter a valid email address Please enter a valid email address SIGN UP I would like to be emailed "
     "about offers, events and updates from The Harbour. Read our privacy notice Thanks for signing up to the",
     CALL_TO_ACTION, "signup_form"),
    ("Jane Doe's book about the search for the lost harbour of the old city, \"Tides\" (Harbour Press, 2018; "
     "illustrated by John Roe), is out now. Follow her on Twitter @janedoe.", CALL_TO_ACTION, "reader_appeal"),
    ("In each episode of her weekly show, Jane Doe looks closer at the harbour. Click to subscribe!",
     CALL_TO_ACTION, "reader_appeal"),
    ("Fans were urged to follow her on Twitter, the club said.", BODY, "prose"),
    # teasers of other stories tagged in capitals, alone or run together
    ("Mayor furious at council over harbour jibe [INSIGHT]", RELATED_LINK, "related_prefix"),
    ("Mayor furious at council over harbour jibe [INSIGHT]|Pier closes after storm [VIDEO]Ferry strike "
     "ends [REACTION]", RELATED_LINK, "related_prefix"),
    ("Police released a map of the area [MAP] on Monday and asked for help.", BODY, "prose"),
    ("SEE MORE: Harbour strike: 800 workers walk out", RELATED_LINK, "related_prefix"),
    ("DON'T MISS", RELATED_LINK, "related_prefix"),
    ("Don't miss the harbour festival this weekend, the mayor said.", BODY, "prose"),
    # what a comment box or a sign-up form says to its reader
    ("Thank you! Your comment will be reviewed by the moderator for compliance with the rules.", CALL_TO_ACTION,
     "reader_appeal"),
    ("Post limit reached. Please try again in a minute.", CALL_TO_ACTION, "reader_appeal"),
    ('I agree that Harbour Sports can send me the "Morning Six" newsletter.', CALL_TO_ACTION, "reader_appeal"),
    ("Please check the opt-in box to acknowledge that you would like to subscribe.", CALL_TO_ACTION,
     "reader_appeal"),
    ("There was a problem subscribing you to the newsletter. Double check your email and try again.",
     CALL_TO_ACTION, "reader_appeal"),
    ("Follow the Courier Opinion section on Facebook, Twitter (@CourierOp) and Instagram.", CALL_TO_ACTION,
     "reader_appeal"),
    ("Join our forums to keep talking about the latest missions and more! And if you have a news tip, a "
     "correction or a comment, let us know at: tips@example.com.", CALL_TO_ACTION, "reader_appeal"),
    ("The Courier is committed to publishing a diversity of letters. We'd like to hear what you think about "
     "this or any of our articles. Here are some tips.", CALL_TO_ACTION, "reader_appeal"),
    # a comment form's small print, and how to reach the writer
    ("Your email address will not be published.", CALL_TO_ACTION, "reader_appeal"),
    ("Dana Cole covers transportation for the Millbrook Times. Contact her at dcole@example.com.",
     CALL_TO_ACTION, "reader_appeal"),
    ("Police asked anyone with information to contact them on 555-0100.", BODY, "prose"),
    # a comment policy longer than any other furniture line
    ("Harbour Weekly moderates comments to facilitate an informed, substantive, civil conversation. Abusive, "
     "profane, self-promotional, misleading, incoherent or off-topic comments will be rejected. Moderators are "
     "staffed during regular business hours (New York time) and can only accept comments written in English.",
     CALL_TO_ACTION, "reader_appeal"),
    # ... and sentences of a story that use their words
    ("Residents said they would like to hear what the council plans for the pier before they vote on it.", BODY,
     "prose"),
    ("The mayor did not respond to a request for comment on Tuesday.", BODY, "prose"),
    ("Police said the moderator of the forum was arrested on Monday.", BODY, "prose"),
    ("There was an error processing your subscription.", CALL_TO_ACTION, "call_to_action_phrase"),
    (" ".join(["Share this with Email Facebook Share this with Facebook Twitter Share this with Twitter"] * 4),
     CALL_TO_ACTION, "share_widget"),
    # ... and sentences of a story that look a little like them
    ("The mayor, who was pictured with the donor last year, declined to comment.", BODY, "prose"),
    ("The senator spoke to reporters after the vote (AP)", BODY, "prose"),
    ("Voters in the west of the city backed the plan; those in the east did not; turnout was low.", BODY,
     "prose"),
    ("Breathing is a key function (among others) of the lungs, doctors say.", BODY, "prose"),
    # a long paragraph of story with a snippet of script copied into it stays story
    ("var id = 'd47'; (function() {var s = 1;})(); " + " ".join([BUDGET_BEFORE] * 5), BODY, "prose"),
])
def test_line_between_paragraphs(line, label, rule):
    text = f"{BUDGET_BEFORE}\n\n{line}\n\n{BUDGET_AFTER}"
    assert labelled(text)[line] == (label, rule)


@pytest.mark.parametrize("line", [
    "The Prime Minister said he would resign in March",  # a lost full stop
    "Sound familiar? Those were the Chancellor's words in 2019",
    "Quarterly revenue at Acme Corp rose 12 percent to $4 billion",
])
def test_sentence_without_final_stop_between_paragraphs_stays_body(line):
    text = f"The party met on Monday to discuss the result.\n\n{line}\n\nMembers left without comment."
    assert labelled(text)[line] == (BODY, "prose")


@pytest.mark.parametrize("head, title", [
    # every word capitalised: two sentences still make a headline
    ("Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry.",
     "Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn't Worry."),
    # a quotation's full stop ends no sentence of the headline
    ("'Meth. We're On It': South Dakota campaign is working, governor says",
     "'Meth. We're On It': South Dakota campaign is working, governor says"),
    # a longer sentence-case line under the headline is its standfirst
    ("Council backs harbour budget\n\nA second vote in May will decide whether the city spends more on its "
     "ageing piers and sea walls", "Council backs harbour budget"),
    # a line right above the byline is the headline, even a question in sentence case
    ("What is the value of drugs that come to the border?\n\nBy Matthew Digby and Minh Do",
     "What is the value of drugs that come to the border?"),
    # ... but without a byline a question at the top is the story's first line
    ("What is the value of drugs that come to the border?", None),
    # the headline stands above its byline: longer related headlines below it are links
    ("Council backs harbour budget\n\nBy Jane Doe\n\nMore on City Hall\n\n"
     "Mayor's office sought state funding for a gunshot-location system\n\n"
     "The county fair will be free to attend starting next summer", "Council backs harbour budget"),
    # ... and above a list headed "Most Popular", byline or not
    ("Sports\n\nCouncil backs harbour budget after a long night\n\nMost Popular\n\n"
     "Mayor's office sought state funding for a gunshot-location system, but the mayor is unswayed",
     "Council backs harbour budget after a long night"),
    ("Council backs harbour budget after a long night\n\nRelated Stories\n\n"
     "Mayor's office sought state funding for a gunshot-location system, but the mayor is unswayed",
     "Council backs harbour budget after a long night"),
    # a two-word section label is no headline with a standfirst under it
    ("Minnesota Wild\n\nZach Parise heating up, scores twice as Wild beat Sabres 4-1",
     "Zach Parise heating up, scores twice as Wild beat Sabres 4-1"),
    # sharing links are calls to action, not headlines
    ("Council backs harbour budget\n\nClick to email this to a friend (Opens in new window)",
     "Council backs harbour budget"),
])
def test_headline_at_the_top_of_a_copy(head, title):
    text = f"{head}\n\n{BUDGET_BEFORE}\n\n{BUDGET_AFTER}"
    assert clean_plain_text(text).title == title


@pytest.mark.parametrize("article, title, outlet, author, published, source", [
    (SPORT, "Arsenal Beat Chelsea in Late Drama at the Emirates", None, "Sam Walker",
     datetime(2023, 3, 3, 17, 45), "dateline"),
    (POLITICS, "Senate Passes Budget After All-Night Session", "Reuters Staff", None,
     datetime(2021, 1, 5), "body_dateline"),
    # the banner's "Last Updated" never gives the date; the byline does
    (BUSINESS, "Shares in Acme Corp jump after record quarterly profit", "Business Times Media",
     "JANE DOE, JOHN ROE",
     datetime(2014, 5, 8, 15, 15), "byline"),
    (MUSIC, None, None, None, datetime(2014, 5, 8), "body_dateline"),
])
def test_metadata(article, title, outlet, author, published, source):
    doc = clean_plain_text(article)
    assert (doc.title, doc.outlet, doc.author) == (title, outlet, author)
    assert (doc.published_at, doc.published_source) == (published, source)


@pytest.mark.parametrize("text, outlet", [
    ("Rain delays the final day.\n\nMore From Cricket Weekly", "Cricket Weekly"),
    ("Rain delays the final day.\n\n© 2022 Harbour Sports Media. All rights reserved.", "Harbour Sports Media"),
    ("Budget Vote Delayed Again\n\nByCBS News\n\nThe vote was delayed.", "CBS News"),
    # the outlet beside the author or the date in the head of the page
    ("Bridge collapse kills 12\n\nBy Ana Ruiz | The Daily Ledger | March 4, 2020\n\nThe bridge fell.",
     "The Daily Ledger"),
    ("Bridge collapse kills 12\n\nThe Evening Post | March 3, 2020\n\nThe bridge fell.", "The Evening Post"),
    ("Bridge collapse kills 12\n\nReuters - March 3, 2020\n\nThe bridge fell.", "Reuters"),
    ("Bridge collapse kills 12\n\nThe Evening Post, 5 March 2020\n\nThe bridge fell.", "The Evening Post"),
    ("Bridge collapse kills 12\n\nThe Milwaukee Sentinel, 5 March 2020\n\nThe bridge fell.",
     "The Milwaukee Sentinel"),
    # ... but a name before a comma and a date is no outlet without a press word
    ("Bridge collapse kills 12\n\nJane Doe, March 5, 2020\n\nThe bridge fell.", None),
    # a wire story's opening names the agency whose copy it is
    ("Senate passes climate bill\n\nWASHINGTON (AP) \u2014 The Senate passed the bill on Sunday.", "AP"),
    # a section word, a place or a date without its year is no outlet
    ("Bridge collapse kills 12\n\nPolitics | March 3, 2020\n\nThe bridge fell.", None),
    ("The tour was announced.\n\nJune 9, 2020 \u2013 Tampa, FL @ Sky Amphitheatre\n\nTickets sell fast.", None),
])
def test_outlet(text, outlet):
    assert clean_plain_text(text).outlet == outlet


@pytest.mark.parametrize("line", [
    "The Evening Post | March 3, 2020",
    "Harbour Herald \u2022 March 6, 2020",
    "The Evening Post, 5 March 2020",
    # a name that may be a writer's or an outlet's: the date is taken all the same
    "Jane Doe, March 5, 2020",
    "Harbour Voice, 5 March 2020",
    # how old the page was when it was copied
    "March 5, 2020 / 12:03 AM / 4 years ago",
    # the date in figures, month first as American sites write it
    "3/5/2020",
])
def test_outlet_and_date_line_dates_the_article(line):
    doc = clean_plain_text(f"Bridge collapse kills 12\n\n{line}\n\nThe bridge fell on Tuesday.")
    assert doc.published_at is not None and doc.published_at.year == 2020
    assert doc.published_source == "dateline"
    assert [b.text for b in doc.body] == ["The bridge fell on Tuesday."]


@pytest.mark.parametrize("text", [
    "Last Updated: April 23, 10:42:16PM ET\n\nCouncil Approves New Stadium\n\nThe council voted 7-2.",
    "Live results\nUpdated: April 23, 10:42PM ET\n\nCouncil Approves New Stadium\n\nThe council voted 7-2.",
])
def test_banner_time_stamp_gives_no_date(text):
    doc = clean_plain_text(text)
    assert doc.published_at is None
    assert doc.title == "Council Approves New Stadium"


def test_a_line_that_is_published_then_updated_dates_by_the_first():
    doc = clean_plain_text("Bridge reopens\n\nPublished 6:02 p.m. ET Aug. 14, 2023 | Updated 8:15 p.m. ET "
                           "Aug. 15, 2023\n\nThe bridge reopened to traffic on Monday.")
    assert (doc.published_at.date(), doc.published_source) == (datetime(2023, 8, 14).date(), "publication_notice")


def test_a_section_menu_is_no_headline_and_a_headline_over_its_standfirst_is_split():
    doc = clean_plain_text("News | Local | Sports | Opinion\n\nBridge reopens two years after collapse\n"
                           "Repairs cost $48 million, more than double the estimate\n\n"
                           "The bridge reopened to traffic on Monday, two years after it collapsed.")
    assert doc.title == "Bridge reopens two years after collapse"
    assert [b.text for b in doc.body] == ["The bridge reopened to traffic on Monday, two years after it collapsed."]
    assert [(b.label, b.rule) for b in doc.blocks][0] == (SITE_CHROME, "section_menu")


@pytest.mark.parametrize("line, published", [
    ("2/1/2014", (2014, 2, 1)),
    ("25/1/2014", (2014, 1, 25)),  # the first number is no month: the day comes first
])
def test_a_date_in_figures_dates_the_article(line, published):
    doc = clean_plain_text(f"Bridge reopens\n\n{line}\n\nThe bridge reopened to traffic on Monday.")
    assert (doc.published_at.year, doc.published_at.month, doc.published_at.day) == published


def test_a_photo_credit_in_capitals_with_one_slash_is_a_credit():
    doc = clean_plain_text("Owner charged\n\nThe owner of the building was charged on Friday with arson.\n\n"
                           "THE BLADE/DAVE ZAPOTOSKY\n\nHe was held in the county jail over the weekend.")
    assert [(b.label, b.rule) for b in doc.blocks if b.text == "THE BLADE/DAVE ZAPOTOSKY"] == [
        (CREDIT, "photo_credit_slashes")]


@pytest.mark.parametrize("head, title", [
    # a sentence-case line under the headline is its standfirst, whatever stands between
    ("George Michael postmortem is inconclusive, say police\n\nThis article is more than 3 years old\n\n"
     "More tests to be carried out after the singer was found dead at home on Christmas Day",
     "George Michael postmortem is inconclusive, say police"),
    # a time stamp is no headline, nor a wire dateline with its city
    ("October 10th, 2013\n\n03:48 PM ET\n\nEx-Detroit mayor gets 28 years", "Ex-Detroit mayor gets 28 years"),
    ("Yahoo CEO out, board settles with investor\n\nSAN FRANCISCO Sun May 13, 2012 6:26pm EDT",
     "Yahoo CEO out, board settles with investor"),
    # bulleted menu items and a bulleted byline below the headline
    ("Suspect in custody after shooting that left 5 dead\n\n  \u2022 Author: Jane Doe, The Washington Post\n"
     "  \u2022 Published September 24, 2016", "Suspect in custody after shooting that left 5 dead"),
    ("Ex-New Orleans mayor Ray Nagin convicted of taking bribes\n\n5:38 PM, Feb 12, 2014   |    comments\n"
     "  \u2022 Share\nFormer Mayor Ray Nagin", "Ex-New Orleans mayor Ray Nagin convicted of taking bribes"),
])
def test_the_headline_of_a_copy_with_its_furniture(head, title):
    doc = clean_plain_text(f"{head}\n\nThe former mayor was convicted on Wednesday of taking bribes from "
                           "city contractors while he was in office.")
    assert doc.title == title
    assert doc.published_at is None or doc.published_at.year in (2012, 2013, 2014, 2016)


def test_a_live_posts_headline_glued_to_its_time_stamp_gives_the_date():
    doc = clean_plain_text("Manager sacked by the clubpublished at 08:39 British Summer Time 22 April 2014\n"
                           "After 10 months in charge, the manager has been sacked by the club this morning.")
    assert (doc.published_at.year, doc.published_at.month, doc.published_at.day) == (2014, 4, 22)
    assert [b.text for b in doc.body] == ["After 10 months in charge, the manager has been sacked by the club "
                                          "this morning."]


def test_an_appeal_for_money_is_furniture_and_the_story_glued_to_it_stays():
    lede = ("Two men have died after a Tesla with no one at the wheel crashed into a tree and burst into flames, "
            "police have said.")
    doc = clean_plain_text("Tesla crash leaves two dead\n\n"
                           "At such a critical moment, we need reporters on the ground. Your donation allows us to "
                           "keep sending journalists to speak to both sides of the story.\n\n"
                           f"Your support makes all the difference.{lede}\n\n"
                           "The incident took place late on Saturday evening in Spring, Texas, north of Houston.")
    assert [b.text for b in doc.body] == [lede, "The incident took place late on Saturday evening in Spring, "
                                                "Texas, north of Houston."]


def test_a_caption_repeated_without_its_credit_is_a_caption():
    caption = "Scene of a deadly train derailment, Wednesday, May 13, 2015, in Philadelphia."
    doc = clean_plain_text(f"Train derails\n\nThe train derailed on Tuesday night, killing seven people on board.\n\n"
                           f"{caption}   (AP Photo/Pat Doe)\n\n{caption}\n\n(AP Photo/Pat Doe)\n\n"
                           "Investigators said the train was going twice the speed limit into the curve.")
    assert caption not in [b.text for b in doc.body]
    assert len(doc.body) == 2


def test_a_wrapped_paragraph_stays_whole():
    doc = clean_plain_text("Bridge reopens\n\nThe bridge reopened to traffic on Monday, two years after a\n"
                           "span collapsed into the river during rush hour.")
    assert [b.text for b in doc.body] == ["The bridge reopened to traffic on Monday, two years after a\n"
                                          "span collapsed into the river during rush hour."]


def test_a_copy_with_one_paragraph_on_each_line_gives_one_block_per_line():
    first = ("The bridge reopened to traffic on Monday, two years after a span collapsed into the river "
             "during rush hour and killed three drivers.")
    second = '"We are proud of the crews," Mayor Ana Ruiz said at the ribbon cutting on the east bank.'
    doc = clean_plain_text(f"Bridge reopens\n\n{first}\n{second}\nRepairs cost $48 million.")
    assert [b.text for b in doc.body] == [first, second, "Repairs cost $48 million."]


@pytest.mark.parametrize("article", [SPORT, POLITICS, BUSINESS, MUSIC, WIRE])
def test_blocks_cover_the_text_once_in_order(article):
    doc = clean_plain_text(article)
    joined = "".join(b.text for b in doc.blocks)
    assert "".join(joined.split()) == "".join(normalize_text(article).text.split())
    assert all(b.label in BLOCK_LABELS and b.rule for b in doc.blocks)


@pytest.mark.parametrize("raw", [
    SPORT,
    BUSINESS,
    "Rates\u00a0Rise Again\r\n\r\nThe bank\u200b raised rates.\r\n\r\nCafe\u0301 owners said prices rose.",
    "Glued sentences are split.Then the text goes on.\n\n  Indented paragraph here.  ",
])
def test_offsets_point_at_the_block_in_raw(raw):
    for b in clean_plain_text(raw).blocks:
        assert 0 <= b.char_start <= b.char_end <= len(raw)
        assert normalize_text(raw[b.char_start:b.char_end]).text.strip() == b.text


@pytest.mark.parametrize("raw", [
    "",
    "   \n\n \t \n",
    "Leave a Reply\n\nShare this\n\nAdvertisement",
    "By\n\nBy \n\nFrom\n\n“",
    "\x00\x01\ufffd\ud800 binary \xff junk \u202e",
    "\"unbalanced “quotes ‘everywhere",
    "x" * 1_000_000,
    "word " * 200_000,
    "Title Case Line\n" * 20_000,
])
def test_never_raises(raw):
    doc = clean_plain_text(raw)
    for b in doc.blocks:
        assert 0 <= b.char_start <= b.char_end <= len(raw)


@pytest.mark.parametrize("last, label, rule", [
    # the writer's note under the story
    ("Julius Marsh is an LA Entertainment Reporter for Fox News.", BYLINE, "author_bio"),
    ("Pamela Wilson is an online educator, author, keynote speaker and business coach.", BYLINE, "author_bio"),
    # a sentence of the story about somebody's job
    ("He is a reporter who has covered the harbour for a decade.", BODY, "prose"),
])
def test_a_writers_note_at_the_end_is_a_byline(last, label, rule):
    text = f"{BUDGET_BEFORE}\n\n{BUDGET_AFTER}\n\n{last}"
    assert labelled(text)[last] == (label, rule)


@pytest.mark.parametrize("middle", [
    "Ruth Kell is a reporter for the Daily Ledger, and she broke the story of the harbour budget in May.",
])
def test_a_writers_note_in_the_middle_of_the_story_stays_body(middle):
    text = "\n\n".join([BUDGET_BEFORE, middle, BUDGET_AFTER, "The vote is in May.", "Nobody objected."])
    assert labelled(text)[middle] == (BODY, "prose")


def test_only_furniture_has_no_body():
    doc = clean_plain_text("Leave a Reply\n\nShare this\n\nAdvertisement")
    assert doc.body == []
    assert [b.label for b in doc.blocks] == [CALL_TO_ACTION, CALL_TO_ACTION, SITE_CHROME]


PAGE_DUMP = "\n\n".join([
    "Our website uses cookies to improve its performance. By continuing to use this site you agree to our cookie policy.",
    "Council Approves Harbor Budget",
    "The Harbor City council approved a $2.1 billion budget on Tuesday after a long debate, officials said.",
    "4553",
    "The plan raises spending on transit by 12 percent and freezes property taxes for a second year.",
    "Two firefighters injured in warehouse blaze downtown",
    "School board delays vote on later start times",
    "Mayor names new police chief after national search",
    "\"This budget keeps our promises,\" Mayor Ana Ortiz said.",
    "Share on Facebook",
    "Tags",
    "budget city hall",
])


@pytest.mark.parametrize("text, label, rule", [
    ("Our website uses cookies to improve its performance. By continuing to use this site you agree to our "
     "cookie policy.", SITE_CHROME, "cookie_notice"),
    ("4553", SITE_CHROME, "no_words"),
    ("Two firefighters injured in warehouse blaze downtown", RELATED_LINK, "headline_list"),
    ("School board delays vote on later start times", RELATED_LINK, "headline_list"),
    ("budget city hall", SITE_CHROME, "after_last_sentence"),
])
def test_page_dump_furniture(text, label, rule):
    doc = clean_plain_text(PAGE_DUMP)
    block = next(b for b in doc.blocks if b.text == text)
    assert (block.label, block.rule) == (label, rule)
    body = [b.text for b in doc.body]
    assert body[-1] == "\"This budget keeps our promises,\" Mayor Ana Ortiz said."
    assert len(body) == 3


@pytest.mark.parametrize("head, published, source", [
    # the page's own notice of its date beats a date printed at its top (the day it was copied)
    ("August 18, 2017\n\nBridge reopens two years after its collapse\n\nThis article was published 7/7/2013 (1502 days ago), so "
     "information in it may no longer be current.", (2013, 7, 7), "publication_notice"),
    ("Bridge reopens two years after its collapse\n\nThis story was published July 6, 2013 and updated July 7 and 8.",
     (2013, 7, 6), "publication_notice"),
    # a "Published" label beats a date at the top (the day the page was copied)
    ("Friday 19 December 2014\n\nBridge reopens two years after its collapse\n\nPublished 19/04/2014 | 02:30",
     (2014, 4, 19), "publication_notice"),
    ("Bridge reopens two years after its collapse\n\nPublished: 7:04AM Wednesday November 24, 2010 Source: ONE News",
     (2010, 11, 24), "publication_notice"),
    # "Posted on", a comment counter after the date, a date in brackets opening the first paragraph
    ("Bridge reopens two years after its collapse\n\nPosted on August 24, 2012 at 7:41am by", (2012, 8, 24),
     "publication_notice"),
    ("Bridge reopens two years after its collapse\n\nTuesday, 23 Sep, 2019 0", (2019, 9, 23), "dateline"),
    # a date stamp on the headline's line, after the agency's initials
    ("Bridge reopens two years after its collapse (AP) Updated: 2013-12-10 09:18", (2013, 12, 10), "dateline_updated"),
    # a clock without its colon, a byline glued to its date
    ("Bridge reopens two years after its collapse\n\nDecember 10, 2013 -- Updated 1348 GMT (2148 HKT)",
     (2013, 12, 10), "dateline"),
    ("Bridge reopens two years after its collapse\nPeter Allen10 December 2013", (2013, 12, 10), "dateline"),
    # a page's last update above its headline, when nothing else dates it
    ("Page last updated at 21:20 GMT, Friday, 20 November 2009\n\nBridge reopens two years after its collapse",
     (2009, 11, 20), "dateline_updated"),
    # a date stamp before the byline on one line
    ("Bridge reopens two years after its collapse\n\nUpdated: Sun, 07 Jul 2013 10:18:59 GMT | By City News, citynews.ca",
     (2013, 7, 7), "byline"),
])
def test_the_pages_notice_or_stamped_byline_dates_the_article(head, published, source):
    doc = clean_plain_text(f"{head}\n\nThe bridge reopened to traffic on Monday, officials said.")
    assert (doc.published_at.year, doc.published_at.month, doc.published_at.day) == published
    assert doc.published_source == source
    assert doc.title == "Bridge reopens two years after its collapse"
    assert [b.text for b in doc.blocks if b.label == BODY] == [
        "The bridge reopened to traffic on Monday, officials said."]


@pytest.mark.parametrize("head, author, outlet", [
    ("Bridge reopens two years after its collapse\n\nRiley Sparks and Monique Muise, The Gazette", "Riley Sparks, Monique Muise", "The Gazette"),
    ("Bridge reopens two years after its collapse\n\nUpdated: Sun, 07 Jul 2013 10:18:59 GMT | By City News, citynews.ca", None, "City News"),
])
def test_a_byline_without_by(head, author, outlet):
    doc = clean_plain_text(f"{head}\n\nThe bridge reopened to traffic on Monday, officials said.")
    assert (doc.author, doc.outlet) == (author, outlet)


def test_a_headline_printed_twice_at_the_top_is_the_title_not_a_caption():
    doc = clean_plain_text("3 confirmed dead in town explosion\n\n3 confirmed dead in town explosion\n\n"
                           "The official death toll has grown to three, police said on Sunday.")
    assert doc.title == "3 confirmed dead in town explosion"
    assert [b.label for b in doc.blocks] == [TITLE, SITE_CHROME, BODY]


@pytest.mark.parametrize("head, title", [
    # a browser's or a skip link's notice is furniture, not the story's first paragraph
    ("IE 11 is not supported. For an optimal experience visit our site on another browser.\n\n"
     "Council backs harbour budget after a long night", "Council backs harbour budget after a long night"),
    ("Please view the main text area of the page by skipping the main menu.\n\n"
     "Lawyer calls the latest arrest of Jo Doe 'hostage justice'", "Lawyer calls the latest arrest of Jo Doe "
                                                                  "'hostage justice'"),
    ("Skip to main contentSkip to navigation\n\nCouncil backs harbour budget after a long night\n\n"
     "This article is more than 11 years old", "Council backs harbour budget after a long night"),
    # skip links in the site's other language, a comment prompt, a breaking-news teaser
    ("Sari direct la conținut\n\nCouncil backs harbour budget after a long night",
     "Council backs harbour budget after a long night"),
    ("Zum Inhalt springen\n\nCouncil backs harbour budget after a long night",
     "Council backs harbour budget after a long night"),
    ("What do you think? Leave a respectful comment.\n\nCouncil backs harbour budget after a long night",
     "Council backs harbour budget after a long night"),
    ("Breaking News\n\nFormer mayor Jo Doe has been charged with fraud, police say... Find out more\n\n"
     "Council backs harbour budget after a long night", "Council backs harbour budget after a long night"),
    # the names of the page's icons copied as text, its date stamp below them, the headline twice
    ("icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon full chevron "
     "righticon closeicon editicon fbicon fileicon filtericon flag ruicon gpicon insicon mailicon moveicon-musicicon "
     "mutedicon nomutedicon okicon v-pauseicon v-playicon searchicon shareicon sign inicon sign upicon tagicon\n"
     "19 May, 2015 13:11\n\nCouncil backs harbour budget after a long night\n\n"
     "Council backs harbour budget after a long night", "Council backs harbour budget after a long night"),
    # the site's name under a follow button below the headline
    ("Missing harbour funds 'found'\n\nClick to follow\nThe Harbour Online", "Missing harbour funds 'found'"),
    # a headline whose final stop is an abbreviation's or an ellipsis
    ("Arms suspect extradited to U.S.", "Arms suspect extradited to U.S."),
    ("Doe: 'I fell onto the defender...'", "Doe: 'I fell onto the defender...'"),
    # the place after a dateline's dash leaves it a dateline, not a headline
    ("Council backs harbour budget after a long night\n\n"
     "May 16, 2014 09:08 pm | Updated November 16, 2021 07:01 pm IST - Soma, Turkey",
     "Council backs harbour budget after a long night"),
])
def test_the_headline_under_a_sites_notices(head, title):
    doc = clean_plain_text(f"{head}\n\n{BUDGET_BEFORE}\n\n{BUDGET_AFTER}")
    assert doc.title == title
    if "bookmarkicon" in head:
        assert doc.published_at is not None and doc.published_at.date() == datetime(2015, 5, 19).date()
    assert [b.label for b in doc.blocks][-2:] == [BODY, BODY]
    assert sum(b.label == BODY for b in doc.blocks) == 2


@pytest.mark.parametrize("line, label", [
    # the wires' file-photo captions, and a "photo" label glued on
    ("In this March 23, 2018, file photo, Jo Barr arrives at the premiere in Pasadena.", CAPTION),
    ("FILE - In this image released by the network, Jo Barr appears in a scene.", CAPTION),
    ("photo Mayor Jo Ford makes his way to the council chamber in Toronto on Friday.", CAPTION),
    # a credit in parentheses naming a picture agency
    ("Under fire: Toronto mayor Jo Ford (Getty Images: Carlos Osorio)", CAPTION),
    # a credit after a dash, and an agency's credit in parentheses at any length
    ("Barry, father of Reeva Steenkamp, is seen at the high court in Pretoria on Sept 12, 2014. -- PHOTO: REUTERS",
     CAPTION),
    ("Oscar Pistorius leaves the High Court in Pretoria on September 12, 2014.  (AFP: Gianluigi Guercia)", CAPTION),
    ("Al Franken, with his wife at his side, speaks to members of the media Monday outside his home in "
     "Minneapolis after the State Canvassing Board certified Franken as the winner against Republican Norm "
     "Coleman, whose lawyer promised a legal challenge that probably will keep the race in limbo for months "
     "and perhaps longer than that. (AP Photo/Dawn Villella)", CAPTION),
    # a wire's file-photo caption at any length
    ("In this file photo taken on March 11, 2019 A Boeing 737 flown by a US carrier passes by an office building "
     "as it takes off from the national airport near the capital, where a plan to ground all Boeing 737 MAX 8 "
     "and MAX 9 aircraft was announced on March 13, 2019, after a second crash in five months.", CAPTION),
    # a paywall's and a donation box's words, a newsletter's plug
    ("Your subscription will end shortly", SITE_CHROME),
    ("Please update your billing details here to continue enjoying your subscription.", SITE_CHROME),
    ("To read this article in its entirety visit the Chicago Sun-Times", SITE_CHROME),
    ("Now more than ever, your support is critical to help us keep our community informed.", CALL_TO_ACTION),
    ("Each donation will be used exclusively for the development and creation of increased news coverage.",
     CALL_TO_ACTION),
    ("The i newsletter cut through the noise", CALL_TO_ACTION),
    # a dateline with a page widget's words glued on
    ("Xinhua, April 6, 2016 Adjust font size:", DATELINE),
    # an agency's credit in parentheses after a finished sentence ends a caption
    ("A buoy is towed by a navy boat to mark where the ferry sank. (Reuters)", CAPTION),
    # a numbered list of skip links; a dateline's "Latest update" with a date in figures
    ("1. Skip to content\n  2. Skip to main menu\n  3. Skip to more sites", SITE_CHROME),
    ("Latest update : 2013-01-22", DATELINE),
])
def test_furniture_lines_of_wire_copies(line, label):
    doc = clean_plain_text(f"{BUDGET_BEFORE}\n\n{line}\n\n{BUDGET_AFTER}")
    assert [b.label for b in doc.blocks] == [BODY, label, BODY]


def test_a_line_ending_in_a_bare_agency_beside_a_caption_is_a_caption_too():
    run = ("Cranes wait near the buoys installed to mark the sunken ferry off the southern coast (AP)\n"
           "A buoy is towed by a navy boat to mark where the ferry sank. (AP)\n"
           "Relatives of passengers aboard the sunken ferry pray for their safety at a port in Jindo (AP)")
    doc = clean_plain_text(f"{BUDGET_BEFORE}\n\n{run}\n\n{BUDGET_AFTER}")
    assert [b.label for b in doc.blocks] == [BODY, CAPTION, CAPTION, CAPTION, BODY]


def test_a_teaser_cut_off_over_its_full_paragraph_is_furniture():
    full = ("Police said the 29 miners missing in a coal mine blast five days ago are presumed dead as a second "
            "explosion yesterday ended hopes of a rescue.")
    teaser = full[:full.index(" ended")] + "\u2026"
    doc = clean_plain_text(f"Miners presumed dead, say police\n\n{teaser}\n\n{full}\n\n{BUDGET_AFTER}")
    assert doc.title == "Miners presumed dead, say police"
    assert [b.text for b in doc.body] == [full, BUDGET_AFTER]
    # a paragraph that merely ends in an ellipsis stays
    doc = clean_plain_text(f"{BUDGET_BEFORE}\n\nHe paused and said he would think about it\u2026\n\n{BUDGET_AFTER}")
    assert len(doc.body) == 3


def test_a_head_block_of_dashed_items_is_split_into_its_lines():
    doc = clean_plain_text("Bridge reopens two years after its collapse\n- Posted on August 24, 2012 at 7:41am by\n"
                           "Jo Doe\n- Print \u00bb\n- Email \u00bb\n\nThe bridge reopened to traffic on Monday, "
                           "officials said.")
    assert doc.title == "Bridge reopens two years after its collapse"
    assert doc.published_at.date() == datetime(2012, 8, 24).date()
    assert [b.text for b in doc.body] == ["The bridge reopened to traffic on Monday, officials said."]


def test_a_date_in_brackets_opening_the_first_paragraph_dates_the_article():
    doc = clean_plain_text("Bridge reopens two years after its collapse\n\n(September 24, 2015) The bridge "
                           "reopened to traffic on Monday, officials said.")
    assert (doc.published_at.date(), doc.published_source) == (datetime(2015, 9, 24).date(), "body_dateline")


def test_a_sentence_opening_in_this_is_no_caption():
    doc = clean_plain_text(f"{BUDGET_BEFORE}\n\nIn this case, the court ruled for the city.\n\n{BUDGET_AFTER}")
    assert [b.label for b in doc.blocks] == [BODY, BODY, BODY]


@pytest.mark.parametrize("last, kept", [
    ("He said inquiries would follow as woul", True),          # a copy cut off in mid-sentence
    ("\u201cThis is the darkest hour,\u201d said Tony Kokshoorn, mayor of", True),
    ("Immedia", False),                                          # too little to be worth a paragraph
    ("See all the software tools used to run this site", False),  # a footer's link
    ("Related Coverage From Around The Web", False),             # a headline-shaped line
])
def test_a_last_line_cut_off_in_mid_sentence_is_the_storys_last_paragraph(last, kept):
    doc = clean_plain_text(f"{BUDGET_BEFORE}\n\n{BUDGET_AFTER}\n\n{last}")
    assert (doc.body[-1].text == last) == kept
    # the same line with more story after it is no last line: a short line there is no paragraph
    doc = clean_plain_text(f"{BUDGET_BEFORE}\n\n{last}\n\n{BUDGET_AFTER}\n\nShare this")
    assert doc.body[-1].text == BUDGET_AFTER


def test_a_date_glued_to_the_first_paragraph_dates_the_article():
    doc = clean_plain_text("Bridge reopens two years after its collapse\n"
                           "September 27, 2014The bridge reopened to traffic on Saturday, officials said.")
    assert doc.published_at == datetime(2014, 9, 27)
    assert [b.text for b in doc.blocks if b.label == BODY] == [
        "The bridge reopened to traffic on Saturday, officials said."]
