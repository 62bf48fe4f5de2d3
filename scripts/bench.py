"""`make bench`: how fast bundelpers builds, against plain WeasyPrint on the same HTML.

A benchmark, not a test: it prints a table and writes build/bench.json. Every timed run
happens in a temporary copy of the project, never in the repository's build/. Each
figure is the median of BENCH_RUNS runs (default 3).

  (a) cold build of each bundle (its own project, empty build/) until its PDF is written,
      against `weasyprint build/<slug>/index.html` (the whole book in one document)
  (b) one-word typo in one case until the bundle PDF is rewritten, against (a)'s plain render
  (c) the whole series cold (all bundles and the collection) against the plain renders summed
  (d) joining the collection against the largest bundle's plain render
  (e) `bundelpers build` with nothing changed
  (f) synthetic bundles of 10 and 100 cases (copies of one case): time ratio, peak memory
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
GOALS = {"a": 0.65, "b": 0.35, "c": 0.6, "d": 0.20, "e": 1.0, "f_ratio": 11.0, "f_rss_mb": 400.0}


def project(root: Path, bundles: list[str] | None = None) -> Path:
    """A fresh project in `root` with the repository's layouts and (some of) its content."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(REPO / "layouts", root / "layouts")
    (root / "content").mkdir(parents=True)
    shutil.copy(REPO / "content" / "reeks.yaml", root / "content" / "reeks.yaml")
    for folder in sorted((REPO / "content").iterdir()):
        if folder.is_dir() and (bundles is None or folder.name in bundles):
            shutil.copytree(folder, root / "content" / folder.name)
    return root


def cold(root: Path) -> None:
    shutil.rmtree(root / "build", ignore_errors=True)
    shutil.rmtree(root / "bundel_pdf", ignore_errors=True)


class Run:
    """One command, timed, with the peak memory of its whole process tree."""

    def __init__(self, *command: str | Path) -> None:
        self.started = time.time()
        process = subprocess.Popen([str(part) for part in command], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        self.peak_kb = 0
        watcher = threading.Thread(target=self._watch, args=(process.pid,), daemon=True)
        watcher.start()
        self.stdout, self.stderr = process.communicate()
        self.seconds = time.time() - self.started
        watcher.join()
        if process.returncode != 0:
            raise SystemExit(f"{command} failed:\n{self.stderr}")

    def _watch(self, pid: int) -> None:
        while Path(f"/proc/{pid}").exists():
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(p) for p in _tree(pid)))
            time.sleep(0.05)

    def seconds_until(self, path: Path) -> float:
        """Seconds from the start of the run until `path` was last written."""
        return path.stat().st_mtime - self.started


def _tree(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def _rss_kb(pid: int) -> int:
    try:
        match = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
    except OSError:
        return 0
    return int(match.group(1)) if match else 0


def bundelpers(root: Path, *args: str) -> Run:
    return Run(BIN / "bundelpers", "build", "--project", root, *args)


def plain(root: Path, slug: str) -> float:
    """The plain WeasyPrint command line on the whole-book HTML of the last build."""
    return Run(BIN / "weasyprint", root / "build" / slug / "index.html", root / "plain.pdf").seconds


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_bundles(work: Path, slugs: list[str]) -> dict:
    results = {}
    for slug in slugs:
        root = project(work / f"alleen-{slug}", [slug])
        ours, plains = [], []
        for _ in range(RUNS):
            cold(root)
            run = bundelpers(root)
            ours.append(run.seconds_until(root / "bundel_pdf" / f"{slug}.pdf"))
            plains.append(plain(root, slug))
        results[slug] = {"cold": median(ours), "plain": median(plains)}
        results[slug]["ratio"] = results[slug]["cold"] / results[slug]["plain"]
    return results


def typo_variants(case: Path) -> list[str]:
    """The case's text with one long word misspelt, a different way in each run."""
    text = case.read_text("utf-8")
    body = text.split("\n---\n", 1)[1]
    word = next(w for w in re.findall(r"\b[a-z]{9,}\b", body))
    at = len(text) - len(body) + body.index(word)
    swaps = [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(2, 2 + RUNS)]
    return [text[:at] + swap + text[at + len(word):] for swap in swaps]


def bench_series(work: Path, slugs: list[str], plain_of: dict) -> dict:
    root = project(work / "reeks")
    totals, assembly, noop = [], [], []
    for _ in range(RUNS):
        cold(root)
        run = bundelpers(root)
        totals.append(run.seconds)
        assembly.append(float(re.search(r"samengevoegd in ([\d.]+) s", run.stdout).group(1)))
    for _ in range(RUNS):
        run = bundelpers(root)
        assert "Alles is bij" in run.stdout, run.stdout
        noop.append(run.seconds)
    slug = slugs[0]
    case = sorted((root / "content" / slug).rglob("casussen/*.md"))[2]
    typo = []
    for variant in typo_variants(case):
        case.write_text(variant, "utf-8")
        run = bundelpers(root)
        typo.append(run.seconds_until(root / "bundel_pdf" / f"{slug}.pdf"))
    plain_sum = sum(plain_of[s]["plain"] for s in slugs)
    largest = max(plain_of[s]["plain"] for s in slugs)
    return {
        "cold": median(totals), "plain_sum": plain_sum, "ratio": median(totals) / plain_sum,
        "assembly": median(assembly), "largest_plain": largest,
        "assembly_ratio": median(assembly) / largest,
        "noop": median(noop),
        "typo_bundle": slug, "typo_case": case.name, "typo": median(typo),
        "typo_ratio": median(typo) / plain_of[slug]["plain"],
    }


def synthetic(work: Path, cases: int) -> Path:
    """A series with one bundle of `cases` copies of one case, behind an introduction."""
    root = project(work / f"synthetisch-{cases}", [])
    source = REPO / "content" / "wij-in-de-wijk-1"
    bundle = root / "content" / "synthetisch"
    (bundle / "casussen").mkdir(parents=True)
    shutil.copytree(source / "beeld", bundle / "beeld")
    shutil.copy(source / "inleiding.md", bundle / "inleiding.md")
    case = (source / "casussen" / "hilversum.md").read_text("utf-8")
    names = []
    for number in range(1, cases + 1):
        name = f"casussen/casus-{number:03d}.md"
        (bundle / name).write_text(case.replace("titel: ", f"titel: {number}. ", 1), "utf-8")
        names.append(name)
    meta = (source / "bundel.yaml").read_text("utf-8").split("\ninhoud:")[0]
    meta = meta.replace("Wij in de Wijk 1", f"Proef met {cases} casussen")
    (bundle / "bundel.yaml").write_text(
        meta + "\ninhoud:\n" + "".join(f"  - {n}\n" for n in ["inleiding.md", *names]), "utf-8")
    return root


def bench_scale(work: Path) -> dict:
    results = {}
    for cases in (10, 100):
        root = synthetic(work, cases)
        seconds, peaks = [], []
        for _ in range(RUNS):
            cold(root)
            run = bundelpers(root)
            seconds.append(run.seconds)
            peaks.append(run.peak_kb / 1024)
        results[cases] = {"seconds": median(seconds), "peak_rss_mb": max(peaks),
                          "pages": json.loads((root / "build" / "synthetisch" / "pages.json")
                                              .read_text())["pages"]}
    results["ratio"] = results[100]["seconds"] / results[10]["seconds"]
    return results


def table(result: dict) -> str:
    rows = [("meting", "bundelpers", "vergelijking", "verhouding", "doel", "")]

    def row(name: str, ours: float, other: float | str, ratio: float, goal: str, met: bool) -> None:
        other_text = other if isinstance(other, str) else f"{other:.2f} s"
        met_text = "ja" if met else "NEE"
        rows.append((name, f"{ours:.2f} s", other_text, f"{ratio:.2f}", goal, met_text))

    for slug, r in result["bundles"].items():
        row(f"(a) koud: {slug}", r["cold"], r["plain"], r["ratio"], "<= 0.65",
            r["ratio"] <= GOALS["a"])
    s = result["series"]
    typo_plain = result["bundles"][s["typo_bundle"]]["plain"]
    row(f"(b) typefout in {s['typo_case']}", s["typo"], typo_plain, s["typo_ratio"], "<= 0.35",
        s["typo_ratio"] <= GOALS["b"])
    row("(c) hele reeks koud", s["cold"], s["plain_sum"], s["ratio"], "<= 0.6",
        s["ratio"] <= GOALS["c"])
    row("(d) verzamelbundel samenvoegen", s["assembly"], s["largest_plain"], s["assembly_ratio"],
        "<= 0.20", s["assembly_ratio"] <= GOALS["d"])
    row("(e) niets veranderd", s["noop"], "-", s["noop"], "< 1 s", s["noop"] < GOALS["e"])
    f = result["scale"]
    row("(f) 100 casussen / 10 casussen", f[100]["seconds"], f[10]["seconds"], f["ratio"], "<= 11",
        f["ratio"] <= GOALS["f_ratio"])
    rows.append(("(f) piekgeheugen 100 casussen", f"{f[100]['peak_rss_mb']:.0f} MB", "-", "-",
                 "<= 400 MB", "ja" if f[100]["peak_rss_mb"] <= GOALS["f_rss_mb"] else "NEE"))
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main() -> None:
    slugs = sorted(p.name for p in (REPO / "content").iterdir() if (p / "bundel.yaml").exists())
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="bundelpers-bench-") as temporary:
        work = Path(temporary)
        result = {"runs": RUNS, "cores": len(os.sched_getaffinity(0)),
                  "load_before": os.getloadavg()[0]}
        result["bundles"] = bench_bundles(work, slugs)
        result["series"] = bench_series(work, slugs, result["bundles"])
        result["scale"] = bench_scale(work)
        result["load_after"] = os.getloadavg()[0]
        result["seconds"] = time.time() - started
    text = table(result)
    print(text)
    print(f"\n{RUNS} runs per figure (median), {result['cores']} cores, "
          f"load {result['load_before']:.1f} before and {result['load_after']:.1f} after; "
          f"{result['seconds']:.0f} s in all.")
    (REPO / "build").mkdir(exist_ok=True)
    report = json.dumps({**result, "table": text}, indent=1)
    (REPO / "build" / "bench.json").write_text(report + "\n")


if __name__ == "__main__":
    main()
