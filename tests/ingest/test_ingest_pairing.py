"""Cast by position (ingest/pairing.py): actors and roles a sentence lists on either side of a casting cue,
in composed sentences with invented names, through the whole extractor."""

from __future__ import annotations

from ingest.extract import extract_article
from ingest.pairing import mentions, positional_pairs


def _pairs(text: str) -> set[tuple[str, str]]:
    facts = extract_article("Heartstopper film news\n" + text, "t.txt")
    return {(c.actor, c.character) for c in facts.cast}


def test_mentions_split_a_title_case_heading_at_its_stop_words() -> None:
    got = [name for _start, _end, name in mentions("12 Mia Chen As Rosa Reyes Marlowe")]
    assert got == ["Mia Chen", "Rosa Reyes Marlowe"]


def test_two_lists_either_side_of_a_cue_pair_in_order_past_credits_in_parentheses() -> None:
    got = _pairs(
        "Mia Chen (Lowtide) and Dev Rao (Crossing) reprise their roles as Charlie Spring and Nick Nelson. "
        "Ana Lopez, Leo Marsh and Jo Bell return as Elle Argent, Tao Xu and Tara Jones, respectively."
    )
    assert got == {
        ("Mia Chen", "Charlie Spring"),
        ("Dev Rao", "Nick Nelson"),
        ("Ana Lopez", "Elle Argent"),
        ("Leo Marsh", "Tao Xu"),
        ("Jo Bell", "Tara Jones"),
    }


def test_lists_of_unequal_length_pair_nothing() -> None:
    assert _pairs("Mia Chen and Dev Rao return as Charlie Spring alongside the rest of the gang.") == set()


def test_roles_then_played_by_and_a_dash_appositive() -> None:
    got = _pairs(
        "Tao went from suspicious of Nick Nelson — played by Dev Rao — to one of his allies. "
        "Ana Lopez and Jo Bell — Tara and Darcy, obviously — shared a post. "
        "Leo Marsh – bookworm Isaac Henderson on screen – signed autographs. "
        "Elle Argent actor Sam Oak waved to fans."
    )
    assert got == {
        ("Dev Rao", "Nick Nelson"),
        ("Ana Lopez", "Tara"),
        ("Jo Bell", "Darcy"),
        ("Leo Marsh", "Isaac Henderson"),
        ("Sam Oak", "Elle Argent"),
    }


def test_a_cue_after_a_verb_phrase_a_relative_or_an_aka() -> None:
    got = _pairs(
        "Ana Lopez shot to fame in 2022 as Elle Argent. "
        "Dev Rao, whose character Tao Xu spends much of the series in love, laughed. "
        "Jo Bell, aka everyone's favourite ace king Isaac, shared a photo. "
        "Sam Oak, 21, who plays his boyfriend Charlie Spring, was seen in Kent."
    )
    assert got == {
        ("Ana Lopez", "Elle Argent"),
        ("Dev Rao", "Tao Xu"),
        ("Jo Bell", "Isaac"),
        ("Sam Oak", "Charlie Spring"),
    }


def test_a_conjunction_a_comparison_or_a_preposition_is_no_cue() -> None:
    got = _pairs(
        "Mia Chen is still around, as are Tara Jones and Darcy. "
        "Dev Rao looked as nervous as Charlie did. "
        "Ana Lopez plays opposite Leo Marsh, and plays rugby with Tao. "
        "Jo Bell won praise from Sam Oak for his turn as Felix. "
        "Lia Kim, the co-star of the man who plays Nick, spoke."
    )
    assert got == set()


def test_another_productions_role_or_crew_is_not_paired() -> None:
    got = _pairs(
        "Mia Chen, a long way from her turn as Rosa Vale in Lowtide, plays Imogen Heaney. "
        "The film, directed by Dev Rao, picks up as Nick leaves for university. "
        "Ana Lopez joined Doctor Who as Rose Noble."
    )
    assert got == {("Mia Chen", "Imogen Heaney")}


def test_a_list_the_article_contradicts_anywhere_pairs_nothing() -> None:
    got = _pairs(
        "Leo Marsh plays Tao Xu. His body double Dev Rao — Tao Xu in every long shot — is back. "
        "Ana Lopez plays Darcy. Jo Bell and Ana Lopez — Tara and Elle at the table read — laughed."
    )
    assert got == {("Leo Marsh", "Tao Xu"), ("Ana Lopez", "Darcy")}


def test_a_positional_pair_displaces_a_credit_in_parentheses_but_not_a_role() -> None:
    got = _pairs(
        "Mia Chen (Agatha) and Dev Rao (Warfare) reprise their roles as Charlie Spring and Nick Nelson."
    )
    assert ("Mia Chen", "Agatha") not in got
    assert ("Mia Chen", "Charlie Spring") in got


def test_positional_pairs_reads_only_the_shape_the_caller_classifies() -> None:
    kinds = {"Aa Bb": "actor", "Cc Dd": "actor", "Ee Ff": "char", "Gg Hh": "char"}
    s = "Aa Bb and Cc Dd play Ee Ff and Gg Hh."
    got = positional_pairs(s, lambda name, start, end: kinds.get(name, "other"))  # type: ignore[arg-type, return-value]
    assert [[(a, c) for a, c, _span in group] for group in got] == [[("Aa Bb", "Ee Ff"), ("Cc Dd", "Gg Hh")]]
    assert positional_pairs(s, lambda name, start, end: "other") == []


def test_is_pairs_a_titled_or_named_role_only_where_its_clause_ends() -> None:
    got = _pairs(
        "Lia Kim is Coach Singh, whose pitch doubles as a refuge. Dev Rao is Mr. Farouk. "
        "Mia Chen is Charlie Spring's biggest fan. Jo Bell is Nick's mum in all but name."
    )
    assert got == {("Lia Kim", "Coach Singh"), ("Dev Rao", "Mr Farouk")}


def test_a_sentence_opener_is_no_item_of_a_played_by_list() -> None:
    got = _pairs("Meanwhile, Tara and Darcy, played once again by Ana Lopez and Jo Bell, get a storyline.")
    assert got == {("Ana Lopez", "Tara"), ("Jo Bell", "Darcy")}


def test_a_name_followed_by_himself_is_another_productions_role_unless_it_is_ours() -> None:
    got = _pairs(
        "Dev Rao – Lord Ashford himself – drops in as Coach Patel for two episodes. "
        "Mia Chen, aka Nick Nelson himself, shared a carousel of polaroids."
    )
    assert got == {("Dev Rao", "Coach Patel"), ("Mia Chen", "Nick Nelson")}


def test_a_long_nomination_before_his_role_as_and_an_appositive_before_played_by() -> None:
    got = _pairs(
        "Dev Rao, 20, was nominated for outstanding lead performance for his role as rugby player Nick "
        "Nelson. Jo Bell returns, and she has finally met her match in Michael Holden, the chatty new boy at "
        "Higgs played by Sam Oak."
    )
    assert got == {("Dev Rao", "Nick Nelson"), ("Sam Oak", "Michael Holden")}


def test_a_credits_box_line_naming_our_own_title_is_no_pair() -> None:
    assert _pairs("Original Title: Heartstopper Forever\n\nIt is a lovely film.") == set()


def test_a_later_sentence_must_agree_with_an_earlier_positional_pair() -> None:
    got = _pairs("Ana Lopez and Jo Bell — Tara and Darcy — posed. Later Ana Lopez — Elle on screen — smiled.")
    assert got == {("Ana Lopez", "Tara"), ("Jo Bell", "Darcy")}


def test_voice_roles_a_coordinated_second_credit_and_a_discourse_aside() -> None:
    got = _pairs(
        "Mia Chen also returns as the voice of Truham's Headteacher Barnes. "
        "Dev Rao is back as art teacher Mr Ajayi, and Lia Kim will once again blow the whistle as "
        "Coach Singh. "
        "Sam Oak, meanwhile, will play Ruby, a Year 13 student who joins mid-year."
    )
    assert got == {
        ("Mia Chen", "Headteacher Barnes"),
        ("Dev Rao", "Mr Ajayi"),
        ("Lia Kim", "Coach Singh"),
        ("Sam Oak", "Ruby"),
    }


def test_a_titled_form_of_a_role_the_actor_already_has_adds_nothing() -> None:
    got = _pairs("Diane (Mia Chen) is new. The cast is joined by Dev Rao, and Mia Chen as Nick's Aunt Diane.")
    assert got == {("Mia Chen", "Diane")}


def test_a_turn_as_a_role_before_its_actor_and_a_bracketed_played_by() -> None:
    # Real coverage: "With his sweet-natured turn as Charlie Spring in Heartstopper, Joe Locke ensured ..."
    # under a heading that is the actor's name; "Isaac [played by Tobie Donovan] storyline".
    got = _pairs(
        "Dev Rao\n\nWith his sweet-natured turn as Tao Xu in Heartstopper, Dev Rao earned himself an army of "
        "fans.\n\nIsaac [played by Jo Bell] storyline is a really important one."
    )
    assert got == {("Dev Rao", "Tao Xu"), ("Jo Bell", "Isaac")}


def test_real_casting_news_shapes() -> None:
    # From real coverage of a casting announcement (names changed): surnames, a long appositive naming
    # another production's role, "essay", "as the <description>, <new role>", a passive "will be played by",
    # a credits parenthesis, and a scare quote in the actor's clause.
    got = _pairs(
        "Mia Chen, Dev Rao, Jo Bell and Lia Kim join the cast.\n\n"
        "Chen, best known for playing Rosa Vale in the Lowtide Cinematic Universe, will play Nick's aunt, "
        "Diane. Bailey will only be making a cameo. Rao will essay Charlie's cousin Sahar. "
        "Bell will be making a cameo appearance as the Instagram-popular classist, Jack Maddox. "
        "Geoff, Charlie's straightforward and wise therapist from the graphic novels, will be played by "
        "Kim.\n\n"
        'Sam Oak (Ray Dune, Back to Black) will play "Coach Singh, the rugby coach".\n\n'
        'Lee Park feels "blessed" to have been chosen to play Elle.'
    )
    assert got == {
        ("Mia Chen", "Diane"),
        ("Dev Rao", "Sahar"),
        ("Jo Bell", "Jack Maddox"),
        ("Lia Kim", "Geoff"),
        ("Sam Oak", "Coach Singh"),
        ("Lee Park", "Elle"),
    }


def test_a_capitalised_word_in_a_descriptor_is_never_a_name() -> None:
    # "... joins as Nell, a new friend Charlie makes": Charlie is not her role.
    got = _pairs("Ana Lopez – best known for a BBC thriller – joins as Nell, a new friend Charlie makes.")
    assert ("Ana Lopez", "Charlie") not in got


def test_cast_as_the_names_respectively() -> None:
    # Real: "Joe Locke and Kit Connor have been cast as the Charlie and Nick, respectively."
    got = _pairs("Ana Lopez and Dev Rao have been cast as the Tara and Darcy, respectively.")
    assert got == {("Ana Lopez", "Tara"), ("Dev Rao", "Darcy")}


def test_a_role_as_a_possessor_with_its_actor_in_parentheses() -> None:
    # Real reviews: "Nick's (Kit Connor) journey", "into Tara's (Corinna Brown)", and a credits box.
    got = _pairs(
        "Created By: Alice Oseman\n\n"
        "Season 2 followed Nick's (Dev Rao) journey. Darcy moved into Tara's (Jo Bell). "
        "Ana Lopez takes on the role of Charlie's (played by Mia Chen) aunt."
    )
    assert got == {("Dev Rao", "Nick"), ("Jo Bell", "Tara"), ("Mia Chen", "Charlie")}


def test_a_title_case_headlines_verb_phrase_is_no_actor() -> None:
    # Real: "'Heartstopper' Actor Kit Connor 'Forced' to Come Out as Bisexual".
    facts = extract_article(
        "'Show' Actor Dev Rao 'Forced' to Come Out as Bisexual\n\nDev Rao spoke.", "t.txt"
    )
    assert [(c.actor, c.character) for c in facts.cast] == []


def test_a_spaced_hyphen_before_played_by_and_the_actors_behind() -> None:
    # A children's-news cast list ("Elle Argent - played by Yasmin Finney.") and a premiere report
    # ("Corinna Brown and Kizzy Edgell, the actors behind Tara and Darcy, posed arm in arm").
    got = _pairs(
        "Tao Xu - played by Dev Rao. Tao loves films.\n\n"
        "Ana Lopez and Jo Bell, the actors behind Tara and Darcy, posed arm in arm."
    )
    assert got == {("Dev Rao", "Tao Xu"), ("Ana Lopez", "Tara"), ("Jo Bell", "Darcy")}
