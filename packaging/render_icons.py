"""Render the hicolor PNG sizes of packaging/icons/*.svg with Qt's SVG renderer.

Run at build time by scripts/package.sh (no PNGs in git): ``python render_icons.py OUT``
writes ``OUT/<size>x<size>/{apps,mimetypes}/NAME.png`` and ``OUT/scalable/.../NAME.svg``.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

#: hicolor's fixed sizes, 16 to 512.
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
#: icon file -> its hicolor context.
ICONS = {"storyport": "apps", "application-x-storyport-package": "mimetypes"}


def main(out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter on an image needs one)
    here = Path(__file__).resolve().parent / "icons"
    for name, context in ICONS.items():
        svg = here / f"{name}.svg"
        renderer = QSvgRenderer(str(svg))
        if not renderer.isValid():
            print(f"render_icons: {svg}: not a valid SVG", file=sys.stderr)
            return 1
        scalable = out / "scalable" / context
        scalable.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(svg, scalable / svg.name)
        for size in SIZES:
            image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            renderer.render(painter)
            painter.end()
            folder = out / f"{size}x{size}" / context
            folder.mkdir(parents=True, exist_ok=True)
            if not image.save(str(folder / f"{name}.png")):
                print(f"render_icons: could not write {folder / name}.png", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
