"""EDTF dates: parsing, plain-words errors, display at true precision in fr and en."""

import pytest
from storydossier.dates import DateError, parse_date


@pytest.mark.parametrize(
    ("raw", "fr", "en", "iso"),
    [
        ("2020-01-06", "6 janvier 2020", "6 January 2020", "2020-01-06"),
        ("2020-01-01", "1er janvier 2020", "1 January 2020", "2020-01-01"),
        ("2020-01", "janvier 2020", "January 2020", "2020-01"),
        ("2020", "2020", "2020", "2020"),
        ("2020-01-03~", "vers le 3 janvier 2020", "about 3 January 2020", "2020-01-03"),
        ("2020-01?", "janvier 2020 (date incertaine)", "January 2020 (date uncertain)", "2020-01"),
        (
            "2020-01-03/2020-01-04",
            "du 3 au 4 janvier 2020",
            "3–4 January 2020",
            "2020-01-03/2020-01-04",
        ),
        (
            "2019-12-31/2020-01-01",
            "du 31 décembre 2019 au 1er janvier 2020",
            "31 December 2019 – 1 January 2020",
            "2019-12-31/2020-01-01",
        ),
    ],
)
def test_display_keeps_the_true_precision(raw, fr, en, iso):
    value = parse_date(raw)
    assert value.text("fr") == fr
    assert value.text("en") == en
    assert value.iso() == iso


def test_month_precision_never_gains_a_day():
    value = parse_date("2020-01")
    assert value.precision == "month"
    assert "1" not in value.text("fr").replace("2020", "")
    assert (value.earliest.isoformat(), value.latest.isoformat()) == ("2020-01-01", "2020-01-31")


def test_sort_key_earliest_instant_then_precision():
    dates = ["2020-01", "2020-01-06", "2020-01-01", "2019-12-31/2020-01-05", "2020"]
    ordered = sorted(dates, key=lambda d: parse_date(d).sort_key())
    assert ordered == ["2019-12-31/2020-01-05", "2020-01-01", "2020-01", "2020", "2020-01-06"]


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ("2020-02-30", "February 2020 has no day 30 (it has 29 days)"),
        ("2020-13", "there is no month 13"),
        ("6 janvier 2020", "write YYYY-MM-DD"),
        ("2020-01-06/2020-01-01", "ends before it starts"),
        ("2020-01/..", "open intervals are not supported"),
    ],
)
def test_invalid_dates_are_explained(raw, words):
    with pytest.raises(DateError) as caught:
        parse_date(raw)
    assert words in str(caught.value)
    assert "EDTFParseException" not in str(caught.value)


def test_every_accepted_form_is_valid_edtf_for_the_reference_parser():
    import edtf

    for raw in (
        "2020",
        "2020-01",
        "2020-01-06",
        "2020-01-06~",
        "2020-01?",
        "2020%",
        "2019-12-31/2020-01-01",
        "2020-01/2020-02~",
        "2019/2020",
    ):
        parse_date(raw)
        edtf.parse_edtf(raw)  # raises if the dossier ever accepted a non-EDTF form


def test_valid_but_unsupported_edtf_is_explained():
    with pytest.raises(DateError) as caught:
        parse_date("2020-21")  # EDTF season (spring 2020)
    assert "valid EDTF, but the dossier takes only days, months and years" in str(caught.value)
