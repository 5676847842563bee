"""Cast pattern families, each in a composed news paragraph about an imagined Season 3."""

from __future__ import annotations

from ingest.extract import extract_article


def _cast(text: str) -> dict[tuple[str, str], str | None]:
    facts = extract_article("Heartstopper season 3 news\n" + text, "t.txt")
    return {(c.actor, c.character): c.description for c in facts.cast}


def test_actor_as_character_list():
    got = _cast(
        "The third season reunites the ensemble, including Joe Locke as Charlie Spring, Ana Lopez as Rosa "
        "Reyes, Darius Okafor as Marcus Jones and Tobie Donovan as Isaac Henderson."
    )
    assert set(got) == {
        ("Joe Locke", "Charlie Spring"),
        ("Ana Lopez", "Rosa Reyes"),
        ("Darius Okafor", "Marcus Jones"),
        ("Tobie Donovan", "Isaac Henderson"),
    }


def test_character_then_actor_in_parentheses_with_titles_and_descriptions():
    got = _cast(
        "Fans will meet Nick's cousin Harvey (Leo Marsh) and his aunt Diane (Marion Clay). "
        "Coach Patel (Hugo Brennan) will be the new rugby coach at Truham, while Mr Ajayi (Fisayo Akinade) "
        "returns. Rhea Sandhu (Mia Chen) will be a new sixth-former at Higgs."
    )
    assert got == {
        ("Leo Marsh", "Harvey"): "Nick's cousin",
        ("Marion Clay", "Diane"): "Nick's aunt",
        ("Hugo Brennan", "Coach Patel"): "the new rugby coach at Truham",
        ("Fisayo Akinade", "Mr Ajayi"): None,
        ("Mia Chen", "Rhea Sandhu"): "a new sixth-former at Higgs",
    }


def test_actor_then_character_in_parentheses_decided_by_the_article():
    got = _cast(
        "The cast is led by Joe Locke (Charlie Spring) and Kit Connor (Nick Nelson), with newcomers "
        "Priya Raman (Asha Devi) and Tom Keller (Oscar Bright) joining them.\n"
        "Speaking about Asha, Raman said she was thrilled."
    )
    assert set(got) == {
        ("Joe Locke", "Charlie Spring"),
        ("Kit Connor", "Nick Nelson"),
        ("Priya Raman", "Asha Devi"),
        ("Tom Keller", "Oscar Bright"),
    }


def test_actor_character_short_forms_in_one_list():
    got = _cast("Stars Kit Connor (Nick) and Joe Locke (Charlie) are both back for the third run.")
    assert set(got) == {("Kit Connor", "Nick"), ("Joe Locke", "Charlie")}


def test_who_plays_and_played_by():
    got = _cast(
        "Ana Lopez, who plays Imogen's cousin Rosa, said the role was a dream.\n"
        "Marcus, played by Darius Okafor, is Tara's older brother.\n"
        "Rosa Reyes will be played by Ana Lopez, Netflix confirmed.\n"
        "Nick's mum Sarah is played by Oscar winner Olivia Colman."
    )
    assert ("Ana Lopez", "Rosa Reyes") in got
    assert got[("Ana Lopez", "Rosa Reyes")] == "Imogen's cousin"  # short form mapped to the fuller name
    assert ("Darius Okafor", "Marcus") in got
    assert ("Olivia Colman", "Sarah") in got
    assert len(got) == 3


def test_stars_as_plays_will_play_is_cast_as():
    got = _cast(
        "Newcomer Ana Lopez will play Imogen's cousin Rosa. Darius Okafor stars as Marcus. "
        "Leo Marsh has been cast as Harvey, and Bel Priestley returns as Naomi. Hettie Lane plays "
        "Charlie's therapist Dr. Geller."
    )
    assert got == {
        ("Ana Lopez", "Rosa"): "Imogen's cousin",
        ("Darius Okafor", "Marcus"): None,
        ("Leo Marsh", "Harvey"): None,
        ("Bel Priestley", "Naomi"): None,
        ("Hettie Lane", "Dr. Geller"): "Charlie's therapist",
    }


def test_paired_lists_respectively():
    got = _cast("Corinna Brown and Kizzy Edgell return as Tara Jones and Darcy Olsson.")
    # "return as" with two lists pairs them in order.
    assert set(got) <= {("Corinna Brown", "Tara Jones"), ("Kizzy Edgell", "Darcy Olsson")}
    got = _cast("Joe Locke, Kit Connor and Yasmin Finney play Charlie, Nick and Elle respectively.")
    assert set(got) == {("Joe Locke", "Charlie"), ("Kit Connor", "Nick"), ("Yasmin Finney", "Elle")}


def test_who_plays_after_a_quote_attribution_resolves_the_surname():
    got = _cast(
        "Star Kit Connor was at the premiere.\n"
        '"It has been amazing," commented Connor, who plays Nick Nelson in the show.'
    )
    assert set(got) == {("Kit Connor", "Nick Nelson")}


def test_fullest_character_name_within_an_article():
    got = _cast("Nick (Kit Connor) is back.\nKit Connor as Nick Nelson leads the cast once more.")
    assert set(got) == {("Kit Connor", "Nick Nelson")}


def test_other_productions_are_not_heartstopper_cast():
    got = _cast(
        "Kit Connor, who also voices the daemon Pantalaimon in His Dark Materials, is back as Nick.\n"
        "Connor played Elton John in Rocketman. Yasmin Finney starred as Rose Noble in Doctor Who, "
        "and Olivia Colman played the Queen in The Crown."
    )
    assert ("Kit Connor", "Pantalaimon") not in got
    assert not any(c in ("Elton John", "Rose Noble", "Queen") for _, c in got)


def test_crew_and_interviewers_are_people_not_cast():
    facts = extract_article(
        "Heartstopper season 3 news\n"
        "Series creator Alice Oseman, who wrote every episode, and director Andy Newbery spoke to host "
        "Jane Garvey about the new run. Euros Lyn directed the first season.\n"
        "By Sam Rivers",
        "t.txt",
    )
    assert facts.cast == []
    people = {p.name: p.role for p in facts.people}
    assert people["Alice Oseman"] == "creator"
    assert people["Andy Newbery"] == "director"
    assert people["Euros Lyn"] == "director"
    assert people["Jane Garvey"] == "host"
    assert people["Sam Rivers"] == "writer"


def test_no_pair_from_unrelated_parentheses_or_plain_as():
    got = _cast(
        "The show (pictured) returns on Netflix (worldwide) in October (2024). Critics described Netflix "
        "as Heartstopper's home, and Alice Oseman as a generous showrunner. Such as Paris."
    )
    assert got == {}


def test_hard_wrapped_paragraphs_are_joined():
    got = _cast(
        "Joining the cast is Jonathan Bailey as Jack Maddox, a famous actor, while Hayley Atwell\n"
        "will play Diane Spring, Charlie's aunt.\nKit Connor as Nick Nelson\nNew faces"
    )
    assert set(got) == {
        ("Jonathan Bailey", "Jack Maddox"),
        ("Hayley Atwell", "Diane Spring"),
        ("Kit Connor", "Nick Nelson"),
    }


# --- Families added after the second unseen batch (each with sentences unlike the fixtures') ---


def test_back_as_appears_as_and_her_role_as():
    # Family: "is back as", "will appear as", "<verb> his/her/their role as" (reprises, nominated for).
    got = _cast(
        "Mia Chen is also back as Rhea Sandhu. Priya Das will appear as Leena Shah, Tara's cousin. "
        "Sam Oduya reprises his role as Mr Lange, and Jo Bell, praised for her role as Nora Pike, returns."
    )
    assert set(got) == {
        ("Mia Chen", "Rhea Sandhu"),
        ("Priya Das", "Leena Shah"),
        ("Sam Oduya", "Mr Lange"),
        ("Jo Bell", "Nora Pike"),
    }
    assert got[("Priya Das", "Leena Shah")] == "Tara's cousin"


def test_occupation_before_the_character_is_a_description_not_a_name():
    # Family: "as TV presenter Jack Maddox", "plays the shy Ollie Barr".
    got = _cast("Dev Rao joins as talk-show host Max Reed, and Lia Kim plays the shy Ollie Barr.")
    assert got == {("Dev Rao", "Max Reed"): "talk-show host", ("Lia Kim", "Ollie Barr"): None}


def test_function_words_stop_the_occupation_phrase():
    assert _cast("Kit Connor plays opposite Joe Locke again, and plays rugby with Tao.") == {}


def test_other_productions_named_with_a_network_possessive_or_before_as():
    # Family: "as X in Netflix's "Other Show"", "starred in Other Film as X".
    got = _cast(
        "Dev Rao, who starred as Prince Edmund in HBO’s “The Crown Jewels,” plays Max Reed. "
        "Lia Kim, who starred in Moonfall as the young Iris Day, plays Ollie Barr."
    )
    assert set(got) == {("Dev Rao", "Max Reed"), ("Lia Kim", "Ollie Barr")}


def test_pronoun_actor_after_an_other_role():
    # Family: the actor is introduced by another credit, then "he/she/they plays" our character.
    got = _cast(
        "Lia Kim, who appeared in Moonfall, was the surprise casting. In Heartstopper she plays Ollie Barr."
    )
    assert set(got) == {("Lia Kim", "Ollie Barr")}


def test_played_by_after_an_appositive_that_ends_with_a_name():
    # Family: "A, the ... who loves B, played by Actor": the actor plays B, not A.
    got = _cast("Dev Rao plays Max Reed, the host who mentors the anxious Ollie Barr, played by Lia Kim.")
    assert set(got) == {("Dev Rao", "Max Reed"), ("Lia Kim", "Ollie Barr")}


def test_character_in_our_show_as_an_appositive():
    # Family: "Actor, Character in the Netflix series, says".
    got = _cast("Jo Bell, Nora Pike in the Netflix series, says fame arrived overnight.")
    assert set(got) == {("Jo Bell", "Nora Pike")}


def test_actor_is_character_only_under_a_cast_guide_heading():
    # Family: who's-who guides with a heading per character, then "Actor is Character".
    guide = _cast("Nora Pike\n\nJo Bell is Nora, the new girl at Higgs.\n\nOther news\n\nJo Bell is Tall.")
    assert set(guide) == {("Jo Bell", "Nora Pike")}
    # Without a heading, "X is Y" is too common a sentence to be a casting.
    assert _cast("Jo Bell is Nora, the new girl at Higgs.") == {}


def test_actor_possessive_character_with_a_show_character_name():
    # Family: "Actor's Character" — trusted when the character is one of the show's own names, never for
    # a recognised non-cast person ("Alice Oseman's Nick").
    got = _cast(
        "Season 3 gives more time to Ash Self's Felix and Bel Priestley's Naomi. "
        "Heartstopper creator Alice Oseman's Nick is a fan favourite. Jo Bell's Marvel debut is next."
    )
    assert set(got) == {("Ash Self", "Felix"), ("Bel Priestley", "Naomi")}


def _pairs_full(
    text: str, headline: str = "Heartstopper news"
) -> dict[tuple[str, str], tuple[bool, int | None]]:
    facts = extract_article(headline + "\n" + text, "t.txt")
    return {(c.actor, c.character): (c.new, c.season) for c in facts.cast}


def test_new_from_the_pair_its_sentence_or_its_paragraph():
    # Family: casting verbs at the pair ("has been cast as", "joins as"), the nearest cue before it in the
    # sentence ("returning stars" beats an earlier "newcomers"), else the paragraph ("new faces").
    got = _pairs_full(
        "Dev Rao has been cast as Max Reed. Jo Bell is also back as Nora Pike.\n"
        "The newcomers join returning stars Mia Chen (Rhea Sandhu) and Sam Oduya (Mr Lange).\n"
        "The season brings some new faces. Lia Kim (Ollie Barr) is a neighbour of Nick."
    )
    assert {k: v[0] for k, v in got.items()} == {
        ("Dev Rao", "Max Reed"): True,
        ("Jo Bell", "Nora Pike"): False,
        ("Mia Chen", "Rhea Sandhu"): False,
        ("Sam Oduya", "Mr Lange"): False,
        ("Lia Kim", "Ollie Barr"): True,
    }


def test_season_from_the_sentence_else_the_paragraph_else_the_headline():
    got = _pairs_full(
        "In season 3, Dev Rao plays Max Reed.\nJo Bell plays Nora Pike.\n"
        "Mia Chen plays Rhea Sandhu in the third season.",
        headline="Heartstopper season 4 cast",
    )
    assert {k: v[1] for k, v in got.items()} == {
        ("Dev Rao", "Max Reed"): 3,
        ("Jo Bell", "Nora Pike"): 4,
        ("Mia Chen", "Rhea Sandhu"): 3,
    }
    # No season anywhere: none is guessed.
    assert _pairs_full("Jo Bell plays Nora Pike.") == {("Jo Bell", "Nora Pike"): (False, None)}


def test_numbered_listicle_lines():
    # Family: an entertainment site's numbered list, "1. Actor — Character", one entry per line.
    got = _cast("Meet the stars below.\n1. Dev Rao — Nick Nelson\nMore on him soon.\n2) Lia Kim - Tao Xu\n")
    assert set(got) == {("Dev Rao", "Nick Nelson"), ("Lia Kim", "Tao Xu")}


def test_passive_role_verbs_besides_played_by():
    # Family: "Character is brought to life / embodied by Actor".
    got = _cast(
        "Ollie's anxious cousin Max Reed is brought to life by Dev Rao. Nora Pike, the new art teacher, "
        "will be embodied by Oscar nominee Lia Kim."
    )
    assert set(got) == {("Dev Rao", "Max Reed"), ("Lia Kim", "Nora Pike")}


def test_casting_news_verbs_and_recurring_roles():
    # Family: trade-paper scoops: "tapped to play", "will recur as", "joins in the recurring role of",
    # "has been set for a guest arc as".
    got = _cast(
        "Dev Rao has been tapped to play Max Reed. Lia Kim will recur as Ollie Barr, while Jo Bell joins "
        "in the recurring role of Dr. Nora Pike and Sam Hale has been set for a guest arc as Charlie's "
        "tutor Ezra Stone."
    )
    assert got == {
        ("Dev Rao", "Max Reed"): None,
        ("Lia Kim", "Ollie Barr"): None,
        ("Jo Bell", "Dr. Nora Pike"): None,
        ("Sam Hale", "Ezra Stone"): "Charlie's tutor",
    }


def test_other_production_after_a_network_possessive_before_as():
    # Family: "seen in BBC's Show as Role", "in the Netflix film Show as Role": a credit, not our cast.
    got = _cast(
        "Dev Rao plays Max Reed. Rao was most recently seen in ITV’s Cold Harbour as Tom. "
        "Lia Kim joins as Ollie Barr; Kim starred in the film Moonfall as Iris."
    )
    assert set(got) == {("Dev Rao", "Max Reed"), ("Lia Kim", "Ollie Barr")}


def test_paired_list_with_who_play():
    # Family: "A and B, who play C and D, ..." (a list in a relative clause pairs in order).
    got = _cast("We met Dev Rao and Lia Kim, who play Max Reed and Ollie Barr, on the last day of the shoot.")
    assert set(got) == {("Dev Rao", "Max Reed"), ("Lia Kim", "Ollie Barr")}


def test_surname_possessive_show_character():
    # Family: "Locke's Charlie spends...": a known person's surname, a show character; never a character's
    # own possessive ("Nick's Charlie") nor the creator's.
    got = _cast(
        'Dev Rao is on set today. "It is cold," says Rao. Rao\'s Charlie Spring spends the season in '
        "therapy. "
        "Nick's Charlie is a fan favourite. Creator Jo Bell said the role was hard to cast. Bell's Tori "
        "is funnier this year."
    )
    assert set(got) == {("Dev Rao", "Charlie Spring")}


def test_inverted_as_character_then_actor():
    # Family: "As (description) Character, Actor ..." leading its sentence; never a list of people.
    got = _cast(
        "As aspiring artist Nora Pike, Lia Kim gets her own storyline. "
        "As Dev Rao, Sam Hale and Jo Bell arrived, fans screamed. As Netflix confirmed, Ezra Stone returns."
    )
    assert got == {("Lia Kim", "Nora Pike"): "aspiring artist"}


def test_actor_clause_then_participle_playing():
    # Family: "Actor is <something>, playing Character".
    got = _cast("Dev Rao is the season's biggest new addition, playing TV presenter Max Reed.")
    assert got == {("Dev Rao", "Max Reed"): "TV presenter"}


def test_title_case_headings_read_as_prose():
    got = _cast(
        "Season 3 Introduces Nora Pike, Played By Jo Bell\n\n"
        "Charlie's Aunt Rosa Is Portrayed By Ana Lopez\n\n"
        "Leo Marsh Returns As Harvey Lane\n\n"
        "Who Is The Best Character In The Show? We Rank Them All"
    )
    assert got == {
        ("Jo Bell", "Nora Pike"): None,
        ("Ana Lopez", "Rosa"): "Charlie's aunt",
        ("Leo Marsh", "Harvey Lane"): None,
    }


def test_character_comma_played_by_actor_after_a_verb():
    got = _cast("The new season introduces Nora Pike, played by Jo Bell, a journalist who interviews Nick.")
    assert set(got) == {("Jo Bell", "Nora Pike")}


def test_leading_role_then_actor():
    got = _cast(
        "Reprising the role of Harvey Lane is Leo Marsh. Playing Rosa Reyes will be newcomer Ana Lopez."
    )
    assert set(got) == {("Leo Marsh", "Harvey Lane"), ("Ana Lopez", "Rosa Reyes")}


def test_steps_into_the_role_of():
    got = _cast("Newcomer Darius Okafor steps into the role of Marcus Jones for the third season.")
    assert set(got) == {("Darius Okafor", "Marcus Jones")}


def test_paired_list_followed_by_another_clause():
    got = _cast(
        "Rounding out the cast, Ana Lopez and Leo Marsh are back as Rosa and Harvey, Jo Bell returns as "
        "Nora Pike, and Mia Chen is back too."
    )
    assert set(got) == {("Ana Lopez", "Rosa"), ("Leo Marsh", "Harvey"), ("Jo Bell", "Nora Pike")}


def test_review_possessive_credit_with_adjectives_and_a_verb_after():
    got = _cast(
        "Ana Lopez's anxious Tara carries the season. Darius Okafor's Isaac remains the heart of it, and "
        "Marion Clay's therapist, Diane, is underused. Alice Oseman's graphic novels are the source. "
        "Leo Marsh's new film Rocketman is out next year."
    )
    assert set(got) == {("Ana Lopez", "Tara"), ("Darius Okafor", "Isaac"), ("Marion Clay", "Diane")}


def test_review_praise_between_actor_and_role():
    got = _cast(
        "Ana Lopez, excellent as Elle, steals every scene. Marion Clay, as ever, is a delight as Nick's aunt "
        "Diane, and Hugo Brennan has a ball as the TV star Jack Maddox. Jo Bell is as good as Leo Marsh."
    )
    assert set(got) == {("Ana Lopez", "Elle"), ("Marion Clay", "Diane"), ("Hugo Brennan", "Jack Maddox")}


def test_parenthetical_paired_list_and_joins_this_season_and_takes_the_role():
    got = _cast(
        "Ana Lopez and Mia Chen, as Tara and Darcy, get the best storyline. Hugo Brennan joins the cast this "
        "season as Jack Maddox. Jo Bell, from Manchester, takes the role of Elle Argent."
    )
    assert set(got) == {
        ("Ana Lopez", "Tara"),
        ("Mia Chen", "Darcy"),
        ("Hugo Brennan", "Jack Maddox"),
        ("Jo Bell", "Elle Argent"),
    }


def test_other_credit_clause_before_once_again_plays_or_as():
    got = _cast(
        "Marion Clay, who won an Oscar for The Crown Jewels, once again plays Diane, Nick's aunt. "
        "Also joining is Hugo Brennan, who played Terry in The Gangsters, as Leo Marsh, the art teacher."
    )
    assert set(got) == {("Marion Clay", "Diane"), ("Hugo Brennan", "Leo Marsh")}
    assert got[("Marion Clay", "Diane")] == "Nick's aunt"


def test_relational_descriptor_then_appositive_name_will_be_played_by():
    got = _cast(
        "Elle's mum, Mrs Argent, will be played by Ana Lopez, and Charlie's nan, Mary, "
        "will be played by Jo Bell."
    )
    assert got == {("Ana Lopez", "Mrs Argent"): "Elle's mum", ("Jo Bell", "Mary"): "Charlie's nan"}


def test_aside_between_actor_and_role_comma_clause():
    got = _cast(
        "Priya Raman, best known as Lady Vane in the costume drama Gaslight, finally gets a proper showcase "
        "as Tara's mother Nadia. Leo Marsh, who starred as Tom Barlow in Coronation Street for a decade, "
        "turns up as Mr. Okoro, the new drama teacher."
    )
    assert set(got) == {("Priya Raman", "Nadia"), ("Leo Marsh", "Mr. Okoro")}
    assert got[("Priya Raman", "Nadia")] == "Tara's mother"


def test_aside_in_dashes_and_an_other_turn_before_plays():
    got = _cast(
        "Hugo Brennan – Lord Ashford himself – drops in as Coach Patel for two episodes. "
        "Marion Clay, a world away from her icy turn as Vera Holt in Blackwater, plays Rosemary, "
        "Harvey's gran."
    )
    assert set(got) == {("Hugo Brennan", "Coach Patel"), ("Marion Clay", "Rosemary")}


def test_aside_never_pairs_a_conjunction_as_a_costume_or_an_inner_role():
    got = _cast(
        "Kit Connor, who plays Nick, was grinning as Joe Locke took the stage. "
        "Ana Lopez, 24, arrived dressed as Wonder Woman. "
        "Jo Bell – fresh from a run in Agatha All Along, as the mysterious Teen – is superb here. "
        "Mia Chen, the show's breakout, was emotional as Darius Okafor, her co-star, gave a speech."
    )
    assert set(got) == {("Kit Connor", "Nick")}


def test_tabloid_character_star_actor_only_for_a_character():
    got = _cast(
        "Isaac actor Leo Marsh waved to the crowd, and Tara star Mia Chen signed autographs. "
        "Marvel star Hugo Brennan and Bridgerton actress Jo Bell arrived together. "
        "Olivia star Darius Okafor was not there."
    )
    assert set(got) == {("Leo Marsh", "Isaac"), ("Mia Chen", "Tara")}


def test_tabloid_character_star_actor_supported_by_a_cast_guide_heading():
    got = _cast("Rosa Reyes\n\nShe is the new girl at Higgs.\n\nRosa actress Ana Lopez says she was nervous.")
    assert set(got) == {("Ana Lopez", "Rosa Reyes")}


def test_tabloid_aka_character():
    got = _cast(
        "Mia Chen – aka Darcy Olsson – dazzled in gold. Leo Marsh (aka Mr. Okoro) posed with fans. "
        "Jo Bell, AKA Nadia Reyes, skipped the party. Joe Locke, aka the nicest man on set, waved. "
        "Ana Lopez – aka Hugo Brennan's best friend – laughed."
    )
    assert set(got) == {("Mia Chen", "Darcy Olsson"), ("Leo Marsh", "Mr. Okoro"), ("Jo Bell", "Nadia Reyes")}


def test_paired_list_without_respectively_after_a_verb_phrase():
    got = _cast(
        "Priya Raman and Leo Marsh are both expected to reprise their roles as Nadia Reyes and Tom Okoro, "
        "though nothing has been signed. Mia Chen and Hugo Brennan are likely to return as Tara and Sam."
    )
    assert set(got) == {
        ("Priya Raman", "Nadia Reyes"),
        ("Leo Marsh", "Tom Okoro"),
        ("Mia Chen", "Tara"),
        ("Hugo Brennan", "Sam"),
    }


def test_paired_list_after_a_family_descriptor_takes_the_family_name_the_article_gives():
    got = _cast(
        "Ana Lopez as Elle Argent\n\nElle starts art school.\n\nRose and Albert Argent\n\n"
        "Mia Chen and Hugo Brennan are set to return as Elle's grandparents, Rose and Albert."
    )
    assert set(got) == {
        ("Ana Lopez", "Elle Argent"),
        ("Mia Chen", "Rose Argent"),
        ("Hugo Brennan", "Albert Argent"),
    }


def test_paired_list_after_a_descriptor_without_support_keeps_first_names_and_order():
    got = _cast(
        "Jo Bell and Darius Okafor return as Tara's parents, Nadia and Sam. "
        "Later, Leo Marsh and Ana Lopez return as Isaac's cousins, Bea."
    )
    assert set(got) == {("Jo Bell", "Nadia"), ("Darius Okafor", "Sam")}


def test_review_possessive_with_a_continuing_verb_and_full_name_support():
    got = _cast(
        "The season belongs to Nadia Reyes, who finally gets a life of her own.\n"
        "Leo Marsh's Isaac continues to find his people, and Mia Chen's Nadia struggles with the move. "
        "Jo Bell's Marvel films remain popular, and Ana Lopez's Olivia continues to tour."
    )
    assert set(got) == {("Leo Marsh", "Isaac"), ("Mia Chen", "Nadia Reyes")}


def test_one_word_role_takes_the_fuller_name_the_article_gives_a_character_who_speaks():
    got = _cast(
        "Early on, Tara Jones, at the window, tells Darcy that she is fine.\n"
        "Mia Chen's Tara is the heart of it, and Hugo Brennan as Sam is good too."
    )
    assert set(got) == {("Mia Chen", "Tara Jones"), ("Hugo Brennan", "Sam")}


def test_cast_guide_heading_then_a_played_by_label():
    got = _cast(
        "Rosa Reyes\n\nPlayed by: Ana Lopez\n\nRosa is the new girl at Higgs.\n\n"
        "Sam Okoro\n\nSam is Tara's cousin.\n\nActor: Hugo Brennan\n\n"
        "## Mr. Patel\n\nPortrayed by Leo Marsh\n\n"
        "Tom and Bea Hart\n\nPlayed by: Mia Chen and Darius Okafor\n\n"
        "New faces\n\nPlayed by: Jo Bell"
    )
    assert set(got) == {
        ("Ana Lopez", "Rosa Reyes"),
        ("Hugo Brennan", "Sam Okoro"),
        ("Leo Marsh", "Mr. Patel"),
        ("Mia Chen", "Tom Hart"),
        ("Darius Okafor", "Bea Hart"),
    }


def test_played_by_label_needs_a_character_heading():
    got = _cast("Kit Connor\n\nActor: Kit Connor\n\nWhere you've seen him: Rocketman.\n\nPlayed by: Jo Bell")
    assert got == {}


def test_review_possessive_with_a_two_word_role_before_the_name():
    got = _cast(
        "The new term brings Leo Marsh's drama teacher, Diane, into Elle's life. "
        "Jo Bell's best friend, Nick Frost, was at the screening. Nick Frost starred in Shaun of the Dead."
    )
    assert got == {("Leo Marsh", "Diane"): "drama teacher"}


def test_job_titles_and_cameos_as_themselves_are_not_roles():
    got = _cast(
        "Dee Hart, a longtime fan, signed on as Associate Producer. Sam Roe, 31, joins as Head of Casting. "
        "Tom Pike was hired as Creative Director, and Mo Farah cameos as Himself. Jo Bell returns as Nadia."
    )
    assert set(got) == {("Jo Bell", "Nadia")}


def test_fuller_name_never_a_quoted_speaker_and_no_aside_pair_for_a_list_tail():
    got = _cast(
        "Joe Locke plays Charlie in the show, which returns next month.\n"
        "“It was a lovely evening,” said Charlie Higson, who attended the screening.\n"
        "Jo Bell and Sam Oak, both 30, return as Tara's parents, Nadia."
    )
    assert set(got) == {("Joe Locke", "Charlie")}


def test_review_infobox_labels_are_not_cast_guide_sections():
    got = _cast(
        "Film Review\n\nStarring: Jo Bell\n\nNetflix Original\n\nActor: Sam Oak\n\nGrace\n\nActor: Mia Chen"
    )
    assert got == {}


def test_a_role_described_by_a_job_is_still_a_role():
    got = _cast("Hugo Brennan, fresh from Wicked, turns up as Sam Price, a TV presenter, in episode two.")
    assert got == {("Hugo Brennan", "Sam Price"): "a TV presenter"}


def test_aside_in_parentheses_or_spaced_hyphens():
    got = _cast(
        "Marion Clay (best known for the crime drama Blackwater) is terrific as Nick's gran Rosemary. "
        "Hugo Brennan - Lord Ashford himself - drops in as Coach Patel. "
        "Tobie Donovan (Isaac) plays opposite Kit Connor."
    )
    assert set(got) == {
        ("Marion Clay", "Rosemary"),
        ("Hugo Brennan", "Coach Patel"),
        ("Tobie Donovan", "Isaac"),
    }


def test_cast_guide_label_variants_and_a_label_opening_the_description():
    got = _cast(
        "Rosa Reyes\n\nPlayed by Ana Lopez, Rosa is the new girl at Higgs.\n\n"
        "Sam Okoro\n\nWho plays him: Hugo Brennan\n\n"
        "Mr. Patel\n\nWho plays Mr. Patel? Leo Marsh."
    )
    assert set(got) == {
        ("Ana Lopez", "Rosa Reyes"),
        ("Hugo Brennan", "Sam Okoro"),
        ("Leo Marsh", "Mr. Patel"),
    }


def test_roles_in_other_productions_are_not_our_cast():
    # A "where else" explainer: credits in other productions, with our own pair kept.
    got = _cast(
        "Ana Lopez plays Rosa Reyes\n"
        "Where might you know Ana Lopez from? She was a teenage Mary Shelley in the 2018 period drama "
        "Frankenstein's Mother, opposite Dan Hardy as Percy Shelley, and later joined the cast of Apple's "
        "Orbit Nine, opposite Carla Voss as Captain Ines Ferro.\n"
        "Horror fans will recognise Lopez as Wren Hollis, the babysitter in the BBC's Hush Lane.\n"
        "Ana Lopez is also known for playing Tess in Blackwater, opposite Tom Brandt as Felix Moore."
    )
    assert set(got) == {("Ana Lopez", "Rosa Reyes")}


def test_other_production_section_keeps_a_character_the_article_gives_our_show():
    got = _cast(
        "Leo Marsh as Isaac Henderson\n"
        "Where have you seen him before? Leo Marsh was Sam Gale in Channel 4's Tidewater, brother to "
        "Mia Chen's Lottie, in Tidewater.\n"
        "Joe Locke stars as Charlie opposite Kit Connor as Nick in the Netflix series, and Mia Chen plays "
        "Imogen opposite Rhea Norwood as Darcy in Season 3."
    )
    assert set(got) == {
        ("Leo Marsh", "Isaac Henderson"),
        ("Joe Locke", "Charlie"),
        ("Kit Connor", "Nick"),
        ("Mia Chen", "Imogen"),
        ("Rhea Norwood", "Darcy"),
    }


def test_cameo_verbs_play_a_role_but_not_oneself():
    got = _cast(
        "Stage veteran Ruth Okoye makes a brief cameo as Professor Lyle Grant, a Cambridge admissions tutor. "
        "Comedian Dev Sharma cameos as Mr Lowe, and singer Pia Frost pops up as Zara Quinn at the party. "
        "Sam Ward turns up as Cal Rowe in the finale, while Olly Lane has a cameo as Ned Byrne. "
        "Radio host Tim Vale also cameos as himself."
    )
    assert set(got) == {
        ("Ruth Okoye", "Professor Lyle Grant"),
        ("Dev Sharma", "Mr Lowe"),
        ("Pia Frost", "Zara Quinn"),
        ("Sam Ward", "Cal Rowe"),
        ("Olly Lane", "Ned Byrne"),
    }


def test_possessive_credit_with_an_appositive_description():
    got = _cast(
        "The trailer also offers a glimpse of Priya Raman's Asha Devi, the sharp-tongued debate captain who "
        "unsettles Tara, and of Marcus Bell's Ronan Price, a swimmer from Higgs."
    )
    assert set(got) == {("Priya Raman", "Asha Devi"), ("Marcus Bell", "Ronan Price")}
    assert got[("Priya Raman", "Asha Devi")] == "the sharp-tongued debate captain who unsettles Tara"


def test_kinship_title_dropped_when_the_article_uses_the_bare_name():
    got = _cast(
        "Marion Clay as Auntie Rhona\n"
        "Tara's globe-trotting aunt Rhona arrives with opinions.\n"
        "Gus Pell as Uncle Teddy\n"
        "A mystery relative who sends Nick postcards.\n"
        "Elsewhere, Fisayo Akinade returns as Mr Ajayi and Nia Holt joins as Grandma Oona, "
        "whom Ajayi admires."
    )
    assert set(got) == {
        ("Marion Clay", "Rhona"),
        ("Gus Pell", "Uncle Teddy"),
        ("Fisayo Akinade", "Mr Ajayi"),
        ("Nia Holt", "Grandma Oona"),
    }


def test_listicle_dash_lines_pair_by_position_and_keep_a_leading_descriptor():
    got = _cast(
        "The Season 3 cast, ranked\n"
        "1. Rosa Reyes – Ana Lopez\n"
        "2. Marcus Jones and Asha Devi – Darius Okafor and Priya Raman\n"
        "3. Isaac's new flatmate, Cal Rowe – Sam Ward\n"
        "4. Tara's older sister, Nadia Jones - Mia Chen\n"
        "5. Jo Bell and Sam Oak – Ruth Okoye\n"
    )
    assert got == {
        ("Ana Lopez", "Rosa Reyes"): None,
        ("Darius Okafor", "Marcus Jones"): None,
        ("Priya Raman", "Asha Devi"): None,
        ("Sam Ward", "Cal Rowe"): "Isaac's new flatmate",
        ("Mia Chen", "Nadia Jones"): "Tara's older sister",
    }


def test_other_production_cues_outside_a_where_seen_section():
    got = _cast(
        "Mia Chen plays Nadia Jones, and Leo Marsh plays Isaac Henderson.\n"
        "Chen won a Bafta for the 2021 film Glasshouse, in which she starred opposite Dan Hardy as "
        "Ivan Roe.\n"
        "Viewers may remember Marsh as Jess Thorne, the paramedic, in Holby.\n"
        "Her credits include Blackwater, where she appeared opposite Tom Brandt as Felix Moore.\n"
        "He made his name in Tidewater alongside Sam Oak as Peter Gale.\n"
        "You will know Rhea Norwood as Imogen Heaney from the first two seasons, and Joe Locke, who starred "
        "in the 2023 film Sunhouse, stars as Charlie Spring opposite Ana Lopez as Rosa Reyes."
    )
    assert set(got) == {
        ("Mia Chen", "Nadia Jones"),
        ("Leo Marsh", "Isaac Henderson"),
        ("Rhea Norwood", "Imogen Heaney"),
        ("Joe Locke", "Charlie Spring"),
        ("Ana Lopez", "Rosa Reyes"),
    }


def test_a_title_closing_the_roles_appositive_marks_another_production():
    got = _cast(
        "Ruth Okoye plays Greta, Charlie's driving instructor. Okoye played Mary Sloane, sister to Dan "
        "Hardy's Tom, in Sloane Street. Ana Lopez plays Rosa Reyes, the new girl, in Season 3."
    )
    assert set(got) == {("Ruth Okoye", "Greta"), ("Ana Lopez", "Rosa Reyes")}


def test_playing_a_role_in_heartstopper_credits_the_nearest_person_before():
    got = _cast(
        "Ask Ana Lopez what she loved about playing Rosa Reyes in Mara Quint's Heartstopper and she grins.\n"
        "Mia Chen praised Leo Marsh for portraying Isaac in the hit series Heartstopper.\n"
        "Sam Oak never dreamed of playing a villain in Heartstopper, and Jo Bell loved playing Nadia "
        "in Paris."
    )
    assert set(got) == {("Ana Lopez", "Rosa Reyes"), ("Leo Marsh", "Isaac")}


def test_where_seen_question_as_a_heading_covers_its_section_only():
    got = _cast(
        "Rosa Reyes – Ana Lopez\n"
        "Where might you recognise her from?\n"
        "Lopez spent two years on the soap Harbour Lane as Kath Munro. Before that, Ana Lopez played "
        "Vicky Hale.\n"
        "She also voiced Pip Moss, a talking otter, for the CBBC cartoon Riverbank, alongside Dan Hardy as "
        "Otto Moss.\n"
        "The rest of the cast\n"
        "Mia Chen plays Nadia Jones and Leo Marsh plays Cal Rowe."
    )
    assert set(got) == {("Ana Lopez", "Rosa Reyes"), ("Mia Chen", "Nadia Jones"), ("Leo Marsh", "Cal Rowe")}


def test_a_production_title_before_as_is_not_an_actor():
    got = _cast(
        "Ana Lopez plays Rosa Reyes. Lopez spent two years on the soap Harbour Lane as Kath Munro, and "
        "appeared in the 2020 period drama Glass Hours as Lady Ada Finch."
    )
    assert set(got) == {("Ana Lopez", "Rosa Reyes")}


def test_press_release_cast_block_with_titles_and_a_star_billed_with():
    # Family (round 9): a studio release's cast block, one "Actor — Character" per line; a character with a
    # title, and the star billed last with "with" (the line is not a wrapped continuation of the one before).
    got = _cast(
        "THE SEASON 3 CAST\n\n"
        "Dev Rao — Nick Nelson\n"
        "Hana Ito — Ms Ward\n"
        "Marco Bell — Coach Harper\n"
        "with Helen Mirren — Jane Spring\n\n"
        "The new season arrives later this year.\n"
    )
    assert got == {
        ("Dev Rao", "Nick Nelson"): None,
        ("Hana Ito", "Ms Ward"): None,
        ("Marco Bell", "Coach Harper"): None,
        ("Helen Mirren", "Jane Spring"): None,
    }


def test_cast_block_billing_with_and_and_lines_in_a_bulleted_list():
    got = _cast(
        "Returning cast:\n- Lia Kim – Tao Xu\n- Tom Keller – Mr Farouk\nand Emma Stone – Principal Barnes\n"
    )
    assert set(got) == {
        ("Lia Kim", "Tao Xu"),
        ("Tom Keller", "Mr Farouk"),
        ("Emma Stone", "Principal Barnes"),
    }


def test_a_with_clause_in_prose_is_not_a_cast_block():
    got = _cast("Jo Bell plays Nora Pike, with Sam Oak in support — Nora Pike is the new art teacher.")
    assert set(got) == {("Jo Bell", "Nora Pike")}


def _article_cast(text: str) -> set[tuple[str, str]]:
    return {(c.actor, c.character) for c in extract_article(text, "t.txt").cast}


def test_fame_as_a_character_in_our_show_credits_the_referenced_actor_not_the_new_role():
    # Family (round 9): an actor's new project, with "who shot to fame as <our character> in Heartstopper";
    # the sentence's main role ("plays Nora Vance ... in the new series") belongs to the other production.
    got = _article_cast(
        "Lia Kim lands lead role in Blackwater revival\n\n"
        "Lia Kim has joined the BBC's Blackwater revival.\n\n"
        '"I cried when I got the call," Kim said.\n\n'
        "The 24-year-old, who rose to fame as Tara Jones in Netflix's Heartstopper, plays Nora Vance, the "
        "sister of Sam Oak's Martin, in the upcoming six-part series.\n"
    )
    assert got == {("Lia Kim", "Tara Jones")}


def test_best_known_and_broke_out_as_our_character_name_the_actor():
    got = _article_cast(
        "Heartstopper favourites head for the West End\n\n"
        "Dev Rao, who broke out as Isaac Henderson in the hit Netflix show Heartstopper, stars as Captain "
        "Holt in the thriller.\n\n"
        "Mia Chen is best known as Darcy Olsson in Heartstopper.\n\n"
        "Tom Keller, who shot to fame as Vera in Blackwater, plays Mr Farouk in season three of "
        "Heartstopper.\n\n"
        "Sam Oak, who found fame as Ben Hope in Heartstopper, plays his twin Adam Hope in Season 3.\n"
    )
    assert got == {
        ("Dev Rao", "Isaac Henderson"),
        ("Mia Chen", "Darcy Olsson"),
        ("Tom Keller", "Mr Farouk"),
        ("Sam Oak", "Ben Hope"),
        ("Sam Oak", "Adam Hope"),
    }


def test_a_role_in_a_sentence_about_another_channels_broadcast_is_not_ours():
    # Family (round 9): an actor's new project on another channel: "The finale airs on ITV ... and sees
    # X return as the Captain" is that show's cast, not ours.
    got = _article_cast(
        "Lia Kim on her new drama\n\n"
        "Lia Kim plays Tara Jones in Heartstopper.\n\n"
        "Lia Kim stars as Nora Vance in the Night Harbour finale (Picture: ITV)\n\n"
        "The finale, Night Harbour, airs on ITV1 and ITVX on Sunday, and sees Tom Brandt return as the "
        "Captain alongside Kim.\n\n"
        "Blackwater, which streams on Disney+ from May, stars Sam Oak as Ivan Roe.\n\n"
        "Ana Lopez, who plays Rosa Reyes, told BBC Radio 1 she loved the role.\n\n"
        "Season three premieres on Netflix in October, with Dev Rao as Isaac Henderson.\n"
    )
    assert got == {("Lia Kim", "Tara Jones"), ("Ana Lopez", "Rosa Reyes"), ("Dev Rao", "Isaac Henderson")}


def test_a_series_of_plays_clauses_pairs_each_clause_on_its_own():
    # Family (round 10): "A plays X, B plays Y, and Z star C pops up as W" is three credits, not a list of
    # actors ("X, B") playing a list of roles ("Y, and Z").
    got = _cast(
        "Among the guests, Priya Shah plays Isaac's sister Nina, Ben Cole plays Coach Daly and Marvel actor "
        "Sam Reid plays Felix's dad Owen."
    )
    assert set(got) == {("Priya Shah", "Nina"), ("Ben Cole", "Coach Daly"), ("Sam Reid", "Owen")}
    got = _cast(
        "Season three has new blood: Ruth Wilson plays Tao's mum Mei, Tom Hollander plays Mr Granger, and "
        "Gavin and Stacey star Joanna Page pops up as Rosie Vaughn."
    )
    assert set(got) == {
        ("Ruth Wilson", "Mei"),
        ("Tom Hollander", "Mr Granger"),
        ("Joanna Page", "Rosie Vaughn"),
    }


def test_a_paired_list_followed_by_another_plays_clause():
    got = _cast("Jo Bell and Sam Oak play Tara and Darcy, and Ana Lopez plays Rosa Reyes in the new run.")
    assert set(got) == {("Jo Bell", "Tara"), ("Sam Oak", "Darcy"), ("Ana Lopez", "Rosa Reyes")}


def test_stars_opposite_someone_as_a_role_is_the_subjects_role():
    # Family (round 10): "A, who stars opposite B as C": C is A's role; "A plays X opposite B as C" is B's.
    got = _cast(
        "Lia Kim plays Tara Jones. Mia Chen, who stars opposite Kim as Darcy Olsson, was also praised. "
        "Ana Lopez, who plays opposite Dev Rao as Rosa Reyes, told us more.\n"
        "Sam Oak stars opposite Jo Bell and Lia Kim as Felix in the new run.\n"
        "Tom Keller plays Nick opposite Leo Marsh as Charlie."
    )
    assert set(got) == {
        ("Lia Kim", "Tara Jones"),
        ("Mia Chen", "Darcy Olsson"),
        ("Ana Lopez", "Rosa Reyes"),
        ("Sam Oak", "Felix"),
        ("Tom Keller", "Nick"),
        ("Leo Marsh", "Charlie"),
    }


def test_a_paired_sub_list_inside_a_list_of_pairs():
    # Family (round 10): "A as X, B as Y, C and D as Z and W, and E as V": the sub-list pairs by position.
    got = _cast(
        "Also back: Ana Lopez as Rosa Reyes, Dev Rao as Isaac Henderson, Mia Chen and Lia Kim as Nadia and "
        "Tara, and Sam Oak as Felix."
    )
    assert set(got) == {
        ("Ana Lopez", "Rosa Reyes"),
        ("Dev Rao", "Isaac Henderson"),
        ("Mia Chen", "Nadia"),
        ("Lia Kim", "Tara"),
        ("Sam Oak", "Felix"),
    }
    got = _cast(
        "The returning faces are Tom Keller as Oscar Bright, Mia Chen and Lia Kim as Nadia Jones and Tara "
        "Jones, plus Sam Oak as Felix."
    )
    assert set(got) == {
        ("Tom Keller", "Oscar Bright"),
        ("Mia Chen", "Nadia Jones"),
        ("Lia Kim", "Tara Jones"),
        ("Sam Oak", "Felix"),
    }
    # three actors, two roles: no guess
    got = _cast("Joining them are Jo Bell, Mia Chen and Lia Kim as Nadia and Tara.")
    assert not {("Mia Chen", "Nadia"), ("Lia Kim", "Tara"), ("Jo Bell", "Nadia")} & set(got)


def test_an_award_for_a_turn_as_a_role():
    # Family (round 10): "X was named ... for her turn as Y", "picked up ... for his performance as Y".
    got = _cast(
        "Mia Chen was named outstanding young performer for her turn as Tara's sister Nadia Jones at the "
        "ceremony. Dev Rao picked up the prize for best supporting actor for his performance as Isaac "
        "Henderson. Lia Kim was nominated in the guest category for their role as Coach Daly.\n"
        "Tom Keller won praise from Sam Oak for his turn as Felix. Jo Bell won a Bafta for her turn as Vera "
        "in Blackwater."
    )
    assert got == {
        ("Mia Chen", "Nadia Jones"): "Tara's sister",
        ("Dev Rao", "Isaac Henderson"): None,
        ("Lia Kim", "Coach Daly"): None,
    }


def test_identity_by_fame_names_the_actor():
    # Family (round 10): "X, who is <our character> to half the internet", "fans still call him <character>".
    got = _article_cast(
        "Meet the boys\n\n"
        "Tom Keller, who is Tao Xu to millions of viewers, orders a coffee. Sam Oak, who is Jo Bell to his "
        "friends, laughs.\n\n"
        "Dev Rao is explaining why people still call him Isaac Henderson on the bus. His mum calls him Dev.\n"
    )
    assert got == {("Tom Keller", "Tao Xu"), ("Dev Rao", "Isaac Henderson")}


def test_review_credits_with_asides_adverbs_and_manner_phrases():
    # Family (round 10): a review's credits with something between actor and role.
    got = _cast(
        "Lia Kim plays Tara Jones. Mia Chen's wry Darcy quietly steals every scene, and Tara finally meets "
        "her match in Leon Price, played with real charm by Sam Oak.\n"
        "Ruth Okoye, who won a Bafta for playing Vera Cole in Blackwater, is as terrific as ever as Tara's "
        "mum Helen.\n"
        "Dev Rao, who's enjoying a big year between Tidewater and Glasshouse, makes a short but sweet "
        "appearance as Coach Daly."
    )
    assert set(got) == {
        ("Lia Kim", "Tara Jones"),
        ("Mia Chen", "Darcy"),
        ("Sam Oak", "Leon Price"),
        ("Ruth Okoye", "Helen"),
        ("Dev Rao", "Coach Daly"),
    }


def test_paired_lists_in_parentheses_with_a_shared_family_name():
    # Family (round 10): "Jane and Julio Spring (Georgina Rich and Joseph Balderrama)".
    got = _cast(
        "Ben and Rosa Hope (Tom Keller and Lia Kim) finally visit the school.\n"
        "Tara and Darcy (Mia Chen and Jo Bell) get engaged. Dev Rao and Sam Oak (Isaac and Felix) share a "
        "scene.\n"
        "Elle, Tao and Imogen (Ana Lopez, Leo Marsh and Priya Raman) go to Paris."
    )
    assert set(got) == {
        ("Tom Keller", "Ben Hope"),
        ("Lia Kim", "Rosa Hope"),
        ("Mia Chen", "Tara"),
        ("Jo Bell", "Darcy"),
        ("Dev Rao", "Isaac"),
        ("Sam Oak", "Felix"),
        ("Ana Lopez", "Elle"),
        ("Leo Marsh", "Tao"),
        ("Priya Raman", "Imogen"),
    }


def test_landing_or_reading_for_a_role():
    # Family (round 10): "landed the role of" is a credit; "read for / auditioned for the role of" only when
    # the article casts neither that actor nor that role otherwise.
    got = _cast(
        "Mia Chen landed the role of Nadia Jones at nineteen. When Sam Oak first auditioned for the part of "
        "Felix Moore, he was seventeen.\n"
        "Jo Bell read for the role of Tara Jones, but Lia Kim got it. Lia Kim plays Tara Jones.\n"
        "Dev Rao auditioned for the role of Isaac Henderson; today he plays Coach Daly."
    )
    assert set(got) == {
        ("Mia Chen", "Nadia Jones"),
        ("Sam Oak", "Felix Moore"),
        ("Lia Kim", "Tara Jones"),
        ("Dev Rao", "Coach Daly"),
    }


def test_who_plays_with_hyphenated_relation_before_the_role():
    got = _cast(
        "Leo Marsh, who plays his on-screen brother David Nelson, arrived late. "
        "Mia Chen, who plays her on-screen girlfriend Darcy Olsson, came with him."
    )
    assert set(got) == {("Leo Marsh", "David Nelson"), ("Mia Chen", "Darcy Olsson")}


def test_role_named_in_an_aside_is_never_the_actor():
    got = _cast(
        "Hugo Brennan, best known as Lord Ashford, also makes an appearance as Coach Patel. "
        "The line-up also has Tobie Donovan, as well as Marion Clay, who plays Charlie's aunt Diane."
    )
    assert set(got) == {("Hugo Brennan", "Coach Patel"), ("Marion Clay", "Diane")}
    assert not any(actor == "Lord Ashford" for actor, _ in got)


def test_a_directors_production_is_no_possessive_credit():
    got = _cast(
        "Joe Locke's Charlie Spring is the heart of the show. Before that, Ana Lopez played Juliet "
        "in Ivo Wren's Romeo & Juliet, and Leo Marsh toured in Mia Chen's Hamlet."
    )
    assert ("Joe Locke", "Charlie Spring") in got
    assert not any(actor in ("Ivo Wren", "Mia Chen") for actor, _ in got)


def test_appeared_across_the_seasons_as_a_described_role():
    got = _cast(
        "Marion Clay appeared across all three series as Tao's mum, Helen Xu. "
        "Leo Marsh appeared in every episode of Bridgerton as Lord Ashford."
    )
    assert got == {("Marion Clay", "Helen Xu"): "Tao's mum"}


def test_a_surname_famous_for_a_show_role_resolves_to_the_full_name():
    got = _cast(
        "The actor Dev Rao has had a busy year on stage.\n\nRao first found fame as Tao Xu, the film buff "
        "who befriends Charlie. Marsh rose to fame as Isaac Henderson, but no one here says who Marsh is."
    )
    assert set(got) == {("Dev Rao", "Tao Xu")}


def test_roles_listed_before_played_by_actors_pair_in_order():
    got = _cast(
        "Ana Lopez and Jo Bell as Rosa Reyes and Mia Hart\n\n"
        "Fan favourites Rosa and Mia are played by Ana Lopez and Jo Bell respectively. "
        "The twins Ivy and Lark are played by Sam Oak and Dev Rao."
    )
    assert set(got) == {
        ("Ana Lopez", "Rosa Reyes"),
        ("Jo Bell", "Mia Hart"),
        ("Sam Oak", "Ivy"),
        ("Dev Rao", "Lark"),
    }


def test_who_play_a_named_group_pairs_each_actor():
    got = _cast(
        "Ana Lopez and Jo Bell, who play couple Rosa Reyes and Mia Hart, walked the carpet together. "
        "Sam Oak and Dev Rao play on-screen brothers Ivy Cole and Lark Cole."
    )
    assert set(got) == {
        ("Ana Lopez", "Rosa Reyes"),
        ("Jo Bell", "Mia Hart"),
        ("Sam Oak", "Ivy Cole"),
        ("Dev Rao", "Lark Cole"),
    }


def test_tv_listing_entry_of_another_title_is_not_our_cast():
    got = _cast(
        "Joe Locke returns as Charlie Spring.\n\n"
        '"Lantern Bay" (2017) Ana Lopez stars as Queen Mab in this fantasy drama. Jo Bell, now of '
        '"Heartstopper," plays the young Mab. 9 p.m. Channel 4\n\n'
        '"The Long Road" (2020) Sam Oak stars as Ruth Fenn. 10 p.m. BBC Two\n\n'
        '"Heartstopper" (2022) Kit Connor stars as Nick Nelson. Netflix'
    )
    assert set(got) == {("Joe Locke", "Charlie Spring"), ("Kit Connor", "Nick Nelson")}


def test_character_with_surname_in_parentheses_resolves_to_the_full_name():
    got = _cast(
        "Ana Lopez, Jo Bell and Sam Oak spoke to reporters at the screening. The new season finds Rosa "
        "(Lopez) and Mia (Bell) planning a trip, while Ivy (Oak) stays at home."
    )
    assert set(got) == {("Ana Lopez", "Rosa"), ("Jo Bell", "Mia"), ("Sam Oak", "Ivy")}


def test_surname_in_parentheses_shared_by_two_people_or_a_first_name_is_no_pair():
    got = _cast(
        "Ana Lopez and Jo Lopez spoke to reporters. Rosa (Lopez) smiled. Mia Hart arrived late, and "
        "Mia (Hart) waved."
    )
    assert got == {}


def test_review_credits_with_quoted_titles_kinship_possessors_and_comma_as():
    got = _cast(
        'Emmy winner Ana Lopez ("The Lighthouse") returns as Tara\'s mum, Rosa Reyes, and Mia Chen drops in '
        'as her free-spirited Aunt Nadia. Leo Marsh, Brick in "Harbour Lights," has a scene-stealing cameo '
        "as Sam Price that I won't spoil. The scenes between Lopez and newcomer Dev Rao, as the cheerful "
        "Cal Rowe, are a treat."
    )
    assert got == {
        ("Ana Lopez", "Rosa Reyes"): "Tara's mum",
        ("Mia Chen", "Nadia"): "Tara's aunt",
        ("Leo Marsh", "Sam Price"): None,
        ("Dev Rao", "Cal Rowe"): None,
    }


def test_comma_as_needs_the_role_to_close_its_clause():
    assert _cast("Ana Lopez, as Rosa Reyes walked in, smiled at the cameras.") == {}


def test_unpaired_lists_give_no_cross_pairs():
    # a caption label does not stop the paired list; a pronoun shares the verb of another production
    got = _cast(
        "Photo: Ana Lopez and Leo Marsh as Rosa and Cal in Heartstopper season three.\n"
        "She is also in The Tide, in which she and Dev Rao play Ivy and Theo, a married couple."
    )
    assert got == {("Ana Lopez", "Rosa"): None, ("Leo Marsh", "Cal"): None}


def test_casting_lede_credits_in_parentheses_are_productions_named_elsewhere():
    got = _cast(
        "Ana Lopez (Lowmoor), Mia Chen (The Long Tide) and BAFTA nominee Leo Marsh (Ferrymen) have joined "
        "the film. Ana Lopez and Dev Rao will once again lead as Rosa Reyes and Cal Rowe, respectively.\n"
        "Lopez will play Nadia Jones, Tara's flatmate. Mia Chen has been cast as Ivy Moss, while Leo Marsh "
        "will play Mr. Okoro.\n"
        "Lopez made her debut in the BBC Three drama Lowmoor. Chen was seen in RTÉ's crime drama The Long "
        "Tide, and Marsh earned a nomination for his turn in Channel 4's Ferrymen."
    )
    assert set(got) == {
        ("Ana Lopez", "Rosa Reyes"),
        ("Dev Rao", "Cal Rowe"),
        ("Ana Lopez", "Nadia Jones"),
        ("Mia Chen", "Ivy Moss"),
        ("Leo Marsh", "Mr. Okoro"),
    }


def test_plural_possessor_descriptor_photo_credit_and_in_which_clause():
    got = _cast(
        "There are new faces, too. The Spanish actor Luis de la Vega plays the girls' largely absent "
        "father, Marco.\n"
        "[Image caption: Ana Lopez and Leo Marsh at the premiere in Covent Garden (Getty Images)]\n"
        "In 2019 she starred in Blue Harbour, in which Mia Chen played Jan Doyle, a fisherman's widow."
    )
    assert got == {("Luis de la Vega", "Marco"): "the girls' largely absent father"}


def test_an_actor_introduced_to_the_world_as_our_character():
    got = _cast(
        'Ana Lopez is running late. "Sorry, the trains hate me," Lopez says.\n'
        "It has been three years since the Leeds-born star was introduced to the world as Tara Jones, "
        "the girl who changed schools in the first episode of Heartstopper."
    )
    assert got == {("Ana Lopez", "Tara Jones"): None}


def test_listings_roundup_keeps_only_our_shows_entry():
    got = _cast(
        "Heartstopper season three – Netflix\n"
        "Ana Lopez is back as Rosa Reyes, and Leo Marsh turns up as Cal Rowe.\n"
        "The Harbour – Sky Atlantic and NOW\n"
        "Mia Chen plays Ivy Moss, a smuggler's daughter, and Dev Rao is superb as Tom Hale.\n"
        "Bakers – BBC One, Saturday\n"
        "Sam Oak plays Joan Reed, a baker with a secret."
    )
    assert set(got) == {("Ana Lopez", "Rosa Reyes"), ("Leo Marsh", "Cal Rowe")}


def test_played_by_after_an_appositive_ending_in_a_source_title():
    got = _cast(
        "The big change is Cal Rowe, the relentlessly cheerful, slightly odd boy from Moonfall, played by "
        "newcomer Dev Rao. Mia Chen also joins the ensemble as Ivy Moss, a character readers will "
        "recognise from the novel Moonfall."
    )
    assert got == {("Dev Rao", "Cal Rowe"): None, ("Mia Chen", "Ivy Moss"): None}


def test_a_role_in_a_stage_run_is_another_production():
    # "is playing Romeo eight shows a week on Broadway": the stage run in the same clause makes it another
    # credit; a comma ends the clause ("who plays Tao, has been on stage in the West End" is ours).
    got = _cast(
        "Heartstopper star Dev Rao is playing Romeo eight shows a week on Broadway.\n"
        "Ana Lopez, who plays Rosa Reyes, has been busy on stage in the West End.\n"
    )
    assert set(got) == {("Ana Lopez", "Rosa Reyes")}


def test_hedged_return_and_played_once_again_by():
    got = _cast(
        "If the show returns, Ana Lopez will almost certainly return as Rosa Reyes, and Mia Chen is also "
        "expected to return as Nick's aunt, Nadia Moss. Isaac, played once again by Leo Marsh, gets a new "
        "storyline."
    )
    assert got == {
        ("Ana Lopez", "Rosa Reyes"): None,
        ("Mia Chen", "Nadia Moss"): "Nick's aunt",
        ("Leo Marsh", "Isaac"): None,
    }


def test_paired_lists_after_as_well_as_and_with_caption_positions():
    got = _cast(
        "The series also stars Corinna Brown as Tara, as well as Ana Lopez and Leo Marsh as Rosa and Isaac."
    )
    assert set(got) == {("Corinna Brown", "Tara"), ("Ana Lopez", "Rosa"), ("Leo Marsh", "Isaac")}
    got = _cast("Image caption, Ana Lopez (left) and Leo Marsh play Rosa and Isaac in the series.")
    assert set(got) == {("Ana Lopez", "Rosa"), ("Leo Marsh", "Isaac")}


def test_paired_possessive_list_pairs_in_order():
    got = _cast(
        "Ana Lopez and Leo Marsh's Charlie and Nick are the heart of the show, and Rosa Reyes stars as Tara."
    )
    assert set(got) == {("Ana Lopez", "Charlie"), ("Leo Marsh", "Nick"), ("Rosa Reyes", "Tara")}


def test_possessive_titled_role_before_a_verb():
    got = _cast(
        "Ana Lopez, who plays Tara, is back. Leo Marsh's Mr Farouk and Rosa Reyes's Mr Ajayi barely share a "
        "scene in Paris."
    )
    assert set(got) == {("Ana Lopez", "Tara"), ("Leo Marsh", "Mr Farouk"), ("Rosa Reyes", "Mr Ajayi")}


def test_who_clause_inside_the_brackets_marks_the_actor():
    got = _cast("Ben Hope (Leo Marsh, who you might remember as a young prince in Castles) hides Charlie.")
    assert set(got) == {("Leo Marsh", "Ben Hope")}


def test_gallery_entry_epithet_resolves_to_the_entry_heading():
    got = _cast(
        "3. Leo Marsh\n\nThe Skins star, who plays Nick's brother David, wore green.\n\n"
        "4. Ana Lopez\n\nThe Bafta winner, who plays Rosa Reyes, stunned in silver.\n\n"
        "Photo: Jo Lens/Getty Images\n\nThe Emmy nominee, who plays Tara, arrived late."
    )
    # the last epithet has no entry heading above it (the photo credit ends the entry): no pair
    assert got == {("Leo Marsh", "David"): "Nick's brother", ("Ana Lopez", "Rosa Reyes"): None}


def test_caption_identity_herself_and_is_that_you():
    got = _cast(
        "Imogen Heaney herself, Ana Lopez, reunited with the cast. Tao Xu, is that you? Leo Marsh went full "
        "rock star. Elvis Presley, is that you? Mia Chen went full rock star too."
    )
    assert set(got) == {("Ana Lopez", "Imogen Heaney"), ("Leo Marsh", "Tao Xu")}


def test_appositive_epithet_before_who_plays_and_a_cameo_with_where():
    got = _cast(
        "Ana Lopez, the Bafta winner who plays Nick's mother, Rosa, is back. The film also brings back Leo "
        "Marsh, the Skins star who made a fleeting cameo in season three as Jack Hale. Mia Chen, the co-star "
        "of the man who plays Nick, spoke."
    )
    assert got == {("Ana Lopez", "Rosa"): "Nick's mother", ("Leo Marsh", "Jack Hale"): None}


def test_possessive_before_a_two_word_title_in_a_headline_line_is_no_role():
    got = _cast(
        "Ana Lopez, who plays Tara, was there.\n\nAna Lopez's Romeo and Juliet: every review so far\n\n"
        "Leo Marsh's Nick and Ana Lopez's Tara share a scene."
    )
    assert set(got) == {("Ana Lopez", "Tara"), ("Leo Marsh", "Nick")}


def test_place_before_the_role_noun_is_a_description():
    got = _cast(
        "Ana Lopez, who plays Truham teacher Mr Farouk, was seen on set, and Leo Marsh plays Higgs rugby "
        "captain Rosa Hale."
    )
    assert set(got) == {("Ana Lopez", "Mr Farouk"), ("Leo Marsh", "Rosa Hale")}


def test_the_shows_role_and_whose_role_appositives():
    got = _cast(
        "Ana Lopez, the show's Elle Argent, took on the role of Rose Noble. The panel brought "
        "together stars Leo Marsh and Mia Chen. Marsh, whose Tao Xu went from anxious best friend to "
        "boyfriend, said he was surprised. Alice Oseman, who created the show, said the same. Oseman, whose "
        "Nick Nelson went from rugby lad to icon, laughed."
    )
    assert set(got) == {("Ana Lopez", "Elle Argent"), ("Leo Marsh", "Tao Xu")}


def test_comma_separated_adjectives_and_as_ever_as():
    got = _cast(
        "Ana Lopez turns up as Charlie's blunt, brilliant aunt Rosa. Leo Marsh, deadpan as ever as Nick's "
        "big brother David, is the secret weapon. Mia Chen, grinning as ever as the cameras flashed, waved."
    )
    assert got == {
        ("Ana Lopez", "Rosa"): "Charlie's blunt, brilliant aunt",
        ("Leo Marsh", "David"): "Nick's big brother",
    }


def test_tabloid_ages_in_a_paired_list():
    got = _cast(
        "Best pals Ana Lopez, 29, and Rosa Reyes, 25, who play lovebirds Tara and Darcy, posed together. "
        "Leo Marsh, 23, (left) and Dev Rao, 22, who play couple Nick and Charlie, hugged."
    )
    assert set(got) == {
        ("Ana Lopez", "Tara"),
        ("Rosa Reyes", "Darcy"),
        ("Leo Marsh", "Nick"),
        ("Dev Rao", "Charlie"),
    }


def test_aka_after_an_age_and_a_describing_word():
    got = _cast(
        "The stars Ana Lopez and Leo Marsh walked the carpet. On-screen boyfriend Leo - aka anxious "
        "Charlie Spring - wore black. Rosa Reyes, 23, aka her on-off love Tao Xu, waved. Mia Chen, aka the "
        "woman behind Nick Nelson, smiled."
    )
    assert set(got) == {("Leo Marsh", "Charlie Spring"), ("Rosa Reyes", "Tao Xu")}


def test_relative_clause_of_one_actor_never_spans_the_next_actors_clause():
    got = _cast(
        "Ana Lopez, who stars as Charlie's sister Tori Spring, was joined by Leo Marsh, who played "
        "Michael Holden."
    )
    assert set(got) == {("Ana Lopez", "Tori Spring"), ("Leo Marsh", "Michael Holden")}


def test_a_first_name_never_resolves_to_a_capitalised_gerund_phrase():
    got = _cast(
        "Leo Marsh and Dev Rao arrived together. Leo, who plays rugby-mad Nick Nelson, wore brown. "
        "One fan wrote: Watching Leo and Dev cry is all I needed today."
    )
    assert set(got) == {("Leo Marsh", "Nick Nelson")}


def test_childrens_news_character_who_is_played_by_and_a_mixed_list():
    got = _cast(
        "It follows Charlie, who is played by Ana Lopez, and Nick, played by Leo Marsh, along with their "
        "friends. Other stars include Rosa Reyes, who plays Elle Argent, Dev Rao as Tao Xu, and Mia Chen, "
        "who plays Isaac Henderson."
    )
    assert set(got) == {
        ("Ana Lopez", "Charlie"),
        ("Leo Marsh", "Nick"),
        ("Rosa Reyes", "Elle Argent"),
        ("Dev Rao", "Tao Xu"),
        ("Mia Chen", "Isaac Henderson"),
    }


def test_the_pair_of_the_previous_sentence_who_play_two_roles():
    got = _cast(
        "Ana Lopez and Leo Marsh shared a hug on the red carpet.\n"
        "The actors, both 22, who have played on-screen couple Nick Nelson and Charlie Spring since 2022, "
        "were all smiles.\n"
        "Rosa Reyes and Dev Rao arrived later. Fans cheered. The pair play Tara and Darcy."
    )
    assert set(got) == {("Ana Lopez", "Nick Nelson"), ("Leo Marsh", "Charlie Spring")}


def test_reviewers_praise_with_an_adjective_and_scene_stealing():
    got = _cast(
        "Ana Lopez is a quiet revelation once again as Charlie's sister Tori. Newcomer Leo Marsh steals "
        "several scenes as Kai, Nick's chaotic housemate, who has a thankless job. Mia Chen stole the "
        "show as the cameras rolled."
    )
    assert got == {("Ana Lopez", "Tori"): "Charlie's sister", ("Leo Marsh", "Kai"): None}


def test_dash_aside_holding_a_quoted_title():
    got = _cast(
        "And yes, Ana Lopez — fresh off “Blackwater” — pops up for a cameo as TV personality Rosa Reyes, "
        "a sequence built to make the internet scream."
    )
    assert set(got) == {("Ana Lopez", "Rosa Reyes")}


def test_title_case_headline_phrase_before_a_possessive_is_no_actor():
    got = _cast(
        "Ana Lopez's Nick Nelson is the heart of the show.\n"
        "The Ensemble Is Still the Secret Weapon\n"
        "Related\n"
        "Leo Marsh Is Done Being Anyone’s Secret\n"
    )
    assert set(got) == {("Ana Lopez", "Nick Nelson")}


def test_pronoun_was_cast_as_is_the_person_just_named():
    got = _cast(
        '"I was the grumpy big sister," says Ana Lopez. Lopez is wearing an enormous cardigan.\n'
        "She was cast as Tori before anyone knew what the show would become."
    )
    assert set(got) == {("Ana Lopez", "Tori")}
    assert _cast("The show became a phenomenon. She was cast as Tori before anyone knew.") == {}


def test_paired_lists_with_a_group_phrase_or_years_between_verb_and_roles():
    pairs = {("Ana Lopez", "Nadia Bell"), ("Rosa Reyes", "Tara Cole")}
    texts = (
        "The film stars Ana Lopez and Rosa Reyes as schoolboy sweethearts Nadia Bell and Tara Cole.",
        "It will reunite Ana Lopez and Rosa Reyes as schoolgirls-turned-couple Nadia Bell and Tara Cole, "
        "it said.",
        "So are Ana Lopez and Rosa Reyes, who have spent the last four and a half years as Nadia Bell and "
        "Tara Cole.",
    )
    for text in texts:
        assert set(_cast(text)) == pairs, text
    # "as well as" is no group phrase: the names after it are people, not roles
    assert _cast("Ana Lopez and Rosa Reyes as well as Leo Marsh and Dev Rao attended the premiere.") == {}


def test_magazine_credit_block_labels_are_no_roles():
    got = _cast(
        "Words: Hannah Cole\nPhotography: Leon Marsh\nStyling: Priya Dean\n\n"
        "Ana Lopez arrives at our shoot in a trench coat.\n"
        "Tori: Rosa Reyes\nNadia Bell: Mia Chen\n"
    )
    assert set(got) == {("Rosa Reyes", "Tori"), ("Mia Chen", "Nadia Bell")}


def test_possessive_title_before_a_production_noun_is_no_role():
    got = _cast(
        "Leo Marsh plays Nadia Bell in the show.\n\n"
        "Leo Marsh's Blackwater Rising co-star sends sweet message ahead of the finale\n"
        "Kit Lane, who plays Tara opposite Leo Marsh's Nadia Bell since the first season, is back."
    )
    assert set(got) == {("Leo Marsh", "Nadia Bell"), ("Kit Lane", "Tara")}


def test_paren_first_name_of_a_person_named_in_full_is_the_actor():
    got = _cast(
        "Ana Lopez & Rosa Reyes Reunite on the Red Carpet\n\n"
        "Ana Lopez and Rosa Reyes are back together one last time!\n\n"
        "The film follows Nadia Bell (Ana) and Tara Cole (Rosa) as they face the biggest decision yet."
    )
    assert set(got) == {("Ana Lopez", "Nadia Bell"), ("Rosa Reyes", "Tara Cole")}
    # the one-word name is a known role's first name: the usual Actor (Role) stands
    got = _cast("Mia Chen plays Nadia Bell in the film.\n\nThe cast includes Mia Chen (Nadia) and more.")
    assert set(got) == {("Mia Chen", "Nadia Bell")}


def test_voiced_by_as_an_aside_is_a_pair():
    got = _cast(
        "Truham's unseen headteacher, Mr. Reyes (voiced once again by Leo Marsh), gets one last line."
    )
    assert got == {("Leo Marsh", "Mr. Reyes"): "Truham's unseen headteacher"}
    assert _cast("Ms Farouk, voiced by Leo Marsh, opens the film.") == {("Leo Marsh", "Ms Farouk"): None}
    assert _cast("Concerns voiced by Leo Marsh were ignored.") == {}


def test_paired_list_with_aka_or_whose_roles_aside():
    got = _cast("Photo caption: Ana Lopez and Rosa Reyes, aka Nadia and Tara, arrive hand in hand.")
    assert set(got) == {("Ana Lopez", "Nadia"), ("Rosa Reyes", "Tara")}
    got = _cast(
        "Ana Lopez and Rosa Reyes, whose Nadia Bell and Tara Cole remain one of television's most beloved "
        "couples, arrive together."
    )
    assert set(got) == {("Ana Lopez", "Nadia Bell"), ("Rosa Reyes", "Tara Cole")}
    assert _cast("Ana Lopez and Rosa Reyes, whose Instagram and TikTok accounts are huge, arrive.") == {}


def test_review_possessives_in_a_list_before_a_plural_verb():
    got = _cast(
        "The story of Nadia Bell and Tara Cole ends here. Ana Lopez's Nadia and Rosa Reyes's Tara get a "
        "long-distance subplot."
    )
    assert set(got) == {("Ana Lopez", "Nadia Bell"), ("Rosa Reyes", "Tara Cole")}


def test_surname_possessive_of_a_person_named_only_in_passing():
    got = _cast(
        "Ana Lopez and Rosa Reyes met in London. It ends the story of Nick Nelson and Charlie Spring.\n\n"
        "The director insists that the chemistry between Lopez’s Charlie and Reyes’s Nick was “not something "
        "we could have manufactured”."
    )
    assert set(got) == {("Ana Lopez", "Charlie Spring"), ("Rosa Reyes", "Nick Nelson")}
    # a character's surname is no actor's
    assert (
        _cast("It concludes the story of Nick Nelson and Charlie Spring. Nelson's Charlie is lovely.") == {}
    )


def test_dash_aside_who_plays_names_the_role():
    got = _cast(
        "Ana Lopez and Rosa Reyes reunited.\n\n"
        "During the panel, Rosa – who plays Tara Cole, and who fans will know as Jane Doe from Blackwater – "
        "opened up about the cast."
    )
    assert set(got) == {("Rosa Reyes", "Tara Cole")}
    # a past credit in the aside is another production's
    got = _cast("Rosa Reyes – who has played both Queen Anne and Lady Grey – is back as Nick's mum Sarah.")
    assert set(got) == {("Rosa Reyes", "Sarah")}


def test_dash_aside_back_as_role():
    got = _cast(
        "His scenes with Rosa Reyes – back, briefly but wonderfully, as his mother Sarah – are the best."
    )
    assert set(got) == {("Rosa Reyes", "Sarah")}
    assert _cast("Rosa Reyes – back from a break as long as anyone can remember – arrives.") == {}
