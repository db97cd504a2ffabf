"""The no-model banner: its words, its buttons and the signals they send."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette

from reader.ui.models.banner import ModelBanner


def test_banner_says_what_is_missing(qtbot) -> None:
    banner = ModelBanner()
    qtbot.addWidget(banner)
    assert "No German→English translation model is installed" in banner.message.text()
    assert banner.accessibleName()
    assert banner.install_button.accessibleName()
    assert banner.download_button.accessibleName()


def test_install_button_emits_install_requested(qtbot) -> None:
    banner = ModelBanner()
    qtbot.addWidget(banner)
    banner.show()
    with qtbot.waitSignal(banner.install_requested, timeout=1000):
        qtbot.mouseClick(banner.install_button, Qt.MouseButton.LeftButton)


def test_download_button_emits_download_requested(qtbot) -> None:
    banner = ModelBanner()
    qtbot.addWidget(banner)
    banner.show()
    with (
        qtbot.assertNotEmitted(banner.install_requested),
        qtbot.waitSignal(banner.download_requested, timeout=1000),
    ):
        qtbot.mouseClick(banner.download_button, Qt.MouseButton.LeftButton)


def test_buttons_are_keyboard_reachable(qtbot) -> None:
    banner = ModelBanner()
    qtbot.addWidget(banner)
    for button in (banner.install_button, banner.download_button):
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    banner.show()
    banner.download_button.setFocus()
    with qtbot.waitSignal(banner.download_requested, timeout=1000):
        qtbot.keyClick(banner.download_button, Qt.Key.Key_Space)


def test_banner_tint_follows_a_dark_palette(qtbot) -> None:
    banner = ModelBanner()
    qtbot.addWidget(banner)
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor(30, 30, 30))
    dark.setColor(QPalette.ColorRole.WindowText, QColor(230, 230, 230))
    dark.setColor(QPalette.ColorRole.Highlight, QColor(40, 110, 200))
    banner.setPalette(dark)
    banner.resize(600, 60)
    image = banner.grab().toImage()
    tint = image.pixelColor(image.width() // 2, 3)
    # A dark window keeps a dark banner: the tint sits near the window colour, not white.
    assert tint.lightness() < 100
