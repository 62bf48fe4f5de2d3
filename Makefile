# bundelpers: `make` bouwt alle PDF's, `make test` draait de tests.
# Alles wat nodig is (virtuele omgeving, pakketten, systeembibliotheken) wordt
# hier geïnstalleerd; niets hoeft met de hand.

VENV     := .venv
PYTHON   := $(VENV)/bin/python
RUNTIME  := $(VENV)/.runtime-installed
TESTDEPS := $(VENV)/.test-installed

.DEFAULT_GOAL := pdf
.PHONY: pdf check test bench clean help system watch preview bundel drukwerk nieuw nieuwe-bundel importeer foutentabel

help: ## deze lijst
	@echo "Gebruik: make [doel]"
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  \1\t/'

pdf: $(RUNTIME) ## controleer de inhoud en maak alle PDF's in bundel_pdf/
	@$(VENV)/bin/bundelpers build

drukwerk: $(RUNTIME) ## drukklare PDF's en omslagen in bundel_pdf/drukwerk/ (snijtekens erbij: make drukwerk SNIJTEKENS=ja)
	@$(VENV)/bin/bundelpers drukwerk $(if $(filter ja,$(SNIJTEKENS)),--snijtekens)

check: $(RUNTIME) ## controleer alleen de inhoud (snel, zonder PDF's te maken)
	@$(VENV)/bin/bundelpers check

watch: $(RUNTIME) ## bouw opnieuw zodra je een bestand in content/ bewaart (stoppen: Ctrl-C)
	@$(VENV)/bin/bundelpers watch

preview: $(RUNTIME) ## bekijk een bundel in je browser, bijgewerkt bij elke keer bewaren (make preview BUNDEL=3)
	@$(VENV)/bin/bundelpers preview $(BUNDEL)

bundel: $(RUNTIME) ## controleer en maak alleen bundel NR (make bundel NR=3); de rest blijft zoals hij is
	@test -n "$(NR)" || { $(VENV)/bin/bundelpers uitleg bundel; exit 2; }
	@$(VENV)/bin/bundelpers build $(NR)

nieuw: $(RUNTIME) ## nieuwe casus: make nieuw BUNDEL=3 NAAM="Buurtkeuken Oss"
	@test -n "$(BUNDEL)" -a -n "$(NAAM)" || { $(VENV)/bin/bundelpers uitleg nieuw; exit 2; }
	@$(VENV)/bin/bundelpers nieuw casus "$(BUNDEL)" "$(NAAM)"

nieuwe-bundel: $(RUNTIME) ## nieuwe bundel met het volgende nummer (of kies de map: BUNDEL=wij-in-de-wijk-4)
	@$(VENV)/bin/bundelpers nieuw bundel $(BUNDEL)

importeer: $(RUNTIME) ## casus uit Word: make importeer BESTAND=casus.docx BUNDEL=3
	@test -n "$(BESTAND)" -a -n "$(BUNDEL)" || { $(VENV)/bin/bundelpers uitleg importeer; exit 2; }
	@$(VENV)/bin/bundelpers importeer "$(BESTAND)" --bundel "$(BUNDEL)"

test: $(TESTDEPS) ## draai alle tests
	@$(PYTHON) -m pytest -q

bench: $(RUNTIME) ## meet hoe snel bouwen gaat (tabel, en build/bench.json)
	@$(PYTHON) scripts/bench.py

foutentabel: $(TESTDEPS) ## maak de tabel met veelgemaakte fouten in docs/handleiding.md opnieuw, uit echte runs
	@$(PYTHON) scripts/foutentabel.py

clean: ## verwijder build/ en bundel_pdf/ (de virtuele omgeving blijft)
	rm -rf build bundel_pdf .pytest_cache

system: ## installeer de systeembibliotheken die WeasyPrint nodig heeft
	@sh scripts/system-deps.sh

$(PYTHON):
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --upgrade pip

$(RUNTIME): pyproject.toml scripts/system-deps.sh | $(PYTHON)
	@sh scripts/system-deps.sh
	$(PYTHON) -m pip install -q -e .
	@touch $@

$(TESTDEPS): $(RUNTIME) scripts/system-deps.sh
	@sh scripts/system-deps.sh test
	$(PYTHON) -m pip install -q -e '.[test]'
	@touch $@
