// Lays the dossier out in pages with Paged.js and returns the number of pages. Evaluated by
// ChromiumPdfRenderer after paged.min.js, in the tab that holds the dossier's HTML.
(async () => {
  const P = window.PagedModule;

  class DossierPages extends P.Handler {
    renderNode(clone, node) {
      // A table continued on a new page (between rows or inside a row) gets its column widths and its
      // header row again, before the page is measured, so the repeated header is part of the layout.
      const element = clone.nodeType === 1 ? clone : clone.parentElement;
      const table = element && element.closest("table");
      if (!table || !table.hasAttribute("data-split-from") || table.querySelector(":scope > thead")) return;
      const from = node.nodeType === 1 ? node : node.parentElement;
      const source = from && from.closest("table");
      if (!source || (from.closest("thead") && source.contains(from.closest("thead")))) return;
      const head = source.querySelector(":scope > thead");
      const cols = source.querySelector(":scope > colgroup");
      if (head) table.insertBefore(strip(head.cloneNode(true)), table.firstChild);
      if (cols) table.insertBefore(strip(cols.cloneNode(true)), table.firstChild);
    }
  }

  // The copies are not content Paged.js has to track.
  function strip(element) {
    element.removeAttribute("data-ref");
    for (const e of element.querySelectorAll("[data-ref]")) e.removeAttribute("data-ref");
    return element;
  }

  P.registerHandlers(DossierPages);
  // Every face is loaded before anything is measured.
  await Promise.all([...document.fonts].map((f) => f.load()));
  await document.fonts.ready;

  // Table rows are kept whole on a page, but Paged.js cannot place a row taller than a page and stops
  // there, dropping the rest of the document. Rows that would take most of a page (measured here, at the
  // width of the text) may break.
  const mm = 96 / 25.4;
  document.body.style.width = `${165 * mm}px`;
  for (const row of document.querySelectorAll("tr"))
    if (row.getBoundingClientRect().height > 0.6 * (297 - 20 - 18) * mm) row.style.breakInside = "auto";
  document.body.style.width = "";

  const previewer = new P.Previewer();
  // Paged.js lays out one page per animation frame, for a live preview; printing has nothing to show in
  // between, and without the waits a 200-page dossier is laid out in about half the time.
  previewer.chunker.q.tick = (callback) => queueMicrotask(callback);
  const flow = await previewer.preview();

  // Nothing may be left out: every element of the document must be on some page.
  const placed = new Set([...document.querySelectorAll(".pagedjs_pages [data-ref]")].map((e) => e.dataset.ref));
  const missing = [...previewer.chunker.source.querySelectorAll("[data-ref]")].filter((e) => !placed.has(e.dataset.ref));
  if (missing.length > 0)
    throw new Error(`${missing.length} elements were not laid out on any page, the first: <${missing[0].nodeName.toLowerCase()}> "${missing[0].textContent.slice(0, 80)}"`);
  return flow.total;
})()
