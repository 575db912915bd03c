// The gallery viewer: a progressive enhancement of the gallery page's grid (without this script
// every photo links to its own page). Opens a dialog over the page with the large photo, its
// caption and its position; arrow keys, the Previous and Next buttons and a swipe move between
// photos, Escape or Close returns to the grid with focus on the photo that was open.
(function () {
  "use strict";
  var grid = document.querySelector("[data-gallery]");
  if (!grid || typeof HTMLDialogElement !== "function") return;
  var links = Array.prototype.slice.call(grid.querySelectorAll("a[data-full]"));
  if (!links.length) return;
  var current = 0;

  function button(label, className) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.textContent = label;
    return element;
  }

  var dialog = document.createElement("dialog");
  dialog.className = "gallery-viewer";
  dialog.setAttribute("aria-label", document.title);
  var figure = document.createElement("figure");
  var picture = document.createElement("img");
  var caption = document.createElement("figcaption");
  var position = document.createElement("p");
  position.className = "gallery-viewer__position";
  position.setAttribute("aria-live", "polite");
  var previous = button(grid.dataset.labelPrevious, "gallery-viewer__previous");
  var next = button(grid.dataset.labelNext, "gallery-viewer__next");
  var close = button(grid.dataset.labelClose, "gallery-viewer__close");
  figure.appendChild(picture);
  figure.appendChild(caption);
  [close, figure, position, previous, next].forEach(function (part) { dialog.appendChild(part); });
  document.body.appendChild(dialog);

  function show(index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    var thumbnail = link.querySelector("img");
    var text = link.parentNode.querySelector("figcaption");
    picture.src = link.dataset.full;
    picture.width = link.dataset.width;
    picture.height = link.dataset.height;
    picture.alt = thumbnail ? thumbnail.alt : "";
    caption.textContent = text ? text.textContent : "";
    position.textContent = grid.dataset.labelPosition
      .replace("{number}", current + 1)
      .replace("{total}", links.length);
  }

  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      show(index);
      dialog.showModal();
      close.focus();
    });
  });
  previous.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  close.addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("close", function () { links[current].focus(); });
  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
    if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
  });

  var startX = null;
  dialog.addEventListener("pointerdown", function (event) { startX = event.clientX; });
  dialog.addEventListener("pointerup", function (event) {
    if (startX === null) return;
    var moved = event.clientX - startX;
    startX = null;
    if (Math.abs(moved) > 50) show(moved < 0 ? current + 1 : current - 1);
  });
})();
