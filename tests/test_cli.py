"""What the command line shows an editor when things go wrong."""

from conftest import minimal_files, run_cli


def test_warnings_are_shown_together_with_the_errors_that_stop_the_build(project_factory):
    files = minimal_files()
    files["content/testbundel-1/kladje.md"] = "---\ntitel: Kladje\n---\n\nNog niet af.\n"
    files["content/testbundel-1/inleiding.md"] += "\n# Een kop met één hekje\n"
    result = run_cli(project_factory(files), "build")
    assert result.returncode == 1
    assert "content/testbundel-1/inleiding.md:9:1: fout" in result.stderr
    assert "content/testbundel-1/kladje.md: waarschuwing" in result.stderr


def test_a_bug_in_the_layouts_is_reported_in_dutch_without_a_traceback(project_factory):
    project = project_factory()
    template = project / "layouts" / "partials" / "backcover.html.j2"
    template.write_text(template.read_text() + "{{ onbekende_variabele.veld }}\n")
    result = run_cli(project, "build")
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert "Er ging iets mis in bundelpers zelf" in result.stderr
    assert not (project / "bundel_pdf" / "testbundel-1.pdf").exists()


def test_a_broken_series_file_does_not_hide_the_problems_in_the_chapters(project_factory):
    files = minimal_files()
    files["content/reeks.yaml"] = files["content/reeks.yaml"].replace("uitgever: Testuitgever\n", "")
    files["content/testbundel-1/inleiding.md"] += "\n# Een kop met één hekje\n"
    result = run_cli(project_factory(files), "check")
    assert result.returncode == 1
    assert "content/reeks.yaml:1: fout: De verplichte sleutel 'uitgever' ontbreekt." in result.stderr
    assert "content/testbundel-1/inleiding.md:9:1: fout" in result.stderr


def test_a_mistyped_command_is_answered_in_dutch_with_the_way_it_does_work(project_factory):
    project = project_factory()
    mistyped = run_cli(project, "bouw")
    assert mistyped.returncode == 2
    assert "'bouw' ken ik niet; kies uit 'check', 'build'" in mistyped.stderr
    assert "Zo gaat het: bundelpers" in mistyped.stderr
    incomplete = run_cli(project, "nieuw", "casus")
    assert incomplete.returncode == 2
    assert "dit ontbreekt nog: bundel, naam" in incomplete.stderr
    assert "the following" not in incomplete.stderr and "Traceback" not in incomplete.stderr


def test_every_help_text_is_dutch_down_to_its_headings(project_factory):
    project = project_factory()
    for command in ([], ["build"], ["check"], ["drukwerk"], ["preview"], ["nieuw"], ["nieuw", "casus"],
                    ["nieuw", "bundel"], ["importeer"]):
        shown = run_cli(project, *command, "-h")
        assert shown.returncode == 0, shown.stderr
        assert shown.stdout.startswith("gebruik: bundelpers"), shown.stdout
        for english in ("usage", "positional arguments", "options:", "optional arguments", "show this help"):
            assert english not in shown.stdout, (command, shown.stdout)
        assert "-h, --help" in shown.stdout and "deze uitleg tonen" in shown.stdout


def test_a_make_target_without_its_values_says_in_dutch_what_to_add():
    import subprocess

    from conftest import REPO

    from bundelpers import messages as msg

    for target, values in (("bundel", []), ("nieuw", ["BUNDEL=3"]), ("importeer", ["BUNDEL=3"])):
        result = subprocess.run(["make", "-s", "--no-print-directory", target, *values], cwd=REPO,
                                capture_output=True, text=True, timeout=300, check=False)
        assert result.returncode == 2, result.stdout + result.stderr
        assert msg.MAKE_USAGE[target] in result.stderr
        assert "Traceback" not in result.stderr


def test_a_project_without_content_or_layouts_is_named_in_dutch_without_a_traceback(project_factory):
    import shutil

    for folder, words in (("layouts", "geen map layouts/"), ("content", "geen map content/")):
        project = project_factory(name=f"zonder-{folder}")
        shutil.rmtree(project / folder)
        for command in ("check", "build", "watch", "preview", "drukwerk"):
            result = run_cli(project, command)
            assert result.returncode == 2, result.stderr
            assert words in result.stderr and "Start make in de map van het project" in result.stderr
            assert "Traceback" not in result.stderr and "bundelpers zelf" not in result.stderr
