import pytest

from govlens.indicators.site._colour import contrast_ratio, parse_colour


@pytest.mark.parametrize("text, rgba", [
    ("#777", (119, 119, 119, 1.0)),
    ("#AbCdEf", (171, 205, 239, 1.0)),
    ("rgb(255, 0, 0)", (255, 0, 0, 1.0)),
    ("rgba(0,0,0,0.5)", (0, 0, 0, 0.5)),
    ("rgb(0 128 0 / 50%)", (0, 128, 0, 0.5)),
    ("rgb(100%, 0%, 0%)", (255, 0, 0, 1.0)),
    ("Silver", (192, 192, 192, 1.0)),
    ("rebeccapurple", (102, 51, 153, 1.0)),
    ("#ffffff80", (255, 255, 255, 128 / 255)),
    ("transparent", (0, 0, 0, 0.0)),
    ("hsl(0, 100%, 50%)", (255, 0, 0, 1.0)),
    ("#0f0 !important", (0, 255, 0, 1.0)),
])
def test_parse(text, rgba):
    assert parse_colour(text) == pytest.approx(rgba)


@pytest.mark.parametrize("text", ["inherit", "var(--x)", "#12", "#ggg", "rgb(1,2)", "", None, 12])
def test_unparseable(text):
    assert parse_colour(text) is None


@pytest.mark.parametrize("fg, bg, ratio", [
    ("#000", "#fff", 21.0),
    ("#fff", "#fff", 1.0),
    ("#777", None, 4.48),          # the classic just-failing grey
    ("#767676", "#ffffff", 4.54),  # the lightest grey that passes on white
    ("#0000ff", "#ffffff", 8.59),
    ("#ff0000", "#ffffff", 4.00),
    ("#999", "#fff", 2.85),
    ("white", "#000080", 16.0),
])
def test_wcag_contrast(fg, bg, ratio):
    got = contrast_ratio(parse_colour(fg), parse_colour(bg) if bg else None)
    assert got == pytest.approx(ratio, abs=0.01)


def test_translucent_colours_are_composited():
    # 50 % black over white is about #808080
    assert contrast_ratio(parse_colour("rgba(0,0,0,0.5)")) == pytest.approx(
        contrast_ratio(parse_colour("#7f7f7f")), abs=0.05)
    # a transparent background shows the white page
    assert contrast_ratio(parse_colour("#000"), parse_colour("transparent")) == pytest.approx(21.0)
