"""First launch: build the bundled story with a progress window, the GUI staying live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from story.errors import StoryError
from ui.tasks import TaskContext, run_task


def build_with_progress() -> Path:
    from story.publish.bundled import ensure_bundled

    preparing = QCoreApplication.translate(
        "FirstRun", "Preparing the Khorgos story for its first reading…"
    )
    dialog = QProgressDialog(preparing, "", 0, 100)
    dialog.setWindowTitle("Storyport")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    dialog.show()
    loop = QEventLoop()
    result: dict[str, object] = {}

    def work(ctx: TaskContext) -> Path:
        return ensure_bundled(progress=lambda d, t, label: ctx.progress(d / max(t, 1), label))

    def done(path: Path) -> None:
        result["path"] = path
        loop.quit()

    def failed(exc: BaseException) -> None:
        result["error"] = exc
        loop.quit()

    def progress(fraction: float, label: str) -> None:
        dialog.setValue(int(fraction * 100))
        dialog.setLabelText(f"{preparing}\n{label}")

    run_task(work, done, on_error=failed, on_progress=progress, with_context=True)
    loop.exec()
    dialog.close()
    QApplication.processEvents()
    if "error" in result:
        err = result["error"]
        if isinstance(err, StoryError):
            raise err
        raise StoryError(f"could not build the bundled story ({err})")
    return result["path"]  # type: ignore[return-value]
