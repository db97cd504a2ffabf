"""Where the names panel docks: beside the text on wide windows, below it on narrow ones.

Beside the text on a 700 px window the panel (at least 220 px) left each column about
150 px of text, some 20 characters a line. Below the text it takes height instead, and
the two columns keep the window's whole width.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

NARROW_WINDOW_PX = 900  # at this width and below, the panel goes below the text
SIDE_WIDTH_PX = 300  # wide enough for "Stanford University School of Medicine (1)"
BELOW_MIN_HEIGHT_PX = 160

Area = Qt.DockWidgetArea


class DockPlacement(QObject):
    """Moves ``dock`` below the text when ``window`` gets narrow, and back when it widens.

    It acts only when the window crosses the threshold: within one regime the reader may
    put the panel wherever the dock allows, and a floating panel is left alone.
    """

    def __init__(self, window: QMainWindow, dock: QDockWidget) -> None:
        super().__init__(window)
        self._window = window
        self._dock = dock
        self._side = Area.RightDockWidgetArea  # where the reader had it on wide windows
        self._side_width = SIDE_WIDTH_PX
        self._narrow: bool | None = None  # the regime last placed for (None: not yet)
        self._size_pending = False  # a hidden dock cannot be sized: do it when it shows
        # Sized once the main window has laid the moved dock out, not in the middle of it.
        self._size_timer = QTimer(self)
        self._size_timer.setSingleShot(True)
        self._size_timer.setInterval(0)
        self._size_timer.timeout.connect(self._on_size_timer_timeout)
        window.installEventFilter(self)
        dock.visibilityChanged.connect(self._on_dock_visibility_changed)

    @property
    def below(self) -> bool:
        """Whether the panel sits below the text now."""
        return self._window.dockWidgetArea(self._dock) == Area.BottomDockWidgetArea

    def restore(self, state: QByteArray | None) -> None:
        """Put the docks back as the reader left them (``saveState``), then fit the width."""
        if state is not None:
            self._window.restoreState(state)
        else:
            self._window.resizeDocks([self._dock], [SIDE_WIDTH_PX], Qt.Orientation.Horizontal)
        self._narrow = None
        self.place()

    def place(self) -> None:
        """Below the text on a narrow window, beside it on a wide one (on crossing only)."""
        narrow = self._window.width() <= NARROW_WINDOW_PX
        if narrow == self._narrow or self._dock.isFloating():
            return
        self._narrow = narrow
        area = self._window.dockWidgetArea(self._dock)
        if narrow and area != Area.BottomDockWidgetArea:
            if area in (Area.LeftDockWidgetArea, Area.RightDockWidgetArea):
                self._side = area
                if self._dock.isVisible():
                    self._side_width = self._dock.width()
            self._window.addDockWidget(Area.BottomDockWidgetArea, self._dock)
        elif not narrow and area == Area.BottomDockWidgetArea:
            self._window.addDockWidget(self._side, self._dock)
        else:
            return
        self._size_pending = True
        self._size_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.place()
        return False

    def _on_size_timer_timeout(self) -> None:
        if not self._size_pending or not self._dock.isVisible():
            return  # sized when it shows
        self._size_pending = False
        if self.below:
            height = max(BELOW_MIN_HEIGHT_PX, self._window.height() // 3)
            self._window.resizeDocks([self._dock], [height], Qt.Orientation.Vertical)
        else:
            self._window.resizeDocks([self._dock], [self._side_width], Qt.Orientation.Horizontal)

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible and self._size_pending:
            self._size_timer.start()
