"""`make bench`: how fast bundelpers builds, as ratios against the plain WeasyPrint
command line on the same HTML (build/<slug>/index.html, the whole bundle in one document).

A benchmark, not a test: it prints a table and writes build/bench.json. Every timed run
happens in a temporary copy of the project. Each ratio is the median of BENCH_RUNS
(default 3) *pairs*: our command and the plain one run in turn, one ratio per pair, so
a machine that speeds up or slows down during the bench moves both sides of a pair.
The yardstick is `weasyprint --pdf-variant pdf/ua-1` (what a user runs for an accessible
PDF); the ratio against plain WeasyPrint without PDF/UA is printed beside it.

  typo      a one-letter edit in a middle case, then `bundelpers build` (every PDF
            including the verzamelbundel), against the plain render of that bundle
  page      an edit that adds a page to a middle case, the same way
  bundle    `bundelpers build <bundle>` in a cold project, against its plain render
  series    `bundelpers build` in a cold project, against the sum of the plain renders
  assembly  writing the verzamelbundel (from the build's own table), against the
            largest bundle's plain render
  noop      `bundelpers build` with nothing changed
  preview   `bundelpers preview` running: from saving a typo in a middle case to the
            changed page's picture fetched, against the plain render of that bundle
  scale     one bundle of 100 cases against one of 10 (copies of one case), cold; and
            the peak memory of the whole process tree for 100 cases
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
import urllib.request
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
GOALS = {"typo": 0.5, "page": 0.6, "bundle": 0.75, "series": 0.6, "assembly": 0.2,
         "noop": 1.0, "scale": 11.0, "rss_mb": 400.0, "preview": 0.25}
MIDDLE_CASE = ("wij-in-de-wijk-2", "casussen/maastricht.md")


class Run:
    """One command, timed, with the peak memory of its whole process tree."""

    def __init__(self, *command: str | Path, env: dict | None = None) -> None:
        started = time.perf_counter()
        process = subprocess.Popen([str(part) for part in command], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=env)
        self.peak_kb = 0  # the process tree's summed RSS (pages shared after a fork count twice)
        self.peak_pss_kb = 0  # the same tree's proportional set size: shared pages split
        self.peak_single_kb = 0  # the largest single process
        watcher = threading.Thread(target=self._watch, args=(process.pid,), daemon=True)
        watcher.start()
        self.stdout, self.stderr = process.communicate()
        self.seconds = time.perf_counter() - started
        watcher.join()
        if process.returncode != 0:
            raise SystemExit(f"{command} failed:\n{self.stderr}")

    def _watch(self, pid: int) -> None:
        while Path(f"/proc/{pid}").exists():
            tree = _tree(pid)
            sizes = [_rss_kb(p) for p in tree]
            self.peak_kb = max(self.peak_kb, sum(sizes))
            self.peak_single_kb = max(self.peak_single_kb, max(sizes, default=0))
            self.peak_pss_kb = max(self.peak_pss_kb, sum(_pss_kb(p) for p in tree))
            time.sleep(0.05)


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


def _pss_kb(pid: int) -> int:
    try:
        match = re.search(r"^Pss:\s+(\d+)", Path(f"/proc/{pid}/smaps_rollup").read_text(), re.MULTILINE)
    except OSError:
        return 0
    return int(match.group(1)) if match else 0


def _rss_kb(pid: int) -> int:
    try:
        match = re.search(r"VmRSS:\s+(\d+)", Path(f"/proc/{pid}/status").read_text())
    except OSError:
        return 0
    return int(match.group(1)) if match else 0


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


def ours(root: Path, *args: str) -> Run:
    return Run(BIN / "bundelpers", "--project", root, "build", *args)


def plain(root: Path, slug: str, accessible: bool = True) -> Run:
    """The plain WeasyPrint command line on the whole bundle, with the project's fonts."""
    env = {**os.environ, "FONTCONFIG_FILE": str(root / "build" / "fontconfig" / "fonts.conf")}
    variant = ["--pdf-variant", "pdf/ua-1"] if accessible else []
    return Run(BIN / "weasyprint", *variant, root / "build" / slug / "index.html",
               root / "plain.pdf", env=env)


def paired(prepare: Callable[[int], None], mine: Callable[[], float],
           other: Callable[[], float]) -> dict:
    """RUNS pairs: prepare(i), our timing, the other timing; the median of the ratios."""
    pairs = []
    for index in range(RUNS):
        prepare(index)
        a = mine()
        b = other()
        pairs.append((a, b))
    ratios = [a / b for a, b in pairs]
    return {"ours": statistics.median(a for a, _ in pairs),
            "other": statistics.median(b for _, b in pairs),
            "ratio": statistics.median(ratios), "pairs": pairs}


def edit_variants(case: Path) -> list[str]:
    """The case's text with one long word misspelt, a different way in each run."""
    text = case.read_text("utf-8")
    body = text.split("\n---\n", 1)[1]
    word = next(w for w in re.findall(r"\b[a-z]{9,}\b", body))
    at = len(text) - len(body) + body.index(word)
    swaps = [word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(2, 2 + RUNS)]
    return [text[:at] + swap + text[at + len(word):] for swap in swaps]


def page_more(text: str, run: int) -> str:
    """The case with a page of text more at the end of its first section."""
    sentence = ("Bewoners vertelden bij elke bijeenkomst opnieuw wat de buurt voor hen"
                f" betekent en waarom ze terugkomen (ronde {run + 1}).")
    extra = " ".join([sentence] * 30)
    head, rest = text.split("\n## ", 1)
    first, others = rest.split("\n## ", 1)
    return f"{head}\n## {first.rstrip()}\n\n{extra}\n\n{extra}\n\n## {others}"


def bench_edits(work: Path) -> dict:
    slug, name = MIDDLE_CASE
    root = project(work / "bewerken")
    ours(root)
    case = root / "content" / slug / name
    original = case.read_text("utf-8")
    variants = edit_variants(case)
    typo_stages: list[dict[str, float]] = []

    def typo_run() -> float:
        seconds = ours(root).seconds
        typo_stages.append({**stages(root), "geheel": seconds})
        return seconds

    typo = paired(lambda i: case.write_text(variants[i], "utf-8"), typo_run,
                  lambda: plain(root, slug).seconds)
    typo["stages"] = {stage: statistics.median(run.get(stage, 0.0) for run in typo_stages)
                      for stage in typo_stages[0]}
    case.write_text(original, "utf-8")
    ours(root)
    pages_before = _pages(root / "bundel_pdf" / f"{slug}.pdf")

    def add_page(index: int) -> None:
        case.write_text(original, "utf-8")
        ours(root)  # back to the book without the extra page, untimed
        case.write_text(page_more(original, index), "utf-8")

    page = paired(add_page, lambda: ours(root).seconds, lambda: plain(root, slug).seconds)
    page["pages"] = (pages_before, _pages(root / "bundel_pdf" / f"{slug}.pdf"))
    typo_plain_no_ua = statistics.median(plain(root, slug, accessible=False).seconds
                                         for _ in range(RUNS))
    noop = []
    for _ in range(RUNS):
        run = ours(root)
        assert "Alles is bij" in run.stdout, run.stdout
        noop.append(run.seconds)
    return {"bundle": slug, "case": name, "typo": typo, "page": page,
            "plain_without_ua": typo_plain_no_ua, "noop": statistics.median(noop)}


def _pages(path: Path) -> int:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def stages(root: Path) -> dict[str, float]:
    """Where the last build's time went (build/tijden.json)."""
    return json.loads((root / "build" / "tijden.json").read_text("utf-8"))


def typeset_work(root: Path) -> dict[str, dict]:
    """Per kind of unit in the store: how many, their typesettings and seconds."""
    kinds: dict[str, dict] = {}
    for path in (root / "build" / "cache").glob("*.json"):
        entry = json.loads(path.read_text("utf-8"))
        details = entry.get("details", {})
        name = entry.get("name", "")
        kind = ("hoofdstuk" if "arrangement" in details else
                "paginanummers" if name.startswith("paginanummers") else
                "koppen" if name == "koppen" or name.startswith("koppen") else "overig")
        figure = kinds.setdefault(kind, {"eenheden": 0, "zettingen": 0, "seconden": 0.0, "paginas": 0})
        figure["eenheden"] += 1
        figure["zettingen"] += details.get("tries", 1)
        figure["seconden"] += details.get("seconds", 0.0)
        figure["paginas"] += entry.get("pages", 0)
    return kinds


def bench_cold(work: Path, slugs: list[str]) -> dict:
    bundles = {}
    for slug in slugs:
        root = project(work / f"alleen-{slug}", [slug])
        ours(root)  # writes build/<slug>/index.html for the plain command
        bundles[slug] = paired(lambda i, r=root: cold(r), lambda r=root, s=slug: ours(r, s).seconds,
                               lambda r=root, s=slug: plain(r, s).seconds)
        bundles[slug]["plain_without_ua"] = plain(root, slug, accessible=False).seconds
    root = project(work / "reeks")
    ours(root)
    assembly: list[float] = []

    def series_run() -> float:
        run = ours(root)
        found = re.search(r"verzamelbundel\.pdf\s+\d+\s+\d+\s+([\d.]+) s", run.stdout)
        assembly.append(float(found.group(1)))
        return run.seconds

    series = paired(lambda i: cold(root), series_run,
                    lambda: sum(plain(root, slug).seconds for slug in slugs))
    series["stages"] = stages(root)
    series["typeset_work"] = typeset_work(root)
    largest = max(statistics.median(b for _, b in bundles[s]["pairs"]) for s in slugs)
    return {"bundles": bundles, "series": series, "assembly": statistics.median(assembly),
            "largest_plain": largest, "assembly_ratio": statistics.median(assembly) / largest,
            "plain_sum_without_ua": sum(bundles[s]["plain_without_ua"] for s in slugs)}


def bench_preview(work: Path) -> dict:
    """`bundelpers preview`: from saving a typo to the changed page's picture in hand,
    against the plain render of that bundle."""
    slug, name = MIDDLE_CASE
    root = project(work / "voorbeeld", [slug])
    ours(root, slug)  # build/<slug>/index.html and the fonts, for the plain command
    server = subprocess.Popen([str(BIN / "bundelpers"), "--project", str(root), "preview", slug,
                               "--geen-browser", "--poort", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        address = ""
        while not address:
            line = server.stdout.readline()
            if not line:
                raise SystemExit(f"preview stopped: {server.wait()}")
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            address = found.group(0) if found else ""

        def status(version: int) -> dict:
            with urllib.request.urlopen(f"{address}status?versie={version}", timeout=120) as answer:
                return json.loads(answer.read())

        shown = status(-1)
        while shown["versie"] == 0:  # the first update is still being made
            shown = status(0)
        case = root / "content" / slug / name
        variants = edit_variants(case)

        def save_to_picture() -> float:
            nonlocal shown
            before = set(shown["paginas"])
            started = time.perf_counter()
            case.write_text(variants[len(timings)], "utf-8")
            version = shown["versie"]
            while shown["versie"] == version:  # a long poll can come back unchanged
                shown = status(version)
            for page in set(shown["paginas"]) - before:  # what the browser fetches next
                with urllib.request.urlopen(f"{address}pagina/{page}.png", timeout=60) as answer:
                    answer.read()
            timings.append(time.perf_counter() - started)
            assert not shown["problemen"], shown["problemen"]
            return timings[-1]

        def settle(index: int) -> None:
            nonlocal shown
            time.sleep(1.0)  # let a second save event (editors write twice) run out
            shown = status(-1)

        timings: list[float] = []
        return paired(settle, save_to_picture,
                      lambda: plain(root, slug).seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)


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
    results: dict = {}
    for cases in (10, 100):
        root = synthetic(work, cases)
        seconds, peaks = [], []
        for _ in range(RUNS):
            cold(root)
            run = ours(root)
            seconds.append(run.seconds)
            peaks.append((run.peak_kb / 1024, run.peak_pss_kb / 1024, run.peak_single_kb / 1024))
        results[cases] = {"seconds": statistics.median(seconds),
                          "peak_rss_mb": max(p[0] for p in peaks), "peak_pss_mb": max(p[1] for p in peaks),
                          "peak_single_mb": max(p[2] for p in peaks),
                          "pages": _pages(root / "bundel_pdf" / "synthetisch.pdf")}
    results["ratio"] = results[100]["seconds"] / results[10]["seconds"]
    return results


def table(result: dict) -> str:
    rows = [("meting", "bundelpers", "WeasyPrint (UA)", "verhouding", "zonder UA", "doel", "gehaald")]

    def row(name: str, figure: dict, goal: float, without: float | None = None) -> None:
        no_ua = f"{figure['ours'] / without:.2f}" if without else "-"
        rows.append((name, f"{figure['ours']:.2f} s", f"{figure['other']:.2f} s",
                     f"{figure['ratio']:.2f}", no_ua, f"<= {goal}",
                     "ja" if figure["ratio"] <= goal else "NEE"))

    edits, colds, scale = result["edits"], result["cold"], result["scale"]
    row(f"typefout in {edits['case']}, hele make", edits["typo"], GOALS["typo"],
        edits["plain_without_ua"])
    before, after = edits["page"]["pages"]
    row(f"pagina erbij ({before} -> {after} p.), hele make", edits["page"], GOALS["page"],
        edits["plain_without_ua"])
    for slug, figure in colds["bundles"].items():
        row(f"koud: {slug}", figure, GOALS["bundle"], figure["plain_without_ua"])
    row("koud: hele reeks (som van de bundels)", colds["series"], GOALS["series"],
        colds["plain_sum_without_ua"])
    rows.append(("verzamelbundel samenvoegen", f"{colds['assembly']:.2f} s",
                 f"{colds['largest_plain']:.2f} s", f"{colds['assembly_ratio']:.2f}", "-",
                 f"<= {GOALS['assembly']}", "ja" if colds["assembly_ratio"] <= GOALS["assembly"] else "NEE"))
    rows.append(("niets veranderd", f"{edits['noop']:.2f} s", "-", "-", "-", "< 1 s",
                 "ja" if edits["noop"] < GOALS["noop"] else "NEE"))
    rows.append(("100 / 10 casussen, koud", f"{scale[100]['seconds']:.2f} s",
                 f"{scale[10]['seconds']:.2f} s", f"{scale['ratio']:.2f}", "-", f"<= {GOALS['scale']}",
                 "ja" if scale["ratio"] <= GOALS["scale"] else "NEE"))
    rows.append(("piekgeheugen, 100 casussen (RSS opgeteld)", f"{scale[100]['peak_rss_mb']:.0f} MB", "-",
                 "-", "-", "<= 400 MB", "ja" if scale[100]["peak_rss_mb"] <= GOALS["rss_mb"] else "NEE"))
    rows.append(("  idem, PSS (gedeeld geheugen één keer)", f"{scale[100]['peak_pss_mb']:.0f} MB", "-",
                 "-", "-", "<= 400 MB", "ja" if scale[100]["peak_pss_mb"] <= GOALS["rss_mb"] else "NEE"))
    rows.append(("  idem, grootste proces", f"{scale[100]['peak_single_mb']:.0f} MB", "-", "-", "-", "-", "-"))
    if "preview" in result:
        row("voorbeeld: bewaren tot bijgewerkte pagina", result["preview"], GOALS["preview"])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    typo_stages = edits["typo"]["stages"]
    lines += ["", "Typefout, waar de tijd heen gaat (mediaan, s; 'geheel' van buiten gemeten):"]
    lines += [f"  {stage:30s} {seconds:6.2f}" for stage, seconds in typo_stages.items()]
    lines += ["", "Koude reeks, per fase (laatste run, s):"]
    lines += [f"  {stage:30s} {seconds:6.2f}" for stage, seconds in colds["series"]["stages"].items()]
    lines += ["", "Koude reeks, zetwerk per soort eenheid (processortijd in de workers):"]
    for kind, figure in sorted(colds["series"]["typeset_work"].items()):
        lines.append(f"  {kind:14s} {figure['eenheden']:3d} eenheden, {figure['zettingen']:3d} zettingen, "
                     f"{figure['paginas']:4d} pagina's, {figure['seconden']:6.1f} s")
    return "\n".join(lines)


def main() -> None:
    slugs = sorted(p.name for p in (REPO / "content").iterdir() if (p / "bundel.yaml").exists())
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="bundelpers-bench-") as temporary:
        work = Path(temporary)
        result: dict = {"runs": RUNS, "cores": len(os.sched_getaffinity(0)),
                        "load_before": os.getloadavg()[0]}
        result["edits"] = bench_edits(work)
        result["preview"] = bench_preview(work)
        result["cold"] = bench_cold(work, slugs)
        result["scale"] = bench_scale(work)
        result["load_after"] = os.getloadavg()[0]
        result["seconds"] = time.time() - started
    text = table(result)
    print(text)
    print(f"\n{RUNS} paren per meting (mediaan van de verhoudingen), {result['cores']} kernen, "
          f"belasting {result['load_before']:.1f} ervoor en {result['load_after']:.1f} erna; "
          f"{result['seconds']:.0f} s in totaal.")
    (REPO / "build").mkdir(exist_ok=True)
    report = json.dumps({**result, "table": text}, indent=1, default=str)
    (REPO / "build" / "bench.json").write_text(report + "\n")


if __name__ == "__main__":
    main()
