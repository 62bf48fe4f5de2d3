import pytest

from bundelpers.layout.colours import WHITE, _rgb, contrast, palette


@pytest.mark.parametrize("accent", ["#FFCC00", "#1F6F8B", "#8A3B12", "#5B3A8C", "#FFFFFF", "#000000", "#7FFF7F"])
def test_accent_text_has_at_least_4_5_to_1_contrast_on_white(accent):
    assert contrast(_rgb(palette(accent).accent_text), WHITE) >= 4.5


@pytest.mark.parametrize("accent", ["#FFCC00", "#1F6F8B", "#5B3A8C", "#7FFF7F"])
def test_text_on_the_cover_field_is_the_more_legible_of_white_and_ink(accent):
    chosen = palette(accent).on_accent
    other = "#1A1A1A" if chosen == "#FFFFFF" else "#FFFFFF"
    assert contrast(_rgb(chosen), _rgb(accent)) >= contrast(_rgb(other), _rgb(accent))


def test_a_dark_accent_is_used_unchanged_for_text():
    assert palette("#1F6F8B").accent_text == "#1F6F8B"


def test_box_tint_is_a_light_wash_of_the_accent():
    tint = _rgb(palette("#5B3A8C").tint)
    assert all(channel > 215 for channel in tint)
