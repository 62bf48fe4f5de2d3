// The live preview asks the local server for the next version (the server answers when
// something changed, or after a while), then swaps only the pictures that changed, so
// the scroll position stays where the editor was reading.
(function () {
  const pages = document.getElementById("paginas");
  const banner = document.getElementById("meldingen");
  const bannerText = document.getElementById("meldingen-tekst");
  let version = Number(pages.dataset.versie);

  function show(status) {
    const figures = pages.querySelectorAll("figure.pagina");
    status.paginas.forEach(function (name, index) {
      const src = "/pagina/" + name + ".png";
      let figure = figures[index];
      if (!figure) {
        figure = document.createElement("figure");
        figure.className = "pagina";
        figure.id = "pagina-" + (index + 1);
        const img = document.createElement("img");
        img.alt = "Pagina " + (index + 1);
        const caption = document.createElement("figcaption");
        caption.textContent = String(index + 1);
        figure.append(img, caption);
        pages.append(figure);
      }
      const img = figure.querySelector("img");
      if (img.getAttribute("src") !== src) {
        img.setAttribute("src", src);
        figure.classList.add("nieuw");
        setTimeout(function () { figure.classList.remove("nieuw"); }, 1500);
      }
    });
    for (let index = figures.length - 1; index >= status.paginas.length; index--) {
      figures[index].remove();
    }
    bannerText.textContent = status.problemen.join("\n\n");
    banner.hidden = status.problemen.length === 0;
    pages.dataset.versie = String(status.versie);
  }

  function ask() {
    fetch("/status?versie=" + version, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.versie !== version) {
          version = status.versie;
          show(status);
        }
        ask();
      })
      .catch(function () { setTimeout(ask, 1000); });
  }
  ask();
})();
