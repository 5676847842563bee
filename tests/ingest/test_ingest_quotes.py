"""Quotation families: attribution before/after, pronouns, follow-on paragraphs, misspelt surnames,
partial quotes, scare quotes, synopses, tweets and unbalanced marks."""

from __future__ import annotations

from ingest.extract import extract_article
from ingest.quotes import (
    JOIN_MAX_PARAGRAPHS,
    MAX_QUOTE_CHARS,
    PARTIAL_AFTER_PRONOUN_MIN_WORDS,
    PARTIAL_MIN_WORDS,
)


def _quotes(body: str, headline: str = "Heartstopper season 3 interview") -> list[tuple[str, str]]:
    facts = extract_article(headline + "\n" + body, "q.txt")
    return [(q.speaker, q.text) for q in facts.quotes]


INTRO = "Heartstopper star Ana Lopez, who plays Rosa Reyes, spoke to us at the premiere.\n"


def test_attribution_before_and_after_with_surname_resolution():
    got = _quotes(
        INTRO + 'Lopez revealed: "I cried when I read the first script."\n'
        '"It felt like coming home," said Ana Lopez.\n'
        "“Honestly, I still can't believe it,” laughed Lopez."
    )
    assert got == [
        ("Ana Lopez", "I cried when I read the first script."),
        ("Ana Lopez", "It felt like coming home"),
        ("Ana Lopez", "Honestly, I still can't believe it"),
    ]


def test_pronoun_attribution_means_the_last_named_speaker():
    got = _quotes(
        INTRO + '"The cast welcomed me straight away," Lopez said.\n'
        'She added: "Joe made me a playlist for my first day."\n'
        '"We filmed in Malta for a week," they explained.'
    )
    assert [s for s, _ in got] == ["Ana Lopez"] * 3


def test_quotation_spanning_three_paragraphs_is_one_quote():
    # News convention: the quotation is left open at each paragraph's end and the next paragraph opens
    # with a quote mark, so the paragraphs are one quotation, joined with a space.
    got = _quotes(
        INTRO + '"I think the season is about growing up," Lopez said. "And about who you choose to be.\n'
        '"Rosa makes mistakes, but she learns.\n'
        '"That is what I love about her."\n'
        "The series returns in October."
    )
    assert got == [
        (
            "Ana Lopez",
            "I think the season is about growing up, And about who you choose to be. Rosa makes mistakes, "
            "but she learns. That is what I love about her.",
        ),
    ]


def test_closed_quotation_then_a_new_quoted_paragraph_stays_separate():
    got = _quotes(
        INTRO + 'Lopez said: "I cried when I read the first script."\n'
        '"Then I read it again and cried more."\n'
        '"Rosa is brave," she added. "Braver than me.\n'
        '"Much braver," Lopez said, laughing.'
    )
    assert got == [
        ("Ana Lopez", "I cried when I read the first script."),
        ("Ana Lopez", "Then I read it again and cried more."),  # a follow-on paragraph, same speaker
        # '"A," she added. "B' is one quotation, and it spans two paragraphs
        ("Ana Lopez", "Rosa is brave, Braver than me. Much braver"),
    ]


def test_open_quotation_before_a_paragraph_without_a_quote_mark_ends_at_its_paragraph():
    got = _quotes(
        INTRO + 'Lopez said: "I loved every minute of it.\n'
        "The series returns in October.\n"
        '"We filmed in Malta," Lopez added.'
    )
    assert got == [("Ana Lopez", "I loved every minute of it."), ("Ana Lopez", "We filmed in Malta")]


def test_joining_paragraphs_is_bounded():
    # Ten paragraphs each left open: at most JOIN_MAX_PARAGRAPHS make one quote; the rest start anew.
    paras = "".join(f'"Part {n} of a very long answer.\n' for n in range(10))
    got = _quotes(INTRO + "Lopez said: " + paras)
    assert [text.count("Part") for _, text in got] == [JOIN_MAX_PARAGRAPHS, 10 - JOIN_MAX_PARAGRAPHS]
    assert {s for s, _ in got} == {"Ana Lopez"}
    # Long paragraphs: the joined quote stays within MAX_QUOTE_CHARS (so it is kept, not dropped).
    long = "word " * 150
    got = _quotes(INTRO + "Lopez said: " + "".join(f'"{n} {long}\n' for n in range(8)))
    assert len(got) > 1 and all(len(text) <= MAX_QUOTE_CHARS for _, text in got)
    assert sum(text.count("word") for _, text in got) == 8 * 150


def test_misspelt_surname_resolves_to_the_full_name():
    got = _quotes(
        "Creator Alice Oseman joined the panel.\n"
        '"Season three is my favourite so far," Oseaman said.\n'
        'Osman added: "There is a lot of joy in it."'
    )
    assert {s for s, _ in got} == {"Alice Oseman"}
    assert len(got) == 2


def test_speaker_with_appositive_before_the_verb():
    got = _quotes('Darius Okafor, who plays Marcus, told fans: "Marcus is very protective of Tara."')
    assert got == [("Darius Okafor", "Marcus is very protective of Tara.")]


def test_partial_quote_rule():
    body = (
        "Creator Alice Oseman joined the panel.\n"
        "Oseman noted that the season is “about the messy middle of growing up, not the neat ending”.\n"
        "Oseman also called the finale “really special” and praised the “amazing” cast."
    )
    got = _quotes(body)
    assert got == [("Alice Oseman", "about the messy middle of growing up, not the neat ending")]
    assert PARTIAL_MIN_WORDS == 6  # the rule: a partial quote needs at least six words


def test_partial_quote_after_admitting_or_insisting_is_the_subjects():
    # Family: 'Name has opened up about X, admitting she "..."': the sentence's subject said it; right after
    # the subject pronoun five words are enough, elsewhere a partial quote still needs six.
    body = (
        INTRO + "Ana Lopez has spoken about her first day on set, admitting she “was sick with nerves all "
        "morning”.\n"
        "Lopez has talked about the finale, insisting she “had never cried so much”.\n"
        # a four-word fragment is still a scare quote
        "Lopez has praised the crew, saying they were “simply the very best”.\n"
        "Lopez has said the finale will be “the wettest week of all”.\n"
    )
    got = _quotes(body)
    assert got == [
        ("Ana Lopez", "was sick with nerves all morning"),
        ("Ana Lopez", "had never cried so much"),
    ]
    assert PARTIAL_AFTER_PRONOUN_MIN_WORDS == 5


def test_scare_quotes_synopsis_and_tweets_are_not_quotes():
    got = _quotes(
        "Fans call it the “Heartstopper effect”, and the cast are a “found family”.\n"
        "“Nick and Charlie face their biggest test yet,” the official synopsis reads. “Meanwhile, Tao "
        "plans a film.”\n"
        'Netflix @netflix Season 3 is "officially in production" and we are "so excited" https://t.co/x1\n'
        '"This is a quote from nobody in particular."'
    )
    assert got == []


def test_organisation_is_not_a_person():
    got = _quotes('"We are proud of the show," Netflix said in a statement.\n"More news soon."')
    assert got == []


def test_headline_quotes_are_not_quotes():
    facts = extract_article('Ana Lopez says season 3 is "the best yet"\nShort body.', "h.txt")
    assert facts.quotes == []


def test_unbalanced_marks_do_not_swallow_the_article():
    body = (
        INTRO + 'Lopez said: "I loved every minute of it.\n'
        "The series returns in October, and Kit Connor (Nick Nelson) is back too.\n"
        '"Another quote," Lopez added.'
    )
    facts = extract_article("Headline\n" + body, "u.txt")
    assert [(q.speaker, q.text) for q in facts.quotes] == [
        ("Ana Lopez", "I loved every minute of it."),
        ("Ana Lopez", "Another quote"),
    ]
    assert ("Kit Connor", "Nick Nelson") in {(c.actor, c.character) for c in facts.cast}


def test_straight_and_curly_quotes_mixed():
    got = _quotes(INTRO + '“It was a stressful week," Lopez said. "But a happy one.”')
    assert got == [("Ana Lopez", "It was a stressful week, But a happy one.")]


def test_single_quote_marks_when_no_double_marks():
    got = _quotes(INTRO + "'You'd have to ask Netflix about that one,' Lopez said. 'I'd come back tomorrow.'")
    assert got == [("Ana Lopez", "You'd have to ask Netflix about that one, I'd come back tomorrow.")]


def test_aliases_list_the_other_spellings_seen():
    facts = extract_article(
        'Headline\nCreator Alice Oseman was there.\n"It is lovely," Oseman said.\n"I agree," Osman added.',
        "a.txt",
    )
    assert facts.aliases == {"Alice Oseman": ["Oseman", "Osman"]}


# --- Families added after the second unseen batch ---


def test_role_word_before_the_speaker_name():
    # Family: "...," creator Alice Oseman said / co-star Kit Connor added.
    got = _quotes(INTRO + '"It was a dream to write," creator Alice Oseman said.')
    assert got == [("Alice Oseman", "It was a dream to write")]


def test_pronoun_means_the_person_the_paragraph_is_about():
    # Family: a new paragraph names its subject, then quotes them with a pronoun; the previous
    # speaker is not meant.
    got = _quotes(
        INTRO + '"I loved it," Lopez said.\n'
        "The show's director, Sam Oduya, who has directed every episode, is calm about it. "
        '"We just make the show," he says.'
    )
    assert got == [("Ana Lopez", "I loved it"), ("Sam Oduya", "We just make the show")]


def test_a_name_after_a_preposition_is_not_the_pronouns_subject():
    got = _quotes(INTRO + 'Speaking to Jo Bell of the Radio Podcast, she said: "It was a lot of fun."')
    assert got == [("Ana Lopez", "It was a lot of fun.")]


def test_gendered_pronoun_skips_a_person_known_by_the_other_pronoun():
    # Family: two interviewees; once "he" is tied to one of them, "she" means the other.
    got = _quotes(
        "Heartstopper stars Ana Lopez and Dev Rao spoke to us.\n"
        '"It was wild," Lopez told us.\n'
        'Rao agreed. "Completely wild," he said.\n'
        '"I still think about it," she explained.'
    )
    assert got == [
        ("Ana Lopez", "It was wild"),
        ("Dev Rao", "Completely wild"),
        ("Ana Lopez", "I still think about it"),
    ]


def test_question_and_answer_transcript_lines_are_quotes():
    # Family: Q&A interviews. "Name: answer" (full name, bold surname, first name or initials) is that
    # person's direct speech; questions ("Q:", the outlet, anything ending in "?") and cast-list lines
    # are not.
    got = _quotes(
        INTRO + "Interview by Sam Hale\n"
        "Q: How did it feel to join the cast?\n"
        "Ana Lopez: Terrifying, honestly. I didn't sleep the night before.\n"
        "ATTITUDE: And now?\n"
        "**Lopez:** Now it feels like home.\n"
        "Ana: I still pinch myself.\n"
        "AL: Every single day.\n"
        "Rosa Reyes: Ana Lopez\n"
        "Sam Hale: What comes next for you?\n"
    )
    assert got == [
        ("Ana Lopez", "Terrifying, honestly. I didn't sleep the night before."),
        ("Ana Lopez", "Now it feels like home."),
        ("Ana Lopez", "I still pinch myself."),
        ("Ana Lopez", "Every single day."),
    ]


def test_partial_quote_after_an_appositive_role_before_the_name():
    # Family: "The streamer's head of drama, Jo Bell, said the film would be "..."".
    got = _quotes(
        "The streamer's head of UK drama, Jo Bell, said the film would be "
        '"the perfect ending to a story that meant so much".'
    )
    assert got == [("Jo Bell", "the perfect ending to a story that meant so much")]


def test_quotation_interrupted_by_its_attribution_is_one_quote():
    got = _quotes(
        INTRO + '"Honestly," Lopez says, pausing to think, "it was the hardest part I have ever played."\n'
        '"It was fun," she says. "Really fun."'
    )
    assert got == [
        ("Ana Lopez", "Honestly, it was the hardest part I have ever played."),
        ("Ana Lopez", "It was fun, Really fun."),
    ]


def test_own_social_posts_count_organisation_posts_do_not():
    got = _quotes(
        INTRO + '"Three years and a family for life. Thank you all," she captioned the post.\n'
        'Leo Marsh, who plays Harvey, tweeted: "that\'s a wrap on season 3!!! not crying"\n'
        'Jo Bell also marked the day, writing on X that she was "so proud of every person who made it".\n'
        'Netflix\'s official account shared a clip. "A season to remember, coming 2025," it wrote.'
    )
    assert got == [
        ("Ana Lopez", "Three years and a family for life. Thank you all"),
        ("Leo Marsh", "that's a wrap on season 3!!! not crying"),
        ("Jo Bell", "so proud of every person who made it"),
    ]


def test_long_role_noun_speaker_and_a_production_inside_the_apposition():
    got = _quotes(
        INTRO + "The Isle of Man-born star, who has been busy filming Agatha All Along, went on: "
        '"It is nice to just be myself for a day."'
    )
    assert got == [("Ana Lopez", "It is nice to just be myself for a day.")]


def test_according_to_and_a_sentence_opening_for_name_set_the_subject():
    got = _quotes(
        INTRO + "Leo Marsh, who plays Harvey, said the shoot was long.\n"
        'According to Jo Bell, it was worth it. "We cried on the last day," the creator says.\n'
        'For Lopez, the story hit home. "I moved away at eighteen too," she explains.'
    )
    assert got == [
        ("Jo Bell", "We cried on the last day"),
        ("Ana Lopez", "I moved away at eighteen too"),
    ]


def test_a_name_with_an_age_is_a_person_for_pronouns():
    got = _quotes(
        "Heartstopper season 3 feature\n"
        'Ask Mia Chen about her favourite scene. "The one on the beach, without a doubt," she says.\n'
        "It's a bright morning, and Chen, 22, is sitting next to Leo Marsh, who plays Harvey.\n"
        'For Chen, the role hit home. "I was that girl at school," she explains.',
        headline="Heartstopper: Mia Chen interview",
    )
    assert got == [
        ("Mia Chen", "The one on the beach, without a doubt"),
        ("Mia Chen", "I was that girl at school"),
    ]


def test_panel_phrasal_verbs_and_thanks_with_a_via_aside():
    got = _quotes(
        INTRO + "Co-star Mia Chen, who plays Darcy, joined her on stage.\n"
        'Chen chimed in: "We text each other all day, every single day."\n'
        'Producer Hugo Brennan, via a post on Instagram, thanked the crew: "Three seasons and one lucky '
        'producer."\n'
    )
    assert got == [
        ("Mia Chen", "We text each other all day, every single day."),
        ("Hugo Brennan", "Three seasons and one lucky producer."),
    ]


def test_gesture_sentence_before_a_quotation_attributes_it():
    got = _quotes(
        INTRO + 'Asked whether she will miss the show, Lopez laughs. "Ask me again in about ten years."\n'
        'The room went quiet. "Nobody expected that ending at all," a fan whispered.\n'
    )
    assert got == [("Ana Lopez", "Ask me again in about ten years.")]


TWO_STARS = "Heartstopper stars Ana Lopez and Dev Rao spoke to us before the finale.\n"


def test_short_sentence_about_a_person_before_a_quotation_attributes_it():
    # Family: the quotation follows a short sentence whose subject is a known person (full name, surname
    # or pronoun) doing something that is not a speech verb.
    got = _quotes(
        TWO_STARS + '"It was wild," Lopez told us.\n'
        'Rao grins at the memory. "We barely slept for a week."\n'
        'Ana Lopez shakes her head when she hears that. "He slept more than anyone."\n'
        'When asked about the "curse" of final seasons, Rao rolls his eyes. "There is no curse, honestly.\n'
        'He shrugs off the next question. "Ask me again next year."\n'
    )
    assert got == [
        ("Ana Lopez", "It was wild"),
        ("Dev Rao", "We barely slept for a week."),
        ("Ana Lopez", "He slept more than anyone."),
        ("Dev Rao", "There is no curse, honestly."),
        ("Dev Rao", "Ask me again next year."),
    ]


def test_descriptive_sentence_rule_is_bounded():
    # Two people, a long sentence, or no known person: the quotation has no speaker and is dropped.
    got = _quotes(
        TWO_STARS + '"It was wild," Lopez told us.\n'
        'Rao hugs Lopez backstage. "What a team we are."\n'
        "Lopez has spent the last three summers filming in Kent with the very same crew. "
        '"It never gets old."\n'
        'The whole crew laughs. "Every single time."\n'
    )
    assert got == [("Ana Lopez", "It was wild")]


def test_a_long_reported_speech_sentence_lends_its_subject_to_the_quotation_after_it():
    # Family: "X added that <reported speech>. "..."": the quotation goes on in X's own words, however long
    # the reported sentence; a long sentence that reports nothing still lends no one (test above).
    got = _quotes(
        TWO_STARS + '"It was wild," Lopez told us.\n'
        "Rao added that the production had kept almost every one of the series' heads of department for the "
        'final run. "We have the same families behind the camera as in front of it."\n'
        "He explained that the last week of filming had been the hardest of his whole career so far, by a "
        'long way. "I cried every single day of it."\n'
    )
    assert got == [
        ("Ana Lopez", "It was wild"),
        ("Dev Rao", "We have the same families behind the camera as in front of it."),
        ("Dev Rao", "I cried every single day of it."),
    ]


def test_pronoun_opening_a_paragraph_means_the_previous_paragraphs_subject():
    # Family: a paragraph about one person (no quotation) and then "He told us:" means that person, not
    # the last speaker; a gendered pronoun that does not fit them falls back to the usual rules.
    got = _quotes(
        TWO_STARS + '"The finale wrecked me," Lopez said.\n'
        "Rao, 24, has spent the summer filming a thriller in Glasgow.\n"
        'He told us: "I miss the Heartstopper crew every day."\n'
        "Rao will also appear in a stage play next spring.\n"
        'She added: "Dev is going to be brilliant in it."\n'
    )
    assert got == [
        ("Ana Lopez", "The finale wrecked me"),
        ("Dev Rao", "I miss the Heartstopper crew every day."),
        ("Ana Lopez", "Dev is going to be brilliant in it."),
    ]


def test_previous_paragraph_rule_needs_exactly_one_subject_and_no_quotation():
    got = _quotes(
        TWO_STARS + '"Surfing nearly broke me," Rao said.\n'
        "Lopez and Rao both learned to surf in Cornwall.\n"
        'They added: "The water was freezing."\n'
        "The crew threw a surprise party for Lopez.\n"
        'He told us: "Best night of the whole shoot."\n'
    )
    assert got == [
        ("Dev Rao", "Surfing nearly broke me"),
        ("Dev Rao", "The water was freezing."),
        ("Dev Rao", "Best night of the whole shoot."),
    ]


# Family: '"A," X said. "B."' is ONE quotation (the convention every annotator used): the short attribution
# clause between two quotations in one paragraph is not text; both parts are kept verbatim (A's final
# comma stays, whatever B opens with: a person's words are never altered).
def test_quotation_around_a_short_attribution_clause_is_one_quote():
    got = _quotes(
        INTRO + "“We shot the lake scene at dawn,” says Lopez. “It was freezing, and I loved it.”\n"
        "Lopez grins. “I cried at the read-through,” she admits, blushing. “Twice.”\n"
        "“Was it hard?” she asks herself. “Of course it was.”\n"
        '"I think," Lopez told us, "that it made us closer."'
    )
    assert got == [
        ("Ana Lopez", "We shot the lake scene at dawn, It was freezing, and I loved it."),
        ("Ana Lopez", "I cried at the read-through, Twice."),
        ("Ana Lopez", "Was it hard? Of course it was."),
        ("Ana Lopez", "I think, that it made us closer."),
    ]


def test_joined_quotation_with_a_role_noun_and_an_aside_and_a_paragraph_continuation():
    got = _quotes(
        INTRO + "“It was a long shoot,” says the actress, who turned 24 in May. “Nine weeks in Malta.\n"
        "“And every one of them was worth it.”\n"
        "The series returns in October."
    )
    assert got == [
        ("Ana Lopez", "It was a long shoot, Nine weeks in Malta. And every one of them was worth it."),
    ]


def test_attribution_join_is_bounded_and_conservative():
    got = _quotes(
        INTRO + "Heartstopper newcomer Ben Okafor, who plays Sam, also spoke to us.\n"
        # a long narrative sentence between the quotations: two quotes
        "“I loved it,” Lopez said after she had finished signing a very long line of autographs for the "
        "fans who had waited outside all afternoon. “Every minute.”\n"
        # the clause names another person: two quotes
        "“We made it,” Lopez told Ben Okafor. “Now get some sleep.”\n"
        # the second quotation has its own, different speaker: two quotes
        "“You were brilliant,” Lopez said. “So were you,” said Okafor."
    )
    assert ("Ana Lopez", "I loved it") in got
    assert ("Ana Lopez", "We made it") in got
    assert ("Ana Lopez", "You were brilliant") in got
    assert ("Ben Okafor", "So were you") in got
    assert not any(("Every minute" in t and "I loved it" in t) or "made it. Now" in t for _, t in got)


# Family: a descriptor instead of a name ('The Bridgerton actress, who ..., said:', 'the star laughed:',
# '"...," the 19-year-old told us.') means the person the text was just talking about, not the last quoted
# speaker, nor a name inside a who-clause about another production; an age must fit; ambiguous -> no quote.
CARPET = (
    "Heartstopper star Ana Lopez, who plays Rosa Reyes, arrived with Sam Ortiz, who plays Leo Park.\n"
    '"It is a huge night for all of us," Ortiz said.\n'
)


def test_descriptor_speaker_is_the_person_just_described():
    got = _quotes(
        CARPET + "Ana Lopez glittered in a gold jumpsuit as she posed for photographers.\n"
        "The Bridgerton actress, who starred opposite Nicola Coughlan last year, told us: "
        '"Rosa finally gets to be angry this season."\n'
        'She added: "I loved every minute of it."'
    )
    assert got == [
        ("Sam Ortiz", "It is a huge night for all of us"),
        ("Ana Lopez", "Rosa finally gets to be angry this season."),
        ("Ana Lopez", "I loved every minute of it."),
    ]


def test_descriptor_star_after_a_first_name_sentence():
    got = _quotes(
        CARPET + '"Leo grows up a lot," Lopez said.\n'
        "The streamer has not confirmed a fourth season, and Sam would not be drawn on it.\n"
        'Pressed on the future, the star grinned: "No idea at all. Ask the writers!"'
    )
    assert got[-1] == ("Sam Ortiz", "No idea at all. Ask the writers!")


def test_age_descriptor_skips_a_person_of_another_age():
    got = _quotes(
        "Heartstopper premiere: the cast reunite\n"
        "Ana Lopez, 19, and Sam Ortiz, 22, led the cast on the carpet.\n"
        "Lopez, who plays Rosa Reyes, signed autographs for an hour.\n"
        '"Best night of my life, honestly," the 19-year-old told us. "I cried twice."\n'
        "Ortiz, who plays Leo Park, waved to the crowd.\n"
        '"I still get nervous at these things," the 19-year-old admitted.'
    )
    assert got == [
        ("Ana Lopez", "Best night of my life, honestly, I cried twice."),
        ("Ana Lopez", "I still get nervous at these things"),
    ]


def test_descriptor_with_two_people_just_named_is_left_out():
    got = _quotes(
        CARPET + "Lopez and Ortiz posed for photos with fans for almost an hour.\n"
        '"We never expected any of this," the star said.'
    )
    assert got == [("Sam Ortiz", "It is a huge night for all of us")]


# Family: a role or title before the name after the quote ('"...," said owner Maria Delgado.'): the speaker
# is the full name after the title words; a preposition is not a title.
def test_title_words_before_the_name_after_the_quote():
    got = _quotes(
        "Fans queue for the new Heartstopper season\n"
        '"We sold out in an hour," said shop manager Priya Raman.\n'
        "“Bring tissues, lots of them,” says local librarian Tom Hale. “You will need them.”\n"
        '"Every episode went through me," said series director Jane Roe.\n'
        '"The reaction has been overwhelming," said a Netflix spokesperson.'
    )
    assert got == [
        ("Priya Raman", "We sold out in an hour"),
        ("Tom Hale", "Bring tissues, lots of them, You will need them."),
        ("Jane Roe", "Every episode went through me"),
    ]


# Family: a name inside the quotation (a vocative) never beats the attribution outside it, whatever the
# speech verb ('"That's rich, Ana," Ortiz objects.'): a quotation closing on a comma, then just a name or
# pronoun and one verb, is attributed to that name.
def test_vocative_inside_the_quote_loses_to_the_attribution():
    got = _quotes(
        CARPET + '"Rosa grows up a lot this season," Lopez said.\n'
        "“Don’t listen to him, Ana,” Ortiz objects. “She was brilliant all season.”\n"
        "“Nice try, Sam,” Lopez retorted.\n"
        "“You were late again, Lopez,” Ortiz teases.\n"
        "“Honestly, Sam, stop,” Lopez snorts, rolling her eyes."
    )
    assert got[2:] == [
        ("Sam Ortiz", "Don’t listen to him, Ana, She was brilliant all season."),
        ("Ana Lopez", "Nice try, Sam"),
        ("Sam Ortiz", "You were late again, Lopez"),
        ("Ana Lopez", "Honestly, Sam, stop"),
    ]


# Family: a partial quotation inside reported speech that ends its sentence belongs to that sentence's
# subject, not to the subject of the next sentence ('X added that she was "...". Y said he was delighted.').
def test_partial_quote_ending_its_sentence_is_not_the_next_sentences():
    got = _quotes(
        CARPET + "Ortiz said that the finale was “the best thing any of us have ever been part of.” "
        "Lopez said she agreed.\n"
        "Lopez admitted she had been “terrified of letting the book’s readers down, every single day.” "
        "Ortiz laughed at that."
    )
    assert got[1:] == [
        ("Sam Ortiz", "the best thing any of us have ever been part of."),
        ("Ana Lopez", "terrified of letting the book’s readers down, every single day."),
    ]


QA_INTRO = (
    "Heartstopper star Ana Lopez, who plays Rosa Reyes, and Dev Rao, who plays Theo Park, sat down with us.\n"
)


def test_upper_case_transcript_labels_name_the_person_and_outlet_labels_are_questions():
    # Family: magazine transcripts label answers with the speaker in capitals ("ANA LOPEZ:", later just
    # "RAO:") or title case ("Lopez:"); the outlet's own label ("THE MAGAZINE:", "INTERVIEWER:") is a
    # question, never a quote.
    got = _quotes(
        QA_INTRO + "THE MAGAZINE: What surprised you most about the first week?\n"
        "ANA LOPEZ: How quickly it became a family. We had a group chat by lunchtime.\n"
        "DEV RAO: Same for me, honestly. The first week flew by.\n"
        "INTERVIEWER: Dev, was the night shoot hard on everyone?\n"
        "RAO: Freezing, mostly. Nobody warned me about the wind.\n"
        "MAG: And the last day on set felt like what, exactly\n"
        "Lopez: I loved every cold minute of it.\n"
    )
    assert got == [
        ("Ana Lopez", "How quickly it became a family. We had a group chat by lunchtime."),
        ("Dev Rao", "Same for me, honestly. The first week flew by."),
        ("Dev Rao", "Freezing, mostly. Nobody warned me about the wind."),
        ("Ana Lopez", "I loved every cold minute of it."),
    ]


def test_unlabelled_paragraph_between_an_answer_and_the_next_label_continues_the_answer():
    # Family: a long answer runs on into unlabelled paragraphs until the next label; the paragraph after
    # the transcript's last answer (no label follows) is the writer's again. A quotation inside an answer
    # ('someone yelled "Rosa!"') is part of it, not a separate quote.
    got = _quotes(
        QA_INTRO + "THE MAGAZINE: Dev, how did the beach scenes go?\n"
        "RAO: Badly at first. I kept laughing in every take.\n"
        'Then a man walking his dog yelled "Rosa!" at Ana and we all lost it again.\n'
        "THE MAGAZINE: Ana, what comes next for you?\n"
        "ANA LOPEZ: A play in Manchester, and a very long nap.\n"
        "Season 3 of Heartstopper is streaming on Netflix now.\n"
    )
    assert got == [
        (
            "Dev Rao",
            'Badly at first. I kept laughing in every take. Then a man walking his dog yelled "Rosa!" at '
            "Ana and we all lost it again.",
        ),
        ("Ana Lopez", "A play in Manchester, and a very long nap."),
    ]


def test_a_name_label_after_a_question_is_a_transcript_answer_even_for_a_name_only_mentioned():
    # Family: an interview transcript whose subjects the article only mentions ("I met Lopez and Rao") and
    # never credits or quotes otherwise: a name label on the paragraph right after a question is their
    # answer, and later surname labels resolve to them; a question paragraph ends an answer.
    got = _quotes(
        "Ana Lopez and Dev Rao are done being the new kids\n"
        "I met Ana Lopez and Dev Rao in Soho the week before the premiere.\n"
        "Was it different going back?\n"
        "Dev Rao: Completely. The bubble popped, basically.\n"
        "Ana Lopez: And they were incredibly respectful about it.\n"
        "Rao: I did not get lost. I was exploring.\n"
        "The director is back for season two. What does he do that others don't?\n"
        "Lopez: He makes it feel small, even in a crowd.\n"
    )
    assert got == [
        ("Dev Rao", "Completely. The bubble popped, basically."),
        ("Ana Lopez", "And they were incredibly respectful about it."),
        ("Dev Rao", "I did not get lost. I was exploring."),
        ("Ana Lopez", "He makes it feel small, even in a crowd."),
    ]
    # A cast guide's "Name: description" lines follow no question: nobody speaks.
    assert _quotes("Ana Lopez stars as Rosa.\nRosa Reyes: the new girl at school, and trouble.\n") == []


def test_a_quotation_paragraph_after_a_paragraph_about_another_person_is_theirs():
    # Family: the last quote was Lopez's, then a paragraph about Rao alone (a question opening with an
    # auxiliary, "Does Rao ...?", then "He pauses."); the bare quotation that follows is Rao's answer.
    got = _quotes(
        TWO_STARS + '"We barely slept," Rao said.\n'
        '"It was the best summer of my life," Lopez said.\n'
        "Does Rao think he will ever play Theo again? He pauses for a long time.\n"
        '"Never say never. But if this is it, I am at peace."\n'
        '"I owe that boy everything."\n'
    )
    assert got == [
        ("Dev Rao", "We barely slept"),
        ("Ana Lopez", "It was the best summer of my life"),
        ("Dev Rao", "Never say never. But if this is it, I am at peace."),
        ("Dev Rao", "I owe that boy everything."),
    ]


def test_anonymous_posters_are_nobody_and_break_the_same_speaker_chain():
    # Family: fan reactions. "one viewer posted", "Somebody else shared ... alongside the words:", "A second
    # simply commented:", "said one especially angry reply" name nobody: no quote, and a quotation paragraph
    # after them does not fall back to the last named speaker.
    got = _quotes(
        INTRO + '"Rosa is the best thing I have ever played," Lopez said.\n'
        '"Crying at my desk over this, send help," one viewer posted on Threads.\n'
        '"Same here, I have not stopped rewatching the last scene."\n'
        'Somebody else shared a clip of the finale with its soundtrack alongside the words: "Ten out of '
        'ten, no notes at all."\n'
        'A second simply commented: "Give this whole cast every award going."\n'
        '"Rosa deserved so much better in episode four," said one especially angry reply.\n'
        'Others were kinder. "What a gift this show has been to all of us," a longtime reader tweeted.\n'
    )
    assert got == [("Ana Lopez", "Rosa is the best thing I have ever played")]


def test_vox_pop_people_with_one_name_are_speakers_and_pronouns_stay_with_them():
    # Family: vox pops. "Priya, 15, from Cardiff, ... says" and "student Callum" are people though they have
    # one name; the "she says" right after means Priya, not the star quoted before her.
    got = _quotes(
        INTRO + '"It changed my life," Lopez said.\n'
        "Outside the cinema, the queue stretched round the block.\n"
        "Priya, 15, from Cardiff, who queued for four hours, says the film made her feel seen.\n"
        '"I brought my mum and she cried more than I did," she says.\n'
        'Drama student Callum, who travelled from Derby, was just as keen. "Best night of my whole year," '
        "he said.\n"
    )
    assert got == [
        ("Ana Lopez", "It changed my life"),
        ("Priya", "I brought my mum and she cried more than I did"),
        ("Callum", "Best night of my whole year"),
    ]


def test_a_character_given_an_age_in_a_synopsis_is_not_a_vox_pop():
    got = _quotes(
        INTRO + "In the new season Rosa, 16, falls for the new girl at school.\n"
        '"She is braver than I ever was," Lopez said. "I admire her."\n'
    )
    assert got == [("Ana Lopez", "She is braver than I ever was, I admire her.")]


def test_headline_name_colon_quotation_is_that_persons_quote():
    # Family: "Outlet's Name: 'quotation'" headlines. The quotation (4+ words, single or double marks) is the
    # named person's; a short tag, two people, an unknown name or the same words in the body are not.
    body = INTRO + '"We shot the whole finale in the rain," Lopez said.\n'
    assert _quotes(body, headline="Heartstopper's Ana Lopez: 'Rosa taught me to stop apologising'") == [
        ("Ana Lopez", "Rosa taught me to stop apologising"),
        ("Ana Lopez", "We shot the whole finale in the rain"),
    ]
    assert _quotes(body, headline="Ana Lopez: “I still cannot believe this happened to me”") == [
        ("Ana Lopez", "I still cannot believe this happened to me"),
        ("Ana Lopez", "We shot the whole finale in the rain"),
    ]
    for headline in (
        "Ana Lopez: 'So much rain'",  # a tag, not a statement
        "Ana Lopez and Dev Rao: 'We were kids when this started'",  # two people
        "Heartstopper season 3: 'The best one yet, without a doubt'",  # nobody
        "Ana Lopez: 'We shot the whole finale in the rain'",  # the body's quote, once
    ):
        assert _quotes(body, headline=headline) == [("Ana Lopez", "We shot the whole finale in the rain")]


def test_joined_quotation_around_an_attribution_with_a_who_clause_is_one_quote():
    # Family: '"A," Name, who <long aside>, told <outlet>. "B."': the who-clause does not count against
    # the short-attribution limit.
    got = _quotes(
        "Dev Rao joins the cast this year.\n"
        '"When I first read the script I was terrified," Dev Rao, who plays the anxious new boy in the '
        'third season, told The Local Gazette. "Now I cannot imagine anyone else doing it."'
    )
    assert got == [
        (
            "Dev Rao",
            "When I first read the script I was terrified, Now I cannot imagine anyone else doing it.",
        )
    ]


def test_a_title_line_quotation_is_the_named_persons_quote():
    facts = extract_article(
        "date 2024-05-02\ntitle: Kit Connor: 'We were all so nervous on the very first day'\n\n"
        "Kit Connor, who plays Nick Nelson, looked back on the first read-through.\n"
        '"Nobody knew each other yet," Connor said.\n',
        "t.txt",
    )
    assert ("Kit Connor", "We were all so nervous on the very first day") in {
        (q.speaker, q.text) for q in facts.quotes
    }
    # A title naming no one the article knows as a person gives no quote.
    facts = extract_article(
        "title: Netflix: 'The wait is nearly over for every fan'\n\nThe streamer teased the new season.\n",
        "t.txt",
    )
    assert facts.quotes == []


# Family: a pronoun attribution right after a sentence whose subject is one person ('Contacted by phone the
# next day, Quint is quietly proud of the show. "...," they say.') means that person, not the last speaker,
# even when the person is known only as a name (here a writer the cast rules do not list).
def test_pronoun_after_a_sentence_about_one_person_means_that_person():
    body = (
        "Ana Lopez, who plays Rosa, and Dev Rao, who plays Sam, met us in Leeds. The books were adapted "
        "for television by Mara Quint.\n"
        "Asked about a fourth season, they trade a look. “Ask the boss,” Rao says with a shrug.\n"
        "Contacted by phone the next day, Quint is quietly proud of the show. “I made it for the kids I once "
        "was,” they say. “It still surprises me.”\n"
        "Lopez sounds tired. “The shoot ran very late every single night,” she says.\n"
    )
    got = _quotes(body)
    assert ("Dev Rao", "Ask the boss") in got
    assert ("Mara Quint", "I made it for the kids I once was, It still surprises me.") in got
    assert ("Ana Lopez", "The shoot ran very late every single night") in got


def test_pronoun_after_a_sentence_about_someone_it_does_not_fit_keeps_the_last_speaker():
    body = (
        "Ana Lopez, who plays Rosa, and Dev Rao, who plays Sam, met us in Leeds.\n"
        "“The cast is like a family,” Lopez says.\n"
        "She adds: “We text each other every single day.”\n"
        "“We filmed in the rain for a week,” Rao says.\n"
        # Lopez is known as "she": the "he" is still Rao, the last speaker
        "Lopez is laughing about the finale. “It was the best week of the shoot,” he says.\n"
        # a title used whole is not a person, even as a sentence's subject
        "Rao also voices a fox in a new film. Silver Harbour is out this weekend. “It was a strange job,” "
        "he says.\n"
    )
    got = _quotes(body)
    assert ("Dev Rao", "It was the best week of the shoot") in got
    assert ("Dev Rao", "It was a strange job") in got


def test_headline_name_says_partial_quotation_is_that_persons_quote():
    # Family: "Name says/reveals/admits ... 'quoted words'" headlines (4+ words): the one known person's
    # quote, even when a longer body quotation of theirs holds the same words.
    body = INTRO + '"Honestly, filming in Malta felt like a holiday with friends," Lopez said.\n'
    headline = "Ana Lopez reveals filming in Malta felt 'like a holiday with friends'"
    assert _quotes(body, headline=headline) == [
        ("Ana Lopez", "like a holiday with friends"),
        ("Ana Lopez", "Honestly, filming in Malta felt like a holiday with friends"),
    ]
    assert ("Ana Lopez", "the kindest set I have ever worked on") in _quotes(
        body, headline="Star Ana Lopez admits season 3 was “the kindest set I have ever worked on”"
    )
    for headline in (
        "Ana Lopez says season 3 is 'the best yet'",  # three words: a tag
        "Ana Lopez and Dev Rao say the finale was 'the wettest week of our lives'",  # two people
        "Netflix says the new season is 'bigger and bolder than ever before'",  # nobody the article knows
        "Fans say Ana Lopez was 'the best thing about the whole season'",  # Lopez is not the one saying it
    ):
        assert [s for s, _ in _quotes(body, headline=headline)] == ["Ana Lopez"], headline


def test_surname_of_a_name_with_a_middle_initial_is_that_person():
    # Family: 'Mary J. Holt' / 'Tom R Blake' introduced with a middle initial, then '"...," Holt said'.
    body = (
        INTRO + "Director Mary J. Holt has been full of praise for the star.\n"
        "“Ana walked in and made the part her own,” Holt said in an interview with the Gazette. “She is "
        "the future.”\n"
        "Writer Tom R Blake agreed.\n"
        "“I knew on day one she was the one,” Blake said.\n"
        # the whole name after an inverted verb
        "“We were lucky to get her,” said Tom R Blake.\n"
        # an unknown surname with no such introduction is still nobody
        "“It is a lovely show,” Price said.\n"
    )
    got = _quotes(body)
    assert got == [
        ("Mary J. Holt", "Ana walked in and made the part her own, She is the future."),
        ("Tom R Blake", "I knew on day one she was the one"),
        ("Tom R Blake", "We were lucky to get her"),
    ]


def test_a_link_title_line_quoting_one_person_is_their_quote():
    # Family: a related-article line in headline form, "Outlet's Name on <topic>: 'quotation'" (also as a
    # headline); the same limits as a headline: 4+ words, one known person.
    body = (
        INTRO + '"We shot the whole finale in the rain," Lopez said.\n'
        "Related:\n"
        '- Heartstopper\'s Ana Lopez on the finale: "Nobody was ready for that ending"\n'
        "- Ana Lopez on fame: 'Too much'\n"  # a tag
        '- Ana Lopez and Dev Rao on Paris: "We did not sleep for a week"\n'  # two people
        '- Netflix on season 4: "More news is coming very soon"\n'  # nobody the article knows
    )
    assert _quotes(body) == [
        ("Ana Lopez", "We shot the whole finale in the rain"),
        ("Ana Lopez", "Nobody was ready for that ending"),
    ]


def test_a_link_title_with_a_misspelt_full_name_is_the_first_spelling():
    body = (
        "Creator Mara Quintero said the books were always meant to end happily.\n"
        '"I cried writing the last page," Quintero said.\n'
        "Read more:\n"
        '- Heartstopper\'s Mara Quintaro on season 4: "We are going somewhere new"\n'
    )
    assert _quotes(body) == [
        ("Mara Quintero", "I cried writing the last page"),
        ("Mara Quintero", "We are going somewhere new"),
    ]


def test_a_characters_line_of_dialogue_in_a_review_is_nobodys_quote():
    # Family (round 10): a review quotes what a character says on screen. Characters are not people, so
    # the line has no speaker, and a quotation paragraph after it does not fall back to a real person.
    body = (
        "Heartstopper stars Dev Rao as Rosa Reyes and Ana Lopez as Ben Okafor.\n"
        '"We wanted the finale to feel earned," creator Mara Quintero told us.\n'
        "The best scene comes late, when Rosa Reyes, soaked from the rain and shaking, tells her mother, "
        '"You never once asked me what I wanted."\n'
        '"I can\'t keep pretending for you," Ben Okafor says to his dad in the next episode.\n'
        '"It only works if the kids are allowed to be messy," Quintero said.\n'
    )
    got = _quotes(body)
    assert ("Mara Quintero", "We wanted the finale to feel earned") in got
    assert ("Mara Quintero", "It only works if the kids are allowed to be messy") in got
    assert [s for s, _ in got] == ["Mara Quintero", "Mara Quintero"]


def test_honorific_titles_are_not_part_of_the_speakers_name():
    # Family (round 10): local news names officials with a title ('said Cllr Ada Pryce', 'Councillor Tom
    # Vale said', 'Sir Leo Hart', 'Dr. Nia Quayle'): the speaker is the person's name; a later 'Dr Quayle'
    # is the same person.
    body = (
        "Filming took over the harbour for a week last spring.\n"
        '"The town has never been busier," said Cllr Ada Pryce.\n'
        'Councillor Tom Vale, who chairs the tourism board, said: "Bookings are up by a third."\n'
        'Sir Leo Hart added: "It is a gift to every cafe on the front."\n'
        'Dr. Nia Quayle, a local historian, said: "The pier has seen three films now."\n'
        '"Visitors keep asking where the bench is," said Dr Quayle.\n'
        '"We are thrilled for the whole town," Pryce said later.\n'
    )
    got = _quotes(body)
    assert got == [
        ("Ada Pryce", "The town has never been busier"),
        ("Tom Vale", "Bookings are up by a third."),
        ("Leo Hart", "It is a gift to every cafe on the front."),
        ("Nia Quayle", "The pier has seen three films now."),
        ("Nia Quayle", "Visitors keep asking where the bench is"),
        ("Ada Pryce", "We are thrilled for the whole town"),
    ]


QA_MARKED = (
    "Ana Lopez Is Ready For Her Close-Up\n"
    "Ana Lopez, who plays Rosa Reyes, talks about the final season.\n"
    "Lopez grew up in Leeds and joined the cast at sixteen.\n"
    '"I still can\'t believe any of it happened," Lopez says.\n'
    "This conversation has been edited for length and clarity.\n"
)


def _qa_quotes(body: str) -> list[tuple[str, str]]:
    facts = extract_article(body, "q.txt")
    return [(q.speaker, q.text) for q in facts.quotes]


def test_unmarked_answers_after_an_edited_for_clarity_line_are_the_subjects_quotes():
    # Family (round 10): after 'This interview has been edited and condensed for clarity.' the article
    # alternates questions (ending in '?') and answers without quote marks; each answer is the interview
    # subject's. An answer may run over two paragraphs before the next question; the paragraph after the
    # last answer (no question follows) is the writer's again.
    got = _qa_quotes(
        QA_MARKED + "How did the first read-through go?\n"
        "Terribly. I dropped my script twice and nobody let me forget it.\n"
        "Which scene was hardest to film?\n"
        "The rooftop one, because of the wind.\n"
        "We did it twelve times and my hair never recovered.\n"
        "And what comes after this?\n"
        "Sleep, then a play in Manchester.\n"
        "Heartstopper is streaming on Netflix now.\n"
    )
    assert got == [
        ("Ana Lopez", "I still can't believe any of it happened"),
        ("Ana Lopez", "Terribly. I dropped my script twice and nobody let me forget it."),
        (
            "Ana Lopez",
            "The rooftop one, because of the wind. We did it twelve times and my hair never recovered.",
        ),
        ("Ana Lopez", "Sleep, then a play in Manchester."),
    ]


def test_unmarked_answers_need_the_marker_and_one_subject():
    qa = "How did the first read-through go?\nTerribly. I dropped my script twice.\n"
    # No marker: questions and answers are the writer's prose.
    no_marker = QA_MARKED.replace("This conversation has been edited for length and clarity.\n", "")
    assert _qa_quotes(no_marker + qa) == [("Ana Lopez", "I still can't believe any of it happened")]
    # Two people in the headline: nobody can say whose answers these are.
    two = QA_MARKED.replace("Ana Lopez Is Ready", "Ana Lopez And Dev Rao Are Ready")
    two = two.replace("talks about", "and Dev Rao, who plays Ben Okafor, talk about")
    assert [s for s, _ in _qa_quotes(two + qa)] == ["Ana Lopez"]
    # A paragraph with a marked, attributed quotation is the writer's prose: the usual rules read it.
    prose = 'How did the first read-through go?\n"Terribly," she laughs, "I dropped my script twice."\n'
    assert _qa_quotes(QA_MARKED + prose) == [
        ("Ana Lopez", "I still can't believe any of it happened"),
        ("Ana Lopez", "Terribly, I dropped my script twice."),
    ]


def test_a_where_aside_or_a_lower_case_word_after_a_full_stop_still_joins_the_quotation():
    # Family (round 10): '"A," X says over the phone from Leeds, where she has lived since the show began.
    # "B."' is one quotation (the place aside is about the attribution, not a new sentence of the writer's);
    # so is '"A," X told them. in a statement. "B."' (a full stop before a lower-case word ends nothing).
    got = _quotes(
        INTRO + '"I was terrified on day one," Lopez says by phone from Leeds, where she has been filming '
        'a stage play for most of the autumn. "Now I miss it every morning."\n'
        '"Rosa was always the heart of it," Mara Quintero told the site. in an email. "She deserved an '
        'ending of her own."\n'
    )
    assert got == [
        ("Ana Lopez", "I was terrified on day one, Now I miss it every morning."),
        ("Mara Quintero", "Rosa was always the heart of it, She deserved an ending of her own."),
    ]


def test_a_headline_quotation_that_opens_a_body_quote_is_that_quote_once():
    # Family (round 10): the headline (here in title case) gives the first sentence of a body quotation;
    # it is the same quote, not a second one. Words from inside a longer body quote stay their own quote.
    body = INTRO + '"Rosa taught me to stop apologising. I needed that more than anyone," Lopez said.\n'
    assert _quotes(body, headline="Ana Lopez: “Rosa Taught Me to Stop Apologising”") == [
        ("Ana Lopez", "Rosa taught me to stop apologising. I needed that more than anyone"),
    ]
    assert _quotes(body, headline="Ana Lopez: 'I needed that more than anyone'") == [
        ("Ana Lopez", "I needed that more than anyone"),
        ("Ana Lopez", "Rosa taught me to stop apologising. I needed that more than anyone"),
    ]


def test_a_capitalised_gerund_phrase_is_never_a_speaker():
    # A headline 'on Guiding Rosa's Hardest Scene' reads "Guiding Rosa" as a name; "Rosa" later must not
    # make that phrase the person a pronoun or an attribution means.
    got = _quotes(
        "Showrunner Dev Mistry talks to us about the season, in which Rosa begins to lose her sight.\n"
        "He said the team had worried about how Rosa's story was told on screen.\n"
        '"We rewrote that episode four times," he said. "It had to be honest."\n'
        '"Rosa never stopped being funny," Mistry added.\n'
        '"And we kept the jokes in," said Rosa.',
        headline="Heartstopper director Dev Mistry on Guiding Rosa's Hardest Scene",
    )
    assert got == [
        ("Dev Mistry", "We rewrote that episode four times, It had to be honest."),
        ("Dev Mistry", "Rosa never stopped being funny"),
    ]


def test_a_real_first_name_ending_in_ing_is_still_a_speaker():
    got = _quotes('Producer Sterling Hayes joined the panel.\n"We never cut a kiss," said Sterling Hayes.')
    assert got == [("Sterling Hayes", "We never cut a kiss")]


def test_a_short_crosshead_in_quote_marks_is_not_the_last_speakers_quote():
    got = _quotes(
        INTRO + '"I cried on the last day," Lopez said.\n'
        "'Tears and cake'\n"
        "The series has been praised by critics.\n"
        "“Ending it felt right,” she said."
    )
    assert got == [("Ana Lopez", "I cried on the last day"), ("Ana Lopez", "Ending it felt right")]


def test_a_short_whole_paragraph_follow_on_with_a_full_stop_is_still_a_quote():
    got = _quotes(INTRO + '"Would I come back?" Lopez said.\n"In a heartbeat."')
    assert got == [("Ana Lopez", "Would I come back?"), ("Ana Lopez", "In a heartbeat.")]


def test_a_newsroom_byline_is_not_a_person_so_telling_the_outlet_still_joins_the_quotation():
    got = _quotes(
        "By Petal Staff\n"
        "Creator Ana Lopez spoke about the new season.\n"
        '"It is a story about being brave with the people you trust," Lopez tells Petal. "And about '
        'staying soft when it is hard."'
    )
    assert got == [
        (
            "Ana Lopez",
            "It is a story about being brave with the people you trust, "
            "And about staying soft when it is hard.",
        )
    ]


def test_a_profile_subject_named_in_the_headline_is_the_he_of_the_story():
    # Family: a magazine profile whose subject the headline names and whose body only ever says "he says":
    # the headline's person who opens a body sentence is a person, so the pronouns mean them.
    got = _quotes(
        "Dev Rao is apologising for the state of his dressing room. There is a hoodie on the radiator. "
        '"I am normally a lot tidier than this, I promise," he says.\n'
        "Rao is in previews on Broadway this month.\n"
        '"Theatre does not let you wait," he says.\n',
        headline="Dev Rao Is Done Playing It Safe",
    )
    assert got == [
        ("Dev Rao", "I am normally a lot tidier than this, I promise"),
        ("Dev Rao", "Theatre does not let you wait"),
    ]


def test_a_headline_quote_label_makes_its_name_the_interview_subject():
    # Family: 'Ana Lopez: "quotation"' headlines an interview that later says only "she says": the label
    # names a person; a name later in the headline ("... goodbye to Rosa: '...'") is no label.
    body = (
        "Ana Lopez arrives at a cafe with wet hair. Her co-star Dev Rao waves from across the room.\n"
        '"I still think someone will tap me on the shoulder," she says.\n'
    )
    assert _quotes(body, headline="Ana Lopez: 'I still think someone will tap me on the shoulder'") == [
        ("Ana Lopez", "I still think someone will tap me on the shoulder")
    ]


def test_relations_quoted_names_and_the_interviewer_are_not_the_speaker():
    # Family: the interview subject "she" is not the person named as her relation ("Her husband, the writer
    # X"), a name inside a quotation ('"X said to me ..."') is no later pronoun's referent, and the
    # interviewer's question ('"...?" I ask.') is nobody's quote.
    got = _quotes(
        TWO_STARS + '"It was wild," Lopez told us.\n'
        "She has got better at saying no. Her husband, the writer Sam Oak, has had a hand in that. "
        '"Sam said to me, you cannot keep saying yes to everything," she says.\n'
        '"So what makes you say yes now?" I ask.\n'
        'She thinks about it, chewing. "Whether I would want to watch it," she says.\n'
    )
    assert got == [
        ("Ana Lopez", "It was wild"),
        ("Ana Lopez", "Sam said to me, you cannot keep saying yes to everything"),
        ("Ana Lopez", "Whether I would want to watch it"),
    ]


def test_descriptors_idioms_and_spokespeople():
    # Family: "the Oscar winner said" is a descriptor for the person named before it; "puts it" is a speech
    # verb; "A spokesman for Swale Council said:" is nobody; "Student Priya Shah, 17," is Priya Shah.
    got = _quotes(
        TWO_STARS + '"It was wild," Rao told us.\n'
        "Ana Lopez, who plays Rosa Reyes, was also in attendance.\n"
        '"I just turn up and cry," the Oscar winner said of her role. "It is the best job in the world."\n'
        'Rao puts it more bluntly. "We are all exhausted, and we love it."\n'
        'A spokesman for Swale Borough Council said: "We are pleased to support this production."\n'
        'Student Priya Shah, 17, skipped school. "I have watched every season five times," she said.\n'
    )
    assert got == [
        ("Dev Rao", "It was wild"),
        ("Ana Lopez", "I just turn up and cry, It is the best job in the world."),
        ("Dev Rao", "We are all exhausted, and we love it."),
        ("Priya Shah", "I have watched every season five times"),
    ]


def test_a_short_lower_case_fragment_is_no_quote_even_with_an_attribution():
    # Family: 'the reaction was, Rao says, "a bit overwhelming."': a fragment of the writer's sentence, like
    # any partial quote, needs the partial quote's length whatever attributes it.
    got = _quotes(
        TWO_STARS + 'The reaction in the room was, Rao says, "a bit overwhelming."\n'
        'Lopez said, "and then everybody in the whole room started crying."\n'
    )
    assert got == [("Ana Lopez", "and then everybody in the whole room started crying.")]


def test_a_title_case_headline_verb_is_not_part_of_the_profiled_name():
    # "Show Adds Dev Rao, Ana Lopez": "Adds Dev Rao" is not in the body, so it names no profile subject and
    # "Rao will play" still means Dev Rao.
    facts = extract_article(
        "Heartstopper Forever Adds Dev Rao To Cast\nDev Rao will play Theo Park in the film. "
        '"I am thrilled," Rao said.\n',
        "h.txt",
    )
    assert [(c.actor, c.character) for c in facts.cast] == [("Dev Rao", "Theo Park")]
    assert [(q.speaker, q.text) for q in facts.quotes] == [("Dev Rao", "I am thrilled")]


def test_an_attribution_before_may_name_where_it_was_told():
    # Family: "As he told reporters at the Season 3 premiere in London, "..."": the audience, place and
    # occasion between the speech verb and the comma (up to ten words) do not break the attribution.
    got = _quotes(
        TWO_STARS + "Rao was just 18 when the first season came out. "
        'As he told reporters at the Season 3 premiere in London, "I still feel like the new kid."\n'
    )
    assert got == [("Dev Rao", "I still feel like the new kid.")]


def test_local_news_titles_organisations_and_anonymous_pupils():
    # Family: local news vox pops. "Headteacher Helen Ames" is Helen Ames; "Swale Borough Council leader
    # Cllr Jo Bell said the filming was "..."" is Jo Bell's partial quote, not the council's; "One Year 9
    # pupil, who asked not to be named, said:" is nobody, and a quote a paragraph later is not Jo Bell's.
    got = _quotes(
        "Headteacher Helen Ames said the school had kept the secret for months.\n"
        '"It has been the hardest secret I have ever had to keep," Ms Ames said.\n'
        'One Year 9 pupil, who asked not to be named, said: "Everyone keeps asking if I met Nick."\n'
        'Swale Borough Council leader Cllr Jo Bell said the filming was "a real boost for the local town".\n'
    )
    assert got == [
        ("Helen Ames", "It has been the hardest secret I have ever had to keep"),
        ("Jo Bell", "a real boost for the local town"),
    ]


def test_a_quoted_title_does_not_stop_a_paragraph_being_about_its_one_person():
    # 'Rao, who has since appeared in the war film "Warfare", said ...' then '"...," he said.': the title in
    # quote marks is no quotation, so the paragraph is still about Rao alone and "he" is Rao, not Lopez.
    got = _quotes(
        TWO_STARS + '"It is strange to think this is the last time," Lopez told us.\n'
        'Rao, 22, who has since appeared in the war film "Warfare", said the series had shaped his life.\n'
        '"I was 17 when we started," he said.\n'
    )
    assert got == [
        ("Ana Lopez", "It is strange to think this is the last time"),
        ("Dev Rao", "I was 17 when we started"),
    ]


def test_joined_quotation_around_a_long_appositive_attribution():
    # '"A," said Priya Shah, 19, a student who had travelled from Leeds. "B."': the age and appositive are an
    # aside, so the attribution is short and A and B are one quotation.
    got = _quotes(
        TWO_STARS + '"I was 14 when the first season came out," said Priya Shah, 19, a student who had '
        'travelled from Leeds with two friends. "Watching it with my mum was how I told her."\n'
    )
    assert got == [
        (
            "Priya Shah",
            "I was 14 when the first season came out, Watching it with my mum was how I told her.",
        ),
    ]


def test_a_pull_quote_repeated_inside_a_longer_quote_is_not_its_own():
    # A crosshead in quote marks that repeats words from a quote further down is that quote, not a second
    # one (whoever the follow-on rule would give it to).
    got = _quotes(
        TWO_STARS + '"It was wild," Rao told us.\n'
        "'I am going to cry in a supermarket'\n"
        'Reacting online, Lopez wrote: "Five awards for a little show. I am going to cry in a supermarket."\n'
    )
    assert got == [
        ("Dev Rao", "It was wild"),
        ("Ana Lopez", "Five awards for a little show. I am going to cry in a supermarket."),
    ]


def test_name_colon_lines_before_any_question_are_related_links_not_answers():
    # "Ana Lopez: Heartstopper star cast in new drama" in a related-links list is a headline, not her answer;
    # a transcript opens with a question.
    got = _quotes(
        TWO_STARS + '"It was wild," Rao told us.\nRelated\n'
        "Ana Lopez: Heartstopper star cast in a new BBC drama after the finale\n"
    )
    assert got == [("Dev Rao", "It was wild")]


def test_a_relative_clause_in_the_previous_sentence_does_not_hide_the_next_speaker():
    # '..., who directed the series. Sam Oak said he had approached it "like a film."' then '"...," he said':
    # the who-clause belongs to the sentence before, so Sam Oak is a speaker and "he" is him.
    got = _quotes(
        "The film is directed by Sam Oak, taking over from Jo Bell, who directed the series. "
        'Oak said he had approached it "like a film".\n'
        '"I wanted it to feel like the last summer before everything changes," he said.\n'
    )
    assert got == [("Sam Oak", "I wanted it to feel like the last summer before everything changes")]


def test_a_moderators_question_is_nobodys_and_a_possessor_is_no_paragraph_subject():
    # 'Reyes asked the panel, "What ...?"' is a question put to the panel, not a quote. A paragraph naming
    # "Rao's Theo" and Lopez is about Lopez, so the "they said" after it is hers, not the last speaker's.
    got = _quotes(
        TWO_STARS + '"It was wild," Rao told us.\n'
        'Moderator Jo Reyes asked the panel, "What did each of you take with you when you left?"\n'
        "When a fan asked about Theo, Dev Rao's character, Ana Lopez was quick to reassure the crowd.\n"
        '"Theo is absolutely in it, and he gets a really lovely storyline," they said.\n'
    )
    assert got == [
        ("Dev Rao", "It was wild"),
        ("Ana Lopez", "Theo is absolutely in it, and he gets a really lovely storyline"),
    ]


def test_interviewer_questions_long_attributions_outlet_names_and_quoted_subheadings():
    # Family (magazine and red-carpet writing):
    # - 'I ask him, "...?"' is the interviewer's question; the bare answer paragraph after it continues the
    #   interview subject, not nobody;
    # - "..., but he lets slip that ..." lends its subject to the quotation after it;
    # - '"A," Lopez says, laughing, over a cup of tea of her own in a London hotel. "B."' and '"A," Rao told
    #   E! News on the carpet. "B."' are one quotation each;
    # - "'The adults had to be real'" alone in a paragraph, unpunctuated, is a sub-heading, no quote.
    got = _quotes(
        TWO_STARS + '"It was wild," Rao told us.\n'
        'I ask him, "Do you ever get sick of people only talking about Theo?" He considers it.\n'
        '"Honestly? No. Because what they are really talking about is themselves."\n'
        "He is careful not to spoil anything, but he lets slip that the last scene shot was not the last "
        'scene of the film. "Everyone thinks we would save the ending for the final day."\n'
        '"That is the thing about Rosa," Lopez says, laughing, over a cup of tea of her own in a London '
        'hotel. "Which I am terrible at in real life."\n'
        "'The adults had to be real'\n"
        '"It is like the last day of school," Rao told E! News on the carpet. "I have cried twice already."\n'
    )
    assert got == [
        ("Dev Rao", "It was wild"),
        ("Dev Rao", "Honestly? No. Because what they are really talking about is themselves."),
        ("Dev Rao", "Everyone thinks we would save the ending for the final day."),
        ("Ana Lopez", "That is the thing about Rosa, Which I am terrible at in real life."),
        ("Dev Rao", "It is like the last day of school, I have cried twice already."),
    ]


def test_subjects_with_appositions_interviewees_and_a_descriptor_for_the_sentence_subject():
    # Family:
    # - "Rao, who uses they/them pronouns, doesn't deny it. "..."": an apposition between the subject and
    #   its verb still makes it the sentence about Rao;
    # - "Newsround also spoke to Ana Lopez, who plays Rosa." then '"...," she told us.': whom the outlet
    #   spoke to is whom the quote is from;
    # - "Oscar winner Jo Bell ... arrived with creator Sam Oak." then '"...," the Crown star said': the
    #   descriptor means the sentence's subject, not its last name.
    got = _quotes(
        TWO_STARS + '"It was wild," Lopez told us.\n'
        'Rao, who uses they/them pronouns, does not deny it. "I cried for about six weeks straight."\n'
        "Newsround also spoke to Ana Lopez, who plays Rosa Reyes in the series.\n"
        '"The best bit about the show is that it is kind," she told us.\n'
        "Oscar winner Jo Bell, 52, who plays Rosa's mum, arrived arm in arm with creator Sam Oak.\n"
        'The Crown star joked to photographers: "I am only here for the free popcorn, darlings."\n'
    )
    assert got == [
        ("Ana Lopez", "It was wild"),
        ("Dev Rao", "I cried for about six weeks straight."),
        ("Ana Lopez", "The best bit about the show is that it is kind"),
        ("Jo Bell", "I am only here for the free popcorn, darlings."),
    ]


def test_local_paper_speakers_and_a_partial_quote_before_an_attribution():
    # Family:
    # - "Swale Council's cabinet member, Cllr Jo Bell, was in the audience." then 'She said: "..."': a
    #   councillor's title makes her a person, so "she" is her; "the Regent Picture House" is no person;
    # - "Tobie, who plays Isaac, hit back:" is a speech verb;
    # - 'Oak describes it as "quietly his." Rao says he is happy. "Isaac ...," he says.': the partial quote
    #   is not joined to the quotation after it, which is Rao's.
    got = _quotes(
        TWO_STARS + '"It was wild," Lopez told us.\n'
        "Swale Council's cabinet member for tourism, Cllr Jo Bell, was among those in the audience.\n"
        'She said: "It has been wonderful to see what the show has done for the town."\n'
        "Tom Hale, manager of the Regent Picture House, said the night was the busiest in its history.\n"
        '"We have never seen anything like this," he said.\n'
        'Dev, who plays Theo Park, hit back: "I would like it on record that I never talk during films."\n'
        'Theo gets a storyline that Lopez describes as "quietly, wonderfully his." Rao says he is happy. '
        '"Theo has always watched everyone else fall in love," he says.\n'
    )
    assert got == [
        ("Ana Lopez", "It was wild"),
        ("Jo Bell", "It has been wonderful to see what the show has done for the town."),
        ("Tom Hale", "We have never seen anything like this"),
        ("Dev Rao", "I would like it on record that I never talk during films."),
        ("Dev Rao", "Theo has always watched everyone else fall in love"),
    ]


def test_bold_initial_labels_name_the_people_the_article_gives():
    # "**DR:**" / "**AL:**" after a bold question: the one full name in the article with those initials, even
    # when nothing else marks them as people (only mentioned in the lede).
    got = _quotes(
        "Dev Rao and Ana Lopez get real about saying goodbye\n"
        "Neither, it turns out, are Dev Rao and Ana Lopez, who have spent four years on the show.\n"
        "This interview has been edited and condensed for clarity.\n"
        "**How did the last day of filming feel?**\n"
        "**DR:** Honestly, I was a mess from about 6 a.m.\n"
        "**AL:** He was gone. I was fine, for the record.\n"
    )
    assert got == [
        ("Dev Rao", "Honestly, I was a mess from about 6 a.m."),
        ("Ana Lopez", "He was gone. I was fine, for the record."),
    ]


def test_an_occupation_in_commas_makes_a_person_and_remembers_is_a_speech_verb():
    # "For Sam Oak, a secondary school teacher in Leeds, the effect was visible" names a person, so the "he
    # says" of the next quotation is him; '"...," remembers Jo Bell, who directed it.' is Jo Bell's.
    got = _quotes(
        TWO_STARS + '"We lost half a day to the weather," remembers Jo Bell, who directed the first season.\n'
        "For Sam Oak, a secondary school teacher in Leeds, the effect was visible almost immediately. "
        '"That first summer, pupils kept asking me about it," he says.\n'
    )
    assert got == [
        ("Jo Bell", "We lost half a day to the weather"),
        ("Sam Oak", "That first summer, pupils kept asking me about it"),
    ]


def test_a_plural_pronouns_bare_verb_joins_the_two_halves_of_a_quote() -> None:
    # '"A," they protest. "B."' is one quotation, as '"A," Locke protests. "B."' is.
    got = _quotes(
        "Jo Bell and Ana Lopez are arguing about who cried first. Bell isn't having it. "
        '"I was holding it together until you started your speech," they protest. "You did a speech!"'
    )
    assert len(got) == 1 and got[0][0] == "Jo Bell"
    assert got[0][1].startswith("I was holding it together") and got[0][1].endswith("You did a speech!")


def test_a_long_who_clause_between_a_speaker_and_says_keeps_them_the_pronouns_referent() -> None:
    # "Akinade, who made his name in <two titles> and has since done a lot of theatre, says ..." (87 chars)
    got = _quotes(
        '"It is the most glamorous job," Jo Bell said.\n\n'
        "Dev Rao, who made his name in Channel 4's Cucumber and Banana and has since done a lot of theatre, "
        'says the teachers were written to be the "adults you wish you had".\n\n'
        '"I had one teacher like that. One," he says. "He is the reason I am an actor."'
    )
    assert [speaker for speaker, text in got if text.startswith("I had one teacher")] == ["Dev Rao"]


def test_two_lower_case_title_words_and_an_organisation_around_an_inverted_speaker() -> None:
    got = _quotes(
        '"The moment we saw the tape, we stopped looking," executive producer Mia Chen said in a '
        "statement.\n\n"
        '"Three seasons in, I am still amazed at how much this story means," executive producer Dev Rao of '
        "See-Saw Films said."
    )
    assert [speaker for speaker, _text in got] == ["Mia Chen", "Dev Rao"]


def test_a_post_quoted_after_its_author_and_a_sentence_end_inside_an_attribution() -> None:
    # 'Kizzy captioned it. Corinna chimed in with a comment of her own: "..."': Corinna's, not Kizzy's.
    got = _quotes(
        "Ana Lopez and Jo Bell shared a collab post.\n\n"
        '"Three seasons, one film, a thousand hair changes and zero regrets," Jo captioned it. Ana chimed in '
        'with a comment of her own: "Tara and Darcy will always be okay. We promise."'
    )
    assert [speaker for speaker, _text in got] == ["Jo Bell", "Ana Lopez"]


def test_who_plays_marks_an_actor_a_descriptor_can_mean_and_a_dotted_outlet_ends_no_attribution() -> None:
    # Real: 'Olivia Colman (who plays Nick's mother) was unable to return. The Oscar winner told Variety,
    # "..."'; '"A," Locke told RadioTimes.com and other press. "B."' is one quotation.
    got = _quotes(
        '"I am excited," said Jo Bell. "It was a joy."\n\n'
        "Unfortunately, Ana Lopez (who plays Nick's mother) was unable to return. The Oscar winner told "
        'Variety, "I could not do number three. I could not fit it in."\n\n'
        '"He is just a nice person," Lopez told RadioTimes.com and other press. "He is that type of person '
        'that walks in a room and you just smile."'
    )
    assert [speaker for speaker, _text in got] == ["Jo Bell", "Ana Lopez", "Ana Lopez"]
    assert got[2][1].startswith("He is just a nice person") and got[2][1].endswith("you just smile.")


def test_the_nearest_reporting_clause_and_a_credit_before_an_inverted_speakers_role_word() -> None:
    # Real: 'Connor adds that this season "feels ...", while Locke says that "Charlie goes on ..."';
    # "'...,' adds Doctor Who star Yasmin"; '"...," breakout star Yasmin Finney teases of her character.'
    got = _quotes(
        "Ana Lopez and Dev Rao talked to us, with Jo Bell.\n\n"
        'Rao adds that this season "feels cool and fresh, just a different vibe to season one", while Lopez '
        'says that "Charlie goes on more of a journey this season. His story is a bit more mature".\n\n'
        "'We might expect Imogen to start taking care of herself a bit more,' adds actress Mia Chen.\n\n"
        "'There are so many things that happen with Elle this season,' adds Doctor Who star Jo, filling us "
        "with suspense.\n\n"
        '"There are so many things you are not ready for," breakout star Jo Bell teases of her character.'
    )
    assert [speaker for speaker, _text in got] == ["Dev Rao", "Ana Lopez", "Mia Chen", "Jo Bell", "Jo Bell"]
